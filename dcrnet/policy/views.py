"""Policy tracker pages: the network timeline (filtered, paginated) and one event."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors
from .models import Event

MAX_ID = 2**63 - 1


@require_safe
def timeline(request: HttpRequest) -> HttpResponse:
    context = {"choices": selectors.choices(request.user)}
    try:
        filters = selectors.TimelineFilters.read(request.GET)
    except selectors.BadQuery as bad:
        context |= {"problems": bad.problems, "filters": selectors.TimelineFilters()}
        return render(request, "policy/timeline.html", context, status=400)
    paginator = Paginator(selectors.timeline(filters, request.user), selectors.PER_PAGE)
    if filters.page > max(paginator.num_pages, 1):
        raise Http404
    context |= {"filters": filters, "page": paginator.page(filters.page)}
    return render(request, "policy/timeline.html", context)


@require_safe
def event(request: HttpRequest, pk: int) -> HttpResponse:
    if pk > MAX_ID:
        raise Http404
    try:
        found = selectors.event(pk, request.user)
    except Event.DoesNotExist:
        raise Http404 from None
    return render(request, "policy/event.html", {"event": found})
