"""Survey results year by year, from accepted responses only (n and response rate each)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.utils.translation import gettext as _

from dcrnet.directory.models import Criterion, Route, Service

from .models import EmailKind, SurveyEmail, SurveyResponse


def _hours(opens: str, closes: str) -> float:
    start = dt.time.fromisoformat(opens)
    end = dt.time.fromisoformat(closes)
    a, b = start.hour * 60 + start.minute, end.hour * 60 + end.minute
    return ((b - a) if b > a else b + 24 * 60 - a) / 60


def _pct(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def survey_results() -> dict:
    """Tables for the resource centre charts, plus the rows of /data/survey.csv."""
    by_year: dict[int, list[dict]] = defaultdict(list)
    for year, answers in SurveyResponse.objects.accepted().values_list("survey__year", "answers"):
        by_year[year].append(answers)
    invited = defaultdict(set)
    for year, facility in SurveyEmail.objects.filter(kind=EmailKind.INVITATION).values_list(
        "survey__year", "facility_id"
    ):
        invited[year].add(facility)
    years = sorted(by_year)
    meta, visitors, places, hours, criteria, services, csv_rows = [], [], [], [], [], [], []
    for year in years:
        answers = by_year[year]
        n = len(answers)
        surveyed = max(len(invited[year]), n)
        rate = _pct(n, surveyed)
        meta.append({"year": year, "n": n, "surveyed": surveyed, "rate": rate})
        avg_visitors = round(sum(a.get("visitors_per_day") or 0 for a in answers) / n, 1)
        visitors.append([year, avg_visitors])
        csv_rows.append([year, "visitors_per_day", "average", avg_visitors, n, surveyed, rate])
        row = [year]
        for route, _label in Route.choices:
            values = [a["routes"][route] for a in answers if a.get("routes", {}).get(route)]
            avg = round(sum(values) / len(values), 1) if values else None
            row.append(avg if avg is not None else "")
            csv_rows.append([year, "places_per_route", route, avg, len(values), surveyed, rate])
        places.append(row)
        weekly = [sum(_hours(o, c) for _d, o, c in a.get("hours", [])) for a in answers]
        weekend = sum(1 for a in answers if any(d >= 5 for d, _o, _c in a.get("hours", [])))
        avg_daily = round(sum(weekly) / n / 7, 1)
        hours.append([year, avg_daily, _pct(weekend, n)])
        csv_rows.append(
            [year, "opening_hours", "average_hours_per_day", avg_daily, n, surveyed, rate]
        )
        csv_rows.append(
            [year, "opening_hours", "open_at_weekends_pct", _pct(weekend, n), n, surveyed, rate]
        )
        for code, _label in Criterion.choices:
            share = _pct(sum(1 for a in answers if code in a.get("criteria", [])), n)
            csv_rows.append([year, "admission_criteria_pct", code, share, n, surveyed, rate])
        for code, _label in Service.choices:
            share = _pct(sum(1 for a in answers if code in a.get("services", [])), n)
            csv_rows.append([year, "services_pct", code, share, n, surveyed, rate])
    for code, label in Criterion.choices:
        criteria.append(
            [
                label,
                *(
                    _pct(
                        sum(1 for a in by_year[y] if code in a.get("criteria", [])), len(by_year[y])
                    )
                    for y in years
                ),
            ]
        )
    for code, label in Service.choices:
        services.append(
            [
                label,
                *(
                    _pct(
                        sum(1 for a in by_year[y] if code in a.get("services", [])), len(by_year[y])
                    )
                    for y in years
                ),
            ]
        )
    return {
        "years": years,
        "meta": meta,
        "visitors": visitors,
        "places": places,
        "route_labels": [label for _c, label in Route.choices],
        "hours": hours,
        "criteria": criteria,
        "services": services,
        "csv": csv_rows,
        "note": _("From accepted responses only."),
    }
