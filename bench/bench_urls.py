"""The site's URLs plus the framework floor: each benchmarked page's captured bytes, from memory."""

from __future__ import annotations

from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from dcrnet.urls import handler400, handler403, handler404, handler500  # noqa: F401
from dcrnet.urls import urlpatterns as site_urlpatterns

PAGES_DIR = Path(__file__).resolve().parent / ".work" / "pages"
_bodies: dict[str, bytes] = {}


def floor(request: HttpRequest, name: str) -> HttpResponse:
    """What any Django page costs here: every middleware runs, no query, no template."""
    body = _bodies.get(name)
    if body is None:
        file = PAGES_DIR / f"{name}.html"
        if not file.is_file():
            raise Http404
        body = _bodies[name] = file.read_bytes()
    return HttpResponse(body, content_type="text/html; charset=utf-8")


urlpatterns = [path("__floor__/<slug:name>", floor), *site_urlpatterns]
