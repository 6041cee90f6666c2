"""/data/peers/: one rate of every facility against its group, as a funnel plot with its table."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import charts, funnel, selectors
from .forms import PeerForm

CHART_ID = "peers-funnel"


def plot_context(
    rate: selectors.Rate, group_label: str, span: selectors.Period, view: selectors.View
) -> dict:
    """What templates/peers/_plot.html shows: the chart, its table and the notes."""
    title = f"{rate.title} — {group_label}, {span.label}"
    context = {"rate": rate, "view": view, "title": title, "group_label": group_label}
    if view.shown:
        context["svg"] = charts.funnel_svg(
            view,
            title=title,
            x_label=str(rate.size_label),
            y_label=str(rate.title),
            per_cap=rate.per if rate.kind == funnel.PROPORTION else None,
            chart_id=CHART_ID,
        )
    return context


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    countries = selectors.country_names()
    form = PeerForm(request.GET, countries=countries, years=selectors.years_with_data())
    context: dict = {"form": form, "rates": selectors.RATES}
    if not form.is_valid():
        return render(request, "peers/index.html", context, status=400)
    rate, group, span = form.choice()
    own = selectors.own_facilities(request.user)
    view = selectors.view_for(selectors.comparison(rate, group, span), own)
    context.update(plot_context(rate, group.label(countries), span, view), period=span)
    return render(request, "peers/index.html", context)
