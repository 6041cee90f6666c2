"""Properties of the S3 rule on generated histories, and S4's false-alarm rate on simulated
in-control data."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from numpy.lib.stride_tricks import sliding_window_view

from dcrnet.alerts.detection import (
    ALPHA,
    MIN_EVENTS,
    cluster_false_alarm,
    monthly_aberration,
    monthly_aberrations,
    noufaily_threshold,
)

# The NB quantile rises with φ only while φ stays below about 64·μ (found on a grid of μ from
# 0.01 to 200); beyond, the distribution is mostly zeros and its 99 % quantile falls toward 0.
PHI_PER_MU = 60

counts = st.integers(0, 60)
visits = st.integers(100, 6000)
peer_rate = st.floats(0, 0.02, allow_nan=False)
peer_phi = st.floats(1, 3, allow_nan=False)


@st.composite
def histories(draw, min_months, max_months):
    months = draw(st.integers(min_months, max_months))
    ys = draw(st.lists(counts, min_size=months, max_size=months))
    vs = draw(st.lists(visits, min_size=months, max_size=months))
    return ys, vs


def alarm_boundary(a) -> int:
    """The smallest count this month that would alarm."""
    return max(a.threshold + 1, MIN_EVENTS)


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 500), st.floats(1, 20), st.floats(0, 5))
def test_the_threshold_rises_with_the_mean_and_with_phi_below_sixty_times_the_mean(mu, phi, more):
    assert noufaily_threshold(mu + more, phi) >= noufaily_threshold(mu, phi)
    wider = min(phi + more, max(phi, PHI_PER_MU * mu))
    assert noufaily_threshold(mu, wider) >= noufaily_threshold(mu, phi)


@settings(max_examples=200, deadline=None)
@given(histories(1, 5), visits, peer_rate, peer_phi, st.data())
def test_while_phi_comes_from_the_peers_an_event_anywhere_never_lowers_the_threshold(
    history, v_t, rate, phi, data
):
    ys, vs = history
    before = monthly_aberration(ys, vs, v_t, 0, rate, phi)
    i = data.draw(st.integers(0, len(ys) - 1))
    ys = ys[:i] + [ys[i] + 1] + ys[i + 1 :]
    after = monthly_aberration(ys, vs, v_t, 0, rate, phi)
    assert after.mu >= before.mu
    assert after.threshold >= before.threshold


@settings(max_examples=200, deadline=None)
@given(histories(6, 12), visits, peer_rate)
def test_an_event_in_the_busiest_month_never_lowers_the_alarm_boundary(history, v_t, rate):
    """From six months on φ is estimated from the history. An event in the month with the highest
    rate makes the history both higher and more dispersed (μ and φ never fall), so U never falls
    while φ stays in the range where the quantile rises with it.

    Not covered, by design of the facts' method: an event in a quiet month can make the history
    look steadier and lower U; and a history so erratic that φ exceeds ~64·μ has a threshold
    that falls as φ grows."""
    ys, vs = history
    before = monthly_aberration(ys, vs, v_t, 0, rate, 1.0)
    busiest = max(range(len(ys)), key=lambda i: ys[i] / vs[i])
    ys = ys[:busiest] + [ys[busiest] + 1] + ys[busiest + 1 :]
    after = monthly_aberration(ys, vs, v_t, 0, rate, 1.0)
    assert after.mu >= before.mu
    assert after.phi >= before.phi - 1e-12
    assume(after.phi <= PHI_PER_MU * before.mu)
    assert after.threshold >= before.threshold
    assert alarm_boundary(after) >= alarm_boundary(before)


@settings(max_examples=200, deadline=None)
@given(histories(0, 14), visits, st.integers(0, MIN_EVENTS - 1), peer_rate, peer_phi)
def test_fewer_than_five_events_never_alarm(history, v_t, y_t, rate, phi):
    ys, vs = history
    a = monthly_aberration(ys, vs, v_t, y_t, rate, phi)
    assert a.alarm is False
    assert 0 <= a.p_value <= 1


@settings(max_examples=200, deadline=None)
@given(histories(0, 14), visits, st.integers(0, 200), peer_rate, peer_phi)
def test_an_alarm_is_exactly_a_count_of_five_or_more_above_the_threshold(
    history, v_t, y_t, rate, phi
):
    ys, vs = history
    a = monthly_aberration(ys, vs, v_t, y_t, rate, phi)
    assert a.alarm == (y_t > a.threshold and y_t >= MIN_EVENTS)
    if a.alarm:  # above the 99 % quantile: the tail beyond it holds at most 1 %
        assert a.p_value <= ALPHA


def test_s4_false_alarms_on_in_control_data_stay_within_the_stated_bound():
    """20,000 months of 10 independent in-control facilities (Poisson counts at a steady rate,
    the peers' rate equal to the facility's own), each month judged by S3 on its last 12 months:
    months with 2 or more alarms stay within P(Bin(10, 0.01) >= 2) = 0.43 %, allowing three
    Monte Carlo standard errors."""
    rng = np.random.default_rng(15)
    months, facilities = 20_000, 10
    alarms = np.zeros((months, facilities), dtype=bool)
    for j in range(facilities):
        v = float(rng.integers(800, 4000))
        rate = rng.uniform(0.001, 0.006)
        series = rng.poisson(rate * v, months + 12)
        window = sliding_window_view(series[:-1], 12)[:months]
        result = monthly_aberrations(window, np.full(window.shape, v), v, series[12:], rate, 1.0)
        alarms[:, j] = result["alarm"]

    bound = cluster_false_alarm(facilities, ALPHA)
    margin = 3 * np.sqrt(bound * (1 - bound) / months)
    assert (alarms.sum(axis=1) >= 2).mean() <= bound + margin
    each = 3 * np.sqrt(ALPHA * (1 - ALPHA) / months)
    assert (alarms.mean(axis=0) <= ALPHA + each).all()


anything = st.one_of(
    st.integers(-10, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=3),
    st.none(),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.integers(0, 10**9), anything), max_size=14),
    st.lists(st.one_of(st.floats(0, 1e9), anything), max_size=14),
    st.one_of(st.floats(0, 1e9), anything),
    st.one_of(st.integers(0, 10**9), anything),
    st.one_of(st.floats(0, 1), anything),
    st.one_of(st.floats(1, 1e9), anything),
)
def test_any_input_gives_a_sane_result_or_a_value_error(ys, vs, v_t, y_t, rate, phi):
    try:
        a = monthly_aberration(ys, vs, v_t, y_t, rate, phi)
    except ValueError:
        return
    assert 0 <= a.mu <= 1e9 and a.phi >= 1 and 0 <= a.p_value <= 1 and a.threshold >= 0
