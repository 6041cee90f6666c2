"""S1–S4 on stored data: which reports, pulses and months make a signal, with what figures, and
that reruns and parallel runs leave one signal per key."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.alerts import detection, signals
from dcrnet.alerts.models import (
    Pulse,
    Region,
    Signal,
    SignalKind,
    SignalStatus,
    Substance,
    SubstanceKind,
    SubstanceReport,
)
from dcrnet.directory.models import Facility
from dcrnet.monitoring.indicators import seed
from dcrnet.monitoring.models import DictionaryRelease, Indicator, MonthlyValue

WEEK = dt.date(2026, 11, 2)  # a Monday
MONTH = dt.date(2026, 10, 1)
RUN_DAY = dt.date(2026, 11, 4)  # its last whole month is MONTH


@pytest.fixture(autouse=True)
def _dictionary(db):
    """The seeded dictionary: a transactional test's flush empties it for the next test."""
    if not Indicator.objects.filter(code="overdoses").exists():
        seed(DictionaryRelease, Indicator)


@pytest.fixture
def region(facility):
    region = Region.objects.create(slug="luxembourg", name="Luxembourg", country=facility.country)
    region.facilities.add(facility)
    return region


@pytest.fixture
def neighbour(make_facility, region):
    other = make_facility("lu-esch", name="Contact Esch", city="Esch-sur-Alzette")
    region.facilities.add(other)
    return other


def substance(slug: str, kind: str = SubstanceKind.COMPOUND, **extra) -> Substance:
    return Substance.objects.create(slug=slug, name=slug.title(), kind=kind, **extra)


def report(facility, thing, region, week=WEEK, samples=1, **extra) -> SubstanceReport:
    return SubstanceReport.objects.create(
        facility=facility,
        substance=thing,
        region=region,
        week=week,
        samples=samples,
        confirmation=extra.pop("confirmation", "ftir"),
        **extra,
    )


# --- S1 ------------------------------------------------------------------------------------


def test_a_watch_list_substance_makes_a_signal_at_once(facility, region):
    xylazine = substance("xylazine", watch_list=True)
    report(xylazine_seen := facility, xylazine, region, week=WEEK - dt.timedelta(days=70))
    signal = signals.check_report(report(facility, xylazine, region, samples=3, linked_overdoses=1))

    assert xylazine_seen == facility
    assert signal.key == f"S1:{xylazine.pk}:{region.pk}:2026-W45"
    assert signal.kind == SignalKind.SUBSTANCE
    assert signal.method == signals.S1_WATCHED
    assert (signal.observed, signal.inputs["linked_overdoses"]) == (3, 1)
    assert (signal.period_start, signal.period_end) == (WEEK, dt.date(2026, 11, 8))
    assert list(signal.facilities.all()) == [facility]
    assert signal.inputs["first_week_in_network"] == "2026-W35"


def test_a_group_on_the_watch_list_watches_its_members(facility, region):
    nitazenes = substance("nitazene-unresolved", SubstanceKind.GROUP, watch_list=True)
    iso = substance("isotonitazene", group=nitazenes)
    report(facility, iso, region, week=WEEK - dt.timedelta(days=7))

    assert signals.check_report(report(facility, iso, region)).method == signals.S1_WATCHED


def test_a_substance_is_new_only_until_a_week_after_its_first_report(facility, region):
    caffeine = substance("caffeine")
    first = signals.check_report(report(facility, caffeine, region))
    later = report(facility, caffeine, region, week=WEEK + dt.timedelta(days=7))

    assert first.method == signals.S1_NEW
    assert signals.check_report(later) is None


def test_unknown_is_never_new(facility, region):
    unknown = substance("unknown", SubstanceKind.UNKNOWN)
    assert signals.check_report(report(facility, unknown, region)) is None


def test_reports_of_one_region_and_week_make_one_signal(facility, neighbour, region):
    carfentanil = substance("carfentanil", watch_list=True)
    signals.check_report(report(facility, carfentanil, region, samples=2))
    signals.check_report(report(neighbour, carfentanil, region, samples=5, synthetic=True))

    signal = Signal.objects.get()
    assert signal.observed == 7
    assert signal.inputs["facilities"] == 2
    assert set(signal.facilities.all()) == {facility, neighbour}
    assert signal.synthetic  # one synthetic input is enough to say so


def test_a_reviewed_signal_keeps_the_figures_it_was_reviewed_with(facility, neighbour, region):
    carfentanil = substance("carfentanil", watch_list=True)
    signal = signals.check_report(report(facility, carfentanil, region, samples=2))
    Signal.objects.filter(pk=signal.pk).update(status=SignalStatus.DISMISSED)
    signals.check_report(report(neighbour, carfentanil, region, samples=5))

    signal.refresh_from_db()
    assert signal.observed == 2
    assert list(signal.facilities.all()) == [facility]


# --- S2 ------------------------------------------------------------------------------------


def pulses(facility, last: dt.date, history: list[int], today: int | None = None) -> None:
    """`history` for the days before `last`, then `today` on `last`."""
    days = [last - dt.timedelta(days=n) for n in range(len(history), 0, -1)]
    Pulse.objects.bulk_create(
        Pulse(facility=facility, day=d, overdoses=n) for d, n in zip(days, history, strict=True)
    )
    if today is not None:
        Pulse.objects.create(facility=facility, day=last, overdoses=today)


def test_a_pulse_spike_of_five_or_more_is_a_facility_signal(facility, region):
    day = dt.date(2026, 11, 3)
    pulses(facility, day, [1, 0, 2, 1] * 20, today=7)
    signal = signals.check_pulse(facility, day)

    expected = detection.pulse_spike([1, 0, 2, 1] * 20, 7)
    assert signal.key == f"S2:f{facility.pk}:2026-11-03"
    assert (signal.observed, signal.expected) == (7, 1.0)
    assert signal.p_value == pytest.approx(expected.p_value) and expected.flagged
    assert signal.threshold == 5  # P(Y >= 4 | Poisson(1)) = 0.019, P(Y >= 5) = 0.0037
    assert signal.region == region


def test_a_flag_below_five_events_alone_is_no_signal(facility, region):
    day = dt.date(2026, 11, 3)
    pulses(facility, day, [0] * 60 + [1] * 2, today=3)
    assert detection.pulse_spike([0] * 60 + [1] * 2, 3).flagged
    assert signals.check_pulse(facility, day) is None


def test_too_short_a_baseline_tests_nothing(facility, region):
    day = dt.date(2026, 11, 3)
    pulses(facility, day, [0] * (signals.MIN_PULSE_DAYS - 1), today=9)
    assert signals.check_pulse(facility, day) is None


def test_two_facilities_of_a_region_within_72_hours_make_one_regional_signal(
    facility, neighbour, region, make_facility
):
    day = dt.date(2026, 11, 3)
    pulses(facility, day, [0] * 60, today=3)
    assert signals.check_pulse(facility, day) is None  # alone, and 3 < 5
    pulses(neighbour, day + dt.timedelta(days=2), [0] * 62, today=2)
    signal = signals.check_pulse(neighbour, day + dt.timedelta(days=2))

    assert signal.key == f"S2:r{region.pk}:2026-11-03"
    assert signal.method == signals.S2_REGION
    assert set(signal.facilities.all()) == {facility, neighbour}
    assert signal.observed == 5
    assert [f["day"] for f in signal.inputs["flags"]] == ["2026-11-03", "2026-11-05"]
    # A third facility a day later joins the same signal.
    third = make_facility("lu-third", city="Luxembourg")
    region.facilities.add(third)
    pulses(third, day + dt.timedelta(days=3), [0] * 60, today=3)
    assert signals.check_pulse(third, day + dt.timedelta(days=3)) == signal
    signal.refresh_from_db()
    assert signal.period_end == day + dt.timedelta(days=3)
    assert Signal.objects.filter(kind=SignalKind.PULSE).count() == 1


def test_flags_more_than_72_hours_apart_are_no_regional_signal(facility, neighbour, region):
    day = dt.date(2026, 11, 3)
    pulses(facility, day, [0] * 60, today=3)
    pulses(neighbour, day + dt.timedelta(days=3), [0] * 63, today=3)
    assert signals.check_pulse(neighbour, day + dt.timedelta(days=3)) is None


# --- S3 and S4 -----------------------------------------------------------------------------


def months_before(month: dt.date, n: int) -> list[dt.date]:
    return [signals.add_months(month, -k) for k in range(n, 0, -1)]


def store(facility, rows: dict[dt.date, tuple[int, int]], code="overdoses") -> None:
    """rows: month → (events, visits)."""
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[code, "visits"])}
    MonthlyValue.objects.bulk_create(
        MonthlyValue(facility=facility, month=m, indicator=indicators[name], value=value)
        for m, (events, visits) in rows.items()
        for name, value in ((code, events), ("visits", visits))
    )


VISITS = [2000, 2200, 1900, 2100, 2300, 2000]


def worked(counts=(4, 6, 3, 5, 7, 5)) -> dict:
    """Six months of (events, visits) before MONTH, as in the facts file's worked examples."""
    return {m: (y, v) for m, y, v in zip(months_before(MONTH, 6), counts, VISITS, strict=True)}


@pytest.fixture
def peers(make_facility):
    """Five facilities of Luxembourg at exactly 2.4 overdoses per 1,000 visits."""
    made = []
    for n in range(5):
        peer = make_facility(f"lu-peer-{n}", city="Luxembourg")
        store(peer, dict.fromkeys(months_before(MONTH, 6), (24, 10000)) | {MONTH: (24, 10_000)})
        made.append(peer)
    return made


def test_the_worked_example_without_overdispersion_alarms(facility, peers):
    store(facility, worked() | {MONTH: (15, 2100)})
    found = signals.detect_month(MONTH)

    signal = Signal.objects.get(kind=SignalKind.MONTHLY)
    assert found == [signal]
    assert signal.key == f"S3:overdoses:f{facility.pk}:2026-10"
    assert signal.expected == pytest.approx(5.04)
    assert signal.threshold == 11
    assert signal.p_value == pytest.approx(0.000246, abs=5e-7)
    assert signal.inputs["peer_group"] == "country:LU"
    assert signal.inputs["peer_rate_per_visit"] == pytest.approx(0.0024)
    assert signal.inputs["phi"] == 1.0
    assert signal.period_end == dt.date(2026, 10, 31)


def test_the_overdispersed_example_does_not(facility, peers):
    store(facility, worked((2, 9, 3, 8, 1, 7)) | {MONTH: (15, 2100)})
    assert signals.detect_month(MONTH) == []


@pytest.fixture
def dispersed_peers(make_facility):
    """Five facilities at 2.4 per 1,000 visits whose months vary with φ̂ = 1.5 each:
    Pearson's X² = (7² + 7² + 5² + 5² + 4² + 4²) / 24 = 7.5 over B − 1 = 5 months."""
    for n in range(5):
        peer = make_facility(f"lu-peer-{n}", city="Luxembourg")
        counts = [31, 17, 29, 19, 28, 20]
        months = dict(zip(months_before(MONTH, 6), [(y, 10_000) for y in counts], strict=True))
        store(peer, months | {MONTH: (24, 10_000)})


@pytest.mark.parametrize(("count", "alarm", "p_value"), [(9, False, 0.0254), (12, True, 0.00305)])
def test_a_new_facility_leans_on_its_peers(facility, dispersed_peers, count, alarm, p_value):
    # facts §2: y = 0 over 1,500 visits, λ_peer 2.4 per 1,000, φ_peer 1.5, v_t 1,600: U = 10.
    store(facility, {signals.add_months(MONTH, -1): (0, 1500), MONTH: (count, 1600)})
    table = signals.MonthTable.load(signals.add_months(MONTH, -12), MONTH, ["overdoses", "visits"])
    rows, result, peers_of = signals.aberrations(table, "overdoses")
    at = rows.index(table.facility_ids.index(facility.pk))
    assert peers_of[rows[at]].phi == pytest.approx(1.5)
    assert (result["mu"][at], result["threshold"][at]) == (pytest.approx(3.3211, abs=1e-4), 10)
    assert result["p_value"][at] == pytest.approx(p_value, abs=5e-5)

    found = signals.detect_month(MONTH)
    assert bool(found) == alarm
    if alarm:
        assert (found[0].threshold, found[0].inputs["phi_from"]) == (10, "peers")


def test_no_alarm_from_fewer_than_five_events(facility, peers):
    store(facility, dict.fromkeys(months_before(MONTH, 12), (0, 2000)) | {MONTH: (4, 2000)})
    assert signals.detect_month(MONTH) == []


def test_two_facilities_alarming_in_one_month_are_a_cluster(facility, peers, make_facility):
    other = make_facility("lu-other", city="Esch-sur-Alzette")
    for one in (facility, other):
        store(one, worked() | {MONTH: (16, 2100)})
    signals.detect_month(MONTH)

    cluster = Signal.objects.get(kind=SignalKind.CLUSTER)
    assert cluster.key == "S4:overdoses:2026-10"
    assert set(cluster.facilities.all()) == {facility, other}
    assert cluster.inputs["facilities_evaluated"] == 7
    assert cluster.p_value == pytest.approx(detection.cluster_false_alarm(7))
    assert cluster.observed == 32


# --- All of them ---------------------------------------------------------------------------


def test_detect_twice_finds_the_same_signals_and_adds_none(facility, neighbour, region, peers):
    store(facility, worked() | {MONTH: (15, 2100)})
    report(facility, substance("fentanyl", watch_list=True), region)
    pulses(neighbour, RUN_DAY, [1, 0, 2, 1] * 20, today=7)

    first = signals.detect(RUN_DAY)
    second = signals.detect(RUN_DAY)

    assert sorted(s.kind for s in first) == ["S1", "S2", "S3"]
    assert [s.pk for s in second] == [s.pk for s in first]
    assert Signal.objects.count() == 3


def test_the_command_runs_a_day_and_refuses_a_bad_date(facility, region, capsys):
    report(facility, substance("fentanyl", watch_list=True), region)
    call_command("detect_signals", "--date", RUN_DAY.isoformat())
    assert "1 signal(s) for 2026-11-04" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--date"):
        call_command("detect_signals", "--date", "2026-13-01")


months_of_data = st.lists(
    st.tuples(st.integers(0, 9), st.integers(0, 3000)), min_size=13, max_size=13
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.lists(months_of_data, min_size=1, max_size=4))
def test_no_monthly_signal_from_fewer_than_five_events_or_within_the_threshold(make_facility, data):
    """Any stored history (visits 0: a month not reported): every S3 signal has 5 events or
    more, above its threshold, and every S4 gathers 2 or more of them."""
    Signal.objects.all().delete()
    MonthlyValue.objects.all().delete()
    months = [*months_before(MONTH, 12), MONTH]
    for n, rows in enumerate(data):
        one = Facility.objects.filter(public_id=f"lu-h-{n}").first() or make_facility(f"lu-h-{n}")
        store(one, {m: (y, v) for m, (y, v) in zip(months, rows, strict=True) if v})

    found = signals.detect_month(MONTH)

    monthly = [s for s in found if s.kind == SignalKind.MONTHLY]
    for signal in monthly:
        assert signal.observed >= detection.MIN_EVENTS
        assert signal.observed > signal.threshold
    for cluster in (s for s in found if s.kind == SignalKind.CLUSTER):
        alarmed = {s.inputs["facility"] for s in monthly if s.indicator == cluster.indicator}
        assert len(cluster.inputs["alarms"]) >= 2
        assert {a["facility"] for a in cluster.inputs["alarms"]} == alarmed


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 5, 31), -3, dt.date(2026, 2, 28)),  # the baseline of a pulse on 31 May
        (dt.date(2024, 3, 31), -1, dt.date(2024, 2, 29)),
        (dt.date(2026, 1, 15), -13, dt.date(2024, 12, 15)),
        (dt.date(2026, 12, 1), 1, dt.date(2027, 1, 1)),
    ],
)
def test_add_months_stays_in_the_shorter_month(day, months, expected):
    assert signals.add_months(day, months) == expected
