"""The XSS corpus of RELIABILITY test 34 and its predicate, for every test that puts hostile text
through a page, an email or the API: `<script>`, `on*` handlers, svg/img/iframe, javascript: and
data: URLs, entity tricks and Markdown links."""

from __future__ import annotations

import re
from html.parser import HTMLParser

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[entity](jav&#x61;script:alert(1))",
    "[spaced](  JaVaScRiPt:alert(1))",
    "![image](https://evil.example/x.png)",
    '<a href="javascript:alert(1)">x</a>',
    '"><script>alert(1)</script>',
    "<iframe src=\"javascript:alert('x')\"></iframe>",
    "`<script>alert(1)</script>` and <b onmouseover=alert(1)>bold</b>",
    '[title](https://example.org "onmouseover=alert(1)")',
    "@xss<script>alert(1)</script>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
]

SAFE_SCHEMES = {"http", "https", "mailto"}


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and not attributes.get("nonce"):
            self.problems.append(self.get_starttag_text())
        if tag in {"iframe", "svg", "img", "object", "embed"}:
            self.problems.append(self.get_starttag_text())
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(self.get_starttag_text())
            if name in {"href", "src", "action", "formaction", "data"} and value:
                scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value)
                if scheme and scheme[1].lower() not in SAFE_SCHEMES:
                    self.problems.append(self.get_starttag_text())


def unsafe_markup(html: str) -> list[str]:
    """The start tags of `html` that could run script: no un-nonced inline script, no on*
    attribute, no URL scheme outside http, https and mailto."""
    scan = _Scan()
    scan.feed(html)
    return scan.problems
