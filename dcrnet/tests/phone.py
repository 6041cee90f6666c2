"""Checks for browser tests at phone width (390 CSS pixels, an iPhone 12 to 15)."""

from __future__ import annotations

from typing import Any

PHONE = {"width": 390, "height": 844}

# Whether an element lies inside the viewport's width and is not cut off by any box around it
# that clips or scrolls its overflow (a table inside a scrolling box hides its last columns).
_SHOWN_WHOLE = """el => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.left < 0 || r.right > window.innerWidth + 0.5) return false;
  for (let box = el.parentElement; box; box = box.parentElement) {
    if (getComputedStyle(box).overflowX === "visible") continue;
    const b = box.getBoundingClientRect();
    if (r.left < b.left - 0.5 || r.right > b.right + 0.5) return false;
  }
  return true;
}"""

# Boxes that scroll sideways, each with what a keyboard and a screen reader user would miss.
_SCROLL_BOXES = """() => [...document.querySelectorAll("*")]
  .filter(el => ["auto", "scroll"].includes(getComputedStyle(el).overflowX)
                && el.scrollWidth > el.clientWidth + 1)
  .map(el => {
    const by = el.getAttribute("aria-labelledby");
    const name = (el.getAttribute("aria-label")
                  || (by && document.getElementById(by)?.textContent) || "").trim();
    const problems = [];
    if (el.tabIndex !== 0) problems.push("no tabindex=0");
    if (!name) problems.push("no accessible name");
    if (el.getAttribute("role") !== "region") problems.push("not a region");
    const id = el.id ? "#" + el.id : "." + [...el.classList].join(".");
    return problems.length ? `${el.tagName.toLowerCase()}${id}: ${problems.join(", ")}` : "";
  })
  .filter(Boolean)"""


def phone_page(new_browser_page, **options: Any) -> Any:
    return new_browser_page(viewport=PHONE, **options)


def page_width(page) -> tuple[int, int]:
    """(the page's scroll width, the window's width): equal when nothing sticks out sideways."""
    width, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    return width, inner


def shown_whole(locator) -> bool:
    """The element is seen whole, without scrolling the page or any box around it sideways."""
    return locator.evaluate(_SHOWN_WHOLE)


def unreachable_scroll_boxes(page) -> list[str]:
    """Boxes that scroll sideways but are not a named region that takes the keyboard focus."""
    return page.evaluate(_SCROLL_BOXES)
