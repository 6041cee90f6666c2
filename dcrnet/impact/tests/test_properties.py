"""Properties of the models on generated inputs: no negative counts, monotone where the model
says so, the Monte Carlo median within the one-way range, the same seed the same draws; and no
input to scenario.build that ends in anything but a scenario or Invalid."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.impact import engine, scenario, seed, uncertainty

BALTIMORE = {key: float(row[1]) for key, row in seed.ROWS.items()}
ALL_OPTIONS = [
    engine.Options(*combo)
    for combo in itertools.product(*([v for v, _l in c] for c in engine.Options.CHOICES.values()))
]
options = st.sampled_from(ALL_OPTIONS)


def bounded(key: str):
    spec = engine.PARAMETERS[key]
    return st.floats(spec.minimum, spec.maximum, allow_nan=False, allow_infinity=False)


inputs = st.fixed_dictionaries({key: bounded(key) for key in engine.PARAMETERS})


@settings(max_examples=300, deadline=None)
@given(values=inputs, chosen=options)
def test_no_count_is_negative_or_undefined(values, chosen):
    result = engine.run(values, chosen)
    for c in result.components:
        assert c.events >= 0, c.key
        assert math.isfinite(c.events), c.key
    for ratio in (result.cost_per_death, result.cost_per_infection):
        assert ratio is None or (math.isfinite(ratio) and ratio >= 0)
    # Savings may be negative (a treatment benefit-cost ratio below 1), the ratio finite.
    assert result.bcr is None or math.isfinite(result.bcr)


@settings(max_examples=200, deadline=None)
@given(values=inputs, chosen=options, more=st.floats(1.0, 1e6))
def test_more_clients_never_avert_fewer_events(values, chosen, more):
    clients = min(values["clients"] * more + 1, engine.COUNT_MAX)
    before = engine.run(values, chosen)
    after = engine.run({**values, "clients": clients}, chosen)
    for b, a in zip(before.components, after.components, strict=True):
        assert a.events >= b.events * (1 - 1e-12), b.key
    for key in ("ssti", "treatment"):
        if clients > values["clients"] * (1 + 1e-9) and before.component(key).events > 0:
            assert after.component(key).events > before.component(key).events


@settings(max_examples=200, deadline=None)
@given(values=inputs, chosen=options, extra=st.floats(1.0, 1e9))
def test_a_higher_cost_lowers_the_net_by_as_much(values, chosen, extra):
    cost = min(values["cost"] + extra, engine.MONEY_MAX)
    before = engine.run(values, chosen)
    after = engine.run({**values, "cost": cost}, chosen)
    rounding = 1e-9 * (abs(before.gross) + cost)  # floats: a dollar is lost beside 10^16
    assert after.net <= before.net
    assert before.net - after.net == pytest.approx(cost - values["cost"], abs=rounding)
    assert after.gross == before.gross


def registry_ranges(values: dict[str, float]) -> dict[str, uncertainty.Range]:
    """The seeded ranges, moved with the values as scenario.ranges moves them."""
    out = {}
    for key, (_g, default, given_range, distribution, *_rest) in seed.ROWS.items():
        low, high = seed._range(key, float(default), given_range)
        scale = values[key] / default if default else 0.0
        spec = engine.PARAMETERS[key]
        low, high = max(low * scale, spec.minimum), min(high * scale, spec.maximum)
        out[key] = uncertainty.Range(low, high, distribution if low < high else "fixed")
    return out


facility = st.fixed_dictionaries(
    {
        "clients": st.floats(100, 20_000),
        "cost": st.floats(2e5, 2e7),
        "injections": st.floats(1e4, 1e6),
        "pwid": st.floats(1_000, 100_000),
        "overdose_deaths": st.floats(10, 2_000),
    }
)


@settings(max_examples=25, deadline=None)
@given(local=facility, chosen=options.filter(lambda o: o.valuation != "vsl"))
def test_the_monte_carlo_median_lies_within_the_one_way_range(local, chosen):
    values = {**BALTIMORE, **local}
    ranges = registry_ranges(values)
    bars = uncertainty.tornado(values, chosen, ranges)
    nets = [b.net_at_low for b in bars] + [b.net_at_high for b in bars]
    summary = uncertainty.monte_carlo(values, chosen, ranges, draws=2_000)
    assert min(nets) <= summary.get("net").median <= max(nets)


def test_the_same_seed_gives_the_same_draws_and_another_seed_others():
    ranges = registry_ranges(BALTIMORE)
    first = uncertainty.monte_carlo(BALTIMORE, engine.Options(), ranges, seed=7)
    again = uncertainty.monte_carlo(BALTIMORE, engine.Options(), ranges, seed=7)
    other = uncertainty.monte_carlo(BALTIMORE, engine.Options(), ranges, seed=8)
    assert np.array_equal(first.net, again.net)
    assert first.intervals == again.intervals
    assert not np.array_equal(first.net, other.net)


def test_the_tornado_puts_the_widest_swing_first_and_varies_only_what_the_run_reads():
    bars = uncertainty.tornado(BALTIMORE, engine.Options(), registry_ranges(BALTIMORE))
    swings = [b.swing for b in bars]
    assert swings == sorted(swings, reverse=True)
    keys = {b.key for b in bars}
    assert "fatality" not in keys  # the event method's input, not read by the area method
    assert "ed_cost" not in keys  # fixed at 0: no range
    assert "clients" in keys


def test_distributions_stay_within_their_range():
    rng = np.random.default_rng(1)
    for distribution in ("uniform", "triangular", "pert"):
        x = uncertainty.draw(rng, uncertainty.Range(2.0, 5.0, distribution), 3.0, 5_000)
        assert x.min() >= 2.0 and x.max() <= 5.0
    fixed = uncertainty.draw(rng, uncertainty.Range(2.0, 5.0, "fixed"), 3.0, 10)
    assert set(fixed) == {3.0}


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    st.sampled_from(["1e308", "-0", "0.5", "1,5", " 3 ", "EUR", "usd", "2024", "vsl", "event"]),
)
fields = st.sampled_from(
    ["preset", "currency", "price_year", "conversion", *engine.Options.CHOICES, *engine.PARAMETERS]
)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(fields, anything, max_size=6))
def test_any_input_gives_a_scenario_or_every_error_by_field(impact_registry, data):
    try:
        built = scenario.build(data)
    except scenario.Invalid as invalid:
        assert invalid.errors
        assert set(invalid.errors) <= {
            "preset",
            "currency",
            "price_year",
            "conversion",
            *engine.Options.CHOICES,
            *engine.PARAMETERS,
        }
        assert all(messages for messages in invalid.errors.values())
        return
    result = scenario.estimate(built, uncertainty=False).result
    assert all(c.events >= 0 for c in result.components)
