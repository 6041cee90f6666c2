"""RELIABILITY 53 for early warning: no model, form, API body or CSV column of the alerts app can
carry anything that describes a client (the monitoring models' test, extended to these)."""

from __future__ import annotations

import re

import pytest
from django.apps import apps

from dcrnet.alerts import reports_csv
from dcrnet.alerts.api_reports import PulseIn, SubstanceReportIn
from dcrnet.alerts.forms import PulseForm, SubstanceReportForm
from dcrnet.alerts.models import Pulse, SubstanceReport

# RELIABILITY 53's pattern, and the descriptors UNODC and Victoria's template leave out of alerts.
FORBIDDEN = re.compile(r"name|initial|birth|dob|client|case|note", re.IGNORECASE)
FORBIDDEN_WORDS = {
    "age", "sex", "gender", "ethnicity", "nationality", "address", "phone", "postcode", "zip",
    "person", "patient", "height", "weight", "description", "hiv", "hcv", "diagnosis",
}  # fmt: skip
# Names of things that are not people: a substance, a region, a partner system; and the
# facilities an alert names (with their consent, at five events or more).
NOT_PEOPLE = {
    ("substance", "name"), ("historicalsubstance", "name"), ("region", "name"),
    ("webhook", "name"), ("alert", "named_facilities"),
    # A substance's description (what it is), not a person's.
    ("substance", "description"), ("historicalsubstance", "description"),
}  # fmt: skip
# What a reporter's observation holds, and nothing else.
REPORT_FIELDS = {
    "id", "public_id", "facility", "reported_by", "substance", "confirmation", "form", "sold_as",
    "samples", "linked_overdoses", "region", "week", "created", "synthetic",
}  # fmt: skip
PULSE_FIELDS = {"id", "facility", "day", "overdoses", "reported_by", "updated", "synthetic"}
INPUTS = {"substance", "confirmation", "form", "sold_as", "samples", "linked_overdoses", "week",
          "region"}  # fmt: skip


def describes_a_person(model_name: str, field: str) -> bool:
    base = re.sub(r"_(en|fr|de|nl|es)$", "", field)
    if (model_name, base) in NOT_PEOPLE:
        return False
    return bool(FORBIDDEN.search(field)) or bool(set(field.lower().split("_")) & FORBIDDEN_WORDS)


def field_names(model) -> set[str]:
    return {f.name for f in model._meta.get_fields() if not f.auto_created or f.concrete}


def test_no_alerts_model_has_a_field_that_could_describe_a_client():
    offending = [
        f"{model.__name__}.{name}"
        for model in apps.get_app_config("alerts").get_models(include_auto_created=True)
        for name in field_names(model)
        if describes_a_person(model._meta.model_name, name)
    ]
    assert offending == []


@pytest.mark.parametrize(
    "field", ["client_age", "initials", "date_of_birth", "sex", "case_notes", "first_name"]
)
def test_the_check_catches_a_client_descriptor(field):
    assert describes_a_person("substancereport", field)


def test_the_observations_hold_only_allowlisted_fields():
    assert field_names(SubstanceReport) == REPORT_FIELDS
    assert field_names(Pulse) == PULSE_FIELDS


@pytest.mark.django_db
def test_every_way_in_accepts_only_the_allowlisted_inputs(facility):
    assert set(SubstanceReportForm(facility=facility, regions=[]).fields) == INPUTS
    assert set(PulseForm(facility=facility).fields) == {"day", "overdoses"}
    assert set(SubstanceReportIn.model_fields) == INPUTS | {"facility"}
    assert set(PulseIn.model_fields) == {"facility", "day", "overdoses"}
    assert SubstanceReportIn.model_config["extra"] == PulseIn.model_config["extra"] == "forbid"
    assert set(reports_csv.REPORT_COLUMNS) == INPUTS
    assert set(reports_csv.PULSE_COLUMNS) == {"day", "overdoses"}
    # An unknown column is refused outright (the upload tests try client_age and initials).
    assert reports_csv.parse("day,overdoses,client_age\n", facility).problems
