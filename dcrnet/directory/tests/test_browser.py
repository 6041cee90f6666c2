"""The directory in Chromium: map, filters with and without JavaScript, accessibility, privacy."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from dcrnet.directory.models import Facility
from testing.browser import axe_violations

from .sample_site import load_site

pytestmark = pytest.mark.browser

PANE = "#map .leaflet-marker-pane"
MARKERS = f"{PANE} a[href]"  # one link per facility
CLUSTERS = f"{PANE} [data-facilities]"  # a button standing for nearby facilities; it zooms in
ON_MAP = f"{MARKERS}, {CLUSTERS}"
ROWS = "#results tbody tr"


@pytest.fixture
def site(make_facility):
    """The small sample: quick to load for tests of one behaviour."""
    return load_site(make_facility, demo=False)


@pytest.fixture
def demo(make_facility):
    """The demo data, when its loader exists: every real page, for whole-site checks."""
    return load_site(make_facility)


def public_urls(**filters) -> set[str]:
    facilities = Facility.objects.public().filtered(**filters)
    return {facility.get_absolute_url() for facility in facilities}


def public_ids(**filters) -> set[str]:
    return set(Facility.objects.public().filtered(**filters).values_list("public_id", flat=True))


def on_the_map(page) -> list[str]:
    """The facilities the map shows, each as its own marker or inside a cluster."""
    return page.locator(ON_MAP).evaluate_all(
        """els => els.flatMap(e => e.dataset.facilities
                 ? e.dataset.facilities.split(" ")
                 : [e.pathname.split("/").at(-2)])"""
    )


def open_map(page, url: str = "/map/", **filters) -> None:
    page.goto(url)
    count = len(public_ids(**filters))
    page.wait_for_function(
        """([selector, count]) => {
             const els = document.querySelectorAll(selector);
             return [...els].reduce((n, e) => n + (e.dataset.facilities
                 ? e.dataset.facilities.split(" ").length : 1), 0) === count;
           }""",
        arg=[ON_MAP, count],
    )
    expect(page.locator("#map path").first).to_be_attached()  # the basemap


def settle(page) -> None:
    """Wait until the page's scripts have fetched what they need (map data, basemap, charts)."""
    page.wait_for_load_state("networkidle")


def shown_urls(page) -> set[str]:
    return set(
        page.locator(f"{ROWS} td:first-child a").evaluate_all("as => as.map(a => a.pathname)")
    )


def a_country_that_narrows_the_list() -> str:
    total = Facility.objects.public().count()
    for facility in Facility.objects.public().select_related("country").order_by("public_id"):
        code = facility.country.code.code
        if len(public_urls(country=code)) < total:
            return code
    raise AssertionError("the test data needs facilities in two countries")


def a_route_that_narrows_the_list() -> str:
    total = Facility.objects.public().count()
    for route in ("smoking", "snorting", "oral", "injecting"):
        if 0 < len(public_urls(route=route)) < total:
            return route
    raise AssertionError("the test data needs a route that some facilities do not offer")


def test_the_map_shows_every_facility_once_and_a_cluster_opens_apart(browser_page, demo):
    # One test for both: each loads the whole demo, the slowest part of it.
    open_map(browser_page, demo.map)

    shown = on_the_map(browser_page)
    assert sorted(shown) == sorted(public_ids())
    hrefs = browser_page.locator(MARKERS).evaluate_all("as => as.map(a => a.pathname)")
    assert set(hrefs) <= public_urls()
    names = browser_page.locator(ON_MAP).evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || e.textContent)"
    )
    assert all(name.strip() for name in names), "every marker needs an accessible name"

    assert browser_page.locator(CLUSTERS).count(), "the demo has facilities close enough to cluster"
    cluster = browser_page.locator(CLUSTERS).first
    members = cluster.get_attribute("data-facilities").split()

    cluster.click()

    # Zoomed in: the members now stand apart, as links or as smaller clusters.
    browser_page.wait_for_function(
        """([selector, members]) => {
             const els = [...document.querySelectorAll(selector)];
             const ids = e => e.dataset.facilities
                 ? e.dataset.facilities.split(" ") : [e.pathname.split("/").at(-2)];
             const holding = els.filter(e => ids(e).some(id => members.includes(id)));
             return holding.length > 1;
           }""",
        arg=[ON_MAP, members],
    )
    assert sorted(on_the_map(browser_page)) == sorted(public_ids())


def test_a_click_on_a_marker_opens_the_facility_page(browser_page, site):
    open_map(browser_page, site.map)
    for _ in range(10):  # with every facility in a cluster, zoom in until one stands alone
        if browser_page.locator(MARKERS).count():
            break
        browser_page.locator(CLUSTERS).first.click()
    marker = browser_page.locator(MARKERS).first
    href = marker.evaluate("a => a.pathname")

    marker.click()

    expect(browser_page).to_have_url(re.compile(re.escape(href) + "$"))
    facility = Facility.objects.get(public_id=href.strip("/").split("/")[-1])
    expect(browser_page.locator("h1")).to_have_text(facility.name)


def test_the_markers_are_reached_and_opened_with_the_keyboard(browser_page, site):
    open_map(browser_page, site.map)
    browser_page.locator("body").focus()
    in_pane = (
        "() => { const e = document.activeElement; return !!e.closest('.leaflet-marker-pane'); }"
    )

    for _ in range(80):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate(in_pane):
            break
    else:
        pytest.fail("no map marker was reached with Tab")
    for _ in range(10):  # Enter on a cluster zooms in and keeps the focus on its first facility
        href = browser_page.evaluate("() => document.activeElement.pathname || null")
        if href:
            break
        browser_page.keyboard.press("Enter")
        browser_page.wait_for_function(in_pane)
    browser_page.keyboard.press("Enter")

    expect(browser_page).to_have_url(re.compile(re.escape(href) + "$"))


def test_the_map_applies_the_list_filters(browser_page, site):
    code = a_country_that_narrows_the_list()

    open_map(browser_page, f"{site.map}?country={code}", country=code)

    assert sorted(on_the_map(browser_page)) == sorted(public_ids(country=code))


@pytest.mark.parametrize(
    ("field", "choose"),
    [("country", a_country_that_narrows_the_list), ("route", a_route_that_narrows_the_list)],
)
def test_the_list_filters_without_javascript(new_browser_page, site, field, choose):
    page = new_browser_page(java_script_enabled=False)
    value = choose()
    page.goto(site.list)
    before = shown_urls(page)

    page.select_option(f"#id_{field}", value)
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query)[field] == [value]
    expected = public_urls(**{field: value})
    assert shown_urls(page) == expected
    assert shown_urls(page) != before


@pytest.mark.parametrize(
    ("field", "choose"),
    [("country", a_country_that_narrows_the_list), ("route", a_route_that_narrows_the_list)],
)
def test_the_list_filters_in_place_with_javascript(browser_page, site, field, choose):
    value = choose()
    browser_page.goto(site.list)
    browser_page.wait_for_function("() => window.htmx !== undefined")
    browser_page.evaluate("() => { window.stillThisDocument = true; }")
    expected = public_urls(**{field: value})

    browser_page.select_option(f"#id_{field}", value)

    expect(browser_page).to_have_url(re.compile(rf"[?&]{field}={value}(&|$)"))
    expect(browser_page.locator(ROWS)).to_have_count(len(expected))
    assert shown_urls(browser_page) == expected
    assert browser_page.evaluate("() => window.stillThisDocument === true"), "page was reloaded"
    expect(browser_page.locator("[id=results]")).to_have_count(1)
    assert axe_violations(browser_page) == []


def test_no_page_has_accessibility_violations_or_asks_another_host(browser_page, demo):
    # One visit of every page for both checks: the demo is slow to load.
    found = {}
    for name, url in demo.pages().items():
        if name == "map":
            open_map(browser_page, url)
        else:
            browser_page.goto(url)
        settle(browser_page)
        violations = axe_violations(browser_page)
        if violations:
            found[f"{name} {url}"] = violations
    assert not found, "\n".join(
        f"{page}:\n  " + "\n  ".join(violations) for page, violations in found.items()
    )

    requested = {urlsplit(url).path for url in browser_page.requests}
    assert browser_page.foreign_requests == []
    assert browser_page.broken_assets == []
    assert {
        "/static/css/site.css",
        "/static/vendor/htmx/htmx.min.js",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/world-atlas/countries-110m.json",
        "/map/facilities.json",
    } <= requested


def test_the_request_guard_catches_a_request_to_another_host(browser_page, site):
    browser_page.goto(site.about)

    browser_page.evaluate(
        """() => { const img = document.createElement("img");
                   img.alt = ""; img.src = "https://cdn.example.com/pixel.png";
                   document.body.append(img); }"""
    )
    settle(browser_page)

    assert browser_page.foreign_requests == ["https://cdn.example.com/pixel.png"]
    assert any("img-src" in v for v in browser_page.csp_violations)
    browser_page.foreign_requests.clear()  # expected here; any other page would fail teardown
    browser_page.csp_violations.clear()


def test_the_guard_sees_csp_violations_with_javascript_disabled(new_browser_page, live_server):
    page = new_browser_page(java_script_enabled=False)
    page.route(
        "**/csp-probe/",
        lambda route: route.fulfill(
            headers={"Content-Security-Policy": "style-src 'self'"},
            content_type="text/html",
            body='<!doctype html><title>probe</title><p style="color: red">inline</p>',
        ),
    )

    page.goto("/csp-probe/")

    assert any("style-src" in violation for violation in page.csp_violations)
    page.csp_violations.clear()
