"""Swagger UI for the API from our own static files, with no inline script or style."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI


class LocalSwagger(DocsBase):
    """ninja's Swagger docs load Swagger UI from a CDN and start it with an inline script.

    This page loads the vendored copy (static/vendor/swagger-ui/) and js/api-docs.js, which
    reads the OpenAPI document's URL from a data attribute, so the strict CSP holds.
    """

    template = "ninja/api_docs.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        context = {"api": api, "openapi_url": self.get_openapi_url(api, kwargs)}
        return render(request, self.template, context)
