"""The registry of what the site index holds: for each kind, where its rows come from, what of
them is searchable, who may read them, and which writes elsewhere change them.

A source's access rules are the section's own: `sees_all` and `readable` call the section's
QuerySet methods and predicates, and `entries` records the facts (public, from when, forum
category, owner) that the query applies for everyone else. Private planning projects are not
indexed at all: only a published project is anyone's to find.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django_countries import countries as country_list

from dcrnet.lib.markdown import render_markdown

from .models import Kind

LANGUAGES = [code for code, _name in settings.LANGUAGES]
BASE = LANGUAGES[0]  # the language every translated text is written in first


def bit(code: str) -> int:
    return 1 << LANGUAGES.index(code)


# --- Text helpers ------------------------------------------------------------------------


def plain(markdown: str | None) -> str:
    """What a reader sees of editors' Markdown, as plain text (no link targets, no markup)."""
    if not markdown:
        return ""
    text = html.unescape(strip_tags(render_markdown(markdown)))
    return re.sub(r"\s+", " ", text).strip()


def joined(*parts: Any) -> str:
    """The non-empty parts, each once, in the order given."""
    return "; ".join(dict.fromkeys(str(part) for part in parts if part))


def every_language(obj, name: str) -> list[str]:
    """A translated field's values in every language (modeltranslation's columns)."""
    return [getattr(obj, f"{name}_{code}", None) or "" for code in LANGUAGES]


def country_names(code) -> list[str]:
    """A country's name in every language of the site (django-countries translates them)."""
    code = str(code or "")
    if not code:
        return []
    names = []
    for language in LANGUAGES:
        with translation.override(language):
            names.append(str(dict(country_list).get(code, code)))
    return [*names, code]


def own_languages(obj, fields: Iterable[str]) -> list[str]:
    """The languages other than the base one in which `obj` has a text of its own."""
    return [
        code
        for code in LANGUAGES[1:]
        if any(getattr(obj, f"{name}_{code}", None) for name in fields)
    ]


def per_language(
    obj, languages: list[str], build: Callable[[Any], dict[str, Any]]
) -> list[dict[str, Any]]:
    """One entry in the base language (marking the `languages` that have their own), and one
    in each of `languages`, each built with that language active (modeltranslation's fields
    then read that language's text, or the base language's where it has none)."""
    rows = []
    for code in [BASE, *languages]:
        with translation.override(code):
            row = build(obj)
        row["language"] = code
        row["translations"] = sum(bit(other) for other in languages) if code == BASE else 0
        rows.append(row)
    return rows


def local_date(moment):
    return timezone.localdate(moment) if moment else None


# --- The registry ------------------------------------------------------------------------


@dataclass(frozen=True)
class Dependent:
    """Writes to `model` change the entries of the source's rows that `ids(instance)` names
    (read before a delete, when the rows that link them still exist)."""

    model: type[models.Model]
    ids: Callable[[Any], Iterable[int]]


@dataclass(frozen=True)
class Source:
    kind: str
    model: type[models.Model]
    # The rows that have entries, with what `entries` reads (private rows it leaves out).
    rows: Callable[[], models.QuerySet]
    entries: Callable[[Any], list[dict[str, Any]]]
    url_name: str
    sees_all: Callable[[Any], bool]  # whoever may read every row (the section's editors)
    readable: Callable[[Any], models.QuerySet]  # the section's own rule, for the rows shown
    # Many-to-many fields of `model` whose names the entries hold.
    m2m: tuple[str, ...] = ()
    dependents: tuple[Dependent, ...] = field(default_factory=tuple)
    section_search: str | None = None  # URL name of the section's own search (takes ?q=)

    def url(self, key: str) -> str:
        return reverse(self.url_name, args=[key])


SOURCES: dict[str, Source] = {}


def register(source: Source) -> Source:
    SOURCES[source.kind] = source
    return source


def perm(name: str) -> Callable[[Any], bool]:
    return lambda user: bool(getattr(user, "is_authenticated", False) and user.has_perm(name))


def _ids(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def load() -> dict[str, Source]:
    """Register every source (once the apps are ready: they import the sections' models)."""
    if SOURCES:
        return SOURCES
    _directory()
    _documents()
    _news()
    _advocacy()
    _trainings()
    _policy()
    _forum()
    _planning()
    return SOURCES


def _directory() -> None:
    from dcrnet.directory.models import Country, Facility, sees_unpublished

    def facility(f) -> list[dict]:
        return [
            {
                "key": f.public_id,
                "title": str(f),
                "keywords": joined(f.name, f.operator, f.city, *country_names(f.country.code)),
                "text": plain(f.description),
                "public": f.published,
            }
        ]

    register(
        Source(
            Kind.FACILITY,
            Facility,
            rows=lambda: Facility.objects.select_related("country"),
            entries=facility,
            url_name="directory:facility",
            sees_all=sees_unpublished,
            readable=lambda user: Facility.objects.visible_to(user),
            section_search="directory:list",
        )
    )

    def country_row(c) -> dict:
        return {
            "key": c.code.code.lower(),
            "title": c.name,
            "keywords": joined(*country_names(c.code)),
            "text": joined(plain(c.legal_basis), plain(c.political_situation)),
            "public": True,
        }

    register(
        Source(
            Kind.COUNTRY,
            Country,
            rows=lambda: Country.objects.all(),
            # Every language: the country's name is translated even where its texts are not.
            entries=lambda c: per_language(c, LANGUAGES[1:], country_row),
            url_name="directory:country",
            sees_all=lambda user: True,
            readable=lambda user: Country.objects.all(),
        )
    )


def _documents() -> None:
    from dcrnet.documents.models import Document, Status, Topic

    def document(d) -> list[dict]:
        return [
            {
                "key": d.slug,
                "title": d.title,
                "keywords": joined(
                    d.publisher, *every_language(d.topic, "name"), *country_names(d.country)
                ),
                "text": plain(d.summary),
                "public": d.status == Status.PUBLISHED,
                "owner_id": d.suggested_by_id,
            }
        ]

    register(
        Source(
            Kind.DOCUMENT,
            Document,
            rows=lambda: Document.objects.select_related("topic"),
            entries=document,
            url_name="documents:detail",
            sees_all=perm("documents.change_document"),
            readable=lambda user: Document.objects.visible_to(user),
            dependents=(Dependent(Topic, lambda topic: _ids(topic.documents.all())),),
            section_search="documents:list",
        )
    )


def _tag_names(obj) -> list[str]:
    """Names of the countries and facilities an article or initiative is about."""
    found = []
    for country in obj.countries.all():
        found += country_names(country.code)
    found += [facility.name for facility in obj.facilities.all()]
    return found


def _news() -> None:
    from dcrnet.directory.models import Facility
    from dcrnet.news.models import ARTICLE_TEXT, Article, ArticleStatus, Tag, sees_drafts

    def article_row(a) -> dict:
        tags = [name for tag in a.tags.all() for name in every_language(tag, "name")]
        return {
            "key": a.slug,
            "title": a.title,
            "keywords": joined(*tags, *_tag_names(a)),
            "text": joined(a.summary, plain(a.body)),
            "date": local_date(a.published_at),
            "public": a.status == ArticleStatus.PUBLISHED,
            "public_from": a.published_at,
        }

    register(
        Source(
            Kind.NEWS,
            Article,
            rows=lambda: Article.objects.prefetch_related("tags", "countries", "facilities"),
            entries=lambda a: per_language(a, own_languages(a, ARTICLE_TEXT), article_row),
            url_name="news:article",
            sees_all=sees_drafts,
            readable=lambda user: Article.objects.visible_to(user),
            m2m=("tags", "countries", "facilities"),
            dependents=(
                Dependent(Tag, lambda tag: _ids(tag.articles.all())),
                Dependent(Facility, lambda f: _ids(f.news_articles.all())),
            ),
        )
    )


def _advocacy() -> None:
    from dcrnet.advocacy.models import INITIATIVE_TEXT, Initiative
    from dcrnet.directory.models import Facility

    def initiative_row(i) -> dict:
        return {
            "key": i.slug,
            "title": i.title,
            "keywords": joined(i.get_kind_display(), *_tag_names(i)),
            "text": joined(i.summary, plain(i.text), plain(i.asks)),
            "date": i.date,
            "public": i.published,
        }

    register(
        Source(
            Kind.INITIATIVE,
            Initiative,
            rows=lambda: Initiative.objects.prefetch_related("countries", "facilities"),
            entries=lambda i: per_language(i, own_languages(i, INITIATIVE_TEXT), initiative_row),
            url_name="advocacy:detail",
            sees_all=perm("advocacy.change_initiative"),
            readable=lambda user: Initiative.objects.visible_to(user),
            m2m=("countries", "facilities"),
            dependents=(Dependent(Facility, lambda f: _ids(f.initiatives.all())),),
        )
    )


def _trainings() -> None:
    from dcrnet.community.models import ExpertiseTag
    from dcrnet.directory.models import Facility
    from dcrnet.trainings.models import TRAINING_TEXT, Session, Training
    from dcrnet.trainings.selectors import is_editor

    def training_row(t) -> dict:
        hosts = [f"{s.facility.name} {s.facility.city}" for s in t.sessions.all() if s.facility]
        topic = every_language(t.topic, "name") if t.topic else []
        return {
            "key": t.slug,
            "title": t.title,
            "keywords": joined(t.provider, *topic, *hosts),
            "text": joined(
                plain(t.summary),
                plain(t.outcomes),
                t.audience,
                t.prerequisites,
                t.duration,
            ),
            "public": t.published,
        }

    register(
        Source(
            Kind.TRAINING,
            Training,
            rows=lambda: Training.objects.select_related("topic").prefetch_related(
                "sessions__facility"
            ),
            entries=lambda t: per_language(t, own_languages(t, TRAINING_TEXT), training_row),
            url_name="trainings:training",
            sees_all=is_editor,
            readable=lambda user: (
                Training.objects.all() if is_editor(user) else Training.objects.published()
            ),
            dependents=(
                Dependent(Session, lambda s: [s.training_id]),
                Dependent(ExpertiseTag, lambda tag: _ids(tag.trainings.all())),
                Dependent(Facility, lambda f: _ids(Training.objects.filter(sessions__facility=f))),
            ),
        )
    )


def _policy() -> None:
    from dcrnet.directory.models import Facility
    from dcrnet.policy.models import EVENT_TEXT, Event, sees_unpublished

    def event_row(e) -> dict:
        return {
            "key": str(e.pk),
            "title": e.title,
            "keywords": joined(
                e.get_kind_display(),
                *country_names(e.country.code),
                e.facility.name if e.facility else "",
            ),
            "text": joined(plain(e.summary), e.source_title),
            "date": e.date,
            "public": e.published,
        }

    register(
        Source(
            Kind.EVENT,
            Event,
            rows=lambda: Event.objects.select_related("country", "facility"),
            entries=lambda e: per_language(e, own_languages(e, EVENT_TEXT), event_row),
            url_name="policy:event",
            sees_all=sees_unpublished,
            readable=lambda user: Event.objects.visible_to(user),
            dependents=(Dependent(Facility, lambda f: _ids(f.policy_events.all())),),
        )
    )


def _forum() -> None:
    from dcrnet.forum import access
    from dcrnet.forum.models import Post, PostStatus, Thread

    def post(p) -> list[dict]:
        return [
            {
                "key": str(p.pk),
                "title": p.thread.title,
                "text": plain(p.body),
                "date": local_date(p.created_at),
                # Held posts are left to moderators: their author finds them in the thread.
                "public": p.status == PostStatus.VISIBLE,
                "forum_category": p.thread.category_id,
            }
        ]

    register(
        Source(
            Kind.FORUM,
            Post,
            rows=lambda: Post.objects.select_related("thread"),
            entries=post,
            url_name="forum:post",
            sees_all=access.is_moderator,
            readable=lambda user: Post.objects.visible_to(user),
            dependents=(Dependent(Thread, lambda thread: _ids(thread.posts.all())),),
        )
    )


def _planning() -> None:
    from dcrnet.planning.models import Project

    def project(p) -> list[dict]:
        return [
            {
                "key": str(p.pk),
                "title": p.name,
                "keywords": joined(p.city, *country_names(p.country)),
                "text": p.summary,
                "public": True,
            }
        ]

    register(
        Source(
            Kind.PROJECT,
            Project,
            rows=lambda: Project.objects.filter(published=True),
            entries=project,
            url_name="planning:project",
            sees_all=lambda user: False,
            readable=lambda user: Project.objects.filter(published=True),
        )
    )
