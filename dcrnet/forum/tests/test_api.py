"""The forum's read-only API: the permission cast, allowlisted output, 404 for what one may not
see, documented response codes."""

from __future__ import annotations

import pytest

from dcrnet.forum.models import PostStatus

from .factories import add_post, make_category, make_thread

pytestmark = pytest.mark.django_db

CAST = ["anonymous", "non_member", "member", "moderator", "editor", "staff"]
READERS = {"member", "moderator", "staff"}
API = "/api/v1/forum"


@pytest.fixture
def world(moderator, member):
    moderator.handle = "mod"
    moderator.save()
    private = make_category("running")
    public = make_category("advocacy", public=True)
    return {
        "private": make_thread(private, moderator, posts=3, title="Private"),
        "public": make_thread(public, moderator, posts=2, title="Public"),
    }


@pytest.mark.parametrize("role", CAST)
def test_cast(role, client, world, request):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    reader = role in READERS
    slugs = [c["slug"] for c in client.get(f"{API}/categories").json()]
    assert slugs == (["advocacy", "running"] if reader else ["advocacy"])
    private = client.get(f"{API}/categories/running/threads")
    posts = client.get(f"{API}/threads/{world['private'].pk}/posts")
    if reader:
        assert private.status_code == 200 and private.json()["count"] == 1
        assert posts.status_code == 200 and posts.json()["count"] == 3
    else:
        assert private.status_code == 404 and posts.status_code == 404
        assert private.json()["problems"][0]["message"] == "not found"
    assert client.get(f"{API}/categories/advocacy/threads").json()["count"] == 1
    assert client.get(f"{API}/threads/{world['public'].pk}/posts").status_code == 200


def test_output_is_allowlisted(client, world, member):
    client.force_login(member)
    thread = world["private"]
    thread.posts.filter(number=3).update(author=None)
    threads = client.get(f"{API}/categories/running/threads").json()
    assert set(threads["items"][0]) == {
        "id", "title", "author", "created_at", "last_post_at", "post_count", "pinned", "locked",
        "is_demo",
    }  # fmt: skip
    assert threads["items"][0]["author"] == "mod"
    items = client.get(f"{API}/threads/{thread.pk}/posts?limit=2&offset=1").json()["items"]
    assert [p["number"] for p in items] == [2, 3]
    assert set(items[0]) == {"number", "author", "status", "body_html", "created_at", "edited_at"}
    assert items[1]["author"] is None
    assert "example.org" not in str(items)
    assert items[0]["body_html"].startswith("<p>")


def test_hidden_and_held_posts_stay_out(client, world, member, moderator):
    thread = world["public"]
    add_post(thread, moderator, "hidden", status=PostStatus.HIDDEN)
    add_post(thread, moderator, "held", status=PostStatus.HELD)
    client.force_login(member)
    bodies = [
        p["body_html"] for p in client.get(f"{API}/threads/{thread.pk}/posts").json()["items"]
    ]
    assert len(bodies) == 2 and not any("hidden" in b or "held" in b for b in bodies)
    client.force_login(moderator)
    assert client.get(f"{API}/threads/{thread.pk}/posts").json()["count"] == 4


def test_bad_parameters_are_422(client, world):
    assert client.get(f"{API}/categories/advocacy/threads?limit=0").status_code == 422
    assert client.get(f"{API}/threads/0/posts").status_code == 422
    assert client.get(f"{API}/threads/999999/posts").status_code == 404


def test_every_status_is_documented(client):
    document = client.get("/api/v1/openapi.json").json()
    operations = {
        op["operationId"]: op
        for path, item in document["paths"].items()
        if path.startswith("/api/v1/forum/")
        for op in item.values()
    }
    assert set(operations) == {"list_forum_categories", "list_forum_threads", "list_forum_posts"}
    assert set(operations["list_forum_categories"]["responses"]) == {"200", "422"}
    for name in ("list_forum_threads", "list_forum_posts"):
        assert set(operations[name]["responses"]) == {"200", "404", "422"}
