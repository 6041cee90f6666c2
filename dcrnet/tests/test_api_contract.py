"""The API's contract, kept as snapshots: the OpenAPI document and one response per operation.

An API change is always deliberate. When the document or a response differs from its snapshot
in dcrnet/tests/snapshots/, the test fails and prints the difference. To accept a change you
meant, refresh the snapshots and review (and commit) their diff with the code:

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest -p no:randomly dcrnet/tests/test_api_contract.py

Responses come from fixed sample data at a frozen date and time, with fixed primary keys where a
response shows one, so the snapshots are the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from pathlib import Path

import pytest
import time_machine

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"
REFRESH = "UPDATE_SNAPSHOTS=1 .venv/bin/pytest -p no:randomly dcrnet/tests/test_api_contract.py"

# Every test here runs at this instant: "this month", "today" and timestamps never move.
FROZEN = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)
JANUARY = dt.date(2026, 1, 1)
TOKEN = "dcr_contract-sample-token-0123456789"
ALERT = "5a1e27c0-0000-4000-8000-000000000001"

# One sample request per operation of the OpenAPI document ("METHOD path" as the document
# names it): a new operation without a sample fails test_every_operation_has_a_sample.
SAMPLES: dict[str, dict] = {
    "GET /api/v1/facilities": {"url": "/api/v1/facilities?country=DE&sort=-name&limit=2"},
    "GET /api/v1/facilities/{public_id}": {"url": "/api/v1/facilities/lu-abrigado"},
    "GET /api/v1/countries": {"url": "/api/v1/countries"},
    "GET /api/v1/countries/{code}": {"url": "/api/v1/countries/lu"},
    "GET /api/v1/highlights": {"url": "/api/v1/highlights"},
    "GET /api/v1/references": {"url": "/api/v1/references?q=supervised&per_page=2"},
    "GET /api/v1/references/export": {"url": "/api/v1/references/export?format=ris&ids=9001"},
    "GET /api/v1/references/{ref_id}": {"url": "/api/v1/references/9001"},
    "GET /api/v1/references/{ref_id}/export": {
        "url": "/api/v1/references/9002/export?format=bibtex"
    },
    "GET /api/v1/evidence-map": {"url": "/api/v1/evidence-map"},
    "GET /api/v1/evidence-summaries": {"url": "/api/v1/evidence-summaries"},
    "GET /api/v1/indicators": {"url": "/api/v1/indicators"},
    "GET /api/v1/series/network": {"url": "/api/v1/series/network?indicator=visits"},
    "GET /api/v1/series/countries/{code}": {"url": "/api/v1/series/countries/lu?indicator=visits"},
    "GET /api/v1/series/facilities/{public_id}": {
        "url": "/api/v1/series/facilities/lu-abrigado?indicator=visits"
    },
    "GET /api/v1/monthly": {"url": "/api/v1/monthly?country=DE"},
    "GET /api/v1/survey": {"url": "/api/v1/survey"},
    "GET /api/v1/organisations": {"url": "/api/v1/organisations?kind=dcr+operator"},
    "GET /api/v1/organisations/{slug}": {"url": "/api/v1/organisations/abrigado-operator"},
    "GET /api/v1/forum/categories": {"url": "/api/v1/forum/categories"},
    "GET /api/v1/forum/categories/{slug}/threads": {
        "url": "/api/v1/forum/categories/planning/threads"
    },
    "GET /api/v1/forum/threads/{thread_id}/posts": {"url": "/api/v1/forum/threads/9101/posts"},
    "GET /api/v1/documents": {"url": "/api/v1/documents?kind=house+rules"},
    "GET /api/v1/documents/{slug}": {"url": "/api/v1/documents/abrigado-house-rules"},
    "GET /api/v1/report/{public_id}/{month}": {
        "url": "/api/v1/report/lu-abrigado/2026-01",
        "token": True,
    },
    "PUT /api/v1/report/{public_id}/{month}": {
        "url": "/api/v1/report/lu-abrigado/2026-01",
        "token": True,
        "json": {"values": {"visits": 130}},
    },
    "GET /api/v1/impact/presets": {"url": "/api/v1/impact/presets"},
    "POST /api/v1/impact": {"url": "/api/v1/impact", "json": {"preset": "baltimore-2017"}},
    "POST /api/v1/alerts/reports": {
        "url": "/api/v1/alerts/reports",
        "token": True,
        "json": {
            "facility": "lu-abrigado",
            "substance": "xylazine",
            "confirmation": "ftir",
            "samples": 3,
            "week": "2026-W11",
        },
    },
    "POST /api/v1/alerts/pulses": {
        "url": "/api/v1/alerts/pulses",
        "token": True,
        "json": {"facility": "lu-abrigado", "day": "2026-03-15", "overdoses": 2},
    },
    "GET /api/v1/alerts": {"url": "/api/v1/alerts"},
    "GET /api/v1/alerts/{public_id}": {"url": f"/api/v1/alerts/{ALERT}"},
}

# The one error body, as a client meets it: invalid input (422) and an unknown item (404).
ERROR_SAMPLES = {
    "invalid_input": "/api/v1/facilities?status=bogus&limit=0",
    "not_found": "/api/v1/facilities/no-such-facility",
}


def snapshot_name(key: str) -> str:
    method, path = key.split(" ", 1)
    slug = re.sub(r"[^a-z0-9]+", "-", path.removeprefix("/api/v1/").lower()).strip("-")
    return f"responses/{method.lower()}-{slug or 'root'}.json"


def snapshot_diff(name: str, data: object) -> str:
    """'' when `data` is the stored snapshot, else the unified diff (UPDATE_SNAPSHOTS=1 stores)."""
    path = SNAPSHOTS / name
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return ""
    stored = path.read_text(encoding="utf-8") if path.exists() else ""
    return "".join(
        difflib.unified_diff(
            stored.splitlines(keepends=True),
            text.splitlines(keepends=True),
            f"snapshots/{name} (stored)",
            f"snapshots/{name} (now)",
            n=2,
        )
    )


def fail_on(diffs: list[str]) -> None:
    diffs = [diff for diff in diffs if diff]
    if diffs:
        pytest.fail(
            "The API changed:\n" + "\n".join(diffs) + "\nIf the change is deliberate, refresh "
            f"the snapshots and commit them with it:\n  {REFRESH}",
            pytrace=False,
        )


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def stable(data: object) -> object:
    """Relevance scores come from each database's own ranking (FTS5 bm25, ts_rank): their order
    is part of the contract, their digits are not. A row created by the request has a new
    random public id each time: its form is the contract."""
    if isinstance(data, dict):
        return {key: _stable_item(key, value) for key, value in data.items()}
    if isinstance(data, list):
        return [stable(item) for item in data]
    return data


def _stable_item(key: str, value: object) -> object:
    if key == "score" and isinstance(value, float):
        return "<score>"
    if key == "public_id" and isinstance(value, str) and value != ALERT and UUID.fullmatch(value):
        return "<new uuid4>"
    return stable(value)


def as_recorded(response) -> dict:
    """Status, media type and body (JSON as data, anything else as text)."""
    content_type = response["Content-Type"]
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8")
    body = stable(json.loads(content)) if content_type.startswith("application/json") else content
    recorded = {"status": response.status_code, "content_type": content_type, "body": body}
    if "Content-Disposition" in response:
        recorded["content_disposition"] = response["Content-Disposition"]
    return recorded


@pytest.fixture
def frozen():
    with time_machine.travel(FROZEN, tick=False):
        yield


@pytest.fixture
def sample(frozen, make_facility, django_user_model):
    """Directory, evidence and monitoring sample data, the same on every database."""
    from dcrnet.community.models import Role
    from dcrnet.directory.tests.sample_site import build_sample
    from dcrnet.evidence.models import EvidenceSummary, Term
    from dcrnet.evidence.tests.factories import make_reference
    from dcrnet.evidence.vocabularies import seed as seed_vocabularies
    from dcrnet.monitoring import services
    from dcrnet.monitoring.indicators import seed as seed_indicators
    from dcrnet.monitoring.models import DictionaryRelease, Indicator, ReporterToken, hash_token

    # A transactional test elsewhere may have flushed the data migrations' rows.
    seed_vocabularies(Term)
    seed_indicators(DictionaryRelease, Indicator)

    build_sample(make_facility)
    marshall = make_reference(
        "Reduction in overdose mortality after the opening of North America's first "
        "medically supervised safer injecting facility",
        2011,
        pk=9001,
        authors=["Marshall BDL", "Milloy MJ", "Wood E", "Montaner JSG", "Kerr T"],
        terms=["design:ECO", "outcome:ODM"],
        container_title="Lancet",
        volume="377",
        issue="9775",
        page="1429-1437",
        doi="10.1016/S0140-6736(10)62353-7",
    )
    make_reference(
        "Supervised injection services: what has been demonstrated? A systematic literature review",
        2014,
        pk=9002,
        authors=["Potier C", "Laprévote V"],
        terms=["design:SR", "outcome:ODM"],
        container_title="Drug Alcohol Depend",
        doi="10.1016/j.drugalcdep.2014.10.012",
    )
    summary = EvidenceSummary.objects.create(
        outcome=Term.objects.lookup("outcome:ODM"),
        certainty="moderate",
        rationale="Consistent ecological studies; no trial.",
    )
    summary.references.add(marshall)

    from dcrnet.directory.models import Facility

    abrigado = Facility.objects.get(public_id="lu-abrigado")
    eastside = Facility.objects.get(public_id="de-frankfurt-eastside")
    birkenstube = Facility.objects.get(public_id="de-berlin-birkenstube")
    services.save_month(abrigado, JANUARY, {"visits": 120, "overdoses": 6, "unique_clients": 40})
    services.save_month(eastside, JANUARY, {"visits": 900, "overdoses": 12})
    services.save_month(birkenstube, JANUARY, {"visits": 300, "overdoses": 3})

    reporter = django_user_model.objects.create_user(
        email="contract-reporter@example.org", password="a long test passphrase"
    )
    from django.contrib.auth.models import Group

    reporter.groups.add(Group.objects.get_or_create(name=Role.REPORTER)[0])
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(reporter, generate_totp_secret())
    abrigado.reporters.add(reporter)
    ReporterToken.objects.create(user=reporter, digest=hash_token(TOKEN), prefix=TOKEN[:8])

    # Membership and the forum: an approved organisation with a listed member, and a public
    # category with a thread of two posts (one mentioning a handle).
    from dcrnet.forum.models import Category, Post, Thread
    from dcrnet.organisations.models import Membership, Organisation

    member = django_user_model.objects.create_user(
        email="contract-member@example.org", password="a long test passphrase", handle="nightshift"
    )
    member.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    operator = Organisation.objects.create(
        name="Abrigado's operator",
        slug="abrigado-operator",
        kind="dcr operator",
        country="LU",
        statement="Runs Abrigado.",
        status="approved",
    )
    operator.facilities.add(abrigado)
    Membership.objects.create(
        user=member, organisation=operator, status="approved", listed=True, statement="Staff."
    )
    planning = Category.objects.create(
        slug="planning", name="Planning a new DCR", public_readable=True, position=1
    )
    thread = Thread.objects.create(
        pk=9101, category=planning, author=member, title="Choosing a site", last_post_at=FROZEN
    )
    Post.objects.create(thread=thread, number=1, author=member, body="Where did you **start**?")
    Post.objects.create(thread=thread, number=2, author=None, body="Ask @nightshift.")
    from dcrnet.forum.services import refresh_counts

    refresh_counts(thread)

    # A published best-practice document with one version (no file) used at Abrigado.
    from dcrnet.documents.models import Document, Topic, Version

    rules = Document.objects.create(
        title="House rules of a drug consumption room",
        slug="abrigado-house-rules",
        summary="The rules **every** visitor agrees to.",
        kind="house rules",
        perspective="both",
        topic=Topic.objects.create(name="Admission", slug="admission"),
        country="LU",
        language="fr",
        organisation=operator,
        licence="CC BY 4.0",
        source_url="https://example.org/house-rules",
        status="published",
    )
    rules.facilities.add(abrigado)
    rules.references.add(marshall)
    Version.objects.create(document=rules, number=1, date=JANUARY, change_note="First version.")

    # The impact estimator's registry and its Baltimore preset, citing fixed references.
    from dcrnet.evidence import demo as evidence_demo
    from dcrnet.impact import seed as impact_seed

    for pk, n in ((9011, 62), (9012, 23), (9013, 52), (9014, 54)):
        row = next(r for r in evidence_demo.rows() if r["n"] == n)
        make_reference(row["title"], row["year"], pk=pk, authors=[], doi=row["doi"])
    impact_seed.load()

    # Early warning: a substance, Abrigado's alert region, and one public alert.
    from dcrnet.alerts.models import Alert, Region, Signal, Substance

    xylazine = Substance.objects.create(
        slug="xylazine", name="Xylazine", kind="compound", watch_list=True,
        inchikey="BPICBUSOMSTKRF-UHFFFAOYSA-N", pubchem_cid=5707,
    )  # fmt: skip
    region = Region.objects.create(slug="luxembourg", name="Luxembourg", country=abrigado.country)
    region.facilities.add(abrigado)
    signal = Signal.objects.create(
        key="S1:xylazine:luxembourg:2026-03-02", kind="S1", status="confirmed",
        period_start=dt.date(2026, 3, 2), period_end=dt.date(2026, 3, 8), region=region,
        substance=xylazine, observed=3, method="watch-list substance", inputs={"samples": 3},
    )  # fmt: skip
    Alert.objects.create(
        public_id=ALERT, signal=signal, grade="amber", title="Xylazine in heroin",
        issued=FROZEN, region=region, week=dt.date(2026, 3, 2), substance=xylazine,
        form="powder", confirmation="ftir", facility_count=1, counts={"samples": 3},
        observed=3, advice="Do not use alone.", source="Drug checking at one room.",
    )  # fmt: skip


def operations(document: dict) -> list[str]:
    methods = {"get", "put", "post", "patch", "delete"}
    return sorted(
        f"{method.upper()} {path}"
        for path, item in document["paths"].items()
        for method in item
        if method in methods
    )


def call(client, key: str):
    spec = SAMPLES[key]
    method = key.split(" ", 1)[0].lower()
    headers = {"Authorization": f"Bearer {TOKEN}"} if spec.get("token") else {}
    if "json" in spec:
        return getattr(client, method)(
            spec["url"], data=json.dumps(spec["json"]), content_type="application/json",
            headers=headers,
        )  # fmt: skip
    return getattr(client, method)(spec["url"], headers=headers)


@pytest.mark.django_db
def test_the_openapi_document_matches_its_snapshot(client, frozen):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    fail_on([snapshot_diff("openapi.json", response.json())])


@pytest.mark.django_db
def test_every_operation_has_a_sample(client):
    documented = operations(client.get("/api/v1/openapi.json").json())
    assert sorted(SAMPLES) == documented


@pytest.mark.django_db
def test_every_operation_and_the_error_body_answer_as_their_snapshots(client, sample):
    """One pass over the sample data (built once: it takes seconds), every difference shown."""
    diffs = []
    for key in sorted(SAMPLES):  # GETs before the PUT that changes a month
        response = call(client, key)
        assert response.status_code < 500, key
        request = f"{key.split()[0]} {SAMPLES[key]['url']}"
        diffs.append(
            snapshot_diff(snapshot_name(key), {"request": request, **as_recorded(response)})
        )
    for name, url in sorted(ERROR_SAMPLES.items()):
        recorded = {"request": f"GET {url}", **as_recorded(client.get(url))}
        diffs.append(snapshot_diff(f"errors/{name}.json", recorded))
    fail_on(diffs)


def test_no_snapshot_is_left_without_its_operation():
    names = {snapshot_name(key) for key in SAMPLES}
    assert len(names) == len(SAMPLES)
    stored = {str(path.relative_to(SNAPSHOTS)) for path in (SNAPSHOTS / "responses").glob("*.json")}
    if UPDATE:  # an operation that is gone takes its snapshot with it
        for name in stored - names:
            (SNAPSHOTS / name).unlink()
        return
    assert stored == names, f"stale or missing snapshots: {sorted(stored ^ names)}; {REFRESH}"
