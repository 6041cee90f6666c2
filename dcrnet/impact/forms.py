"""What the estimator's pages show: the calculator form and a result, as plain rows.

Nothing here validates: scenario.build is the one contract (for the page and the API). The form
only shows what was entered, the preset's value of every input with its source, and the errors
build() found; a result is an estimate put into words and figures for the page, the report and
the CSV.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import prefetch_related_objects
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dcrnet.evidence.models import Reference

from . import charts, engine, scenario
from .models import Group, Parameter, Preset, Unit

# Inputs with no registry row (no sourced default) and the group they are asked in.
UNREGISTERED_GROUP = Group.VALUATION
TORNADO_BARS = 12  # the widest swings drawn; the table lists every one

OPTION_LEGENDS = {
    "death_method": gettext_lazy("Overdose deaths: method"),
    "valuation": gettext_lazy("Value of a death averted"),
    "hiv_model": gettext_lazy("HIV model"),
}
UNIT_HINTS = {
    Unit.SHARE: gettext_lazy("a share from 0 to 1: 0.25 for 25 %"),
    Unit.COUNT: gettext_lazy("a number"),
    Unit.MONEY: gettext_lazy("an amount"),
    Unit.DAYS: gettext_lazy("days"),
    Unit.YEARS: gettext_lazy("years"),
    Unit.RATIO: gettext_lazy("a ratio"),
}


# --- numbers in words -----------------------------------------------------------------------


def plain(x: float) -> str:
    """A number as the form takes it: a point, no grouping (1800000, 0.0067)."""
    return f"{x:.10g}"


def grouped(x: float, places: int = 0) -> str:
    return number_format(round(x, places), places, force_grouping=True)


def amount(x: float | None, currency: str) -> str:
    """Money in the page's number format, in whole units: USD 1,800,000."""
    if x is None or not math.isfinite(x):
        return "—"
    return _("%(currency)s %(amount)s") % {"currency": currency, "amount": grouped(x)}


def count(x: float | None) -> str:
    """Events averted at the precision the paper prints: 3.68, 21.2, 108.2, 374."""
    if x is None or not math.isfinite(x):
        return "—"
    if 0 < abs(x) < 0.01:
        return general(x, 2)
    places = 2 if abs(x) < 10 else 1 if abs(x) < 1000 else 0
    rounded = round(x, places)
    return grouped(rounded) if rounded == int(rounded) else general(rounded)


def ratio(x: float | None) -> str:
    if x is None or not math.isfinite(x):
        return "—"
    return grouped(x, 2)


def general(x: float, digits: int = 6) -> str:
    """A number to `digits` significant digits in the page's format, float noise gone."""
    return number_format(Decimal(f"{x:.{digits}g}"), None, force_grouping=True)


def value(x: float, unit: str, currency: str = "") -> str:
    """An input's value in words: a share also as a percentage, money with its currency."""
    if unit == Unit.SHARE:
        return _("%(share)s (%(percent)s %%)") % {
            "share": general(x),
            "percent": general(x * 100, 5),
        }
    if unit == Unit.MONEY:
        places = 0 if x == int(x) else 2
        return _("%(currency)s %(amount)s") % {"currency": currency, "amount": grouped(x, places)}
    return grouped(x) if x == int(x) else general(x)


def citation(ref: Reference | None) -> str:
    """A short citation: Irwin et al. 2017, Andresen & Boyd 2010."""
    if ref is None:
        return ""
    authors = ref.authors()
    if not authors:
        return f"{ref.title[:60]} {ref.year}"
    if len(authors) == 2:
        names = f"{authors[0].family_or_literal} & {authors[1].family_or_literal}"
    elif len(authors) > 2:
        names = _("%(author)s et al.") % {"author": authors[0].family_or_literal}
    else:
        names = authors[0].family_or_literal
    return f"{names} {ref.year}"


def with_authors(refs: list[Reference]) -> None:
    """Prefetch authors once for every reference a page cites (one query, not one per row)."""
    unique = list({ref.pk: ref for ref in refs if ref is not None}.values())
    prefetch_related_objects(unique, "people")
    by_pk = {ref.pk: ref for ref in unique}
    for ref in refs:
        if ref is not None and ref.pk in by_pk and ref is not by_pk[ref.pk]:
            ref._prefetched_objects_cache = by_pk[ref.pk]._prefetched_objects_cache


# --- the form -------------------------------------------------------------------------------


@dataclass
class Input:
    key: str
    label: str
    unit: str
    unit_label: str
    hint: str
    entered: str  # what the visitor typed, as typed ("" when not given)
    default: str  # the preset's or registry's value in words ("" when there is none)
    default_plain: str
    converted: str  # the default after the conversion factor, when one applies
    source: Reference | None
    cite: str
    range: str
    note: str
    verified: bool
    errors: list[str] = field(default_factory=list)


@dataclass
class Fieldset:
    key: str
    legend: str
    inputs: list[Input]
    open: bool


@dataclass
class Choice:
    value: str
    label: str
    checked: bool


@dataclass
class OptionField:
    name: str
    legend: str
    choices: list[Choice]
    errors: list[str]

    @property
    def first_id(self) -> str:
        return f"id_{self.name}_{self.choices[0].value}"


@dataclass
class ErrorLink:
    target: str  # the id of the field
    label: str
    message: str


def _text(data: Mapping[str, Any], key: str) -> str:
    raw = data.get(key)
    return "" if raw is None else str(raw)[:100]


class CalculatorForm:
    """The calculator's inputs as the page shows them: what was entered, what the preset gives
    in its place (with source and range), and build()'s errors."""

    def __init__(
        self,
        data: Mapping[str, Any],
        errors: Mapping[str, list[str]] | None = None,
        built: scenario.Scenario | None = None,
    ):
        self.data = data
        self.errors = dict(errors or {})
        self.presets = scenario.presets()
        slug = _text(data, "preset")
        self.preset: Preset | None = (
            built.preset
            if built
            else next(
                (p for p in self.presets if p.slug == slug),
                self.presets[0] if self.presets else None,
            )
        )
        self.scenario = built
        registry = scenario.registry()
        with_authors([p.source for p in registry] + [p.source for p in self.presets])
        self.parameters = {p.key: p for p in registry}
        self.options = self._options()
        self.fieldsets = self._fieldsets()

    @property
    def currency(self) -> str:
        return _text(self.data, "currency")

    @property
    def price_year(self) -> str:
        return _text(self.data, "price_year")

    @property
    def conversion(self) -> str:
        return _text(self.data, "conversion")

    @property
    def preset_values(self) -> dict[str, float]:
        if self.preset is None:
            return {}
        return {v.parameter.key: v.value for v in self.preset.values.all()}

    def _options(self) -> list[OptionField]:
        chosen = self.scenario.options if self.scenario else None
        defaults = (
            self.preset.options if self.preset and isinstance(self.preset.options, dict) else {}
        )
        fields = []
        for name, choices in engine.Options.CHOICES.items():
            current = (
                getattr(chosen, name)
                if chosen
                else _text(self.data, name) or defaults.get(name) or choices[0][0]
            )
            fields.append(
                OptionField(
                    name=name,
                    legend=str(OPTION_LEGENDS[name]),
                    choices=[Choice(v, str(label), v == current) for v, label in choices],
                    errors=self.errors.get(name, []),
                )
            )
        return fields

    def _input(self, key: str, spec: engine.Spec) -> Input:
        param: Parameter | None = self.parameters.get(key)
        preset_values = self.preset_values
        currency = (param.currency if param else "") or (
            self.preset.currency if self.preset else ""
        )
        default = preset_values.get(key, param.default if param else None)
        source = None
        if param is not None:
            source = self.preset.source if key in preset_values and self.preset else param.source
        converted = ""
        if (
            self.scenario
            and default is not None
            and spec.unit == Unit.MONEY
            and self.scenario.conversion != 1
        ):
            converted = value(default * self.scenario.conversion, spec.unit, self.scenario.currency)
        return Input(
            key=key,
            label=str(param.label if param else spec.label),
            unit=spec.unit,
            unit_label=str(Unit(spec.unit).label),
            hint=str(UNIT_HINTS[Unit(spec.unit)]),
            entered=_text(self.data, key),
            default="" if default is None else value(default, spec.unit, currency),
            default_plain="" if default is None else plain(default),
            converted=converted,
            source=source,
            cite=citation(source),
            range=(
                _("%(low)s to %(high)s")
                % {
                    "low": value(param.low, spec.unit, currency),
                    "high": value(param.high, spec.unit, currency),
                }
                if param and param.low < param.high
                else ""
            ),
            note=str(param.note) if param else "",
            verified=bool(param and param.verified),
            errors=self.errors.get(key, []),
        )

    def _fieldsets(self) -> list[Fieldset]:
        by_group: dict[str, list[Input]] = {g: [] for g in Group.values}
        for key, spec in engine.PARAMETERS.items():
            param = self.parameters.get(key)
            group = param.group if param else UNREGISTERED_GROUP
            by_group[group].append(self._input(key, spec))
        return [
            Fieldset(
                key=group,
                legend=str(Group(group).label),
                inputs=inputs,
                # Open where there is something to see: the facility, an error, an own value.
                open=group == Group.FACILITY or any(i.errors or i.entered for i in inputs),
            )
            for group, inputs in by_group.items()
            if inputs
        ]

    def error_links(self) -> list[ErrorLink]:
        """One link per message, in the order of the form, to the field it is about."""
        labels: dict[str, tuple[str, str]] = {
            "preset": ("id_preset", _("Preset")),
            "currency": ("id_currency", _("Currency")),
            "price_year": ("id_price_year", _("Price year")),
            "conversion": ("id_conversion", _("Conversion factor")),
        }
        for option in self.options:
            labels[option.name] = (option.first_id, option.legend)
        for fieldset in self.fieldsets:
            for item in fieldset.inputs:
                labels[item.key] = (f"id_{item.key}", item.label)
        links = []
        for name, (target, label) in labels.items():
            for message in self.errors.get(name, []):
                links.append(ErrorLink(target, label, message))
        for name, messages in self.errors.items():  # anything build() names that the form lacks
            if name not in labels:
                links += [ErrorLink("calculator-form", name, m) for m in messages]
        return links

    def field_errors(self) -> dict[str, list[str]]:
        """Every error slot of the page, empty ones too (an update clears them)."""
        names = ["preset", "currency", "price_year", "conversion", *engine.Options.CHOICES]
        names += list(engine.PARAMETERS)
        return {name: self.errors.get(name, []) for name in names}


CSV_COLUMNS = [
    "section",
    "key",
    "label",
    "value",
    "unit",
    "currency",
    "source_or_formula",
    "savings",
    "median",
    "interval_low",
    "interval_high",
]


# --- a result -------------------------------------------------------------------------------


@dataclass
class Used:
    label: str
    value: str
    source: Reference | None  # None: the visitor's own value
    cite: str
    overridden: bool


@dataclass
class ComponentRow:
    key: str
    label: str
    events: str
    unit_label: str
    savings: str
    formula: str
    reconstructed: bool
    note: str
    inputs: list[Used]
    interval: str


@dataclass
class Line:
    label: str
    value: str
    interval: str = ""


class ResultView:
    """An estimate in words and figures, with where every number comes from."""

    def __init__(self, built: scenario.Scenario, estimate: scenario.Estimate):
        self.scenario = built
        self.estimate = estimate
        self.result = estimate.result
        self.currency = built.currency
        with_authors([built.preset.source, *(p.source for p in built.parameters.values())])
        self.intervals = (
            {i.key: i for i in estimate.monte_carlo.intervals} if estimate.monte_carlo else {}
        )

    def money(self, x) -> str:
        return amount(x, self.currency)

    @property
    def net_shown(self) -> str:
        return self.money(self.result.net)

    def source(self, key: str) -> Reference | None:
        found = self.scenario.source(key)
        return found if isinstance(found, Reference) else None

    def used(self, key: str) -> Used:
        spec = engine.PARAMETERS[key]
        param = self.scenario.parameters.get(key)
        return Used(
            label=str(param.label if param else spec.label),
            value=value(self.scenario.values[key], spec.unit, self.currency),
            source=self.source(key),
            cite=citation(self.source(key)),
            overridden=key in self.scenario.overridden,
        )

    def inputs(self) -> list[Used]:
        """Every input this run reads, in the registry's order."""
        return [self.used(key) for key in engine.needed(self.scenario.options)]

    def _interval(self, key: str, shown) -> str:
        found = self.intervals.get(key)
        if found is None or found.low is None:
            return ""
        return _("%(low)s to %(high)s") % {"low": shown(found.low), "high": shown(found.high)}

    def components(self) -> list[ComponentRow]:
        rows = []
        for c in self.result.components:
            rows.append(
                ComponentRow(
                    key=c.key,
                    label=str(c.label),
                    events=count(c.events),
                    unit_label=str(c.unit_label),
                    savings=self.money(c.savings),
                    formula=c.formula,
                    reconstructed=c.reconstructed,
                    note=str(c.note),
                    inputs=[self.used(k) for k in c.parameters if k in self.scenario.values],
                    interval=self._interval(c.key, count),
                )
            )
        return rows

    def totals(self) -> list[Line]:
        r = self.result
        lines = [
            Line(_("Gross savings"), self.money(r.gross), self._interval("gross", self.money)),
            Line(_("Annual cost of the room"), self.money(r.cost)),
            Line(_("Net savings"), self.money(r.net), self._interval("net", self.money)),
            Line(_("Benefit–cost ratio"), ratio(r.bcr), self._interval("bcr", ratio)),
            Line(_("Cost per death averted"), self.money(r.cost_per_death)),
            Line(
                _("Cost per infection averted (HIV and hepatitis C)"),
                self.money(r.cost_per_infection),
            ),
        ]
        if self.scenario.options.valuation != "none":
            lines.append(Line(_("Value of one death averted"), self.money(r.value_per_death)))
        if self.scenario.options.hiv_model == "pinkerton" and r.hiv_break_even is not None:
            lines.append(
                Line(
                    _("HIV infections a year that pay for the room alone (Pinkerton's threshold)"),
                    count(r.hiv_break_even),
                )
            )
        return lines

    def choices(self) -> list[Line]:
        """Which models and valuation are in use, in words."""
        out = []
        for name, choices in engine.Options.CHOICES.items():
            chosen = getattr(self.scenario.options, name)
            label = next(str(lab) for v, lab in choices if v == chosen)
            out.append(Line(str(OPTION_LEGENDS[name]), label))
        return out

    def csv_rows(self) -> list[list]:
        """The CSV download's rows: options, inputs with sources, components, totals."""
        built, r = self.scenario, self.result

        def row(section: str, key: str, value: object, **cells: object) -> list:
            cells.update(section=section, key=key, value="" if value is None else value)
            return [cells.get(column, "") for column in CSV_COLUMNS]

        def interval(key: str) -> dict:
            found = self.intervals.get(key)
            if found is None:
                return {}
            return {"median": found.median, "interval_low": found.low, "interval_high": found.high}

        rows = [row("option", name, getattr(built.options, name)) for name in OPTION_LEGENDS]
        rows += [
            row("option", "currency", built.currency),
            row("option", "price_year", built.price_year),
            row("option", "conversion", built.conversion),
        ]
        for key in engine.needed(built.options):
            spec = engine.PARAMETERS[key]
            source = self.source(key)
            rows.append(
                row(
                    "input",
                    key,
                    built.values[key],
                    label=self.used(key).label,
                    unit=spec.unit,
                    currency=built.currency if spec.unit == Unit.MONEY else "",
                    source_or_formula=(
                        f"{citation(source)} {source.doi_url}".strip()
                        if source
                        else _("your input")
                    ),
                )
            )
        for c in r.components:
            rows.append(
                row(
                    "component",
                    c.key,
                    c.events,
                    label=str(c.label),
                    unit=str(c.unit_label),
                    currency=built.currency,
                    source_or_formula=c.formula,
                    savings=c.savings,
                    **interval(c.key),
                )
            )
        totals = [
            ("gross", _("Gross savings"), r.gross),
            ("cost", _("Annual cost of the room"), r.cost),
            ("net", _("Net savings"), r.net),
            ("bcr", _("Benefit–cost ratio"), r.bcr),
            ("cost_per_death", _("Cost per death averted"), r.cost_per_death),
            ("cost_per_infection", _("Cost per infection averted"), r.cost_per_infection),
            ("value_per_death", _("Value of one death averted"), r.value_per_death),
        ]
        for key, label, figure in totals:
            money = key != "bcr"
            rows.append(
                row(
                    "total",
                    key,
                    figure,
                    label=label,
                    unit=Unit.MONEY.value if money else Unit.RATIO.value,
                    currency=built.currency if money else "",
                    **interval(key),
                )
            )
        return rows

    # --- uncertainty ---

    def tornado_rows(self) -> list[dict]:
        rows = []
        for bar in self.estimate.tornado:
            unit = engine.PARAMETERS[bar.key].unit
            rows.append(
                {
                    "key": bar.key,
                    "label": str(bar.label),
                    "low": value(bar.low, unit, self.currency),
                    "high": value(bar.high, unit, self.currency),
                    "net_at_low": self.money(bar.net_at_low),
                    "net_at_high": self.money(bar.net_at_high),
                    "swing": self.money(bar.swing),
                }
            )
        return rows

    @property
    def chart_bars(self) -> int:
        return min(TORNADO_BARS, len(self.estimate.tornado))

    def tornado_chart(self):
        bars = self.estimate.tornado[:TORNADO_BARS]
        if not bars:
            return ""
        return charts.tornado(
            [charts.TornadoRow(str(b.label), b.net_at_low, b.net_at_high) for b in bars],
            float(self.result.net),
            title=_("Net savings when one input moves across its range"),
            axis_label=_("Net savings a year, %(currency)s") % {"currency": self.currency},
            chart_id="tornado-chart",
        )

    def interval_rows(self) -> list[dict]:
        if not self.estimate.monte_carlo:
            return []
        money_keys = {"net", "gross"}
        rows = []
        for i in self.estimate.monte_carlo.intervals:
            shown = self.money if i.key in money_keys else ratio if i.key == "bcr" else count
            rows.append(
                {
                    "key": i.key,
                    "label": str(i.label),
                    "median": shown(i.median),
                    "low": shown(i.low),
                    "high": shown(i.high),
                }
            )
        return rows

    def histogram_chart(self):
        summary = self.estimate.monte_carlo
        if not summary:
            return ""
        net = summary.get("net")
        if net.median is None:
            return ""
        return charts.histogram(
            summary.net,
            median=net.median,
            interval=(net.low, net.high),
            title=_("Net savings in %(draws)s random draws") % {"draws": grouped(summary.draws)},
            axis_label=_("Net savings a year, %(currency)s") % {"currency": self.currency},
            chart_id="monte-carlo-chart",
        )

    @property
    def draws(self) -> str:
        return grouped(self.estimate.monte_carlo.draws) if self.estimate.monte_carlo else ""

    @property
    def loss_share(self) -> str:
        """The share of draws in which the room costs more than it saves, as a percentage."""
        summary = self.estimate.monte_carlo
        if not summary or not len(summary.net):
            return ""
        share = float((summary.net < 0).mean()) * 100
        return number_format(round(share, 1), 1)


# --- the registry page ----------------------------------------------------------------------


def registry_page() -> dict:
    """Every parameter with its default, range and source, and every preset with its values."""
    registry = scenario.registry()
    presets = scenario.presets()
    with_authors([p.source for p in registry] + [p.source for p in presets])

    def shown(param: Parameter, x: float, currency: str = "") -> str:
        return value(x, param.unit, param.currency or currency)

    rows = [
        {
            "param": p,
            "default": shown(p, p.default),
            "low": shown(p, p.low),
            "high": shown(p, p.high),
            "cite": citation(p.source),
        }
        for p in registry
    ]
    listed = []
    for preset in presets:
        stored = preset.options if isinstance(preset.options, dict) else {}
        options = [
            (str(OPTION_LEGENDS[name]), str(label))
            for name, choices in engine.Options.CHOICES.items()
            for v, label in choices
            if v == stored.get(name)
        ]
        values = [
            {"value": v, "shown": shown(v.parameter, v.value, preset.currency)}
            for v in preset.values.all()
        ]
        listed.append({"preset": preset, "values": values, "options": options})
    keys = {p.key for p in registry}
    unregistered = [
        {"key": key, "label": spec.label}
        for key, spec in engine.PARAMETERS.items()
        if key not in keys
    ]
    return {"rows": rows, "presets": listed, "unregistered": unregistered}
