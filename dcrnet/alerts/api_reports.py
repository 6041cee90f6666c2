"""Substance reports and daily pulses in the JSON API, with a reporter's personal token.

The body's JSON types are fixed here; every rule (the vocabulary, the week's range, linked
overdoses within the samples, the facility's region) is the form's, as on the web page and in
the CSV upload (forms.py). Each problem is named by its member (`body.samples`). Messages in
English: the API is language-neutral.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.forms import Form as DjangoForm
from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict, StrictInt

from dcrnet.directory.models import Facility
from dcrnet.lib.api import ReadAtGeneration, Refusal, responses
from dcrnet.monitoring.api import ReporterTokenAuth
from dcrnet.monitoring.selectors import reported_facility

from .forms import (
    MAX_PULSE,
    MAX_SAMPLES,
    NO_REGION,
    PULSE_DAYS_BACK,
    TOO_MANY_REPORTS,
    WEEK_PATTERN,
    PulseForm,
    SubstanceReportForm,
    may_file,
    monday,
    today,
    week_code,
    yesterday,
)
from .models import Confirmation, Form, Pulse, Substance, SubstanceReport

router = Router(tags=["early warning"])

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def substance_slugs() -> list[str]:
    return list(Substance.objects.order_by("slug").values_list("slug", flat=True))


SubstanceSlug = Annotated[str, ReadAtGeneration(substance_slugs)]
ConfirmationCode = Literal[tuple(Confirmation.values)]  # type: ignore[valid-type]
FormCode = Literal[tuple(Form.values)]  # type: ignore[valid-type]
FacilityId = Annotated[
    str,
    Field(
        max_length=80,
        pattern=SLUG_PATTERN,
        description="The facility's public_id; the token's account must be one of its reporters.",
    ),
]


class ClosedBody(Schema):
    model_config = ConfigDict(extra="forbid")


class SubstanceReportIn(ClosedBody):
    """One facility's aggregate observation of a substance in one ISO week."""

    facility: FacilityId
    substance: SubstanceSlug = Field(
        description='A substance of the vocabulary by its slug ("unknown" when not identified).'
    )
    confirmation: ConfirmationCode = Field(description="How it was confirmed.")  # type: ignore[valid-type]
    form: FormCode = Field("unknown")  # type: ignore[valid-type]
    sold_as: SubstanceSlug | None = Field(None, description="What it was sold as, if known.")
    samples: StrictInt = Field(ge=1, le=MAX_SAMPLES)
    linked_overdoses: StrictInt = Field(
        0, ge=0, le=MAX_SAMPLES, description="Samples linked to overdoses: at most `samples`."
    )
    week: str | None = Field(
        None,
        pattern=WEEK_PATTERN,
        description="ISO week, e.g. 2026-W05: this week by default; neither a week that has not "
        "begun nor one more than a year ago.",
    )
    region: str | None = Field(
        None,
        max_length=80,
        pattern=SLUG_PATTERN,
        description="The alert region's slug: needed only when the facility is in several.",
    )


class SubstanceReportOut(Schema):
    public_id: UUID
    facility: str
    substance: str
    confirmation: str
    form: str
    sold_as: str | None
    samples: int
    linked_overdoses: int
    week: str
    region: str
    created: dt.datetime


class PulseIn(ClosedBody):
    """A day's overdoses managed on site. Sending a day again replaces its number."""

    facility: FacilityId
    day: str | None = Field(
        None,
        pattern=DATE_PATTERN,
        json_schema_extra={"format": "date"},
        description=f"Yesterday by default; not in the future, at most {PULSE_DAYS_BACK} days "
        "back.",
    )
    overdoses: StrictInt = Field(ge=0, le=MAX_PULSE)


class PulseOut(Schema):
    facility: str
    day: dt.date
    overdoses: int
    created: bool = Field(description="False when the day's number was replaced.")


ERRORS = (401, 403, 404, 429)


def _facility(request: HttpRequest, public_id: str) -> Facility:
    try:
        return reported_facility(request.auth, public_id)
    except PermissionDenied:
        raise Refusal(403, [("body.facility", "you do not report for this facility")]) from None
    except Http404:
        raise Refusal(404, [("body.facility", "no facility has this identifier")]) from None


def _validated(form: DjangoForm) -> None:
    with translation.override("en"):
        if form.is_valid():
            return
        problems = [
            ("body" if name == "__all__" else f"body.{name}", str(message))
            for name, messages in form.errors.items()
            for message in messages
        ]
    raise Refusal(422, problems)


def _rate(request: HttpRequest) -> None:
    if not may_file(request.auth):
        with translation.override("en"):
            raise Refusal(429, [("request", str(TOO_MANY_REPORTS))])


def report_out(report: SubstanceReport) -> dict:
    return {
        "public_id": report.public_id,
        "facility": report.facility.public_id,
        "substance": report.substance.slug,
        "confirmation": report.confirmation,
        "form": report.form,
        "sold_as": report.sold_as.slug if report.sold_as else None,
        "samples": report.samples,
        "linked_overdoses": report.linked_overdoses,
        "week": week_code(report.week),
        "region": report.region.slug,
        "created": report.created,
    }


def pulse_out(pulse: Pulse, created: bool) -> dict:
    return {
        "facility": pulse.facility.public_id,
        "day": pulse.day,
        "overdoses": pulse.overdoses,
        "created": created,
    }


@router.post(
    "/alerts/reports",
    response=responses({201: SubstanceReportOut}, *ERRORS),
    auth=ReporterTokenAuth(),
    url_name="alerts_report_create",
    summary="Report a substance seen at your facility (early warning)",
)
def report_create(request: HttpRequest, body: SubstanceReportIn):
    """Counts only, never anything about a person. The report is checked for a substance signal
    (a watch-list substance or one never reported in the network) as soon as it is stored."""
    facility = _facility(request, body.facility)
    data = body.model_dump(exclude={"facility"}, exclude_none=True)
    data.setdefault("week", week_code(monday(today())))
    form = SubstanceReportForm(data, facility=facility)
    if not form.has_region:
        with translation.override("en"):
            raise Refusal(422, [("body.facility", str(NO_REGION))])
    _validated(form)
    _rate(request)
    return Status(201, report_out(form.save(request.auth)))


@router.post(
    "/alerts/pulses",
    response=responses({200: PulseOut, 201: PulseOut}, *ERRORS),
    auth=ReporterTokenAuth(),
    url_name="alerts_pulse_put",
    summary="Send a day's overdoses managed on site (the daily pulse)",
)
def pulse_put(request: HttpRequest, body: PulseIn):
    """201 when the day is new, 200 when its number was replaced. The day is checked for a
    spike against the facility's last three months once stored."""
    facility = _facility(request, body.facility)
    data = {"day": body.day or yesterday().isoformat(), "overdoses": body.overdoses}
    form = PulseForm(data, facility=facility)
    _validated(form)
    _rate(request)
    pulse, created = form.save(request.auth)
    return Status(201 if created else 200, pulse_out(pulse, created))
