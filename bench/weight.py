"""Page weight benchmark: each page with every local file it loads, in English and in French.

Run by `make bench`, or alone: `.venv/bin/python bench/weight.py [--languages en,fr,de,nl,es]`.
It builds the same database as pages.py under bench/.work/ (or reuses it: --reuse-db), serves the
site the `make serve` way and fetches each page as a browser would, with its stylesheets, scripts,
images, the files those stylesheets name and the URLs in data-* attributes (the map's data, the
charts' series). It prints, per page and language, the total gzipped at level 6 (the measure of
the budget test, dcrnet/tests/test_page_weight.py) and the bytes this server sends (static files
brotli-compressed by WhiteNoise, pages as rendered), and each translated page's ratio to English:
the target is at most 1.10. See bench/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from pages import (
    LANGUAGES,
    PAGES,
    ROOT,
    WORK,
    Server,
    collect_static,
    fetch,
    in_language,
    page_paths,
    prefixed,
    prepare_site,
)

sys.path.insert(0, str(ROOT))  # the project, for its test helpers
from testing.assets import References  # noqa: E402

KB = 1024
# The pages of pages.py and the other page types a visitor meets first.
WEIGHED = {
    **PAGES,
    "countries": "/countries/",
    "map": "/map/",
    "highlights": "/highlights/",
    "about": "/about/",
    "evidence": "/evidence/",
    "data": "/data/",
}
TARGET_RATIO = 1.10
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
BROWSER = {"Accept": "text/html,application/xhtml+xml"}
COMPRESSED = {"Accept-Encoding": "br, gzip"}


@dataclass
class File:
    raw: int
    gzipped: int
    wire: int  # as this server sends it to a browser that accepts br and gzip


@dataclass
class Weight:
    path: str
    files: dict[str, File] = field(default_factory=dict)

    def total(self, measure: str) -> int:
        return sum(getattr(file, measure) for file in self.files.values())


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def weigh_file(site: Server, url: str, headers: dict[str, str]) -> tuple[bytes, File]:
    status, _, body = fetch(site.url(url), headers)
    if status != 200:
        raise SystemExit(f"{url} answered {status}, not 200")
    _, _, served = fetch(site.url(url), {**headers, **COMPRESSED})
    return body, File(raw=len(body), gzipped=gzipped(body), wire=len(served))


def weigh(site: Server, path: str) -> Weight:
    """The page and every local file it loads, each once."""
    weight = Weight(path)
    html, weight.files[path] = weigh_file(site, path, BROWSER)
    parser = References()
    parser.feed(html.decode())
    queue = [urljoin(path, url) for url in parser.urls]
    while queue:
        parts = urlsplit(queue.pop(0))._replace(fragment="")
        url = parts.geturl()
        if parts.scheme in {"data", "blob"} or url in weight.files:
            continue
        if parts.netloc:
            raise SystemExit(f"{path} loads a file from another host: {url}")
        content, weight.files[url] = weigh_file(site, url, {})
        if parts.path.endswith(".css"):
            queue += [urljoin(url, ref) for ref in CSS_URL.findall(content.decode())]
    return weight


def kb(size: int) -> str:
    return f"{size / KB:.1f}"


def report(weights: dict[str, Weight], pages: list[str], languages: list[str]) -> int:
    """The table and the files that differ from English; returns how many pages miss."""
    others = [language for language in languages if language != "en"]
    head = f"{'page':<11} {'lang':<5} {'KB gz':>7} {'÷en':>6} {'KB sent':>8} {'÷en':>6}"
    print(f"{head} {'HTML gz':>8}  target")
    misses = 0
    differences = []
    for page in pages:
        english = weights[page]
        for language in languages:
            weight = weights[in_language(page, language)]
            gz, sent = weight.total("gzipped"), weight.total("wire")
            html = weight.files[weight.path].gzipped
            line = f"{page if language == languages[0] else '':<11} {language:<5} {kb(gz):>7}"
            if language == "en" or "en" not in languages:
                print(f"{line} {'':>6} {kb(sent):>8} {'':>6} {kb(html):>8}")
                continue
            ratio = gz / english.total("gzipped")
            sent_ratio = sent / english.total("wire")
            meets = ratio <= TARGET_RATIO and sent_ratio <= TARGET_RATIO
            misses += not meets
            print(
                f"{line} {ratio:>6.3f} {kb(sent):>8} {sent_ratio:>6.3f} {kb(html):>8}"
                f"  {'meets' if meets else 'MISSES'}"
            )
            differences += changed_files(page, english, weight, language)
    if others and "en" in languages and differences:
        print("\nFiles whose gzipped size differs by 0.1 KB or more from the English page's:")
        print("\n".join(sorted(set(differences))))
    return misses


def changed_files(page: str, english: Weight, weight: Weight, language: str) -> list[str]:
    """The page itself and the files only one of the two loads (the JavaScript catalogue)."""
    lines = []
    html = weight.files[weight.path].gzipped - english.files[english.path].gzipped
    if abs(html) >= 0.1 * KB:
        lines.append(f"  {page}: the page {html / KB:+.1f} KB ({language})")
    own = set(weight.files) - set(english.files) - {weight.path}
    theirs = set(english.files) - set(weight.files) - {english.path}
    if own or theirs:
        diff = sum(weight.files[u].gzipped for u in own) - sum(
            english.files[u].gzipped for u in theirs
        )
        if abs(diff) >= 0.1 * KB:
            names = ", ".join(sorted(re.sub(r"\.[0-9a-f]{12}\.", ".", u) for u in own))
            lines.append(f"  {page}: {names} instead of the English files: {diff / KB:+.1f} KB")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=",".join(WEIGHED), help="comma-separated subset")
    parser.add_argument(
        "--languages", default="en,fr", help=f"comma-separated, of {', '.join(LANGUAGES)}"
    )
    parser.add_argument("--reuse-db", action="store_true", help="skip building the database")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page misses")
    parser.add_argument("--files", action="store_true", help="list every file of every page")
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]
    languages = [lang for lang in args.languages.split(",") if lang]
    if set(pages) - set(WEIGHED):
        parser.error(f"--pages: choose from {', '.join(WEIGHED)}")
    if not languages or set(languages) - set(LANGUAGES):
        parser.error(f"--languages: choose from {', '.join(LANGUAGES)}")

    if not (args.reuse_db and (WORK / "bench.sqlite3").exists()):
        prepare_site()
    collect_static()
    site = Server("granian", "dcrnet.wsgi:application", "weight-site", "/healthz")
    try:
        site.wait_ready()
        paths = {**WEIGHED, **page_paths(site)}
        weights = {
            in_language(page, language): weigh(site, prefixed(paths[page], language))
            for page in pages
            for language in languages
        }
    finally:
        site.stop()

    print("\n== page weight: the page and every local file it loads, each once")
    misses = report(weights, pages, languages)
    if args.files:
        for name, weight in weights.items():
            print(f"\n{name} {weight.path}")
            for url, file in weight.files.items():
                print(f"  {kb(file.gzipped):>7} KB gz {kb(file.wire):>7} KB sent  {url}")
    saved = {
        name: {"path": weight.path, "files": {url: vars(f) for url, f in weight.files.items()}}
        for name, weight in weights.items()
    }
    (WORK / "weight.json").write_text(json.dumps(saved, indent=2))
    return 1 if (args.strict and misses) else 0


if __name__ == "__main__":
    sys.exit(main())
