"""Markdown of posts: @mentions, quotes, and the XSS corpus (RELIABILITY 34) through titles,
bodies and quotes on every page that shows them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dcrnet.forum import markup, services
from testing.xss import XSS, unsafe_markup

from .factories import make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(member, moderator):
    member.handle = "alice"
    member.save()
    moderator.handle = "Bob-2"
    moderator.save()
    return member, moderator


def test_mentions_of_existing_handles_only(named):
    text = "Hi @alice and @BOB-2, not @nobody, nor mail@alice.org, `@alice` in code."
    assert markup.mentioned_handles(text) == {"alice", "bob-2"}
    html = markup.render_post(text)
    assert html.count('class="mention"') == 2
    assert 'href="/members/alice/">@alice</a>' in html
    assert 'href="/members/BOB-2/">@BOB-2</a>' in html
    assert "@nobody" in html and "/members/nobody/" not in html
    assert "<code>@alice</code>" in html


def test_mention_inside_a_link_is_not_linked_again(named):
    html = markup.render_post("[ask @alice](https://example.org)")
    assert html.count("<a ") == 1


def test_quote_is_a_blockquote_of_the_post(named, settings):
    settings.FORUM_HOLD_FIRST_POSTS = 0
    alice, _bob = named
    thread = services.create_thread(alice, make_category(), "Title", "line one\n\nline two")
    quoted = markup.quote(thread.opening)
    assert quoted == "@alice wrote:\n> line one\n>\n> line two\n\n"
    html = markup.render_post(quoted)
    assert "<blockquote>" in html and "line two" in html


def test_quote_of_a_deleted_member(named, settings):
    settings.FORUM_HOLD_FIRST_POSTS = 0
    alice, _bob = named
    thread = services.create_thread(alice, make_category(), "Title", "text")
    thread.opening.author = None
    assert markup.quote(thread.opening).startswith("[deleted member] wrote:")


def test_replace_mentions_for_erasure():
    text = "@alice, @Alice-x and @ALICE. mail@alice.org"
    assert markup.replace_mentions(text, "alice") == (
        "@[deleted member], @Alice-x and @[deleted member]. mail@alice.org"
    )


def test_xss_corpus_through_titles_bodies_and_quotes(client, named, settings):
    settings.FORUM_HOLD_FIRST_POSTS = 0
    alice, bob = named
    category = make_category()
    client.force_login(bob)
    for payload in XSS:
        thread = services.create_thread(bob, category, payload[:200], payload)
        reply = services.reply(bob, thread, markup.quote(thread.opening) + payload)
        services.edit_post(bob, reply, payload + " (edited)")
        pages = [
            client.get(reverse("forum:thread", args=[thread.pk])),
            client.get(reverse("forum:history", args=[reply.pk])),
            client.get(reverse("forum:reply", args=[thread.pk]) + f"?quote={thread.opening.pk}"),
            client.get(reverse("forum:edit", args=[reply.pk])),
        ]
        for page in pages:
            assert page.status_code == 200
            assert unsafe_markup(page.content.decode()) == [], (payload, page.wsgi_request.path)
    listing = client.get(reverse("forum:category", args=[category.slug]))
    assert unsafe_markup(listing.content.decode()) == []
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in listing.content
    api = client.get(f"/api/v1/forum/threads/{thread.pk}/posts")
    for post in api.json()["items"]:
        assert unsafe_markup(post["body_html"]) == []
