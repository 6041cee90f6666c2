"""The browser tests' live server: one request at a time when it shares in-memory SQLite."""

from __future__ import annotations

import socketserver
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from testing.browser import (
    SingleThreadedWSGIServer,
    ThreadedWSGIServer,
    is_foreign,
    live_server_class,
)


def test_a_server_sharing_the_tests_connection_is_single_threaded():
    assert live_server_class({"default": connection}) is SingleThreadedWSGIServer
    assert not issubclass(SingleThreadedWSGIServer, socketserver.ThreadingMixIn)


def test_a_server_with_connections_of_its_own_stays_threaded():
    assert live_server_class({}) is ThreadedWSGIServer


def in_memory_sqlite() -> bool:
    """Whether the tests run on in-memory SQLite (known once the test database is set up)."""
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def test_the_live_server_is_single_threaded_exactly_when_it_shares_in_memory_sqlite(live_server):
    shared = bool(live_server.thread.connections_override)
    threaded = isinstance(live_server.thread.httpd, socketserver.ThreadingMixIn)
    assert shared == in_memory_sqlite()
    assert threaded == (not shared)


def test_parallel_requests_that_read_the_database_all_succeed(live_server, make_facility):
    for number in range(5):
        make_facility(f"lu-parallel-{number}", name=f"Parallel {number}")

    def fetch(_):
        with urllib.request.urlopen(f"{live_server.url}/facilities/", timeout=30) as response:
            return response.status, response.headers.get("Connection"), response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(fetch, range(16)))

    assert {status for status, _, _ in answers} == {200}
    for _, _, body in answers:
        assert all(f"Parallel {n}".encode() in body for n in range(5))
    if in_memory_sqlite():
        assert {header for _, header, _ in answers} == {"close"}


@pytest.mark.parametrize(
    ("url", "foreign"),
    [
        ("http://localhost:8081/static/app.js", False),
        ("data:image/png;base64,AAAA", False),
        ("blob:http://localhost:8081/1234", False),
        ("https://fonts.example.com/font.woff2", True),
        ("http://127.0.0.1:8081/", True),
    ],
)
def test_requests_to_another_host_are_foreign(url, foreign):
    assert is_foreign(url, "localhost") is foreign
