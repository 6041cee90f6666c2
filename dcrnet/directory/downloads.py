"""Open-data downloads of the directory: /data/facilities.csv and /data/facilities.json.

Language-neutral under every page prefix (/fr/data/facilities.csv is the English file): codes,
numbers and ISO dates; `?lang=fr` gives the labels they carry (country names, the links to the
facility pages, the messages of a refusal) in French.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from dcrnet.lib.api import error_body
from dcrnet.lib.csv import as_download, csv_response
from dcrnet.lib.i18n import neutral_language

from . import selectors
from .imports import export_record
from .schemas import FacilityFilters, FacilityOut

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "DCR Network (International Network of Drug Consumption Rooms)"

CSV_COLUMNS = (
    "public_id",
    "name",
    "operator",
    "city",
    "country",
    "model",
    "status",
    "status_since",
    "latitude",
    "longitude",
    "exact_location",
    "routes",
    "services",
    "website",
    "url",
    "source",
    "source_url",
    "source_accessed",
)
# The members of export_record a download item adds to (or takes over from) the API's item, so
# that the file imports back unchanged (docs/facility-data.md).
EXPORT_MEMBERS = ("description", "location", "source", "status_history", "snapshots")


def _refused(problems: list[tuple[str, str]]) -> JsonResponse:
    """Bad filters: the API's error body and status, naming each parameter."""
    return JsonResponse(error_body(problems), status=422)


def header(request: HttpRequest, filters: FacilityFilters) -> dict:
    """What every JSON download of the directory opens with: licence, time, source, filters."""
    return {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "attribution": ATTRIBUTION,
        "generated": timezone.now().isoformat(timespec="seconds"),
        "source": request.build_absolute_uri(),
        "filters": filters.as_query(),
    }


def _filename(extension: str) -> str:
    return f"dcr-network-facilities-{timezone.localdate():%Y-%m-%d}.{extension}"


def _csv_row(request: HttpRequest, facility) -> list:
    snapshot = facility.current_snapshot
    routes = list(snapshot.routes.all()) if snapshot else []
    services = list(snapshot.services.all()) if snapshot else []
    latitude, longitude = facility.point
    return [
        facility.public_id,
        facility.name,
        facility.operator,
        facility.city,
        facility.country.code.code,
        facility.model,
        facility.status,
        facility.status_since.isoformat() if facility.status_since else "",
        latitude,
        longitude,
        "yes" if facility.publish_exact_location and facility.exact_latitude is not None else "no",
        ";".join(r.route if r.places is None else f"{r.route}:{r.places}" for r in routes),
        ";".join(s.service for s in services),
        facility.website,
        request.build_absolute_uri(facility.get_absolute_url()),
        facility.source,
        facility.source_url,
        facility.source_accessed.isoformat() if facility.source_accessed else "",
    ]


@require_GET
@neutral_language
def facilities_csv(request: HttpRequest) -> HttpResponse:
    """One row per facility; latitude/longitude are city level unless exact_location is yes."""
    filters, problems = FacilityFilters.from_query(request.GET)  # the list page's query string
    if problems:
        return _refused(problems)
    facilities = selectors.facility_list(filters, request.user).prefetch_related(
        "current_snapshot__services"
    )
    rows = (_csv_row(request, facility) for facility in facilities)
    return csv_response(_filename("csv"), CSV_COLUMNS, rows)


@require_GET
@neutral_language
def facilities_json(request: HttpRequest) -> HttpResponse:
    """The API's facility items with their histories and snapshots (an import file), all of
    them, with the licence and when they were generated."""
    filters, problems = FacilityFilters.from_query(request.GET)
    if problems:
        return _refused(problems)
    listed = selectors.facility_list(filters, request.user).for_detail()
    facilities = []
    for facility in listed:
        item = FacilityOut.from_orm(facility).model_dump(mode="json")
        record = export_record(facility)
        item.update({member: record[member] for member in EXPORT_MEMBERS})
        facilities.append(item)
    body = {**header(request, filters), "count": len(facilities), "facilities": facilities}
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    return as_download(response, _filename("json"))
