"""Emails of the newsletter: the confirmation link of a subscription, and an issue to one
subscriber (a plain-text part always, an HTML part beside it), each in the subscriber's language
with absolute links in that language.

An issue's email carries the RFC 2369 / RFC 8058 headers (`List-Unsubscribe` with the signed
link, `List-Unsubscribe-Post: List-Unsubscribe=One-Click`) and the same link in its text. The
HTML part loads nothing: no image, no remote style, no tracking pixel, and its links are the
site's own addresses, not redirects through a counter.
"""

from __future__ import annotations

import email.policy
import html
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from dcrnet.lib.i18n import absolute
from dcrnet.lib.markdown import render_markdown

from .models import Issue, Status, Subscriber
from .selectors import Digest
from .tokens import CONFIRM_DAYS, make_confirm_token, make_unsubscribe_token


class NewsletterEmail(EmailMultiAlternatives):
    """Headers never folded below RFC 5322's 998 characters a line: the SMTP backend renders
    with email.policy.SMTP (78), which would turn the long List-Unsubscribe URL into encoded
    words that mail clients do not read as a URL (as dcrnet.forum does)."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def confirm_url(subscriber: Subscriber) -> str:
    token = make_confirm_token(subscriber.public_id)
    return absolute(reverse("newsletter:confirm", kwargs={"token": token}))


def unsubscribe_url(subscriber: Subscriber) -> str:
    token = make_unsubscribe_token(subscriber.public_id)
    return absolute(reverse("newsletter:unsubscribe", kwargs={"token": token}))


def list_headers(unsubscribe: str) -> dict[str, str]:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return {
        "List-Id": f"DCR Network newsletter <newsletter.{host}>",
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# --- the confirmation --------------------------------------------------------------------------


def confirmation_message(subscriber: Subscriber) -> EmailMessage | None:
    if subscriber.status != Status.PENDING:
        return None
    with translation.override(subscriber.language):
        body = "\n\n".join(
            [
                _(
                    "Someone, probably you, asked for the monthly newsletter of the DCR Network "
                    "at this address. To receive it, open this link and press the button there:"
                ),
                confirm_url(subscriber),
                _(
                    "The link works for %(days)s days. If you did not ask for the newsletter, "
                    "ignore this email: you will not hear from us again, and we delete the "
                    "address after %(days)s days."
                )
                % {"days": CONFIRM_DAYS},
            ]
        )
        subject = _("Please confirm your subscription to the DCR Network newsletter")
    return EmailMessage(
        subject=subject,
        body=body + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
    )


# --- an issue ----------------------------------------------------------------------------------

LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
# A path of the site ("/guide/"), not a protocol-relative address ("//elsewhere.example").
RELATIVE_HREF = re.compile(r'href="(/[^"/][^"]*|/)"')


def _absolute_links(fragment: str) -> str:
    return RELATIVE_HREF.sub(lambda m: f'href="{absolute(m[1])}"', fragment)


def markdown_html(text: str) -> str:
    """An editor's Markdown for the HTML part: cleaned (no images, no scripts) and with the
    site's relative links made absolute."""
    return mark_safe(_absolute_links(str(render_markdown(text))))  # noqa: S308 - cleaned by nh3


def markdown_text(text: str) -> str:
    """An editor's Markdown for the plain-text part: paragraphs, list items with "*", and each
    link as "label <address>"."""
    fragment = _absolute_links(str(render_markdown(text)))
    urls: list[str] = []

    def link(match: re.Match) -> str:
        url, label = html.unescape(match[1]), match[2]
        if html.unescape(re.sub(r"<[^>]+>", "", label)) == url:
            return label
        urls.append(url)
        return f"{label} \x01{len(urls) - 1}\x02"  # put back once the tags are gone

    fragment = LINK.sub(link, fragment)
    fragment = re.sub(r"<li>", "* ", fragment)
    fragment = re.sub(r"<br\s*/?>", "\n", fragment)
    fragment = re.sub(r"</li>\s*", "\n", fragment)
    fragment = re.sub(r"</(p|h\d|blockquote|pre|tr)>", "\n", fragment)
    fragment = re.sub(r"<(p|h\d|ul|ol|blockquote|pre|table)>", "\n", fragment)
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment))
    text = re.sub(r"\x01(\d+)\x02", lambda m: f"<{urls[int(m[1])]}>", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def subject(issue: Issue) -> str:
    """In the active language: the editors' subject, or the default with the month."""
    if issue.title:
        return " ".join(issue.title.split())
    return _("DCR Network newsletter, %(month)s") % {
        "month": formats.date_format(issue.month, "YEAR_MONTH_FORMAT")
    }


def session_when(session) -> str:
    """The start in the session's own time zone, with the zone's name."""
    return f"{formats.date_format(session.local_start, 'DATETIME_FORMAT')} ({session.time_zone})"


def render(digest: Digest, unsubscribe: str) -> tuple[str, str, str]:
    """(subject, text, html) of the issue in the digest's language."""
    with translation.override(digest.language):
        issue = digest.issue
        title = subject(issue)
        context = {
            "subject": title,
            "digest": digest,
            "issue": issue,
            "language": digest.language,
            "month": formats.date_format(issue.month, "YEAR_MONTH_FORMAT"),
            "intro_text": markdown_text(issue.intro),
            "intro_html": markdown_html(issue.intro),
            "highlight_title": "",
            "highlight_text": "",
            "highlight_html": "",
            "sessions": [(s, session_when(s.item)) for s in digest.sessions],
            "unsubscribe_url": unsubscribe,
        }
        if digest.highlight is not None:
            highlight = digest.highlight
            context["highlight_title"] = highlight.title or highlight.facility.name
            context["highlight_text"] = markdown_text(highlight.text)
            context["highlight_html"] = markdown_html(highlight.text)
        text = render_to_string("newsletter/email/issue.txt", context)
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
        html_part = render_to_string("newsletter/email/issue.html", context)
        return title, text, html_part


def issue_message(digest: Digest, subscriber: Subscriber) -> EmailMultiAlternatives:
    with translation.override(digest.language):
        unsubscribe = unsubscribe_url(subscriber)
    subject_line, text, html_part = render(digest, unsubscribe)
    message = NewsletterEmail(
        subject=subject_line,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers=list_headers(unsubscribe),
    )
    message.attach_alternative(html_part, "text/html")
    return message
