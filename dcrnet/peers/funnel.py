"""Funnel-plot limits for comparing each facility with its peers: exact, normal approximation and
overdispersion-adjusted; a facility's position in words, never a rank.

Pure functions (numpy and scipy); no database. Formulas, sources and golden figures:
shared/data/facts-early-warning-and-benchmarking.md §3 and §6.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

# The four limits of a funnel: 99.8 % and 95 %, lower and upper (Spiegelhalter 2005).
PROBS = (0.001, 0.025, 0.975, 0.999)
Z95 = float(stats.norm.ppf(0.975))  # 1.959964
Z998 = float(stats.norm.ppf(0.999))  # 3.090232
# Overdispersion is estimated from at least this many units, after winsorising 10 % at each end.
MIN_UNITS_FOR_OVERDISPERSION = 10
WINSOR = 0.1

# Bounds beyond any facility, so that no input overflows.
SIZE_MAX = 1e9  # scipy's Poisson quantiles fail (NaN) from about 1e11

PROPORTION = "proportion"
RATIO = "ratio"

BELOW_998 = "below_998"
BELOW_95 = "below_95"
WITHIN = "within"
ABOVE_95 = "above_95"
ABOVE_998 = "above_998"


@dataclass(frozen=True)
class Limits:
    lower998: float
    lower95: float
    upper95: float
    upper998: float


def _probability(p0: float) -> float:
    if isinstance(p0, bool) or not isinstance(p0, (int, float)) or not 0 <= p0 <= 1:
        raise ValueError(f"p0 must be a proportion between 0 and 1, not {p0!r}")
    return float(p0)


def _trials(n: int, name: str = "n") -> int:
    whole = isinstance(n, (int, np.integer)) or (isinstance(n, float) and n.is_integer())
    if isinstance(n, bool) or not whole or not 1 <= n <= SIZE_MAX:
        raise ValueError(f"{name} must be a whole number from 1 to {SIZE_MAX:g}, not {n!r}")
    return int(n)


def _positive(value: float, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name} must be a number, not {value!r}")
    if not (math.isfinite(value) and 0 < value <= SIZE_MAX):
        raise ValueError(f"{name} must be a number > 0 and at most {SIZE_MAX:g}, not {value!r}")
    return float(value)


def _tau2(tau2: float) -> float:
    if not (isinstance(tau2, (int, float)) and math.isfinite(tau2) and tau2 >= 0):
        raise ValueError(f"tau2 must be a finite number >= 0, not {tau2!r}")
    return float(tau2)


def _interpolated(dist, size: float) -> np.ndarray:
    """r = ppf(P); α = (F(r) − P)/(F(r) − F(r − 1)); limit = (r − α)/size, for each P
    (Wicklin, "Funnel plots for proportions", The DO Loop, 2011)."""
    probs = np.array(PROBS)
    r = dist.ppf(probs)
    at_r = dist.cdf(r)
    below_r = dist.cdf(r - 1)
    alpha = (at_r - probs) / (at_r - below_r)
    return (r - alpha) / size


def _limits(values, upper_bound: float | None = None) -> Limits:
    values = np.clip(np.asarray(values, dtype=float), 0.0, upper_bound)
    return Limits(*(float(v) for v in values))


def binomial_limits(p0: float, n: int) -> Limits:
    """Exact limits for a proportion out of n, interpolated between the binomial's steps, clamped
    to [0, 1] (Spiegelhalter 2005; Wicklin 2011; facts §3)."""
    p0, n = _probability(p0), _trials(n)
    return _limits(_interpolated(stats.binom(n, p0), n), 1.0)


def binomial_limits_normal(p0: float, n: int, tau2: float = 0.0) -> Limits:
    """p0 ± z·√(p0(1 − p0)/n + τ²), clamped to [0, 1] (facts §3)."""
    p0, n, tau2 = _probability(p0), _trials(n), _tau2(tau2)
    spread = math.sqrt(p0 * (1 - p0) / n + tau2)
    return _limits(
        [p0 - Z998 * spread, p0 - Z95 * spread, p0 + Z95 * spread, p0 + Z998 * spread], 1
    )


def poisson_ratio_limits(expected: float) -> Limits:
    """Exact limits for O/E: the Poisson(E) quantiles interpolated as for proportions, divided by
    E, clamped at 0 (facts §3, §6)."""
    expected = _positive(expected, "expected")
    return _limits(_interpolated(stats.poisson(expected), expected))


def poisson_ratio_limits_chi2(expected: float) -> Limits:
    """Exact limits for O/E in FunnelPlotR's form: χ²_P(2E)/(2E) below, χ²_P(2E + 2)/(2E) above
    (FunnelPlotR R/calculate_limits.R, tests/testthat/test-poisson_limits.R; facts §3)."""
    e = _positive(expected, "expected")
    lower998, lower95 = stats.chi2.ppf(PROBS[:2], 2 * e) / (2 * e)
    upper95, upper998 = stats.chi2.ppf(PROBS[2:], 2 * e + 2) / (2 * e)
    return _limits([lower998, lower95, upper95, upper998])


def ratio_limits_normal(expected: float, tau2: float = 0.0) -> Limits:
    """1 ± z·√(1/E + τ²), clamped at 0 (facts §3)."""
    expected, tau2 = _positive(expected, "expected"), _tau2(tau2)
    spread = math.sqrt(1 / expected + tau2)
    return _limits([1 - Z998 * spread, 1 - Z95 * spread, 1 + Z95 * spread, 1 + Z998 * spread])


def _widest(a: Limits, b: Limits) -> Limits:
    return Limits(
        min(a.lower998, b.lower998),
        min(a.lower95, b.lower95),
        max(a.upper95, b.upper95),
        max(a.upper998, b.upper998),
    )


def proportion_limits(p0: float, n: int, tau2: float = 0.0) -> Limits:
    """The limits a proportion funnel draws at n: exact, widened by τ² when τ² > 0.

    The overdispersion-adjusted limits are the normal ones with τ² added; where they would be
    narrower than the exact limits (small n), the exact limit is kept, so an adjustment for
    overdispersion never makes a facility look more extreme."""
    exact = binomial_limits(p0, n)
    return _widest(exact, binomial_limits_normal(p0, n, tau2)) if _tau2(tau2) > 0 else exact


def ratio_limits(expected: float, tau2: float = 0.0) -> Limits:
    """The limits an O/E funnel draws at E: exact (interpolated Poisson), widened by τ² as
    `proportion_limits` is."""
    exact = poisson_ratio_limits(expected)
    return _widest(exact, ratio_limits_normal(expected, tau2)) if _tau2(tau2) > 0 else exact


@dataclass(frozen=True)
class Overdispersion:
    phi: float  # mean of the squared winsorised z-scores
    tau2: float  # between-unit variance to add to each unit's s²
    units: int
    applied: bool  # only from MIN_UNITS_FOR_OVERDISPERSION units on, and only when τ² > 0


def overdispersion(z_scores: Sequence[float], standard_errors: Sequence[float]) -> Overdispersion:
    """φ̂ = mean(z²) after winsorising z at its 10th and 90th percentiles; with w = 1/s²,
    τ² = max(0, (Iφ̂ − (I − 1))/(Σw − Σw²/Σw)) (Spiegelhalter 2005; FunnelPlotR
    R/od_adjustment.R, R/calculate_limits.R; facts §3)."""
    z = np.asarray(z_scores, dtype=float)
    s = np.asarray(standard_errors, dtype=float)
    if z.shape != s.shape or z.ndim != 1:
        raise ValueError("z_scores and standard_errors must be lists of the same length")
    if not (np.isfinite(z).all() and np.isfinite(s).all() and (s > 0).all()):
        raise ValueError("z_scores must be finite and standard_errors finite and > 0")
    units = len(z)
    if units == 0:
        return Overdispersion(phi=0.0, tau2=0.0, units=0, applied=False)
    low, high = np.quantile(z, [WINSOR, 1 - WINSOR])
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    w = 1 / s**2
    denominator = w.sum() - (w**2).sum() / w.sum()
    excess = units * phi - (units - 1)
    tau2 = float(excess / denominator) if denominator > 0 and excess > 0 else 0.0
    return Overdispersion(
        phi, tau2, units, bool(units >= MIN_UNITS_FOR_OVERDISPERSION and tau2 > 0)
    )


def position(observed: float, n_or_expected: float, limits: Limits) -> str:
    """Where observed/n (a proportion) or observed/E (a ratio) falls; on a limit is inside."""
    if isinstance(observed, bool) or not isinstance(observed, (int, float, np.number)):
        raise ValueError(f"observed must be a number, not {observed!r}")
    if not (math.isfinite(observed) and 0 <= observed <= SIZE_MAX):
        raise ValueError(f"observed must be a number from 0 to {SIZE_MAX:g}, not {observed!r}")
    value = observed / _positive(n_or_expected, "n_or_expected")
    if value < limits.lower998:
        return BELOW_998
    if value < limits.lower95:
        return BELOW_95
    if value > limits.upper998:
        return ABOVE_998
    if value > limits.upper95:
        return ABOVE_95
    return WITHIN


@dataclass(frozen=True)
class Point:
    observed: float
    size: float  # n for a proportion, E for a ratio
    value: float  # observed/size
    limits: Limits
    position: str


@dataclass(frozen=True)
class Funnel:
    kind: str
    target: float  # the group's proportion, or its rate per unit of exposure for a ratio
    overdispersion: Overdispersion
    points: tuple[Point, ...]


def funnel(observed: Sequence[float], exposure: Sequence[float], kind: str) -> Funnel:
    """Every unit of one peer group against the group.

    "proportion": `exposure` is each unit's n (e.g. overdoses, for naloxone per overdose); the
    target is Σobserved/Σn. "ratio": `exposure` is each unit's denominator (e.g. visits, for
    overdoses per visit); the target is the group's rate Σobserved/Σexposure, E = rate × exposure
    and the value plotted is O/E. z-scores are (value − target)/s with the null s (√(p0(1 − p0)/n)
    or 1/√E); τ² widens the limits only when the group has at least 10 units.
    """
    if kind not in (PROPORTION, RATIO):
        raise ValueError(f'kind must be "{PROPORTION}" or "{RATIO}", not {kind!r}')
    if len(observed) != len(exposure):
        raise ValueError("observed and exposure must have the same length")
    for i, (o, x) in enumerate(zip(observed, exposure, strict=True)):
        number = isinstance(o, (int, float, np.number)) and not isinstance(o, bool)
        if not number or not 0 <= o <= SIZE_MAX:
            raise ValueError(f"observed[{i}] must be a number from 0 to {SIZE_MAX:g}, not {o!r}")
        _positive(x, f"exposure[{i}]")
        if kind == PROPORTION:
            _trials(x, f"exposure[{i}]")
            if o > x:
                raise ValueError(f"observed[{i}] is larger than its n")
    if not observed:
        return Funnel(kind, 0.0, overdispersion([], []), ())

    o = np.asarray(observed, dtype=float)
    x = np.asarray(exposure, dtype=float)
    target = float(o.sum() / x.sum())
    if kind == PROPORTION:
        sizes, values, centre = x, o / x, target
        se = np.sqrt(target * (1 - target) / x)
    else:
        sizes = target * x
        values = np.divide(o, sizes, out=np.zeros_like(o), where=sizes > 0)
        centre = 1.0
        se = np.divide(1.0, np.sqrt(sizes), out=np.zeros_like(o), where=sizes > 0)
    if (se > 0).all():
        od = overdispersion((values - centre) / se, se)
    else:  # no events in the whole group (or all events): nothing to compare
        od = Overdispersion(phi=0.0, tau2=0.0, units=len(o), applied=False)
    tau2 = od.tau2 if od.applied else 0.0

    points = []
    for obs, n, size, value in zip(o, x, sizes, values, strict=True):
        if kind == PROPORTION:
            limits = proportion_limits(target, int(n), tau2)
        elif size > 0:
            limits = ratio_limits(float(size), tau2)
        else:
            limits = Limits(0.0, 0.0, 0.0, 0.0)
        where = position(float(obs), float(size), limits) if size > 0 else WITHIN
        points.append(Point(float(obs), float(size), float(value), limits, where))
    return Funnel(kind, target, od, tuple(points))
