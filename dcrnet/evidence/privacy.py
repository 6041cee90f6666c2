"""Privacy registry of the evidence library (docs/decisions/0006): references and their
authors are published bibliographic facts; a suggestion's email, note and IP hash and an
editor's pending imports are personal."""

from __future__ import annotations

from dcrnet.community.privacy import PERSONAL, PUBLIC, SECRET, history, rows, translated

FIELDS: dict[str, dict[str, str]] = {
    "evidence.historicalterm": history(
        id=PUBLIC,
        vocabulary=PUBLIC,
        slug=PUBLIC,
        code=PUBLIC,
        name=PUBLIC,
        description=PUBLIC,
        pubmed_types=PUBLIC,
        position=PUBLIC,
    ),
    "evidence.term": {
        "id": PUBLIC,
        "vocabulary": PUBLIC,
        "slug": PUBLIC,
        "code": PUBLIC,
        "pubmed_types": PUBLIC,
        "position": PUBLIC,
        **translated("name", "description"),
    },
    "evidence.reference_terms": {"id": PUBLIC, "reference": PUBLIC, "term": PUBLIC},
    "evidence.reference_facilities": {"id": PUBLIC, "reference": PUBLIC, "facility": PUBLIC},
    "evidence.reference_countries": {"id": PUBLIC, "reference": PUBLIC, "country": PUBLIC},
    "evidence.historicalreference": history(
        id=PUBLIC,
        csl_type=PUBLIC,
        title=PUBLIC,
        container_title=PUBLIC,
        year=PUBLIC,
        month=PUBLIC,
        day=PUBLIC,
        volume=PUBLIC,
        issue=PUBLIC,
        page=PUBLIC,
        publisher=PUBLIC,
        publisher_place=PUBLIC,
        doi=PUBLIC,
        pmid=PUBLIC,
        url=PUBLIC,
        language=PUBLIC,
        abstract=PUBLIC,
        keywords=PUBLIC,
        notes=PUBLIC,
        created=PUBLIC,
        updated=PUBLIC,
    ),
    "evidence.reference": {
        "id": PUBLIC,
        "csl_type": PUBLIC,
        "title": PUBLIC,
        "container_title": PUBLIC,
        "year": PUBLIC,
        "month": PUBLIC,
        "day": PUBLIC,
        "volume": PUBLIC,
        "issue": PUBLIC,
        "page": PUBLIC,
        "publisher": PUBLIC,
        "publisher_place": PUBLIC,
        "doi": PUBLIC,
        "pmid": PUBLIC,
        "url": PUBLIC,
        "language": PUBLIC,
        "abstract": PUBLIC,
        "keywords": PUBLIC,
        "notes": PUBLIC,
        "search_vector": PUBLIC,
        "created": PUBLIC,
        "updated": PUBLIC,
    },
    "evidence.person": {
        "id": PUBLIC,
        "reference": PUBLIC,
        "role": PUBLIC,
        "position": PUBLIC,
        "family": PUBLIC,
        "given": PUBLIC,
        "literal": PUBLIC,
    },
    "evidence.evidencesummary_references": {
        "id": PUBLIC,
        "evidencesummary": PUBLIC,
        "reference": PUBLIC,
    },
    "evidence.historicalevidencesummary": history(
        id=PUBLIC, certainty=PUBLIC, rationale=PUBLIC, updated=PUBLIC, outcome=PUBLIC
    ),
    "evidence.evidencesummary": {
        "id": PUBLIC,
        "outcome": PUBLIC,
        "certainty": PUBLIC,
        "updated": PUBLIC,
        **translated("rationale"),
    },
    "evidence.suggestion": {
        "id": PUBLIC,
        "doi": PUBLIC,
        "pmid": PUBLIC,
        "citation": PUBLIC,
        "note": PERSONAL,
        "email": PERSONAL,
        "state": PUBLIC,
        "ip_hash": PERSONAL,
        "created": PERSONAL,
        "reference": PUBLIC,
    },
    "evidence.pendingimport": {
        "id": PERSONAL,
        "token": SECRET,
        "user": PERSONAL,
        "text": PERSONAL,
        "format": PERSONAL,
        "tag_ids": PERSONAL,
        "used": PERSONAL,
        "created": PERSONAL,
    },
}


def _addresses(user) -> list[str]:
    from allauth.account.models import EmailAddress

    found = {user.email.lower()}
    found |= {
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    return sorted(found)


def _suggestions(user):
    from django.db.models import Q

    from .models import Suggestion

    query = Q()
    for address in _addresses(user):
        query |= Q(email__iexact=address)
    return Suggestion.objects.filter(query)


def export(user) -> dict[str, list[dict]]:
    from .models import PendingImport

    return {
        # Suggestions carry no account, only the address given for questions.
        "suggestions": rows(
            _suggestions(user).order_by("pk"),
            "doi",
            "pmid",
            "citation",
            "note",
            "email",
            "state",
            "created",
        ),
        "pending_imports": rows(
            PendingImport.objects.filter(user=user).order_by("pk"),
            "format",
            "text",
            "used",
            "created",
        ),
    }


def erase(user, *, keep_posts: bool) -> None:
    from .models import PendingImport

    # The suggestion (a citation) stays for the editors; who sent it does not.
    _suggestions(user).update(email="", note="", ip_hash="")
    PendingImport.objects.filter(user=user).delete()
