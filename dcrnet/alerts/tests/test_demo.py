"""The early-warning demo: a sourced vocabulary, regions, and a synthetic story that detection
turns into signals of every kind, loaded twice without a change."""

from __future__ import annotations

import pytest

from dcrnet.alerts import demo
from dcrnet.alerts.models import Pulse, Region, Signal, Substance, SubstanceReport, inchikey
from dcrnet.demo.loader import Tally
from dcrnet.monitoring import demo as monitoring_demo
from dcrnet.monitoring.models import MonthlyValue
from dcrnet.monitoring.services import cross_check

pytestmark = pytest.mark.django_db

ROOMS = [
    ("ca-vancouver-insite", "CA", "Vancouver"),
    ("ca-vancouver-dr-peter-centre", "CA", "Vancouver"),
    ("ca-surrey-safepoint", "CA", "Surrey"),
    ("de-berlin-birkenstube", "DE", "Berlin (Moabit)"),
    ("de-berlin-fixpunkt-karl-marx-strasse", "DE", "Berlin (Neukölln)"),
    ("de-berlin-fixpunkt-mobile", "DE", "Berlin (several stops)"),
    ("ch-bern-contact-netz", "CH", "Bern"),
]


@pytest.fixture
def loaded(make_facility):
    for public_id, country, city in ROOMS:
        make_facility(public_id, country=country, city=city, routes={"injecting": 10})
    monitoring_demo.load()
    tally = Tally()
    demo.load(tally)
    return tally


def test_every_identifier_is_well_formed_and_has_its_source(db):
    demo.load_vocabulary(Tally())
    for substance in Substance.objects.exclude(inchikey=""):
        inchikey(substance.inchikey)
        assert substance.source_url.startswith("https://"), substance.slug
    caffeine = Substance.objects.get(slug="caffeine")
    # The facts file's example (§1) and PubChem's CID for it.
    assert (caffeine.inchikey, caffeine.pubchem_cid) == ("RYYVLZVUVIJVGH-UHFFFAOYSA-N", 2519)
    iso = Substance.objects.get(slug="isotonitazene")
    assert iso.group.slug == demo.NITAZENES and iso.group.watch_list
    unresolved = Substance.objects.get(slug=demo.MEDETOMIDINES)
    assert set(unresolved.members.values_list("slug", flat=True)) == {
        "medetomidine",
        "dexmedetomidine",
    }
    # Enantiomers share the connectivity block and differ in the stereo block.
    assert (
        Substance.objects.get(slug="dexmedetomidine").inchikey[:14]
        == (Substance.objects.get(slug="medetomidine").inchikey[:14])
    )


def test_the_demo_shows_every_kind_of_signal_from_synthetic_data_only(loaded):
    vancouver = Region.objects.get(slug="metro-vancouver")
    assert vancouver.facilities.count() == 3

    substance = Signal.objects.get(kind="S1", substance__slug=demo.MEDETOMIDINES)
    assert substance.region == vancouver
    assert substance.facilities.count() == 2 and substance.observed == 9
    assert Signal.objects.filter(kind="S1", substance__slug="isotonitazene").exists()

    regional = Signal.objects.get(key__startswith=f"S2:r{vancouver.pk}:")
    assert regional.inputs["facilities"] == 2
    assert Signal.objects.filter(
        kind="S2", key__startswith="S2:f", facilities__public_id="ca-vancouver-insite"
    ).exists()

    monthly = Signal.objects.filter(kind="S3", indicator="overdoses")
    cluster_ids = set(monthly.values_list("facilities__public_id", flat=True))
    assert set(demo.CLUSTER) <= cluster_ids
    cluster = Signal.objects.get(kind="S4", indicator="overdoses")
    assert set(demo.CLUSTER) <= set(cluster.facilities.values_list("public_id", flat=True))

    assert not Signal.objects.filter(synthetic=False).exists()
    assert not SubstanceReport.objects.filter(synthetic=False).exists()
    assert not Pulse.objects.filter(synthetic=False).exists()


def test_the_cluster_keeps_the_monthly_history_consistent(loaded):
    by_month: dict = {}
    for v in MonthlyValue.objects.select_related("indicator"):
        name = v.indicator.code + (f":{v.breakdown}" if v.breakdown else "")
        by_month.setdefault((v.facility_id, v.month), {})[name] = v.value
    for (_facility, month), cells in by_month.items():
        assert cross_check(cells, month) == []


def test_a_second_load_changes_nothing(loaded):
    counts = (Signal.objects.count(), Pulse.objects.count(), SubstanceReport.objects.count())
    again = Tally()
    demo.load(again)
    assert again.changed == 0, again.lines()
    assert (Signal.objects.count(), Pulse.objects.count(), SubstanceReport.objects.count()) == (
        counts
    )
