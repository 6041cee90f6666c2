"""Loader steps of trainings (issue #12): the catalogue, always (it is factual), and with DEBUG on
only the demonstration sessions, organised by the demo organiser.

The catalogue is written through `loader.upsert`; sessions are created like editors create them
(the model: no service creates one) and everything that happens to them goes through
trainings.services: registrations, the wait-list, attendance, the cancellation. A second run
on the same day writes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from dcrnet.community.models import DEMO_EMAIL_DOMAIN, ExpertiseTag, User
from dcrnet.directory.models import Facility
from dcrnet.documents.models import Document
from dcrnet.evidence.demo import MARKER
from dcrnet.evidence.models import Reference
from dcrnet.guide.models import Step
from dcrnet.trainings import services
from dcrnet.trainings.models import (
    TRAINING_TEXT,
    Registration,
    Session,
    SessionStatus,
    Training,
)

from .data.demonstration import DEMO_TRAINER, ORGANISER, SESSIONS
from .data.knowledge_sources import ALL_SOURCES
from .data.trainings import CATALOGUE
from .knowledge import _set_m2m
from .loader import CREATED, REMOVED, UNCHANGED, UPDATED, Tally, upsert

# Demonstration sessions keep their public id (and so their address and calendar UID) from one
# load to the next: it derives from the session's key.
NAMESPACE = uuid.UUID("5f0d2b1e-8a44-4c4e-9d0e-0d3c6a9e1b12")


def reference_ids(numbers) -> set[int]:
    """The evidence library's rows of these seed bibliography numbers (those present)."""
    markers = {f"{MARKER}{n}." for n in numbers}
    return {
        ref.pk
        for ref in Reference.objects.filter(notes__startswith=MARKER).only("pk", "notes")
        if ref.notes.split(".", 1)[0] + "." in markers
    }


def load_catalogue(tally: Tally) -> None:
    """The trainings the network names and the learning material of the facts, in five
    languages, each with its topic, the guide steps it serves and its materials."""
    tags = {t.slug: t for t in ExpertiseTag.objects.all()}
    steps = {s.slug: s.pk for s in Step.objects.all()}
    documents = {d.slug: d.pk for d in Document.objects.all()}
    for row in CATALOGUE:
        values = {
            "format": row["format"],
            "languages": row["languages"],
            "topic": tags[row["topic"]] if row["topic"] else None,
            "provider": row["provider"],
            "source_url": ALL_SOURCES[row["source"]][1],
            "source_note": row["source_note"],
            "published": True,
            "is_demo": False,
        }
        for code, text in row["text"].items():
            for field in TRAINING_TEXT:
                values[f"{field}_{code}"] = text[field].strip()
        training = upsert(Training, {"slug": row["slug"]}, values, tally)
        wanted = {steps[slug] for slug in row["steps"] if slug in steps}
        _set_m2m(training.steps, wanted, tally, "training guide steps")
        wanted = {documents[slug] for slug in row["documents"] if slug in documents}
        _set_m2m(training.documents, wanted, tally, "training documents")
        _set_m2m(
            training.references, reference_ids(row["references"]), tally, "training references"
        )


# --- DEBUG only -------------------------------------------------------------------------------


def demo_user(key: str) -> User:
    return User.objects.get(email__iexact=f"{key}@{DEMO_EMAIL_DOMAIN}")


def session_id(key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"demonstration session {key}")


def local_time(days: int, clock: str, zone: str) -> dt.datetime:
    """That local time in the zone, `days` from today."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), tzinfo=zoneinfo.ZoneInfo(zone))


def load_sessions(tally: Tally) -> None:
    """The demonstration sessions: upcoming on site, online and hybrid, one full with a
    wait-list, one past with attendance marked, one cancelled. Load the demo accounts and the
    demonstration experts first: they register."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("Demonstration sessions are created only with DEBUG on.")
    organiser = demo_user(ORGANISER)
    keep = []
    for row in SESSIONS:
        starts = local_time(row["days"], row["starts"], row["time_zone"])
        values = {
            "training": Training.objects.get(slug=row["training"]),
            "starts_at": starts,
            "ends_at": local_time(row["days"], row["ends"], row["time_zone"]),
            "time_zone": row["time_zone"],
            "format": row["format"],
            "facility": (
                Facility.objects.get(public_id=row["facility"]) if row["facility"] else None
            ),
            "address": row["address"],
            "online_url": row["online_url"],
            "language": row["language"],
            "capacity": row["capacity"],
            "registration_deadline": starts - dt.timedelta(days=row["deadline"]),
            "cancellation_cutoff": starts - dt.timedelta(days=row["cutoff"]),
            "trainers": DEMO_TRAINER,
            "is_demo": True,
        }
        if "cancelled" not in row:
            values.update(status=SessionStatus.SCHEDULED, cancellation_reason="")
        session = upsert(Session, {"public_id": session_id(row["key"])}, values, tally)
        keep.append(session.pk)
        _set_m2m(session.organisers, {organiser.pk}, tally, "training session organisers")
        if row.get("question") and not session.questions.filter(text=row["question"]).exists():
            services.add_question(session, by=organiser, text=row["question"])
            tally.add("registration questions", CREATED)
        register_people(session, row, tally)
        if row.get("attended"):
            mark_attendance(session, row["attended"], organiser, tally)
        if "cancelled" in row and not session.is_cancelled:
            services.cancel_session(session, by=organiser, reason=row["cancelled"])
            tally.add("cancelled training sessions", UPDATED)
    for session in Session.objects.filter(is_demo=True).exclude(pk__in=keep):
        session.delete()
        tally.add(str(Session._meta.verbose_name_plural), REMOVED)


def register_people(session: Session, row: dict, tally: Tally) -> None:
    """Register the people in their order, as they would have: a past session's participants
    registered before its deadline."""
    if session.is_cancelled:
        return
    now = None
    if session.starts_at <= timezone.now():
        now = session.registration_deadline - dt.timedelta(days=3)
    for key in row["registrations"]:
        registration = services.register(session, demo_user(key), now=now)
        tally.add(
            "training registrations", UNCHANGED if registration.already_registered else CREATED
        )


def mark_attendance(session: Session, attended: dict[str, bool], organiser, tally: Tally) -> None:
    registrations = Registration.objects.filter(
        session=session, user__email__in=[f"{key}@{DEMO_EMAIL_DOMAIN}" for key in attended]
    ).select_related("user")
    marks = {
        registration.pk: attended[registration.user.email.split("@")[0]]
        for registration in registrations
    }
    changed = services.set_attendance(session, marks, by=organiser)
    tally.add("training attendance", UPDATED if changed else UNCHANGED)
