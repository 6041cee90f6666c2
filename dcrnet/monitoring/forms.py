"""Forms: the monthly grid, the CSV upload, open-data filters and the survey questionnaire."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dcrnet.directory.models import Criterion, Facility, FacilityModel, Route, Service, Weekday

from .models import MAX_VALUE, Indicator, Level, breakdown_label
from .services import cell_name, parse_month

MAX_UPLOAD_BYTES = 1024 * 1024


class MonthGridForm(forms.Form):
    """One integer field per indicator cell; blank means not reported."""

    def __init__(self, *args, indicators: list[Indicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for indicator in indicators:
            cells = []
            for breakdown in indicator.breakdown_codes:
                name = cell_name(indicator.code, breakdown)
                label = indicator.title
                if breakdown:
                    label = f"{indicator.title}: {breakdown_label(breakdown)}"
                # A text field keeps what was typed, so the message can name the bad value.
                self.fields[name] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=12,
                    widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
                )
                cells.append((breakdown_label(breakdown) if breakdown else "", name))
            self.rows.append((indicator, cells))

    def bound_rows(self):
        for indicator, cells in self.rows:
            yield indicator, [(label, self[name]) for label, name in cells]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, at most 1 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 1 MB."))
        if not upload.name.lower().endswith(".csv"):
            raise ValidationError(_("Upload a .csv file."))
        return upload


class MonthlyFilterForm(forms.Form):
    """Filters of the open monthly data (CSV, JSON); every error names its parameter."""

    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("facility")), *Level.choices]
    )
    facility = forms.CharField(label=_("Facility"), required=False, max_length=80)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    indicator = forms.CharField(label=_("Indicator"), required=False, max_length=40)
    start = forms.CharField(label=_("From month"), required=False, max_length=10)
    end = forms.CharField(label=_("To month"), required=False, max_length=10)

    def clean_facility(self):
        public_id = self.cleaned_data["facility"].strip()
        if not public_id:
            return None
        try:
            return Facility.objects.public().get(public_id=public_id)
        except Facility.DoesNotExist:
            raise ValidationError(_("No published facility has this identifier.")) from None

    def clean_country(self):
        code = self.cleaned_data["country"].strip().upper()
        if code and (len(code) != 2 or not code.isalpha()):
            raise ValidationError(_("Use a two-letter country code such as LU."))
        return code

    def clean_indicator(self):
        code = self.cleaned_data["indicator"].strip()
        if not code:
            return None
        try:
            return Indicator.objects.get(code=code)
        except Indicator.DoesNotExist:
            raise ValidationError(_("Unknown indicator code; see /api/v1/indicators.")) from None

    def _month(self, name: str) -> dt.date | None:
        text = self.cleaned_data[name].strip()
        if not text:
            return None
        try:
            return parse_month(text)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def clean_start(self):
        return self._month("start")

    def clean_end(self):
        return self._month("end")

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end month is before the start month."))
        return data

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            "level": data.get("level") or Level.FACILITY,
            "facility": data.get("facility"),
            "country": data.get("country") or None,
            "indicator": data.get("indicator"),
            "start": data.get("start"),
            "end": data.get("end"),
        }

    def error_summary(self) -> dict:
        return {
            "error": "; ".join(f"{name}: {' '.join(errs)}" for name, errs in self.errors.items()),
            "problems": [
                {"parameter": name, "message": " ".join(errs)} for name, errs in self.errors.items()
            ],
        }


PROFESSIONS = [
    ("nurse", _("Nurses")),
    ("doctor", _("Doctors")),
    ("social_worker", _("Social workers")),
    ("peer_worker", _("Peer workers")),
    ("other", _("Other staff")),
]


def _count_field(label, required=False):
    return forms.IntegerField(label=label, required=required, min_value=0, max_value=MAX_VALUE)


class SurveyForm(forms.Form):
    """The questionnaire. Its field names are the question codes stored in the answers."""

    VERSION = "2026.1"

    model = forms.ChoiceField(label=_("Model"), choices=FacilityModel.choices)
    visitors_per_day = _count_field(_("Average visitors per day"), required=True)
    minimum_age = forms.IntegerField(
        label=_("Minimum age"), required=False, min_value=0, max_value=99
    )
    services = forms.MultipleChoiceField(
        label=_("Services offered"),
        choices=Service.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    criteria = forms.MultipleChoiceField(
        label=_("Admission criteria"),
        choices=Criterion.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, headline: list[Indicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.route_fields = []
        for code, label in Route.choices:
            name = f"places_{code}"
            self.fields[name] = forms.IntegerField(
                label=_("Places for %(route)s (leave empty if not offered)") % {"route": label},
                required=False,
                min_value=0,
                max_value=500,
            )
            self.route_fields.append(name)
        self.hour_fields = []
        for day, label in Weekday.choices:
            self.fields[f"opens_{day}"] = forms.TimeField(
                label=_("%(day)s opens") % {"day": label},
                required=False,
                widget=forms.TimeInput(attrs={"type": "time"}),
            )
            self.fields[f"closes_{day}"] = forms.TimeField(
                label=_("%(day)s closes") % {"day": label},
                required=False,
                widget=forms.TimeInput(attrs={"type": "time"}),
            )
            self.hour_fields.append((label, f"opens_{day}", f"closes_{day}"))
        self.staff_fields = []
        for code, label in PROFESSIONS:
            self.fields[f"staff_{code}"] = _count_field(label)
            self.staff_fields.append(f"staff_{code}")
        self.total_fields = []
        for indicator in headline:
            name = f"total_{indicator.code}"
            self.fields[name] = _count_field(
                _("%(name)s in the year (total)") % {"name": indicator.title}
            )
            self.total_fields.append(name)

    def clean(self):
        data = super().clean()
        for _label, opens, closes in self.hour_fields:
            if bool(data.get(opens)) != bool(data.get(closes)):
                self.add_error(closes, _("Give both the opening and the closing time, or neither."))
        return data

    def answers(self) -> dict:
        data = self.cleaned_data
        return {
            "version": self.VERSION,
            "model": data["model"],
            "visitors_per_day": data["visitors_per_day"],
            "minimum_age": data.get("minimum_age"),
            "services": sorted(data.get("services") or []),
            "criteria": sorted(data.get("criteria") or []),
            "routes": {
                name.removeprefix("places_"): data[name]
                for name in self.route_fields
                if data.get(name) is not None
            },
            "hours": [
                [day, data[o].strftime("%H:%M"), data[c].strftime("%H:%M")]
                for day, (_label, o, c) in enumerate(self.hour_fields)
                if data.get(o) and data.get(c)
            ],
            "staffing": {
                name.removeprefix("staff_"): data[name]
                for name in self.staff_fields
                if data.get(name) is not None
            },
            "totals": {
                name.removeprefix("total_"): data[name]
                for name in self.total_fields
                if data.get(name) is not None
            },
        }

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        initial = {
            key: answers.get(key)
            for key in ("model", "visitors_per_day", "minimum_age", "services", "criteria")
        }
        for route, places in answers.get("routes", {}).items():
            initial[f"places_{route}"] = places
        for day, opens, closes in answers.get("hours", []):
            initial[f"opens_{day}"], initial[f"closes_{day}"] = opens, closes
        for code, n in answers.get("staffing", {}).items():
            initial[f"staff_{code}"] = n
        for code, n in answers.get("totals", {}).items():
            initial[f"total_{code}"] = n
        return initial

    @classmethod
    def questions(cls, headline: list[Indicator]) -> list[str]:
        return list(cls(headline=headline).fields)
