"""The directory for OpenStreetMap mappers: /data/facilities.osm.geojson.

A GeoJSON FeatureCollection (RFC 7946) of Points, [longitude, latitude], whose properties are
OpenStreetMap tags, for mappers to check the map against. It is not an import file.

The main tag is office=supervised_injection_site: the OSM wiki's data item for supervised
injection sites, Q19735 (https://wiki.openstreetmap.org/entity/Q19735, revision 3032083 of
2026-05-03), is labelled "office=supervised_injection_site" ("Facility where people can inject
drugs safely") and gives that tag as its permanent tag ID (P19). The iD editor's presets
(openstreetmap/id-tagging-schema at 44eff2b, 2026-08-22) have none for it, so iD shows such a
node as a generic office.

Other tags, by their OSM wiki pages:
- opening_hours in the OSM syntax ("Mo-Fr 10:00-16:00; Sa 12:00-16:00"), a range past midnight
  written as it is ("Fr 22:00-02:00"); only for open facilities, from the current profile.
- check_date:opening_hours (Key:check_date: "when a specific tag was last checked") is the day
  the profile's source was read; check_date, the day the source of the current status was read.
  Neither is given when the reading date is not recorded.
- addr:city and addr:country (ISO 3166-1 alpha-2). The published address is free text we cannot
  split into addr:street and addr:housenumber: it is under dcrnet:address.
- No source tag: Key:source says modern editors put it on the changeset, which the mapper writes
  from what they checked; our sources are under dcrnet:source, dcrnet:source_url and
  dcrnet:source_accessed.
- Open and suspended facilities only. A planned room is not on the ground (OSM maps what can be
  verified there; lifecycle prefixes such as proposed: are for features likely to be built), and
  for a closed one we cannot say whether the premises remain (disused:) or are gone (which OSM
  deletes: "historic objects ... generally do not belong in OpenStreetMap", Lifecycle prefix).
  A suspended one keeps its tag, without opening hours, and dcrnet:status=suspended.
- dcrnet:exact_location=no marks city-level coordinates (the city centre, not the facility):
  never place a node from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from dcrnet.lib.api import error_body
from dcrnet.lib.csv import as_download
from dcrnet.lib.i18n import neutral_language

from . import selectors
from .downloads import header
from .models import Facility, OpeningHours, Status
from .schemas import FacilityFilters

MAIN_TAG = ("office", "supervised_injection_site")
EXPORTED = (Status.OPEN, Status.SUSPENDED)
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
CITY_LEVEL_NOTE = "City centre, not the facility: never place a node here."


def _time(value: dt.time) -> str:
    return f"{value:%H:%M}"


def _interval(hours: OpeningHours) -> str:
    if hours.opens == hours.closes:  # "closes before opens means after midnight": a full day
        if hours.opens == dt.time(0):
            return "00:00-24:00"
        return f"{_time(hours.opens)}-{hours.opens.hour + 24:02d}:{hours.opens:%M}"
    return f"{_time(hours.opens)}-{_time(hours.closes)}"


def _days(weekdays: list[int]) -> str:
    """[0, 1, 2, 4] -> "Mo-We,Fr"; two days in a row are listed, three or more are a range."""
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{DAYS[run[0]]}-{DAYS[run[-1]]}")
        else:
            parts.extend(DAYS[day] for day in run)
    return ",".join(parts)


def opening_hours(rows: Iterable[OpeningHours]) -> str:
    """Our opening hours in the OSM syntax: days with the same intervals share one rule."""
    by_day: dict[int, list[str]] = {}
    for hours in sorted(rows, key=lambda h: (h.weekday, h.opens)):
        by_day.setdefault(hours.weekday, []).append(_interval(hours))
    rules: dict[str, list[int]] = {}
    for day, intervals in by_day.items():
        rules.setdefault(",".join(intervals), []).append(day)
    return "; ".join(
        f"{_days(days)} {intervals}"
        for intervals, days in sorted(rules.items(), key=lambda rule: rule[1][0])
    )


def tags(facility: Facility, url: str) -> dict[str, str]:
    """The facility's OSM tags (every value a string, none empty), and ours under dcrnet:."""
    key, value = MAIN_TAG
    exact = facility.publish_exact_location and facility.exact_latitude is not None
    found = {
        key: value,
        "name": facility.name,
        "operator": facility.operator,
        "website": facility.website,
        "addr:city": facility.city,
        "addr:country": facility.country.code.code,
    }
    profile = facility.current_snapshot
    rows = list(profile.opening_hours.all()) if profile else []
    if facility.status == Status.OPEN and rows:
        found["opening_hours"] = opening_hours(rows)
        if profile.source_accessed:
            found["check_date:opening_hours"] = profile.source_accessed.isoformat()
    entry = facility.current_status_entry()
    if entry is not None and entry.source_accessed:
        found["check_date"] = entry.source_accessed.isoformat()
    found |= {
        "dcrnet:public_id": facility.public_id,
        "dcrnet:status": facility.status,
        "dcrnet:status_since": facility.status_since.isoformat() if facility.status_since else "",
        "dcrnet:url": url,
        "dcrnet:exact_location": "yes" if exact else "no",
        "dcrnet:location_note": "" if exact else CITY_LEVEL_NOTE,
        "dcrnet:address": facility.public_address,
        "dcrnet:source": facility.source,
        "dcrnet:source_url": facility.source_url,
        "dcrnet:source_accessed": (
            facility.source_accessed.isoformat() if facility.source_accessed else ""
        ),
    }
    return {name: text for name, text in found.items() if text}


def feature(facility: Facility, url: str) -> dict:
    latitude, longitude = facility.point
    return {
        "type": "Feature",
        "id": facility.public_id,
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": tags(facility, url),
    }


def osm_facilities(filters: FacilityFilters, user):
    """The list's facilities that OSM maps (open and suspended), with hours and sources."""
    return (
        selectors.facility_items(filters, user)
        .filter(status__in=EXPORTED)
        .prefetch_related("current_snapshot__opening_hours")
    )


@require_GET
@neutral_language
def facilities_osm(request: HttpRequest) -> HttpResponse:
    """The list's facilities as OSM-tagged GeoJSON; the list page's filters, 422 for bad ones."""
    filters, problems = FacilityFilters.from_query(request.GET)
    if problems:
        return JsonResponse(error_body(problems), status=422)
    features = [
        feature(facility, request.build_absolute_uri(facility.get_absolute_url()))
        for facility in osm_facilities(filters, request.user)
    ]
    body = {
        "type": "FeatureCollection",
        **header(request, filters),
        "note": (
            "For OpenStreetMap mappers to check the map against, not to import. Only open and "
            "suspended facilities. dcrnet:exact_location=no: the point is the city centre."
        ),
        "count": len(features),
        "features": features,
    }
    response = JsonResponse(
        body,
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    return as_download(
        response, f"dcr-network-facilities-{timezone.localdate():%Y-%m-%d}.osm.geojson"
    )
