import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.directory.models import Country, Highlight

pytestmark = pytest.mark.django_db


def test_the_list_filters_by_country_and_route(client, make_facility):
    make_facility("lu-abrigado", name="Abrigado", routes={"injecting": 10, "smoking": 5})
    make_facility(
        "no-oslo", name="Sprøyterommet", country="NO", city="Oslo", routes={"injecting": 6}
    )
    make_facility("de-birkenstube", name="Birkenstube", country="DE", routes={"smoking": 3})

    body = client.get("/facilities/?country=NO").content.decode()
    assert "Sprøyterommet" in body and "Abrigado" not in body

    body = client.get("/facilities/?route=smoking").content.decode()
    assert "Abrigado" in body and "Birkenstube" in body and "Sprøyterommet" not in body

    body = client.get("/facilities/?q=oslo").content.decode()
    assert "Sprøyterommet" in body and "Birkenstube" not in body


def test_bad_filters_get_a_message_naming_the_field_not_an_error(client, facility):
    response = client.get("/facilities/?country=ZZ&route=teleport&page=abc&sort=nonsense")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Country:" in body and "Route of use:" in body and "Sort by:" in body
    assert "Abrigado" in body  # the valid part of the query still lists


def test_htmx_gets_only_the_results_fragment(client, facility):
    response = client.get("/facilities/?country=LU", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results"')
    assert "<html" not in body


def test_the_list_sorts_and_paginates(client, make_facility):
    for i in range(30):
        make_facility(f"f-{i:02d}", name=f"Facility {i:02d}", routes=None)
    first = client.get("/facilities/?sort=-name").content.decode()
    assert "Facility 29" in first and "Facility 00" not in first
    second = client.get("/facilities/?sort=-name&page=2").content.decode()
    assert "Facility 00" in second and "Page 2 of 2" in second


@pytest.mark.parametrize("url", ["/facilities/", "/countries/", "/countries/lu/", "/"])
def test_queries_do_not_grow_with_the_number_of_facilities(
    client, make_facility, django_assert_max_num_queries, url
):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    make_facility("lu-1", routes={"injecting": 1})
    make_facility("lu-2", routes={"smoking": 1})
    few = count_queries()
    for i in range(3, 23):
        make_facility(
            f"lu-{i}", routes={"injecting": i, "oral": None}, since=dt.date(2000 + i, 1, 1)
        )
    assert count_queries() == few


def test_the_facility_page_shows_profile_history_and_sources(client, facility):
    from dcrnet.directory.models import SnapshotRoute
    from dcrnet.directory.services import record_snapshot

    newer = record_snapshot(facility, dt.date(2025, 1, 1), source="DCR survey 2025")
    SnapshotRoute.objects.create(snapshot=newer, route="injecting", places=12)
    body = client.get("/facilities/lu-abrigado/").content.decode()
    assert "DCR survey 2025" in body
    assert "Removed: Smoking / inhaling" in body
    assert "Changed: Injecting: 10 → 12" in body
    assert "Status history" in body


def test_an_unpublished_or_unknown_facility_is_404(client, facility):
    facility.published = False
    facility.save()
    assert client.get("/facilities/lu-abrigado/").status_code == 404
    assert client.get("/facilities/nope/").status_code == 404


def test_the_country_page_renders_markdown_safely_with_its_source(client, facility):
    Country.objects.filter(code="LU").update(
        legal_basis="Law of **2001**. <script>alert(1)</script>",
        source_title="INDCR country page",
        source_url="https://example.org/lu",
        as_of=dt.date(2015, 9, 1),
    )
    body = client.get("/countries/lu/").content.decode()
    assert "<strong>2001</strong>" in body
    assert "<script>alert" not in body
    assert "INDCR country page" in body and "September 2015" in body
    assert '<table id="country-chart-table">' in body


def test_the_home_page_shows_this_months_highlight_and_counts(client, facility):
    from django.utils import timezone

    Highlight.objects.create(month=timezone.localdate(), facility=facility, text="Since **2005**.")
    body = client.get("/").content.decode()
    assert "Since <strong>2005</strong>." in body
    # one open facility: the figure in the singular (or, before plural forms, the plural)
    assert re.search(r"<strong>1</strong> open facilit(y|ies) in the directory", body)


def test_the_highlight_archive_lists_past_months(client, facility):
    Highlight.objects.create(month=dt.date(2020, 3, 1), facility=facility, text="March")
    body = client.get("/highlights/").content.decode()
    assert "March 2020" in body
    assert client.get("/highlights/2020/3/").status_code == 200
    assert client.get("/highlights/2020/13/").status_code == 404


def test_pagination_links_keep_the_filters_through_djangos_querystring_tag(client, make_facility):
    from pathlib import Path

    from dcrnet.lib import templatetags

    for i in range(30):
        make_facility(f"f-{i:02d}", name=f"Facility {i:02d}", routes=None)
    body = client.get("/facilities/?sort=-name&q=facility&page=1").content.decode()
    assert 'href="?sort=-name&amp;q=facility&amp;page=2" rel="next"' in body
    # One way to build a query string: Django's own tag; the custom one is gone everywhere.
    assert "query_with" not in templatetags.register.tags
    root = Path(templatetags.__file__).resolve().parent.parent
    assert not [p for p in root.rglob("*.html") if "query_with" in p.read_text()]


HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "url",
    [
        f"/highlights/{HUGE}/1/",
        f"/highlights/2020/{HUGE}/",
        f"/highlights/{HUGE}{HUGE}/{HUGE}/",
        "/highlights/0/1/",
        "/highlights/10000/1/",
        "/highlights/2020/0/",
        "/countries/" + "x" * 300 + "/",
        "/facilities/" + "x" * 300 + "/",
    ],
)
def test_an_impossible_path_is_a_404_not_a_server_error(client, facility, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("code", ["%00", "l%00", "lu%00"])
def test_a_country_code_with_a_nul_never_reaches_the_database(client, facility, code):
    from dcrnet.directory import selectors

    assert client.get(f"/countries/{code}/").status_code == 400  # lib.middleware names it
    with pytest.raises(Country.DoesNotExist):  # and the selector alone would not query it
        selectors.country(code.replace("%00", "\x00"))


PAGES_WITH_FILTERS = ["/facilities/", "/map/", "/map/facilities.json", "/data/facilities.csv"]


@pytest.mark.parametrize("url", PAGES_WITH_FILTERS)
@pytest.mark.parametrize(
    "query",
    [
        f"page={HUGE}",
        "page=-1",
        "page=%00",
        "page=²",
        "country=%00",
        "country=l%00",
        "status=%00",
        "sort=%00",
        "q=%00",
        "q=" + "%F0%9F%92%89" * 200,
        "country=LU&country=%00",
    ],
)
def test_a_hostile_query_value_is_named_or_ignored_never_a_server_error(
    client, facility, url, query
):
    # 400: lib.middleware refused a control character; 422: the filters named a bad value.
    assert client.get(f"{url}?{query}").status_code in (200, 400, 422)


printable_or_not = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    url=st.sampled_from(PAGES_WITH_FILTERS),
    name=st.sampled_from(["country", "status", "route", "model", "service", "q", "sort", "page"]),
    value=printable_or_not,
)
def test_no_filter_value_gives_a_server_error_on_any_directory_page(
    client, facility, url, name, value
):
    assert client.get(url, {name: value}).status_code in (200, 400, 422)


@pytest.mark.parametrize("n", [2, 20])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/highlights/", 1),  # highlights with facility and country
        ("/map/facilities.json", 1),  # facilities with their country
        # This month's highlight, then the rotation's candidates (none scheduled this month),
        # and the past highlights with facility and country.
        ("/api/v1/highlights", 3),
    ],
)
def test_lists_take_the_same_queries_for_2_or_20_items(
    client, make_facility, django_assert_num_queries, url, queries, n
):
    from django.utils import timezone

    for i in range(n):
        facility = make_facility(f"f-{i:02d}", country=["LU", "DE", "NO"][i % 3])
        month = timezone.localdate().replace(day=1, year=2000 + i)
        Highlight.objects.create(month=month, facility=facility, text="x")
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_the_map_and_download_links_carry_the_valid_filters_of_the_list(client, make_facility):
    make_facility("lu-abrigado", name="Abrigado")
    make_facility("no-oslo", name="Oslo", country="NO", city="Oslo")
    html = client.get("/facilities/?country=no&status=bogus&page=1").content.decode()
    for url in ("/map/", "/data/facilities.csv", "/data/facilities.json"):
        assert f'href="{url}?country=NO"' in html, url
    rows = client.get("/data/facilities.csv?country=NO").content.decode().splitlines()
    assert len(rows) == 2 and "no-oslo" in rows[1]
    fragment = client.get("/facilities/?route=injecting", headers={"HX-Request": "true"})
    assert 'href="/data/facilities.csv?route=injecting"' in fragment.content.decode()


# --- Sources, what is not reported, and old facts on the facility page ---------------------


def test_the_facility_page_names_the_source_of_its_identity_with_the_date_read(
    client, make_facility
):
    make_facility(
        "lu-abrigado",
        name="Abrigado",
        source="National register",
        source_url="https://example.org/register",
        source_accessed=dt.date(2026, 11, 2),
    )
    html = client.get("/facilities/lu-abrigado/").content.decode()
    assert "Source of its name, operator, city and location:" in html
    link = '<a href="https://example.org/register" rel="noopener noreferrer">National register</a>'
    assert f"{link}, read on 2 November 2026" in html
    make_facility("lu-other")
    html = client.get("/facilities/lu-other/").content.decode()
    assert "No source is recorded for its name, operator, city and location." in html


def not_reported(html: str) -> list[str]:
    section = re.search(r'<section aria-labelledby="missing-h">(.*?)</section>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", section.group(1)) if section else []


def test_the_facility_page_lists_the_facts_no_source_gives(client, facility):
    html = client.get("/facilities/lu-abrigado/").content.decode()
    # Routes with their places and a service are reported; the rest is not.
    assert not_reported(html) == [
        "Operator",
        "Website",
        "Opening hours",
        "Admission criteria",
        "Minimum age",
    ]
    assert "There is no profile of this facility" not in html


def test_a_route_without_its_places_is_reported_as_missing_places(client, make_facility):
    make_facility(
        "lu-x", operator="CNDS", website="https://cnds.lu/", routes={"injecting": 4, "oral": None}
    )
    assert "Places per route" in not_reported(client.get("/facilities/lu-x/").content.decode())


def test_a_facility_without_a_profile_says_so_in_plain_words(client, make_facility):
    make_facility("lu-x", operator="CNDS", routes=None)
    html = client.get("/facilities/lu-x/").content.decode()
    assert not_reported(html) == ["Website"]
    assert "There is no profile of this facility: no source we have gives its routes" in html


def test_nothing_missing_means_no_not_reported_section(client, make_facility):
    from dcrnet.directory.models import OpeningHours, SnapshotCriterion

    facility = make_facility(
        "lu-x", operator="CNDS", website="https://cnds.lu/", routes={"injecting": 4}
    )
    snapshot = facility.current_snapshot
    snapshot.minimum_age = 18
    snapshot.save()
    SnapshotCriterion.objects.create(snapshot=snapshot, criterion="contract")
    OpeningHours.objects.create(snapshot=snapshot, weekday=0, opens=dt.time(9), closes=dt.time(17))
    html = client.get("/facilities/lu-x/").content.decode()
    assert 'id="missing-h"' not in html


def test_old_facts_get_a_notice_with_the_month_of_the_newest(client, make_facility):
    from django.utils import timezone

    today = timezone.localdate()
    old = today.replace(year=today.year - 3, day=1) - dt.timedelta(days=1)
    make_facility("lu-old", since=old.replace(day=1), routes=None)
    html = client.get("/facilities/lu-old/").content.decode()
    month = old.strftime("%B %Y")
    assert (
        f"Our newest source on this facility dates from {month}: it may have changed since." in html
    )


def test_a_recent_status_or_snapshot_means_no_notice(client, make_facility):
    from django.utils import timezone

    from dcrnet.directory.services import record_snapshot

    today = timezone.localdate()
    recent = today.replace(year=today.year - 3)  # exactly three years: not more
    make_facility("lu-recent", since=recent, routes=None)
    snapshotted = make_facility("lu-snap", since=dt.date(2001, 1, 1), routes=None)
    record_snapshot(snapshotted, today - dt.timedelta(days=30), source="Survey")
    for public_id in ("lu-recent", "lu-snap"):
        html = client.get(f"/facilities/{public_id}/").content.decode()
        assert "Our newest source on this facility" not in html, public_id


# --- The country page ----------------------------------------------------------------------


def count_in_row(html: str, label_pattern: str) -> int:
    match = re.search(label_pattern + r"\s*</th><td>(\d+)</td>", html)
    assert match, label_pattern
    return int(match.group(1))


def test_the_country_page_counts_facilities_by_status_and_route(client, make_facility):
    make_facility("lu-1", routes={"injecting": 10, "smoking": 5})
    make_facility("lu-2", routes={"injecting": 4})
    make_facility("lu-3", status="suspended", routes={"smoking": None})
    make_facility("lu-4", status="closed", routes=None)
    make_facility("lu-5", status="planned", routes={})  # a profile without routes
    make_facility("lu-hidden", published=False, routes={"oral": 1})
    make_facility("de-1", country="DE", routes={"oral": 1})
    html = client.get("/countries/lu/").content.decode()
    assert count_in_row(html, r'status-open">Open</span>') == 2
    assert count_in_row(html, r'status-suspended">Suspended</span>') == 1
    assert count_in_row(html, r'status-closed">Closed</span>') == 1
    assert count_in_row(html, r'status-planned">Planned</span>') == 1
    assert count_in_row(html, r'<th scope="row">Injecting') == 2
    assert count_in_row(html, r'<th scope="row">Smoking / inhaling') == 2
    assert count_in_row(html, r'<th scope="row">Oral') == 0  # the unpublished one is not counted
    assert count_in_row(html, r'<th scope="row">Routes not reported') == 2
    assert "<caption>By current status</caption>" in html


def test_the_country_page_gives_the_open_counts_as_a_table(client, make_facility):
    make_facility("lu-1", since=dt.date(2005, 7, 1))
    make_facility("lu-2", since=dt.date(2010, 1, 1))
    html = client.get("/countries/lu/").content.decode()
    assert "<tr><td>2005</td><td>1</td></tr>" in html
    assert "<tr><td>2010</td><td>2</td></tr>" in html


def test_a_country_without_a_legal_description_says_it_is_not_described(client, facility):
    html = client.get("/countries/lu/").content.decode()
    assert 'id="legal-h"' in html and "Not described yet" in html
    assert "No source is recorded" not in html  # nothing described, no source to miss
    Country.objects.filter(code="LU").update(legal_basis="The law of **2001**.")
    html = client.get("/countries/lu/").content.decode()
    assert "<strong>2001</strong>" in html and "Not described yet" not in html
    assert "No source is recorded for this description." in html
    Country.objects.filter(code="LU").update(
        source_title="EUDA country drug report", source_url="https://example.org/lu"
    )
    html = client.get("/countries/lu/").content.decode()
    assert (
        '<a href="https://example.org/lu" rel="noopener noreferrer">EUDA country drug report</a>'
        in html
    )


# --- The admin -----------------------------------------------------------------------------


def test_the_admin_edits_the_identity_source_and_shows_when_sources_were_read(
    client, superuser, facility
):
    client.force_login(superuser)
    html = client.get(f"/admin/directory/facility/{facility.pk}/change/").content.decode()
    for name in ("source", "source_url", "source_accessed"):
        assert f'name="{name}"' in html, name
    assert 'name="status_changes-0-source_accessed"' in html
    snapshot = facility.current_snapshot
    html = client.get("/admin/directory/profilesnapshot/").content.decode()
    assert "column-source_accessed" in html
    html = client.get(f"/admin/directory/profilesnapshot/{snapshot.pk}/change/").content.decode()
    assert 'name="source_accessed"' in html
