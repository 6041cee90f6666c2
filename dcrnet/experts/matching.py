"""Which experts to propose for a help request, in which order (docs/decisions/0008).

The rules are pure functions over plain data (`Candidate`, `Need`), so a test can state a table
of experts and a request and the exact list expected; `candidates_for(request)` is the one query
that loads them from the database.

Rules, in order:
1. Eligible: the expert holds the request's topic tag, is available (active, with an active
   account), is not the requester, and has spare capacity: max_open_requests minus their open
   assignments (invited or accepted, on requests not closed) is at least 1. Experts at capacity
   are left out, however good a match. Experts already asked for this request (invited,
   accepted or declined) are not proposed again.
2. Score: speaks the request's language (3 points), covers the request's country (2 points).
   An expert with no countries listed covers none. A request with no country scores 0 there.
3. Order: score (high first), then spare capacity (more first), then hours_per_month (more
   first), then handle (A→Z, case-insensitive), then pk: the order is total, hence stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q

LANGUAGE_POINTS = 3
COUNTRY_POINTS = 2


@dataclass(frozen=True)
class Need:
    topic_id: int
    language: str
    country: str = ""
    requester_id: int | None = None
    already_asked: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Candidate:
    pk: int
    handle: str
    user_id: int
    topic_ids: frozenset[int]
    languages: tuple[str, ...]
    countries: tuple[str, ...]
    hours_per_month: int
    max_open_requests: int
    open_requests: int
    available: bool = True

    @property
    def spare(self) -> int:
        return self.max_open_requests - self.open_requests


@dataclass(frozen=True)
class Proposal:
    candidate: Candidate
    score: int
    speaks_language: bool
    covers_country: bool


def eligible(candidate: Candidate, need: Need) -> bool:
    return (
        candidate.available
        and need.topic_id in candidate.topic_ids
        and candidate.spare >= 1
        and (need.requester_id is None or candidate.user_id != need.requester_id)
        and candidate.pk not in need.already_asked
    )


def score(candidate: Candidate, need: Need) -> Proposal:
    speaks = bool(need.language) and need.language in candidate.languages
    covers = bool(need.country) and need.country in candidate.countries
    points = (LANGUAGE_POINTS if speaks else 0) + (COUNTRY_POINTS if covers else 0)
    return Proposal(candidate, points, speaks, covers)


def sort_key(proposal: Proposal) -> tuple:
    c = proposal.candidate
    return (-proposal.score, -c.spare, -c.hours_per_month, c.handle.casefold(), c.pk)


def propose(
    need: Need, candidates: Iterable[Candidate], limit: int | None = None
) -> list[Proposal]:
    """The eligible candidates, scored and ordered by the rules above."""
    found = sorted((score(c, need) for c in candidates if eligible(c, need)), key=sort_key)
    return found[:limit] if limit is not None else found


# --- loading from the database ---------------------------------------------------------------


def open_assignment_filter(prefix: str = "assignments__") -> Q:
    """Assignments that take an expert's time: invited or accepted, on a request not closed."""
    from .models import AssignmentStatus, RequestStatus

    open_statuses = [s for s in RequestStatus.values if s != RequestStatus.CLOSED]
    return Q(
        **{
            f"{prefix}status__in": [AssignmentStatus.INVITED, AssignmentStatus.ACCEPTED],
            f"{prefix}request__status__in": open_statuses,
        }
    )


def need_of(help_request) -> Need:
    from .models import AssignmentStatus

    asked = help_request.assignments.exclude(status=AssignmentStatus.PROPOSED)
    return Need(
        topic_id=help_request.topic_id,
        language=help_request.language,
        country=str(help_request.country or ""),
        requester_id=help_request.requester_id,
        already_asked=frozenset(asked.values_list("expert_id", flat=True)),
    )


def candidates_for(topic_id: int) -> list[Candidate]:
    """Available experts holding the topic, with their open load (one query, plus one for the
    expertise of those experts)."""
    from .models import Expert

    experts = (
        Expert.objects.for_expertise(topic_id)
        .select_related("user")
        .annotate(open_count=Count("assignments", filter=open_assignment_filter(), distinct=True))
    )
    rows = list(experts)
    tags: dict[int, set[int]] = {row.pk: set() for row in rows}
    through = Expert.expertise.through.objects.filter(expert_id__in=tags)
    for expert_id, tag_id in through.values_list("expert_id", "expertisetag_id"):
        tags[expert_id].add(tag_id)
    return [
        Candidate(
            pk=row.pk,
            handle=row.user.handle or "",
            user_id=row.user_id,
            topic_ids=frozenset(tags[row.pk]),
            languages=tuple(row.languages or ()),
            countries=tuple(str(code) for code in row.countries),
            hours_per_month=row.hours_per_month,
            max_open_requests=row.max_open_requests,
            open_requests=row.open_count,
            available=row.active and row.user.is_active,
        )
        for row in rows
    ]


def proposal_for(help_request, limit: int | None = None) -> list[Proposal]:
    return propose(need_of(help_request), candidates_for(help_request.topic_id), limit)
