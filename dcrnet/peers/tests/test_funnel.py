"""Golden funnel limits of the facts file (§3, §6), the overdispersion adjustment checked by hand,
positions, and the input contract."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dcrnet.peers.funnel import (
    ABOVE_95,
    ABOVE_998,
    BELOW_95,
    BELOW_998,
    MIN_UNITS_FOR_OVERDISPERSION,
    PROPORTION,
    RATIO,
    WITHIN,
    Limits,
    binomial_limits,
    binomial_limits_normal,
    funnel,
    overdispersion,
    poisson_ratio_limits,
    poisson_ratio_limits_chi2,
    position,
    proportion_limits,
    ratio_limits,
    ratio_limits_normal,
)


def rounded(limits: Limits, digits: int) -> tuple[float, ...]:
    return tuple(
        round(x, digits) for x in (limits.lower95, limits.upper95, limits.lower998, limits.upper998)
    )


def test_exact_binomial_limits_for_one_percent_of_a_thousand():
    assert rounded(binomial_limits(0.01, 1000), 6) == (0.003802, 0.016111, 0.001237, 0.020588)


def test_normal_binomial_limits_for_one_percent_of_a_thousand():
    limits = binomial_limits_normal(0.01, 1000)
    assert (round(limits.lower95, 6), round(limits.upper95, 6)) == (0.003833, 0.016167)


def test_exact_binomial_limits_for_twenty_percent_of_fifty():
    assert rounded(binomial_limits(0.2, 50), 6) == (0.084405, 0.307094, 0.034776, 0.379144)


def test_interpolated_poisson_ratio_limits_for_twenty_expected():
    assert rounded(poisson_ratio_limits(20), 4) == (0.5603, 1.4373, 0.3585, 1.7357)


# FunnelPlotR tests/testthat/test-poisson_limits.R: lower limits to 7 decimals, upper to 6.
CHI2 = [
    (15, 0.5596924, 1.649348, 0.3862650, 2.082907),
    (20, 0.6108260, 1.544419, 0.4479107, 1.902094),
    (30, 0.6746958, 1.427562, 0.5289724, 1.702771),
]


@pytest.mark.parametrize(("expected", "ll95", "ul95", "ll998", "ul998"), CHI2)
def test_chi_square_poisson_ratio_limits_match_funnelplotr(expected, ll95, ul95, ll998, ul998):
    limits = poisson_ratio_limits_chi2(expected)
    assert round(limits.lower95, 7) == ll95
    assert round(limits.upper95, 6) == ul95
    assert round(limits.lower998, 7) == ll998
    assert round(limits.upper998, 6) == ul998


def test_the_interpolated_limit_lies_between_the_binomial_steps():
    # For Binomial(50, 0.2), P(X <= 4) = 0.0185 < 0.025 <= P(X <= 5) = 0.0480: r = 5, and the
    # interpolated limit lies in (4/50, 5/50].
    cdf = [sum(math.comb(50, k) * 0.2**k * 0.8 ** (50 - k) for k in range(j + 1)) for j in (4, 5)]
    assert cdf[0] < 0.025 <= cdf[1]
    assert 4 / 50 < binomial_limits(0.2, 50).lower95 <= 5 / 50


def test_limits_are_clamped_to_zero_and_one():
    tiny = binomial_limits(0.001, 10)
    assert tiny.lower998 == tiny.lower95 == 0.0
    near_one = binomial_limits_normal(0.99, 20)
    assert near_one.upper998 == 1.0
    assert poisson_ratio_limits(1.0).lower998 == 0.0
    assert ratio_limits_normal(2.0).lower998 == 0.0
    assert binomial_limits(0.0, 30) == Limits(0.0, 0.0, 0.0, 0.0)


def test_normal_ratio_limits_are_one_plus_or_minus_z_over_root_e():
    limits = ratio_limits_normal(100)
    assert limits.upper95 == pytest.approx(1 + 1.959964 / 10, abs=1e-6)
    assert limits.lower998 == pytest.approx(1 - 3.090232 / 10, abs=1e-6)


def test_overdispersion_by_hand():
    z = [-3.0, -1.0, -0.5, 0.0, 0.2, 0.4, 0.6, 1.0, 2.0, 6.0]
    s = [0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.1, 0.2]
    low, high = np.quantile(z, [0.1, 0.9])  # R's default quantile: -1.2 and 2.4
    assert (low, high) == (pytest.approx(-1.2), pytest.approx(2.4))
    squares = [min(max(x, low), high) ** 2 for x in z]
    phi = sum(squares) / 10
    w = [1 / x**2 for x in s]
    tau2 = (10 * phi - 9) / (sum(w) - sum(x**2 for x in w) / sum(w))
    od = overdispersion(z, s)
    assert od.phi == pytest.approx(phi)
    assert od.tau2 == pytest.approx(tau2)
    assert od.units == 10 and od.applied is True


def test_no_overdispersion_gives_tau2_zero():
    od = overdispersion([0.1, -0.2, 0.3, -0.1, 0.0, 0.2, -0.3, 0.1, -0.1, 0.05], [0.1] * 10)
    assert od.tau2 == 0.0 and od.applied is False


def test_overdispersion_is_not_applied_below_ten_units():
    z = [-4.0, 3.0, -2.5, 4.0, 0.0, 3.5, -3.0, 2.0, 5.0]
    od = overdispersion(z, [0.1] * len(z))
    assert od.tau2 > 0
    assert od.applied is False
    assert MIN_UNITS_FOR_OVERDISPERSION == 10


def test_tau2_widens_the_normal_limits_additively():
    plain = ratio_limits_normal(50)
    wide = ratio_limits_normal(50, tau2=0.04)
    assert wide.upper95 == pytest.approx(1 + 1.959964 * math.sqrt(1 / 50 + 0.04), abs=1e-6)
    assert wide.upper95 > plain.upper95


def test_the_adjustment_never_makes_a_unit_look_more_extreme():
    exact = poisson_ratio_limits(2.0)
    adjusted = ratio_limits(2.0, tau2=0.001)
    assert adjusted.upper998 >= exact.upper998 and adjusted.lower95 <= exact.lower95
    assert proportion_limits(0.2, 50, 0.0) == binomial_limits(0.2, 50)


@pytest.mark.parametrize(
    ("observed", "where"),
    [(1, BELOW_998), (3, BELOW_95), (10, WITHIN), (16, ABOVE_95), (20, ABOVE_998)],
)
def test_position_in_words(observed, where):
    # Binomial(50, 0.2): 95 % 0.0844–0.3071, 99.8 % 0.0348–0.3791
    assert position(observed, 50, binomial_limits(0.2, 50)) == where


def test_a_value_on_a_limit_is_inside_it():
    limits = Limits(0.1, 0.2, 0.4, 0.5)
    assert position(2, 10, limits) == WITHIN
    assert position(5, 10, limits) == ABOVE_95
    assert position(1, 10, limits) == BELOW_95


def test_a_ratio_funnel_compares_each_facility_with_the_group_rate():
    observed = [6, 10, 30, 4]
    visits = [2000, 5000, 10000, 3000]
    result = funnel(observed, visits, RATIO)
    assert result.target == pytest.approx(50 / 20000)
    first = result.points[0]
    assert first.size == pytest.approx(5.0)  # E = 0.0025 × 2000
    assert first.value == pytest.approx(6 / 5)
    assert first.limits == poisson_ratio_limits(5.0)
    assert first.position == WITHIN
    assert result.overdispersion.applied is False  # four units


def test_a_large_overdispersed_group_gets_wider_limits():
    n = [400, 500, 600, 450, 550, 480, 520, 610, 390, 700, 530, 470]
    share = [0.05, 0.30, 0.10, 0.25, 0.12, 0.22, 0.08, 0.28, 0.15, 0.18, 0.35, 0.02]
    observed = [round(p * k) for p, k in zip(share, n, strict=True)]
    result = funnel(observed, n, PROPORTION)
    assert result.overdispersion.applied is True
    for point, k in zip(result.points, n, strict=True):
        exact = binomial_limits(result.target, k)
        assert point.limits.upper95 > exact.upper95
        assert point.limits.lower95 < exact.lower95
    # the same group cut to nine units keeps exact limits
    small = funnel(observed[:9], n[:9], PROPORTION)
    assert small.overdispersion.applied is False
    assert small.points[0].limits == binomial_limits(small.target, n[0])


def test_a_group_without_events_has_every_unit_within():
    result = funnel([0, 0, 0], [100, 200, 300], RATIO)
    assert result.target == 0.0
    assert {p.position for p in result.points} == {WITHIN}
    assert funnel([], [], PROPORTION).points == ()


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: binomial_limits(1.5, 10), "p0"),
        (lambda: binomial_limits(0.5, 0), "n must"),
        (lambda: binomial_limits(0.5, 2.5), "n must"),
        (lambda: binomial_limits_normal(0.5, 10, tau2=-1), "tau2"),
        (lambda: poisson_ratio_limits(0), "expected"),
        (lambda: poisson_ratio_limits(math.inf), "expected"),
        (lambda: poisson_ratio_limits_chi2(-3), "expected"),
        (lambda: ratio_limits(5, tau2=math.nan), "tau2"),
        (lambda: overdispersion([1.0, 2.0], [0.1]), "same length"),
        (lambda: overdispersion([1.0], [0.0]), "standard_errors"),
        (lambda: position(-1, 10, Limits(0, 0, 1, 1)), "observed"),
        (lambda: position(1, 0, Limits(0, 0, 1, 1)), "n_or_expected"),
        (lambda: funnel([1], [10], "rank"), "kind"),
        (lambda: funnel([1, 2], [10], RATIO), "same length"),
        (lambda: funnel([1, -2], [10, 10], RATIO), r"observed\[1\]"),
        (lambda: funnel([1, 2], [10, 0], RATIO), r"exposure\[1\]"),
        (lambda: funnel([1, 20], [10, 10], PROPORTION), r"observed\[1\] is larger"),
        (lambda: funnel([1, 2], [10, 10.5], PROPORTION), r"exposure\[1\]"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(call, field):
    with pytest.raises(ValueError, match=field):
        call()
