"""The estimator's charts as inline SVG drawn on the server: they exist without JavaScript.

Each chart is an image with a title and a description (role="img"); the page puts the table of
the same figures beside it, so nothing is only in the picture. Every text is escaped; the SVG
uses presentation attributes only (the Content-Security-Policy forbids inline styles).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from dcrnet.lib.charts import nice_ticks

WIDTH = 640
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
INK, MUTED, LINE = "#1b1f24", "#4a5360", "#8c959f"
# Low and high ends of a parameter's range: blue and dark orange, each 4.5:1 or more on white.
LOW_COLOUR, HIGH_COLOUR = "#0b5cab", "#9a3412"
BAR_COLOUR, MARK_COLOUR = "#4f7fb5", "#1b1f24"
MARGIN_X = 24
AXIS_HEIGHT = 44


@dataclass(frozen=True)
class TornadoRow:
    label: str
    at_low: float  # the output with this parameter at the low end of its range
    at_high: float


def scaled(value: float, divisor: float) -> str:
    """A tick label: the value divided by `divisor`, in the page's language's number format."""
    shown = value / divisor
    places = 0 if abs(shown) >= 10 or shown == int(shown) else 1
    return number_format(round(shown, places), places, force_grouping=True)


def divisor_for(values: Sequence[float]) -> tuple[float, str]:
    """Millions, thousands or units, after the largest magnitude shown."""
    largest = max((abs(v) for v in values if math.isfinite(v)), default=0.0)
    if largest >= 1e6:
        return 1e6, _("millions")
    if largest >= 1e4:
        return 1e3, _("thousands")
    return 1.0, ""


class _Scale:
    def __init__(self, low: float, high: float, left: float, right: float):
        self.low, self.high, self.left, self.right = low, high, left, right

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return self.left + (value - self.low) / span * (self.right - self.left)


def _text(
    x: float, y: float, text: str, *, size: int = 12, anchor: str = "start", fill: str = INK
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}">{escape(text)}</text>'
    )


def _svg(height: float, title: str, description: str, chart_id: str, body: list[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="{escape(FONT)}" class="impact-chart" id="{chart_id}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    # Safe: every text in it went through escape() above.
    return mark_safe(head + "".join(body) + "</svg>")


def _axis(
    scale: _Scale, ticks: list[float], divisor: float, top: float, bottom: float
) -> list[str]:
    parts = [
        f'<line x1="{scale.left:.1f}" x2="{scale.right:.1f}" y1="{bottom:.1f}" '
        f'y2="{bottom:.1f}" stroke="{LINE}"/>'
    ]
    for tick in ticks:
        x = scale(tick)
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom + 4:.1f}" '
            f'stroke="{LINE}" stroke-width="0.5"/>'
        )
        parts.append(_text(x, bottom + 18, scaled(tick, divisor), size=12, anchor="middle"))
    return parts


def _vertical(x: float, top: float, bottom: float, *, dashed: bool = False, colour=MARK_COLOUR):
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (
        f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" '
        f'stroke="{colour}" stroke-width="1.5"{dash}/>'
    )


def tornado(
    rows: Sequence[TornadoRow], base: float, *, title: str, axis_label: str, chart_id: str
) -> SafeString:
    """One bar per parameter from the output at its low value to the output at its high value,
    around the base case; the label stands above each bar so the chart stays narrow."""
    values = [base, *(v for row in rows for v in (row.at_low, row.at_high))]
    values = [v for v in values if math.isfinite(v)]
    ticks = nice_ticks(min(values), max(values)) if values else []
    divisor, magnitude = divisor_for(values)
    low, high = (ticks[0], ticks[-1]) if ticks else (0.0, 1.0)
    scale = _Scale(low, high, MARGIN_X, WIDTH - MARGIN_X)
    row_height, bar_height = 38, 14
    legend_height = 26
    top = legend_height
    bottom = top + row_height * len(rows) + 6
    body = [
        f'<rect x="{MARGIN_X}" y="4" width="12" height="12" fill="{LOW_COLOUR}"/>',
        _text(MARGIN_X + 18, 14, _("parameter at its low value")),
        f'<rect x="{WIDTH / 2:.0f}" y="4" width="12" height="12" fill="{HIGH_COLOUR}"/>',
        _text(WIDTH / 2 + 18, 14, _("parameter at its high value")),
    ]
    body += _axis(scale, ticks, divisor, top, bottom)
    for index, row in enumerate(rows):
        y = top + index * row_height
        body.append(_text(MARGIN_X, y + 14, row.label, size=12))
        bar_y = y + 19
        for value, colour in ((row.at_low, LOW_COLOUR), (row.at_high, HIGH_COLOUR)):
            if not math.isfinite(value):
                continue
            x0, x1 = sorted((scale(base), scale(value)))
            body.append(
                f'<rect x="{x0:.1f}" y="{bar_y:.1f}" width="{max(x1 - x0, 1):.1f}" '
                f'height="{bar_height}" fill="{colour}"/>'
            )
    body.append(_vertical(scale(base), top, bottom))
    if low < 0 < high:
        body.append(_vertical(scale(0), top, bottom, dashed=True, colour=MUTED))
    label = f"{axis_label} ({magnitude})" if magnitude else axis_label
    body.append(_text(WIDTH / 2, bottom + 38, label, anchor="middle", fill=MUTED))
    description = _(
        "Each bar shows the result with one parameter at the low and at the high end of its "
        "range, all others at their values; the vertical line is the result with every value "
        "as entered. The table below gives the same figures."
    )
    return _svg(bottom + AXIS_HEIGHT + 4, title, description, chart_id, body)


def histogram(
    draws: np.ndarray,
    *,
    median: float,
    interval: tuple[float, float],
    title: str,
    axis_label: str,
    chart_id: str,
    bins: int = 40,
) -> SafeString:
    """The Monte Carlo draws as a histogram, with the median and the 95 % interval marked."""
    draws = np.asarray(draws, dtype=float)
    draws = draws[np.isfinite(draws)]
    if draws.size == 0:
        draws = np.array([median])
    ticks = nice_ticks(float(draws.min()), float(draws.max()))
    low, high = ticks[0], ticks[-1]
    counts, edges = np.histogram(draws, bins=bins, range=(low, high))
    divisor, magnitude = divisor_for([low, high])
    scale = _Scale(low, high, MARGIN_X, WIDTH - MARGIN_X)
    top, plot_height = 30, 180
    bottom = top + plot_height
    tallest = int(counts.max()) or 1
    body = []
    for count, left, right in zip(counts, edges[:-1], edges[1:], strict=True):
        if not count:
            continue
        height = count / tallest * plot_height
        body.append(
            f'<rect x="{scale(left):.1f}" y="{bottom - height:.1f}" '
            f'width="{max(scale(right) - scale(left) - 1, 1):.1f}" height="{height:.1f}" '
            f'fill="{BAR_COLOUR}"/>'
        )
    body += _axis(scale, ticks, divisor, bottom, bottom)
    body.append(_vertical(scale(median), top - 6, bottom))
    body.append(_text(scale(median), top - 10, _("median"), anchor="middle"))
    for end in interval:
        body.append(_vertical(scale(end), top + 10, bottom, dashed=True))
    body.append(_text(WIDTH - MARGIN_X, 14, _("dashed: 95 % interval"), anchor="end", fill=MUTED))
    if low < 0 < high:
        body.append(_vertical(scale(0), top, bottom, colour=HIGH_COLOUR))
    label = f"{axis_label} ({magnitude})" if magnitude else axis_label
    body.append(_text(WIDTH / 2, bottom + 38, label, anchor="middle", fill=MUTED))
    description = _(
        "How often each result came out in %(draws)s random draws of the uncertain "
        "parameters; the table below gives the median and the 95 %% interval."
    ) % {"draws": number_format(int(draws.size), force_grouping=True)}
    return _svg(bottom + AXIS_HEIGHT + 4, title, description, chart_id, body)
