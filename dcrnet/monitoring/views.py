"""Monitoring pages: dictionary, dashboards, reporting, open data and the survey.

Thin: each view parses its input, calls a selector or a service, and renders. Who may report
for which facility is `selectors.reported_facility` (Facility.objects.for_reporter).
"""

from __future__ import annotations

import datetime as dt
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dcrnet.directory.models import Country
from dcrnet.lib.api import Refusal
from dcrnet.lib.csv import csv_response
from dcrnet.lib.forms import CsvUploadForm
from dcrnet.lib.i18n import neutral_language

from . import selectors, services, survey
from .forms import (
    MonthGridForm,
    MonthlyFilters,
    SeriesFilters,
    SurveyForm,
    TokenForm,
)
from .models import (
    DictionaryRelease,
    Indicator,
    ReporterToken,
    ResponseStatus,
    SurveyResponse,
    SurveyYear,
    YearlyValue,
)
from .survey_results import survey_results

MAX_DASHBOARD_CHARTS = 6


def require_editor(user) -> None:
    if not (user.is_editor or user.is_superuser):
        raise PermissionDenied


# --- dictionary ----------------------------------------------------------------------------

DICTIONARY_COLUMNS = [
    "code",
    "name",
    "definition",
    "unit",
    "counts",
    "does_not_count",
    "breakdown",
    "breakdown_values",
    "health_canada",
    "euda",
    "added_in",
]


@require_GET
def dictionary(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "monitoring/dictionary.html",
        {
            "indicators": Indicator.objects.for_dictionary(),
            "releases": DictionaryRelease.objects.all(),
        },
    )


@require_GET
@neutral_language
def dictionary_csv(request: HttpRequest) -> HttpResponse:
    rows = (
        [" ".join(row[c]) if c == "breakdown_values" else row[c] for c in DICTIONARY_COLUMNS]
        for row in selectors.dictionary_rows()
    )
    return csv_response("dcr-indicators.csv", DICTIONARY_COLUMNS, rows)


# --- dashboards ----------------------------------------------------------------------------


def _chart_context(scope: selectors.Scope, request: HttpRequest) -> dict:
    available = selectors.dashboard_indicators(scope)
    chosen_codes = request.GET.getlist("indicator")
    by_code = {ind.code: ind for ind in available}
    unknown = [code for code in chosen_codes if code not in by_code]
    chosen = (
        [by_code[c] for c in chosen_codes if c in by_code]
        or [ind for ind in available if ind.headline][:4]
        or available[:4]
    )
    charts = []
    for ind in chosen[:MAX_DASHBOARD_CHARTS]:
        data = selectors.series(scope, ind)
        charts.append(
            {
                "indicator": ind,
                "data": data,
                "rows": selectors.table_rows(data),
                "src": _scope_url(CHART_URLS, scope, ind),
                "api": _scope_url(SERIES_URLS, scope, ind),
                "chart": "bar" if len(data["labels"]) <= 3 else "line",
            }
        )
    return {
        "scope": scope,
        "available": available,
        "chosen": {ind.code for ind in chosen},
        "unknown": unknown,
        "charts": charts,
        "synthetic": any(c["data"]["synthetic"] for c in charts),
    }


# The chart's data in the page's language (its URL has the page's language prefix), and the
# same series in the API (language-neutral: the chart's JSON link); per scope level.
CHART_URLS = {
    "network": "monitoring:chart",
    "country": "monitoring:country_chart",
    "facility": "monitoring:facility_chart",
}
SERIES_URLS = {
    "network": "api:monitoring_series_network",
    "country": "api:monitoring_series_country",
    "facility": "api:monitoring_series_facility",
}


def _scope_url(names: dict[str, str], scope: selectors.Scope, indicator: Indicator) -> str:
    args = [] if scope.level == "network" else [scope.slug]
    return f"{reverse(names[scope.level], args=args)}?indicator={indicator.code}"


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    context = _chart_context(selectors.Scope.network(), request)
    context.update(
        countries=selectors.countries_with_data(),
        survey=survey_results(),
        yearly=YearlyValue.objects.for_display(),
    )
    return render(request, "monitoring/index.html", context)


def _country(code: str) -> Country:
    if not re.fullmatch(r"[A-Za-z]{2}", code):
        raise Http404
    return get_object_or_404(Country, code=code.upper())


@require_GET
def country_dashboard(request: HttpRequest, code: str) -> HttpResponse:
    country = _country(code)
    context = _chart_context(selectors.Scope.for_country(country), request)
    context.update(country=country, facilities=selectors.facilities_with_data(country))
    return render(request, "monitoring/dashboard.html", context)


@require_GET
def facility_dashboard(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = selectors.published_facility(public_id)
    context = _chart_context(selectors.Scope.for_facility(facility), request)
    context.update(
        facility=facility,
        country=facility.country,
        yearly=facility.yearly_values.for_display(),
    )
    return render(request, "monitoring/dashboard.html", context)


@require_GET
def chart(
    request: HttpRequest, code: str | None = None, public_id: str | None = None
) -> JsonResponse:
    """A dashboard chart's data (charts.js `data-src`), labelled in the page's language: the
    same series as the API's, with translated series names and months ("mars 2025")."""
    try:
        filters = SeriesFilters.from_query(request.GET)
    except Refusal as refusal:
        return _refused(refusal)
    if public_id is not None:
        scope = selectors.Scope.for_facility(selectors.published_facility(public_id))
    elif code is not None:
        scope = selectors.Scope.for_country(_country(code))
    else:
        scope = selectors.Scope.network()
    indicator = Indicator.objects.get(code=filters.indicator)  # the filters checked it exists
    return JsonResponse(selectors.chart_data(scope, indicator, filters.start, filters.end))


# --- open data -----------------------------------------------------------------------------


def _refused(refusal: Refusal) -> JsonResponse:
    """The API's error body and status, for the downloads that share its filters."""
    return JsonResponse(refusal.body(), status=refusal.status)


@require_GET
@neutral_language
def monthly_csv(request: HttpRequest) -> HttpResponse:
    try:
        filters = MonthlyFilters.from_query(request.GET)
    except Refusal as refusal:
        return _refused(refusal)
    preamble = [
        "# "
        + _("%(attribution)s. Licence: %(licence)s.")
        % {"attribution": selectors.ATTRIBUTION, "licence": selectors.LICENCE},
        "# "
        + _(
            "Counts 1-4 are shown as <5; x marks a cell hidden so that a small count "
            "cannot be worked out. synthetic=True marks %(note)s"
        )
        % {"note": selectors.SYNTHETIC_NOTE},
    ]
    rows = (
        [*record[:-1], "True" if record[-1] else "False"]
        for record in selectors.monthly_records(selectors.monthly_points(**filters.filters()))
    )
    return csv_response(
        "dcr-monthly.csv", selectors.MONTHLY_COLUMNS, rows, preamble=preamble, streaming=True
    )


@require_GET
@neutral_language
def monthly_json(request: HttpRequest) -> JsonResponse:
    try:
        filters = MonthlyFilters.from_query(request.GET)
    except Refusal as refusal:
        return _refused(refusal)
    return JsonResponse(selectors.monthly_payload(filters.filters()))


@require_GET
@neutral_language
def survey_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(
        "dcr-survey.csv",
        ["year", "question", "category", "value", "n", "surveyed", "response_rate"],
        survey_results()["csv"],
        preamble=[
            "# "
            + _("DCR Network yearly survey results. Licence: %(licence)s.")
            % {"licence": selectors.LICENCE}
        ],
    )


# --- reporting -----------------------------------------------------------------------------


def _last_month() -> dt.date:
    today = timezone.localdate().replace(day=1)
    return (today - dt.timedelta(days=1)).replace(day=1)


def _report_home(request: HttpRequest, token_form: TokenForm, status: int = 200) -> HttpResponse:
    context = selectors.reporting_overview(request.user)
    context.update(last_month=_last_month(), token_form=token_form)
    return render(request, "monitoring/report_home.html", context, status=status)


@login_required
@require_GET
def report_home(request: HttpRequest) -> HttpResponse:
    return _report_home(request, TokenForm())


@login_required
@require_http_methods(["GET", "POST"])
def report_month(request: HttpRequest, public_id: str, month: str) -> HttpResponse:
    facility = selectors.reported_facility(request.user, public_id)
    try:
        month_date = services.parse_month(month)
    except ValueError:
        raise Http404 from None
    indicators = list(Indicator.objects.current())
    status = 200
    if request.method == "POST":
        form = MonthGridForm(request.POST, indicators=indicators)
        status = 400
        if form.is_valid():
            try:
                changed = services.save_month(
                    facility,
                    month_date,
                    form.cells,
                    user=request.user,
                    replace=True,
                    version=form.cleaned_data["version"] or None,
                )
            except services.ReportInvalid as error:
                form.add_problems(error.problems)
            except services.ReportConflict as conflict:
                # Keep what they typed; the new version lets a second save replace theirs.
                data = request.POST.copy()
                data["version"] = conflict.version
                form = MonthGridForm(data, indicators=indicators)
                form.is_valid()
                form.add_error(
                    None,
                    f"{conflict} "
                    + _(
                        "Save again to replace their values with those below, or open the "
                        "month again to see theirs."
                    ),
                )
                status = 409
            else:
                services.remember_language(request.user)
                messages.success(
                    request,
                    ngettext(
                        "Saved %(month)s: %(n)s value changed.",
                        "Saved %(month)s: %(n)s values changed.",
                        changed,
                    )
                    % {"month": date_format(month_date, "YEAR_MONTH_FORMAT"), "n": changed},
                )
                return redirect("monitoring:report_month", public_id, f"{month_date:%Y-%m}")
    else:
        stored = selectors.reported_month(request.user, facility, month_date)
        initial = {name: str(value) for name, value in stored.items()}
        initial["version"] = services.month_version(stored)
        form = MonthGridForm(initial=initial, indicators=indicators)
    previous = (month_date - dt.timedelta(days=1)).replace(day=1)
    following = (month_date + dt.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "monitoring/report_month.html",
        {
            "facility": facility,
            "month": month_date,
            "form": form,
            "previous": f"{previous:%Y-%m}",
            "following": f"{following:%Y-%m}",
        },
        status=status,
    )


@login_required
@require_GET
@neutral_language
def upload_template(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = selectors.reported_facility(request.user, public_id)
    last = _last_month()
    months = [dt.date(last.year if m <= last.month else last.year - 1, m, 1) for m in range(1, 13)]
    header, rows = services.template_rows(sorted(months))
    return csv_response(f"dcr-monthly-template-{facility.public_id}.csv", header, rows)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = selectors.reported_facility(request.user, public_id)
    problems = []
    if request.method == "POST":
        form = CsvUploadForm(request.POST, request.FILES)
        if form.is_valid():
            parsed = services.parse_upload(form.cleaned_data["file"].read())
            try:
                changed = services.import_months(facility, parsed, user=request.user)
            except services.ReportInvalid as error:
                problems = error.problems
            else:
                services.remember_language(request.user)
                months = len(parsed.months)
                messages.success(
                    request,
                    _("Imported %(months)s (%(values)s).")
                    % {
                        "months": ngettext("%(n)s month", "%(n)s months", months) % {"n": months},
                        "values": ngettext("%(n)s value changed", "%(n)s values changed", changed)
                        % {"n": changed},
                    },
                )
                return redirect("monitoring:report_home")
    else:
        form = CsvUploadForm()
    return render(
        request,
        "monitoring/upload.html",
        {"facility": facility, "form": form, "problems": problems},
        status=400 if problems or form.errors else 200,
    )


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _report_home(request, form, status=400)
    _token, raw = services.create_token(request.user, form.cleaned_data["label"])
    return render(request, "monitoring/token_created.html", {"token": raw})


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ReporterToken.objects.of(request.user).active(), pk=pk)
    services.revoke_token(token)
    messages.success(request, _("The token was revoked."))
    return redirect("monitoring:report_home")


# --- survey --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def survey_form(request: HttpRequest, year: int, public_id: str) -> HttpResponse:
    facility = selectors.reported_facility(request.user, public_id)
    survey_year = get_object_or_404(SurveyYear, year=year)
    response = SurveyResponse.objects.of(survey_year, facility).first()
    headline = list(Indicator.objects.headline())
    locked = response is not None and response.status == ResponseStatus.ACCEPTED
    if request.method == "POST" and not locked:
        if not survey_year.is_open:
            raise Http404
        form = SurveyForm(request.POST, headline=headline)
        if form.is_valid():
            submit = "submit" in request.POST
            survey.save_response(
                survey_year, facility, form.answers(), submit=submit, user=request.user
            )
            services.remember_language(request.user)
            messages.success(
                request,
                _("Thank you: your response was submitted.") if submit else _("Draft saved."),
            )
            return redirect("monitoring:survey_form", year, public_id)
    else:
        initial = SurveyForm.initial_from(response.answers) if response else {}
        form = SurveyForm(initial=initial, headline=headline)
    return render(
        request,
        "monitoring/survey_form.html",
        {
            "facility": facility,
            "survey": survey_year,
            "response": response,
            "form": form,
            "locked": locked,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def survey_admin(request: HttpRequest) -> HttpResponse:
    require_editor(request.user)
    years = selectors.surveys_for_review(with_rates=request.user.is_staff)
    return render(request, "monitoring/survey_admin.html", {"years": years})


@login_required
@require_http_methods(["GET", "POST"])
def survey_review(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request.user)
    response = get_object_or_404(SurveyResponse.objects.for_review(), pk=pk)
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "accept":
                survey.accept_response(response, editor=request.user)
                messages.success(request, _("Accepted: the facility has a new profile snapshot."))
            elif request.POST.get("decision") == "return":
                survey.return_response(response, editor=request.user)
                messages.success(request, _("Returned to the reporter."))
            else:
                return HttpResponse(_("decision: choose accept or return."), status=400)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("monitoring:survey_review", pk)
    return render(
        request,
        "monitoring/survey_review.html",
        {"response": response, "answers": survey.answer_rows(response.answers)},
    )
