"""Demo early-warning data: the substance vocabulary with real identifiers, alert regions for the
demo facilities' cities, and synthetic reports, pulses and one monthly cluster that detection
turns into signals (so the demo shows an alert's path from the first report to the reviewers).

The vocabulary and the regions are facts; every report, pulse and changed monthly value is
generated, stored with synthetic=True, and said to be so wherever it is shown. Idempotent on a
given day: a second run writes nothing. A real (non-synthetic) row is never changed.
"""

from __future__ import annotations

import datetime as dt
import math
import zlib

import numpy as np
from django.db import transaction
from django.utils import timezone

from dcrnet.directory.models import Country, Facility
from dcrnet.monitoring import services as monitoring
from dcrnet.monitoring.models import Indicator, MonthlyValue, first_of_month

from . import detection, signals
from .models import Pulse, Region, Signal, Substance, SubstanceKind, SubstanceReport

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# slug, name, kind, group, watch list, InChIKey, PubChem CID, source of the identifiers, synonyms.
# Each InChIKey was read on the page given (or computed with the standard InChI algorithm from the
# structure that page shows, and found listed under the same name elsewhere); a CID or key that
# could not be confirmed on a page is left blank rather than guessed:
# - heroin: structure (SMILES) on a copy of Wikipedia's "Heroin", key listed with "Heroin" in two
#   public data sets; CID not confirmed.
# - fentanyl: CID 3345 and the key together in a PubChem-derived record; structure on Wikipedia.
# - isotonitazene: structure named by the WHO ECDD; key, CID 145721979 and UNII ZFY1ZBQ8AV
#   listed together from PubChem (the CID also on a research-chemicals page).
# - protonitazene, metonitazene: no page with their key or CID was found: left blank.
# - medetomidine / dexmedetomidine: keys on WikiProjectMed and WikiMili (Wikipedia copies), CIDs
#   68602 and 5311068 on German Wikipedia copies.
# - xylazine: key on Vietnamese Wikipedia, CID 5707 on the English article (2012 archive).
# - cocaine: key on a Wikipedia copy (2025); CID not confirmed.
# - methamphetamine: CID 1206 (the racemate) on Wikipedia copies; its key was on none: blank.
# - caffeine: key and CID 2519 on Infogalactic (a Wikipedia fork); key also in NIST's WebBook.
# - bromazolam: key on Wikipedia, CID 12562546 on a copy of its infobox.
NITAZENES, MEDETOMIDINES = "nitazene-unresolved", "medetomidine-unresolved"
SUBSTANCES = [
    (NITAZENES, "Nitazene, unresolved", SubstanceKind.GROUP, "", True, "", None,
     "https://ecddrepository.org/en/isotonitazene", ["2-benzylbenzimidazole opioid"]),
    (MEDETOMIDINES, "Medetomidine or dexmedetomidine (unresolved)", SubstanceKind.GROUP, "",
     True, "", None, "https://www.acs.org/molecule-of-the-week/archive/m/s-medetomidine.html",
     []),
    ("unknown", "Unknown", SubstanceKind.UNKNOWN, "", False, "", None, "", []),
    ("heroin", "Heroin (diacetylmorphine)", SubstanceKind.COMPOUND, "", False,
     "GVGLGOZIDCSQPN-PVHGPHFFSA-N", None,
     "https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/Heroin",
     ["diacetylmorphine", "diamorphine"]),
    ("fentanyl", "Fentanyl", SubstanceKind.COMPOUND, "", False, "PJMPHNIQZUBGLI-UHFFFAOYSA-N",
     3345, "https://gpe.wikipedia.org/wiki/Fentanyl", ["fentanil"]),
    ("carfentanil", "Carfentanil", SubstanceKind.COMPOUND, "", False,
     "YDSDEBIZUNNPOB-UHFFFAOYSA-N", 62156, "https://www.knowpia.com/knowpedia/Carfentanil",
     ["carfentanyl", "4-methoxycarbonylfentanyl"]),
    ("isotonitazene", "Isotonitazene", SubstanceKind.COMPOUND, NITAZENES, True,
     "OIOQREYBGDAYGT-UHFFFAOYSA-N", 145721979, "https://ecddrepository.org/en/isotonitazene",
     ["iso"]),
    ("protonitazene", "Protonitazene", SubstanceKind.COMPOUND, NITAZENES, True, "", None, "", []),
    ("metonitazene", "Metonitazene", SubstanceKind.COMPOUND, NITAZENES, True, "", None,
     "https://ecddrepository.org/en/metonitazene", []),
    ("xylazine", "Xylazine", SubstanceKind.COMPOUND, "", True, "BPICBUSOMSTKRF-UHFFFAOYSA-N",
     5707, "https://vi.wikipedia.org/wiki/Xylazine", ["tranq"]),
    ("medetomidine", "Medetomidine", SubstanceKind.COMPOUND, MEDETOMIDINES, True,
     "CUHVIMMYOGQXCV-UHFFFAOYSA-N", 68602, "https://mdwiki.org/wiki/Medetomidine", []),
    ("dexmedetomidine", "Dexmedetomidine", SubstanceKind.COMPOUND, MEDETOMIDINES, True,
     "CUHVIMMYOGQXCV-NSHDSACASA-N", 5311068, "https://wikimili.com/en/Dexmedetomidine",
     ["(S)-medetomidine"]),
    ("cocaine", "Cocaine", SubstanceKind.COMPOUND, "", False, "ZPUCINDJVBIVPJ-LJISPDSOSA-N",
     None, "https://wiki.av1.space/content/wikipedia_en_all_mini_2025-06/Cocaine",
     ["benzoylmethylecgonine"]),
    ("methamphetamine", "Methamphetamine", SubstanceKind.COMPOUND, "", False, "", 1206,
     "https://docslib.org/doc/4440914/methamphetamine-1-methamphetamine",
     ["methylamphetamine", "N-methylamphetamine"]),
    ("caffeine", "Caffeine", SubstanceKind.COMPOUND, "", False, "RYYVLZVUVIJVGH-UHFFFAOYSA-N",
     2519, "https://new.infogalactic.com/info/No-doz", ["1,3,7-trimethylxanthine"]),
    ("bromazolam", "Bromazolam", SubstanceKind.COMPOUND, "", False,
     "KCEIOBKDDQAYCM-UHFFFAOYSA-N", 12562546, "https://www.wikipedia.org/wiki/Bromazolam",
     ["XLI-268"]),
]  # fmt: skip

# Alert regions: metropolitan areas (never finer than a city) holding the demo facilities.
REGIONS = [
    ("metro-vancouver", "Metro Vancouver", "CA",
     ["ca-vancouver-insite", "ca-vancouver-dr-peter-centre", "ca-surrey-safepoint"]),
    ("montreal", "Montreal", "CA", ["ca-montreal-cactus"]),
    ("berlin", "Berlin", "DE", ["de-berlin-birkenstube", "de-berlin-fixpunkt-mobile",
                                "de-berlin-fixpunkt-karl-marx-strasse"]),
    ("frankfurt", "Frankfurt am Main", "DE",
     ["de-frankfurt-eastside", "de-frankfurt-niddastrasse"]),
    ("copenhagen", "Copenhagen", "DK", ["dk-copenhagen-skyen", "dk-copenhagen-h17"]),
    ("luxembourg", "Luxembourg", "LU", ["lu-abrigado", "lu-esch-contact-esch"]),
    ("bern", "Bern", "CH", ["ch-bern-contact-netz"]),
    ("geneva", "Geneva", "CH", ["ch-geneva-quai-9"]),
    ("zurich", "Zürich", "CH", ["ch-zurich-city-dcrs"]),
    ("maastricht", "Maastricht", "NL", ["nl-maastricht-first-dcr"]),
    ("oslo", "Oslo", "NO", ["no-oslo-sproyterommet"]),
    ("bergen", "Bergen", "NO", ["no-bergen-straxhuset"]),
    ("paris", "Paris", "FR", ["fr-paris-scmr-gaia"]),
    ("strasbourg", "Strasbourg", "FR", ["fr-strasbourg-argos"]),
    ("barcelona", "Barcelona", "ES", ["es-barcelona-sala-baluard"]),
    ("madrid", "Madrid", "ES", ["es-madrid-dave"]),
    ("bilbao", "Bilbao", "ES", ["es-bilbao-medicos-del-mundo"]),
    ("liege", "Liège", "BE", ["be-liege-saf-ti"]),
    ("brussels", "Brussels", "BE", ["be-brussels-gate"]),
    ("athens", "Athens", "GR", ["gr-athens-odysseas", "gr-athens-okana"]),
    ("lisbon", "Lisbon", "PT", ["pt-lisbon-mobile"]),
    ("sumy", "Sumy", "UA", ["ua-sumy"]),
    ("glasgow", "Glasgow", "GB", ["gb-glasgow-thistle"]),
    ("sydney", "Sydney", "AU", ["au-sydney-uniting-msic"]),
    ("melbourne", "Melbourne", "AU", ["au-melbourne-north-richmond"]),
    ("new-york", "New York City", "US", ["us-new-york-onpoint"]),
    ("mexicali", "Mexicali", "MX", ["mx-mexicali-la-sala"]),
]  # fmt: skip

# The synthetic story. Weeks and days count back from the day the demo is loaded.
# (facility, substance, sold as, confirmation, form, samples, linked overdoses, weeks ago)
BACKGROUND = [
    ("de-berlin-birkenstube", "heroin", "heroin", "gcms", "powder", 6, 0, 9),
    ("de-frankfurt-niddastrasse", "cocaine", "cocaine", "ftir", "powder", 4, 0, 8),
    ("ca-vancouver-insite", "fentanyl", "fentanyl", "ftir", "powder", 12, 2, 7),
    ("ch-zurich-city-dcrs", "caffeine", "heroin", "gcms", "powder", 3, 0, 6),
    ("ca-surrey-safepoint", "bromazolam", "fentanyl", "ftir", "powder", 2, 0, 5),
    ("nl-maastricht-first-dcr", "methamphetamine", "methamphetamine", "raman", "crystal", 2, 0,
     4),
    ("ca-vancouver-insite", "fentanyl", "fentanyl", "ftir", "powder", 9, 1, 3),
]  # fmt: skip
SCENARIO = [
    # Medetomidine in what is sold as fentanyl, at two rooms of one region, this week.
    ("ca-vancouver-insite", MEDETOMIDINES, "fentanyl", "ftir", "powder", 6, 2, 0),
    ("ca-vancouver-dr-peter-centre", MEDETOMIDINES, "fentanyl", "ftir", "powder", 3, 1, 0),
    # A nitazene in what is sold as heroin, confirmed by a laboratory, last week.
    ("ch-bern-contact-netz", "isotonitazene", "heroin", "lcms", "powder", 2, 1, 1),
]  # fmt: skip
# Daily pulses of Metro Vancouver: (facility, mean overdoses a day, spike, days before today).
PULSE_DAYS = 91
PULSES = [
    ("ca-vancouver-insite", 1.5, 9, 1),
    ("ca-vancouver-dr-peter-centre", 0.5, 4, 2),
    ("ca-surrey-safepoint", 1.0, None, None),
]
# The monthly cluster: overdoses above these rooms' thresholds in the last demo month.
CLUSTER = ["de-berlin-birkenstube", "de-berlin-fixpunkt-karl-marx-strasse"]


def _save(model, lookup: dict, values: dict, tally, label: str):
    """Create the row, or update only the fields that differ; nothing when none does."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        row = model.objects.create(**lookup, **values)
        tally.add(label, CREATED)
        return row
    changed = {name: value for name, value in values.items() if getattr(row, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(row, name, value)
        row.save(update_fields=list(changed))
    tally.add(label, UPDATED if changed else UNCHANGED)
    return row


def load_vocabulary(tally) -> dict[str, Substance]:
    substances: dict[str, Substance] = {}
    for slug, name, kind, group, watch, key, cid, url, synonyms in SUBSTANCES:
        values = {
            "name": name,
            "kind": kind,
            "group": substances[group] if group else None,
            "watch_list": watch,
            "inchikey": key,
            "pubchem_cid": cid,
            "source_url": url,
            "synonyms": synonyms,
        }
        substances[slug] = _save(Substance, {"slug": slug}, values, tally, "alert substances")
    return substances


def load_regions(tally) -> dict[str, Region]:
    facilities = dict(Facility.objects.values_list("public_id", "pk"))
    countries = {c.code.code: c for c in Country.objects.all()}
    regions = {}
    for slug, name, country, public_ids in REGIONS:
        if country not in countries:
            continue
        region = _save(
            Region,
            {"slug": slug},
            {"name": name, "country": countries[country]},
            tally,
            "alert regions",
        )
        wanted = {facilities[p] for p in public_ids if p in facilities}
        if set(region.facilities.values_list("pk", flat=True)) != wanted:
            region.facilities.set(wanted)
            tally.add("alert region facilities", UPDATED)
        regions[slug] = region
    return regions


def load_reports(tally, substances, today: dt.date) -> None:
    facilities = {f.public_id: f for f in Facility.objects.all()}
    this_week = signals.iso_week(today)
    for public_id, slug, sold_as, confirmation, form, samples, linked, weeks in (
        BACKGROUND + SCENARIO
    ):
        facility = facilities.get(public_id)
        region = facility and facility.alert_regions.order_by("pk").first()
        if region is None:
            continue
        lookup = {
            "facility": facility,
            "substance": substances[slug],
            "week": this_week - dt.timedelta(weeks=weeks),
            "synthetic": True,
        }
        values = {
            "sold_as": substances[sold_as],
            "confirmation": confirmation,
            "form": form,
            "samples": samples,
            "linked_overdoses": linked,
            "region": region,
        }
        _save(SubstanceReport, lookup, values, tally, "synthetic substance reports")


def _pulse_count(public_id: str, day: dt.date, mean: float) -> int:
    """The same count for a facility and a day on every run: Poisson(mean), capped at mean + 2
    so that no ordinary day looks like a spike."""
    generator = np.random.default_rng(zlib.crc32(f"{public_id}:{day.isoformat()}".encode()))
    return int(min(generator.poisson(mean), round(mean) + 2))


def load_pulses(tally, today: dt.date) -> None:
    facilities = dict(Facility.objects.values_list("public_id", "pk"))
    rows = []
    for public_id, mean, spike, spike_ago in PULSES:
        if public_id not in facilities:
            continue
        facility_id = facilities[public_id]
        existing = set(
            Pulse.objects.filter(
                facility_id=facility_id, day__gte=today - dt.timedelta(days=PULSE_DAYS)
            ).values_list("day", flat=True)
        )
        for ago in range(PULSE_DAYS, 0, -1):
            day = today - dt.timedelta(days=ago)
            if day in existing:
                continue
            count = spike if ago == spike_ago else _pulse_count(public_id, day, mean)
            rows.append(Pulse(facility_id=facility_id, day=day, overdoses=count, synthetic=True))
    Pulse.objects.bulk_create(rows)
    for _row in rows:
        tally.add("synthetic daily pulses", CREATED)


def load_cluster(tally, today: dt.date) -> None:
    """Raise overdoses above the S3 threshold at the CLUSTER rooms in the last whole month, in
    the synthetic monthly history only (a real value is never changed)."""
    month = signals.add_months(first_of_month(today), -1)
    table = signals.MonthTable.load(
        signals.add_months(month, -12), month, ("overdoses", signals.OFFSET)
    )
    if not table.facility_ids:
        return
    rows, result, _peers = signals.aberrations(table, "overdoses")
    wanted = set(Facility.objects.filter(public_id__in=CLUSTER).values_list("pk", flat=True))
    overdoses = Indicator.objects.get(code="overdoses")
    changed = False
    for at, row in enumerate(rows):
        facility_id = table.facility_ids[row]
        if facility_id not in wanted:
            continue
        value = MonthlyValue.objects.filter(
            facility_id=facility_id, month=month, indicator=overdoses, breakdown="", synthetic=True
        ).first()
        if value is None:
            continue
        threshold = int(result["threshold"][at])
        consumptions = sum(
            MonthlyValue.objects.filter(
                facility_id=facility_id, month=month, indicator__code="supervised_consumptions"
            ).values_list("value", flat=True)
        )
        target = max(detection.MIN_EVENTS, threshold + max(3, math.ceil(threshold / 2)))
        target = min(target, consumptions)
        if target <= threshold or value.value == target:
            tally.add("synthetic monthly cluster values", UNCHANGED)
            continue
        value.value = target
        value.save(update_fields=["value", "updated"])
        tally.add("synthetic monthly cluster values", UPDATED)
        changed = True
    if changed:
        monitoring.publish_months([month], indicator_ids=[overdoses.pk])


@transaction.atomic
def load(tally, today: dt.date | None = None) -> None:
    """The vocabulary and regions, then the synthetic story, then detection over it."""
    today = today or timezone.localdate()
    substances = load_vocabulary(tally)
    load_regions(tally)
    load_reports(tally, substances, today)
    load_pulses(tally, today)
    load_cluster(tally, today)
    before = set(Signal.objects.values_list("key", flat=True))
    found = signals.detect(today)
    for signal in found:
        tally.add(
            "early-warning signals (from synthetic data)",
            UNCHANGED if signal.key in before else CREATED,
        )
