"""The guide to opening a DCR: the steps, one page per step, and the whole guide to print.
Readable by anyone."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from dcrnet.community.views import can_see_members

from . import selectors


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/index.html", {"steps": selectors.steps()})


@require_safe
def step(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.step_page(slug, show_member_pages=can_see_members(request.user))
    return render(request, "guide/step.html", {"page": page, "step": page.step})


@require_safe
def print_guide(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "guide/print.html",
        {"steps": selectors.whole_guide(), "site": settings.SITE_URL.rstrip("/")},
    )
