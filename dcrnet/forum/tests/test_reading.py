"""Reading: the index, category pages (pinned first, 30 a page, unread markers, demonstration
badge), thread pages (20 a page, anchors, read markers), links to a post, deleted members."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dcrnet.forum import services
from dcrnet.forum.models import ReadMarker

from .factories import add_post, make_category, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return make_category("running")


def test_index_shows_counts_and_a_prompt_to_sign_in(client, member, category):
    make_thread(category, member, posts=3)
    public = make_category("advocacy", public=True)
    make_thread(public, member, posts=2)
    page = client.get(reverse("forum:index"))
    assert b"Advocacy" in page.content and b"Running" not in page.content
    assert reverse("account_login").encode() in page.content
    client.force_login(member)
    page = client.get(reverse("forum:index"))
    assert b"Running" in page.content
    categories = {c.slug: c for c in page.context["categories"]}
    assert (categories["running"].thread_count, categories["running"].post_count) == (1, 3)


def test_category_page_order_pagination_unread_and_demo(client, member, moderator, category):
    threads = [make_thread(category, moderator, title=f"Thread {n:02d}") for n in range(31)]
    pinned = threads[0]
    pinned.pinned = True
    pinned.save()
    demo = threads[29]
    demo.is_demo = True
    demo.save()
    client.force_login(member)
    ReadMarker.objects.create(user=member, thread=threads[30], last_read=1)
    page = client.get(reverse("forum:category", args=[category.slug]))
    shown = list(page.context["page"].object_list)
    assert len(shown) == 30
    assert shown[0] == pinned
    assert shown[1] == threads[30]  # the latest activity next
    assert not shown[1].unread and shown[2].unread
    assert b"Demonstration content" in page.content
    assert b"new posts" in page.content
    second = client.get(reverse("forum:category", args=[category.slug]) + "?page=2")
    assert len(second.context["page"].object_list) == 1


def test_thread_page_paginates_and_marks_read(client, member, moderator, category):
    thread = make_thread(category, moderator, posts=45)
    client.force_login(member)
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    assert [p.number for p in page.context["posts"]] == list(range(1, 21))
    assert b'id="p20"' in page.content
    assert ReadMarker.objects.get(user=member, thread=thread).last_read == 20
    client.get(reverse("forum:thread", args=[thread.pk]) + "?page=3")
    assert ReadMarker.objects.get(user=member, thread=thread).last_read == 45
    client.get(reverse("forum:thread", args=[thread.pk]))
    assert ReadMarker.objects.get(user=member, thread=thread).last_read == 45  # never lower
    category_page = client.get(reverse("forum:category", args=[category.slug]))
    assert not category_page.context["page"].object_list[0].unread
    add_post(thread, moderator)
    category_page = client.get(reverse("forum:category", args=[category.slug]))
    assert category_page.context["page"].object_list[0].unread


def test_post_link_goes_to_its_page_and_anchor(client, member, category):
    thread = make_thread(category, member, posts=25)
    client.force_login(member)
    post = thread.posts.get(number=23)
    response = client.get(reverse("forum:post", args=[post.pk]))
    assert response.url == reverse("forum:thread", args=[thread.pk]) + "?page=2#p23"
    first = thread.posts.get(number=2)
    assert client.get(reverse("forum:post", args=[first.pk])).url.endswith(f"/t/{thread.pk}/#p2")


def test_deleted_member_is_shown_as_such(client, member, moderator, category):
    thread = make_thread(category, moderator, posts=1)
    thread.posts.update(author=None)
    client.force_login(member)
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    assert b"[deleted member]" in page.content


def test_thread_page_without_javascript_has_plain_forms(
    client, member, moderator, category, settings
):
    settings.FORUM_HOLD_FIRST_POSTS = 0
    thread = make_thread(category, moderator, posts=1)
    client.force_login(member)
    body = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert f'<form method="post" action="{reverse("forum:reply", args=[thread.pk])}"' in body
    assert f'action="{reverse("forum:react", args=[thread.posts.get().pk])}"' in body
    assert f'action="{reverse("forum:subscribe_thread", args=[thread.pk])}"' in body
    assert "?quote=" in body
    assert "<script>" not in body.split("<main", 1)[1]
    services.reply(member, thread, "by a plain POST")
    assert thread.posts.count() == 2


@pytest.mark.parametrize("slug", ["t", "p", "subscriptions", "moderation", "email"])
def test_a_category_cannot_take_an_address_of_the_forum_itself(slug):
    from django.core.exceptions import ValidationError

    from dcrnet.forum.models import Category

    with pytest.raises(ValidationError) as refused:
        Category(name="Clash", slug=slug).full_clean()
    assert "slug" in refused.value.message_dict


def test_readers_see_where_a_post_was_hidden_but_not_its_text_or_author(
    client, member, moderator, category
):
    thread = make_thread(category, moderator, posts=1)
    hidden = add_post(thread, moderator, "Secret words of the hidden post", status="hidden")
    add_post(thread, moderator, "After it")
    client.force_login(member)
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    html = page.content.decode()
    assert "This post was hidden by a moderator." in html
    assert f'id="p{hidden.number}"' in html
    assert "Secret words" not in html
    assert "After it" in html
    client.force_login(moderator)
    html = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert "Secret words of the hidden post" in html
    assert "This post was hidden by a moderator." not in html
