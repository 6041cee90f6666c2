"""The peer selectors on small cases worked out by hand, with the facts file's golden limits."""

from __future__ import annotations

import datetime as dt

import pytest

from dcrnet.peers import funnel, selectors
from dcrnet.peers.selectors import (
    FEW_EVENTS,
    NO_DATA,
    NO_SPREAD,
    OK,
    RATE_BY_CODE,
    TOO_FEW,
    Group,
    Reported,
    Unit,
    compare_units,
    units,
    view_for,
)

from .conftest import MONTH

OVERDOSES = RATE_BY_CODE["overdoses"]
NALOXONE = RATE_BY_CODE["naloxone"]
REFERRALS = RATE_BY_CODE["referrals"]


def group(observed: list[int], exposure: list[int]) -> list[Unit]:
    return [
        Unit(pk, "LU", o, x) for pk, (o, x) in enumerate(zip(observed, exposure, strict=True), 1)
    ]


def test_a_ratio_funnel_has_the_golden_poisson_limits_for_twenty_expected():
    # 100 overdoses in 50,000 visits: 2 per 1,000, so E = 20 for a facility of 10,000 visits.
    result = compare_units(OVERDOSES, group([10, 15, 20, 25, 30], [10_000] * 5))
    assert result.status == OK
    assert result.target == pytest.approx(2.0)
    # Facts file: O/E 95 % 0.5603–1.4373, 99.8 % 0.3585–1.7357; times 2 per 1,000 visits.
    lower998, lower95, upper95, upper998 = result.points[0].limits
    assert (round(lower95, 3), round(upper95, 3)) == (1.121, 2.875)
    assert (round(lower998, 3), round(upper998, 3)) == (0.717, 3.471)
    assert [p.value for p in result.points] == [1.0, 1.5, 2.0, 2.5, 3.0]
    assert [p.position for p in result.points] == [
        funnel.BELOW_95,
        funnel.WITHIN,
        funnel.WITHIN,
        funnel.WITHIN,
        funnel.ABOVE_95,
    ]
    assert not result.overdispersion.applied  # fewer than 10 facilities


def test_a_proportion_funnel_has_the_golden_binomial_limits_for_a_fifth_of_fifty():
    result = compare_units(NALOXONE, group([4, 8, 10, 12, 16], [50] * 5))
    assert result.target == pytest.approx(0.2)
    lower998, lower95, upper95, upper998 = result.points[0].limits
    assert (round(lower95, 6), round(upper95, 6)) == (0.084405, 0.307094)
    assert (round(lower998, 6), round(upper998, 6)) == (0.034776, 0.379144)
    assert result.points[0].position == funnel.BELOW_95
    assert result.points[-1].position == funnel.ABOVE_95
    assert [p.small for p in result.points] == [True, False, False, False, False]


def test_the_curve_runs_from_the_smallest_facility_to_the_largest_with_nested_limits():
    result = compare_units(
        OVERDOSES, group([5, 20, 40, 90, 200], [2_000, 9_000, 20_000, 41_000, 88_000])
    )
    sizes = [row[0] for row in result.curve]
    assert sizes[0] == pytest.approx(2_000) and sizes[-1] == pytest.approx(88_000)
    assert sizes == sorted(sizes)
    for _size, lower998, lower95, upper95, upper998 in result.curve:
        assert 0 <= lower998 <= lower95 <= result.target <= upper95 <= upper998
    # The band narrows as facilities grow.
    assert result.curve[-1][4] - result.curve[-1][1] < result.curve[0][4] - result.curve[0][1]


def test_overdispersion_widens_the_limits_from_ten_facilities():
    observed = [10, 60, 15, 70, 20, 80, 25, 5, 90, 30]
    exposure = [10_000] * 10
    result = compare_units(OVERDOSES, group(observed, exposure))
    assert result.overdispersion.applied and result.overdispersion.units == 10
    exact = funnel.poisson_ratio_limits(result.target / 1000 * 10_000)
    scale = result.target
    assert result.points[0].limits[2] > exact.upper95 * scale
    nine = compare_units(OVERDOSES, group(observed[:9], exposure[:9]))
    assert not nine.overdispersion.applied


def test_points_are_in_order_of_size_never_of_rate():
    result = compare_units(
        OVERDOSES, group([90, 5, 40, 20, 200], [41_000, 2_000, 20_000, 9_000, 88_000])
    )
    assert [p.exposure for p in result.points] == [2_000, 9_000, 20_000, 41_000, 88_000]


@pytest.mark.parametrize(
    ("observed", "exposure", "status"),
    [
        ([], [], NO_DATA),
        ([10, 10, 10, 10], [100] * 4, TOO_FEW),
        ([1, 0, 1, 0, 1], [100] * 5, FEW_EVENTS),
        ([0] * 5, [100] * 5, NO_SPREAD),
    ],
)
def test_a_group_with_nothing_to_show_says_why(observed, exposure, status):
    result = compare_units(OVERDOSES, group(observed, exposure))
    assert result.status == status
    assert result.points == () and result.curve == ()


def test_every_overdose_with_naloxone_leaves_nothing_to_compare():
    assert compare_units(NALOXONE, group([9] * 5, [9] * 5)).status == NO_SPREAD


def test_a_rate_counts_only_the_months_with_both_figures_and_adds_up_breakdowns():
    jan, feb, mar = dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 3, 1)
    facility = Reported(
        7,
        "LU",
        {
            "referrals": {jan: 3 + 4, feb: 5, mar: 9},
            "unique_clients": {jan: 100, feb: 120},
            "visits": {jan: 900},
        },
        False,
    )
    assert units(REFERRALS, [facility]) == [Unit(7, "LU", 12, 220)]
    assert units(OVERDOSES, [facility]) == []  # no overdoses reported


def test_size_thirds_split_facilities_by_their_visits():
    facilities = [
        Reported(pk, "LU", {"visits": {MONTH: visits}}, False)
        for pk, visits in [(1, 60), (2, 10), (3, 50), (4, 20), (5, 40), (6, 30), (7, 0)]
    ]
    thirds = selectors.size_thirds(facilities)
    assert thirds == {2: "1", 4: "1", 6: "2", 5: "2", 3: "3", 1: "3"}


def test_a_viewer_sees_their_own_facility_named_and_others_unnamed():
    result = compare_units(NALOXONE, group([4, 8, 10, 12, 16], [50] * 5))
    view = view_for(result, {5: "Ours"})
    assert [p.name for p in view.points] == ["", "", "", "Ours"]  # the one with 4 is not drawn
    assert view.hidden == 1
    (own,) = view.own
    assert (own.observed, own.exposure, own.position) == (16, 50, funnel.ABOVE_95)
    assert all(p.observed is None for p in view.points if not p.own)


def test_a_viewers_own_small_count_is_drawn_for_them_only():
    result = compare_units(NALOXONE, group([4, 8, 10, 12, 16], [50] * 5))
    assert view_for(result, {1: "Ours"}).own[0].observed == 4
    assert view_for(result, {}).hidden == 1


def test_a_reporter_whose_facilities_are_elsewhere_is_told():
    result = compare_units(OVERDOSES, group([10, 15, 20, 25, 30], [10_000] * 5))
    assert view_for(result, {99: "Elsewhere"}).own_outside
    assert not view_for(result, {}).own_outside


def test_groups_parse_only_what_the_form_offers():
    assert Group.parse("network") == Group("network")
    assert Group.parse("country:LU") == Group("country", "LU")
    assert Group.parse("size:3") == Group("size", "3")
    for bad in ["", "network:x", "country:lux", "country:lu", "size:4", "planet:earth"]:
        assert Group.parse(bad) is None


def test_the_last_twelve_months_end_with_the_last_complete_month():
    span = selectors.period(selectors.LAST_12, today=dt.date(2026, 3, 15))
    assert (span.start, span.end) == (dt.date(2025, 3, 1), dt.date(2026, 2, 1))
    year = selectors.period("2024")
    assert (year.start, year.end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 1))


# --- from the database ----------------------------------------------------------------------


def test_a_comparison_reads_published_facilities_of_the_group_in_the_period(
    peers, make_facility, add_month
):
    hidden = make_facility("lu-draft", name="Draft", published=False)
    add_month(hidden, visits=10_000, overdoses=500)
    add_month(peers[0], month=dt.date(2001, 1, 1), visits=10_000, overdoses=500)  # outside
    abroad = make_facility("ca-far", country="CA", name="Far")
    add_month(abroad, visits=10_000, overdoses=20)
    span = selectors.period(selectors.LAST_12)

    lu = selectors.comparison(OVERDOSES, Group("country", "LU"), span)
    assert (lu.status, lu.facilities, lu.observed, lu.exposure) == (OK, 5, 100, 50_000)
    network = selectors.comparison(OVERDOSES, Group("network"), span)
    assert (network.facilities, network.observed) == (6, 120)
    assert selectors.comparison(OVERDOSES, Group("country", "CA"), span).status == TOO_FEW


def test_a_size_third_holds_the_facilities_of_that_size(make_facility, add_month):
    for number in range(15):
        facility = make_facility(f"lu-size-{number}")
        add_month(facility, visits=1_000 * (number + 1), overdoses=5 + number)
    span = selectors.period(selectors.LAST_12)
    smallest = selectors.comparison(OVERDOSES, Group("size", "1"), span)
    assert smallest.facilities == 5
    assert [p.exposure for p in smallest.points] == [1_000, 2_000, 3_000, 4_000, 5_000]


def test_a_facility_gets_its_position_in_each_of_its_groups(peers):
    rows = selectors.facility_positions(peers[-1], selectors.period(selectors.LAST_12))
    by_rate = {rate.code: cells for rate, cells in rows}
    network, country, size = by_rate["overdoses"]
    assert (network.status, network.position) == (OK, funnel.ABOVE_95)
    assert country.group == Group("country", "LU") and country.position == funnel.ABOVE_95
    # The five split into thirds of 2, 2 and 1 facilities: too few to show.
    assert size.status == TOO_FEW
    assert all(cell.status == NO_DATA for cell in by_rate["referrals"])


def test_a_share_above_one_is_left_out_rather_than_drawn():
    facility = Reported(3, "LU", {"naloxone": {MONTH: 9}, "overdoses": {MONTH: 4}}, False)
    assert units(NALOXONE, [facility]) == []
