"""The embeddable badge of an initiative: how many organisations endorse it, and its title.

An image other sites show with a plain <img> (no script of ours runs there): SVG, and PNG for
places that take no SVG. Every text is escaped for XML and stripped of characters XML cannot
hold; nothing in it is a link or a reference to another resource.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH, HEIGHT = 360, 88
BOX = 80  # the square that holds the count
TEXT_X = BOX + 12
TEXT_WIDTH = WIDTH - TEXT_X - 10
TITLE_LINES = 2
# Baselines of the headline, the title's lines and the network's name, and their font sizes.
HEADLINE_Y, TITLE_Y, NETWORK_Y = 24, (43, 59), 78
HEADLINE_SIZE, TITLE_SIZE, NETWORK_SIZE = 15, 12, 11
# An average glyph of a sans-serif font is about this wide, in ems (a little more in bold).
GLYPH, BOLD_GLYPH = 0.56, 0.62
ACCENT, DARK, LIGHT, WHITE = "#0b5cab", "#08457f", "#dbe9f8", "#ffffff"
FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"
# Characters XML 1.0 cannot hold (C0 controls but tab and newlines, surrogates, U+FFFE/U+FFFF).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Badge:
    count: int
    headline: str
    title: str
    network: str

    @property
    def label(self) -> str:
        """The whole badge in one sentence (the image's accessible name)."""
        return _("%(count)s %(headline)s “%(title)s” (%(network)s)") % {
            "count": self.count,
            "headline": self.headline,
            "title": self.title,
            "network": self.network,
        }


def clean(text: str) -> str:
    return " ".join(NOT_XML.sub("", text).split())


def badge(title: str, count: int) -> Badge:
    """The badge's texts in the active language."""
    return Badge(
        count=count,
        headline=ngettext("organisation endorses", "organisations endorse", count),
        title=clean(title),
        network=_("DCR Network"),
    )


def wrap(text: str, fits: Callable[[str], bool], lines: int = TITLE_LINES) -> list[str]:
    """The text in at most `lines` lines that each fit, the last one cut with an ellipsis when
    the text goes on (a word longer than a line is cut, and ends the text)."""
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines:
        line = words.pop(0)
        while words and fits(f"{line} {words[0]}"):
            line = f"{line} {words.pop(0)}"
        out.append(line)
        if not fits(line):  # one word longer than a line: cut below, nothing after it
            break
    if out and (words or not fits(out[-1])):
        last = out[-1]
        while last and not fits(last + "…"):
            last = last[:-1]
        out[-1] = last.rstrip() + "…"
    return out


def _estimate(size: float, glyph: float = GLYPH) -> Callable[[str], bool]:
    return lambda text: len(text) * size * glyph <= TEXT_WIDTH


def _count_size(count: str) -> int:
    return 30 if len(count) <= 3 else max(14, 30 - 4 * (len(count) - 3))


def _squeezed(text: str, size: float, glyph: float) -> str:
    """textLength for a line estimated wider than its space (a translation's long headline)."""
    if _estimate(size, glyph)(text):
        return ""
    return f' textLength="{TEXT_WIDTH}" lengthAdjust="spacingAndGlyphs"'


def svg(b: Badge) -> str:
    count = str(b.count)
    size = _count_size(count)
    label = escape(b.label)
    title = wrap(b.title, _estimate(TITLE_SIZE))
    lines = "".join(
        f'<text x="{TEXT_X}" y="{y}" font-size="{TITLE_SIZE}">{escape(line)}</text>'
        for line, y in zip(title, TITLE_Y, strict=False)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">'
        f"<title>{label}</title>"
        f'<rect width="{WIDTH}" height="{HEIGHT}" rx="6" fill="{ACCENT}"/>'
        f'<rect width="{BOX}" height="{HEIGHT}" rx="6" fill="{DARK}"/>'
        f'<rect x="{BOX - 6}" width="6" height="{HEIGHT}" fill="{DARK}"/>'
        f'<g font-family="{escape(FONTS)}" fill="{WHITE}">'
        f'<text x="{BOX // 2}" y="{HEIGHT // 2 + size // 3}" text-anchor="middle" '
        f'font-size="{size}" font-weight="700">{escape(count)}</text>'
        f'<text x="{TEXT_X}" y="{HEADLINE_Y}" font-size="{HEADLINE_SIZE}" font-weight="700"'
        f"{_squeezed(b.headline, HEADLINE_SIZE, BOLD_GLYPH)}>{escape(b.headline)}</text>"
        f"{lines}"
        f'<text x="{TEXT_X}" y="{NETWORK_Y}" font-size="{NETWORK_SIZE}" fill="{LIGHT}">'
        f"{escape(b.network)}</text>"
        "</g></svg>"
    )


SCALE = 2  # the PNG is drawn at twice the size, for sharp text on dense screens


@functools.cache
def _font(size: int, bold: bool = False):
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size * SCALE)
    except OSError:  # no DejaVu on this machine: Pillow's own font
        return ImageFont.load_default(size * SCALE)


def _measured(font) -> Callable[[str], bool]:
    return lambda text: font.getlength(text) <= TEXT_WIDTH * SCALE


def png(b: Badge) -> bytes:
    from PIL import Image, ImageDraw

    width, height, radius = WIDTH * SCALE, HEIGHT * SCALE, 6 * SCALE
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=radius, fill=ACCENT)
    draw.rounded_rectangle((0, 0, BOX * SCALE, height - 1), radius=radius, fill=DARK)
    draw.rectangle(((BOX - 6) * SCALE, 0, BOX * SCALE, height - 1), fill=DARK)
    count = str(b.count)
    draw.text(
        (BOX * SCALE // 2, height // 2),
        count,
        font=_font(_count_size(count), bold=True),
        fill=WHITE,
        anchor="mm",
    )
    x = TEXT_X * SCALE
    headline = _font(HEADLINE_SIZE, bold=True)
    [first] = wrap(b.headline, _measured(headline), lines=1) or [""]
    draw.text((x, HEADLINE_Y * SCALE), first, font=headline, fill=WHITE, anchor="ls")
    title = _font(TITLE_SIZE)
    for line, y in zip(wrap(b.title, _measured(title)), TITLE_Y, strict=False):
        draw.text((x, y * SCALE), line, font=title, fill=WHITE, anchor="ls")
    draw.text((x, NETWORK_Y * SCALE), b.network, font=_font(NETWORK_SIZE), fill=LIGHT, anchor="ls")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
