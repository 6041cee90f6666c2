"""The seeded events: real, sourced, in five languages, and a second run changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from dcrnet.policy.models import Event, Precision
from dcrnet.policy.seed import EVENTS, SOURCES, seed_events

FACTS = Path(settings.BASE_DIR).parent / "shared" / "data" / "facts-indcr-and-peers.md"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
INDCR_PAGE = re.compile(r"^http://www\.drugconsumptionroom-international\.org/index\.php(/.+)$")


@pytest.mark.django_db
def test_seeding_twice_creates_once_and_then_saves_nothing():
    first = seed_events()
    assert first["created"] == len(EVENTS) and Event.objects.count() == len(EVENTS)
    history = Event.history.count()
    second = seed_events()
    assert second == {"unchanged": len(EVENTS)}
    assert Event.history.count() == history


@pytest.mark.django_db
def test_every_seeded_event_has_its_source_and_every_language():
    seed_events()
    for event in Event.objects.all():
        assert event.source_url and event.source_title and event.published
        for code in LANGUAGES:
            assert getattr(event, f"title_{code}") and getattr(event, f"summary_{code}"), code
        assert event.title == event.title_en  # the base column holds English


@pytest.mark.skipif(not FACTS.is_file(), reason="the shared facts file is not beside the project")
def test_every_source_address_is_written_in_the_facts_file():
    facts = FACTS.read_text()
    for key, (_title, url) in SOURCES.items():
        page = INDCR_PAGE.match(url)
        # The facts file gives the INDCR pages as paths under /index.php (A2–A9).
        wanted = page[1].removeprefix("/locations") if page else url
        assert wanted in facts, key


def test_french_texts_have_a_no_break_space_before_double_punctuation():
    for row in EVENTS:
        for text in row.texts["fr"]:
            assert not re.search("(?<!\u00a0)[:;?!]", text), text


@pytest.mark.django_db
def test_the_brief_facts_are_seeded_with_their_dates():
    seed_events()
    found = {
        (e.country.code.code, e.date.isoformat(), e.precision, e.kind)
        for e in Event.objects.select_related("country")
    }
    assert ("DE", "2000-01-01", Precision.YEAR, "law") in found
    assert ("DK", "2012-06-01", Precision.MONTH, "law") in found
    assert ("DK", "2012-10-01", Precision.MONTH, "opened") in found
    assert ("NO", "2005-02-01", Precision.DAY, "opened") in found
    assert ("FR", "2016-10-17", Precision.DAY, "opened") in found
    assert ("FR", "2016-11-07", Precision.DAY, "opened") in found
    assert ("CA", "2003-09-01", Precision.MONTH, "opened") in found
    assert ("GB", "2025-01-13", Precision.DAY, "opened") in found
    assert ("GR", "2013-01-01", Precision.YEAR, "pilot") in found


@pytest.mark.django_db
def test_an_editor_unpublishing_a_seeded_event_survives_a_second_run():
    seed_events()
    event = Event.objects.get(country__code="GR")
    event.published = False
    event.save()
    seed_events()
    event.refresh_from_db()
    assert not event.published


@pytest.mark.django_db
def test_events_link_the_facilities_that_exist(make_facility):
    make_facility("gb-glasgow-thistle", country="GB", city="Glasgow", name="The Thistle")
    seed_events()
    event = Event.objects.get(country__code="GB")
    assert event.facility.public_id == "gb-glasgow-thistle"
