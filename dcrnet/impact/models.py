"""The impact estimator's parameter registry and its named presets.

A parameter is one input of the models in engine.py (its key is the engine's name for it): its
default with a plausible low–high range and a distribution for the uncertainty runs, the unit,
currency and price year of a money value, and the reference in the evidence library that the
default comes from. Editors change them in the admin; every change is kept (simple-history).
A preset is a reproducible reference run: a full set of values (those it does not name take the
parameter's default) with the options of the run and the publication whose figures it reproduces.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import translation_columns
from dcrnet.evidence.models import Reference

PARAMETER_TEXT = ("label", "note")
PRESET_TEXT = ("name", "description")


class Unit(models.TextChoices):
    COUNT = "count", _("number")
    SHARE = "share", _("share (0–1)")
    MONEY = "money", _("amount of money")
    DAYS = "days", _("days")
    YEARS = "years", _("years")
    RATIO = "ratio", _("ratio")


class Distribution(models.TextChoices):
    FIXED = "fixed", _("fixed (not varied)")
    UNIFORM = "uniform", _("uniform between low and high")
    TRIANGULAR = "triangular", _("triangular (low, default, high)")
    PERT = "pert", _("PERT (low, default, high)")


class Group(models.TextChoices):
    FACILITY = "facility", _("Facility")
    EPIDEMIOLOGY = "epidemiology", _("Epidemiology")
    EFFECTS = "effects", _("Effects")
    TRANSMISSION = "transmission", _("Transmission")
    COSTS = "costs", _("Unit costs")
    VALUATION = "valuation", _("Valuation")


class Parameter(models.Model):
    key = models.SlugField(_("key"), max_length=60, unique=True)
    label = models.CharField(_("label"), max_length=200)
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    default = models.FloatField(_("default"))
    low = models.FloatField(_("low"))
    high = models.FloatField(_("high"))
    distribution = models.CharField(
        _("distribution"), max_length=12, choices=Distribution.choices, default=Distribution.FIXED
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code of a money value.")
    )
    price_year = models.PositiveSmallIntegerField(_("price year"), null=True, blank=True)
    source = models.ForeignKey(
        Reference,
        on_delete=models.PROTECT,
        related_name="impact_parameters",
        verbose_name=_("source"),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Where in the source, and how."))
    verified = models.BooleanField(
        _("verified against the source"), default=False,
        help_text=_("Ticked once someone has checked the figure in the publication itself."),
    )  # fmt: skip
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords(excluded_fields=translation_columns(PARAMETER_TEXT))

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("impact parameter")
        verbose_name_plural = _("impact parameters")

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        super().clean()
        if None not in (self.low, self.default, self.high) and not (
            self.low <= self.default <= self.high
        ):
            raise ValidationError(_("The default must lie between the low and the high value."))
        if self.unit == Unit.SHARE and None not in (self.low, self.high):
            if self.low < 0 or self.high > 1:
                raise ValidationError(_("A share lies between 0 and 1."))
        if self.unit == Unit.MONEY and not self.currency:
            raise ValidationError({"currency": _("A money value needs its currency.")})


class Preset(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    source = models.ForeignKey(
        Reference,
        on_delete=models.PROTECT,
        related_name="impact_presets",
        verbose_name=_("publication it reproduces"),
    )
    currency = models.CharField(_("currency"), max_length=3)
    price_year = models.PositiveSmallIntegerField(_("price year"))
    # The run's options (engine.Options fields: death method, valuation, HIV model, …).
    options = models.JSONField(_("options"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords(excluded_fields=translation_columns(PRESET_TEXT))

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("impact preset")
        verbose_name_plural = _("impact presets")

    def __str__(self) -> str:
        return self.name


class PresetValue(models.Model):
    preset = models.ForeignKey(
        Preset, on_delete=models.CASCADE, related_name="values", verbose_name=_("preset")
    )
    parameter = models.ForeignKey(
        Parameter, on_delete=models.CASCADE, related_name="preset_values",
        verbose_name=_("parameter"),
    )  # fmt: skip
    value = models.FloatField(_("value"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["parameter__position", "parameter__key"]
        constraints = [
            models.UniqueConstraint(fields=["preset", "parameter"], name="unique_preset_parameter")
        ]
        verbose_name = _("preset value")
        verbose_name_plural = _("preset values")

    def __str__(self) -> str:
        return f"{self.preset}: {self.parameter.key} = {self.value}"
