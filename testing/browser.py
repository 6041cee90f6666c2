"""Playwright fixtures for browser tests: headless Debian Chromium against the live test server.

Loaded for the whole suite by ``pytest_plugins`` in the root conftest.py. A browser test::

    import pytest

    from testing.browser import axe_violations

    @pytest.mark.browser
    def test_the_list_has_no_accessibility_violations(live_server, browser_page, facility):
        browser_page.goto("/facilities/")  # base_url is live_server.url
        assert axe_violations(browser_page) == []

Fixtures
    ``live_server``
        pytest-django's live server, except that on in-memory SQLite it answers one request at a
        time (see ``live_server_class``).
    ``browser_page``
        A Playwright ``Page`` (sync API) in a fresh context whose ``base_url`` is the
        ``live_server`` URL. It uses ``live_server``, so the test gets a transactional database:
        create data in the test (or its fixtures) and the server sees it.
    ``new_browser_page``
        A factory for more pages with the same recording and checks, e.g. without JavaScript:
        ``page = new_browser_page(java_script_enabled=False)``. Keyword arguments go to
        ``browser.new_context()``.
    ``chromium``
        Chromium (/usr/bin/chromium, Playwright never downloads one), one per test module.

Each page records, as plain lists you may read or clear:
    ``page.requests``         every URL the page requested;
    ``page.foreign_requests`` URLs whose host is not the live server's (data: and blob: are
                              local); they are aborted, never sent;
    ``page.csp_violations``   Content-Security-Policy violations, in Chromium's words;
    ``page.console_errors``   console errors (failed loads, CSP reports) and uncaught exceptions;
    ``page.page_errors``      uncaught JavaScript exceptions only;
    ``page.broken_assets``    local scripts, stylesheets, images and fonts that failed or gave
                              an HTTP error, and any local request answered with a 5xx.
At teardown the test fails if ``foreign_requests``, ``csp_violations``, ``page_errors`` or
``broken_assets`` is not empty (clear a list in the test when a failure is what it expects).

``axe_violations(page, context=None, *, disable=())`` runs axe-core (shipped with the
axe-playwright-python package, injected with ``page.evaluate``, which the CSP does not block)
for the WCAG 2.0, 2.1 and 2.2 A and AA rules and returns one readable line per violated rule;
``context`` limits the scan (a CSS selector or an axe context object), ``disable`` names rule ids
to skip. ``axe_passes(page, rules)`` gives the rules (ids) that had something to check and passed,
to prove a rule ran rather than found nothing to check. Mark every browser test with
``@pytest.mark.browser`` (``-m "not browser"`` skips them).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ASSET_TYPES = {"script", "stylesheet", "image", "font"}
LOCAL_SCHEMES = {"data", "blob", "about"}
TIMEOUT_MS = 15_000  # generous: the suite shares small CI machines

CSP_MESSAGE = "Content Security Policy"  # in Chromium's console message for every violation


class SingleThreadedWSGIServer(WSGIServer):
    """Django's WSGI server answering one request at a time, in the live server's own thread.

    That thread already uses the connections the test shares with it (LiveServerThread.run), and
    Django answers every request of an unthreaded server with ``Connection: close``, so a browser
    never holds the only worker on an idle kept-alive socket.
    """

    def __init__(self, *args: Any, connections_override: dict | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)


def live_server_class(connections_override: dict) -> type[WSGIServer]:
    """The server for the live server thread, given the connections the test shares with it.

    pytest-django shares the test's connection with the live server only for in-memory SQLite,
    where there is just one: a threaded server lets two requests (a page's charts fetching their
    series in parallel) use it at once and interleave their cursors. Elsewhere each request
    thread has its own connection, and parallel requests are what a browser makes.
    """
    return SingleThreadedWSGIServer if connections_override else ThreadedWSGIServer


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest, django_db_setup: None) -> Iterator[Any]:
    """pytest-django's ``live_server`` with the server class of ``live_server_class``.

    It waits for the test database: pytest-django's own fixture, being session-scoped, may start
    before it and would then miss the in-memory connection it must share (which test runs first
    decided which server the whole session got).
    """
    from pytest_django.live_server_helper import LiveServer

    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    server.thread.server_class = live_server_class(server.thread.connections_override)
    server.start()
    yield server
    server.stop()


def is_foreign(url: str, host: str) -> bool:
    """Whether a request to `url` leaves the site served at `host`."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return False
    return parts.hostname != host


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Chromium for one test module.

    Playwright's sync API leaves its event loop registered as running in this thread while it
    is open, which would break async code (``async_to_sync``) in later tests, so it is closed
    after each module. While it is open, the ORM calls tests make between page actions are still
    synchronous, so Django's guard against the ORM inside an event loop would be a false alarm.
    """
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _record(page: Any, host: str) -> None:
    page.requests = []
    page.foreign_requests = []
    page.csp_violations = []
    page.console_errors = []
    page.page_errors = []
    page.broken_assets = []

    def on_request(request) -> None:
        page.requests.append(request.url)
        if is_foreign(request.url, host):
            page.foreign_requests.append(request.url)

    def on_response(response) -> None:
        request = response.request
        server_error = response.status >= 500 and not is_foreign(request.url, host)
        if server_error or (response.status >= 400 and request.resource_type in ASSET_TYPES):
            page.broken_assets.append(f"{response.status} {request.url}")

    def on_request_failed(request) -> None:
        # ERR_ABORTED is the browser cancelling a load because the page moved on (a navigation
        # under load); a missing or failing asset answers with a status and is caught above.
        if request.failure == "net::ERR_ABORTED":
            return
        if request.resource_type in ASSET_TYPES and not is_foreign(request.url, host):
            page.broken_assets.append(f"{request.failure} {request.url}")

    def on_console(message) -> None:
        # Chromium reports CSP violations here, even when the page's JavaScript is disabled.
        if message.type == "error":
            page.console_errors.append(message.text)
            if CSP_MESSAGE in message.text:
                page.csp_violations.append(message.text)

    def on_page_error(error) -> None:
        page.page_errors.append(str(error))
        page.console_errors.append(str(error))

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)


def _problems(page: Any) -> list[str]:
    problems = []
    for label, items in (
        ("requests to another host", page.foreign_requests),
        ("Content-Security-Policy violations", page.csp_violations),
        ("uncaught JavaScript errors", page.page_errors),
        ("local assets that did not load, or server errors", page.broken_assets),
    ):
        if items:
            problems.append(f"{label}:\n  " + "\n  ".join(dict.fromkeys(items)))
    return problems


@pytest.fixture
def new_browser_page(chromium, live_server) -> Iterator[Callable[..., Any]]:
    host = urlsplit(live_server.url).hostname
    contexts, pages = [], []

    def new_page(**context_options: Any) -> Any:
        context_options.setdefault("base_url", live_server.url)
        context = chromium.new_context(**context_options)
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        context.route(lambda url: is_foreign(url, host), lambda route: route.abort())
        page = context.new_page()
        _record(page, host)
        pages.append(page)
        return page

    yield new_page
    problems = [problem for page in pages for problem in _problems(page)]
    for context in contexts:
        context.close()
    if problems:
        pytest.fail("The page(s) misbehaved:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def browser_page(new_browser_page) -> Any:
    return new_browser_page()


_axe = None


def _run_axe(page: Any, context: str | dict | None, options: dict[str, Any]) -> dict:
    global _axe
    # A test that waited for some text may look before the stylesheet has arrived (a loaded
    # machine); axe must judge the page as it is shown, so it waits for the load event first.
    page.wait_for_load_state("load")
    if _axe is None:
        from axe_playwright_python.sync_playwright import Axe

        _axe = Axe()
    return _axe.run(page, context=context, options=options).response


def axe_violations(
    page: Any, context: str | dict | None = None, *, disable: Iterable[str] = ()
) -> list[str]:
    """axe-core's WCAG 2.x A/AA violations on the page as it is now, one line per rule."""
    options: dict[str, Any] = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
    }
    if disable:
        options["rules"] = {rule: {"enabled": False} for rule in disable}
    response = _run_axe(page, context, options)
    return [_summary(violation) for violation in response["violations"]]


def axe_passes(page: Any, rules: Iterable[str]) -> set[str]:
    """Which of axe-core's `rules` found something to check on the page and passed: a rule
    with nothing to check (inapplicable) is not among them, so a test can tell both apart."""
    rules = list(rules)
    response = _run_axe(page, None, {"runOnly": {"type": "rule", "values": rules}})
    failed = {rule["id"] for key in ("violations", "incomplete") for rule in response[key]}
    return {rule["id"] for rule in response["passes"]} - failed


def _summary(violation: dict) -> str:
    nodes = violation["nodes"]
    details = "; ".join(
        f"{' '.join(map(str, node['target']))} → {_first_line(node.get('failureSummary', ''))}"
        for node in nodes[:5]
    )
    more = f" (+{len(nodes) - 5} more)" if len(nodes) > 5 else ""
    return (
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"[{len(nodes)} element(s)]: {details}{more}"
    )


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # axe's summary starts with "Fix any/all of the following:"; the reason is on the next line.
    return lines[1] if len(lines) > 1 else (lines[0] if lines else "")
