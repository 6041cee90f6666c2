"""Read paths shared by pages, the API and downloads."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import get_language, gettext

from dcrnet.lib.cache import cached

from .models import (
    Country,
    Facility,
    Highlight,
    ProfileSnapshot,
    Route,
    Status,
    StatusChange,
    highlight_for,
    open_counts_by_year,
    sees_unpublished,
)
from .schemas import FacilityFilters

# The read paths every page view repeats (home figures and changes, the network series, a
# facility's profile) are kept in the default cache for a short time under the content version
# of dcrnet.lib.cache, which any write to content retires. Tests run uncached unless they set
# DIRECTORY_CACHE_SECONDS.


def cache_seconds() -> int:
    return getattr(settings, "DIRECTORY_CACHE_SECONDS", 0 if settings.TESTING else 60)


def _cached[T](name: str, compute: Callable[[], T]) -> T:
    return cached(f"directory:{name}", compute, cache_seconds())


@dataclass(frozen=True)
class Figures:
    open_facilities: int
    countries_with_open: int
    facilities_listed: int


def home_figures() -> Figures:
    return _cached("home_figures", _home_figures)


def _home_figures() -> Figures:
    public = Facility.objects.public()
    open_ = public.open()
    return Figures(
        open_facilities=open_.count(),
        countries_with_open=open_.values("country").distinct().count(),
        facilities_listed=public.count(),
    )


def current_highlight() -> Highlight | None:
    """This month's highlight (scheduled, or the rotation's pick), as `highlight_for()` gives it."""
    month = timezone.localdate().replace(day=1)
    return _cached(f"highlight:{month}", lambda: highlight_for(month))


@dataclass(frozen=True)
class Change:
    date: object
    facility: Facility
    kind: str
    text: str


def latest_changes(limit: int = 10) -> list[Change]:
    """The newest status changes and profile snapshots, newest first."""
    return _cached(f"latest_changes:{limit}", lambda: _latest_changes(limit))


def _latest_changes(limit: int) -> list[Change]:
    statuses = StatusChange.objects.public().newest(limit)
    snapshots = ProfileSnapshot.objects.public().newest(limit)
    changes = chain(
        (Change(s.date, s.facility, "status", s.get_status_display()) for s in statuses),
        (Change(p.as_of, p.facility, "profile", p.source) for p in snapshots),
    )
    return sorted(changes, key=lambda c: c.date, reverse=True)[:limit]


def network_open_counts() -> list[tuple[int, int]]:
    # The last point is "today", so the day is part of the key.
    return _cached(f"network_open_counts:{timezone.localdate()}", _network_open_counts)


def _network_open_counts() -> list[tuple[int, int]]:
    return open_counts_by_year(StatusChange.objects.public().history_rows())


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of the countries with a published facility, by name, for filter forms."""
    return _cached(f"country_choices:{get_language()}", _country_choices)


def _country_choices() -> list[tuple[str, str]]:
    countries = Country.objects.in_directory()
    return sorted(((c.code.code, c.name) for c in countries), key=lambda pair: name_key(pair[1]))


def countries_in_directory():
    """Countries with at least one published facility, with their counts, by code."""
    return Country.objects.listed()


def countries_by_name() -> list[Country]:
    """`countries_in_directory()` in the order of their names in the active language."""
    return sorted(countries_in_directory(), key=lambda c: name_key(c.name))


def name_key(name: str) -> str:
    """Sorts names as a reader expects: "Österreich" among the O, not after "Z"."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    ).casefold()


def country(code: str) -> Country:
    """The directory's profile of a country by ISO code, any case; DoesNotExist if none."""
    if not re.fullmatch(r"[A-Za-z]{2}", code):  # also keeps NUL and the like from the database
        raise Country.DoesNotExist
    return Country.objects.get(code=code.upper())


def facility_list(filters: FacilityFilters, user):
    """The facilities the list page, the map, the API and the downloads show for these filters."""
    return (
        Facility.objects.visible_to(user)
        .for_list()
        .filtered(**filters.queryset_filters())
        .sorted_by(filters.sort)
    )


def facility_items(filters: FacilityFilters, user):
    """`facility_list` with the sources of every fact, as the API and the JSON download give
    each facility (two more queries, whatever the number of facilities)."""
    return facility_list(filters, user).with_sources()


def map_points(filters: FacilityFilters, user):
    """The same facilities as `facility_list`, with only what a marker needs."""
    return facility_list(filters, user).for_map()


def facilities_in_country(country: Country, user):
    return Facility.objects.visible_to(user).in_country(country).for_list().order_by("city", "name")


@dataclass(frozen=True)
class Breakdown:
    """How many facilities have each current status and offer each route, and how many have no
    route reported (no profile, or a profile without routes)."""

    statuses: list[tuple[str, str, int]]  # (value, label, count), every status
    routes: list[tuple[str, str, int]]  # (value, label, count), every route
    routes_not_reported: int
    total: int


def breakdown(facilities: list[Facility]) -> Breakdown:
    """From facilities fetched with `for_list()` (their current routes prefetched): no query."""
    statuses = dict.fromkeys(Status.values, 0)
    routes = dict.fromkeys(Route.values, 0)
    not_reported = 0
    for facility in facilities:
        statuses[facility.status] += 1
        offered = facility.current_snapshot.routes.all() if facility.current_snapshot else []
        for route in {r.route for r in offered}:
            routes[route] += 1
        not_reported += not offered
    return Breakdown(
        statuses=[(value, Status(value).label, n) for value, n in statuses.items()],
        routes=[(value, Route(value).label, n) for value, n in routes.items()],
        routes_not_reported=not_reported,
        total=len(facilities),
    )


def facility_detail(public_id: str, user=None) -> Facility:
    """A facility the user may see, with its history and snapshots prefetched; DoesNotExist if none.

    Published facilities come from the cache; editors read unpublished ones afresh.
    """
    if sees_unpublished(user):
        return Facility.objects.for_detail().get(public_id=public_id)
    return _cached(f"facility:{public_id}", lambda: _facility_detail(public_id))


def _facility_detail(public_id: str) -> Facility:
    return Facility.objects.public().for_detail().get(public_id=public_id)


def highlights(user):
    """The archive: every highlight the user may see, newest first."""
    return Highlight.objects.visible_to(user).with_facility()


def past_highlights(user):
    """Highlights up to this month that the user may see, newest first."""
    return highlights(user).up_to()


def highlight_in(year: int, month: int, user) -> Highlight:
    """One month's highlight the user may see; DoesNotExist if none."""
    return highlights(user).in_month(year, month).get()


def snapshot_changes(snapshots: list[ProfileSnapshot]) -> list[dict]:
    """For each snapshot after the first, what it added and removed compared with the one before."""
    ordered = sorted(snapshots, key=lambda s: s.as_of)
    diffs = []
    for before, after in zip(ordered, ordered[1:], strict=False):
        diff = {"snapshot": after, "items": []}
        for label, getter in (
            ("route", lambda s: {r.get_route_display(): r.places for r in s.routes.all()}),
            ("service", lambda s: {x.get_service_display(): True for x in s.services.all()}),
            ("criterion", lambda s: {x.get_criterion_display(): True for x in s.criteria.all()}),
        ):
            old, new = getter(before), getter(after)
            for name in sorted(new.keys() - old.keys()):
                diff["items"].append(("added", label, name))
            for name in sorted(old.keys() - new.keys()):
                diff["items"].append(("removed", label, name))
            if label == "route":
                for name in sorted(new.keys() & old.keys()):
                    if old[name] != new[name]:
                        diff["items"].append(
                            ("changed", label, f"{name}: {old[name] or '?'} → {new[name] or '?'}")
                        )
        if before.weekly_hours != after.weekly_hours:
            text = gettext("Opening hours per week: %(before)s → %(after)s") % {
                "before": floatformat(before.weekly_hours, -1),
                "after": floatformat(after.weekly_hours, -1),
            }
            diff["items"].append(("changed", "hours", text))
        diffs.append(diff)
    return list(reversed(diffs))
