"""The estimator's pages: the calculator, errors per field, the report, the CSV, the registry."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pytest
from django.utils.html import escape

from dcrnet.impact import charts, engine
from dcrnet.impact.models import Parameter

pytestmark = pytest.mark.django_db

# Irwin et al. 2017's Baltimore figures, at the precision the paper prints.
GOLDEN = ["3.68", "21.2", "374", "5.95", "108.2", "26.8", "121.4"]


def text(response) -> str:
    return response.content.decode()


def result_region(html: str) -> str:
    start = html.index('<section id="result"')
    return html[start : html.index("</section>", start)]


def error_of(html: str, name: str) -> str:
    match = re.search(rf'<div id="{name}-error" class="field-error"[^>]*>(.*?)</div>', html, re.S)
    assert match, f"no error slot for {name}"
    return match.group(1)


def test_with_no_query_it_shows_the_first_presets_result(client, impact_registry):
    response = client.get("/impact/")

    assert response.status_code == 200
    html = text(response)
    region = result_region(html)
    for figure in GOLDEN:
        assert f">{figure} <span" in region, figure
    assert "USD 503,869" in region  # the value of one death averted, as published
    assert "Human capital" in region  # which valuation is in use
    assert "Syringe circulation model" in region  # which HIV model is in use
    assert region.count('role="img"') == 2  # the tornado chart and the histogram
    assert '<title id="tornado-chart-title">' in region
    assert 'class="stack tornado"' in region and 'class="stack intervals"' in region


def test_every_input_shows_its_preset_value_and_source(client, impact_registry):
    html = text(client.get("/impact/"))

    irwin = Parameter.objects.get(key="clients").source
    assert f'<a href="{irwin.get_absolute_url()}">Irwin et al. 2017</a>' in html
    for key in engine.PARAMETERS:
        assert f'name="{key}"' in html, key
        assert f'aria-describedby="{key}-hint {key}-error"' in html, key
    assert "preset value 2,100" in html


@pytest.mark.parametrize(
    ("field", "given", "message"),
    [
        ("clients", "abc", "Must be a number"),
        ("clients", "-5", "Must be at least 0"),
        ("clients", "1e20", "Must be at most"),
        ("hiv_prevalence", "1.5", "A share lies between 0 and 1"),
        ("hiv_prevalence", "150", "A share lies between 0 and 1"),
        ("cost", "1,800,000", "Must be a number"),
        ("pwid", "0", "Must be at least 1"),
        ("currency", "dollars", "three-letter currency code"),
        ("price_year", "17", "A year between"),
        ("conversion", "0", "A number above 0"),
        ("death_method", "both", "Choose one of"),
        ("preset", "atlantis-2099", "Unknown preset"),
    ],
)
def test_bad_input_gets_a_message_on_its_field(client, impact_registry, field, given, message):
    response = client.get("/impact/", {field: given})

    assert response.status_code == 200
    html = text(response)
    assert message in error_of(html, field)
    summary = html[html.index('id="error-summary"') : html.index('<div class="impact-page">')]
    assert message in summary
    assert re.search(r'<a href="#id_[a-z_]+">', summary)
    assert "No result yet" in result_region(html)


def test_a_field_in_error_keeps_what_was_typed_and_is_marked_invalid(client, impact_registry):
    html = text(client.get("/impact/", {"clients": "lots", "pwid": "30000"}))

    field = re.search(r'<input[^>]*id="id_clients"[^>]*>', html).group(0)
    assert 'value="lots"' in field and 'aria-invalid="true"' in field
    assert 'value="30000"' in html
    assert '<a href="#id_clients">Unique clients a year</a>' in html


def test_every_error_is_reported_at_once(client, impact_registry):
    html = text(client.get("/impact/", {"clients": "x", "sharing": "2", "currency": "1"}))

    for name in ("clients", "sharing", "currency"):
        assert "errorlist" in error_of(html, name), name


@pytest.mark.parametrize(
    "given",
    ["nan", "inf", "-inf", "1e309", "9" * 400, "١٢٣", "0x10", " ", "1_000", "½", "<b>1</b>"],
)
def test_absurd_input_never_breaks_the_page(client, impact_registry, given):
    for field in ("clients", "sharing", "cost", "price_year", "conversion", "hiv_model"):
        response = client.get("/impact/", {field: given})
        assert response.status_code in (200, 302), (field, given)
        assert "<b>1</b>" not in text(response)


def test_the_valuation_by_statistical_life_asks_for_its_value(client, impact_registry):
    html = text(client.get("/impact/", {"valuation": "vsl"}))
    assert "Enter a value of a statistical life" in error_of(html, "vsl")

    html = text(client.get("/impact/", {"valuation": "vsl", "vsl": "10000000"}, follow=True))
    assert "USD 10,000,000" in result_region(html)
    assert "Value of a statistical life" in result_region(html)


def test_the_hiv_model_in_use_is_named_and_changes_the_result(client, impact_registry):
    region = result_region(text(client.get("/impact/", {"hiv_model": "pinkerton"}, follow=True)))

    assert "Pinkerton 2011: his published estimate for Insite" in region
    assert ">5.5 <span" in region  # Pinkerton's 5–6 a year, not the circulation model's 3.68
    assert "Pinkerton&#x27;s threshold" in region
    assert ">4.48</td>" in region  # break-even: USD 1.8 M ÷ USD 402,000 lifetime cost


def test_a_currency_needs_the_conversion_factor(client, impact_registry):
    html = text(client.get("/impact/", {"currency": "EUR", "price_year": "2024"}))
    assert "no exchange rates are built in" in error_of(html, "conversion")

    given = {"currency": "EUR", "price_year": "2024", "conversion": "0.9"}
    region = result_region(text(client.get("/impact/", given, follow=True)))
    assert "amounts in EUR of 2024" in region
    assert "EUR 1,620,000" in region  # the preset's USD 1.8 M operating cost × 0.9


def test_a_submitted_form_is_sent_to_the_short_shareable_address(client, impact_registry):
    form = dict.fromkeys(engine.PARAMETERS, "")
    form.update(preset="baltimore-2017", clients="3000", currency="", death_method="area")

    response = client.get("/impact/", form)

    assert response.status_code == 302
    assert response["Location"] == "/impact/?preset=baltimore-2017&clients=3000"


def test_the_share_link_gives_the_same_result(client, impact_registry):
    html = text(client.get("/impact/?preset=baltimore-2017&clients=3000"))
    link = re.search(r'<a href="([^"]+)" id="share-link">', html).group(1).replace("&amp;", "&")
    shared = client.get(link)

    assert shared.status_code == 200
    assert result_region(text(shared)) == result_region(html)
    assert dict(parse_qsl(urlsplit(link).query)) == {
        "preset": "baltimore-2017",
        "clients": "3000",
    }
    assert 'value="3000"' in text(shared)


def test_more_clients_avert_more_infections(client, impact_registry):
    def net(html: str) -> str:
        return re.search(r"Net savings</th><td[^>]*>([^<]+)</td>", html).group(1)

    base = text(client.get("/impact/"))
    more = text(client.get("/impact/?preset=baltimore-2017&clients=4200"))
    assert net(base) != net(more)
    assert ">7.36 <span" in result_region(more)  # HIV infections double with the clients


def test_an_htmx_update_sends_the_result_and_the_error_slots(client, impact_registry):
    response = client.get(
        "/impact/", {"clients": "3000", "cost": ""}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    html = text(response)
    assert html.startswith('<section id="result"')
    assert "<html" not in html
    assert response["HX-Push-Url"] == "/impact/?preset=baltimore-2017&clients=3000"
    assert 'id="clients-error" class="field-error" hx-swap-oob="true"></div>' in html
    assert 'id="result-status" hx-swap-oob="innerHTML">Result updated: net savings USD' in html


def test_an_htmx_update_with_an_error_fills_its_slot_and_the_summary(client, impact_registry):
    response = client.get("/impact/", {"clients": "x"}, headers={"HX-Request": "true"})

    html = text(response)
    assert response.status_code == 200
    assert "HX-Push-Url" not in response
    assert "Must be a number" in error_of(html, "clients")
    assert '<div id="error-summary" hx-swap-oob="true">' in html
    assert "The inputs have 1 error." in html


def test_the_report_has_the_result_every_input_and_no_form(client, impact_registry):
    response = client.get("/impact/report/", {"clients": "3000"})

    assert response.status_code == 200
    html = text(response)
    assert "<form" not in html[html.index("<main") :]
    assert "doi:10.1186/s12954-017-0153-2" in html
    assert "your input" in html  # the clients figure given
    assert "http://127.0.0.1:8000/impact/?preset=baltimore-2017&amp;clients=3000" in html


def test_a_report_of_an_invalid_scenario_names_the_field(client, impact_registry):
    response = client.get("/impact/report/", {"sharing": "2"})

    assert response.status_code == 400
    assert "Share of injections with a used syringe: A share lies between 0 and 1" in text(response)


def csv_rows(response) -> list[dict]:
    lines = [line for line in response.content.decode().splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def test_the_csv_holds_inputs_outputs_and_intervals(client, impact_registry):
    response = client.get("/impact/data.csv", {"clients": "2100", "wage": "30000"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    by = {(r["section"], r["key"]): r for r in rows}
    assert by[("input", "wage")]["value"] == "30000.0"
    assert by[("input", "wage")]["source_or_formula"] == "your input"
    assert by[("input", "clients")]["source_or_formula"].startswith("Irwin et al. 2017 https://doi")
    assert by[("input", "cost")]["currency"] == "USD"
    assert round(float(by[("component", "hiv")]["value"]), 2) == 3.68
    assert round(float(by[("component", "ambulance")]["value"]), 1) == 108.2
    net = by[("total", "net")]
    assert float(net["interval_low"]) < float(net["median"]) < float(net["interval_high"])
    assert {r["key"] for r in rows if r["section"] == "input"} == set(
        engine.needed(engine.Options())
    )


def test_an_invalid_csv_request_is_a_400_naming_the_field(client, impact_registry):
    response = client.get("/impact/data.csv", {"hiv_prevalence": "120"})

    assert response.status_code == 400
    assert text(response).startswith("hiv_prevalence: A share lies between 0 and 1")


def test_the_registry_page_lists_every_parameter_and_preset(client, impact_registry):
    response = client.get("/impact/parameters/")

    assert response.status_code == 200
    html = text(response)
    for param in Parameter.objects.all():
        assert f'id="parameter-{param.key}"' in html
        assert escape(param.note) in html
    assert "Baltimore 2017" in html
    assert 'href="/impact/?preset=baltimore-2017"' in html
    assert "<code>vsl</code>" in html  # asked for, not sourced


def test_the_pages_say_so_when_no_preset_is_loaded(client, db):
    html = text(client.get("/impact/"))
    assert "No preset is loaded yet." in html
    assert client.get("/impact/parameters/").status_code == 200


# --- the charts ------------------------------------------------------------------------------


def test_nice_ticks_cover_the_range_in_round_steps():
    ticks = charts.nice_ticks(-1_234_567, 8_765_432)

    assert ticks[0] <= -1_234_567 and ticks[-1] >= 8_765_432
    steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1 and steps.pop() in {1e6, 2e6, 5e6}


def test_the_tornado_is_an_image_with_a_title_and_one_bar_per_end():
    rows = [charts.TornadoRow("<script>", 1e6, 3e6), charts.TornadoRow("B & C", 2.5e6, 1.5e6)]

    svg = charts.tornado(rows, 2e6, title="Tornado", axis_label="Net", chart_id="t")

    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert 'role="img"' in svg and '<title id="t-title">Tornado</title>' in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "B &amp; C" in svg
    assert svg.count('height="14"') == 4


def test_the_histogram_marks_the_median_and_the_interval():
    draws = np.random.default_rng(1).normal(5e6, 1e6, 10_000)

    svg = charts.histogram(
        draws, median=5e6, interval=(3e6, 7e6), title="Draws", axis_label="Net", chart_id="h"
    )

    assert 'role="img"' in svg and ">median</text>" in svg
    assert svg.count('stroke-dasharray="4 3"') == 2
    assert "(millions)" in svg
