"""The models against the published figures (Irwin et al. 2017, Baltimore) and their rules."""

import math

import numpy as np
import pytest

from dcrnet.impact import engine
from dcrnet.impact.seed import ROWS

BALTIMORE = {key: float(row[1]) for key, row in ROWS.items()}


def run(**options):
    return engine.run(BALTIMORE, engine.Options(**options))


def events(result, key):
    return result.component(key).events


def test_baltimore_reproduces_the_published_figures():
    result = run()
    assert round(events(result, "hiv"), 2) == 3.68
    assert round(events(result, "hcv"), 1) == 21.2
    assert round(events(result, "ssti")) == 374
    assert round(events(result, "deaths"), 2) == 5.95
    assert round(result.value_per_death) == 503_869
    assert round(events(result, "ambulance"), 1) == 108.2
    assert round(events(result, "hospital"), 1) == 26.8
    assert round(events(result, "treatment"), 1) == 121.4


def test_baltimore_savings_before_ed_and_treatment_are_the_facts_7_01_million():
    result = run()
    before = sum(c.savings for c in result.components if c.key not in ("ed", "treatment"))
    assert round(before / 1e6, 2) == 7.01


def test_the_back_calculated_ed_rates_give_the_published_78_visits_at_no_cost():
    ed = run().component("ed")
    assert round(ed.events) == 78
    assert ed.savings == 0
    assert ed.reconstructed


def test_treatment_is_labelled_a_reconstruction():
    treatment = run().component("treatment")
    assert treatment.reconstructed
    assert treatment.savings == pytest.approx(121.38 * 0.5 * 4000 * 3.5)


def test_totals_and_ratios():
    result = run()
    assert result.gross == pytest.approx(sum(c.savings for c in result.components))
    assert result.net == pytest.approx(result.gross - 1.8e6)
    assert result.bcr == pytest.approx(result.gross / 1.8e6)
    assert result.cost_per_death == pytest.approx(1.8e6 / events(result, "deaths"))
    infections = events(result, "hiv") + events(result, "hcv")
    assert result.cost_per_infection == pytest.approx(1.8e6 / infections)


def test_every_component_is_there_once_with_its_formula():
    result = run()
    assert [c.key for c in result.components] == list(engine.KEYS)
    for c in result.components:
        assert c.formula and c.parameters
        assert set(c.parameters) <= set(engine.PARAMETERS)


def test_the_event_method_replaces_the_area_method_and_its_deaths_leave_the_care_counts():
    area, event = run(), run(death_method="event")
    assert event.component("deaths").parameters != area.component("deaths").parameters
    overdoses = 180_000 * 0.00133
    deaths = overdoses * 0.4512 * 0.067
    assert events(event, "deaths") == pytest.approx(deaths)
    assert events(event, "ambulance") == pytest.approx((overdoses - deaths) * (0.46 - 0.0079))
    assert events(area, "ambulance") == pytest.approx(overdoses * (0.46 - 0.0079))


def test_valuations():
    assert run(valuation="none").component("deaths").savings == 0
    with pytest.raises(KeyError):
        run(valuation="vsl")
    result = engine.run({**BALTIMORE, "vsl": 9e6}, engine.Options(valuation="vsl"))
    assert result.value_per_death == 9e6
    assert result.component("deaths").savings == pytest.approx(9e6 * 5.94955)


def test_human_capital_at_a_zero_rate_is_wage_times_years():
    result = engine.run({**BALTIMORE, "discount": 0.0}, engine.Options())
    assert result.value_per_death == pytest.approx(25_707 * 30)


def test_published_hiv_models_are_their_estimates_whatever_the_city():
    small = {**BALTIMORE, "clients": 10, "pwid": 100_000}
    for model, figure in (("andresen_boyd", 35), ("pinkerton", 5.5)):
        result = engine.run(small, engine.Options(hiv_model=model))
        assert events(result, "hiv") == figure
        assert result.component("hiv").savings == figure * 402_000
    assert run().hiv_break_even == pytest.approx(1.8e6 / 402_000)


def test_undefined_ratios_are_none():
    result = engine.run({**BALTIMORE, "cost": 0.0, "overdose_deaths": 0.0}, engine.Options())
    assert result.bcr is None
    assert result.cost_per_death is None


def test_a_site_rate_above_the_community_rate_averts_nothing_rather_than_a_negative_count():
    result = engine.run({**BALTIMORE, "ambulance_site": 0.9}, engine.Options())
    assert events(result, "ambulance") == 0


def test_reach_is_at_most_everyone():
    capped = engine.run({**BALTIMORE, "clients": 1e6}, engine.Options())
    everyone = engine.run({**BALTIMORE, "clients": 20_950}, engine.Options())
    assert events(capped, "hiv") == pytest.approx(events(everyone, "hiv"))


def test_arrays_give_the_same_numbers_elementwise():
    columns = {k: np.array([v, v * 2]) for k, v in BALTIMORE.items()}
    result = engine.run(columns, engine.Options())
    single = run()
    assert result.net[0] == pytest.approx(single.net)
    assert result.component("hiv").events[0] == pytest.approx(events(single, "hiv"))
    assert result.bcr.shape == (2,)
    zero = engine.run({**columns, "cost": np.array([0.0, 1.0])}, engine.Options())
    assert math.isnan(zero.bcr[0])


def test_unknown_options_and_missing_inputs_are_refused():
    with pytest.raises(ValueError):
        engine.Options(death_method="both")
    with pytest.raises(KeyError, match="clients"):
        engine.run({k: v for k, v in BALTIMORE.items() if k != "clients"}, engine.Options())


def test_every_default_lies_within_its_bounds():
    for key, value in BALTIMORE.items():
        spec = engine.PARAMETERS[key]
        assert spec.minimum <= value <= spec.maximum, key
