"""What a page loads by itself, for the page-weight budget test and the weight benchmark."""

from __future__ import annotations

from html.parser import HTMLParser

# Named pages, not loaded by the browser.
LINKS_ONLY = {"canonical", "alternate"}


class References(HTMLParser):
    """Local URLs a page loads: stylesheets, scripts, images and URLs in data-* attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("href") and values.get("rel") not in LINKS_ONLY:
            self.urls.append(values["href"])
        if tag in {"script", "img", "source"} and values.get("src"):
            self.urls.append(values["src"])
        for name, value in attrs:
            if name.startswith("data-") and value and value.startswith("/"):
                self.urls.append(value)
