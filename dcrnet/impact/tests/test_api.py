"""POST /api/v1/impact and GET /api/v1/impact/presets: the calculator's inputs and results as JSON,
refused as the page refuses them (422 naming each member), and an OpenAPI document that allows
exactly what the endpoint accepts (make fuzz's positive- and negative-data checks)."""

from __future__ import annotations

import itertools
import json
import math
from urllib.parse import parse_qsl, urlsplit

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.impact import engine, scenario
from dcrnet.impact.models import Parameter, Preset, PresetValue

pytestmark = pytest.mark.django_db

URL = "/api/v1/impact"
PRESETS = "/api/v1/impact/presets"
IRWIN_DOI = "10.1186/s12954-017-0153-2"


def post(client, body, **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **extra)


def strict_json(response) -> object:
    """The body as JSON, refusing NaN and Infinity (not JSON, though Python writes them)."""

    def refuse(constant):
        raise AssertionError(f"{constant} in the answer")

    return json.loads(response.content, parse_constant=refuse)


def problems(response) -> dict[str, str]:
    assert response.status_code == 422, response.content
    body = response.json()
    assert set(body) == {"error", "problems"}
    return {p["parameter"]: p["message"] for p in body["problems"]}


def by_key(items: list[dict]) -> dict[str, dict]:
    return {item["key"]: item for item in items}


@pytest.fixture
def document(client, impact_registry):
    return client.get("/api/v1/openapi.json").json()


def body_validator(document):
    """Validates a request body against the document's own schema of it."""
    content = document["paths"][URL]["post"]["requestBody"]["content"]["application/json"]
    return jsonschema_rs.validator_for({**content["schema"], "components": document["components"]})


# --- a run ----------------------------------------------------------------------------------


def test_the_preset_alone_runs_it_as_published(client, impact_registry):
    response = post(client, {"preset": "baltimore-2017"})
    assert response.status_code == 200
    answer = strict_json(response)
    components = by_key(answer["components"])
    # Irwin 2017's figures, to the precision the paper prints.
    assert round(components["hiv"]["events"], 2) == 3.68
    assert round(components["hcv"]["events"], 1) == 21.2
    assert round(components["ssti"]["events"]) == 374
    assert round(components["deaths"]["events"], 2) == 5.95
    assert round(answer["totals"]["value_per_death"]) == 503_869
    assert round(components["ambulance"]["events"], 1) == 108.2
    assert round(components["hospital"]["events"], 1) == 26.8
    assert round(components["treatment"]["events"], 1) == 121.4
    assert components["treatment"]["reconstructed"] is True
    assert "×" in components["hiv"]["formula"] and "hiv_cost" in components["hiv"]["parameters"]
    assert answer["preset"]["slug"] == "baltimore-2017"
    assert answer["preset"]["source"]["doi"] == IRWIN_DOI
    assert answer["options"] == {
        "death_method": "area",
        "valuation": "human_capital",
        "hiv_model": "irwin",
    }
    assert (answer["currency"], answer["price_year"], answer["conversion"]) == ("USD", 2017, 1.0)
    assert answer["totals"]["cost"] == 1_800_000
    assert answer["totals"]["net"] == pytest.approx(
        answer["totals"]["gross"] - answer["totals"]["cost"]
    )


def test_every_input_says_where_it_comes_from(client, impact_registry):
    answer = post(client, {"preset": "baltimore-2017"}).json()
    inputs = by_key(answer["inputs"])
    registered = {p.key: p for p in Parameter.objects.all()}
    preset = Preset.objects.get(slug="baltimore-2017")
    fixed = set(preset.values.values_list("parameter__key", flat=True))
    assert set(inputs) == {key for key in registered if key in engine.PARAMETERS}
    assert fixed and fixed < set(inputs)
    for key, item in inputs.items():
        assert item["overridden"] is False, key
        # A value the preset fixes comes from its publication, any other from the registry.
        expected = preset.source_id if key in fixed else registered[key].source_id
        assert item["source"]["id"] == expected, key
        assert item["source"]["library_url"] == f"/evidence/references/{item['source']['id']}/"
        assert item["unit"] == engine.PARAMETERS[key].unit
        money = item["unit"] == "money"
        assert (item["currency"], item["price_year"]) == (("USD", 2017) if money else ("", None))
    assert inputs["clients"]["value"] == 2100
    assert inputs["clients"]["low"] < 2100 < inputs["clients"]["high"]


def test_the_answer_is_the_scenario_the_page_computes(client, impact_registry):
    body = {
        "values": {"clients": 900, "overdose_deaths": 120, "vsl": 9_000_000},
        "options": {"death_method": "event", "valuation": "vsl", "hiv_model": "pinkerton"},
    }
    answer = post(client, body).json()
    data = {**body["values"], **body["options"]}
    expected = scenario.estimate(scenario.build(data))
    assert answer["totals"]["net"] == pytest.approx(expected.result.net)
    assert answer["totals"]["value_per_death"] == 9_000_000
    assert [c["events"] for c in answer["components"]] == pytest.approx(
        [c.events for c in expected.result.components]
    )
    assert [bar["key"] for bar in answer["tornado"]] == [bar.key for bar in expected.tornado]
    assert answer["monte_carlo"]["intervals"][0] == {
        "key": "net",
        "label": "Net savings",
        "median": pytest.approx(expected.monte_carlo.get("net").median),
        "low": pytest.approx(expected.monte_carlo.get("net").low),
        "high": pytest.approx(expected.monte_carlo.get("net").high),
    }
    inputs = by_key(answer["inputs"])
    assert inputs["clients"]["overridden"] is True and inputs["clients"]["source"] is None
    assert inputs["vsl"]["value"] == 9_000_000 and inputs["vsl"]["source"] is None
    # The same run on the calculator page: the shareable URL carries exactly these inputs.
    url = urlsplit(answer["calculator_url"])
    assert url.path == "/impact/"
    rebuilt = scenario.build(dict(parse_qsl(url.query)))
    assert rebuilt.values == scenario.build(data).values
    assert rebuilt.options == scenario.build(data).options


def test_the_intervals_and_the_tornado_are_summaries_not_draws(client, impact_registry):
    answer = post(client, {}).json()
    summary = answer["monte_carlo"]
    assert summary["draws"] == 10_000 and summary["seed"] == 20171
    keys = [i["key"] for i in summary["intervals"]]
    assert keys == ["net", "gross", "bcr", *engine.KEYS]
    for interval in summary["intervals"]:
        assert interval["low"] <= interval["median"] <= interval["high"], interval
    assert set(summary) == {"draws", "seed", "intervals"}
    swings = [abs(b["net_at_high"] - b["net_at_low"]) for b in answer["tornado"]]
    assert swings == sorted(swings, reverse=True) and swings[0] > 0
    # The same seed, the same intervals.
    assert post(client, {}).json()["monte_carlo"] == summary


def test_without_uncertainty_there_is_no_tornado_or_monte_carlo(client, impact_registry):
    answer = post(client, {"uncertainty": False}).json()
    assert answer["tornado"] is None and answer["monte_carlo"] is None
    assert answer["totals"]["gross"] > 0


def test_a_conversion_factor_moves_the_presets_money_not_yours(client, impact_registry):
    body = {
        "currency": "EUR",
        "price_year": 2025,
        "conversion": 0.9,
        "values": {"cost": 1_500_000},
        "uncertainty": False,
    }
    answer = post(client, body).json()
    inputs = by_key(answer["inputs"])
    assert (answer["currency"], answer["price_year"], answer["conversion"]) == ("EUR", 2025, 0.9)
    assert inputs["cost"]["value"] == 1_500_000 and inputs["cost"]["overridden"] is True
    assert inputs["hiv_cost"]["value"] == pytest.approx(402_000 * 0.9)
    assert (inputs["hiv_cost"]["currency"], inputs["hiv_cost"]["price_year"]) == ("EUR", 2025)
    assert inputs["hiv_cost"]["overridden"] is False
    assert inputs["clients"]["value"] == 2100  # not money


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"values": {"clients": -1}}, "body.values.clients"),
        ({"values": {"hiv_prevalence": 1.5}}, "body.values.hiv_prevalence"),  # a share over 100 %
        ({"values": {"cost": 1e13}}, "body.values.cost"),  # absurdly large
        ({"values": {"clients": "2100"}}, "body.values.clients"),  # a string is not a number
        ({"values": {"clients": True}}, "body.values.clients"),
        ({"values": {"clients": None}}, "body.values.clients"),
        ({"values": {"clients": 10**400}}, "body.values.clients"),
        ('{"values": {"clients": NaN}}', "body.values.clients"),
        ('{"values": {"clients": Infinity}}', "body.values.clients"),
        ({"values": {"colour": 1}}, "body.values.colour"),
        ({"options": {"valuation": "priceless"}}, "body.options.valuation"),
        ({"options": {"colour": "red"}}, "body.options.colour"),
        ({"options": {"valuation": "vsl"}}, "body.values.vsl"),  # no sourced value of a life
        ({"preset": "atlantis-2030"}, "body.preset"),
        ({"preset": " baltimore-2017"}, "body.preset"),
        ({"preset": ""}, "body.preset"),
        ({"currency": "eur", "conversion": 1}, "body.currency"),
        ({"currency": "EUR"}, "body.conversion"),
        ({"price_year": 2016}, "body.conversion"),
        ({"price_year": 2017.5, "conversion": 1}, "body.price_year"),
        ({"price_year": 1899, "conversion": 1}, "body.price_year"),
        ({"conversion": 0}, "body.conversion"),
        ({"conversion": 1e7}, "body.conversion"),
        ({"uncertainty": "yes"}, "body.uncertainty"),
        ({"colour": "red"}, "body.colour"),
        ("{not json", "body"),
        ("[1, 2]", "body"),
        ("", "body"),
    ],
)
def test_bad_input_is_refused_naming_the_member(client, impact_registry, body, named):
    found = problems(post(client, body))
    assert list(found) == [named], found
    assert found[named]


def test_every_problem_is_named_at_once_with_the_pages_messages(client, impact_registry):
    found = problems(
        post(
            client,
            {
                "preset": "atlantis-2030",
                "values": {"clients": -5, "sharing": 2, "vsl": 1e13},
                "options": {"valuation": "vsl"},
                "price_year": 1800,
                "conversion": 2,
            },
        )
    )
    assert set(found) == {
        "body.preset",
        "body.values.clients",
        "body.values.sharing",
        "body.values.vsl",
        "body.price_year",
    }
    for key, raw in (("clients", -5), ("sharing", 2), ("vsl", 1e13)):
        assert [found[f"body.values.{key}"]] == scenario.check_value(key, raw)[1]
    assert "baltimore-2017" in found["body.preset"]


def test_a_preset_that_values_lives_needs_the_value(client, impact_registry):
    """A preset whose valuation is a statistical life: the document asks for the value when the
    body runs that preset without choosing another valuation, as build does."""
    irwin = Preset.objects.get(slug="baltimore-2017")
    Preset.objects.create(
        slug="with-a-life",
        name="With a value of life",
        source=irwin.source,
        currency="USD",
        price_year=2017,
        options={"valuation": "vsl"},
        position=5,
    )
    valid = body_validator(client.get("/api/v1/openapi.json").json())
    cases = [
        ({"preset": "with-a-life"}, False),
        ({"preset": "with-a-life", "values": {"vsl": 1e7}}, True),
        ({"preset": "with-a-life", "options": {"valuation": "none"}}, True),
        ({"preset": "baltimore-2017"}, True),
        ({}, True),  # the first preset
        ({"options": {"valuation": "vsl"}}, False),
    ]
    for body, accepted in cases:
        assert valid.is_valid(body) is accepted, body
        response = post(client, {**body, "uncertainty": False})
        assert (response.status_code == 200) is accepted, (body, response.content)
    assert list(problems(post(client, {"preset": "with-a-life"}))) == ["body.values.vsl"]


def test_a_value_the_registry_lacks_is_asked_for(client, impact_registry):
    """An editor deleted a parameter (its preset values go with it): the document requires it,
    and the endpoint refuses a run without it instead of failing."""
    Parameter.objects.filter(key="ssti_stay").delete()
    assert not PresetValue.objects.filter(parameter__key="ssti_stay").exists()
    valid = body_validator(client.get("/api/v1/openapi.json").json())
    assert not valid.is_valid({})
    assert list(problems(post(client, {}))) == ["body.values.ssti_stay"]
    assert valid.is_valid({"values": {"ssti_stay": 4}})
    assert post(client, {"values": {"ssti_stay": 4}, "uncertainty": False}).status_code == 200


# --- the document allows exactly what is accepted ---------------------------------------------


def test_the_body_lists_every_input_with_the_bounds_build_checks(document):
    schemas = document["components"]["schemas"]
    body = schemas["ImpactIn"]
    assert body["additionalProperties"] is False
    assert body["properties"]["preset"]["enum"] == ["baltimore-2017"]
    values = schemas["ImpactValues"]
    assert values["additionalProperties"] is False and "required" not in values
    assert list(values["properties"]) == list(engine.PARAMETERS)
    for key, spec in engine.PARAMETERS.items():
        member = values["properties"][key]
        assert (member["type"], member["minimum"], member["maximum"]) == (
            "number",
            spec.minimum,
            spec.maximum,
        ), key
        assert "default" not in member
        assert scenario.check_value(key, spec.minimum)[1] == []
        assert scenario.check_value(key, spec.maximum)[1] == []
        assert scenario.check_value(key, math.nextafter(spec.minimum, -math.inf))[1], key
        assert scenario.check_value(key, math.nextafter(spec.maximum, math.inf))[1], key
    options = schemas["ImpactOptions"]
    assert options["additionalProperties"] is False
    for name, choices in engine.Options.CHOICES.items():
        assert options["properties"][name]["enum"] == [value for value, _label in choices]


def test_the_operations_document_every_status_they_answer(document):
    run = document["paths"][URL]["post"]
    assert set(run["responses"]) == {"200", "422"}
    assert run["requestBody"]["required"] is True
    assert set(document["paths"][PRESETS]["get"]["responses"]) == {"200", "422"}


@pytest.mark.parametrize("end", ["minimum", "maximum"])
def test_every_input_at_either_end_with_every_choice_of_model_is_answered(client, document, end):
    """The corners of the document: accepted, answered in strict JSON as documented."""
    valid = body_validator(document)
    values = {key: getattr(spec, end) for key, spec in engine.PARAMETERS.items()}
    choices = [[v for v, _label in c] for c in engine.Options.CHOICES.values()]
    for combo in itertools.product(*choices):
        options = dict(zip(engine.Options.CHOICES, combo, strict=True))
        body = {"values": values, "options": options, "uncertainty": end == "maximum"}
        assert valid.is_valid(body)
        response = post(client, body)
        assert response.status_code == 200, (combo, response.content)
        totals = strict_json(response)["totals"]
        assert all(v is None or math.isfinite(v) for v in totals.values()), totals


def _finite_between(spec: engine.Spec):
    return st.floats(spec.minimum, spec.maximum, allow_nan=False, allow_infinity=False)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {}, optional={key: _finite_between(spec) for key, spec in engine.PARAMETERS.items()}
    ),
    options=st.fixed_dictionaries(
        {},
        optional={
            name: st.sampled_from([v for v, _label in choices])
            for name, choices in engine.Options.CHOICES.items()
        },
    ),
)
def test_what_the_document_allows_is_answered(client, document, values, options):
    body = {"values": values, "options": options, "uncertainty": False}
    if body_validator(document).is_valid(body):
        response = post(client, body)
        assert response.status_code == 200, (body, response.content)
        strict_json(response)
    else:  # only a value of a statistical life the valuation needs is missing
        assert options.get("valuation") == "vsl" and "vsl" not in values
        assert list(problems(post(client, body))) == ["body.values.vsl"]


# --- the presets ----------------------------------------------------------------------------


def test_the_presets_list_their_values_sources_and_options(client, impact_registry):
    response = client.get(PRESETS)
    assert response.status_code == 200
    (baltimore,) = response.json()
    assert baltimore["slug"] == "baltimore-2017"
    assert baltimore["source"]["doi"] == IRWIN_DOI
    assert (baltimore["currency"], baltimore["price_year"]) == ("USD", 2017)
    assert baltimore["options"] == {
        "death_method": "area",
        "valuation": "human_capital",
        "hiv_model": "irwin",
    }
    parameters = by_key(baltimore["parameters"])
    fixed = set(
        PresetValue.objects.filter(preset__slug="baltimore-2017").values_list(
            "parameter__key", flat=True
        )
    )
    assert {k for k, p in parameters.items() if p["from_preset"]} == fixed
    assert parameters["clients"]["value"] == 2100 and parameters["clients"]["from_preset"]
    assert parameters["cost"]["currency"] == "USD" and parameters["clients"]["currency"] == ""
    pinkerton = parameters["hiv_pinkerton"]
    assert not pinkerton["from_preset"]
    assert pinkerton["source"]["id"] == Parameter.objects.get(key="hiv_pinkerton").source_id
    # What the list shows is what a run of the preset uses.
    run = by_key(post(client, {"preset": "baltimore-2017", "uncertainty": False}).json()["inputs"])
    assert {k: p["value"] for k, p in parameters.items()} == {k: i["value"] for k, i in run.items()}


def test_the_presets_answer_in_a_constant_number_of_queries(
    client, impact_registry, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert client.get(PRESETS).status_code == 200


def test_the_api_answers_in_english_whatever_the_visitors_language(client, impact_registry):
    client.cookies["language"] = "fr"
    french = {"HTTP_ACCEPT_LANGUAGE": "fr"}
    answer = post(client, {"uncertainty": False}, **french).json()
    assert by_key(answer["inputs"])["clients"]["label"] == "Unique clients a year"
    assert by_key(answer["components"])["deaths"]["label"] == "Overdose deaths"
    (preset,) = client.get(PRESETS, **french).json()
    assert by_key(preset["parameters"])["clients"]["label"] == "Unique clients a year"
    found = problems(post(client, {"values": {"clients": -1}}, **french))
    assert found == {"body.values.clients": "Must be at least 0."}
