"""Every model and every field of the dcrnet apps has a translated name for the admin.

A field without verbose_name gets one derived from its name ("created at", "post count"):
English in every language, so an editor working in French or Dutch sees English labels. An
explicit `_("…")` (gettext_lazy) is a lazy translation object; a derived name is a plain str.

Historical models (simple_history) copy the names of their model's fields, so they are
checked too; only simple_history's own history_* columns are left out. modeltranslation's
per-language columns derive their names lazily from the translated base name ("title [fr]"),
so they are checked like any other field.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps
from django.utils.functional import Promise, lazystr
from simple_history.models import HistoricalChanges

# Apps left out of the check (none today): an app may be listed only while its fields are being
# named, and the list must be empty again in the same change.
NOT_YET_CHECKED: set[str] = set()


def checked_models() -> list[type[models.Model]]:
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("dcrnet.") and config.label not in NOT_YET_CHECKED
        for model in config.get_models()
    ]


def is_historical(model: type[models.Model]) -> bool:
    return issubclass(model, HistoricalChanges)


def untranslated_fields(model: type[models.Model]) -> list[str]:
    found = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name == "id":
            continue
        if is_historical(model) and field.name.startswith("history_"):
            continue
        if not isinstance(field.verbose_name, Promise):
            found.append(f"{model._meta.label}.{field.name} ({field.verbose_name!r})")
    return found


def test_the_check_covers_the_apps_and_their_history():
    labels = {model._meta.label for model in checked_models()}
    assert {"forum.Post", "forum.HistoricalPost", "monitoring.SurveyResponse"} <= labels
    # Every app the check leaves out exists: an app renamed or removed leaves the list.
    assert NOT_YET_CHECKED <= {config.label for config in apps.get_app_configs()}


@isolate_apps("dcrnet.forum")
def test_the_check_tells_a_derived_name_from_a_translated_one():
    class Sample(models.Model):
        created_at = models.DateTimeField()
        # Lazy as gettext_lazy's result (a literal here would add a msgid to the catalogues).
        updated_at = models.DateTimeField(lazystr("updated"))

        class Meta:
            app_label = "forum"

        def __str__(self) -> str:
            return str(self.pk)

    assert untranslated_fields(Sample) == ["forum.Sample.created_at ('created at')"]


@pytest.mark.parametrize("model", checked_models(), ids=lambda model: model._meta.label)
def test_every_field_has_a_translated_verbose_name(model):
    assert untranslated_fields(model) == []


@pytest.mark.parametrize("model", checked_models(), ids=lambda model: model._meta.label)
def test_every_model_has_a_translated_verbose_name(model):
    meta = model._meta
    assert isinstance(meta.verbose_name, Promise), meta.label
    assert isinstance(meta.verbose_name_plural, Promise), meta.label
    if not is_historical(model):
        # Set in Meta, not derived: Django's default plural is the singular plus "s".
        assert {"verbose_name", "verbose_name_plural"} <= meta.original_attrs.keys(), meta.label
