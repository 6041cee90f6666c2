"""Input contracts: the monthly grid, the CSV upload, tokens, open-data filters, the survey.

Every value is read by the functions of services.py (`read_count`, `parse_month`), so the grid,
the CSV upload, the survey and the API accept and refuse exactly the same things; a month in the
API (a URL or a filter) is only the YYYY-MM form its OpenAPI document states.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from pydantic import PlainValidator, WithJsonSchema, field_validator, model_validator
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

from dcrnet.directory.models import Criterion, Facility, FacilityModel, Route, Service, Weekday
from dcrnet.directory.schemas import COUNTRY_CODES
from dcrnet.lib.api import ReadAtGeneration, Refusal
from dcrnet.lib.text import PlainTextForm, no_control_characters

from .models import MAX_VALUE, Indicator, Level, breakdown_label
from .services import (
    ReportInvalid,
    cell_name,
    parse_month,
    read_cells,
    read_count,
    valid_cells,
)

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
COUNTRY_PATTERN = r"^[A-Za-z]{2}$"
# A month in the API (a URL or a filter): YYYY-MM in the years services.parse_month accepts,
# so that every value the OpenAPI document allows is a month the endpoint answers for.
MONTH_PATTERN = r"^(198[6-9]|199[0-9]|20[0-9]{2}|2100)-(0[1-9]|1[0-2])$"


class CountField(forms.Field):
    """A whole number read by services.read_count: ASCII digits only, never true/false."""

    def __init__(self, *, max_value: int = MAX_VALUE, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "size": 8}))
        super().__init__(**kwargs)
        self.max_value = max_value

    def to_python(self, value):
        try:
            number = read_count(value)
        except ValueError as error:
            raise ValidationError(_("This value %(error)s.") % {"error": error}) from None
        if number is not None and number > self.max_value:
            raise ValidationError(
                _("Ensure this value is at most %(n)s.")
                % {"n": number_format(self.max_value, force_grouping=True)}
            )
        return number


class MonthGridForm(PlainTextForm):
    """One field per indicator cell; blank means not reported.

    `version` is the fingerprint of the month as shown: a save over a month someone changed
    since is refused (services.ReportConflict) instead of silently undoing their cells.
    """

    version = forms.CharField(required=False, max_length=16, widget=forms.HiddenInput)

    def __init__(self, *args, indicators: list[Indicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        self.cell_names: list[str] = []
        for indicator in indicators:
            cells = []
            for breakdown in indicator.breakdown_codes:
                name = cell_name(indicator.code, breakdown)
                label = indicator.title
                if breakdown:
                    label = f"{indicator.title}: {breakdown_label(breakdown)}"
                # A text field keeps what was typed, so the message can name the bad value;
                # services.read_cells reads it as the CSV and the API are read.
                self.fields[name] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=12,
                    validators=[no_control_characters],
                    widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
                )
                cells.append((breakdown_label(breakdown) if breakdown else "", name))
                self.cell_names.append(name)
            self.rows.append((indicator, cells))

    def clean(self):
        data = super().clean()
        try:
            self.cells = read_cells({n: data[n] for n in self.cell_names if n in data})
        except ReportInvalid as invalid:
            self.add_problems(invalid.problems)
        return data

    def add_problems(self, problems) -> None:
        """Put each problem under every cell it names (cross-checks name several)."""
        for problem in problems:
            named = [name for name in problem.cells if name in self.fields]
            for name in named:
                self.add_error(name, problem.message)
            if not named:
                self.add_error(None, problem.message)

    def bound_rows(self):
        for indicator, cells in self.rows:
            yield indicator, [(label, self[name]) for label, name in cells]


class TokenForm(PlainTextForm):
    label = forms.CharField(
        label=_("Label (for your own reference)"), required=False, max_length=80
    )


# --- query parameters of the open data and the API ----------------------------------------


def _month(value: object) -> dt.date:
    if not isinstance(value, str) or not re.fullmatch(MONTH_PATTERN, value):
        raise PydanticCustomError("month", str(_("Month must look like 2025-03.")))
    return parse_month(value)


Month = Annotated[
    dt.date,
    PlainValidator(_month),
    WithJsonSchema({"type": "string", "pattern": MONTH_PATTERN, "examples": ["2025-03"]}),
]


def indicator_codes() -> list[str]:
    """Every indicator code the filters accept (retired ones too: their series stay open)."""
    return list(Indicator.objects.order_by("position", "code").values_list("code", flat=True))


def report_cell_names() -> list[str]:
    """The cells a report may hold: those of the current dictionary (services.read_cells)."""
    return list(valid_cells(Indicator.objects.current()))


IndicatorCode = Annotated[str, ReadAtGeneration(indicator_codes)]
CellName = Annotated[str, ReadAtGeneration(report_cell_names)]
# ISO 3166-1 alpha-2 in upper or lower case (read as upper case), as in the directory's filters.
COUNTRY_CHOICES = (*COUNTRY_CODES, *(code.lower() for code in COUNTRY_CODES))
CountryCode = Literal[COUNTRY_CHOICES]  # type: ignore[valid-type]


class StrictQuery(Schema):
    """Query parameters that refuse what they do not know: a typo is a 422, never ignored."""

    @classmethod
    def refuse_unknown(cls, query: QueryDict) -> None:
        unknown = sorted(set(query) - set(cls.model_fields))
        if unknown:
            raise Refusal(422, [(name, _("unknown parameter")) for name in unknown])

    @classmethod
    def from_query(cls, query: QueryDict):
        """For the downloads: the same parameters, the same refusals as the API (a Refusal).
        `lang`, the language of a download's labels, is lib.i18n.neutral_language's."""
        query = query.copy()
        query.pop("lang", None)
        cls.refuse_unknown(query)
        try:
            filters = cls.model_validate({key: query.get(key) for key in query})
        except PydanticValidationError as error:
            raise Refusal(
                422,
                [
                    (".".join(str(part) for part in problem["loc"]) or "request", problem["msg"])
                    for problem in error.errors()
                ],
            ) from None
        filters.refuse_missing()
        return filters

    def refuse_missing(self) -> None:
        """A Refusal(404) for a well-formed value that names nothing (none by default)."""


def _known_indicator(code: str | None) -> str | None:
    if code is not None and not Indicator.objects.filter(code=code).exists():
        raise PydanticCustomError(
            "indicator", "unknown indicator code '{code}'; see /api/v1/indicators", {"code": code}
        )
    return code


def _months_in_order(filters):
    """Start and end taken in order whichever way they came, as the evidence filters take years:
    every pair of months the document allows is a range."""
    if filters.start and filters.end and filters.end < filters.start:
        filters.start, filters.end = filters.end, filters.start
    return filters


class SeriesFilters(StrictQuery):
    indicator: IndicatorCode = Field(
        ..., max_length=40, pattern=SLUG_PATTERN, description="Indicator code, see /indicators."
    )
    start: Month | None = Field(None, description="First month, YYYY-MM (either order).")
    end: Month | None = Field(None, description="Last month, YYYY-MM (either order).")

    check_indicator = field_validator("indicator")(_known_indicator)
    in_order = model_validator(mode="after")(_months_in_order)


class MonthlyFilters(StrictQuery):
    """Filters of the open monthly data: /api/v1/monthly, /data/monthly.csv and .json."""

    level: Level = Field(Level.FACILITY, description="facility (default), country or network")
    facility: str | None = Field(
        None,
        max_length=80,
        pattern=SLUG_PATTERN,
        description="A published facility's public_id (404 when no published facility has it)",
    )
    country: CountryCode | None = Field(  # type: ignore[valid-type]
        None, description="ISO 3166-1 alpha-2 country code, e.g. LU (upper or lower case)"
    )
    indicator: IndicatorCode | None = Field(
        None, max_length=40, pattern=SLUG_PATTERN, description="Indicator code, see /indicators"
    )
    start: Month | None = Field(None, description="First month, YYYY-MM (either order)")
    end: Month | None = Field(None, description="Last month, YYYY-MM (either order)")

    check_indicator = field_validator("indicator")(_known_indicator)
    in_order = model_validator(mode="after")(_months_in_order)

    @field_validator("country", mode="before")
    @classmethod
    def iso_country(cls, code: object) -> object:
        """The code in upper case; the enum's own message would list every country."""
        if not isinstance(code, str):
            return code
        if code not in COUNTRY_CHOICES:
            raise PydanticCustomError(
                "country",
                str(_("'{code}' is not an ISO 3166-1 alpha-2 country code")),
                {"code": code[:20]},
            )
        return code.upper()

    def refuse_missing(self) -> None:
        if (
            self.facility is not None
            and not Facility.objects.public().filter(public_id=self.facility).exists()
        ):
            raise Refusal(
                404,
                [
                    (
                        "facility",
                        _("no published facility has the identifier '%(id)s'")
                        % {"id": self.facility},
                    )
                ],
            )

    def filters(self) -> dict:
        return self.model_dump()


PROFESSIONS = [
    ("nurse", _("Nurses")),
    ("doctor", _("Doctors")),
    ("social_worker", _("Social workers")),
    ("peer_worker", _("Peer workers")),
    ("other", _("Other staff")),
]


def _count_field(label, required=False):
    return CountField(label=label, required=required)


class SurveyForm(PlainTextForm):
    """The questionnaire. Its field names are the question codes stored in the answers."""

    VERSION = "2026.1"

    model = forms.ChoiceField(label=_("Model"), choices=FacilityModel.choices)
    visitors_per_day = _count_field(_("Average visitors per day"), required=True)
    minimum_age = CountField(label=_("Minimum age"), required=False, max_value=99)
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
            self.fields[name] = CountField(
                label=_("Places for %(route)s (leave empty if not offered)") % {"route": label},
                required=False,
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
