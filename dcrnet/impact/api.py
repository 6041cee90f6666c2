"""The impact estimator in the JSON API: run a scenario (POST /impact) and list the presets.

A run goes through scenario.build and scenario.estimate, as the calculator page does: the same
inputs, the same checks and messages (each problem named by its place in the body, such as
`body.values.clients`), the same results. Language-neutral: labels and messages in English.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router

from dcrnet.evidence.models import Reference
from dcrnet.lib.api import Refusal, responses

from . import engine, scenario
from .models import Parameter, Preset
from .schemas import ImpactIn, ImpactOut, PresetOut, member, source_out

router = Router(tags=["impact"])


@router.post(
    "/impact",
    response=responses(ImpactOut),
    url_name="impact_run",
    summary="Estimate what a drug consumption room would prevent and save",
)
def run(request: HttpRequest, body: ImpactIn) -> dict[str, Any]:
    """A preset (`{"preset": "baltimore-2017"}` runs it as published) with any of its inputs,
    options, currency, price year and conversion factor replaced. The answer: every input with
    its source, the events averted and savings per component, the totals and, unless
    `uncertainty` is false, the tornado and the Monte Carlo intervals. Every problem is named
    (422); a body that is not JSON is a 422 naming `body`."""
    problems = body.problems()
    try:
        built = scenario.build(body.data())
    except scenario.Invalid as invalid:
        named = dict(problems)
        problems += [
            (member(field), message)
            for field, messages in invalid.errors.items()
            for message in messages
            if member(field) not in named
        ]
        raise Refusal(422, problems) from None
    if problems:
        raise Refusal(422, problems)
    return _answer(built, scenario.estimate(built, uncertainty=body.uncertainty))


@router.get(
    "/impact/presets",
    response=responses(list[PresetOut]),
    url_name="impact_presets",
    summary="The presets: reference runs with every value and its source",
)
def presets(request: HttpRequest) -> list[dict[str, Any]]:
    """Each preset with the options of its run and every value it runs with (its own, or the
    registry's default), unit, currency, price year, range and source."""
    registry = scenario.registry()
    return [_preset(preset, registry) for preset in scenario.presets()]


def _answer(built: scenario.Scenario, estimate: scenario.Estimate) -> dict[str, Any]:
    result = estimate.result
    ranges = built.ranges()
    inputs = []
    for key in _ordered(built.values, built.parameters):
        spec = engine.PARAMETERS[key]
        source = built.source(key)
        money = spec.unit == "money"
        spread = ranges.get(key)
        parameter = built.parameters.get(key)
        inputs.append(
            {
                "key": key,
                "label": parameter.label if parameter else str(spec.label),
                "value": built.values[key],
                "unit": spec.unit,
                "currency": built.currency if money else "",
                "price_year": built.price_year if money else None,
                "low": spread.low if spread else None,
                "high": spread.high if spread else None,
                "distribution": spread.distribution if spread else None,
                "overridden": key in built.overridden,
                "source": source_out(source) if isinstance(source, Reference) else None,
                "note": parameter.note if parameter and key not in built.overridden else "",
            }
        )
    summary = estimate.monte_carlo
    return {
        "preset": {
            "slug": built.preset.slug,
            "name": built.preset.name,
            "source": source_out(built.preset.source),
        },
        "currency": built.currency,
        "price_year": built.price_year,
        "conversion": built.conversion,
        "options": _options(built.options),
        "inputs": inputs,
        "components": [
            {
                "key": c.key,
                "label": str(c.label),
                "events": c.events,
                "unit_label": str(c.unit_label),
                "savings": c.savings,
                "formula": c.formula,
                "parameters": list(c.parameters),
                "reconstructed": c.reconstructed,
                "note": str(c.note),
            }
            for c in result.components
        ],
        "totals": {
            "gross": result.gross,
            "cost": result.cost,
            "net": result.net,
            "bcr": result.bcr,
            "cost_per_death": result.cost_per_death,
            "cost_per_infection": result.cost_per_infection,
            "value_per_death": result.value_per_death,
            "hiv_break_even": result.hiv_break_even,
        },
        "tornado": None
        if summary is None
        else [{**vars(bar), "label": str(bar.label)} for bar in estimate.tornado],
        "monte_carlo": None
        if summary is None
        else {
            "draws": summary.draws,
            "seed": summary.seed,
            "intervals": [{**vars(i), "label": str(i.label)} for i in summary.intervals],
        },
        "calculator_url": f"{reverse('impact:calculator')}?{built.query()}",
    }


def _preset(preset: Preset, registry: list[Parameter]) -> dict[str, Any]:
    fixed = {value.parameter.key: value for value in preset.values.all()}
    parameters = []
    for parameter in registry:
        if parameter.key not in engine.PARAMETERS:
            continue
        own = fixed.get(parameter.key)
        money = parameter.unit == "money"
        # A value the preset fixes is in its currency and year; a default in its parameter's.
        currency, year = (
            (preset.currency, preset.price_year)
            if own
            else (parameter.currency, parameter.price_year)
        )
        parameters.append(
            {
                "key": parameter.key,
                "label": parameter.label,
                "value": own.value if own else parameter.default,
                "unit": parameter.unit,
                "currency": currency if money else "",
                "price_year": year if money else None,
                "low": parameter.low,
                "high": parameter.high,
                "distribution": parameter.distribution,
                "from_preset": own is not None,
                "source": source_out(preset.source if own else parameter.source),
                "note": own.note if own and own.note else parameter.note,
            }
        )
    return {
        "slug": preset.slug,
        "name": preset.name,
        "description": preset.description,
        "source": source_out(preset.source),
        "currency": preset.currency,
        "price_year": preset.price_year,
        "options": _options(scenario.preset_options(preset)),
        "parameters": parameters,
    }


def _options(options: engine.Options) -> dict[str, str]:
    return {name: getattr(options, name) for name in engine.Options.CHOICES}


def _ordered(values: dict[str, float], parameters: dict[str, Parameter]) -> list[str]:
    """The registry's order, then any input it does not hold (a value of a statistical life)."""
    return [k for k in parameters if k in values] + [
        k for k in engine.PARAMETERS if k in values and k not in parameters
    ]
