"""Directory pages: list, facility, countries, map, highlights."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dcrnet.lib.api import error_body

from . import selectors
from .forms import FacilityFilterForm
from .models import Country, Facility, Highlight, Status
from .schemas import FacilityFilters

PAGE_SIZE = 25


@require_GET
def facility_list(request: HttpRequest) -> HttpResponse:
    form = FacilityFilterForm(request.GET)
    facilities = selectors.facility_list(form.filters, request.user)
    page = Paginator(facilities, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "total": page.paginator.count,
        # The map and the downloads get the filters that validated: the same facilities.
        "filters": form.filters.as_query(),
    }
    if request.htmx:
        return render(request, "directory/facility_list.html#results", context)
    return render(request, "directory/facility_list.html", context)


@require_GET
def facility_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        facility = selectors.facility_detail(public_id, request.user)
    except Facility.DoesNotExist:
        raise Http404 from None
    snapshots = list(facility.snapshots.all())
    return render(
        request,
        "directory/facility_detail.html",
        {
            "facility": facility,
            "snapshot": snapshots[0] if snapshots else None,
            "changes": selectors.snapshot_changes(snapshots),
            "statuses": list(facility.status_changes.all()),
            "missing": facility.missing_facts(),
            "newest": facility.newest_fact_date(),
            "facts_are_old": facility.facts_are_old(),
        },
    )


@require_GET
def country_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/country_list.html",
        {
            "countries": selectors.countries_by_name(),
            "series": selectors.network_open_counts(),
        },
    )


@require_GET
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        country = selectors.country(code)
    except Country.DoesNotExist:
        raise Http404 from None
    facilities = list(selectors.facilities_in_country(country, request.user))
    return render(
        request,
        "directory/country_detail.html",
        {
            "country": country,
            "facilities": facilities,
            "breakdown": selectors.breakdown(facilities),
            "series": country.open_counts_by_year(),
        },
    )


@require_GET
def facility_map(request: HttpRequest) -> HttpResponse:
    """The map page; its facility list is rendered here so it works without JavaScript."""
    form = FacilityFilterForm(request.GET)
    # The map fetches only the filters that validated, so markers and list always agree.
    valid = form.filters.as_query(exclude=("sort",))
    return render(
        request,
        "directory/map.html",
        {
            "form": form,
            "facilities": selectors.map_points(form.filters, request.user),
            "data_url": reverse("directory:map_data") + ("?" + urlencode(valid) if valid else ""),
            "statuses": Status.choices,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


@require_GET
def map_data(request: HttpRequest) -> JsonResponse:
    """Points for the map: approximate unless the operator published the exact location."""
    filters, problems = FacilityFilters.from_query(request.GET)
    if problems:
        return JsonResponse(error_body(problems), status=422)
    features = []
    for facility in selectors.map_points(filters, request.user):
        lat, lon = facility.point
        features.append(
            {
                "id": facility.public_id,
                "name": facility.name,
                "city": facility.city,
                "country": facility.country.name,
                "status": facility.status,
                "status_label": facility.get_status_display(),
                "url": facility.get_absolute_url(),
                "lat": lat,
                "lon": lon,
                "exact": facility.publish_exact_location,
            }
        )
    return JsonResponse({"facilities": features})


@require_GET
def highlight_archive(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/highlight_archive.html",
        {"highlights": selectors.highlights(request.user)},
    )


@require_GET
def highlight_detail(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """A month's highlight; scheduled ones stay private to editors until their month."""
    try:
        highlight = selectors.highlight_in(year, month, request.user)
    except Highlight.DoesNotExist:
        raise Http404 from None
    return render(request, "directory/highlight_detail.html", {"highlight": highlight})
