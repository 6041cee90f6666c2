"""Test data of trainings: people, a training, sessions around a fixed moment (NOW)."""

from __future__ import annotations

import datetime as dt

from allauth.account.models import EmailAddress

from dcrnet.trainings.models import Format, Session, Training

PASSWORD = "a long test passphrase"
NOW = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


def make_person(handle: str, *, language: str = "en", **extra):
    from dcrnet.community.models import User

    email = f"{handle}@example.org"
    user = User.objects.create_user(
        email=email, password=PASSWORD, handle=handle, language=language, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_training(slug: str = "running-a-dcr", **extra) -> Training:
    """The training of that slug (made the first time)."""
    values = {
        "title": "Running a drug consumption room",
        "summary": "How a room works.",
        "outcomes": "Run a room.",
        "audience": "Teams.",
        "duration": "one day",
        "format": Format.ON_SITE,
    }
    values.update(extra)
    existing = Training.objects.filter(slug=slug).first()
    return existing or Training.objects.create(slug=slug, **values)


def make_session(training: Training | None = None, *, start: dt.datetime | None = None, **extra):
    """A session 30 days after NOW (3 hours long), registrations open until 2 days before, and
    cancellations until 3 days before; on site at an address, 10 places."""
    start = start or NOW + dt.timedelta(days=30)
    values = {
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=3),
        "time_zone": "Europe/Berlin",
        "format": Format.ON_SITE,
        "address": "Teststraße 1, Berlin",
        "language": "en",
        "capacity": 10,
        "registration_deadline": start - dt.timedelta(days=2),
        "cancellation_cutoff": start - dt.timedelta(days=3),
    }
    values.update(extra)
    organisers = values.pop("organisers", ())
    session = Session.objects.create(training=training or make_training(), **values)
    session.organisers.set(organisers)
    return session
