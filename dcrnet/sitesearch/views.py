"""/search/: the whole site's search page, and its OpenSearch description for browsers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from dcrnet.lib.i18n import absolute

from . import selectors
from .forms import SearchForm


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "problems": form.problems()}
        return render(request, "sitesearch/search.html", context, status=400)
    q, kind, page = (form.cleaned_data[name] for name in ("q", "kind", "page"))
    context = {"form": form, "q": q, "kind": kind}
    if q and kind:
        context["page"] = selectors.search_kind(q, request.user, kind, page=page)
    elif q:
        context["results"] = selectors.search_site(q, request.user)
    return render(request, "sitesearch/search.html", context)


@require_safe
def opensearch(request: HttpRequest) -> HttpResponse:
    """What a browser needs to offer the site as a search engine (OpenSearch 1.1), in the
    language of the address it was found at."""
    context = {
        "search_url": absolute(reverse("sitesearch:search")),
        "self_url": absolute(reverse("sitesearch:opensearch")),
        "icon_url": absolute(static("favicon.svg")),
    }
    return render(
        request,
        "sitesearch/opensearch.xml",
        context,
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
