"""Writers at the same time, as app processes do: members opening threads (the category row
locked first) while others reply, edit and moderators hide posts of that category (the
category row updated last). Every write succeeds, and afterwards the index says what the rows
say: each post found by its own word, by whom may read it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from dcrnet.sitesearch import indexing, selectors
from dcrnet.sitesearch.models import Entry, Kind

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 3
WRITERS = 6


def word(n: int) -> str:
    """A word of letters only, one per post (the stemmer leaves it whole)."""
    return "zq" + "".join("bcdfghjklm"[int(digit)] for digit in f"{n:03d}")


def test_parallel_forum_writes_leave_the_index_right(
    shared_database, in_parallel, django_user_model
):
    from django.contrib.auth.models import Group

    from dcrnet.community.models import Role
    from dcrnet.forum import moderation, services
    from dcrnet.forum.models import Category, Post, PostStatus, Thread

    writers = []
    for n in range(WRITERS):
        user = django_user_model.objects.create_user(
            email=f"mod{n}@example.org", password="a long test passphrase", handle=f"mod{n}"
        )
        user.groups.add(Group.objects.get_or_create(name=Role.MODERATOR)[0])
        writers.append(user)
    category = Category.objects.create(slug="open", name="Open", public_readable=True)
    first = services.create_thread(writers[0], category, "First thread", word(0))

    counter = iter(range(1, 10_000))

    def act(number: int, user):
        thread = Thread.objects.get(pk=first.pk)
        match number % 3:
            case 0:
                return services.create_thread(user, category, f"Thread {number}", word(number))
            case 1:
                return services.reply(user, thread, word(number))
            case _:
                post = thread.posts.order_by("?").first()
                return moderation.hide_post(user, post.pk, "Test")

    for _round in range(ROUNDS):
        jobs = [(next(counter), writers[n]) for n in range(WRITERS)]
        results = in_parallel(act, jobs)
        assert [r for r in results if isinstance(r, Exception)] == []

    posts = list(Post.objects.all())
    # Nothing left to change: the entries are what the rows make.
    assert indexing.apply(Kind.FORUM, [p.pk for p in posts]) == 0
    assert Entry.objects.filter(kind=Kind.FORUM).count() == len(posts)
    anonymous = AnonymousUser()
    for post in posts:
        found = {hit.url for hit in selectors.search_kind(post.body, anonymous, "forum").group.hits}
        expected = {f"/forum/p/{post.pk}/"} if post.status == PostStatus.VISIBLE else set()
        assert found == expected, post.body
