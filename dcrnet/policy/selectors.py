"""Reads of the policy tracker: the timeline's one filter contract (page and feeds), the network
timeline, a country's timeline, one event; each with its access rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dcrnet.directory.models import Country
from dcrnet.lib.refusals import Invalid

from .models import Event, Kind

PER_PAGE = 20
FEED_ITEMS = 30
MAX_PAGE = 10_000


class BadQuery(Invalid):
    """Query parameters that cannot be used: each problem names its parameter (400)."""

    default_message = _("Some parameters could not be used.")

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__()


def last(query: QueryDict, name: str) -> str:
    """A parameter's value (the last one if repeated, as Django's QueryDict does), stripped."""
    return query.get(name, "").strip()


def read_page(query: QueryDict, problems: list[tuple[str, str]]) -> int:
    text = last(query, "page")
    if not text:
        return 1
    if not re.fullmatch(r"[0-9]{1,5}", text) or not 1 <= int(text) <= MAX_PAGE:
        problems.append(("page", gettext("must be a page number from 1 to %d") % MAX_PAGE))
        return 1
    return int(text)


def read_year(text: str, problems: list[tuple[str, str]], name: str = "year") -> int | None:
    if not re.fullmatch(r"[0-9]{4}", text) or int(text) < 1000:
        problems.append(
            (name, gettext("“%(value)s” is not a year (four digits)") % {"value": text[:40]})
        )
        return None
    return int(text)


@dataclass(frozen=True)
class TimelineFilters:
    """What narrows the network timeline: ?country=DE&kind=law&year=2012&page=2."""

    country: str = ""
    kind: str = ""
    year: int | None = None
    page: int = 1

    @classmethod
    def read(cls, query: QueryDict) -> TimelineFilters:
        """The filters of a query string, or BadQuery naming every parameter that is wrong."""
        problems: list[tuple[str, str]] = []
        country = last(query, "country").upper()
        if country and not (
            re.fullmatch(r"[A-Z]{2}", country) and Country.objects.filter(code=country).exists()
        ):
            message = gettext("“%(value)s” is not a country of the tracker (ISO code, e.g. DE)")
            problems.append(("country", message % {"value": country[:40]}))
            country = ""
        kind = last(query, "kind")
        if kind and kind not in Kind.values:
            message = gettext("“%(value)s” is not a kind of event (one of %(kinds)s)")
            problems.append(
                ("kind", message % {"value": kind[:40], "kinds": ", ".join(Kind.values)})
            )
            kind = ""
        year_text = last(query, "year")
        year = read_year(year_text, problems) if year_text else None
        page = read_page(query, problems)
        if problems:
            raise BadQuery(problems)
        return cls(country=country, kind=kind, year=year, page=page)

    def active(self) -> dict[str, str]:
        values = {"country": self.country, "kind": self.kind, "year": self.year or ""}
        return {name: str(value) for name, value in values.items() if value}


def timeline(filters: TimelineFilters, user) -> QuerySet[Event]:
    return (
        Event.objects.visible_to(user)
        .filtered(country=filters.country, kind=filters.kind, year=filters.year)
        .timeline()
    )


def country_timeline(country: Country, user) -> QuerySet[Event]:
    return Event.objects.visible_to(user).filter(country=country).timeline()


def choices(user) -> dict[str, list]:
    """The filter form's options: countries and years that have events the user may see."""
    events = Event.objects.visible_to(user)
    codes = set(events.values_list("country__code", flat=True).distinct())
    countries = sorted(Country.objects.filter(code__in=codes), key=lambda c: c.name)
    years = (
        events.annotate(y=ExtractYear("date")).values_list("y", flat=True).distinct().order_by("-y")
    )
    return {"countries": countries, "kinds": Kind.choices, "years": list(years)}


def event(pk: int, user) -> Event:
    """One event the user may see; Event.DoesNotExist otherwise."""
    return Event.objects.visible_to(user).select_related("country", "facility").get(pk=pk)


def newly_published(limit: int = FEED_ITEMS) -> QuerySet[Event]:
    return Event.objects.newly_published()[:limit]
