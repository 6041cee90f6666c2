"""Uncertainty of a run: one-way sensitivity (the tornado) and a seeded Monte Carlo, both as one
vectorised call of engine.run over numpy arrays."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext_lazy as _

from . import engine

DRAWS = 10_000
SEED = 20171


@dataclass(frozen=True)
class Range:
    """How one input varies: its low and high and the distribution between them (the mode of a
    triangular or PERT distribution is the input's value)."""

    low: float
    high: float
    distribution: str = "fixed"  # fixed | uniform | triangular | pert
    label: str = ""


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    low: float
    high: float
    net_at_low: float
    net_at_high: float

    @property
    def swing(self) -> float:
        return abs(self.net_at_high - self.net_at_low)


@dataclass(frozen=True)
class Interval:
    key: str
    label: str
    median: float | None
    low: float | None  # 2.5th percentile
    high: float | None  # 97.5th percentile


@dataclass(frozen=True)
class Summary:
    draws: int
    seed: int
    intervals: tuple[Interval, ...]
    net: np.ndarray  # every draw of the net savings, for a histogram

    def get(self, key: str) -> Interval:
        return next(i for i in self.intervals if i.key == key)


def varied(options: engine.Options, ranges: Mapping[str, Range]) -> list[str]:
    """The inputs of this run that vary: read by the options' models, with a real range."""
    return [key for key in engine.needed(options) if key in ranges and _varies(ranges[key])]


def _varies(r: Range) -> bool:
    return r.distribution != "fixed" and r.low < r.high


def _label(key: str, ranges: Mapping[str, Range]) -> str:
    return ranges[key].label or engine.PARAMETERS[key].label


def _columns(values: Mapping[str, float], options: engine.Options, size: int):
    return {k: np.full(size, float(values[k])) for k in engine.needed(options)}


def tornado(
    values: Mapping[str, float], options: engine.Options, ranges: Mapping[str, Range]
) -> list[Bar]:
    """Net savings with each varied input at its low and at its high, the others at their
    values; the widest swing first."""
    keys = varied(options, ranges)
    if not keys:
        return []
    columns = _columns(values, options, 2 * len(keys))
    for i, key in enumerate(keys):
        columns[key][2 * i] = ranges[key].low
        columns[key][2 * i + 1] = ranges[key].high
    net = np.asarray(engine.run(columns, options).net)
    bars = [
        Bar(
            key=key,
            label=_label(key, ranges),
            low=ranges[key].low,
            high=ranges[key].high,
            net_at_low=float(net[2 * i]),
            net_at_high=float(net[2 * i + 1]),
        )
        for i, key in enumerate(keys)
    ]
    return sorted(bars, key=lambda b: (-b.swing, b.key))


def draw(rng: np.random.Generator, r: Range, mode: float, size: int) -> np.ndarray:
    """`size` draws from one input's distribution."""
    low, high = r.low, r.high
    if r.distribution == "fixed" or not low < high:
        return np.full(size, float(mode))
    if r.distribution == "uniform":
        return rng.uniform(low, high, size)
    mode = min(max(float(mode), low), high)
    if r.distribution == "triangular":
        return rng.triangular(low, mode, high, size)
    if r.distribution == "pert":
        alpha = 1 + 4 * (mode - low) / (high - low)
        beta = 1 + 4 * (high - mode) / (high - low)
        return low + (high - low) * rng.beta(alpha, beta, size)
    raise ValueError(f"unknown distribution {r.distribution!r}")


def _interval(key: str, label: str, x) -> Interval:
    x = np.asarray(x, dtype=float)
    x = x[~np.isnan(x)]
    if x.size == 0:
        return Interval(key, label, None, None, None)
    low, median, high = np.percentile(x, [2.5, 50, 97.5])
    return Interval(key, label, float(median), float(low), float(high))


def monte_carlo(
    values: Mapping[str, float],
    options: engine.Options,
    ranges: Mapping[str, Range],
    draws: int = DRAWS,
    seed: int = SEED,
) -> Summary:
    """Every varied input drawn independently from its distribution, in the order of
    engine.PARAMETERS (so a seed always gives the same draws); median and 95 % interval."""
    rng = np.random.default_rng(seed)
    columns = _columns(values, options, draws)
    for key in varied(options, ranges):
        columns[key] = draw(rng, ranges[key], values[key], draws)
    result = engine.run(columns, options)
    net = np.broadcast_to(np.asarray(result.net, dtype=float), (draws,)).copy()
    intervals = [
        _interval("net", _("Net savings"), net),
        _interval("gross", _("Gross savings"), np.broadcast_to(result.gross, (draws,))),
        _interval("bcr", _("Benefit–cost ratio"), np.broadcast_to(result.bcr, (draws,))),
    ]
    intervals += [
        _interval(c.key, c.label, np.broadcast_to(c.events, (draws,))) for c in result.components
    ]
    return Summary(draws=draws, seed=seed, intervals=tuple(intervals), net=net)
