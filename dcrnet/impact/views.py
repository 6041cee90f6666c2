"""The impact estimator's pages: the calculator, its printable report, its CSV, the registry,
and the way in from a facility page.

Every page reads its scenario from the query string through scenario.build, the contract the
API uses too: a scenario is a URL anyone can share, no account needed.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_htmx.http import push_url

from dcrnet.directory import selectors as directory
from dcrnet.directory.models import Facility
from dcrnet.lib.csv import csv_response
from dcrnet.lib.i18n import absolute, neutral_language

from . import scenario
from .forms import CSV_COLUMNS, CalculatorForm, ResultView, registry_page
from .prefill import prefill


def _build(request: HttpRequest) -> tuple[scenario.Scenario | None, dict[str, list[str]]]:
    try:
        return scenario.build(request.GET), {}
    except scenario.Invalid as invalid:
        return None, invalid.errors


def _given(request: HttpRequest) -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in parse_qsl(request.META.get("QUERY_STRING", "")) if v.strip())


@require_GET
def calculator(request: HttpRequest) -> HttpResponse:
    """The form and, when its inputs are valid, the estimate; errors per field otherwise."""
    built, errors = _build(request)
    here = reverse("impact:calculator")
    query = built.query() if built else ""
    # A submitted form sends every field, mostly empty: the address to keep and share is the
    # short one with only what differs from the preset (htmx pushes it, see below).
    if built and request.GET and not request.htmx and _given(request) != sorted(parse_qsl(query)):
        return redirect(f"{here}?{query}")
    context = {
        "form": CalculatorForm(request.GET, errors, built),
        "result": ResultView(built, scenario.estimate(built)) if built else None,
        "query": query,
    }
    if request.htmx:
        response = render(request, "impact/calculator.html#update", context)
        if built:
            push_url(response, f"{here}?{query}")
        return response
    return render(request, "impact/calculator.html", context)


@require_GET
def report(request: HttpRequest) -> HttpResponse:
    """The estimate for printing: the result, every input with its source, the caveats."""
    built, errors = _build(request)
    if built is None:
        form = CalculatorForm(request.GET, errors)
        context = {"errors": form.error_links(), "query": request.GET.urlencode()}
        return render(request, "impact/report_invalid.html", context, status=400)
    result = ResultView(built, scenario.estimate(built))
    query = built.query()
    context = {
        "result": result,
        "query": query,
        "share_url": absolute(f"{reverse('impact:calculator')}?{query}"),
    }
    return render(request, "impact/report.html", context)


@require_GET
@neutral_language
def data_csv(request: HttpRequest) -> HttpResponse:
    """Inputs and outputs of a scenario; an invalid one is a 400 naming each field."""
    built, errors = _build(request)
    if built is None:
        lines = [f"{name}: {' '.join(messages)}" for name, messages in errors.items()]
        return HttpResponse(
            "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    result = ResultView(built, scenario.estimate(built))
    summary = result.estimate.monte_carlo
    preamble = [
        "# "
        + _("DCR Network impact estimate (static one-year model after Irwin et al. 2017).")
        + " "
        + _("Scenario: %(url)s")
        % {"url": absolute(f"{reverse('impact:calculator')}?{built.query()}")},
        "# "
        + _(
            "Intervals: 2.5th and 97.5th percentiles of %(draws)s Monte Carlo draws (seed "
            "%(seed)s). Shares are fractions from 0 to 1."
        )
        % {"draws": summary.draws if summary else 0, "seed": summary.seed if summary else ""},
    ]
    return csv_response("dcr-impact.csv", CSV_COLUMNS, result.csv_rows(), preamble=preamble)


@require_GET
def parameters(request: HttpRequest) -> HttpResponse:
    """The registry: every input's default, range, distribution and source; and the presets."""
    return render(request, "impact/parameters.html", registry_page())


@require_GET
def from_facility(request: HttpRequest, public_id: str) -> HttpResponse:
    """The calculator with the facility's own figures in place of the preset's."""
    try:
        facility = directory.facility_detail(public_id, request.user)
    except Facility.DoesNotExist:
        raise Http404 from None
    values = prefill(facility)
    try:
        query = scenario.build(values).query()
    except scenario.Invalid:
        query = urlencode(values)  # the calculator shows what is wrong with the figures
    return redirect(f"{reverse('impact:calculator')}?{query}")
