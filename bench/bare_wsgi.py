"""The server's ceiling: a bare WSGI app returning each benchmarked page's captured bytes."""

from __future__ import annotations

from pathlib import Path

PAGES_DIR = Path(__file__).resolve().parent / ".work" / "pages"
BODIES = {file.stem: file.read_bytes() for file in PAGES_DIR.glob("*.html")}


def application(environ, start_response):
    body = BODIES.get(environ.get("PATH_INFO", "").strip("/"))
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "0")])
        return [b""]
    start_response(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]
