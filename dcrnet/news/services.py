"""Writes of the news section: one click turns a directory status change or a policy event into an
article.

Draft or published? The article restates a dated, sourced fact the site already shows (a
facility's status history, the policy tracker), in the words below, with its source, so it is
published at once when that fact is public: the facility is published, or the event is. When it
is not (an unpublished facility or event), the article is a draft, so one click never makes
public what the directory or the tracker keeps private; the editor publishes it in the admin.

Each service locks the status change's (or event's) row, so two editors clicking at once get one
article: the second finds the first's (PostgreSQL waits on the lock; SQLite's IMMEDIATE
transactions already serialise writers). The one-to-one link is the last guard.
"""

from __future__ import annotations

import html

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dcrnet.directory.models import Status, StatusChange
from dcrnet.lib.markdown import render_markdown
from dcrnet.lib.refusals import NotAllowed
from dcrnet.policy.models import Event

from .models import Article, ArticleStatus, SourceLink

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SLUG_LENGTH = 110


class NotAnEditor(NotAllowed):
    default_message = _("Only editors publish news.")


def is_editor(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm("news.add_article")


# The words of an article made from a status change, per status (translated with the site).
STATUS_TITLES = {
    Status.OPEN: _("%(facility)s opened in %(city)s"),
    Status.CLOSED: _("%(facility)s closed in %(city)s"),
    Status.SUSPENDED: _("%(facility)s suspended in %(city)s"),
    Status.PLANNED: _("%(facility)s planned in %(city)s"),
}
STATUS_SUMMARIES = {
    Status.OPEN: _(
        "%(facility)s, a drug consumption room in %(city)s (%(country)s), opened on %(date)s."
    ),
    Status.CLOSED: _(
        "%(facility)s, a drug consumption room in %(city)s (%(country)s), closed on %(date)s."
    ),
    Status.SUSPENDED: _(
        "%(facility)s, a drug consumption room in %(city)s (%(country)s), suspended its service"
        " on %(date)s."
    ),
    Status.PLANNED: _(
        "%(facility)s, a drug consumption room in %(city)s (%(country)s), is planned since"
        " %(date)s."
    ),
}


def in_every_language(make) -> dict[str, str]:
    """{"title_en": …, "title_fr": …}-style columns from make() run in each language; a language
    whose catalogue has no translation yet is left empty, so the page shows English with the
    "not yet translated" note instead of English passed off as that language."""
    values: dict[str, str] = {}
    for code in LANGUAGES:
        with translation.override(code):
            values[code] = make()
    english = values[settings.LANGUAGE_CODE]
    return {
        code: text
        for code, text in values.items()
        if code == settings.LANGUAGE_CODE or text != english
    }


def _free_slug(base: str) -> str:
    base = slugify(base)[:SLUG_LENGTH].strip("-") or "news"
    slug, n = base, 1
    while Article.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[: SLUG_LENGTH - 6]}-{n}"
    return slug


def _create(
    *,
    by,
    slug: str,
    titles: dict[str, str],
    summaries: dict[str, str],
    bodies: dict[str, str],
    public: bool,
    source: tuple[str, str],
    **origin,
) -> Article:
    # A facility's name (200) and city (120) in a sentence can be longer than the column.
    limit = Article._meta.get_field("title").max_length
    columns = {
        **{f"title_{code}": Truncator(text).chars(limit) for code, text in titles.items()},
        **{f"summary_{code}": text for code, text in summaries.items()},
        **{f"body_{code}": text for code, text in bodies.items()},
    }
    # In English: the base columns (and so the history's copy) hold the English texts.
    with translation.override(settings.LANGUAGE_CODE):
        article = Article.objects.create(
            slug=_free_slug(slug),
            status=ArticleStatus.PUBLISHED if public else ArticleStatus.DRAFT,
            author=by,
            **columns,
            **origin,
        )
    title, url = source
    SourceLink.objects.create(article=article, title=title[:300], url=url)
    return article


def publish_status_change(change: StatusChange, *, by) -> tuple[Article, bool]:
    """The article "X opened in City" for a status change, with the change's source: (the
    article, True) — or (the article made before, False): the same change never makes two."""
    if not is_editor(by):
        raise NotAnEditor
    with transaction.atomic():
        change = (
            StatusChange.objects.select_for_update(no_key=True, of=("self",))
            .select_related("facility__country")
            .get(pk=change.pk)
        )
        existing = Article.objects.filter(status_change=change).first()
        if existing is not None:
            return existing, False
        facility = change.facility

        def words(template) -> str:
            return gettext(template) % {
                "facility": facility.name,
                "city": facility.city,
                "country": facility.country.name,
                "date": date_format(change.date, "DATE_FORMAT"),
            }

        article = _create(
            by=by,
            slug=f"{facility.public_id}-{change.status}-{change.date:%Y-%m-%d}",
            titles=in_every_language(lambda: words(STATUS_TITLES[change.status])),
            summaries=in_every_language(lambda: words(STATUS_SUMMARIES[change.status])),
            # The note is written in one language, as the directory shows it.
            bodies={settings.LANGUAGE_CODE: change.note},
            public=facility.published,
            source=(change.source, change.source_url),
            status_change=change,
        )
        article.facilities.add(facility)
        article.countries.add(facility.country)
    return article, True


def publish_event(event: Event, *, by) -> tuple[Article, bool]:
    """An article from a policy event: its title and summary in every language it has, its
    source; (the article, True), or (the one made before, False)."""
    if not is_editor(by):
        raise NotAnEditor
    with transaction.atomic():
        event = (
            Event.objects.select_for_update(no_key=True, of=("self",))
            .select_related("country", "facility")
            .get(pk=event.pk)
        )
        existing = Article.objects.filter(policy_event=event).first()
        if existing is not None:
            return existing, False

        def columns(field: str) -> dict[str, str]:
            found = {code: getattr(event, f"{field}_{code}") or "" for code in LANGUAGES}
            return {code: text for code, text in found.items() if text}

        article = _create(
            by=by,
            slug=f"{event.country.code}-{event.iso}-{event.title_en}",
            titles=columns("title"),
            summaries={code: _plain(text) for code, text in columns("summary").items()},
            bodies=columns("summary"),
            public=event.published,
            source=(event.source_title, event.source_url),
            policy_event=event,
        )
        article.countries.add(event.country)
        if event.facility is not None:
            article.facilities.add(event.facility)
    return article, True


def _plain(markdown: str) -> str:
    """An event's summary (Markdown, usually one sentence) as the article's plain summary."""
    return " ".join(html.unescape(strip_tags(render_markdown(markdown))).split())
