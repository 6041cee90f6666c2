"""Matching (docs/decisions/0008): given experts and a request, the proposed list and its order
are exactly what the rules say — eligibility (topic, availability, capacity, not the requester,
not already asked), score (language 3, country 2), then spare capacity, hours, handle, pk."""

from __future__ import annotations

import pytest

from dcrnet.experts.matching import Candidate, Need, candidates_for, proposal_for, propose
from dcrnet.experts.models import AssignmentStatus, RequestStatus

from .conftest import assign, make_expert, make_request

TOPIC, OTHER_TOPIC = 1, 2


def c(pk, handle, *, topics=(TOPIC,), langs=("en",), countries=(), hours=2, cap=2, load=0, on=True):
    return Candidate(
        pk=pk,
        handle=handle,
        user_id=1000 + pk,
        topic_ids=frozenset(topics),
        languages=tuple(langs),
        countries=tuple(countries),
        hours_per_month=hours,
        max_open_requests=cap,
        open_requests=load,
        available=on,
    )


def handles(need, candidates):
    return [p.candidate.handle for p in propose(need, candidates)]


CASES = [
    pytest.param(
        Need(TOPIC, "fr", "BE"),
        [
            c(1, "ana", langs=("en",)),
            c(2, "bo", langs=("fr",)),
            c(3, "cy", langs=("en",), countries=("BE",)),
            c(4, "di", langs=("fr", "nl"), countries=("BE",)),
        ],
        ["di", "bo", "cy", "ana"],
        id="language-3-beats-country-2-and-both-add-up",
    ),
    pytest.param(
        Need(TOPIC, "en"),
        [
            c(1, "ana", topics=(OTHER_TOPIC,)),
            c(2, "bo", on=False),
            c(3, "cy", cap=2, load=2),
            c(4, "di", cap=3, load=2),
        ],
        ["di"],
        id="topic-availability-and-capacity-exclude",
    ),
    pytest.param(
        Need(TOPIC, "en"),
        [
            c(1, "ana", cap=2, load=1),
            c(2, "bo", cap=5, load=1),
            c(3, "cy", cap=3, load=0, hours=1),
            c(4, "di", cap=3, load=0, hours=8),
        ],
        ["bo", "di", "cy", "ana"],
        id="ties-broken-by-spare-capacity-then-hours",
    ),
    pytest.param(
        Need(TOPIC, "en"),
        [c(7, "Zoe"), c(5, "bea"), c(6, "Bea2"), c(4, "alex")],
        ["alex", "bea", "Bea2", "Zoe"],
        id="full-ties-by-handle-case-insensitive",
    ),
    pytest.param(
        Need(TOPIC, "en"),
        [c(9, "same"), c(3, "same")],
        ["same", "same"],
        id="same-handle-by-pk",
    ),
    pytest.param(
        Need(TOPIC, "en", "", requester_id=1001, already_asked=frozenset({2})),
        [c(1, "ana"), c(2, "bo"), c(3, "cy")],
        ["cy"],
        id="never-the-requester-nor-someone-already-asked",
    ),
    pytest.param(
        Need(TOPIC, "de", "AT"),
        [c(1, "ana", countries=("AT",), cap=1), c(2, "bo", langs=("de",), cap=5, load=4)],
        ["bo", "ana"],
        id="one-free-place-is-enough",
    ),
    pytest.param(Need(TOPIC, "en"), [], [], id="nobody"),
]


@pytest.mark.parametrize(("need", "candidates", "expected"), CASES)
def test_proposal_follows_the_rules(need, candidates, expected):
    assert handles(need, candidates) == expected


def test_order_does_not_depend_on_input_order():
    candidates = [c(i, f"e{i % 3}", hours=i % 2, cap=2 + i % 2) for i in range(1, 10)]
    need = Need(TOPIC, "en")
    assert handles(need, candidates) == handles(need, list(reversed(candidates)))


def test_scores_and_flags():
    proposal = propose(Need(TOPIC, "fr", "BE"), [c(1, "ana", langs=("fr",), countries=("BE",))])
    assert (proposal[0].score, proposal[0].speaks_language, proposal[0].covers_country) == (
        5,
        True,
        True,
    )
    assert propose(Need(TOPIC, "en"), [c(1, "x")], limit=0) == []


def test_candidates_from_the_database_count_open_load(tags):
    topic = tags["site-selection"]
    busy = make_expert("busy", [topic], capacity=2)
    free = make_expert("free", [topic], languages=("fr",), countries=("BE",), capacity=2)
    make_expert("elsewhere", [tags["funding"]])
    make_expert("away", [topic], active=False)
    # busy: one accepted open, one invited open → at capacity; a closed one does not count.
    for status in (AssignmentStatus.ACCEPTED, AssignmentStatus.INVITED):
        assign(make_request(topic), busy, status)
    closed = make_request(topic)
    assign(closed, free, AssignmentStatus.ACCEPTED)
    closed.status = RequestStatus.CLOSED
    closed.save()
    assign(make_request(topic), free, AssignmentStatus.DECLINED)

    loaded = {candidate.handle: candidate for candidate in candidates_for(topic.pk)}
    assert set(loaded) == {"busy", "free"}
    assert loaded["busy"].open_requests == 2
    assert loaded["free"].open_requests == 0
    assert loaded["free"].countries == ("BE",)

    request = make_request(topic, language="fr", country="BE")
    assert [p.candidate.handle for p in proposal_for(request)] == ["free"]
    assign(request, free, AssignmentStatus.DECLINED)
    assert proposal_for(request) == []  # already asked (and declined)
