"""The cost of the forum's pages does not grow with their rows: URL reversals (each post's and
thread's links are built from prefixes reversed once per page), one reaction form per post, and
posts' Markdown rendered once and then read from the cache."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.urls.resolvers import URLResolver

from dcrnet.forum import markup
from dcrnet.forum.models import PostStatus, ReactionKind

from .factories import add_post, make_category, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def handles(member, moderator):
    member.handle, moderator.handle = "runner", "keeper"
    member.save(update_fields=["handle"])
    moderator.save(update_fields=["handle"])


def _reversals(client, url) -> int:
    """The URL reversals (every {% url %} and reverse()) made while serving one GET."""
    original = URLResolver._reverse_with_prefix
    calls = 0

    def counting(self, *args, **kwargs):
        nonlocal calls
        calls += 1
        return original(self, *args, **kwargs)

    with mock.patch.object(URLResolver, "_reverse_with_prefix", counting):
        response = client.get(url)
    assert response.status_code == 200
    return calls


def _thread(category, author, other, posts: int, title: str):
    """A thread with `posts` posts by two authors (so both the edit and the report links show),
    a mention, a held and a hidden post (moderators' approve and restore forms)."""
    thread = make_thread(category, author, posts=1, title=title)
    for n in range(2, posts + 1):
        status = {3: PostStatus.HELD, 4: PostStatus.HIDDEN}.get(n, PostStatus.VISIBLE)
        add_post(thread, other if n % 2 else author, f"Reply {n} to @{other.handle}", status=status)
    thread.posts.filter(number=2).update(edited_at=thread.created_at)  # the history link
    return thread


@pytest.mark.parametrize("role", ["member", "moderator", "anonymous"])
def test_thread_page_reversals_do_not_grow_with_its_posts(role, client, member, moderator, request):
    category = make_category("running", public=True)
    small = _thread(category, member, moderator, 5, "Small")
    large = _thread(category, member, moderator, 20, "Large")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    small_url = reverse("forum:thread", args=[small.pk])
    large_url = reverse("forum:thread", args=[large.pk])
    client.get(small_url)  # the first visits write read markers and fill the cache
    client.get(large_url)
    few, many = _reversals(client, small_url), _reversals(client, large_url)
    assert many == few
    assert few < 60  # a few per page: the base template's ~35 links and one per kind of post link
    if role == "moderator":  # the moderation tools are shown and built from the prefixes too
        page = client.get(large_url).content.decode()
        held = large.posts.get(number=3)
        assert f'action="{reverse("forum:moderation_approve", args=[held.pk])}"' in page


def test_category_page_reversals_do_not_grow_with_its_threads(client, member, moderator):
    few = make_category("few", public=True)
    many = make_category("many", public=True)
    for n in range(5):
        make_thread(few, moderator, title=f"F{n}")
    for n in range(30):
        make_thread(many, member if n % 2 else moderator, title=f"M{n}")
    client.force_login(member)
    few_url, many_url = (
        reverse("forum:category", args=["few"]),
        reverse("forum:category", args=["many"]),
    )
    client.get(few_url)
    assert _reversals(client, many_url) == _reversals(client, few_url)
    page = client.get(many_url).content.decode()
    thread = many.threads.order_by("pk").first()
    assert f'href="{reverse("forum:thread", args=[thread.pk])}"' in page
    assert f'href="/members/{member.handle}/"' in page


def test_one_reaction_form_per_post_with_a_button_per_kind(client, member, moderator):
    category = make_category("running", public=True)
    thread = make_thread(category, moderator, posts=3)
    client.force_login(member)
    page = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    for post in thread.posts.all():
        action = reverse("forum:react", args=[post.pk])
        assert page.count(f'action="{action}"') == 1
        assert page.count(f'hx-post="{action}"') == 1
        form = page.split(f'action="{action}"', 1)[1].split("</form>", 1)[0]
        kinds = re.findall(r'<button type="submit" name="kind" value="(\w+)"', form)
        assert kinds == list(ReactionKind.values)
        assert form.count("csrfmiddlewaretoken") == 1
        back = reverse("forum:thread", args=[thread.pk]) + f"#p{post.number}"
        assert f'name="next" value="{back}"' in form


def test_the_htmx_answer_is_the_one_form_again(client, member, moderator):
    category = make_category("running", public=True)
    post = make_thread(category, moderator).posts.get()
    client.force_login(member)
    url = reverse("forum:react", args=[post.pk])
    fragment = client.post(url, {"kind": "agree"}, headers={"HX-Request": "true"}).content.decode()
    assert fragment.count("<form") == 1 and f'hx-post="{url}"' in fragment
    assert 'value="agree" class="forum-reaction mine" aria-pressed="true"' in fragment


def test_markdown_is_rendered_once_then_read_from_the_cache(member, moderator):
    cache.clear()
    category = make_category("running", public=True)
    thread = make_thread(category, moderator, posts=1)
    add_post(thread, member, f"Hello **@{moderator.handle}** and @nobody")
    posts = list(thread.posts.order_by("number"))
    markup.render_posts(posts)
    first = [post.html for post in posts]
    assert f'<a class="mention" href="/members/{moderator.handle}/">' in first[1]
    with mock.patch.object(markup, "render_markdown") as render:
        again = list(thread.posts.order_by("number"))
        markup.render_posts(again)
    render.assert_not_called()
    assert [post.html for post in again] == first


def test_the_cached_html_follows_the_handles_that_exist(member, moderator, django_user_model):
    """A mentioned handle that comes to exist is linked; one that goes away is not (the key
    holds which of the post's handles exist)."""
    category = make_category("running", public=True)
    thread = make_thread(category, moderator, posts=1)
    post = add_post(thread, member, "Thanks @latecomer")
    markup.render_posts([post])
    assert "mention" not in post.html
    user = django_user_model.objects.create_user(email="late@example.org", handle="latecomer")
    markup.render_posts([post])
    assert 'href="/members/latecomer/">@latecomer</a>' in post.html
    user.delete()
    markup.render_posts([post])
    assert "mention" not in post.html and "@latecomer" in post.html


def test_the_cached_html_follows_an_edit(member, moderator):
    category = make_category("running", public=True)
    post = add_post(make_thread(category, moderator, posts=1), member, "First *text*")
    markup.render_posts([post])
    post.body = "Second *text*"
    markup.render_posts([post])
    assert "Second <em>text</em>" in post.html
