"""One person's browser for test_live_registrations: a separate process that posts a form.

Started once per test (multiprocessing, spawn) and reused for every round. Each round it gets a
task (path, cookies, form), opens its connection to the live server, waits at the barrier that
all the browsers share, so that every request leaves at the same moment, sends its POST and puts
(index, round, status, Location) on the results queue; a refused connection or a timeout is
reported as the status text instead. The standard library only: no Django in these processes.
"""

from __future__ import annotations

import http.client
from urllib.parse import urlencode

HOST = "127.0.0.1"
TIMEOUT = 120


def serve(index: int, port: int, tasks, results, barrier) -> None:
    """Run tasks until None comes: (round, path, cookies {name: value}, form {name: value})."""
    while (task := tasks.get()) is not None:
        number, path, cookies, form = task
        results.put((index, number, *post(port, path, cookies, form, barrier)))


def post(port: int, path: str, cookies: dict, form: dict, barrier) -> tuple[int | str, str]:
    connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    body = urlencode(form)
    headers = {
        "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://{HOST}:{port}",
        "Accept": "text/html",
    }
    try:
        connection.connect()
        barrier.wait(timeout=TIMEOUT)
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location") or ""
    except Exception as error:  # noqa: BLE001 - the test fails on it, with this text
        return f"{type(error).__name__}: {error}", ""
    finally:
        connection.close()
