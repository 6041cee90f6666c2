"""Signal detection on aggregate counts: thresholds, tail probabilities and the S2–S4 rules.

Pure functions on numbers and numpy arrays (scipy for the distributions); no database. Formulas,
sources and golden figures: shared/data/facts-early-warning-and-benchmarking.md §2 and §6.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from scipy import stats

from dcrnet.lib.disclosure import show

# No alarm below five events: the limit54 = (5, 4) rule of surveillance R/algo_farrington.R.
MIN_EVENTS = 5
# S3: U is the 99 % quantile of the predictive distribution (facts §2, §6).
ALPHA = 0.01
# S2: a facility's day is flagged when P(Y >= y) falls below this (facts §6).
SPIKE_ALPHA = 0.01
# S3 uses the last twelve months, estimates φ from the history only from six months on, and
# weighs the peers' rate as m = 6·v_t visits (facts §2).
HISTORY_MONTHS = 12
MIN_MONTHS_FOR_PHI = 6
PRIOR_MONTHS = 6
METHOD = "S3 negative-binomial plug-in limit with a visits offset and shrinkage toward peers"
# Bounds beyond any facility, so that no input overflows: visits or events in one month, the mean.
COUNT_MAX = 1e9
MEAN_MAX = 1e9  # scipy's Poisson quantiles fail (NaN) from about 1e11
_TINY = np.finfo(float).tiny  # a smaller NB size underflows in scipy; all its mass is at 0


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool)


def _check_alpha(alpha: float, name: str = "alpha") -> None:
    if not (_is_number(alpha) and 0 < alpha < 1):
        raise ValueError(f"{name} must lie strictly between 0 and 1, not {alpha!r}")


def _check_mean_phi(mu: float, phi: float) -> None:
    if not (_is_number(mu) and 0 <= mu <= MEAN_MAX):
        raise ValueError(f"mu must be a number from 0 to {MEAN_MAX:g}, not {mu!r}")
    if not (_is_number(phi) and 1 <= phi < math.inf):
        raise ValueError(f"phi must be a finite number >= 1, not {phi!r}")


def _kinds(mu: np.ndarray, phi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the distribution is Poisson and where NB; elsewhere (μ = 0) all mass is at 0."""
    size = mu / np.where(phi > 1, phi - 1, 1.0)
    return (phi == 1) & (mu > _TINY), (phi > 1) & (size > _TINY)


def _quantile(q: float, mu, phi) -> np.ndarray:
    """Elementwise NB quantile with mean μ and variance φμ (size μ/(φ−1), prob 1/φ); Poisson
    where φ = 1; 0 where μ = 0."""
    mu, phi = np.broadcast_arrays(np.asarray(mu, dtype=float), np.asarray(phi, dtype=float))
    out = np.zeros(mu.shape)
    poisson, nbinom = _kinds(mu, phi)
    out[poisson] = stats.poisson.ppf(q, mu[poisson])
    out[nbinom] = stats.nbinom.ppf(q, mu[nbinom] / (phi[nbinom] - 1), 1 / phi[nbinom])
    return out


def _tail(y, mu, phi) -> np.ndarray:
    """Elementwise P(Y >= y) under the same distribution."""
    y, mu, phi = np.broadcast_arrays(
        np.asarray(y, dtype=float), np.asarray(mu, dtype=float), np.asarray(phi, dtype=float)
    )
    out = np.where(y <= 0, 1.0, 0.0)
    poisson, nbinom = _kinds(mu, phi)
    out[poisson] = stats.poisson.sf(y[poisson] - 1, mu[poisson])
    out[nbinom] = stats.nbinom.sf(y[nbinom] - 1, mu[nbinom] / (phi[nbinom] - 1), 1 / phi[nbinom])
    return out


def noufaily_threshold(mu: float, phi: float, alpha: float = ALPHA) -> int:
    """U = NB quantile at 1 − α with size μ/(φ − 1) and prob 1/φ; the Poisson quantile when φ = 1.

    Noufaily et al. 2013 as implemented in surveillance R/farringtonFlexible.R
    (algo.farrington.threshold.noufaily, "nbPlugin"); facts §2.
    """
    _check_mean_phi(mu, phi)
    _check_alpha(alpha)
    return int(_quantile(1 - alpha, mu, phi)[()])


def upper_tail(y: int, mu: float, phi: float) -> float:
    """P(Y >= y) for the distribution of `noufaily_threshold` (the p-value the signals report)."""
    _check_mean_phi(mu, phi)
    return float(_tail(y, mu, phi)[()])


class NoufailyBounds(NamedTuple):
    lower: int
    upper: int
    prob: float
    score: float


def noufaily_reference(
    eta: float, se: float, phi: float, alpha: float, y: int, method: str
) -> NoufailyBounds:
    """surveillance's algo.farrington.threshold.noufaily (R/farringtonFlexible.R, 1.26.0), kept to
    check our quantiles against its test (tests/testthat/test-farringtonFlexible.R).

    η is the GLM's linear predictor and se its standard error. "nbPlugin" takes μ = exp(η);
    "muan" takes μ = exp(qnorm(1 − α; η, se)), adding the uncertainty of the mean. lower and upper
    are the quantiles at α and 1 − α, prob = P(Y >= y), and score = (y − η)/(upper − η) exactly as
    R computes it (with η, not μ).
    """
    if method not in ("nbPlugin", "muan"):
        raise ValueError(f'method must be "nbPlugin" or "muan", not {method!r}')
    _check_alpha(alpha)
    mu = math.exp(eta) if method == "nbPlugin" else math.exp(stats.norm.ppf(1 - alpha, eta, se))
    _check_mean_phi(mu, phi)
    lower = int(_quantile(alpha, mu, phi)[()])
    upper = int(_quantile(1 - alpha, mu, phi)[()])
    return NoufailyBounds(lower, upper, upper_tail(y, mu, phi), (y - eta) / (upper - eta))


def ears_c1(baseline: Sequence[float], alpha: float = 0.001, min_sigma: float = 0.0) -> float:
    """EARS C1 upper bound: mean + z(1 − α)·max(sd, min_sigma) of the baseline periods.

    As surveillance R/earsC.R: sd with n − 1, at least 3 baseline periods (7 by default there),
    α = 0.001 and minSigma = 0 by default. A baseline of zeros has sd 0, so UB = 0 unless
    min_sigma is set.
    """
    values = np.asarray(baseline, dtype=float)
    if values.ndim != 1 or len(values) < 3:
        raise ValueError("baseline must hold at least 3 periods")
    if not np.isfinite(values).all():
        raise ValueError("baseline must hold finite numbers")
    _check_alpha(alpha)
    if not (_is_number(min_sigma) and 0 <= min_sigma < math.inf):
        raise ValueError(f"min_sigma must be a finite number >= 0, not {min_sigma!r}")
    sigma = max(float(values.std(ddof=1)), min_sigma)
    return float(values.mean() + stats.norm.ppf(1 - alpha) * sigma)


@dataclass(frozen=True)
class Aberration:
    """One S3 evaluation: the prediction, the threshold, the verdict, and every input used."""

    mu: float
    phi: float
    threshold: int
    p_value: float
    alarm: bool
    rate: float  # λ̃, events per visit after shrinkage toward the peers
    months: int  # B, the months of history used
    phi_from: str  # "history" (B >= 6) or "peers"
    count_now: int
    visits_now: float
    history_counts: tuple[int, ...]
    history_visits: tuple[float, ...]
    peer_rate: float
    peer_phi: float
    method: str = METHOD


def monthly_aberrations(
    counts,
    visits,
    visits_now,
    count_now,
    peer_rate,
    peer_phi,
) -> dict[str, np.ndarray]:
    """The S3 rule for K facility-months at once (the engine of `monthly_aberration`).

    `counts` and `visits` are K × W arrays holding each row's history window (W <= 12 months,
    oldest first); a month whose count or visits is NaN, or whose visits are 0, is not history.
    The other arguments are length-K arrays or scalars. Over the B valid months of a row:
    λ̃ = (Σy + m·λ_peer)/(Σv + m) with m = 6·v_t; μ = λ̃·v_t; φ = max(1, X²/(B − 1)) when B >= 6,
    where X² is Pearson's statistic of the history against its own rate Σy/Σv (one fitted
    parameter, hence B − 1), else φ_peer; U = NB quantile at 0.99; alarm iff y_t > U and
    y_t >= 5; p = P(Y >= y_t). Returns arrays: mu, phi, threshold, p_value, alarm, rate, months,
    phi_from_history.

    Known limits of the method: U is not monotone in the history once φ is estimated (an event in
    a quiet month can lower φ and U), and for φ above ~64·μ the NB quantile falls as φ grows.
    """
    y = np.atleast_2d(np.asarray(counts, dtype=float))
    v = np.atleast_2d(np.asarray(visits, dtype=float))
    if y.shape != v.shape:
        raise ValueError("counts and visits must have the same shape")
    k = y.shape[0]
    v_t = np.broadcast_to(np.asarray(visits_now, dtype=float), (k,))
    y_t = np.broadcast_to(np.asarray(count_now, dtype=float), (k,))
    lam_peer = np.broadcast_to(np.asarray(peer_rate, dtype=float), (k,))
    phi_peer = np.broadcast_to(np.asarray(peer_phi, dtype=float), (k,))

    valid = np.isfinite(y) & np.isfinite(v) & (v > 0)
    y0 = np.where(valid, y, 0.0)
    v0 = np.where(valid, v, 0.0)
    months = valid.sum(axis=1)
    sum_y = y0.sum(axis=1)
    sum_v = v0.sum(axis=1)
    m = PRIOR_MONTHS * v_t
    rate = (sum_y + m * lam_peer) / (sum_v + m)
    mu = rate * v_t

    own = np.divide(sum_y, sum_v, out=np.zeros(k), where=sum_v > 0)
    expected = own[:, None] * v0
    terms = np.divide((y0 - expected) ** 2, expected, out=np.zeros_like(y0), where=expected > 0)
    dispersion = np.divide(terms.sum(axis=1), months - 1, out=np.ones(k), where=months > 1)
    from_history = months >= MIN_MONTHS_FOR_PHI
    phi = np.where(from_history, np.maximum(1.0, dispersion), phi_peer)

    threshold = _quantile(1 - ALPHA, mu, phi)
    return {
        "mu": mu,
        "phi": phi,
        "threshold": threshold.astype(int),
        "p_value": _tail(y_t, mu, phi),
        "alarm": (y_t > threshold) & (y_t >= MIN_EVENTS),
        "rate": rate,
        "months": months,
        "phi_from_history": from_history,
    }


def _count(value, name: str) -> int:
    if not (isinstance(value, (int, np.integer)) and _is_number(value) and 0 <= value <= COUNT_MAX):
        raise ValueError(f"{name} must be a whole number from 0 to {COUNT_MAX:g}, not {value!r}")
    return int(value)


def _amount(value, name: str, maximum: float = COUNT_MAX) -> float:
    if not (_is_number(value) and 0 <= value <= maximum):
        raise ValueError(f"{name} must be a number from 0 to {maximum:g}, not {value!r}")
    return float(value)


def monthly_aberration(
    history_counts: Sequence[int],
    history_visits: Sequence[float],
    visits_now: float,
    count_now: int,
    peer_rate: float,
    peer_phi: float,
) -> Aberration:
    """S3 for one facility and one month (facts §2 recommendation; golden examples in §6).

    `history_*` are the facility's months before this one, oldest first; months with no visits
    are left out, then the last 12 are used. `peer_rate` is the peer group's events per visit
    (2.4 per 1,000 visits is 0.0024) and `peer_phi` its dispersion, used while the facility has
    fewer than 6 months. See `monthly_aberrations` for the formulas.
    """
    if len(history_counts) != len(history_visits):
        raise ValueError("history_counts and history_visits must have the same length")
    counts = [_count(c, "history_counts") for c in history_counts]
    visits = [_amount(v, "history_visits") for v in history_visits]
    if any(c > 0 and v == 0 for c, v in zip(counts, visits, strict=True)):
        raise ValueError("history_counts has events in a month with no visits")
    kept = [(c, v) for c, v in zip(counts, visits, strict=True) if v > 0][-HISTORY_MONTHS:]
    count_now = _count(count_now, "count_now")
    visits_now = _amount(visits_now, "visits_now")
    if visits_now == 0:
        raise ValueError("visits_now must be greater than 0")
    peer_rate = _amount(peer_rate, "peer_rate", maximum=1.0)
    if not (_is_number(peer_phi) and 1 <= peer_phi <= COUNT_MAX):
        raise ValueError(f"peer_phi must be a number from 1 to {COUNT_MAX:g}, not {peer_phi!r}")

    window_counts = tuple(c for c, _v in kept)
    window_visits = tuple(v for _c, v in kept)
    result = monthly_aberrations(
        [window_counts] if kept else np.empty((1, 0)),
        [window_visits] if kept else np.empty((1, 0)),
        visits_now,
        count_now,
        peer_rate,
        float(peer_phi),
    )
    if not result["mu"][0] <= MEAN_MAX:
        raise ValueError(
            f"history_visits and visits_now give a mean above {MEAN_MAX:g} events: check the visits"
        )
    return Aberration(
        mu=float(result["mu"][0]),
        phi=float(result["phi"][0]),
        threshold=int(result["threshold"][0]),
        p_value=float(result["p_value"][0]),
        alarm=bool(result["alarm"][0]),
        rate=float(result["rate"][0]),
        months=int(result["months"][0]),
        phi_from="history" if result["phi_from_history"][0] else "peers",
        count_now=count_now,
        visits_now=visits_now,
        history_counts=window_counts,
        history_visits=window_visits,
        peer_rate=peer_rate,
        peer_phi=float(peer_phi),
    )


@dataclass(frozen=True)
class Spike:
    lambda_day: float
    p_value: float
    flagged: bool
    count: int
    days: int
    baseline_days: int


def pulse_spike(daily_history: Sequence[int], today: int, days: int = 1) -> Spike:
    """S2: flag when P(Y >= today | Poisson(λ_day·days)) < 0.01 (facts §6).

    `daily_history` holds the reported daily counts of the last three months (the caller picks
    the window); λ_day is their mean. `today` is the count over the last `days` days. A history
    of zeros gives λ_day = 0, so any event is flagged: the regional rule (two facilities within
    72 hours) and the two reviewers are what stand between such a flag and an alert.
    """
    history = [_count(c, "daily_history") for c in daily_history]
    if not history:
        raise ValueError("daily_history must hold at least one day")
    count = _count(today, "today")
    if not (isinstance(days, (int, np.integer)) and _is_number(days) and days >= 1):
        raise ValueError(f"days must be a whole number >= 1, not {days!r}")
    lambda_day = sum(history) / len(history)
    p_value = float(_tail(count, lambda_day * days, 1.0)[()])
    return Spike(lambda_day, p_value, p_value < SPIKE_ALPHA, count, days, len(history))


def cluster_false_alarm(n_facilities: int, alpha: float = ALPHA) -> float:
    """S4: P(at least 2 of N independent in-control facilities alarm in one month), with each
    alarming with probability α: 1 − (1 − α)^N − Nα(1 − α)^(N − 1) (facts §6)."""
    whole = isinstance(n_facilities, (int, np.integer)) and _is_number(n_facilities)
    if not (whole and n_facilities >= 0):
        raise ValueError(f"n_facilities must be a whole number >= 0, not {n_facilities!r}")
    _check_alpha(alpha)
    return float(stats.binom.sf(1, n_facilities, alpha))


def shown_count(n: int) -> str:
    """A count as an alert shows it: 1–4 always as "<5" (facts §5, §6; lib.disclosure)."""
    return show(_count(n, "n"))
