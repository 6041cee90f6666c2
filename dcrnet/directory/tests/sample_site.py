"""A small but complete site to test whole pages against: the demo data when it exists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.management import call_command, get_commands
from django.utils import timezone

from dcrnet.directory.models import Country, Facility, Highlight
from dcrnet.directory.services import record_status
from dcrnet.pages.models import Page

PAGES = {
    "home": ("Drug consumption rooms, in one place", "The network's **open directory**."),
    "about": ("About the network", "The International Network of Drug Consumption Rooms."),
    "what-is-a-dcr": ("What is a DCR?", "A place where people use drugs under supervision."),
    "dcr-models": ("DCR models", "Integrated, specialised, mobile, peer-run."),
}


@dataclass
class Site:
    home: str
    list: str
    facility: str
    country: str
    countries: str
    map: str
    highlight: str
    highlights: str
    about: str

    def pages(self) -> dict[str, str]:
        return dict(vars(self))


def build_sample(make_facility) -> None:
    """Five facilities in four countries, with both routes, a closed one and a country profile."""
    make_facility(
        "lu-abrigado",
        name="Abrigado",
        operator="Comité national de défense sociale",
        routes={"injecting": 10, "smoking": 5},
        services=("supervision", "counselling", "sterile_equipment"),
        description="Opened in **July 2005** in Luxembourg City. [More](https://example.org/a).",
    )
    make_facility(
        "de-frankfurt-eastside",
        name="Eastside",
        country="DE",
        city="Frankfurt am Main",
        latitude=50.11,
        longitude=8.68,
        routes={"injecting": 13, "smoking": 10},
        since=dt.date(1996, 1, 1),
    )
    make_facility(
        "de-berlin-birkenstube",
        name="Birkenstube",
        country="DE",
        city="Berlin",
        latitude=52.52,
        longitude=13.40,
        routes={"injecting": 4},
        since=dt.date(2003, 5, 1),
    )
    dave = make_facility(
        "es-madrid-dave",
        name="DAVE",
        country="ES",
        city="Madrid",
        latitude=40.42,
        longitude=-3.70,
        routes={"injecting": 5},
        since=dt.date(2000, 5, 1),
        model="specialised",
    )
    record_status(dave, "closed", dt.date(2011, 1, 1), source="test")
    make_facility(
        "fr-paris-hsa",
        name="Halte soins addictions",
        country="FR",
        city="Paris",
        latitude=48.88,
        longitude=2.35,
        routes={"injecting": 12},
        since=dt.date(2016, 10, 17),
    )
    Country.objects.filter(code="LU").update(
        legal_basis="The law of **27 April 2001** allows supervised consumption.",
        political_situation="Broad support; a second room opened in Esch-sur-Alzette.",
        source_title="EUDA country drug report",
        source_url="https://example.org/lu",
        as_of=dt.date(2024, 6, 1),
    )
    Highlight.objects.create(
        month=timezone.localdate(),
        facility=Facility.objects.get(public_id="lu-abrigado"),
        title="Abrigado, Luxembourg",
        text="Abrigado has offered a safe place since 2005.\n\n- injecting\n- smoking",
    )


def load_site(make_facility, *, demo: bool = True) -> Site:
    """The demo data (when asked and `load_demo` exists), else the sample; plus the pages."""
    if demo and "load_demo" in get_commands():
        call_command("load_demo", verbosity=0)
    else:
        build_sample(make_facility)
    for slug, (title, body) in PAGES.items():
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})
    highlight = Highlight.objects.public().with_facility().first()
    if highlight is None:  # the demo normally schedules one for this month
        facility = Facility.objects.public().order_by("public_id").first()
        highlight = Highlight.objects.create(
            month=timezone.localdate(), facility=facility, text="A highlight."
        )
    facility = highlight.facility
    if facility.current_snapshot_id is None:  # a profile page with a profile says more
        facility = (
            Facility.objects.public()
            .filter(status="open", current_snapshot__isnull=False)
            .order_by("public_id")
            .first()
        ) or facility
    return Site(
        home="/",
        list="/facilities/",
        facility=facility.get_absolute_url(),
        country=facility.country.get_absolute_url(),
        countries="/countries/",
        map="/map/",
        highlight=highlight.get_absolute_url(),
        highlights="/highlights/",
        about="/about/",
    )
