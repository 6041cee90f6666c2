"""Events for the policy tracker's tests."""

from __future__ import annotations

import datetime as dt

from dcrnet.directory.models import Country
from dcrnet.policy.models import Event, Kind


def make_event(
    country: str = "DK",
    date: dt.date = dt.date(2012, 6, 1),
    *,
    kind: str = Kind.LAW,
    title: str = "Law on drug consumption rooms passed",
    summary: str = "Denmark passed its law in June 2012.",
    **extra,
) -> Event:
    country_obj, _ = Country.objects.get_or_create(code=country)
    return Event.objects.create(
        country=country_obj,
        date=date,
        kind=kind,
        title_en=title,
        summary_en=summary,
        source_title=extra.pop("source_title", "INDCR country page: Denmark"),
        source_url=extra.pop("source_url", "http://www.example.org/denmark"),
        **extra,
    )
