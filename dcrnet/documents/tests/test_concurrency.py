"""Parallel writes on both databases: two editors deciding one suggestion, two editors adding a
version at once, one member sending the same suggestion twice (real threads, own connections)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.test import Client

from dcrnet.documents import services
from dcrnet.documents.models import Document, Status, Version

from .conftest import make_document

pytestmark = pytest.mark.django_db(transaction=True)


def outcome(result) -> str:
    if isinstance(result, services.Refused):
        return type(result).__name__
    if isinstance(result, Exception):
        return f"error: {result!r}"
    return "ok"


def test_two_editors_deciding_at_once_make_one_decision(
    editor, staff, suggestion, shared_database, in_parallel
):
    def decide(user, publish):
        return services.decide(user, suggestion.pk, publish=publish, reason="" if publish else "No")

    results = in_parallel(decide, [(editor, True), (staff, False)])
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadyDecided": 1}
    suggestion.refresh_from_db()
    winner, won = (
        (editor, Status.PUBLISHED)
        if outcome(results[0]) == "ok"
        else (
            staff,
            Status.DECLINED,
        )
    )
    assert (suggestion.decided_by, suggestion.status) == (winner, won)


def test_two_editors_posting_decisions_get_one_decision_and_a_message(
    editor, staff, suggestion, shared_database, in_parallel
):
    def post(user):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        return client.post(
            f"/documents/review/{suggestion.pk}/decide/", {"decision": "publish"}, follow=True
        )

    responses = in_parallel(post, [(editor,), (staff,)])
    assert [r.status_code for r in responses] == [200, 200]
    pages = [r.content.decode() for r in responses]
    assert sum("already been decided" in page for page in pages) == 1
    assert sum("is published" in page for page in pages) == 1


def test_parallel_versions_get_consecutive_numbers(
    editor, staff, topic, shared_database, in_parallel
):
    document = make_document(topic, title="Shared protocol")

    def add(user, note):
        return services.add_version(
            user, document.pk, date=dt.date(2025, 1, 1), change_note=note, checked=None
        )

    results = in_parallel(add, [(editor, "a"), (staff, "b"), (editor, "c")])
    assert Counter(map(outcome, results)) == {"ok": 3}
    numbers = sorted(Version.objects.filter(document=document).values_list("number", flat=True))
    assert numbers == [1, 2, 3]


def test_one_members_parallel_suggestions_end_as_one(member, topic, shared_database, in_parallel):
    fields = {
        "title": "Twice sent",
        "summary": "",
        "kind": "protocol",
        "perspective": "both",
        "topic": topic,
        "country": "",
        "language": "en",
        "organisation": None,
        "publisher": "",
        "licence": "",
        "source_url": "",
    }
    results = in_parallel(lambda: services.suggest(member, fields=fields), [()] * 4)
    assert Counter(map(outcome, results)) == {"ok": 1, "AlreadySuggested": 3}
    assert Document.objects.filter(suggested_by=member).count() == 1


def test_parallel_suggestions_of_one_title_get_distinct_slugs(
    member, other_member, topic, shared_database, in_parallel
):
    def suggest(user):
        fields = {
            "title": "Same title",
            "summary": "",
            "kind": "protocol",
            "perspective": "both",
            "topic": topic,
            "country": "",
            "language": "en",
            "organisation": None,
            "publisher": "",
            "licence": "",
            "source_url": "",
        }
        return services.suggest(user, fields=fields)

    results = in_parallel(suggest, [(member,), (other_member,)])
    assert Counter(map(outcome, results)) == {"ok": 2}
    assert set(Document.objects.values_list("slug", flat=True)) == {"same-title", "same-title-2"}
