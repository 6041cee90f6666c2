"""Every page weighs at most 150 KB gzipped with its assets; the map at most 400 KB."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from dcrnet.demo.tests.once import loaded_once
from dcrnet.directory.tests.sample_site import load_site
from testing.assets import References

KB = 1024
BUDGET = 150 * KB
MAP_BUDGET = 400 * KB
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def static_file(url: str) -> Path:
    path = urlsplit(url).path.removeprefix(settings.STATIC_URL)
    found = finders.find(path)
    assert found, f"{url} is referenced but no static file matches it"
    return Path(found)


def assets(client, page_url: str, html: bytes) -> dict[str, bytes]:
    """Every local file the page references, with the files its stylesheets reference."""
    parser = References()
    parser.feed(html.decode())
    found: dict[str, bytes] = {}
    queue = [urljoin(page_url, url) for url in parser.urls]
    while queue:
        parts = urlsplit(queue.pop(0))._replace(fragment="")
        url = parts.geturl()
        if parts.scheme in {"data", "blob"} or url in found or url == page_url:
            continue  # inline data, a file already counted, or a fragment of the page itself
        assert not parts.netloc, f"{page_url} references another host: {url}"
        if parts.path.startswith(settings.STATIC_URL):
            content = static_file(url).read_bytes()
            if parts.path.endswith(".css"):
                queue += [urljoin(url, ref) for ref in CSS_URL.findall(content.decode())]
        else:  # a local endpoint, such as the map's facilities JSON
            response = client.get(url)
            assert response.status_code == 200, f"{url}: HTTP {response.status_code}"
            content = response.content
        found[url] = content
    return found


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (each test reads it in a savepoint)."""
    with loaded_once(django_db_blocker, lambda: load_site(None)) as loaded:
        yield loaded


@pytest.mark.django_db
def test_every_page_stays_within_its_weight_budget(client, site):
    report, over = [], []
    for name, url in site.pages().items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} {url}: HTTP {response.status_code}"
        files = {url: response.content, **assets(client, url, response.content)}
        sizes = {file: (len(data), gzipped(data)) for file, data in files.items()}
        total = sum(compressed for _, compressed in sizes.values())
        budget = MAP_BUDGET if name == "map" else BUDGET
        report.append(f"{name} {url}: {total / KB:.1f} KB gzipped (budget {budget // KB} KB)")
        report += [
            f"    {compressed / KB:7.1f} KB gz {raw / KB:7.1f} KB raw  {file}"
            for file, (raw, compressed) in sizes.items()
        ]
        if total > budget:
            over.append(f"{name}: {total / KB:.1f} KB > {budget // KB} KB")
    print("\nPage weights (HTML + local assets, gzip level 6):\n" + "\n".join(report))
    assert not over, over


@pytest.mark.django_db
def test_the_map_page_counts_the_basemap_and_its_scripts(client, site):
    response = client.get(site.map)
    files = assets(client, site.map, response.content)
    assert any(url.endswith(".json") and "world-atlas" in url for url in files), (
        "the map should name its world-atlas basemap in a data attribute: " + ", ".join(files)
    )
    assert any(url.endswith(".js") and "leaflet" in url for url in files)
