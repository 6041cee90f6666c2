"""The network timeline, its filters and their refusals, an event's page, a country's timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from dcrnet.policy.models import Kind, Precision
from dcrnet.policy.selectors import PER_PAGE
from testing.xss import XSS, unsafe_markup

from .factories import make_event

pytestmark = pytest.mark.django_db


def test_the_timeline_lists_events_newest_first(client):
    make_event("DK", dt.date(2012, 6, 1), title="Danish law")
    make_event("NO", dt.date(2005, 2, 1), kind=Kind.OPENED, title="Oslo opens")
    html = client.get("/policy/").content.decode()
    assert html.index("Danish law") < html.index("Oslo opens")
    assert "Denmark" in html and "Source:" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=NO", ["Oslo opens"]),
        ("country=no", ["Oslo opens"]),
        ("kind=law", ["Danish law"]),
        ("year=2005", ["Oslo opens"]),
        ("country=DK&kind=opened", []),
    ],
)
def test_filters_narrow_the_timeline(client, query, expected):
    make_event("DK", dt.date(2012, 6, 1), title="Danish law")
    make_event("NO", dt.date(2005, 2, 1), kind=Kind.OPENED, title="Oslo opens")
    html = client.get(f"/policy/?{query}").content.decode()
    for title in ("Danish law", "Oslo opens"):
        assert (title in html) == (title in expected), (query, title)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("country=XX", "country"),
        ("country=%3Cscript%3E", "country"),
        ("country=Denmark", "country"),
        ("kind=riot", "kind"),
        ("year=twenty", "year"),
        ("year=99999", "year"),
        ("year=-1", "year"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=99999999999999999999", "page"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, query, parameter):
    make_event()
    response = client.get(f"/policy/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert f"<strong>{parameter}</strong>" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_a_page_past_the_end_is_a_404_and_pages_follow(client):
    for day in range(PER_PAGE + 1):
        make_event(date=dt.date(2000, 1, 1) + dt.timedelta(days=day), title=f"Event {day}")
    assert client.get("/policy/?page=2").status_code == 200
    assert client.get("/policy/?page=3").status_code == 404


def test_unpublished_events_are_for_editors_only(client, editor, member):
    hidden = make_event(title="Drafted ruling", published=False)
    for user, seen in ((None, False), (member, False), (editor, True)):
        client.logout()
        if user:
            client.force_login(user)
        assert ("Drafted ruling" in client.get("/policy/").content.decode()) == seen
        assert client.get(hidden.get_absolute_url()).status_code == (200 if seen else 404)
        country_page = client.get("/countries/dk/").content.decode()
        assert ("Drafted ruling" in country_page) == seen


def test_an_event_page_shows_its_date_as_precisely_as_the_source(client):
    event = make_event(date=dt.date(2003, 9, 17), precision=Precision.MONTH, kind=Kind.OPENED)
    assert event.date == dt.date(2003, 9, 1)
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<time datetime="2003-09">September 2003</time>' in html
    assert "septembre 2003" in client.get(f"/fr/policy/events/{event.pk}/").content.decode()
    assert client.get("/policy/events/99999999999999999999/").status_code == 404
    assert client.get("/policy/events/424242/").status_code == 404


def test_the_country_page_shows_its_timeline_under_the_situation(client):
    make_event("DK", dt.date(2012, 6, 1), title="Danish law")
    make_event("DK", dt.date(2012, 10, 1), kind=Kind.OPENED, title="First Danish room")
    make_event("NO", dt.date(2005, 2, 1), title="Oslo opens")
    html = client.get("/countries/dk/").content.decode()
    assert "Policy timeline" in html
    assert html.index("First Danish room") < html.index("Danish law")
    assert "Oslo opens" not in html
    assert html.index("Policy timeline") < html.index("Open facilities over time")


def test_the_country_timeline_costs_one_query(client, django_assert_max_num_queries):
    make_event("DK")
    from django.template import Context, Template

    from dcrnet.directory.models import Country

    country = Country.objects.get(code="DK")
    template = Template('{% include "policy/_country.html" %}')
    with django_assert_max_num_queries(1):
        template.render(Context({"country": country}))


def test_translated_texts_show_in_the_page_language(client):
    event = make_event(title="Law passed", summary="In June.")
    event.title_fr = "Adoption d'une loi"
    event.save()
    html = client.get("/fr/policy/").content.decode()
    assert "Adoption d&#x27;une loi" in html
    assert 'lang="en"' in html  # the summary falls back to English, marked as such


@pytest.mark.parametrize("text", XSS)
def test_hostile_texts_are_inert_on_every_page(client, editor, text):
    event = make_event(title=text, summary=text, source_title=text)
    client.force_login(editor)
    for path in ("/policy/", event.get_absolute_url(), "/countries/dk/"):
        html = client.get(path).content.decode()
        assert unsafe_markup(html) == [], (path, unsafe_markup(html))
