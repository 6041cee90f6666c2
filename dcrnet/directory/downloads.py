"""Open-data downloads of the directory (written by the API helper)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse


def facilities_csv(request: HttpRequest) -> HttpResponse:
    return HttpResponse("", content_type="text/csv; charset=utf-8")


def facilities_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"facilities": []})
