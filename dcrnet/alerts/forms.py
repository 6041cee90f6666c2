"""Reporting for early warning: a substance report, the daily pulse, the CSV upload.

The forms are the one contract: the web pages, the API (api_reports.py) and each CSV row
(reports_csv.py) are validated by the same form, and every write goes through `file_report` or
`file_pulse`, which queue the detection tasks when the transaction commits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from dcrnet.directory.models import Facility
from dcrnet.lib import ratelimit
from dcrnet.lib.text import PlainTextForm

from . import tasks
from .models import Confirmation, Form, Pulse, Region, Substance, SubstanceKind, SubstanceReport

MAX_SAMPLES = 10_000  # the model's bound
MAX_PULSE = 1_000  # the model's bound
# A week may be reported up to a year back; a pulse up to three months back (the baseline of
# the spike test), so that a facility can send its recent history when it starts.
WEEK_DAYS_BACK = 365
PULSE_DAYS_BACK = 92
# A script gone wrong must not flood the reviewers with signals: per account and hour.
REPORTS_PER_HOUR = 120
UPLOADS_PER_HOUR = 20
RATE_PERIOD = 3600

# ASCII digits only: int() would also read other scripts' digits.
WEEK_TEXT = re.compile(r"([0-9]{4})-?[Ww]([0-9]{1,2})")
DATE_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# What the API documents for a week (its range depends on the day: see WeekField).
WEEK_PATTERN = r"^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$"

NO_REGION = _(
    "This facility is in no alert region yet, so its reports cannot reach the right people. "
    "Ask the network's staff to add it to its region (admin: alert regions)."
)
TOO_MANY_REPORTS = _(
    "Too many reports from your account in the last hour: nothing was saved. Please wait a "
    "little, or send the rest as one CSV file."
)
TOO_MANY_UPLOADS = _("Too many uploads from your account in the last hour: please wait a little.")


def may_file(user) -> bool:
    """Count one report or pulse by `user`; False once over the hourly limit."""
    return ratelimit.hit("alert-reports", str(user.pk), REPORTS_PER_HOUR, RATE_PERIOD)


def may_upload(user) -> bool:
    return ratelimit.hit("alert-uploads", str(user.pk), UPLOADS_PER_HOUR, RATE_PERIOD)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_code(week: dt.date) -> str:
    """The ISO week of a day, as 2026-W05."""
    year, number, _weekday = week.isocalendar()
    return f"{year}-W{number:02d}"


def parse_week(value: object) -> dt.date:
    """The Monday of an ISO week given as 2026-W05 (or 2026W05), or of the week of a date
    (2026-01-28). ValueError says what is wrong."""
    if isinstance(value, dt.date):
        return monday(value)
    text = str(value).strip()
    if found := WEEK_TEXT.fullmatch(text):
        year, number = int(found[1]), int(found[2])
        try:
            return dt.date.fromisocalendar(year, number, 1)
        except ValueError:
            raise ValueError(
                _("%(year)s has no week %(week)s.") % {"year": year, "week": number}
            ) from None
    if found := DATE_TEXT.fullmatch(text):
        try:
            return monday(dt.date(int(found[1]), int(found[2]), int(found[3])))
        except ValueError:
            raise ValueError(_("“%(value)s” is not a date.") % {"value": text}) from None
    raise ValueError(_("Give the ISO week as 2026-W05 (year, W, week number)."))


def today() -> dt.date:
    return timezone.localdate()


def yesterday() -> dt.date:
    return today() - dt.timedelta(days=1)


# --- the vocabulary ------------------------------------------------------------------------

KIND_GROUPS = [
    (SubstanceKind.COMPOUND, _("Identified compounds")),
    (SubstanceKind.GROUP, _("Groups: compound not resolved")),
    (SubstanceKind.UNKNOWN, _("Not identified")),
]


@dataclass
class Vocabulary:
    """The substances by slug, read once for a page, an API call or a whole CSV file."""

    by_slug: dict[str, Substance]

    @classmethod
    def load(cls) -> Vocabulary:
        return cls({s.slug: s for s in Substance.objects.order_by("name", "slug")})

    def choices(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Options grouped by kind (optgroups): compounds, unresolved groups, unknown."""
        grouped = []
        for kind, label in KIND_GROUPS:
            options = [(s.slug, s.name) for s in self.by_slug.values() if s.kind == kind]
            if options:
                grouped.append((label, options))
        return grouped


class SubstanceField(forms.Field):
    """A substance of the vocabulary, chosen (and sent by the API and CSV) by its slug."""

    widget = forms.Select
    default_error_messages = {
        "unknown": _(
            "Unknown substance “%(value)s”: give the identifier (slug) of a substance of the "
            "vocabulary, or “unknown”."
        ),
    }

    def __init__(self, *, vocabulary: Vocabulary, blank: str, **kwargs):
        super().__init__(**kwargs)
        self.vocabulary = vocabulary
        self.widget.choices = [("", blank), *vocabulary.choices()]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        substance = self.vocabulary.by_slug.get(str(value).strip())
        if substance is None:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": str(value)[:80]}
            )
        return substance

    def prepare_value(self, value):
        return value.slug if isinstance(value, Substance) else value


class WeekField(forms.Field):
    """An ISO week of the last twelve months, this one by default: a list on the page (no
    format to type on a phone); the API and the CSV send 2026-W05."""

    widget = forms.Select

    def __init__(self, *, on: dt.date, **kwargs):
        super().__init__(**kwargs)
        self.latest = monday(on)
        self.earliest = monday(on - dt.timedelta(days=WEEK_DAYS_BACK))
        self.initial = week_code(self.latest)
        weeks = []
        week = self.latest
        while week >= self.earliest:
            weeks.append((week_code(week), self._label(week)))
            week -= dt.timedelta(days=7)
        self.widget.choices = weeks

    def _label(self, week: dt.date) -> str:
        label = _("%(week)s: %(start)s to %(end)s") % {
            "week": week_code(week),
            "start": date_format(week, "MONTH_DAY_FORMAT"),
            "end": date_format(week + dt.timedelta(days=6), "DATE_FORMAT"),
        }
        if week == self.latest:
            return _("This week, %(week)s") % {"week": label}
        return label

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_week(value)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value > self.latest:
            raise ValidationError(
                _("The week %(week)s has not begun yet."),
                code="future",
                params={"week": week_code(value)},
            )
        if value < self.earliest:
            raise ValidationError(
                _("The week %(week)s is more than a year ago: report weeks of the last year."),
                code="too_old",
                params={"week": week_code(value)},
            )

    def prepare_value(self, value):
        return week_code(value) if isinstance(value, dt.date) else value


class CountField(forms.IntegerField):
    """A whole number in ASCII digits, as the monthly reports read one (never "٣")."""

    def to_python(self, value):
        if isinstance(value, str) and not value.strip().isascii():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


def count_field(label, *, minimum: int, maximum: int, required: bool = True, **kwargs):
    return CountField(
        label=label,
        min_value=minimum,
        max_value=maximum,
        required=required,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        **kwargs,
    )


# --- a substance report --------------------------------------------------------------------


class SubstanceReportForm(PlainTextForm):
    """One facility's aggregate observation of a substance in one ISO week. Nothing about a
    person: counts of samples, never who brought them."""

    confirmation = forms.ChoiceField(
        label=_("How it was confirmed"),
        choices=[("", _("Choose how it was confirmed")), *Confirmation.choices],
    )
    form = forms.ChoiceField(
        label=_("Form"), choices=Form.choices, initial=Form.UNKNOWN, required=False
    )
    samples = count_field(_("Samples"), minimum=1, maximum=MAX_SAMPLES)
    linked_overdoses = count_field(
        _("Samples linked to overdoses"),
        minimum=0,
        maximum=MAX_SAMPLES,
        required=False,
        initial=0,
        help_text=_("Of these samples, how many were linked to an overdose (0 if none)."),
    )

    field_order = [
        "substance",
        "confirmation",
        "form",
        "sold_as",
        "samples",
        "linked_overdoses",
        "week",
        "region",
    ]

    def __init__(
        self,
        *args,
        facility: Facility,
        vocabulary: Vocabulary | None = None,
        regions: list[Region] | None = None,
        on: dt.date | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.facility = facility
        vocabulary = vocabulary or Vocabulary.load()
        if regions is None:
            regions = list(facility.alert_regions.order_by("name"))
        self.regions = {region.slug: region for region in regions}
        self.fields["substance"] = SubstanceField(
            label=_("Substance"), vocabulary=vocabulary, blank=_("Choose a substance")
        )
        self.fields["sold_as"] = SubstanceField(
            label=_("Sold as"),
            vocabulary=vocabulary,
            blank=_("Not known"),
            required=False,
            help_text=_("What the people who brought the samples thought they had bought."),
        )
        self.fields["week"] = WeekField(label=_("ISO week"), on=on or today())
        # Checked by clean_region, whose message says more than "not one of the choices".
        self.fields["region"] = forms.CharField(
            label=_("Alert region"),
            required=False,
            max_length=80,
            widget=forms.Select(
                choices=[("", _("Choose the region"))]
                + [(slug, region.name) for slug, region in self.regions.items()]
            ),
        )
        self.order_fields(self.field_order)

    @property
    def has_region(self) -> bool:
        return bool(self.regions)

    @property
    def implied_region(self) -> Region | None:
        return next(iter(self.regions.values())) if len(self.regions) == 1 else None

    @property
    def chooses_region(self) -> bool:
        """Only a facility in several regions is asked which one; otherwise it is implied."""
        return len(self.regions) > 1

    def clean_form(self) -> str:
        return self.cleaned_data.get("form") or Form.UNKNOWN

    def clean_linked_overdoses(self) -> int:
        value = self.cleaned_data.get("linked_overdoses")
        return 0 if value is None else value

    def clean_region(self) -> Region | None:
        slug = self.cleaned_data.get("region")
        if not slug:
            return None
        if slug not in self.regions:
            raise ValidationError(
                _("“%(value)s” is not an alert region of this facility."),
                params={"value": slug[:80]},
            )
        return self.regions[slug]

    def clean(self):
        data = super().clean()
        samples, linked = data.get("samples"), data.get("linked_overdoses")
        if samples is not None and linked is not None and linked > samples:
            self.add_error(
                "linked_overdoses",
                ValidationError(
                    _("Samples linked to overdoses (%(linked)s) exceed the samples (%(samples)s)."),
                    params={"linked": linked, "samples": samples},
                ),
            )
        if not self.regions:
            raise ValidationError(NO_REGION, code="no_region")
        if data.get("region") is None and "region" not in self.errors:
            if self.chooses_region:
                self.add_error("region", _("Choose the alert region these samples come from."))
            else:
                data["region"] = self.implied_region
        return data

    def save(self, user) -> SubstanceReport:
        return file_report(self.facility, self.cleaned_data, user=user)


def file_report(
    facility: Facility, data: dict, *, user=None, synthetic: bool = False
) -> SubstanceReport:
    """Store one valid report (a form's cleaned_data); S1 checks it once committed."""
    with transaction.atomic():
        report = SubstanceReport.objects.create(
            facility=facility,
            reported_by=user if getattr(user, "is_authenticated", False) else None,
            substance=data["substance"],
            confirmation=data["confirmation"],
            form=data.get("form") or Form.UNKNOWN,
            sold_as=data.get("sold_as"),
            samples=data["samples"],
            linked_overdoses=data.get("linked_overdoses") or 0,
            region=data["region"],
            week=data["week"],
            synthetic=synthetic,
        )
        transaction.on_commit(partial(check_report, report.pk), robust=True)
    return report


def check_report(report_id: int) -> None:
    tasks.check_report_task.enqueue(report_id)


# --- the daily pulse -----------------------------------------------------------------------


class PulseForm(PlainTextForm):
    """Yesterday's overdoses managed on site: one number for the facility, no detail."""

    day = forms.DateField(
        label=_("Day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        help_text=_("Yesterday unless you are catching up on an earlier day."),
    )
    overdoses = count_field(
        _("Overdoses managed on site"),
        minimum=0,
        maximum=MAX_PULSE,
        help_text=_("All overdoses your staff responded to on site that day (0 if none)."),
    )

    def __init__(self, *args, facility: Facility, on: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.facility = facility
        self.today = on or today()
        self.earliest = self.today - dt.timedelta(days=PULSE_DAYS_BACK)
        day = self.fields["day"]
        day.initial = self.today - dt.timedelta(days=1)
        day.widget.attrs.update(min=self.earliest.isoformat(), max=self.today.isoformat())

    def clean_day(self) -> dt.date:
        day = self.cleaned_data["day"]
        if day > self.today:
            raise ValidationError(_("%(day)s is in the future."), params={"day": day.isoformat()})
        if day < self.earliest:
            raise ValidationError(
                _("%(day)s is more than %(n)s days ago."),
                params={"day": day.isoformat(), "n": PULSE_DAYS_BACK},
            )
        return day

    def save(self, user) -> tuple[Pulse, bool]:
        data = self.cleaned_data
        return file_pulse(self.facility, data["day"], data["overdoses"], user=user)


def file_pulse(
    facility: Facility,
    day: dt.date,
    overdoses: int,
    *,
    user=None,
    synthetic: bool = False,
    check: bool = True,
) -> tuple[Pulse, bool]:
    """Store a day's pulse, or replace the number sent before (one row per facility and day,
    also when two submissions race); S2 checks the day once committed unless `check` is off."""
    with transaction.atomic():
        pulse, created = Pulse.objects.update_or_create(
            facility=facility,
            day=day,
            defaults={
                "overdoses": overdoses,
                "reported_by": user if getattr(user, "is_authenticated", False) else None,
                "synthetic": synthetic,
            },
        )
        if check:
            transaction.on_commit(partial(check_pulse, facility.pk, day), robust=True)
    return pulse, created


def check_pulse(facility_id: int, day: dt.date) -> None:
    tasks.check_pulse_task.enqueue(facility_id, day.isoformat())


# --- the CSV upload ------------------------------------------------------------------------
