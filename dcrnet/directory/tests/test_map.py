"""The map page, its JSON points and the chart partial, through the Django test client."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """Collects what a page loads, its inline code and the attributes of chosen elements."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []
        self.inline_scripts: list[str] = []
        self.style_attributes: list[str] = []
        self.by_id: dict[str, dict[str, str | None]] = {}
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.by_id[attributes["id"]] = attributes
        if "style" in attributes:
            self.style_attributes.append(tag)
        if tag == "script":
            self._in_script = True
            if attributes.get("src"):
                self.assets.append(attributes["src"])
        elif tag == "link" and attributes.get("rel") in ("stylesheet", "icon", "preload"):
            self.assets.append(attributes["href"])
        elif tag in ("img", "source", "iframe") and attributes.get("src"):
            self.assets.append(attributes["src"])
        for name in ("data-world-url", "data-facilities-url", "data-src"):
            if attributes.get(name):
                self.assets.append(attributes[name])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def _parse(response) -> _Page:
    assert response.status_code == 200
    page = _Page()
    page.feed(response.content.decode())
    return page


def _is_local(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")


def _static(url: str, name: str) -> bool:
    """Whether url serves static file `name`, hashed by the manifest storage or not."""
    stem, dot, ext = name.rpartition(".")
    return url.startswith(f"/static/{stem}.") and url.endswith(f".{ext}")


def _loads(page: _Page, name: str) -> bool:
    return any(_static(url, name) for url in page.assets)


def test_the_map_page_loads_only_local_assets(client, facility):
    page = _parse(client.get("/map/"))
    assert page.assets, "the map page loads nothing?"
    assert all(_is_local(url) for url in page.assets), page.assets
    assert _loads(page, "vendor/leaflet/leaflet.js")
    assert _loads(page, "vendor/leaflet/leaflet.css")
    assert _loads(page, "vendor/topojson-client/topojson-client.min.js")
    assert _loads(page, "js/map.js")
    assert _static(page.by_id["map"]["data-world-url"], "vendor/world-atlas/countries-110m.json")


def test_the_map_page_has_no_inline_script_or_style(client, facility):
    page = _parse(client.get("/map/"))
    assert page.inline_scripts == []
    assert page.style_attributes == []


def test_the_map_page_lists_the_facilities_for_readers_without_javascript(client, facility):
    response = client.get("/map/")
    html = response.content.decode()
    assert 'class="map-list"' in html
    assert f'<a href="{facility.get_absolute_url()}">Abrigado</a>' in html


def test_the_list_and_the_markers_follow_the_same_filters(client, facility, make_facility):
    make_facility("es-madrid-dave", name="DAVE", country="ES", city="Madrid", status="closed")
    response = client.get("/map/?country=ES")
    page = _parse(response)
    html = response.content.decode()
    assert "DAVE" in html
    assert "Abrigado" not in html
    assert page.by_id["map"]["data-facilities-url"] == "/map/facilities.json?country=ES"


def test_invalid_filters_are_named_and_left_out_of_the_map(client, facility):
    response = client.get("/map/?country=ZZ&status=open")
    page = _parse(response)
    assert b"Country: &#x27;ZZ&#x27; is not an ISO 3166-1 alpha-2 country code" in response.content
    assert page.by_id["map"]["data-facilities-url"] == "/map/facilities.json?status=open"
    assert b"Abrigado" in response.content


def test_the_map_page_offers_no_tile_layer_by_default(client, facility, settings):
    settings.MAP_TILE_URL = ""
    page = _parse(client.get("/map/"))
    assert page.by_id["map"]["data-tile-url"] == ""


def test_a_configured_tile_layer_is_passed_to_the_map(client, facility, settings):
    settings.MAP_TILE_URL = "/tiles/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© OpenStreetMap contributors"
    page = _parse(client.get("/map/"))
    assert page.by_id["map"]["data-tile-url"] == "/tiles/{z}/{x}/{y}.png"
    assert page.by_id["map"]["data-tile-attribution"] == "© OpenStreetMap contributors"


def test_the_map_page_query_count_does_not_grow_with_facilities(client, make_facility):
    make_facility("lu-one", routes={"injecting": 1})

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/map/").status_code == 200
        return len(queries)

    few = count()
    for i in range(5):
        make_facility(f"lu-more-{i}", routes={"smoking": 2})
    assert count() == few


def test_map_data_gives_the_approximate_point_by_default(client, make_facility):
    make_facility(
        "lu-hidden",
        latitude=Decimal("49.61"),
        longitude=Decimal("6.13"),
        address="Route de Thionville 1",
        exact_latitude=Decimal("49.5987"),
        exact_longitude=Decimal("6.1345"),
    )
    (point,) = client.get("/map/facilities.json").json()["facilities"]
    assert (point["lat"], point["lon"], point["exact"]) == (49.61, 6.13, False)
    assert "Thionville" not in client.get("/map/facilities.json").content.decode()


def test_map_data_gives_the_exact_point_when_the_operator_publishes_it(client, make_facility):
    make_facility(
        "lu-public",
        latitude=Decimal("49.61"),
        longitude=Decimal("6.13"),
        publish_exact_location=True,
        exact_latitude=Decimal("49.5987"),
        exact_longitude=Decimal("6.1345"),
    )
    (point,) = client.get("/map/facilities.json").json()["facilities"]
    assert (point["lat"], point["lon"], point["exact"]) == (49.5987, 6.1345, True)


def test_map_data_gives_what_a_marker_needs(client, facility):
    (point,) = client.get("/map/facilities.json").json()["facilities"]
    assert point == {
        "id": "lu-abrigado",
        "name": "Abrigado",
        "city": "Luxembourg",
        "country": "Luxembourg",
        "status": "open",
        "status_label": "Open",
        "url": "/facilities/lu-abrigado/",
        "lat": 49.61,
        "lon": 6.13,
        "exact": False,
    }


def test_map_data_leaves_out_unpublished_facilities(client, facility, make_facility):
    make_facility("lu-draft", published=False)
    ids = [p["id"] for p in client.get("/map/facilities.json").json()["facilities"]]
    assert ids == ["lu-abrigado"]


def test_map_data_names_a_bad_filter(client, facility):
    response = client.get("/map/facilities.json?status=bogus")
    assert response.status_code == 422
    assert response.json() == client.get("/api/v1/facilities?status=bogus").json()


def test_the_country_chart_reads_its_table_with_local_scripts(client, facility):
    page = _parse(client.get("/countries/lu/"))
    assert all(_is_local(url) for url in page.assets), page.assets
    assert _loads(page, "vendor/uplot/uPlot.iife.min.js")
    assert _loads(page, "vendor/uplot/uPlot.min.css")
    assert _loads(page, "js/charts.js")
    chart = page.by_id["country-chart"]
    assert chart["data-chart"] == "line"
    assert "hidden" in chart
    assert chart["data-table"] in page.by_id
    assert page.inline_scripts == []
