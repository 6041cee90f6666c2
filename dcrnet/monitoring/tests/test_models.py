"""Monitoring models hold facility aggregates only: no field can carry a person's details."""

from __future__ import annotations

import re

from django.apps import apps

from dcrnet.monitoring.models import MonthlyValue, YearlyValue

FORBIDDEN = re.compile(r"name|initial|birth|dob|client|case|note", re.IGNORECASE)
VALUE_FIELDS = {
    "id", "facility", "month", "indicator", "breakdown", "value", "synthetic", "updated",
}  # fmt: skip
YEARLY_FIELDS = {
    "id", "facility", "indicator", "breakdown", "period_start", "period_end", "value",
    "qualifier", "wording", "wording_language", "source", "source_url",
}  # fmt: skip


def field_names(model) -> set[str]:
    return {f.name for f in model._meta.get_fields() if not f.auto_created or f.concrete}


def test_no_monitoring_model_has_a_field_that_could_identify_a_person():
    models = apps.get_app_config("monitoring").get_models()
    offending = [
        f"{model.__name__}.{name}"
        for model in models
        for name in field_names(model)
        if FORBIDDEN.search(name)
    ]
    assert offending == []


def test_monthly_values_hold_only_allowlisted_fields():
    assert field_names(MonthlyValue) == VALUE_FIELDS


def test_yearly_values_hold_only_allowlisted_fields():
    assert field_names(YearlyValue) == YEARLY_FIELDS
