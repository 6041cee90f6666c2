"""What the server-drawn SVG charts share (the impact estimator's, the peer funnel plots)."""

from __future__ import annotations

import math


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: 1, 2 or 5 times a power of ten apart."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first, last = math.floor(low / step), math.ceil(high / step)
    # round() drops float noise (0.30000000000000004); 0.0 rather than -0.0.
    return [round(n * step, 12) + 0.0 for n in range(first, last + 1)]
