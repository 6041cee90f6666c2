"""The funnel plot as inline SVG drawn on the server: it exists without JavaScript.

An image with a title and a description (role="img"); the page puts the table of the same
figures under it. Every text is escaped; presentation attributes only (the Content-Security-Policy
forbids inline styles). Coordinates are rounded to whole units of the 640-wide drawing, so the
picture is no more precise than the rounded figures of the table.
"""

from __future__ import annotations

import math

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from dcrnet.lib.charts import nice_ticks

from .selectors import View

WIDTH, HEIGHT = 640, 420
LEFT, RIGHT, TOP, BOTTOM = 64, 36, 56, 56
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
INK, MUTED, GRID = "#1b1f24", "#4a5360", "#d0d7de"
POINT, OWN = "#0b5cab", "#9a3412"  # 4.5:1 or more on white


def tick_label(value: float, step: float) -> str:
    places = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return number_format(round(value, places), places, force_grouping=True)


def _text(x: float, y: float, text: str, *, anchor: str = "start", fill: str = INK, **extra) -> str:
    attrs = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in extra.items())
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" font-size="12" text-anchor="{anchor}" '
        f'fill="{fill}"{attrs}>{escape(text)}</text>'
    )


def _line(x1, y1, x2, y2, colour=GRID, width=1.0, dash="") -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="{colour}" '
        f'stroke-width="{width}"{dashes}/>'
    )


def _polyline(points: list[tuple[float, float]], dash: str = "", width: float = 1.5) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    coordinates = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
    return (
        f'<polyline points="{coordinates}" fill="none" stroke="{MUTED}" '
        f'stroke-width="{width}"{dashes}/>'
    )


def _diamond(x: float, y: float, r: float) -> str:
    return (
        f'<path d="M{x:.0f} {y - r:.0f} L{x + r:.0f} {y:.0f} L{x:.0f} {y + r:.0f} '
        f'L{x - r:.0f} {y:.0f} Z" fill="{OWN}" stroke="#fff" stroke-width="1.5"/>'
    )


DASH_95, DASH_998 = "6 4", "2 3"


def funnel_svg(
    view: View, *, title: str, x_label: str, y_label: str, per_cap: float | None, chart_id: str
) -> SafeString:
    """The group's rate, its 95 % and 99.8 % limits along the facilities' sizes, and a dot per
    facility shown (`view.points`); the viewer's own facilities as named diamonds."""
    result = view.comparison
    sizes = [p.size for p in view.points] or [row[0] for row in result.curve]
    values = [p.value for p in view.points]
    # Tall enough for every point and the 99.8 % band where most facilities are; the limits of
    # the very smallest facilities may leave the top and are cut there.
    middle = result.curve[len(result.curve) // 2] if result.curve else (0, 0, 0, 0, 0)
    top_value = max([*values, result.target * 1.5, middle[4]]) * 1.08 or 1.0
    if per_cap is not None:
        top_value = min(top_value, per_cap)
    y_ticks = nice_ticks(0, top_value)
    x_ticks = nice_ticks(0, max(sizes) if sizes else 1.0)
    x_high, y_high = x_ticks[-1], y_ticks[-1]
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def sx(size: float) -> float:
        return LEFT + size / x_high * (right - LEFT)

    def sy(value: float) -> float:
        return bottom - value / y_high * (bottom - TOP)

    body = [
        f'<defs><clipPath id="{chart_id}-plot"><rect x="{LEFT}" y="{TOP}" '
        f'width="{right - LEFT}" height="{bottom - TOP}"/></clipPath></defs>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
    ]
    # Legend: the lines, then the points.
    legend = [
        ("", 2.0, _("group rate")),
        (DASH_95, 1.5, _("95 % limits")),
        (DASH_998, 1.5, _("99.8 % limits")),
    ]
    for index, (dash, width, label) in enumerate(legend):
        x = LEFT + index * 190
        body.append(_line(x, 12, x + 28, 12, MUTED if dash else INK, width, dash))
        body.append(_text(x + 34, 16, label))
    body.append(f'<circle cx="{LEFT + 14}" cy="32" r="4" fill="{POINT}"/>')
    body.append(_text(LEFT + 34, 36, _("a facility (unnamed)")))
    if view.own:
        body.append(_diamond(LEFT + 190 + 14, 32, 6))
        body.append(_text(LEFT + 190 + 34, 36, _("your facility")))

    step_y = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else 1.0
    for tick in y_ticks:
        body.append(_line(LEFT, sy(tick), right, sy(tick)))
        body.append(_text(LEFT - 6, sy(tick) + 4, tick_label(tick, step_y), anchor="end"))
    step_x = x_ticks[1] - x_ticks[0] if len(x_ticks) > 1 else 1.0
    for tick in x_ticks:
        body.append(_line(sx(tick), bottom, sx(tick), bottom + 4, MUTED))
        body.append(_text(sx(tick), bottom + 18, tick_label(tick, step_x), anchor="middle"))
    body.append(_line(LEFT, bottom, right, bottom, MUTED))
    body.append(_line(LEFT, TOP, LEFT, bottom, MUTED))
    body.append(_text((LEFT + right) / 2, HEIGHT - 12, x_label, anchor="middle", fill=MUTED))
    middle_y = (TOP + bottom) / 2
    body.append(
        _text(
            16,
            middle_y,
            y_label,
            anchor="middle",
            fill=MUTED,
            transform=f"rotate(-90 16 {middle_y:.0f})",
        )
    )

    plot = [f'<g clip-path="url(#{chart_id}-plot)">']
    if result.curve:
        for column, dash in ((1, DASH_998), (2, DASH_95), (3, DASH_95), (4, DASH_998)):
            plot.append(_polyline([(sx(row[0]), sy(row[column])) for row in result.curve], dash))
    plot.append(_line(LEFT, sy(result.target), right, sy(result.target), INK, 2.0))
    for point in view.points:
        if not point.own:
            plot.append(
                f'<circle cx="{sx(point.size):.0f}" cy="{sy(point.value):.0f}" r="4" '
                f'fill="{POINT}" fill-opacity="0.75"/>'
            )
    plot.append("</g>")
    body += plot
    # The viewer's own facilities last, on top, with their names (never clipped away).
    for point in view.own:
        x, y = sx(point.size), min(max(sy(point.value), TOP), bottom)
        body.append(_diamond(x, y, 7))
        anchor = "end" if x > (LEFT + right) / 2 else "start"
        # A white outline keeps the name legible over the lines and dots.
        halo = {"stroke": "#fff", "stroke_width": "4", "paint_order": "stroke"}
        body.append(
            _text(x + (-10 if anchor == "end" else 10), y - 8, point.name, anchor=anchor, **halo)
        )

    description = _(
        "A funnel plot: each dot is one facility, by its size (across) and its rate (up); the "
        "line is the group's rate and the dashed and dotted curves its 95 %% and 99.8 %% "
        "limits, which narrow as facilities grow. %(n)s facilities are drawn. The table below "
        "gives the same figures."
    ) % {"n": len(view.points)}
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="{escape(FONT)}" class="peers-chart" id="{chart_id}" data-png="{chart_id}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    # Safe: every text in it went through escape().
    return mark_safe(head + "".join(body) + "</svg>")
