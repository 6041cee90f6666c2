"""The one entry point of the web form and the API: a scenario built from a preset and the
user's inputs, validated once (every error at once, by field), and its estimate.

Conventions, the same for the page and the API:
- a share is a fraction between 0 and 1 (0.25 for 25 %), as the registry stores it;
- numbers are plain decimals with a point (1500, 0.0067, 1.8e6), no thousands separators;
- money values of the preset are multiplied by `conversion`, the user's own factor from the
  preset's currency and price year to theirs (no exchange rates are built in); a value the user
  enters is taken as already in their currency and price year.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from dcrnet.evidence.models import Reference

from . import engine
from .models import Parameter, Preset
from .uncertainty import Bar, Range, Summary, monte_carlo, tornado

OPTIONS = tuple(engine.Options.CHOICES)  # death_method, valuation, hiv_model
PRICE_YEAR_MIN, PRICE_YEAR_MAX = 1900, 2100
CONVERSION_MAX = 1e6  # above zero, at most this
YOUR_INPUT = gettext_lazy("your input")
CURRENCY = re.compile(r"[A-Z]{3}")


class Invalid(Exception):
    """Every problem with the inputs: field name → messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def registry() -> list[Parameter]:
    return list(Parameter.objects.select_related("source").order_by("position", "key"))


def presets() -> list[Preset]:
    return list(Preset.objects.select_related("source").prefetch_related("values__parameter"))


@dataclass
class Scenario:
    preset: Preset
    values: dict[str, float]
    overridden: frozenset[str]
    options: engine.Options
    currency: str
    price_year: int
    conversion: float
    parameters: dict[str, Parameter] = field(repr=False)
    preset_keys: frozenset[str] = field(repr=False)

    def query(self) -> str:
        """The shareable query string: the preset and only what differs from it."""
        pairs: list[tuple[str, str]] = [("preset", self.preset.slug)]
        pairs += [(k, _plain(self.values[k])) for k in engine.PARAMETERS if k in self.overridden]
        defaults = preset_options(self.preset)
        pairs += [
            (name, getattr(self.options, name))
            for name in OPTIONS
            if getattr(self.options, name) != getattr(defaults, name)
        ]
        if self.currency != self.preset.currency:
            pairs.append(("currency", self.currency))
        if self.price_year != self.preset.price_year:
            pairs.append(("price_year", str(self.price_year)))
        if self.conversion != 1:
            pairs.append(("conversion", _plain(self.conversion)))
        return urlencode(pairs)

    def source(self, key: str) -> Reference | str:
        """Where a value comes from: the preset's publication for a value the preset fixes, the
        parameter's source for a default, or "your input"."""
        if key in self.overridden or key not in self.parameters:
            return YOUR_INPUT
        if key in self.preset_keys:
            return self.preset.source
        return self.parameters[key].source

    def ranges(self) -> dict[str, Range]:
        """The registry's low–high of each input, moved with its value: scaled by value ÷ default
        (so a converted or overridden value keeps its relative uncertainty), within the bounds."""
        out = {}
        for key, param in self.parameters.items():
            value = self.values.get(key)
            if value is None:
                continue
            spec = engine.PARAMETERS[key]
            if param.default > 0 and param.distribution != "fixed":
                scale = value / param.default
                low = max(param.low * scale, spec.minimum)
                high = min(param.high * scale, spec.maximum)
            else:
                low = high = value
            distribution = param.distribution if low < high else "fixed"
            out[key] = Range(low, high, distribution, param.label)
        return out


@dataclass(frozen=True)
class Estimate:
    result: engine.Result
    tornado: list[Bar]
    monte_carlo: Summary | None


def estimate(scenario: Scenario, *, uncertainty: bool = True) -> Estimate:
    """The result of a scenario and, unless `uncertainty=False`, its tornado and its Monte Carlo
    intervals."""
    result = engine.run(scenario.values, scenario.options)
    if not uncertainty:
        return Estimate(result, [], None)
    ranges = scenario.ranges()
    return Estimate(
        result,
        tornado(scenario.values, scenario.options, ranges),
        monte_carlo(scenario.values, scenario.options, ranges),
    )


# --- building a scenario ------------------------------------------------------------------


def _plain(x: float) -> str:
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _local(raw: str) -> str:
    """A number as people type it in the page's language: spaces (also no-break ones) group
    digits anywhere; where the decimal sign is a comma (French, German, Dutch, Spanish), one
    comma and no point is that sign ("0,25"). In English a comma stays an error, since "1,500"
    there means fifteen hundred."""
    raw = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d)", "", raw)
    if (get_language() or "en").split("-")[0] != "en" and raw.count(",") == 1 and "." not in raw:
        raw = raw.replace(",", ".")
    return raw


def _number(raw: Any) -> float | None:
    """A finite float from a number or a plain decimal string, else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        raw = _local(raw)
    if isinstance(raw, int | float):
        x = float(raw)
    elif isinstance(raw, str) and re.fullmatch(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*", raw):
        x = float(raw)
    else:
        return None
    return x if math.isfinite(x) else None


def _shown(x: float) -> str:
    return number_format(int(x) if x == int(x) else x, use_l10n=True, force_grouping=True)


def check_value(key: str, raw: Any) -> tuple[float | None, list[str]]:
    """One input against its bounds: (value, []) or (None, messages)."""
    spec = engine.PARAMETERS[key]
    x = _number(raw)
    if x is None:
        return None, [_("Must be a number (such as 1500 or 0.25).")]
    if spec.unit == "share" and not 0 <= x <= 1:
        return None, [_("A share lies between 0 and 1 (0.25 for 25 %).")]
    if x < spec.minimum:
        return None, [_("Must be at least %(minimum)s.") % {"minimum": _shown(spec.minimum)}]
    if x > spec.maximum:
        return None, [_("Must be at most %(maximum)s.") % {"maximum": _shown(spec.maximum)}]
    return x, []


def preset_options(preset: Preset) -> engine.Options:
    """The options a preset runs with (engine defaults for any it does not name)."""
    stored = preset.options if isinstance(preset.options, dict) else {}
    chosen = {
        name: stored[name]
        for name, choices in engine.Options.CHOICES.items()
        if stored.get(name) in {value for value, _label in choices}
    }
    return engine.Options(**chosen)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def build(data: Mapping[str, Any]) -> Scenario:
    """A scenario from a preset slug, parameter values, options, currency, price year and
    conversion factor (every key optional). Raises Invalid with every error at once."""
    errors: dict[str, list[str]] = {}
    available = presets()
    if not available:
        raise Invalid({"preset": [_("No preset is loaded yet.")]})
    preset = available[0]
    if not _blank(data.get("preset")):
        slug = str(data["preset"]).strip()
        match = next((p for p in available if p.slug == slug), None)
        if match is None:
            known = ", ".join(p.slug for p in available)
            errors["preset"] = [_("Unknown preset; choose one of: %(known)s.") % {"known": known}]
        else:
            preset = match

    chosen = {}
    for name, choices in engine.Options.CHOICES.items():
        raw = data.get(name)
        if _blank(raw):
            continue
        allowed = [value for value, _label in choices]
        if raw in allowed:
            chosen[name] = raw
        else:
            errors[name] = [_("Choose one of: %(allowed)s.") % {"allowed": ", ".join(allowed)}]
    defaults = preset_options(preset)
    options = engine.Options(
        **{name: chosen.get(name, getattr(defaults, name)) for name in OPTIONS}
    )

    currency = preset.currency
    if not _blank(data.get("currency")):
        raw = str(data["currency"]).strip().upper()
        if CURRENCY.fullmatch(raw):
            currency = raw
        else:
            errors["currency"] = [_("A three-letter currency code (ISO 4217), such as EUR.")]
    price_year = preset.price_year
    if not _blank(data.get("price_year")):
        year = _number(data["price_year"])
        if year is None or year != int(year) or not PRICE_YEAR_MIN <= year <= PRICE_YEAR_MAX:
            errors["price_year"] = [
                _("A year between %(first)s and %(last)s.")
                % {"first": PRICE_YEAR_MIN, "last": PRICE_YEAR_MAX}
            ]
        else:
            price_year = int(year)
    conversion, converted = 1.0, False
    if not _blank(data.get("conversion")):
        factor = _number(data["conversion"])
        if factor is None or not 0 < factor <= CONVERSION_MAX:
            errors["conversion"] = [
                _("A number above 0 and at most %(maximum)s.") % {"maximum": _shown(CONVERSION_MAX)}
            ]
        else:
            conversion, converted = factor, True

    parameters = {p.key: p for p in registry() if p.key in engine.PARAMETERS}
    fixed = {v.parameter.key: v.value for v in preset.values.all()}
    base = {key: param.default for key, param in parameters.items()}
    base.update({k: v for k, v in fixed.items() if k in engine.PARAMETERS})
    for key in base:
        if engine.PARAMETERS[key].unit == "money":
            base[key] *= conversion

    values, overridden = dict(base), set()
    for key in engine.PARAMETERS:
        raw = data.get(key)
        if _blank(raw):
            continue
        x, messages = check_value(key, raw)
        if messages:
            errors[key] = messages
        elif key not in base or not _close(x, base[key]):
            values[key] = x
            overridden.add(key)

    for key in engine.needed(options):
        if key in values or key in errors:
            continue
        if key == "vsl":
            errors[key] = [
                _("Enter a value of a statistical life to use this valuation: none is sourced.")
            ]
        else:
            errors[key] = [_("No default is registered: enter a value.")]
    money_from_preset = [
        k
        for k in engine.needed(options)
        if engine.PARAMETERS[k].unit == "money" and k in base and k not in overridden
    ]
    moved = currency != preset.currency or price_year != preset.price_year
    if moved and not converted and money_from_preset and "conversion" not in errors:
        errors["conversion"] = [
            _(
                "Give the factor that turns the preset's %(currency)s %(year)s values into"
                " %(target)s %(target_year)s (no exchange rates are built in), or enter every"
                " amount of money yourself."
            )
            % {
                "currency": preset.currency,
                "year": preset.price_year,
                "target": currency,
                "target_year": price_year,
            }
        ]
    if errors:
        raise Invalid(errors)
    return Scenario(
        preset=preset,
        values=values,
        overridden=frozenset(overridden),
        options=options,
        currency=currency,
        price_year=price_year,
        conversion=conversion,
        parameters=parameters,
        preset_keys=frozenset(fixed),
    )
