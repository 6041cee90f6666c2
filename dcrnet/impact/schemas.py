"""The impact API's contract: a request body made from the engine's inputs, and the answers.

The body carries the same inputs as the calculator's query string and goes through the same
scenario.build; the schema only fixes the JSON types (a number is a JSON number, an option one of
its values). The bounds it documents are the ones build checks (engine.PARAMETERS, the price
years, the conversion factor), and the rules that tie members together are written into the
document when it is generated, from the presets and the registry as they are then.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from django.utils import translation
from ninja import Field, Schema
from pydantic import (
    AfterValidator,
    ConfigDict,
    StrictBool,
    StrictFloat,
    StringConstraints,
    create_model,
)

from dcrnet.evidence.models import Reference

from . import engine, scenario
from .models import Preset

OPTION_NAMES = tuple(engine.Options.CHOICES)
# Members of the body that are not parameters of the engine; their problems are named so.
TOP_LEVEL = ("preset", "currency", "price_year", "conversion")
CONVERSION_NEEDED = (
    "Give the factor that converts the preset's money values to your currency and price year "
    "with either of them (1 when they are the same): no exchange rates are built in."
)


def _english(text: object) -> str:
    with translation.override("en"):
        return str(text)


def _drop_null_defaults(schema: dict[str, Any]) -> None:
    """An optional member is one that may be left out, not one that may be null."""
    for member in schema.get("properties", {}).values():
        if member.get("default", ...) is None:
            del member["default"]


class Closed(Schema):
    """A JSON object that refuses members it does not know (422 naming them)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_drop_null_defaults)


class Documented:
    """A JSON schema written when the document is generated (labels in English, bounds from the
    engine), replacing what pydantic would infer from the Python type."""

    def __init__(self, schema):
        self.schema = schema

    def __get_pydantic_json_schema__(self, core_schema, handler) -> dict[str, Any]:
        return self.schema()


def _unit(spec: engine.Spec) -> str:
    if spec.unit == "share":
        return "a share between 0 and 1 (0.25 for 25 %)"
    if spec.unit == "money":
        return "money, in the currency and price year of the run"
    return spec.unit


def _parameter_schema(key: str):
    def schema() -> dict[str, Any]:
        spec = engine.PARAMETERS[key]
        return {
            "type": "number",
            "minimum": spec.minimum,
            "maximum": spec.maximum,
            "description": f"{_english(spec.label)}: {_unit(spec)}.",
        }

    return schema


# A number: a JSON integer or decimal (within a float's range), never a string or a boolean;
# scenario.build checks the bounds the document states, with the page's messages.
Number = StrictFloat

ValuesIn = create_model(
    "ImpactValues",
    __base__=Closed,
    __doc__="Inputs that replace the preset's values, by key (see GET /api/v1/impact/presets).",
    **{
        key: (Annotated[Number, Documented(_parameter_schema(key))], None)
        for key in engine.PARAMETERS
    },
)


def _option_schema(name: str):
    def schema() -> dict[str, Any]:
        choices = engine.Options.CHOICES[name]
        return {
            "type": "string",
            "enum": [value for value, _label in choices],
            "description": "; ".join(f"{value}: {_english(label)}" for value, label in choices)
            + ". Left out: the preset's.",
        }

    return schema


OptionsIn = create_model(
    "ImpactOptions",
    __base__=Closed,
    __doc__="The models of the run; each one left out is the preset's.",
    **{
        name: (
            Annotated[
                Literal[tuple(value for value, _label in choices)],  # type: ignore[valid-type]
                Documented(_option_schema(name)),
            ],
            None,
        )
        for name, choices in engine.Options.CHOICES.items()
    },
)


def preset_slugs() -> list[str]:
    return list(Preset.objects.order_by("position", "slug").values_list("slug", flat=True))


def _exact(slug: str) -> str:
    # build reads " baltimore-2017 " and "" (the first preset) too; the document lists the slugs
    # themselves, and the API takes exactly those.
    if not slug or slug != slug.strip():
        raise ValueError("must be one of the presets' slugs, exactly")
    return slug


PresetSlug = Annotated[
    str,
    AfterValidator(_exact),
    Documented(
        lambda: {
            "type": "string",
            "enum": preset_slugs(),
            "description": "The preset the run starts from. Left out: the first one listed.",
        }
    ),
]
Currency = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[A-Z]{3}$"),
    Documented(
        lambda: {
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "ISO 4217 code of your currency. Left out: the preset's. Needs "
            "`conversion`.",
        }
    ),
]
PriceYear = Annotated[
    Number,
    Documented(
        lambda: {
            "type": "integer",
            "minimum": scenario.PRICE_YEAR_MIN,
            "maximum": scenario.PRICE_YEAR_MAX,
            "description": "The price year of your money values. Left out: the preset's. Needs "
            "`conversion`.",
        }
    ),
]
Conversion = Annotated[
    Number,
    Documented(
        lambda: {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": scenario.CONVERSION_MAX,
            "description": "Your factor from the preset's currency and price year to yours: "
            "every money value the preset gives is multiplied by it; the values you send are "
            "taken as already in your currency and price year. No exchange rates are built in.",
        }
    ),
]


def _body_rules(schema: dict[str, Any]) -> None:
    _drop_null_defaults(schema)
    rules = [
        {"if": {"required": [name]}, "then": {"required": ["conversion"]}}
        for name in ("currency", "price_year")
    ]
    rules += list(needed_values())
    schema["allOf"] = rules


class ImpactIn(Schema):
    """A run: a preset and what you change in it. Every member may be left out:
    `{"preset": "baltimore-2017"}` runs that preset as published."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_body_rules)

    preset: PresetSlug = None
    values: ValuesIn = None  # type: ignore[valid-type]
    options: OptionsIn = None  # type: ignore[valid-type]
    currency: Currency = None
    price_year: PriceYear = None
    conversion: Conversion = None
    uncertainty: StrictBool = Field(
        True, description="Compute the tornado and the Monte Carlo intervals (a few ms more)."
    )

    def data(self) -> dict[str, Any]:
        """The mapping scenario.build reads (the page's query string has the same keys)."""
        data: dict[str, Any] = {
            name: getattr(self, name) for name in TOP_LEVEL if getattr(self, name) is not None
        }
        for part in (self.values, self.options):
            if part is not None:
                data.update(part.model_dump(exclude_none=True))
        return data

    def problems(self) -> list[tuple[str, str]]:
        """What the API asks beyond build: a currency or a price year comes with its factor
        (build asks for it only when a money value of the preset is used, which a client cannot
        know from the document)."""
        if self.conversion is None and (self.currency is not None or self.price_year is not None):
            return [("body.conversion", CONVERSION_NEEDED)]
        return []


def member(field: str) -> str:
    """Where a field of scenario.build lives in the body."""
    if field in engine.PARAMETERS:
        return f"body.values.{field}"
    if field in OPTION_NAMES:
        return f"body.options.{field}"
    return f"body.{field}"


# --- rules read from the presets and the registry when the document is generated --------------


def _missing(preset: Preset, registered: set[str], options: engine.Options) -> frozenset[str]:
    """Inputs a run of this preset with these options reads but that nothing gives a value:
    build refuses the run unless the body gives them."""
    given = registered | {value.parameter.key for value in preset.values.all()}
    return frozenset(engine.needed(options)) - given


def needed_values() -> Iterator[dict[str, Any]]:
    """One `if … then required` per preset and choice of options that leaves inputs without a
    value (with the seeded registry: a value of a statistical life for valuation "vsl")."""
    presets = scenario.presets()
    registered = {p.key for p in scenario.registry()}
    choices = {name: [v for v, _label in engine.Options.CHOICES[name]] for name in OPTION_NAMES}
    for position, preset in enumerate(presets):
        defaults = scenario.preset_options(preset)
        combos = {
            combo: _missing(
                preset, registered, engine.Options(**dict(zip(OPTION_NAMES, combo, strict=True)))
            )
            for combo in itertools.product(*choices.values())
        }
        if not any(combos.values()):
            continue
        # Only the options the answer depends on go into the condition.
        relevant = [
            i
            for i, name in enumerate(OPTION_NAMES)
            if any(
                combos[combo] != combos[combo[:i] + (other,) + combo[i + 1 :]]
                for combo in combos
                for other in choices[name]
            )
        ]
        seen = set()
        for combo, missing in combos.items():
            condition = tuple(combo[i] for i in relevant)
            if not missing or condition in seen:
                continue
            seen.add(condition)
            yield {
                "if": _when(
                    preset, position == 0, defaults, {OPTION_NAMES[i]: combo[i] for i in relevant}
                ),
                "then": {
                    "required": ["values"],
                    "properties": {"values": {"required": sorted(missing)}},
                },
            }


def _when(
    preset: Preset, first: bool, defaults: engine.Options, options: Mapping[str, str]
) -> dict[str, Any]:
    """The body runs this preset with these options (a left-out option is the preset's)."""
    properties: dict[str, Any] = {"preset": {"const": preset.slug}}
    required = [] if first else ["preset"]
    chosen: dict[str, Any] = {}
    chosen_required = []
    for name, value in options.items():
        chosen[name] = {"const": value}
        if getattr(defaults, name) != value:
            chosen_required.append(name)
    if chosen:
        properties["options"] = {"properties": chosen}
        if chosen_required:
            properties["options"]["required"] = chosen_required
            required.append("options")
    return {"properties": properties, "required": required}


# --- answers -----------------------------------------------------------------------------------


class ImpactSourceOut(Schema):
    id: int
    title: str
    year: int
    doi: str = Field(description="Empty when the reference has none.")
    url: str = Field(description="The publication's own address; empty when it has none.")
    library_url: str = Field(description="Its page in the evidence library (a path).")


def source_out(reference: Reference) -> dict[str, Any]:
    return {
        "id": reference.pk,
        "title": reference.title,
        "year": reference.year,
        "doi": reference.doi,
        "url": reference.url,
        "library_url": reference.get_absolute_url(),
    }


class InputOut(Schema):
    key: str
    label: str
    value: float
    unit: Literal["count", "share", "money", "days", "years", "ratio"]
    currency: str = Field(description="Of a money value; empty otherwise.")
    price_year: int | None = Field(description="Of a money value; null otherwise.")
    low: float | None = Field(description="The low end of the range the uncertainty runs use.")
    high: float | None
    distribution: str | None = Field(description="fixed, uniform, triangular or pert.")
    overridden: bool = Field(description="You gave this value (it differs from the preset's).")
    source: ImpactSourceOut | None = Field(
        description="Where the value comes from; null: your input."
    )
    note: str = Field(description="Where in the source, and how.")


class OptionsOut(Schema):
    death_method: str
    valuation: str
    hiv_model: str


class ComponentOut(Schema):
    key: str
    label: str
    events: float = Field(description="Events averted a year, in `unit_label`.")
    unit_label: str
    savings: float = Field(description="In the currency and price year of the run.")
    formula: str
    parameters: list[str] = Field(description="The inputs (keys) the formula reads.")
    reconstructed: bool = Field(
        description="The formula is reconstructed from the paper's tables, not printed in it."
    )
    note: str


class TotalsOut(Schema):
    gross: float
    cost: float
    net: float
    bcr: float | None = Field(description="Benefit–cost ratio; null when the cost is 0.")
    cost_per_death: float | None = Field(description="Null when no death is averted.")
    cost_per_infection: float | None = Field(description="Null when no infection is averted.")
    value_per_death: float = Field(description="By the valuation in use (0 with none).")
    hiv_break_even: float | None = Field(
        description="HIV infections a year that pay for the room on their own: cost ÷ hiv_cost "
        "(Pinkerton's threshold); null when hiv_cost is 0."
    )


class BarOut(Schema):
    key: str
    label: str
    low: float
    high: float
    net_at_low: float
    net_at_high: float


class IntervalOut(Schema):
    key: str = Field(description="net, gross, bcr, or a component's key (its events).")
    label: str
    median: float | None
    low: float | None = Field(description="2.5th percentile.")
    high: float | None = Field(description="97.5th percentile.")


class MonteCarloOut(Schema):
    draws: int
    seed: int
    intervals: list[IntervalOut]


class PresetRef(Schema):
    slug: str
    name: str
    source: ImpactSourceOut


class ImpactOut(Schema):
    preset: PresetRef
    currency: str
    price_year: int
    conversion: float
    options: OptionsOut
    inputs: list[InputOut]
    components: list[ComponentOut]
    totals: TotalsOut
    tornado: list[BarOut] | None = Field(
        description="Net savings with each varied input at its low and high, widest swing first; "
        "null when `uncertainty` was false."
    )
    monte_carlo: MonteCarloOut | None = Field(
        description="Seeded Monte Carlo intervals; null when `uncertainty` was false."
    )
    calculator_url: str = Field(description="The same run on the calculator page (a path).")


class PresetValueOut(Schema):
    key: str
    label: str
    value: float
    unit: str
    currency: str
    price_year: int | None
    low: float
    high: float
    distribution: str
    from_preset: bool = Field(
        description="The preset fixes this value; otherwise it is the registry's default."
    )
    source: ImpactSourceOut
    note: str


class PresetOut(Schema):
    slug: str
    name: str
    description: str = Field(description="Markdown.")
    source: ImpactSourceOut
    currency: str
    price_year: int
    options: OptionsOut
    parameters: list[PresetValueOut]
