"""Privacy registry of the directory (docs/decisions/0006): facility facts are public (an
unpublished exact location is withheld by the pages, not personal data); the reporters of a
facility are people."""

from __future__ import annotations

from dcrnet.community.privacy import PERSONAL, PUBLIC, history, rows, translated

FIELDS: dict[str, dict[str, str]] = {
    "directory.historicalcountry": history(
        id=PUBLIC,
        code=PUBLIC,
        legal_basis=PUBLIC,
        political_situation=PUBLIC,
        source_title=PUBLIC,
        source_url=PUBLIC,
        as_of=PUBLIC,
        updated=PUBLIC,
    ),
    "directory.country": {
        "id": PUBLIC,
        "code": PUBLIC,
        "source_title": PUBLIC,
        "source_url": PUBLIC,
        "as_of": PUBLIC,
        "updated": PUBLIC,
        **translated("legal_basis", "political_situation"),
    },
    "directory.facility_reporters": {"id": PERSONAL, "facility": PERSONAL, "user": PERSONAL},
    "directory.historicalfacility": history(
        id=PUBLIC,
        public_id=PUBLIC,
        name=PUBLIC,
        operator=PUBLIC,
        city=PUBLIC,
        model=PUBLIC,
        website=PUBLIC,
        description=PUBLIC,
        latitude=PUBLIC,
        longitude=PUBLIC,
        publish_exact_location=PUBLIC,
        address=PUBLIC,
        exact_latitude=PUBLIC,
        exact_longitude=PUBLIC,
        published=PUBLIC,
        created=PUBLIC,
        updated=PUBLIC,
        country=PUBLIC,
        source=PUBLIC,
        source_url=PUBLIC,
        source_accessed=PUBLIC,
    ),
    "directory.facility": {
        "source": PUBLIC,
        "source_url": PUBLIC,
        "source_accessed": PUBLIC,
        "id": PUBLIC,
        "public_id": PUBLIC,
        "name": PUBLIC,
        "operator": PUBLIC,
        "city": PUBLIC,
        "country": PUBLIC,
        "model": PUBLIC,
        "website": PUBLIC,
        "description": PUBLIC,
        "latitude": PUBLIC,
        "longitude": PUBLIC,
        "publish_exact_location": PUBLIC,
        "address": PUBLIC,
        "exact_latitude": PUBLIC,
        "exact_longitude": PUBLIC,
        "published": PUBLIC,
        "status": PUBLIC,
        "status_since": PUBLIC,
        "current_snapshot": PUBLIC,
        "created": PUBLIC,
        "updated": PUBLIC,
    },
    "directory.historicalstatuschange": history(
        id=PUBLIC,
        source=PUBLIC,
        source_url=PUBLIC,
        source_accessed=PUBLIC,
        status=PUBLIC,
        date=PUBLIC,
        note=PUBLIC,
        facility=PUBLIC,
    ),
    "directory.statuschange": {
        "id": PUBLIC,
        "source": PUBLIC,
        "source_url": PUBLIC,
        "source_accessed": PUBLIC,
        "facility": PUBLIC,
        "status": PUBLIC,
        "date": PUBLIC,
        "note": PUBLIC,
    },
    "directory.historicalprofilesnapshot": history(
        id=PUBLIC,
        source=PUBLIC,
        source_url=PUBLIC,
        source_accessed=PUBLIC,
        as_of=PUBLIC,
        minimum_age=PUBLIC,
        other_criteria=PUBLIC,
        hours_note=PUBLIC,
        notes=PUBLIC,
        created=PUBLIC,
        facility=PUBLIC,
    ),
    "directory.profilesnapshot": {
        "id": PUBLIC,
        "source": PUBLIC,
        "source_url": PUBLIC,
        "source_accessed": PUBLIC,
        "facility": PUBLIC,
        "as_of": PUBLIC,
        "minimum_age": PUBLIC,
        "other_criteria": PUBLIC,
        "hours_note": PUBLIC,
        "notes": PUBLIC,
        "created": PUBLIC,
    },
    "directory.historicalsnapshotroute": history(
        id=PUBLIC, route=PUBLIC, places=PUBLIC, snapshot=PUBLIC
    ),
    "directory.snapshotroute": {
        "id": PUBLIC,
        "snapshot": PUBLIC,
        "route": PUBLIC,
        "places": PUBLIC,
    },
    "directory.historicalsnapshotservice": history(id=PUBLIC, service=PUBLIC, snapshot=PUBLIC),
    "directory.snapshotservice": {"id": PUBLIC, "snapshot": PUBLIC, "service": PUBLIC},
    "directory.historicalsnapshotcriterion": history(id=PUBLIC, criterion=PUBLIC, snapshot=PUBLIC),
    "directory.snapshotcriterion": {"id": PUBLIC, "snapshot": PUBLIC, "criterion": PUBLIC},
    "directory.historicalopeninghours": history(
        id=PUBLIC, weekday=PUBLIC, opens=PUBLIC, closes=PUBLIC, snapshot=PUBLIC
    ),
    "directory.openinghours": {
        "id": PUBLIC,
        "snapshot": PUBLIC,
        "weekday": PUBLIC,
        "opens": PUBLIC,
        "closes": PUBLIC,
    },
    "directory.historicalhighlight": history(
        id=PUBLIC, month=PUBLIC, title=PUBLIC, text=PUBLIC, facility=PUBLIC
    ),
    "directory.highlight": {
        "id": PUBLIC,
        "month": PUBLIC,
        "facility": PUBLIC,
        **translated("title", "text"),
    },
}


def export(user) -> dict[str, list[dict]]:
    from .models import Facility

    return {
        "reported_facilities": rows(
            Facility.reporters.through.objects.filter(user=user).order_by("pk"),
            "facility__public_id",
            "facility__name",
        )
    }


def erase(user, *, keep_posts: bool) -> None:
    from .models import Facility

    Facility.reporters.through.objects.filter(user=user).delete()
