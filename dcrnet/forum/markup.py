"""Posts' Markdown: rendered through lib.markdown (nh3, no images), @mentions of existing handles
linked to their member page, and quoting a post as a Markdown blockquote."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext as _

from dcrnet.lib.cache import cached
from dcrnet.lib.markdown import render_markdown

# A handle is a slug (community.User.handle); "@" not preceded by a word character, "@" or "/"
# (so e-mail addresses and URLs are not mentions).
MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9][A-Za-z0-9_-]{0,39})\b")
_TAG = re.compile(r"(<[^>]+>)")
_SKIP = {"a", "code", "pre"}
DELETED_MENTION = "@[deleted member]"
# Rendered posts are kept in the cache under a digest of everything their HTML depends on: the
# body, which of its @handles belong to an account, and the members' URL prefix (language). A
# change of any of them is a new key, so nothing is ever invalidated; bump RENDER_VERSION when
# the rendering itself changes (lib.markdown, link_mentions).
RENDER_VERSION = "1"
HTML_CACHE_SECONDS = 7 * 24 * 3600
_PLACEHOLDER = "h0a1n2d3l4e"


def candidate_handles(text: str) -> set[str]:
    return {match.lower() for match in MENTION.findall(text or "")}


def existing_handles(candidates: Iterable[str]) -> set[str]:
    """The lower-cased handles among the candidates that belong to an account (one query)."""
    candidates = {c.lower() for c in candidates}
    if not candidates:
        return set()
    return set(
        get_user_model()
        .objects.annotate(lower_handle=Lower("handle"))
        .filter(lower_handle__in=candidates)
        .values_list("lower_handle", flat=True)
    )


def mentioned_handles(text: str) -> set[str]:
    """The existing handles (lower case) a text mentions with @handle."""
    return existing_handles(candidate_handles(text))


def member_url(handle: str) -> str:
    return reverse("members:member", args=[handle])


def _member_url_parts() -> tuple[str, str]:
    """The member page's URL around the handle, reversed once (the active language's prefix)."""
    before, _sep, after = member_url(_PLACEHOLDER).partition(_PLACEHOLDER)
    return before, after


def link_mentions(html: str, handles: set[str], url_parts: tuple[str, str] | None = None) -> str:
    """Link @handle in the text of cleaned HTML (never inside links, code or pre); url_parts:
    the member page's URL around the handle, when the caller has reversed it already."""
    if not handles or "@" not in html:
        return html
    before, after = url_parts or _member_url_parts()
    parts = _TAG.split(html)
    skip = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            name = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
            if name in _SKIP:
                skip += -1 if part.startswith("</") else 1
            continue
        if skip or "@" not in part:
            continue

        def replace(match: re.Match) -> str:
            handle = match.group(1)
            if handle.lower() not in handles:
                return match.group(0)
            return f'<a class="mention" href="{before}{handle}{after}">@{handle}</a>'

        parts[index] = MENTION.sub(replace, part)
    return "".join(parts)


def _html_key(body: str, handles: set[str], url_parts: tuple[str, str]) -> str:
    source = "\0".join((RENDER_VERSION, *url_parts, ",".join(sorted(handles)), body))
    return hashlib.sha256(source.encode()).hexdigest()


def render_posts(posts: Iterable) -> None:
    """Set `post.html` on each post: its Markdown rendered and its mentions linked. One query for
    the mentions of all of them; the HTML of all of them is one cache entry, keyed by every
    post's digest, so a page costs one cache read and, when a post changed, one write (a
    constant number of queries with the database cache too)."""
    posts = list(posts)
    candidates = [candidate_handles(p.body) for p in posts]
    existing = existing_handles(set().union(*candidates) if posts else set())
    url_parts = _member_url_parts()
    keys = [
        _html_key(post.body, found & existing, url_parts) if post.body else ""
        for post, found in zip(posts, candidates, strict=True)
    ]
    if not any(keys):
        for post in posts:
            post.html = ""
        return

    def render() -> list[str]:
        return [
            link_mentions(str(render_markdown(post.body)), found & existing, url_parts)
            if post.body
            else ""
            for post, found in zip(posts, candidates, strict=True)
        ]

    # The bundle's name is the digest of every post's digest, in order: it holds one HTML per
    # post by construction, and no write to content retires it (lib.cache, content=False).
    bundle_name = "forum:html:" + hashlib.sha256(",".join(keys).encode()).hexdigest()
    bundle = cached(bundle_name, render, HTML_CACHE_SECONDS, content=False)
    for post, html in zip(posts, bundle, strict=True):
        post.html = html


def render_post(text: str) -> str:
    return link_mentions(str(render_markdown(text)), mentioned_handles(text))


def quote(post) -> str:
    """The Markdown that quotes a post in a reply."""
    who = post.author.handle if post.author and post.author.handle else _("[deleted member]")
    lines = (post.body or "").strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}".rstrip() for line in lines)
    return _("%(who)s wrote:") % {"who": f"@{who}" if post.author else who} + "\n" + quoted + "\n\n"


def replace_mentions(text: str, handle: str) -> str:
    """Every @handle (any case) in a text replaced by "@[deleted member]"."""
    pattern = re.compile(r"(?<![\w@/.])@" + re.escape(handle) + r"\b(?![-_])", re.IGNORECASE)
    return pattern.sub(DELETED_MENTION, text or "")
