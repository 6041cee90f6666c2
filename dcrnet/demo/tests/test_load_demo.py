"""`manage.py load_demo`: the factual demo dataset, and that a second run changes nothing.

The demo is loaded once for the module (DEBUG off, as in production); every test that reads the
database starts from it (`loaded`) in a savepoint, so what a test changes goes at its end."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from dcrnet.demo.data.countries import COUNTRIES
from dcrnet.demo.loader import facility_files
from dcrnet.demo.tests.once import loaded_once
from dcrnet.directory.models import (
    Country,
    Facility,
    Highlight,
    ProfileSnapshot,
    StatusChange,
    highlight_for,
)
from dcrnet.documents.models import Document
from dcrnet.guide.models import Step
from dcrnet.pages.models import Page

DEMO_APPS = ("directory", "pages", "guide", "documents", "community", "trainings", "visits")


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with loaded_once(django_db_blocker, load, DEBUG=False) as output:
        yield output


@pytest.fixture
def loaded(demo, db) -> str:
    """The output of the module's load; a test that reruns the command calls `load()`."""
    return demo


def row_counts() -> dict[str, int]:
    """Rows in every model of the apps the demo writes to, simple-history tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for app in DEMO_APPS
        for model in apps.get_app_config(app).get_models()
    }


def test_it_loads_at_least_30_facilities_in_17_countries(loaded):
    assert Facility.objects.count() >= 30
    codes = set(Facility.objects.values_list("country__code", flat=True))
    assert len(codes) >= 17
    assert codes >= {"CH", "DE", "NL", "DK", "NO", "LU", "FR", "ES", "BE", "GR", "PT", "UA"}
    assert codes >= {"GB", "CA", "AU", "US", "MX"}


def test_every_country_of_a_facility_has_a_sourced_profile(loaded):
    profiled = {c["code"] for c in COUNTRIES}
    added = set(facility_files().countries)  # by the facility files: a fact may be missing
    assert set(Country.objects.values_list("code", flat=True)) == profiled | added
    for country in Country.objects.all():
        if country.code in profiled:
            assert country.legal_basis and country.political_situation, country
        assert country.legal_basis or country.political_situation, country
        assert country.source_title and country.source_url.startswith("http"), country
        assert country.as_of is not None, country


def test_every_facility_snapshot_and_status_change_has_a_source_url(loaded):
    assert Facility.objects.count() == len(facility_files().records)
    for facility in Facility.objects.all():
        assert facility.source_url.startswith("http"), facility
        assert facility.status_changes.exists(), facility
        if facility.publish_exact_location:  # only where the operator publishes its address
            assert facility.address and facility.exact_latitude is not None, facility
    assert not StatusChange.objects.filter(source_url="").exists()
    assert not ProfileSnapshot.objects.filter(source_url="").exists()
    assert not StatusChange.objects.filter(source="").exists()
    assert not ProfileSnapshot.objects.filter(source="").exists()


def test_no_date_lies_in_the_future(loaded):
    today = timezone.localdate()
    assert not StatusChange.objects.filter(date__gt=today).exists()
    assert not ProfileSnapshot.objects.filter(as_of__gt=today).exists()


def test_madrid_dave_is_closed_since_the_end_of_2011(loaded):
    dave = Facility.objects.get(public_id="es-madrid-dave")
    assert dave.status == "closed"
    assert dave.status_since.year == 2011
    assert list(dave.status_changes.values_list("status", flat=True)) == ["open", "closed"]


def test_the_athens_pilot_is_closed(loaded):
    odysseas = Facility.objects.get(public_id="gr-athens-odysseas")
    assert odysseas.status == "closed"
    assert odysseas.status_since.year == 2014


def test_abrigado_is_open_since_july_2005_and_is_this_months_highlight(loaded):
    abrigado = Facility.objects.get(public_id="lu-abrigado")
    assert abrigado.status == "open"
    assert abrigado.status_changes.earliest("date").date == dt.date(2005, 7, 1)
    highlight = highlight_for()
    assert highlight.pk is not None
    assert highlight.facility == abrigado
    assert highlight.month == timezone.localdate().replace(day=1)
    assert "59,000" in highlight.text and "](http" in highlight.text


def test_facilities_that_changed_show_two_snapshots_and_the_latest_is_current(loaded):
    frankfurt = Facility.objects.get(public_id="de-frankfurt-niddastrasse")
    before, after = frankfurt.snapshots.order_by("as_of")
    assert {r.route: r.places for r in before.routes.all()}["smoking"] == 4
    assert {r.route: r.places for r in after.routes.all()} == {"injecting": 12, "smoking": 16}
    assert frankfurt.current_snapshot == after
    abrigado = Facility.objects.get(public_id="lu-abrigado")
    assert abrigado.snapshots.count() == 3
    assert "oat" in {s.service for s in abrigado.current_snapshot.services.all()}


def test_admission_criteria_and_hours_are_loaded_where_stated(loaded):
    fixpunkt = Facility.objects.get(public_id="de-berlin-fixpunkt-mobile")
    snapshot = fixpunkt.current_snapshot
    assert snapshot.minimum_age == 16
    assert {c.criterion for c in snapshot.criteria.all()} == {"nosubstitute", "contract"}
    assert fixpunkt.model == "mobile"
    paris = Facility.objects.get(public_id="fr-paris-scmr-gaia")
    assert paris.current_snapshot.weekly_hours == 7 * 7
    baluard = Facility.objects.get(public_id="es-barcelona-sala-baluard")
    assert baluard.current_snapshot.weekly_hours == 7 * 24


def test_the_four_pages_exist_with_the_menu_order(loaded):
    pages = {p.slug: p for p in Page.objects.all()}
    assert {"home", "about", "what-is-a-dcr", "dcr-models"} <= set(pages)
    assert [p.slug for p in Page.objects.in_menu()] == ["about", "what-is-a-dcr", "dcr-models"]
    assert all("](http" in p.body for p in pages.values())


def test_running_it_twice_changes_nothing(loaded):
    before = row_counts()
    updated = {
        "facilities": dict(Facility.objects.values_list("public_id", "updated")),
        "pages": dict(Page.objects.values_list("slug", "updated")),
        "countries": dict(Country.objects.values_list("code", "updated")),
        "steps": dict(Step.objects.values_list("slug", "updated_at")),
        "documents": dict(Document.objects.values_list("slug", "updated_at")),
    }
    output = load()
    assert row_counts() == before
    assert dict(Facility.objects.values_list("public_id", "updated")) == updated["facilities"]
    assert dict(Page.objects.values_list("slug", "updated")) == updated["pages"]
    assert dict(Country.objects.values_list("code", "updated")) == updated["countries"]
    assert dict(Step.objects.values_list("slug", "updated_at")) == updated["steps"]
    assert dict(Document.objects.values_list("slug", "updated_at")) == updated["documents"]
    assert " 0 created, 0 updated" in output and "nothing changed" in output
    assert Highlight.objects.count() == 1


def test_a_changed_fact_is_updated_in_place_with_one_history_row(loaded):
    abrigado = Facility.objects.get(public_id="lu-abrigado")
    history_before = abrigado.history.count()
    Facility.objects.filter(pk=abrigado.pk).update(city="Somewhere else")
    output = load()
    abrigado.refresh_from_db()
    assert abrigado.city == "Luxembourg"
    assert abrigado.history.count() == history_before + 1
    assert "facilities: 0 created, 1 updated" in output


def test_the_demo_pages_render(loaded, client):
    assert client.get("/").status_code == 200
    for facility in Facility.objects.all():
        assert client.get(facility.get_absolute_url()).status_code == 200, facility
    for country in Country.objects.all():
        assert client.get(country.get_absolute_url()).status_code == 200, country
    for page in Page.objects.exclude(slug="home"):
        assert client.get(page.get_absolute_url()).status_code == 200, page


def test_rows_it_wrote_earlier_are_removed_but_editors_rows_are_kept(loaded):
    dave = Facility.objects.get(public_id="es-madrid-dave")
    demo_source = dave.status_changes.first().source_url
    StatusChange.objects.create(
        facility=dave,
        status="suspended",
        date=dt.date(2005, 1, 1),
        source="x",
        source_url=demo_source,
    )
    editors = StatusChange.objects.create(
        facility=dave,
        status="suspended",
        date=dt.date(2006, 1, 1),
        source="An editor's source",
        source_url="https://example.org/editor",
    )
    stale = ProfileSnapshot.objects.create(
        facility=dave, as_of=dt.date(2001, 1, 1), source="x", source_url=demo_source
    )
    output = load()
    assert "1 removed" in output
    assert set(dave.status_changes.values_list("date", flat=True)) == {
        dt.date(2000, 1, 1),
        dt.date(2006, 1, 1),
        dt.date(2011, 12, 31),
    }
    assert StatusChange.objects.filter(pk=editors.pk).exists()
    assert not ProfileSnapshot.objects.filter(pk=stale.pk).exists()
    dave.refresh_from_db()
    assert dave.status == "closed"
