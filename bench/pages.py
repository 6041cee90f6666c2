"""Page benchmark: home, list, facility and country pages against the framework floor and server.

Run by `make bench`, or alone: `.venv/bin/python bench/pages.py [--servers granian,gunicorn]`.
It builds its own SQLite database under bench/.work/, collects static files, serves the site the
`make serve` way (DEBUG off, 2 workers) on a free loopback port and measures, with 50 concurrent
connections, each page next to two references served in the same run by the same server:
(a) "floor": the same settings and middleware returning the page's captured bytes from memory;
(b) "bare": a bare WSGI app returning those bytes. Each page is measured in English and, right
after, in French (the same path under /fr/), and the French page's throughput is compared with
the English one's. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
PAGES_DIR = WORK / "pages"
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"

# The server `make serve` runs; keep the two in step (bench/README.md has the measured reason).
DEFAULT_SERVER = "granian"
WORKERS = 2


def server_command(spec: str, app: str, port: int) -> list[str]:
    """A server's command line: granian as `make serve` starts it, or gunicorn.

    Options after the name come last and so override the defaults ("granian --blocking-threads 2").
    """
    server, *extra = spec.split()
    if server == "granian":
        # No access log here: the app writes its own JSON access lines, as under make serve.
        options = [
            "--interface", "wsgi", "--workers", str(WORKERS), "--blocking-threads", "32",
            "--host", HOST, "--port", str(port), "--log-level", "warning",
        ]  # fmt: skip
    elif server == "gunicorn":  # sync workers unless "gunicorn -k gthread --threads 4"
        options = ["-w", str(WORKERS), "-b", f"{HOST}:{port}"]
    else:
        raise SystemExit(f"--servers: unknown server {server!r} (granian or gunicorn)")
    return [str(VENV_BIN / server), *options, *extra, app]


PAGES = {
    "home": "/",
    "list": "/facilities/",
    "facility": "/facilities/lu-abrigado/",
    "country": "/countries/lu/",
}
TARGET_FLOOR_RATIO = 0.5
TARGET_P99_MS = 100.0
# Each page in English and, under its prefix, in the other languages asked for: the translated
# page serves at least 0.9 of the English page's requests per second (issue #9).
LANGUAGES = ("en", "fr", "de", "nl", "es")
DEFAULT_LANGUAGES = "en,fr"
TARGET_LANGUAGE_RATIO = 0.9


def in_language(name: str, language: str) -> str:
    """A page's name in a language: "home" in English, "home-fr" in French."""
    return name if language == "en" else f"{name}-{language}"


def prefixed(path: str, language: str) -> str:
    return path if language == "en" else f"/{language}{path}"


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # connection errors and non-2xx/3xx responses: the run fails
    timeouts: int = 0  # no answer within 5 s: counted, part of an overloaded run's figures


# --- preparing the site --------------------------------------------------------------------------


def bench_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CACHE_URL"}}
    env.update(
        # BENCH_SETTINGS tries a variant: a module that imports bench.bench_settings, changes it.
        DJANGO_SETTINGS_MODULE=os.environ.get("BENCH_SETTINGS", "bench.bench_settings"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        DEBUG="0",
        SECRET_KEY="bench-only-secret-key-not-used-anywhere-else-0123456789abcdefghij",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SQLITE_PATH=str(WORK / "bench.sqlite3"),
        TESTING="0",
    )
    if os.environ.get("BENCH_DATABASE_URL"):  # e.g. a throwaway PostgreSQL database
        env["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    return env


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=bench_env(), check=True)


def prepare_site() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    for file in WORK.glob("bench.sqlite3*"):
        file.unlink()
    started = time.monotonic()
    manage("migrate", "--noinput", "-v0")
    if (ROOT / "dcrnet/demo/management/commands/load_demo.py").exists():
        manage("load_demo")
    else:  # until the demo loader lands: a directory of the same size, made here
        subprocess.run([sys.executable, __file__, "--seed"], cwd=ROOT, env=bench_env(), check=True)
    print(f"database ready in {time.monotonic() - started:.0f} s", flush=True)


def collect_static() -> None:
    manage("collectstatic", "--noinput", "--clear", "-v0")


def seed() -> None:
    """A stand-in for load_demo: 34 facilities in 17 countries, two snapshots each."""
    import datetime as dt

    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone

    from dcrnet.directory.models import (
        Country,
        Facility,
        Highlight,
        OpeningHours,
        SnapshotCriterion,
        SnapshotRoute,
        SnapshotService,
    )
    from dcrnet.directory.services import record_snapshot, record_status
    from dcrnet.pages.models import Page

    codes = "LU DE NL CH ES FR BE PT DK NO GR IT CZ IS CA AU US".split()
    paragraph = (
        "Drug consumption rooms operate under a **specific legal provision** that exempts staff "
        "and clients from prosecution for possession on the premises. See [the law](https://"
        "example.org/law) and the *guidelines* of the ministry.\n\n"
    )
    services = ["supervision", "sterile_equipment", "overdose_response", "counselling", "referral"]
    with transaction.atomic():
        Page.objects.create(slug="home", title="DCR Network", body=paragraph * 2)
        countries = {
            code: Country.objects.create(
                code=code,
                legal_basis=paragraph * 3,
                political_situation=paragraph * 2,
                source_title="Bench source",
                source_url="https://example.org/source",
                as_of=dt.date(2024, 1, 1),
            )
            for code in codes
        }
        for i in range(34):
            code = codes[i % len(codes)]
            facility = Facility.objects.create(
                public_id="lu-abrigado" if i == 0 else f"{code.lower()}-bench-{i}",
                name="Abrigado" if i == 0 else f"Bench room {i}",
                operator="Operator association",
                city=f"City {i}",
                country=countries[code],
                latitude=40 + i / 10,
                longitude=5 + i / 10,
                description=paragraph * 2,
                website="https://example.org/",
            )
            record_status(facility, "open", dt.date(1995 + i % 25, 7, 1), source="b")
            if i % 7 == 3:
                record_status(facility, "closed", dt.date(2011, 5, 1), source="b")
            for year, n in ((2014, 3), (2024, 5)):
                snapshot = record_snapshot(facility, dt.date(year, 1, 1), source=f"Survey {year}")
                SnapshotRoute.objects.create(snapshot=snapshot, route="injecting", places=n + i)
                SnapshotRoute.objects.create(snapshot=snapshot, route="smoking", places=n)
                for service in services[:n]:
                    SnapshotService.objects.create(snapshot=snapshot, service=service)
                for criterion in ("disclaimer", "contract", "possessdrugs")[: n - 2]:
                    SnapshotCriterion.objects.create(snapshot=snapshot, criterion=criterion)
                for day in range(7):
                    OpeningHours.objects.create(
                        snapshot=snapshot, weekday=day, opens=dt.time(8), closes=dt.time(20)
                    )
        Highlight.objects.create(
            month=timezone.localdate(),
            facility=Facility.objects.get(public_id="lu-abrigado"),
            text=paragraph * 3,
        )


# --- serving --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, server: str, app: str, name: str, probe: str):
        self.port = free_port()
        self.probe = probe  # a cheap path: answered once the server is ready, or idle again
        self.log = WORK / f"{name}.log"
        self.process = subprocess.Popen(
            server_command(server, app, self.port),
            cwd=ROOT,
            env=bench_env(),
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def settle(self) -> None:
        """Wait out requests a load run left queued, so they do not burden the next one."""
        fetch(self.url(self.probe), timeout=120)

    def wait_ready(self, timeout: float = 60) -> None:
        path = self.probe
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"server exited:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url(path), timeout=2) as response:
                    if response.status == 200:
                        return
            except (OSError, urllib.error.HTTPError):
                pass
            time.sleep(0.3)
        raise SystemExit(f"server not ready after {timeout} s:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def fetch(
    url: str, headers: dict[str, str] | None = None, timeout: float = 30
) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def page_paths(site: Server) -> dict[str, str]:
    """The English path of each page: Abrigado, or the list's first facility if there is none."""
    paths = dict(PAGES)
    status, _, body = fetch(site.url(paths["facility"]))
    if status == 404:  # no Abrigado in this data: take the first facility of the list
        _, _, listing = fetch(site.url(paths["list"]))
        match = re.search(rb'href="(/facilities/[\w-]+/)"', listing)
        if not match:
            raise SystemExit("no facility in the list page")
        paths["facility"] = match.group(1).decode()
    return paths


def capture_pages(site: Server, languages: list[str]) -> dict[str, str]:
    """Each page's path and bytes in each language, saved for the floor and bare references."""
    PAGES_DIR.mkdir(parents=True, exist_ok=True)
    for file in PAGES_DIR.glob("*.html"):
        file.unlink()
    paths = {
        in_language(name, language): prefixed(path, language)
        for name, path in page_paths(site).items()
        for language in languages
    }
    for name, path in paths.items():
        status, headers, body = fetch(site.url(path))
        if status != 200:
            raise SystemExit(f"{path} answered {status}, not 200")
        (PAGES_DIR / f"{name}.html").write_bytes(body)
    return paths


def check_static(site: Server) -> str:
    """The first hashed static file of the home page: compressed, cached for a year, immutable."""
    _, _, home = fetch(site.url("/"))
    match = re.search(rb'(/static/[\w/.-]+\.[0-9a-f]{12}\.(?:css|js))"', home)
    if not match:
        return "static: no hashed static file in the home page (manifest storage not in use?)"
    path = match.group(1).decode()
    status, headers, body = fetch(site.url(path), {"Accept-Encoding": "br, gzip"})
    return (
        f"static {path}: {status}, Content-Encoding {headers.get('Content-Encoding', 'none')}, "
        f"Cache-Control {headers.get('Cache-Control', 'none')!r}"
    )


# --- load -----------------------------------------------------------------------------------------


def ensure_wrk() -> str | None:
    """wrk's path; installed from Debian when missing and we are root, else None (Python loader)."""
    found = shutil.which("wrk")
    if found or os.environ.get("BENCH_NO_INSTALL"):
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing wrk (Debian package) ...", flush=True)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        installed = subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=apt_env, **quiet)
        if installed.returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=apt_env, **quiet)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=apt_env, **quiet)
    return shutil.which("wrk")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(wrk: str, url: str, seconds: float, connections: int) -> Result:
    out = subprocess.run(
        [wrk, "-t2", f"-c{connections}", f"-d{seconds:g}s", "--latency", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)\s*$", out, re.M))
    if set(percentiles) != {"50", "99"}:
        raise SystemExit(f"cannot read wrk's output:\n{out}")
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write) (\d+)", out))
    timeouts = re.search(r"timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return Result(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=_ms(percentiles["50"]),
        p99_ms=_ms(percentiles["99"]),
        requests=requests,
        errors=errors + (int(non2xx.group(1)) if non2xx else 0),
        timeouts=int(timeouts.group(1)) if timeouts else 0,
    )


async def _python_load(url: str, seconds: float, connections: int) -> Result:
    """A bounded keep-alive HTTP/1.1 load generator, for machines without wrk."""
    match = re.fullmatch(r"http://([\d.]+):(\d+)(/.*)", url)
    host, port, path = match.group(1), int(match.group(2)), match.group(3)
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal errors
        reader = writer = None
        while time.perf_counter() < deadline:
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, port)
                started = time.perf_counter()
                writer.write(request)
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
                length = re.search(r"content-length:\s*(\d+)", head)
                await reader.readexactly(int(length.group(1)) if length else 0)
                latencies.append(time.perf_counter() - started)
                if not head.startswith(("http/1.1 2", "http/1.1 3", "http/1.0 2")):
                    errors += 1
                if "connection: close" in head or not length:
                    writer.close()
                    reader = writer = None
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                errors += 1
                reader = writer = None
        if writer is not None:
            writer.close()

    started = time.perf_counter()
    await asyncio.wait_for(
        asyncio.gather(*(client() for _ in range(connections))), timeout=seconds + 10
    )
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return Result(
        rps=len(latencies) / elapsed,
        p50_ms=cuts[49] * 1000,
        p99_ms=cuts[98] * 1000,
        requests=len(latencies),
        errors=errors,
    )


def measure(wrk: str | None, url: str, seconds: float, warmup: float, connections: int) -> Result:
    if wrk:
        run_wrk(wrk, url, warmup, connections)
        return run_wrk(wrk, url, seconds, connections)
    asyncio.run(_python_load(url, warmup, connections))
    return asyncio.run(_python_load(url, seconds, connections))


# --- the run --------------------------------------------------------------------------------------


def compare_languages(
    site: Server, paths: dict[str, str], args: argparse.Namespace, wrk: str | None
) -> dict[str, dict[str, list[float]]]:
    """Each page's requests/s in each language, `--rounds` times, the order reversed every
    round (en fr, fr en, ...) so a change in the machine's load hits every language alike."""
    found: dict[str, dict[str, list[float]]] = {}
    for page in args.pages:
        rps: dict[str, list[float]] = {language: [] for language in args.languages}
        for round_ in range(args.rounds):
            order = args.languages if round_ % 2 == 0 else args.languages[::-1]
            for language in order:
                url = site.url(paths[in_language(page, language)])
                result = measure(wrk, url, args.round_seconds, args.warmup, args.connections)
                if result.errors:
                    raise SystemExit(f"{url}: {result.errors} failed requests")
                rps[language].append(result.rps)
                site.settle()
        found[page] = rps
        print_language_row(page, rps, args.languages)
    return found


# --- CPU per request, in process ----------------------------------------------------------------


def cpu_worker(spec: str) -> None:
    """Child process: CPU milliseconds per request of each path, through Django's test client
    (no server, no socket), `rounds` times with the order reversed every round. Prints JSON."""
    import logging

    import django

    django.setup()
    logging.disable(logging.CRITICAL)  # no JSON access line per request
    from django.test import Client

    job = json.loads(spec)
    client = Client(HTTP_HOST=HOST)
    names = list(job["paths"])
    found: dict[str, list[float]] = {name: [] for name in names}
    for name in names:  # templates loaded and, with the page cache on, the page kept
        for _ in range(3):
            assert client.get(job["paths"][name]).status_code == 200, name
    for round_ in range(job["rounds"]):
        for name in names if round_ % 2 == 0 else names[::-1]:
            started = time.process_time()
            for _ in range(job["repeat"]):
                client.get(job["paths"][name])
            found[name].append((time.process_time() - started) * 1000 / job["repeat"])
    print(json.dumps(found))


def cpu_per_request(
    paths: dict[str, str], *, uncached: bool, rounds: int
) -> dict[str, list[float]]:
    """CPU ms per request of each named path, by round: unlike requests/s over sockets, hardly
    moved by other work on the machine (it counts this process's CPU time only)."""
    env = bench_env()
    if uncached:
        env["PAGE_CACHE_SECONDS"] = "0"
    job = {"paths": paths, "rounds": rounds, "repeat": 100 if uncached else 500}
    done = subprocess.run(
        [sys.executable, __file__, "--cpu-worker", json.dumps(job)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"CPU measurement failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


CPU_HEADER = f"{'page':<9} {'lang':<5} {'cached ms':>10} {'÷en':>6} {'rendered ms':>12} {'÷en':>6}"


def print_cpu(cpu: dict[str, dict[str, list[float]]], pages: list[str], languages: list[str]):
    """Median CPU ms per request, with the page cache and rendered every time, against English."""
    print(CPU_HEADER)
    for page in pages:
        english = in_language(page, "en")
        for language in languages:
            name = in_language(page, language)
            line = f"{page if language == languages[0] else '':<9} {language:<5}"
            for mode in ("cached", "rendered"):
                ms = statistics.median(cpu[mode][name])
                line += f" {ms:>{10 if mode == 'cached' else 12}.2f}"
                if language != "en" and english in cpu[mode]:
                    line += f" {ms / statistics.median(cpu[mode][english]):>6.2f}"
                else:
                    line += f" {'':>6}"
            print(line)


def bench_server(
    server: str, args: argparse.Namespace, wrk: str | None
) -> tuple[dict, dict[str, dict[str, list[float]]]]:
    print(f"\n== {server}, {WORKERS} workers, {args.connections} connections", flush=True)
    print(HEADER, flush=True)
    label = re.sub(r"\W+", "-", server).strip("-")
    site = Server(server, "dcrnet.wsgi:application", f"{label}-site", "/healthz")
    bare = None
    try:
        site.wait_ready()
        paths = capture_pages(site, args.languages)  # bare_wsgi reads them when it starts
        print(check_static(site), flush=True)
        bare = Server(server, "bench.bare_wsgi:application", f"{label}-bare", "/home")
        bare.wait_ready()
        names = [in_language(page, lang) for page in args.pages for lang in args.languages]
        for name in names:  # let every worker load its templates before anything is timed
            for _ in range(4 * WORKERS):
                fetch(site.url(paths[name]))
                fetch(site.url(f"/__floor__/{name}"))
        rows = {}
        for name in names:  # a page in each language back to back: "home", "home-fr", "list" ...
            # Page, floor and bare back to back, so a noisy neighbour hits all three alike.
            row = {"path": paths[name]}
            for ref, target, path in (
                ("site", site, paths[name]),
                ("floor", site, f"/__floor__/{name}"),
                ("bare", bare, f"/{name}"),
            ):
                result = measure(wrk, target.url(path), args.seconds, args.warmup, args.connections)
                row[ref] = asdict(result)
                target.settle()
            rows[name] = row
            print_row(name, row)
        languages = {}
        if len(args.languages) > 1 and args.rounds:
            print(f"\n{LANGUAGE_HEADER}", flush=True)
            languages = compare_languages(site, paths, args, wrk)
    finally:
        site.stop()
        if bare:
            bare.stop()
    return rows, languages


def verdict(row: dict) -> tuple[float, float, bool]:
    site = row["site"]
    to_floor = site["rps"] / max(row["floor"]["rps"], 0.001)
    to_bare = site["rps"] / max(row["bare"]["rps"], 0.001)
    meets = (
        to_floor >= TARGET_FLOOR_RATIO
        and site["p99_ms"] <= TARGET_P99_MS
        and not (site["errors"] or site.get("timeouts"))
    )
    return to_floor, to_bare, meets


HEADER = (
    f"{'page':<12} {'served':<29} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} {'fail':>5} {'t/o':>4}"
    f" {'÷floor':>7} {'÷bare':>7}  target"
)


REFERENCES = {"floor": "(a) floor, same bytes", "bare": "(b) bare WSGI, same bytes"}


def print_row(name: str, row: dict) -> None:
    to_floor, to_bare, meets = verdict(row)
    for ref in ("site", "floor", "bare"):
        r = row[ref]
        served = row["path"] if ref == "site" else REFERENCES[ref]
        line = (
            f"{name if ref == 'site' else '':<12} {served:<29} {r['rps']:>8.0f} {r['p50_ms']:>8.1f}"
        )
        line += f" {r['p99_ms']:>8.1f} {r['errors']:>5} {r.get('timeouts', 0):>4}"
        if ref == "site":
            line += f" {to_floor:>7.2f} {to_bare:>7.2f}  {'meets' if meets else 'MISSES'}"
        print(line, flush=True)


LANGUAGE_HEADER = (
    f"{'page':<9} {'lang':<5} {'rps, median of rounds':>22} {'÷en':>6} {'÷en, by round':>22}"
    "  target"
)


def print_language_row(page: str, rps: dict[str, list[float]], languages: list[str]) -> int:
    """Each language's median requests/s against English's; returns how many miss the target."""
    misses = 0
    english = rps.get("en")
    for language in languages:
        median = statistics.median(rps[language])
        line = f"{page if language == languages[0] else '':<9} {language:<5} {median:>22.0f}"
        if language == "en" or not english:
            print(line, flush=True)
            continue
        ratio = median / max(statistics.median(english), 0.001)
        pairs = zip(rps[language], english, strict=True)
        rounds = " ".join(f"{a / max(b, 0.001):.2f}" for a, b in pairs)
        meets = ratio >= TARGET_LANGUAGE_RATIO
        misses += not meets
        print(f"{line} {ratio:>6.2f} {rounds:>22}  {'meets' if meets else 'MISSES'}", flush=True)
    return misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--servers",
        default=DEFAULT_SERVER,
        help='comma-separated, options after a name: "granian,gunicorn -k gthread --threads 4"',
    )
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated subset of pages")
    parser.add_argument(
        "--languages",
        default=DEFAULT_LANGUAGES,
        help=f"comma-separated, of {', '.join(LANGUAGES)}: each page in each (default: en,fr)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds of the language comparison, each language once per round (0: none)",
    )
    parser.add_argument(
        "--round-seconds", type=float, default=5, help="measured seconds per language and round"
    )
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="no whole-page cache (PAGE_CACHE_SECONDS=0): every request renders its page",
    )
    parser.add_argument("--seconds", type=float, default=10, help="measured seconds per target")
    parser.add_argument("--warmup", type=float, default=2, help="warm-up seconds per target")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--reuse-db", action="store_true", help="skip building the database")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a page misses the target"
    )
    parser.add_argument(
        "--cpu-rounds",
        type=int,
        default=3,
        help="rounds of in-process CPU time per request, cached and rendered (0: none)",
    )
    parser.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cpu-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        seed()
        return 0
    if args.cpu_worker:
        cpu_worker(args.cpu_worker)
        return 0
    args.pages = [p for p in args.pages.split(",") if p]
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(
            f"--pages: unknown {', '.join(sorted(unknown))} (choose from {', '.join(PAGES)})"
        )
    args.languages = [lang for lang in args.languages.split(",") if lang]
    unknown = set(args.languages) - set(LANGUAGES)
    if unknown or not args.languages:
        parser.error(f"--languages: choose from {', '.join(LANGUAGES)}")
    if args.uncached:
        os.environ["PAGE_CACHE_SECONDS"] = "0"  # read by the servers' settings (bench_env)

    wrk = ensure_wrk()
    print(f"load generator: {wrk or 'Python asyncio (wrk not found)'}", flush=True)
    if not (args.reuse_db and (WORK / "bench.sqlite3").exists()):
        prepare_site()
    collect_static()
    results, languages = {}, {}
    for server in args.servers.split(","):
        results[server], languages[server] = bench_server(server, args, wrk)
        label = re.sub(r"\W+", "-", server).strip("-") + ("-uncached" if args.uncached else "")
        (WORK / f"pages-{label}.json").write_text(json.dumps(results[server], indent=2))
        if languages[server]:
            (WORK / f"languages-{label}.json").write_text(json.dumps(languages[server], indent=2))

    cache = "no page cache" if args.uncached else "page cache on"
    print(f"\n== summary, {cache} (target: ≥ 0.5 of the floor's rps, p99 ≤ 100 ms)")
    print(HEADER)
    failures = errors = 0
    for server, rows in results.items():
        print(f"-- {server}")
        for name, row in rows.items():
            print_row(name, row)
            failures += not verdict(row)[2]
            errors += sum(row[ref]["errors"] for ref in ("site", "floor", "bare"))
    if any(languages.values()):
        print(f"\n== languages, {cache} (target: ≥ {TARGET_LANGUAGE_RATIO} of English's rps)")
        print(LANGUAGE_HEADER)
        for server, rows in languages.items():
            print(f"-- {server}")
            for page, rps in rows.items():
                failures += print_language_row(page, rps, args.languages)
    if args.cpu_rounds and len(args.languages) > 1:
        rows = next(iter(results.values()))
        paths = {name: row["path"] for name, row in rows.items()}
        cpu = {
            mode: cpu_per_request(paths, uncached=mode == "rendered", rounds=args.cpu_rounds)
            for mode in ("cached", "rendered")
        }
        (WORK / "cpu.json").write_text(json.dumps(cpu, indent=2))
        print("\n== CPU per request in process (test client, median of rounds)")
        print_cpu(cpu, args.pages, args.languages)
    if errors:
        print(f"{errors} failed requests: see bench/.work/*.log")
        return 1
    return 1 if (args.strict and failures) else 0


if __name__ == "__main__":
    sys.exit(main())
