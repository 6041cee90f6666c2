"""Parallel replies get the numbers 1..N+1, without gaps, twins or a 500; parallel reactions
and subscriptions end as one row."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from dcrnet.community.models import Role
from dcrnet.forum import services
from dcrnet.forum.models import Post, Reaction, Thread

from .factories import make_category, make_thread

pytestmark = pytest.mark.django_db(transaction=True)

N = 6


@pytest.fixture
def members(settings):
    settings.FORUM_HOLD_FIRST_POSTS = 0
    group = Group.objects.get_or_create(name=Role.MEMBER)[0]
    people = []
    for n in range(N):
        user = get_user_model().objects.create_user(
            email=f"p{n}@example.org", password="a long test passphrase", handle=f"p{n}"
        )
        user.groups.add(group)
        people.append(user)
    return people


def test_parallel_replies_are_numbered_without_gaps(members, shared_database, in_parallel):
    thread = make_thread(make_category(), members[0])

    def post(user):
        client = Client()
        client.force_login(user)
        return client.post(reverse("forum:reply", args=[thread.pk]), {"body": "me"}).status_code

    results = in_parallel(post, [(user,) for user in members])
    assert results == [302] * N, results
    numbers = sorted(Post.objects.filter(thread=thread).values_list("number", flat=True))
    assert numbers == list(range(1, N + 2))
    thread = Thread.objects.get(pk=thread.pk)
    assert thread.post_count == N + 1
    assert thread.category.post_count == N + 1 and thread.category.thread_count == 1


def test_parallel_same_reaction_is_one_row(members, shared_database, in_parallel):
    thread = make_thread(make_category(), members[0])
    post = thread.posts.get()
    user = members[1]
    results = in_parallel(services.toggle_reaction, [(user, post, "thanks")] * 2)
    assert all(not isinstance(r, Exception) for r in results), results
    assert Reaction.objects.filter(post=post, user=user).count() <= 1
