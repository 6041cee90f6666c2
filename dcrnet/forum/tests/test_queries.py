"""Query counts of the category and thread pages do not grow with the number of threads or
posts (5 against 50)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dcrnet.forum.models import Reaction

from .factories import make_category, make_thread

pytestmark = pytest.mark.django_db


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["member", "moderator", "anonymous"])
def test_thread_page_queries_are_constant(role, client, member, moderator, request):
    category = make_category("running", public=True)
    small = make_thread(category, moderator, posts=5, title="Small")
    large = make_thread(category, moderator, posts=50, title="Large")
    for thread in (small, large):
        for post in thread.posts.all()[:5]:
            Reaction.objects.create(post=post, user=moderator, kind="thanks")
        thread.posts.filter(number=2).update(body="Hello @someone")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    url_small = reverse("forum:thread", args=[small.pk])
    url_large = reverse("forum:thread", args=[large.pk])
    _count(client, url_small)  # warm the session and the caches alike
    _count(client, url_large)
    assert _count(client, url_large) == _count(client, url_small)


@pytest.mark.parametrize("role", ["member", "anonymous"])
def test_category_page_queries_are_constant(
    role, client, member, moderator, request, django_assert_max_num_queries
):
    few = make_category("few", public=True)
    many = make_category("many", public=True)
    for n in range(5):
        make_thread(few, moderator, title=f"F{n}")
    for n in range(50):
        make_thread(many, moderator if n % 2 else member, title=f"M{n}")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    _count(client, reverse("forum:category", args=["few"]))
    baseline = _count(client, reverse("forum:category", args=["few"]))
    with django_assert_max_num_queries(baseline):
        client.get(reverse("forum:category", args=["many"]))
    assert _count(client, reverse("forum:category", args=["many"]) + "?page=2") == baseline
