"""Golden figures of the facts file (§2, §6) and the input contract of the detection functions."""

from __future__ import annotations

import math

import pytest

from dcrnet.alerts.detection import (
    MIN_EVENTS,
    cluster_false_alarm,
    ears_c1,
    monthly_aberration,
    noufaily_reference,
    noufaily_threshold,
    pulse_spike,
    shown_count,
    upper_tail,
)

# surveillance tests/testthat/test-farringtonFlexible.R: η = log 5, se = log 2, y = 11, α = 0.05;
# (lower, upper, P(Y >= y), score) as R's algo.farrington.threshold.noufaily returns them.
NOUFAILY = [
    ("muan", 1.5, (8, 24, 0.8597797, 0.4193982)),
    ("muan", 1.0, (9, 22, 0.9093099, 0.4605347)),
    ("nbPlugin", 1.5, (1, 10, 0.03763657, 1.1191815)),
    ("nbPlugin", 1.0, (2, 9, 0.01369527, 1.2706154)),
]


def decimals(x: float) -> int:
    return len(repr(x).split(".")[1])


@pytest.mark.parametrize(("method", "phi", "expected"), NOUFAILY)
def test_it_reproduces_the_noufaily_reference_cases(method, phi, expected):
    lower, upper, prob, score = noufaily_reference(math.log(5), math.log(2), phi, 0.05, 11, method)
    assert (lower, upper) == expected[:2]
    # to every printed digit (R's own test allows 1e-6)
    assert round(prob, decimals(expected[2])) == expected[2]
    assert round(score, decimals(expected[3])) == expected[3]


def test_the_plug_in_threshold_is_the_reference_upper_bound():
    assert noufaily_threshold(5.0, 1.5, 0.05) == 10
    assert noufaily_threshold(5.0, 1.0, 0.05) == 9
    assert upper_tail(11, 5.0, 1.5) == pytest.approx(0.03763657, abs=1e-8)


def test_a_mean_of_zero_has_threshold_zero_and_any_event_is_beyond_it():
    assert noufaily_threshold(0.0, 1.5) == 0
    assert upper_tail(0, 0.0, 1.0) == 1.0
    assert upper_tail(1, 0.0, 1.0) == 0.0


def test_ears_c1_golden_values():
    baseline = [3, 5, 4, 6, 2, 4, 5]
    assert round(ears_c1(baseline, alpha=0.001), 4) == 8.2998
    assert round(ears_c1(baseline, alpha=0.05), 4) == 6.3555
    assert ears_c1([0] * 7, alpha=0.001) == 0.0
    assert round(ears_c1([0] * 7, alpha=0.001, min_sigma=0.5), 4) == 1.5451


# Salmonella Newport, Germany (all 16 states), weeks starting 2010-11-15 to 2011-01-17: the
# salmNewport data set of the surveillance package (from SurvStat@RKI), aggregated by unit.
SALM_NEWPORT = [1, 1, 1, 3, 3, 1, 2, 1, 0, 3]


def test_ears_c1_reproduces_surveillances_salm_newport_test():
    bounds = [ears_c1(SALM_NEWPORT[i : i + 7], alpha=0.05) for i in range(4)]
    assert [round(b, 6) for b in bounds] == [3.278854, 3.278854, 3.436517, 3.855617]


V = [2000, 2200, 1900, 2100, 2300, 2000]


def test_worked_example_without_overdispersion():
    a = monthly_aberration([4, 6, 3, 5, 7, 5], V, 2100, 15, 0.0024, 1.0)
    assert round(a.mu, 2) == 5.04
    assert a.phi == 1.0
    assert a.threshold == 11
    assert a.alarm is True
    assert round(a.p_value, 6) == 0.000246
    assert a.months == 6 and a.phi_from == "history"


def test_worked_example_overdispersed():
    a = monthly_aberration([2, 9, 3, 8, 1, 7], V, 2100, 15, 0.0024, 1.0)
    assert round(a.mu, 2) == 5.04
    assert round(a.phi, 4) == 2.2472
    assert a.threshold == 15
    assert a.alarm is False
    assert round(a.p_value, 5) == 0.01386


@pytest.mark.parametrize(("count", "alarm", "p"), [(9, False, 0.0254), (12, True, 0.00305)])
def test_worked_example_new_facility(count, alarm, p):
    a = monthly_aberration([0], [1500], 1600, count, 0.0024, 1.5)
    assert round(a.mu, 4) == 3.3211
    assert a.phi == 1.5 and a.phi_from == "peers"
    assert a.threshold == 10
    assert a.alarm is alarm
    assert round(a.p_value, decimals(p)) == p


def test_the_signal_records_its_inputs():
    a = monthly_aberration([0], [1500], 1600, 12, 0.0024, 1.5)
    assert a.history_counts == (0,) and a.history_visits == (1500.0,)
    assert (a.visits_now, a.count_now, a.peer_rate, a.peer_phi) == (1600.0, 12, 0.0024, 1.5)
    assert a.method


def test_only_the_last_twelve_months_count():
    recent = [4, 6, 3, 5, 7, 5] * 2
    visits = V * 2
    base = monthly_aberration(recent, visits, 2100, 15, 0.0024, 1.0)
    longer = monthly_aberration([90, 80] + recent, [2000, 2000] + visits, 2100, 15, 0.0024, 1.0)
    assert longer == base
    assert longer.months == 12


def test_months_without_visits_are_not_history():
    with_closed = monthly_aberration([4, 0, 6, 3, 5, 7, 5], [2000, 0, *V[1:]], 2100, 15, 0.0024, 1)
    assert with_closed == monthly_aberration([4, 6, 3, 5, 7, 5], V, 2100, 15, 0.0024, 1)


def test_a_facility_with_no_history_is_judged_by_its_peers():
    a = monthly_aberration([], [], 1600, 12, 0.0024, 1.5)
    assert a.months == 0 and a.rate == 0.0024 and a.phi == 1.5


def test_four_events_never_alarm_even_far_above_the_threshold():
    a = monthly_aberration([0] * 12, [2000] * 12, 2000, MIN_EVENTS - 1, 0.0001, 1.0)
    assert a.threshold < MIN_EVENTS - 1
    assert a.alarm is False
    assert monthly_aberration([0] * 12, [2000] * 12, 2000, MIN_EVENTS, 0.0001, 1.0).alarm


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (([1, 2], [100], 100, 1, 0.01, 1.0), "history_counts and history_visits"),
        (([-1], [100], 100, 1, 0.01, 1.0), "history_counts"),
        (([2.5], [100], 100, 1, 0.01, 1.0), "history_counts"),
        (([True], [100], 100, 1, 0.01, 1.0), "history_counts"),
        (([1], [-5], 100, 1, 0.01, 1.0), "history_visits"),
        (([1], [math.nan], 100, 1, 0.01, 1.0), "history_visits"),
        (([3], [0], 100, 1, 0.01, 1.0), "no visits"),
        (([1], [100], 0, 1, 0.01, 1.0), "visits_now"),
        (([1], [100], "100", 1, 0.01, 1.0), "visits_now"),
        (([1], [100], 100, -1, 0.01, 1.0), "count_now"),
        (([1], [100], 100, 1, -0.01, 1.0), "peer_rate"),
        (([1], [100], 100, 1, 0.01, 0.5), "peer_phi"),
        (([1], [100], 100, 1, 0.01, math.inf), "peer_phi"),
    ],
)
def test_bad_input_is_refused_naming_the_field(args, field):
    with pytest.raises(ValueError, match=field):
        monthly_aberration(*args)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: noufaily_threshold(-1.0, 1.5), "mu"),
        (lambda: noufaily_threshold(5.0, 0.9), "phi"),
        (lambda: noufaily_threshold(5.0, 1.5, 1.0), "alpha"),
        (lambda: noufaily_reference(1.0, 0.5, 1.5, 0.05, 3, "delta"), "method"),
        (lambda: ears_c1([1, 2]), "baseline"),
        (lambda: ears_c1([1, 2, math.nan]), "baseline"),
        (lambda: ears_c1([1, 2, 3], min_sigma=-1), "min_sigma"),
        (lambda: pulse_spike([], 3), "daily_history"),
        (lambda: pulse_spike([1, 2], -3), "today"),
        (lambda: pulse_spike([1, 2], 3, days=0), "days"),
        (lambda: cluster_false_alarm(-1), "n_facilities"),
        (lambda: cluster_false_alarm(5, alpha=0), "alpha"),
        (lambda: shown_count(-2), "n must"),
    ],
)
def test_other_functions_refuse_bad_input_naming_the_argument(call, field):
    with pytest.raises(ValueError, match=field):
        call()


def poisson_tail(y: int, lam: float) -> float:
    """P(Y >= y) for Poisson(λ), summed by hand (independent of scipy)."""
    return 1 - sum(math.exp(-lam) * lam**k / math.factorial(k) for k in range(y))


def test_a_pulse_is_flagged_when_its_poisson_tail_is_below_one_percent():
    history = [1, 3, 2, 2, 1, 3] * 15  # 90 days, mean 2 a day
    spike = pulse_spike(history, 7)
    assert spike.lambda_day == 2.0
    assert spike.p_value == pytest.approx(poisson_tail(7, 2.0))
    assert spike.p_value < 0.01 and spike.flagged
    quiet = pulse_spike(history, 6)
    assert quiet.p_value == pytest.approx(poisson_tail(6, 2.0))
    assert quiet.p_value > 0.01 and not quiet.flagged


def test_a_pulse_over_several_days_uses_the_mean_times_the_days():
    spike = pulse_spike([2] * 90, 14, days=3)
    assert spike.p_value == pytest.approx(poisson_tail(14, 6.0))
    assert spike.flagged
    assert not pulse_spike([2] * 90, 12, days=3).flagged


def test_a_quiet_history_flags_the_first_event():
    assert pulse_spike([0] * 90, 0).flagged is False
    assert pulse_spike([0] * 90, 1).flagged is True


def test_cluster_false_alarm_golden_values():
    assert round(cluster_false_alarm(5) * 100, 3) == 0.098
    assert round(cluster_false_alarm(10) * 100, 2) == 0.43
    assert round(cluster_false_alarm(20) * 100, 2) == 1.69
    assert cluster_false_alarm(1) == 0.0


def test_counts_of_one_to_four_are_always_shown_as_less_than_five():
    assert [shown_count(n) for n in range(7)] == ["0", "<5", "<5", "<5", "<5", "5", "6"]
