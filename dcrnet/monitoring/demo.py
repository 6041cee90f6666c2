"""Demo monitoring data: the dictionary's translations, published yearly figures with sources,
and a synthetic monthly history.

The yearly figures are facts from public sources. The monthly history is generated, stored with
synthetic=True, and every page, chart and download that shows it says so. Idempotent: a second
run adds nothing and never overwrites a real (non-synthetic) value.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from dcrnet.directory.models import Facility

from . import indicator_translations, services
from .indicators import seed
from .models import DictionaryRelease, Indicator, MonthlyValue, Qualifier, YearlyValue

# public_id, indicator, breakdown, start, end, value, qualifier, as published, source, url
YEARLY = [
    ("ca-vancouver-insite", "visits", "", "2017-01-01", "2017-12-31", 175464, "exact",
     "175,464 visits", "Wikipedia: Insite", "https://en.wikipedia.org/wiki/Insite"),
    ("ca-vancouver-insite", "unique_clients", "", "2017-01-01", "2017-12-31", 7301, "exact",
     "7,301 unique users (over the year)", "Wikipedia: Insite", "https://en.wikipedia.org/wiki/Insite"),
    ("ca-vancouver-insite", "overdoses", "", "2017-01-01", "2017-12-31", 2151, "exact",
     "2,151 overdoses", "Wikipedia: Insite", "https://en.wikipedia.org/wiki/Insite"),
    ("ca-vancouver-insite", "deaths_on_site", "", "2017-01-01", "2017-12-31", 0, "exact",
     "0 deaths", "Wikipedia: Insite", "https://en.wikipedia.org/wiki/Insite"),
    ("lu-abrigado", "supervised_consumptions", "injecting", "2014-01-01", "2014-12-31", 59000,
     "more_than", "more than 59,000 supervised injections",
     "INDCR Monthly Highlight: Abrigado",
     "http://www.drugconsumptionroom-international.org/index.php/monthly-highlight-dcr/highl-abrigado/monthly-highlight"),
    ("es-barcelona-sala-baluard", "unique_clients", "", "2021-01-01", "2021-12-31", 1362, "exact",
     "1,362 people (over the year)", "The Herald (Scotland), 2022",
     "https://www.heraldscotland.com/politics/20585811.barcelona-tackled-epidemic-drug-overdose-deaths/"),
    ("es-barcelona-sala-baluard", "supervised_consumptions", "", "2021-01-01", "2021-12-31", 58793,
     "exact", "58,793 uses (all routes)", "The Herald (Scotland), 2022",
     "https://www.heraldscotland.com/politics/20585811.barcelona-tackled-epidemic-drug-overdose-deaths/"),
    ("no-oslo-sproyterommet", "registered_people", "", "2017-01-01", "2017-12-31", 3040, "exact",
     "3,040 registered (about 800 regular)", "Regjeringen: Prop. 13 L (2018–2019)",
     "https://regjeringen.no/no/dokumenter/prop.-13-l-20182019/id2618109/?ch=2"),
    ("no-oslo-sproyterommet", "supervised_consumptions", "injecting", "2017-01-01", "2017-12-31",
     30223, "exact", "30,223 injections", "Regjeringen: Prop. 13 L (2018–2019)",
     "https://regjeringen.no/no/dokumenter/prop.-13-l-20182019/id2618109/?ch=2"),
    ("us-new-york-onpoint", "supervised_consumptions", "", "2021-11-30", "2023-07-31", 83519,
     "exact", "83,519 uses", "OnPoint NYC", "https://onpointnyc.org/intervened-in-over-1000-overdoses/"),
    ("us-new-york-onpoint", "unique_clients", "", "2021-11-30", "2023-07-31", 3719, "exact",
     "3,719 participants (over the whole period)", "OnPoint NYC",
     "https://onpointnyc.org/intervened-in-over-1000-overdoses/"),
    ("us-new-york-onpoint", "overdoses", "", "2021-11-30", "2023-07-31", 1008, "exact",
     "1,008 overdoses averted", "OnPoint NYC",
     "https://onpointnyc.org/intervened-in-over-1000-overdoses/"),
]  # fmt: skip

MONTHS = 24


def _months(until: dt.date, count: int) -> list[dt.date]:
    months, month = [], until.replace(day=1)
    for _ in range(count):
        months.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return sorted(months)


def synthetic_month(rng: random.Random, scale: int, month: dt.date, routes: list[str]) -> dict:
    """One plausible month that passes every cross-check."""
    days = services.days_in_month(month)
    days_open = days if rng.random() < 0.7 else days - rng.randint(1, 4)
    visits = max(0, int(scale * days_open * rng.uniform(0.8, 1.2)))
    unique = int(visits * rng.uniform(0.08, 0.2))
    consumptions = int(visits * rng.uniform(0.7, 0.95))
    shares = [rng.random() + 0.2 for _ in routes]
    cells = {
        "days_open": days_open,
        "opening_hours": days_open * rng.choice([6, 8, 10, 12]),
        "visits": visits,
        "unique_clients": unique,
        "new_clients": int(unique * rng.uniform(0.02, 0.1)),
    }
    for route, share in zip(routes, shares, strict=True):
        cells[f"supervised_consumptions:{route}"] = int(consumptions * share / sum(shares))
    overdoses = int(consumptions * rng.uniform(0.0, 0.01))
    cells.update(
        overdoses=overdoses,
        naloxone=int(overdoses * rng.uniform(0.2, 0.6)),
        other_emergencies=rng.randint(0, 6),
        deaths_on_site=0,
        **{
            "referrals:treatment": int(unique * rng.uniform(0.01, 0.05)),
            "referrals:health": int(unique * rng.uniform(0.02, 0.08)),
            "referrals:social": int(unique * rng.uniform(0.02, 0.06)),
        },
    )
    cells["ambulance_calls"] = min(
        rng.randint(0, 5), cells["overdoses"] + cells["other_emergencies"]
    )
    return cells


@transaction.atomic
def load(stdout=None, *, sample: Iterable[str] | None = None) -> dict:
    """Yearly figures with sources, then synthetic monthly history for the open demo facilities
    (those of `sample`, public ids, when given: the demo's sample, not the whole directory)."""
    say = stdout.write if stdout else (lambda *_a, **_k: None)
    if not Indicator.objects.exists():
        seed(DictionaryRelease, Indicator)  # the dictionary, in case a flush removed it
    translated = indicator_translations.load(DictionaryRelease, Indicator)
    facilities = {f.public_id: f for f in Facility.objects.all()}
    indicators = {i.code: i for i in Indicator.objects.all()}
    yearly = 0
    for public_id, code, breakdown, start, end, value, qualifier, wording, source, url in YEARLY:
        facility = facilities.get(public_id)
        if facility is None:
            continue
        key = {
            "facility": facility,
            "indicator": indicators[code],
            "breakdown": breakdown,
            "period_start": dt.date.fromisoformat(start),
            "period_end": dt.date.fromisoformat(end),
        }
        values = {
            "value": value,
            "qualifier": Qualifier(qualifier),
            "wording": wording,
            "source": source,
            "source_url": url,
        }
        row = YearlyValue.objects.filter(**key).first()
        if row is None:
            YearlyValue.objects.create(**key, **values)
            yearly += 1
        elif any(getattr(row, name) != new for name, new in values.items()):
            # Saved only when a fact changed, so a second run writes no history.
            for name, new in values.items():
                setattr(row, name, new)
            row.save()

    until = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    months = _months(until, MONTHS)
    known = services.valid_cells(indicators.values())
    open_facilities = Facility.objects.public().open().prefetch_related("current_snapshot__routes")
    if sample is not None:
        open_facilities = open_facilities.filter(public_id__in=list(sample))
    existing = set(
        MonthlyValue.objects.filter(month__in=months).values_list(
            "facility_id", "month", "indicator_id", "breakdown"
        )
    )
    new_rows = []
    for facility in open_facilities:
        rng = random.Random(facility.public_id)
        snapshot = facility.current_snapshot
        routes = [r.route for r in snapshot.routes.all()] if snapshot else []
        routes = routes or ["injecting"]
        scale = rng.choice([15, 30, 60, 120, 250])
        for month in months:
            for name, value in synthetic_month(rng, scale, month, routes).items():
                indicator, breakdown = known[name]
                if (facility.pk, month, indicator.pk, breakdown) in existing:
                    continue
                new_rows.append(
                    MonthlyValue(
                        facility=facility,
                        month=month,
                        indicator=indicator,
                        breakdown=breakdown,
                        value=value,
                        synthetic=True,
                    )
                )
    bulk_create_with_history(new_rows, MonthlyValue, batch_size=2000)
    if new_rows:
        services.publish_months(months)
    say(
        f"Monitoring: dictionary translated into fr, de, nl, es ({translated} entries filled); "
        f"{yearly} published yearly figures added; "
        f"{len(new_rows)} synthetic monthly values for {len(months)} months "
        "(marked as synthetic demonstration data).\n"
    )
    return {"translated": translated, "yearly": yearly, "synthetic": len(new_rows)}
