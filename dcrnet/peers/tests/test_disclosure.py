"""Disclosure control of the peer plots, as properties tried on random groups (hypothesis): in
public never a named point, never a group of fewer than 5, never a point with a count of 1 to 4,
never a row in order of rate; the plot and its table as rendered hold no other facility's name."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from dcrnet.lib.disclosure import is_small
from dcrnet.peers import selectors
from dcrnet.peers.selectors import MIN_FACILITIES, RATES, Unit, compare_units, view_for
from dcrnet.peers.views import plot_context


def name(pk: int) -> str:
    return f"Hidden House {pk} zq"


@st.composite
def groups(draw):
    rate = draw(st.sampled_from(RATES))
    count = draw(st.integers(0, 14))
    made = []
    for pk in range(1, count + 1):
        exposure = draw(st.integers(1, 400))
        top = exposure if rate.kind == "proportion" else 3 * exposure
        made.append(Unit(pk, "LU", draw(st.integers(0, top)), exposure))
    own_ids = draw(st.sets(st.integers(1, 16), max_size=2))
    return rate, made, {pk: name(pk) for pk in own_ids}


def render(rate, view) -> str:
    span = selectors.period("2024")
    context = plot_context(rate, "All facilities in the network", span, view)
    return render_to_string("peers/_plot.html", {**context, "period": span})


@settings(max_examples=60, deadline=None)
@given(groups())
def test_the_public_never_sees_a_name_a_small_group_or_a_small_count(case):
    rate, made, _own = case
    with translation.override("en"):
        view = view_for(compare_units(rate, made), {})
        html = render(rate, view)
    by_id = {u.facility_id: u for u in made}
    if len(made) < MIN_FACILITIES:
        assert not view.shown and view.points == ()
        assert "<svg" not in html and "<table" not in html
    for point in view.points:
        assert not point.own and point.name == "" and point.observed is None
    drawn = [p.facility_id for p in view.comparison.points]
    shown_units = [
        by_id[pk]
        for pk in drawn
        if not (is_small(by_id[pk].observed) or is_small(by_id[pk].exposure))
    ]
    assert len(view.points) == len(shown_units)
    assert view.hidden == len(drawn) - len(shown_units)
    for unit in made:
        assert name(unit.facility_id) not in html
    sizes = [p.size for p in view.points]
    assert sizes == sorted(sizes)  # by size: never a ranking by rate


@settings(max_examples=40, deadline=None)
@given(groups())
def test_a_reporter_sees_only_their_own_facility_named(case):
    rate, made, own = case
    with translation.override("en"):
        view = view_for(compare_units(rate, made), own)
        html = render(rate, view)
    in_group = {u.facility_id for u in made}
    for point in view.points:
        assert point.own == bool(point.name)
    if view.shown:
        assert {p.name for p in view.own} == {own[pk] for pk in own if pk in in_group}
    else:
        assert view.points == ()
    for unit in made:
        if unit.facility_id not in own or not view.shown:
            assert name(unit.facility_id) not in html
