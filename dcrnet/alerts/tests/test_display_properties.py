"""The display rules as properties tried on generated alerts: no count of 1–4 is ever shown as
a number (nor a p-value beside one), and no facility is named without its consent and five
events — in the alert's fields, on its page, and in the alert two reviewers make."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.alerts import display, services
from dcrnet.alerts.models import Alert, Grade, NamingConsent, Signal

from . import test_review as shared

# Fixtures shared with test_review.py.
heroin = shared.heroin
region = shared.region
reviewer = shared.reviewer
second_facility = shared.second_facility
second_reviewer = shared.second_reviewer
substance = shared.substance

SMALL_NUMBERS = {"1", "2", "3", "4"}
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.lists(st.integers()),
)
counts = st.integers(min_value=-3, max_value=10**9)


@given(st.one_of(counts, junk))
def test_a_count_is_never_shown_as_one_to_four(value):
    text = display.shown(value)
    assert text not in SMALL_NUMBERS
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= 4:
            assert text == "<5"
        elif value >= 0:
            assert text == str(value)


@given(
    st.dictionaries(st.integers(1, 50), st.integers(0, 40), max_size=12),
    st.sets(st.integers(1, 50)),
)
def test_only_consenting_facilities_with_five_events_may_be_named(events, consenting):
    named = display.nameable(events, consenting)
    assert set(named) == {f for f, n in events.items() if f in consenting and n >= 5}


def unsaved_alert(data) -> Alert:
    signal = Signal(key="S3:x", kind=data["kind"], period_start=dt.date(2026, 1, 1),
                    period_end=dt.date(2026, 1, 31), method="S3")  # fmt: skip
    alert = Alert(
        signal=signal,
        grade=data["grade"],
        title="An alert",
        issued=timezone.now(),
        updated=timezone.now(),
        week=dt.date(2026, 1, 26),
        facility_count=data["facilities"],
        counts=data["counts"],
        observed=data["observed"],
        expected=data["expected"],
        p_value=data["p"],
        advice="Advice.",
        source="Test",
    )
    alert.shown_facilities = []
    return alert


alerts = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["S1", "S2", "S3", "S4"]),
        "grade": st.sampled_from(Grade.values),
        "facilities": st.integers(0, 30),
        "counts": st.one_of(
            st.dictionaries(
                st.sampled_from([*display.COUNT_LABELS, "other_thing"]),
                st.one_of(counts, junk),
                max_size=5,
            ),
            junk,
        ),
        "observed": st.one_of(st.none(), st.integers(0, 10**6)),
        "expected": st.one_of(st.none(), st.floats(0, 1e6)),
        "p": st.one_of(st.none(), st.floats(0, 1)),
    }
)


@settings(max_examples=150, deadline=None)
@given(alerts)
def test_an_alert_and_its_page_never_show_a_count_of_one_to_four(data):
    view = display.present(unsaved_alert(data))
    for count in view.counts:
        assert count.value not in SMALL_NUMBERS
        raw = data["counts"][count.key]
        assert count.value == ("<5" if 1 <= raw <= 4 else str(raw))
    if data["observed"] is not None and 1 <= data["observed"] <= 4:
        assert view.observed == "<5" and view.p_value == ""

    html = render_to_string("alerts/alert_fields.html", {"view": view})
    for cell in re.findall(r'data-count="[^"]*">([^<]*)<', html):
        assert not re.match(r"[1-4](\D|$)", cell), cell


# --- With the database: consent on display, and the naming of the alert two reviewers make ----


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=6))
def test_a_page_names_only_facilities_that_consent_now(make_facility, flags):
    with transaction.atomic():
        places = [make_facility(f"xx-room-{i}", name=f"Room {i}") for i in range(len(flags))]
        named = [p for p, (in_alert, _c) in zip(places, flags, strict=True) if in_alert]
        for place, (_in_alert, consents) in zip(places, flags, strict=True):
            if consents:
                NamingConsent.objects.create(facility=place)
        signal = Signal.objects.create(
            key="S1:p", kind="S1", period_start=shared.WEEK, period_end=shared.WEEK, method="S1"
        )
        alert = Alert.objects.create(
            signal=signal, grade="red", title="T", issued=timezone.now(), week=shared.WEEK,
            facility_count=len(places), advice="A.", source="S",
        )  # fmt: skip
        alert.named_facilities.set(named)
        expected = sorted(p.name for p, f in zip(places, flags, strict=True) if f == (True, True))
        listed = display.visible_alerts(None).get(pk=alert.pk)
        assert display.present(listed).facilities == expected
        assert display.present(Alert.objects.get(pk=alert.pk)).facilities == expected
        transaction.set_rollback(True)


@pytest.mark.django_db
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.integers(1, 9), st.booleans()), min_size=2, max_size=2))
def test_the_alert_of_two_confirmations_names_by_consent_and_events(
    facility, second_facility, region, substance, heroin, reviewer, second_reviewer, reports
):
    places = [facility, second_facility]
    with transaction.atomic():
        for place, (_n, consents) in zip(places, reports, strict=True):
            if consents:
                NamingConsent.objects.create(facility=place)
        signal = shared.s1_signal(
            places, region, substance, samples=[n for n, _c in reports], linked=(0, 0)
        )
        services.review(signal, reviewer, "confirm", grade="red")
        services.review(signal, second_reviewer, "confirm", grade="red")
        alert = Alert.objects.get(signal=signal)
        wanted = {p for p, (n, c) in zip(places, reports, strict=True) if c and n >= 5}
        assert set(alert.named_facilities.all()) == wanted
        assert set(display.present(alert).facilities) == {p.name for p in wanted}
        total = sum(n for n, _c in reports)
        assert display.present(alert).counts[0].value == display.shown(total)
        transaction.set_rollback(True)
