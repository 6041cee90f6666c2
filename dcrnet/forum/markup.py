"""Posts' Markdown: rendered through lib.markdown (nh3, no images), @mentions of existing handles
linked to their member page, and quoting a post as a Markdown blockquote."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext as _

from dcrnet.lib.markdown import render_markdown

# A handle is a slug (community.User.handle); "@" not preceded by a word character, "@" or "/"
# (so e-mail addresses and URLs are not mentions).
MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9][A-Za-z0-9_-]{0,39})\b")
_TAG = re.compile(r"(<[^>]+>)")
_SKIP = {"a", "code", "pre"}
DELETED_MENTION = "@[deleted member]"


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


def link_mentions(html: str, handles: set[str]) -> str:
    """Link @handle in the text of cleaned HTML (never inside links, code or pre)."""
    if not handles or "@" not in html:
        return html
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
            return f'<a class="mention" href="{member_url(handle)}">@{handle}</a>'

        parts[index] = MENTION.sub(replace, part)
    return "".join(parts)


def render_posts(posts: Iterable) -> None:
    """Set `post.html` on each post: its Markdown rendered and its mentions linked (one query
    for the mentions of all of them)."""
    posts = list(posts)
    handles = existing_handles(
        set().union(*(candidate_handles(p.body) for p in posts)) if posts else set()
    )
    for post in posts:
        post.html = link_mentions(str(render_markdown(post.body)), handles)


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
