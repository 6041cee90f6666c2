"""The peer page and the facility dashboard's peer section, for the public and for reporters."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dcrnet.community.models import Role

URL = "/data/peers/"


@pytest.fixture
def peer_reporter(django_user_model, peers):
    """The reporter of the facility with 30 overdoses per 10,000 visits (above the 95 % limit)."""
    from conftest import _user

    user = _user(django_user_model, "peer-reporter@example.org", Role.REPORTER, mfa=True)
    peers[-1].reporters.add(user)
    return user


def test_the_public_sees_the_plot_with_unnamed_points_and_its_table(client, peers):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and 'id="peers-funnel-table"' in html
    assert html.count("<circle") == 5 + 1  # five facilities and the legend's dot
    assert html.count("(unnamed)</th>") == 5
    assert "Secret Peer" not in html
    assert "Your facility" not in html
    assert "above the 95 % limit" in html  # positions in the table, without names


def test_other_facilities_figures_are_rounded_in_the_table(client, make_facility, add_month):
    for number, visits in enumerate([12_345, 23_456, 34_567, 45_678, 56_789], start=1):
        add_month(make_facility(f"lu-r-{number}"), visits=visits, overdoses=50 + number)
    html = client.get(URL).content.decode()
    assert "12,000" in html and "57,000" in html
    assert "12,345" not in html and "56,789" not in html


def test_a_group_of_fewer_than_five_shows_nothing_and_says_why(
    client, peers, make_facility, add_month
):
    for number in range(3):
        add_month(make_facility(f"ca-{number}", country="CA"), visits=9_000, overdoses=40)
    response = client.get(URL, {"group": "country:CA"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" not in html and "peers-funnel-table" not in html
    assert "Fewer than 5 facilities of this group" in html


def test_a_point_with_a_count_from_one_to_four_is_not_drawn(
    client, peers, make_facility, add_month
):
    add_month(make_facility("lu-tiny", name="Tiny"), visits=2_000, overdoses=3)
    html = client.get(URL).content.decode()
    assert html.count("(unnamed)</th>") == 5
    assert "1 facility with a count from 1 to 4 is not drawn" in html


def test_a_reporter_sees_their_facility_highlighted_with_its_position_in_words(
    client, peer_reporter
):
    client.force_login(peer_reporter)
    html = client.get(URL).content.decode()
    assert "Secret Peer 5" in html
    assert "Your facility" in html
    assert "3.00 (30 over 10,000), above the 95 % limit" in html
    assert html.count("(unnamed)</th>") == 4
    for number in range(1, 5):
        assert f"Secret Peer {number}" not in html


def test_the_synthetic_data_is_marked(client, make_facility, add_month):
    for number in range(5):
        add_month(
            make_facility(f"lu-s-{number}"), synthetic=True, visits=9_000, overdoses=30 + number
        )
    assert "synthetic demonstration data" in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"rate": "deaths"}, "Rate"),
        ({"group": "country:ZZ"}, "Compare within"),
        ({"group": "size:9"}, "Compare within"),
        ({"period": "1999"}, "Period"),
        ({"period": "9" * 40}, "Period"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, peers, query, field):
    response = client.get(URL, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'">{field}</a>:' in html
    assert "<svg" not in html


def test_every_rate_and_a_past_year_answer(client, peers):
    for rate in ["overdoses", "naloxone", "emergency_calls", "referrals", "visits_per_client"]:
        assert client.get(URL, {"rate": rate}).status_code == 200
    assert client.get(URL, {"period": "2001"}).status_code == 400  # no data that year


def test_the_facility_dashboard_links_to_the_peers_without_positions_for_the_public(client, peers):
    html = client.get(f"/data/facilities/{peers[-1].public_id}/").content.decode()
    assert "Compared with peer facilities" in html
    assert 'href="/data/peers/"' in html
    assert "above the 95 % limit" not in html


def test_the_facility_dashboard_shows_its_reporter_where_it_stands(client, peer_reporter, peers):
    client.force_login(peer_reporter)
    html = client.get(f"/data/facilities/{peers[-1].public_id}/").content.decode()
    assert "above the 95 % limit" in html
    assert "not shown: fewer than 5 facilities" in html  # its size third has 1 facility
    assert "/data/peers/?rate=overdoses&amp;group=country%3ALU&amp;period=12m" in html
    # Not on another facility's dashboard.
    html = client.get(f"/data/facilities/{peers[0].public_id}/").content.decode()
    assert "above the 95 % limit" not in html


def queries(client, url: str) -> int:
    cache.clear()  # what a first visitor costs
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_pages_use_a_fixed_number_of_queries(client, peer_reporter, make_facility, add_month):
    urls = [URL, f"{URL}?group=size:1", "/data/facilities/lu-peer-5/"]
    client.force_login(peer_reporter)
    before = [queries(client, url) for url in urls]
    for number in range(12):
        facility = make_facility(f"de-more-{number}", country="DE")
        add_month(facility, visits=5_000 + number, overdoses=20, unique_clients=900, referrals=40)
    assert [queries(client, url) for url in urls] == before
