"""Properties of funnel limits on generated inputs: the 95 % band inside the 99.8 % band, bands
that narrow as the unit grows, adjustments that only widen, positions that follow the value."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dcrnet.peers.funnel import (
    ABOVE_95,
    ABOVE_998,
    BELOW_95,
    BELOW_998,
    PROPORTION,
    RATIO,
    WITHIN,
    Limits,
    binomial_limits,
    binomial_limits_normal,
    funnel,
    poisson_ratio_limits,
    poisson_ratio_limits_chi2,
    position,
    proportion_limits,
    ratio_limits,
    ratio_limits_normal,
)

proportions = st.floats(0, 1, allow_nan=False)
inner = st.floats(0.001, 0.999, allow_nan=False)
trials = st.integers(1, 5000)
expected = st.floats(0.01, 5000, allow_nan=False)
tau2 = st.floats(0, 0.5, allow_nan=False)
ORDER = [BELOW_998, BELOW_95, WITHIN, ABOVE_95, ABOVE_998]


def nested(limits: Limits) -> bool:
    return (
        limits.lower998 <= limits.lower95 <= limits.upper95 <= limits.upper998
        and limits.lower998 >= 0
    )


def contains(wide: Limits, narrow: Limits) -> bool:
    eps = 1e-12
    return (
        wide.lower998 <= narrow.lower998 + eps
        and wide.lower95 <= narrow.lower95 + eps
        and wide.upper95 >= narrow.upper95 - eps
        and wide.upper998 >= narrow.upper998 - eps
    )


@settings(max_examples=200, deadline=None)
@given(proportions, trials, tau2)
def test_the_95_band_lies_inside_the_998_band_for_proportions(p0, n, t2):
    for limits in (binomial_limits(p0, n), binomial_limits_normal(p0, n, t2)):
        assert nested(limits)
        assert limits.upper998 <= 1


@settings(max_examples=200, deadline=None)
@given(expected, tau2)
def test_the_95_band_lies_inside_the_998_band_for_ratios(e, t2):
    for limits in (poisson_ratio_limits(e), poisson_ratio_limits_chi2(e), ratio_limits(e, t2)):
        assert nested(limits)


@settings(max_examples=200, deadline=None)
@given(proportions, trials, trials, tau2)
def test_normal_limits_widen_as_n_shrinks(p0, n, m, t2):
    small, large = sorted((n, m))
    assert contains(binomial_limits_normal(p0, small, t2), binomial_limits_normal(p0, large, t2))


@settings(max_examples=200, deadline=None)
@given(expected, expected, tau2)
def test_ratio_limits_widen_as_e_shrinks(e1, e2, t2):
    small, large = sorted((e1, e2))
    assert contains(poisson_ratio_limits_chi2(small), poisson_ratio_limits_chi2(large))
    assert contains(ratio_limits_normal(small, t2), ratio_limits_normal(large, t2))


@settings(max_examples=200, deadline=None)
@given(inner, st.integers(1, 2500), st.floats(2, 20))
def test_exact_binomial_limits_widen_when_n_halves(p0, n, factor):
    """Exact limits step with the integers, so between neighbouring n they can wiggle; across a
    doubling of n they never do once a unit expects at least one event and one non-event."""
    if n * p0 < 1 or n * (1 - p0) < 1:
        n = max(round(1 / min(p0, 1 - p0)) + 1, n)
    large = int(n * factor)
    assert contains(binomial_limits(p0, n), binomial_limits(p0, large))


@settings(max_examples=200, deadline=None)
@given(st.floats(1, 2000), st.floats(1.25, 20))
def test_exact_poisson_limits_widen_when_e_shrinks_by_a_fifth(e, factor):
    """As for proportions, from one expected event on."""
    assert contains(poisson_ratio_limits(e), poisson_ratio_limits(e * factor))


@settings(max_examples=200, deadline=None)
@given(inner, trials, expected, st.floats(0.000001, 0.5))
def test_overdispersion_only_ever_widens_the_limits(p0, n, e, t2):
    assert contains(proportion_limits(p0, n, t2), binomial_limits(p0, n))
    assert contains(ratio_limits(e, t2), poisson_ratio_limits(e))


@settings(max_examples=200, deadline=None)
@given(inner, trials, st.data())
def test_position_never_goes_down_as_the_count_goes_up(p0, n, data):
    limits = binomial_limits(p0, n)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    assert ORDER.index(position(a, n, limits)) <= ORDER.index(position(b, n, limits))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 5000)), min_size=0, max_size=30).map(
        lambda rows: [(min(o, x), x) for o, x in rows]
    ),
    st.sampled_from([PROPORTION, RATIO]),
)
def test_every_group_gets_nested_limits_and_a_position_for_each_unit(rows, kind):
    observed = [o for o, _x in rows]
    exposure = [x for _o, x in rows]
    result = funnel(observed, exposure, kind)
    assert len(result.points) == len(rows)
    assert result.overdispersion.tau2 >= 0
    assert result.overdispersion.applied is (len(rows) >= 10 and result.overdispersion.tau2 > 0)
    for point in result.points:
        assert nested(point.limits)
        assert point.position in ORDER


anything = st.one_of(
    st.integers(-10, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=3),
    st.none(),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.integers(0, 10**6), anything), max_size=12),
    st.lists(st.one_of(st.integers(1, 10**6), anything), max_size=12),
    st.sampled_from([PROPORTION, RATIO, "rank"]),
)
def test_any_group_gives_limits_or_a_value_error(observed, exposure, kind):
    try:
        result = funnel(observed, exposure, kind)
    except ValueError:
        return
    for point in result.points:
        assert nested(point.limits)
