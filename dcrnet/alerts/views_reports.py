"""Reporting pages for a facility's reporters: a substance report, the daily pulse, a CSV upload.

Who may report for which facility is monitoring's rule (selectors.reported_facility): another
facility is a 403, one that does not exist a 404, and nothing is written for either.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from dcrnet.directory.models import Facility
from dcrnet.lib.csv import csv_response
from dcrnet.lib.forms import CsvUploadForm
from dcrnet.lib.i18n import neutral_language
from dcrnet.monitoring.selectors import reported_facility

from . import reports_csv
from .forms import (
    NO_REGION,
    TOO_MANY_REPORTS,
    TOO_MANY_UPLOADS,
    PulseForm,
    SubstanceReportForm,
    Vocabulary,
    may_file,
    may_upload,
    week_code,
)
from .models import Confirmation, Form

RECENT_REPORTS = 10
RECENT_PULSES = 7


@login_required
@require_GET
def report_home(request: HttpRequest) -> HttpResponse:
    facilities = list(
        Facility.objects.for_reporter(request.user)
        .select_related("country")
        .prefetch_related("alert_regions")
        .order_by("name")
    )
    for facility in facilities:
        facility.recent_reports = list(
            facility.substance_reports.select_related("substance", "sold_as").order_by(
                "-week", "-created"
            )[:RECENT_REPORTS]
        )
        for report in facility.recent_reports:
            report.iso_week = week_code(report.week)
        facility.recent_pulses = list(facility.pulses.order_by("-day")[:RECENT_PULSES])
    return render(
        request, "alerts/report_home.html", {"facilities": facilities, "no_region": NO_REGION}
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_substance(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = reported_facility(request.user, public_id)
    status = 200
    if request.method == "POST":
        form = SubstanceReportForm(request.POST, facility=facility)
        status = 400
        if form.is_valid():
            if may_file(request.user):
                report = form.save(request.user)
                messages.success(
                    request,
                    _("Thank you: %(samples)s of %(substance)s in %(week)s, reported.")
                    % {
                        "samples": ngettext("%(n)s sample", "%(n)s samples", report.samples)
                        % {"n": report.samples},
                        "substance": report.substance.name,
                        "week": week_code(report.week),
                    },
                )
                return redirect("alerts:report_substance", facility.public_id)
            form.add_error(None, TOO_MANY_REPORTS)
            status = 429
    else:
        form = SubstanceReportForm(facility=facility)
    return render(
        request,
        "alerts/report_form.html",
        {"facility": facility, "form": form, "no_region": NO_REGION},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_pulse(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = reported_facility(request.user, public_id)
    status = 200
    if request.method == "POST":
        form = PulseForm(request.POST, facility=facility)
        status = 400
        if form.is_valid():
            if may_file(request.user):
                pulse, created = form.save(request.user)
                values = {
                    "n": pulse.overdoses,
                    "day": date_format(pulse.day, "DATE_FORMAT"),
                }
                messages.success(
                    request,
                    (
                        _("Saved: %(n)s overdoses managed on %(day)s.")
                        if created
                        else _("Updated: %(n)s overdoses managed on %(day)s.")
                    )
                    % values,
                )
                return redirect("alerts:report_pulse", facility.public_id)
            form.add_error(None, TOO_MANY_REPORTS)
            status = 429
    else:
        form = PulseForm(facility=facility)
    recent = facility.pulses.order_by("-day")[:RECENT_PULSES]
    return render(
        request,
        "alerts/pulse_form.html",
        {"facility": facility, "form": form, "recent": recent},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_upload(request: HttpRequest, public_id: str) -> HttpResponse:
    facility = reported_facility(request.user, public_id)
    problems: list[reports_csv.Problem] = []
    status = 200
    if request.method == "POST":
        form = CsvUploadForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            if not may_upload(request.user):
                form.add_error(None, TOO_MANY_UPLOADS)
                status = 429
            else:
                parsed = reports_csv.parse(form.cleaned_data["file"].read(), facility)
                if parsed.ok:
                    written = reports_csv.store(parsed, facility, user=request.user)
                    messages.success(
                        request,
                        (
                            ngettext(
                                "Imported %(n)s substance report.",
                                "Imported %(n)s substance reports.",
                                written,
                            )
                            if parsed.kind == reports_csv.REPORTS
                            else ngettext(
                                "Imported %(n)s daily pulse.",
                                "Imported %(n)s daily pulses.",
                                written,
                            )
                        )
                        % {"n": written},
                    )
                    return redirect("alerts:report_home")
                problems = parsed.problems
    else:
        form = CsvUploadForm()
    return render(
        request,
        "alerts/report_upload.html",
        {
            "facility": facility,
            "form": form,
            "problems": problems,
            "vocabulary": Vocabulary.load().by_slug.values(),
            "regions": facility.alert_regions.order_by("name"),
            "confirmations": Confirmation.choices,
            "forms": Form.choices,
            "report_columns": reports_csv.REPORT_COLUMNS,
            "pulse_columns": reports_csv.PULSE_COLUMNS,
            "max_rows": reports_csv.MAX_ROWS,
        },
        status=status,
    )


@login_required
@require_GET
@neutral_language
def report_template(request: HttpRequest, kind: str) -> HttpResponse:
    """The header of an upload: substance reports or daily pulses (no rows)."""
    if kind not in (reports_csv.REPORTS, reports_csv.PULSES):
        raise Http404
    return csv_response(f"dcr-alert-{kind}-template.csv", reports_csv.template(kind), [])
