"""Monitoring pages: dictionary, dashboards, reporting, open data and the survey."""

from __future__ import annotations

import csv
import datetime as dt
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dcrnet.directory.models import Country, Facility

from . import selectors, services, survey
from .forms import MonthGridForm, MonthlyFilterForm, SurveyForm, UploadForm
from .models import (
    Indicator,
    MonthlyValue,
    ReporterToken,
    ResponseStatus,
    SurveyResponse,
    SurveyYear,
    YearlyValue,
    hash_token,
)
from .services import cell_name
from .survey_results import survey_results

MAX_DASHBOARD_CHARTS = 6


# --- access --------------------------------------------------------------------------------


def reported_facility(user, public_id: str) -> Facility:
    """The facility if `user` reports for it; 404 otherwise (no hint that it exists)."""
    try:
        return Facility.objects.select_related("country").get(public_id=public_id, reporters=user)
    except Facility.DoesNotExist:
        raise Http404 from None


def require_editor(user) -> None:
    if not (user.is_editor or user.is_superuser):
        raise PermissionDenied


def require_staff(user) -> None:
    if not (user.is_staff or user.is_superuser):
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
    from .models import DictionaryRelease

    return render(
        request,
        "monitoring/dictionary.html",
        {
            "indicators": Indicator.objects.current().select_related("added_in"),
            "releases": DictionaryRelease.objects.all(),
        },
    )


@require_GET
def dictionary_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dcr-indicators.csv"'
    writer = csv.writer(response)
    writer.writerow(DICTIONARY_COLUMNS)
    for row in selectors.dictionary_rows():
        row["breakdown_values"] = " ".join(row["breakdown_values"])
        writer.writerow([row[c] for c in DICTIONARY_COLUMNS])
    return response


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
                "src": _series_url(scope, ind),
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


def _series_url(scope: selectors.Scope, indicator: Indicator) -> str:
    if scope.level == "network":
        path = reverse("api:monitoring_series_network")
    elif scope.level == "country":
        path = reverse("api:monitoring_series_country", args=[scope.key[2:]])
    else:
        path = reverse(
            "api:monitoring_series_facility",
            args=[Facility.objects.only("public_id").get(pk=int(scope.key[2:])).public_id],
        )
    return f"{path}?indicator={indicator.code}"


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    context = _chart_context(selectors.Scope.network(), request)
    context.update(
        countries=selectors.countries_with_data(),
        survey=survey_results(),
        yearly=YearlyValue.objects.select_related("facility", "facility__country", "indicator"),
    )
    return render(request, "monitoring/index.html", context)


@require_GET
def country_dashboard(request: HttpRequest, code: str) -> HttpResponse:
    country = get_object_or_404(Country, code=code.upper())
    context = _chart_context(selectors.Scope.for_country(country), request)
    context.update(country=country, facilities=selectors.facilities_with_data(country))
    return render(request, "monitoring/dashboard.html", context)


@require_GET
def facility_dashboard(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = get_object_or_404(
        Facility.objects.public().select_related("country"), public_id=public_id
    )
    context = _chart_context(selectors.Scope.for_facility(facility), request)
    context.update(
        facility=facility,
        country=facility.country,
        yearly=facility.yearly_values.select_related("indicator"),
    )
    return render(request, "monitoring/dashboard.html", context)


# --- open data -----------------------------------------------------------------------------


class Echo:
    def write(self, value: str) -> str:
        return value


def _monthly_filters(request: HttpRequest) -> tuple[dict | None, dict | None]:
    """(filters, None) or (None, errors naming each parameter at fault)."""
    form = MonthlyFilterForm(request.GET)
    errors = form.error_summary() if not form.is_valid() else {"error": "", "problems": []}
    for name in sorted(set(request.GET) - set(MonthlyFilterForm.base_fields)):
        errors["problems"].append({"parameter": name, "message": _("unknown parameter")})
    if errors["problems"]:
        errors["error"] = "; ".join(f"{p['parameter']}: {p['message']}" for p in errors["problems"])
        return None, errors
    return form.filters(), None


@require_GET
def monthly_csv(request: HttpRequest) -> HttpResponse:
    filters, errors = _monthly_filters(request)
    if errors:
        return JsonResponse(errors, status=400)
    points = selectors.monthly_points(**filters)
    writer = csv.writer(Echo())

    def rows():
        yield writer.writerow([f"# {selectors.ATTRIBUTION}. Licence: {selectors.LICENCE}."])
        yield writer.writerow(
            [
                "# "
                + _(
                    "Counts 1-4 are shown as <5; x marks a cell hidden so that a small count "
                    "cannot be worked out. synthetic=True marks %(note)s"
                )
                % {"note": selectors.SYNTHETIC_NOTE}
            ]
        )
        yield writer.writerow(selectors.MONTHLY_COLUMNS)
        for record in selectors.monthly_records(points):
            record[-1] = "True" if record[-1] else "False"
            yield writer.writerow(record)

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dcr-monthly.csv"'
    return response


@require_GET
def monthly_json(request: HttpRequest) -> JsonResponse:
    filters, errors = _monthly_filters(request)
    if errors:
        return JsonResponse(errors, status=400)
    return JsonResponse(selectors.monthly_payload(filters))


@require_GET
def survey_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dcr-survey.csv"'
    writer = csv.writer(response)
    writer.writerow([f"# DCR Network yearly survey results. Licence: {selectors.LICENCE}."])
    writer.writerow(["year", "question", "category", "value", "n", "surveyed", "response_rate"])
    for row in survey_results()["csv"]:
        writer.writerow(row)
    return response


# --- reporting -----------------------------------------------------------------------------


def _last_month() -> dt.date:
    today = timezone.localdate().replace(day=1)
    return (today - dt.timedelta(days=1)).replace(day=1)


@login_required
@require_GET
def report_home(request: HttpRequest) -> HttpResponse:
    facilities = Facility.objects.filter(reporters=request.user).select_related("country")
    tokens = ReporterToken.objects.filter(user=request.user, revoked__isnull=True)
    return render(
        request,
        "monitoring/report_home.html",
        {
            "facilities": facilities,
            "last_month": _last_month(),
            "tokens": tokens,
            "open_surveys": [s for s in SurveyYear.objects.all() if s.is_open],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_month(request: HttpRequest, public_id: str, month: str) -> HttpResponse:
    facility = reported_facility(request.user, public_id)
    try:
        month_date = services.parse_month(month)
    except ValueError:
        raise Http404 from None
    indicators = list(Indicator.objects.current())
    existing = {
        cell_name(v.indicator.code, v.breakdown): v.value
        for v in MonthlyValue.objects.for_month(facility, month_date).select_related("indicator")
    }
    problems = []
    if request.method == "POST":
        form = MonthGridForm(request.POST, indicators=indicators)
        if form.is_valid():
            raw = {name: form.cleaned_data[name] for name in form.fields}
            clean, problems = services.validate_month(raw, month_date)
            for problem in problems:
                for name in problem.cells:
                    if name in form.fields:
                        form.add_error(name, problem.message)
            if not problems:
                changed = services.save_month(
                    facility, month_date, clean, user=request.user, replace=True
                )
                messages.success(
                    request,
                    _("Saved %(month)s: %(n)s values changed.")
                    % {"month": f"{month_date:%Y-%m}", "n": changed},
                )
                return redirect("monitoring:report_month", public_id, f"{month_date:%Y-%m}")
    else:
        form = MonthGridForm(
            initial={k: str(v) for k, v in existing.items()}, indicators=indicators
        )
    previous = (month_date - dt.timedelta(days=1)).replace(day=1)
    following = (month_date + dt.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "monitoring/report_month.html",
        {
            "facility": facility,
            "month": month_date,
            "form": form,
            "problems": problems,
            "previous": f"{previous:%Y-%m}",
            "following": f"{following:%Y-%m}",
        },
        status=400 if problems or form.errors else 200,
    )


@login_required
@require_GET
def upload_template(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = reported_facility(request.user, public_id)
    last = _last_month()
    months = [dt.date(last.year if m <= last.month else last.year - 1, m, 1) for m in range(1, 13)]
    response = HttpResponse(
        services.template_csv(facility, sorted(months)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="dcr-monthly-template-{facility.public_id}.csv"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = reported_facility(request.user, public_id)
    problems = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            parsed = services.parse_upload(form.cleaned_data["file"].read())
            problems = parsed.problems
            if not problems:
                changed = services.import_months(facility, parsed, user=request.user)
                messages.success(
                    request,
                    _("Imported %(m)s months (%(n)s values changed).")
                    % {"m": len(parsed.months), "n": changed},
                )
                return redirect("monitoring:report_home")
    else:
        form = UploadForm()
    return render(
        request,
        "monitoring/upload.html",
        {"facility": facility, "form": form, "problems": problems},
        status=400 if problems or form.errors else 200,
    )


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    if not Facility.objects.filter(reporters=request.user).exists():
        raise Http404
    raw = "dcr_" + secrets.token_urlsafe(32)
    ReporterToken.objects.create(
        user=request.user,
        label=request.POST.get("label", "")[:80],
        digest=hash_token(raw),
        prefix=raw[:8],
    )
    return render(request, "monitoring/token_created.html", {"token": raw})


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ReporterToken, pk=pk, user=request.user, revoked__isnull=True)
    token.revoked = timezone.now()
    token.save(update_fields=["revoked"])
    messages.success(request, _("The token was revoked."))
    return redirect("monitoring:report_home")


# --- survey --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def survey_form(request: HttpRequest, year: int, public_id: str) -> HttpResponse:
    facility = reported_facility(request.user, public_id)
    survey_year = get_object_or_404(SurveyYear, year=year)
    response = SurveyResponse.objects.filter(survey=survey_year, facility=facility).first()
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
    years = []
    for survey_year in SurveyYear.objects.all():
        years.append(
            {
                "survey": survey_year,
                "rates": survey.response_rates(survey_year) if request.user.is_staff else [],
                "pending": SurveyResponse.objects.filter(
                    survey=survey_year, status=ResponseStatus.SUBMITTED
                ).select_related("facility", "facility__country"),
            }
        )
    return render(request, "monitoring/survey_admin.html", {"years": years})


@login_required
@require_http_methods(["GET", "POST"])
def survey_review(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request.user)
    response = get_object_or_404(
        SurveyResponse.objects.select_related("survey", "facility", "snapshot"), pk=pk
    )
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
    return render(request, "monitoring/survey_review.html", {"response": response})
