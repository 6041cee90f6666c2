"""Home page and editable pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from dcrnet.directory.selectors import current_highlight, home_figures, latest_changes

from .models import Page


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/home.html",
        {
            "intro": Page.objects.home(),
            "highlight": current_highlight(),
            "figures": home_figures(),
            "changes": latest_changes(limit=8),
        },
    )


def page(request: HttpRequest, slug: str) -> HttpResponse:
    return render(
        request, "pages/page.html", {"page": get_object_or_404(Page.objects.published(), slug=slug)}
    )
