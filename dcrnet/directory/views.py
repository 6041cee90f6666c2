"""Directory pages: list, facility, countries, map, highlights."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import selectors
from .forms import FacilityFilterForm
from .models import Country, Facility, Highlight, Status, highlight_for

PAGE_SIZE = 25


def _filtered(request: HttpRequest) -> tuple[FacilityFilterForm, object]:
    form = FacilityFilterForm(request.GET)
    facilities = (
        Facility.objects.public().for_list().filtered(**form.filters()).order_by(*form.ordering())
    )
    return form, facilities


@require_GET
def facility_list(request: HttpRequest) -> HttpResponse:
    form, facilities = _filtered(request)
    page = Paginator(facilities, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "total": page.paginator.count}
    if request.htmx:
        return render(request, "directory/facility_list.html#results", context)
    return render(request, "directory/facility_list.html", context)


@require_GET
def facility_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        facility = selectors.facility_detail(public_id)
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
        },
    )


@require_GET
def country_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/country_list.html",
        {
            "countries": selectors.countries_in_directory(),
            "series": selectors.network_open_counts(),
        },
    )


@require_GET
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = get_object_or_404(Country, code=code.upper())
    facilities = (
        Facility.objects.public().filter(country=country).for_list().order_by("city", "name")
    )
    return render(
        request,
        "directory/country_detail.html",
        {
            "country": country,
            "facilities": facilities,
            "series": country.open_counts_by_year(),
        },
    )


@require_GET
def facility_map(request: HttpRequest) -> HttpResponse:
    """The map page; its facility list is rendered here so it works without JavaScript."""
    form, facilities = _filtered(request)
    # The map fetches only the filters that validated, so markers and list always agree.
    valid = {key: value for key, value in form.filters().items() if value}
    return render(
        request,
        "directory/map.html",
        {
            "form": form,
            "facilities": facilities.select_related(None)
            .prefetch_related(None)
            .select_related("country"),
            "data_url": reverse("directory:map_data") + ("?" + urlencode(valid) if valid else ""),
            "statuses": Status.choices,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


@require_GET
def map_data(request: HttpRequest) -> JsonResponse:
    """Points for the map: approximate unless the operator published the exact location."""
    form, facilities = _filtered(request)
    if form.errors:
        return JsonResponse({"error": form.errors.get_json_data()}, status=400)
    features = []
    for facility in facilities.select_related(None).select_related("country"):
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
        {"highlights": Highlight.objects.past(), "current": highlight_for()},
    )


@require_GET
def highlight_detail(request: HttpRequest, year: int, month: int) -> HttpResponse:
    try:
        first = dt.date(year, month, 1)
    except ValueError:
        raise Http404 from None
    if first > timezone.localdate():
        raise Http404  # scheduled highlights stay private until their month
    highlight = Highlight.objects.past().filter(month=first).first()
    if highlight is None:
        raise Http404
    return render(request, "directory/highlight_detail.html", {"highlight": highlight})
