"""Tests 61–62 against a real server: people register at the same moment, each from a process
of their own, through granian as `make serve` runs it (DEBUG off, two worker processes of many
threads), on a database the test and the server share (a file copy on SQLite, the test
database on PostgreSQL).

50 people for 20 places, twenty times: exactly 20 confirmed, 30 on the wait-list, every answer
a redirect to the session, one registration each. Then 25 people each posting twice at once:
one registration each, three times.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from dcrnet.tests.conftest import PRODUCTION_ENV, production_settings
from dcrnet.trainings.forms import RegisterForm
from dcrnet.trainings.models import Answer, Question, Registration, RegistrationStatus
from dcrnet.trainings.tests import registration_worker
from dcrnet.trainings.tests.factories import make_person, make_session

ROOT = Path(__file__).resolve().parents[3]
GRANIAN = Path(sys.executable).parent / "granian"
PEOPLE, PLACES, ROUNDS = 50, 20, 20
PAIRS, PAIR_ROUNDS = 25, 3
# The command `make serve` runs (Makefile), on a free port of the loopback.
SERVE = ["--interface", "wsgi", "--workers", "2", "--blocking-threads", "32"]
BACKEND = "django.contrib.auth.backends.ModelBackend"

pytestmark = pytest.mark.slow


def database_url() -> str:
    """The database this test writes to, as the server's DATABASE_URL."""
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    credentials = quote(params["USER"] or "") + (
        ":" + quote(params["PASSWORD"]) if params["PASSWORD"] else ""
    )
    host = params["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{params['PORT'] or 5432}/{params['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    log: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def errors(self) -> list[str]:
        """The error lines the app logged (a 500 is one, with its traceback)."""
        return [line for line in self.log.read_text().splitlines() if '"level": "ERROR"' in line]


@pytest.fixture
def server(shared_database, tmp_path):
    """granian serving the site with production's settings on the test's database (starting:
    `browsers` waits until it answers)."""
    assert GRANIAN.exists(), f"{GRANIAN} is missing: granian is in requirements.lock"
    production = production_settings()
    # Production's shared cache (rate limits, the page cache) is a table of the database.
    call_command("createcachetable", production["CACHES"]["default"]["LOCATION"], verbosity=0)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "PYTEST_CURRENT_TEST"}}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        PRODUCTION_ENV,
        DATABASE_URL=database_url(),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
    )
    log = tmp_path / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(GRANIAN), *SERVE, "--host", "127.0.0.1", "--port", str(port)]
            + ["--log-level", "warning", "dcrnet.wsgi:application"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield Server(port, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        finally:  # and any worker process of its own it left behind
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


def wait_until_up(server: Server, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.alive(), server.log.read_text()[-3000:]
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/healthz", timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"granian did not answer in {seconds} s:\n{server.log.read_text()[-3000:]}")


class Browsers:
    """PEOPLE processes, each posting one form per round, all released by one barrier."""

    def __init__(self, port: int):
        context = multiprocessing.get_context("spawn")
        self.barrier = context.Barrier(PEOPLE)
        self.results = context.Queue()
        self.tasks = [context.Queue() for _ in range(PEOPLE)]
        self.processes = [
            context.Process(
                target=registration_worker.serve,
                args=(index, port, self.tasks[index], self.results, self.barrier),
                daemon=True,
            )
            for index in range(PEOPLE)
        ]
        for process in self.processes:
            process.start()
        self.rounds = 0

    def post(self, path: str, forms: list[tuple[dict, dict]]) -> list[tuple[int | str, str]]:
        """Every browser posts (cookies, form) to path at once: [(status, Location)], in order."""
        assert len(forms) == PEOPLE
        self.rounds += 1
        for tasks, (cookies, form) in zip(self.tasks, forms, strict=True):
            tasks.put((self.rounds, path, cookies, form))
        answers = {}
        for _ in range(PEOPLE):
            index, number, status, location = self.results.get(timeout=300)
            assert number == self.rounds
            answers[index] = (status, location)
        return [answers[index] for index in range(PEOPLE)]

    def close(self) -> None:
        for tasks in self.tasks:
            tasks.put(None)
        for process in self.processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
                process.join(timeout=10)


@pytest.fixture
def browsers(server):
    started = Browsers(server.port)  # while the server starts
    try:
        wait_until_up(server)
        yield started
    finally:
        started.close()


@dataclass
class Person:
    cookies: dict[str, str]  # what their browser sends: the session and the CSRF cookie
    token: str  # the CSRF token of their form


def signed_in(count: int, settings) -> list[Person]:
    """`count` people with a verified address, each signed in in a browser of their own.

    Their sessions are signed with production's key, the one the server reads them with.
    """
    settings.SECRET_KEY = PRODUCTION_ENV["SECRET_KEY"]
    production = production_settings()
    people = []
    with transaction.atomic():  # one commit, not a dozen per person
        for number in range(count):
            client = Client()
            client.force_login(make_person(f"person{number}"), backend=BACKEND)
            token = get_random_string(32)
            cookies = {
                production["SESSION_COOKIE_NAME"]: client.session.session_key,
                production["CSRF_COOKIE_NAME"]: token,
            }
            people.append(Person(cookies, token))
    return people


def registration_round(browsers: Browsers, people: list[Person]):
    """A new session of PLACES places with a required question, and every browser posting its
    person's registration to it at the same moment."""
    start = timezone.now() + dt.timedelta(days=30)
    session = make_session(start=start, capacity=PLACES)
    question = Question.objects.create(session=session, text="Your role", required=True)
    path = reverse("trainings:register", kwargs={"public_id": session.public_id})
    [answer] = RegisterForm(questions=[question]).fields  # the form's name for its field
    forms = [
        (person.cookies, {"csrfmiddlewaretoken": person.token, answer: "nurse"})
        for person in people
    ]
    return session, browsers.post(path, forms)


def check(browsers: Browsers, people: list[Person], registered: int, label: str) -> None:
    session, answers = registration_round(browsers, people)
    rows = Registration.objects.filter(session=session)
    # Every answer is the redirect to the session's page: no error, no refusal, no lost request.
    page = session.get_absolute_url()
    assert [answer for answer in answers if answer != (302, page)] == [], label
    assert rows.count() == registered == rows.values("user").distinct().count(), label
    assert Counter(rows.values_list("status", flat=True)) == {
        RegistrationStatus.CONFIRMED: PLACES,
        RegistrationStatus.WAITLISTED: registered - PLACES,
    }, label
    assert Answer.objects.filter(registration__session=session).count() == registered, label


def test_people_registering_at_the_same_moment_get_the_places_once(server, browsers, settings):
    """Twenty rounds of 50 people for 20 places; then 25 of them each posting twice at once.

    One test, one server: two at a time (pytest -n) could take 128 PostgreSQL connections.
    """
    people = signed_in(PEOPLE, settings)
    for number in range(1, ROUNDS + 1):
        check(browsers, people, PEOPLE, f"{PEOPLE} people at once, round {number}")
    twice = [person for person in people[:PAIRS] for _ in range(2)]  # browsers 2k, 2k+1: one
    for number in range(1, PAIR_ROUNDS + 1):
        check(browsers, twice, PAIRS, f"{PAIRS} people twice at once, round {number}")
    assert server.alive()
    assert server.errors() == []
