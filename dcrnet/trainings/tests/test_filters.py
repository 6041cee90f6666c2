"""The session list's filters: each narrows, the counts keep other values reachable, the month
is the session's own, pages work without JavaScript, and a bad parameter is a 400 naming it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from dcrnet.trainings.models import Format, Session, SessionStatus

from . import web
from .factories import NOW, make_session, make_training
from .web import client_for

pytestmark = pytest.mark.django_db
frozen = web.frozen

LIST = reverse("trainings:sessions")


@pytest.fixture
def sessions(db, frozen, make_facility):
    berlin = make_facility("de-berlin", country="DE", city="Berlin")
    lisbon = make_facility("pt-lisbon", country="PT", city="Lisbon")
    running = make_training("running-a-dcr")
    costs = make_training("costs", title="Cost-effectiveness")
    hidden = make_training("hidden", title="Hidden training", published=False)
    day = dt.timedelta(days=1)
    return {
        "a": make_session(running, facility=berlin, address="", language="de"),
        "b": make_session(running, facility=lisbon, address="", start=NOW + 45 * day),
        "c": make_session(
            costs, format=Format.ONLINE, address="", online_url="https://x.example/j", language="fr"
        ),
        # 1 June 2027 at 00:30 in Berlin is still May in UTC: it is a June session.
        "june": make_session(
            costs,
            facility=berlin,
            address="",
            start=dt.datetime(2027, 5, 31, 22, 30, tzinfo=dt.UTC),
        ),
        "past": make_session(running, start=NOW - 10 * day),
        "hidden": make_session(hidden),
        "cancelled": make_session(costs, status=SessionStatus.CANCELLED, start=NOW + 50 * day),
    }


def listed(response, sessions) -> set[str]:
    page = response.content.decode()
    return {name for name, session in sessions.items() if str(session.public_id) in page}


def get(query: str = ""):
    return client_for(None).get(LIST + ("?" + query if query else ""))


def test_the_list_holds_upcoming_sessions_of_published_trainings(sessions):
    response = get()
    assert response.status_code == 200
    assert listed(response, sessions) == {"a", "b", "c", "june", "cancelled"}
    assert "5 sessions" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("training=running-a-dcr", {"a", "b"}),
        ("training=costs", {"c", "june", "cancelled"}),
        ("format=online", {"c"}),
        ("format=on_site", {"a", "b", "june", "cancelled"}),
        ("language=de", {"a"}),
        ("language=DE", {"a"}),
        ("language=fr", {"c"}),
        ("country=DE", {"a", "june"}),
        ("country=pt", {"b"}),
        ("month=2027-03", {"a", "c"}),
        ("month=2027-04", {"b", "cancelled"}),
        ("month=2027-05", set()),
        ("month=2027-06", {"june"}),
        ("training=costs&country=DE", {"june"}),
        ("training=&format=&language=&country=&month=", {"a", "b", "c", "june", "cancelled"}),
        ("format=online&format=hybrid", set()),  # the last of a repeated parameter counts
        ("language=it", set()),  # a real language nobody gives a session in
    ],
)
def test_each_filter_narrows(sessions, query, expected):
    response = get(query)
    assert response.status_code == 200, response.content.decode()[:2000]
    assert listed(response, sessions) == expected


def test_a_cancelled_session_is_listed_and_says_so(sessions):
    page = get("month=2027-04").content.decode()
    assert page.count("<strong>Cancelled</strong>") == 1


def test_facet_counts_leave_the_facets_own_choice_out(sessions):
    page = get("training=costs").content.decode()
    assert "Running a drug consumption room (2)" in page  # still reachable
    assert "Cost-effectiveness (3)" in page
    assert "June 2027 (1)" in page and "March 2027 (1)" in page  # counted within costs
    assert "Germany (1)" in page and "Portugal" not in page
    assert "Remove Training: Cost-effectiveness" in page


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("training=nothing", "training"),
        ("training=hidden", "training"),
        ("format=outdoors", "format"),
        ("language=xx", "language"),
        ("language=toolongcode", "language"),
        ("country=ZZ", "country"),
        ("country=DEU", "country"),
        ("month=2027-13", "month"),
        ("month=27-03", "month"),
        ("month=March", "month"),
        ("month=1999-12", "month"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=１", "page"),
        ("page=99999999999", "page"),
        ("training=" + "x" * 300, "training"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(sessions, query, parameter):
    response = get(query)
    assert response.status_code == 400
    page = response.content.decode()
    assert f"<strong>{parameter}</strong>" in page
    assert listed(response, sessions) == set()


def test_a_control_character_is_refused(sessions):
    assert get("training=a%00b").status_code == 400


def test_pages_of_results(db, frozen):
    training = make_training()
    for hour in range(25):
        make_session(training, start=NOW + dt.timedelta(days=5, hours=hour))
    first, second = get(), get("page=2")
    assert first.status_code == second.status_code == 200
    assert 'rel="next"' in first.content.decode() and "?page=2" in first.content.decode()
    assert second.content.decode().count('class="card"') == 5
    assert get("page=3").status_code == 404


def test_the_archive_is_newest_first_and_paged(db, frozen):
    training = make_training()
    old = make_session(training, start=NOW - dt.timedelta(days=400))
    recent = make_session(training, start=NOW - dt.timedelta(days=3))
    make_session(training)  # upcoming: not in the archive
    response = client_for(None).get(reverse("trainings:past"))
    page = response.content.decode()
    first = page.index(str(recent.public_id))
    assert first < page.index(str(old.public_id))
    assert Session.objects.count() == 3 and page.count('class="card"') == 2
    bad = client_for(None).get(reverse("trainings:past") + "?page=x")
    assert bad.status_code == 400 and "<strong>page</strong>" in bad.content.decode()
    assert client_for(None).get(reverse("trainings:past") + "?page=2").status_code == 404


def queries(path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(None)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_lists_cost_the_same_queries_for_3_or_15_sessions(db, frozen, make_facility):
    """No query per session: a list of 15 costs what a list of 3 does."""
    facility = make_facility("de-berlin", country="DE", city="Berlin")
    counted = []
    for total in (3, 15):
        Session.objects.all().delete()
        training = make_training(f"t{total}", title=f"Training {total}")
        for n in range(total):
            start = NOW + dt.timedelta(days=5, hours=n)
            make_session(training, facility=facility, address="", start=start)
            make_session(training, start=NOW - dt.timedelta(days=5, hours=n))
        counted.append(
            [
                queries(LIST),
                queries(reverse("trainings:past")),
                queries(reverse("trainings:catalogue")),
            ]
        )
    assert counted[0] == counted[1]
