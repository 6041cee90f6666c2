"""scenario.build, the one contract of the page and the API: presets, overrides, options,
currency and conversion, every error at once by field; sources, ranges and the estimate."""

from urllib.parse import parse_qsl

import pytest

from dcrnet.impact import engine, scenario
from dcrnet.impact.models import Parameter, Preset

pytestmark = pytest.mark.django_db


def errors(data):
    with pytest.raises(scenario.Invalid) as caught:
        scenario.build(data)
    return caught.value.errors


def test_no_input_runs_the_first_preset_and_reproduces_baltimore(impact_registry):
    built = scenario.build({})
    assert built.preset.slug == "baltimore-2017"
    assert built.overridden == frozenset()
    assert built.options == engine.Options("area", "human_capital", "irwin")
    assert (built.currency, built.price_year, built.conversion) == ("USD", 2017, 1.0)
    result = scenario.estimate(built).result
    assert round(result.component("hiv").events, 2) == 3.68
    assert round(result.component("hcv").events, 1) == 21.2
    assert round(result.component("ssti").events) == 374
    assert round(result.component("deaths").events, 2) == 5.95
    assert round(result.value_per_death) == 503_869
    assert round(result.component("ambulance").events, 1) == 108.2
    assert round(result.component("hospital").events, 1) == 26.8
    assert round(result.component("treatment").events, 1) == 121.4
    assert built.query() == "preset=baltimore-2017"


def test_the_estimate_has_its_tornado_and_intervals_unless_asked_not_to(impact_registry):
    built = scenario.build({})
    full = scenario.estimate(built)
    assert full.tornado and full.tornado[0].swing >= full.tornado[-1].swing
    net = full.monte_carlo.get("net")
    assert net.low < net.median < net.high
    assert full.monte_carlo.draws == 10_000 and full.monte_carlo.net.shape == (10_000,)
    assert {i.key for i in full.monte_carlo.intervals} >= {"net", "gross", "bcr", *engine.KEYS}
    quick = scenario.estimate(built, uncertainty=False)
    assert quick.tornado == [] and quick.monte_carlo is None
    assert quick.result == full.result


def test_every_error_at_once_each_under_its_field(impact_registry):
    found = errors(
        {
            "clients": "many",
            "hiv_prevalence": "1.5",
            "cost": "-1",
            "pwid": "0",
            "syringes": "1e10",
            "hiv_cost": str(2e12),
            "partners": "nan",
            "wage": "inf",
            "ssti_stay": True,
            "preset": "atlantis",
            "death_method": "both",
            "currency": "EURO",
            "price_year": "20x4",
            "conversion": "0",
        }
    )
    assert set(found) == {
        "clients",
        "hiv_prevalence",
        "cost",
        "pwid",
        "syringes",
        "hiv_cost",
        "partners",
        "wage",
        "ssti_stay",
        "preset",
        "death_method",
        "currency",
        "price_year",
        "conversion",
    }
    assert found["clients"] == ["Must be a number (such as 1500 or 0.25)."]
    assert found["hiv_prevalence"] == ["A share lies between 0 and 1 (0.25 for 25 %)."]
    assert found["cost"] == ["Must be at least 0."]
    assert found["pwid"] == ["Must be at least 1."]
    assert found["syringes"] == ["Must be at most 1,000,000,000."]
    assert found["preset"] == ["Unknown preset; choose one of: baltimore-2017."]
    assert found["death_method"] == ["Choose one of: area, event."]


def test_price_years_are_whole_and_plausible(impact_registry):
    for raw in ("1800", "2024.5", "two thousand", 3000):
        assert "price_year" in errors({"price_year": raw, "conversion": "1"})


def test_blank_fields_and_unknown_keys_are_ignored(impact_registry):
    built = scenario.build({"clients": "", "cost": "  ", "csrfmiddlewaretoken": "x", "lang": "fr"})
    assert built.overridden == frozenset()


def test_an_override_is_used_and_named_as_the_users(impact_registry):
    built = scenario.build({"clients": " 3000 ", "hiv_prevalence": 0.1})
    assert built.values["clients"] == 3000
    assert built.overridden == {"clients", "hiv_prevalence"}
    assert built.source("clients") == scenario.YOUR_INPUT
    result = scenario.estimate(built, uncertainty=False).result
    assert result.component("treatment").events == pytest.approx(3000 * 0.0578)


def test_a_value_equal_to_the_presets_is_not_an_override(impact_registry):
    # The form sends every field back with the values it showed.
    built = scenario.build({"clients": "2100", "hiv_transmission": "0.0067", "cost": 1.8e6})
    assert built.overridden == frozenset()


def test_sources(impact_registry):
    built = scenario.build({})
    irwin = Preset.objects.get(slug="baltimore-2017").source
    assert built.source("clients") == irwin  # fixed by the preset
    assert built.source("fatality") == Parameter.objects.get(key="fatality").source  # a default
    assert built.source("fatality").doi == "10.1371/journal.pone.0003351"
    assert built.source("vsl") == scenario.YOUR_INPUT


def test_options_come_from_the_preset_unless_chosen(impact_registry):
    built = scenario.build({"death_method": "event", "hiv_model": "pinkerton"})
    assert built.options == engine.Options("event", "human_capital", "pinkerton")
    assert "death_method=event" in built.query() and "hiv_model=pinkerton" in built.query()
    assert "valuation" not in built.query()


def test_the_value_of_a_statistical_life_must_be_entered(impact_registry):
    found = errors({"valuation": "vsl"})
    assert list(found) == ["vsl"]
    assert "none is sourced" in found["vsl"][0]
    built = scenario.build({"valuation": "vsl", "vsl": "10000000"})
    result = scenario.estimate(built, uncertainty=False).result
    assert result.value_per_death == 1e7
    assert "vsl=10000000" in built.query()


def test_a_new_currency_needs_a_conversion_factor(impact_registry):
    found = errors({"currency": "eur", "price_year": "2024"})
    assert list(found) == ["conversion"]
    assert "USD 2017" in found["conversion"][0] and "EUR 2024" in found["conversion"][0]


def test_the_conversion_factor_moves_the_presets_money_not_the_users(impact_registry):
    built = scenario.build(
        {"currency": "eur", "price_year": "2024", "conversion": "0.9", "ambulance_cost": "500"}
    )
    assert built.currency == "EUR" and built.price_year == 2024
    assert built.values["hiv_cost"] == pytest.approx(402_000 * 0.9)
    assert built.values["cost"] == pytest.approx(1.8e6 * 0.9)
    assert built.values["ambulance_cost"] == 500  # entered in euros already
    assert built.values["clients"] == 2100  # not money
    ranges = built.ranges()
    hiv = Parameter.objects.get(key="hiv_cost")
    assert ranges["hiv_cost"].low == pytest.approx(hiv.low * 0.9)
    assert ranges["ambulance_cost"].high == pytest.approx(500 * 1.25)
    # A form sending the converted values back changes nothing.
    again = scenario.build(
        {"currency": "EUR", "price_year": 2024, "conversion": 0.9, "hiv_cost": 402_000 * 0.9}
    )
    assert "hiv_cost" not in again.overridden


def test_entering_every_amount_needs_no_conversion(impact_registry):
    money = [k for k in engine.needed(engine.Options()) if engine.PARAMETERS[k].unit == "money"]
    built = scenario.build({"currency": "CHF", **dict.fromkeys(money, "1234")})
    assert built.currency == "CHF" and built.conversion == 1


def test_the_query_string_round_trips(impact_registry):
    data = {
        "clients": "3000",
        "fatality": "0.05",
        "death_method": "event",
        "currency": "EUR",
        "price_year": "2024",
        "conversion": "0.92",
        "hiv_prevalence": "0.177",  # the preset's: left out of the query
    }
    built = scenario.build(data)
    query = built.query()
    assert "hiv_prevalence" not in query
    again = scenario.build(dict(parse_qsl(query)))
    assert again.values == built.values
    assert again.options == built.options
    assert (again.currency, again.price_year, again.conversion) == ("EUR", 2024, 0.92)
    assert again.query() == query


def test_an_override_outside_the_registry_range_keeps_a_range_around_it(impact_registry):
    built = scenario.build({"clients": "10000"})
    r = built.ranges()["clients"]
    assert (r.low, r.high) == pytest.approx((7500, 12500))
    share = scenario.build({"sharing_reduction": "1"}).ranges()["sharing_reduction"]
    assert share.high == 1.0 and share.low == pytest.approx(0.75)


def test_no_preset_loaded_is_an_error_on_the_preset(db):
    assert list(errors({})) == ["preset"]


@pytest.mark.parametrize(
    ("language", "typed", "value"),
    [
        ("fr", "0,25", 0.25),
        ("de", "1 500", 1500.0),
        ("nl", "1\u00a0500,5", 1500.5),
        ("es", "0.25", 0.25),
        ("en", "1 500", 1500.0),
    ],
)
def test_numbers_as_people_type_them_in_their_language(language, typed, value):
    from django.utils import translation

    from dcrnet.impact.scenario import check_value

    with translation.override(language):
        assert check_value("clients", typed) == (value, [])


def test_in_english_a_comma_is_not_a_decimal_sign():
    from django.utils import translation

    from dcrnet.impact.scenario import check_value

    with translation.override("en"):
        value, errors = check_value("clients", "1,500")
    assert value is None and errors
