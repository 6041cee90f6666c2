"""Reviewing signals: two confirmations by two reviewers make one alert with the facts file's
fields; dismissals close the signal; nobody reviews twice or their own facility; an alert is
updated and retracted with reasons, history and a new delivery for each version. The fixtures
here are shared by the other review and public-page tests."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from dcrnet.alerts import services
from dcrnet.alerts.models import (
    Alert,
    NamingConsent,
    Pulse,
    Region,
    Review,
    Signal,
    SignalStatus,
    Substance,
    SubstanceReport,
)
from dcrnet.community.models import Role

WEEK = dt.date(2026, 1, 26)  # a Monday: ISO week 2026-W05


def make_user(django_user_model, email: str, *roles: str, mfa: bool = True, **extra):
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_user(
        email=email, password="a long test passphrase", handle=email.split("@")[0], **extra
    )
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if mfa:
        TOTP.activate(user, generate_totp_secret())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def reviewer(django_user_model):
    return make_user(django_user_model, "reviewer-one@example.org", Role.ALERT_REVIEWER)


@pytest.fixture
def second_reviewer(django_user_model):
    return make_user(django_user_model, "reviewer-two@example.org", Role.ALERT_REVIEWER)


@pytest.fixture
def third_reviewer(django_user_model):
    return make_user(django_user_model, "reviewer-three@example.org", Role.ALERT_REVIEWER)


@pytest.fixture
def second_facility(make_facility):
    return make_facility("lu-esch", name="Esch Room", city="Esch-sur-Alzette")


@pytest.fixture
def region(facility, second_facility):
    made = Region.objects.create(slug="luxembourg", name="Luxembourg", country=facility.country)
    made.facilities.add(facility, second_facility)
    return made


@pytest.fixture
def substance(db):
    return Substance.objects.create(
        slug="isotonitazene",
        name="Isotonitazene",
        kind="compound",
        watch_list=True,
        inchikey="",
    )


@pytest.fixture
def heroin(db):
    return Substance.objects.create(slug="heroin", name="Heroin", kind="compound")


def s1_signal(facilities, region, substance, *, samples=(6, 2), linked=(3, 1), sold_as=None):
    """An S1 signal over reports of the substance at each facility in WEEK."""
    for facility, n, o in zip(facilities, samples, linked, strict=True):
        SubstanceReport.objects.create(
            facility=facility,
            substance=substance,
            confirmation="ftir",
            form="powder",
            sold_as=sold_as,
            samples=n,
            linked_overdoses=o,
            region=region,
            week=WEEK,
        )
    signal = Signal.objects.create(
        key=f"S1:{substance.slug}:{region.slug}:2026-W05",
        kind="S1",
        period_start=WEEK,
        period_end=WEEK + dt.timedelta(days=6),
        region=region,
        substance=substance,
        observed=sum(samples),
        method="S1: watch-list substance",
        inputs={"reports": len(samples), "watch_list": True},
    )
    signal.facilities.set(facilities)
    return signal


@pytest.fixture
def signal(facility, second_facility, region, substance, heroin):
    return s1_signal([facility, second_facility], region, substance, sold_as=heroin)


@pytest.fixture
def delivered(monkeypatch):
    """(alert id, version) of each delivery queued after commit."""
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(services, "_deliver", lambda *args: calls.append(args))
    return calls


def confirm(signal, *reviewers, grade="red"):
    return [services.review(signal, r, "confirm", grade=grade) for r in reviewers]


def issued(signal, reviewer, second_reviewer, grade="red") -> Alert:
    confirm(signal, reviewer, second_reviewer, grade=grade)
    return Alert.objects.get(signal=signal)


# --- Reviews ----------------------------------------------------------------------------------


def test_two_confirmations_make_one_alert_with_the_fields_of_the_facts_file(
    signal, reviewer, second_reviewer, facility, second_facility, heroin, delivered,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    NamingConsent.objects.create(facility=facility)  # 6 samples: may be named
    NamingConsent.objects.create(facility=second_facility)  # 2 samples: never named
    with django_capture_on_commit_callbacks(execute=True):
        services.review(signal, reviewer, "confirm", grade="red", comment="FTIR confirms it.")
    assert not Alert.objects.exists() and delivered == []
    with django_capture_on_commit_callbacks(execute=True):
        services.review(signal, second_reviewer, "confirm", grade="red")

    alert = Alert.objects.get()
    signal.refresh_from_db()
    assert signal.status == SignalStatus.CONFIRMED
    assert (alert.grade, alert.version, alert.week) == ("red", 1, WEEK)
    assert (alert.region.slug, alert.substance.slug) == ("luxembourg", "isotonitazene")
    assert (alert.form, alert.confirmation, alert.sold_as) == ("powder", "ftir", heroin)
    assert alert.facility_count == 2
    assert alert.counts == {"samples": 8, "linked_overdoses": 4}
    assert list(alert.named_facilities.all()) == [facility]
    assert alert.title_en == "Isotonitazene reported at DCRs in Luxembourg"
    assert alert.advice_en and alert.source and alert.issued
    assert delivered == [(alert.pk, 1)]


def test_one_confirmation_is_not_enough(signal, reviewer, delivered):
    services.review(signal, reviewer, "confirm", grade="amber")
    signal.refresh_from_db()
    assert signal.status == SignalStatus.OPEN and not Alert.objects.exists()


def test_the_alert_takes_the_less_public_of_the_two_grades(signal, reviewer, second_reviewer):
    services.review(signal, reviewer, "confirm", grade="red")
    services.review(signal, second_reviewer, "confirm", grade="network")
    assert Alert.objects.get().grade == "network"


def test_two_dismissals_close_the_signal_without_an_alert(
    signal, reviewer, second_reviewer, delivered, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.review(signal, reviewer, "dismiss", comment="A known batch.")
        services.review(signal, second_reviewer, "dismiss")
    signal.refresh_from_db()
    assert signal.status == SignalStatus.DISMISSED
    assert not Alert.objects.exists() and delivered == []


def test_a_confirmation_and_a_dismissal_wait_for_a_third_reviewer(
    signal, reviewer, second_reviewer, third_reviewer
):
    services.review(signal, reviewer, "confirm", grade="amber")
    services.review(signal, second_reviewer, "dismiss")
    assert Signal.objects.get(pk=signal.pk).status == SignalStatus.OPEN
    services.review(signal, third_reviewer, "confirm", grade="amber")
    assert Alert.objects.get().grade == "amber"


def test_a_reviewer_reviews_a_signal_once(signal, reviewer):
    services.review(signal, reviewer, "confirm", grade="red")
    with pytest.raises(services.AlreadyReviewed):
        services.review(signal, reviewer, "confirm", grade="red")
    with pytest.raises(services.AlreadyReviewed):
        services.review(signal, reviewer, "dismiss")
    assert Review.objects.count() == 1 and not Alert.objects.exists()


def test_a_reviewer_never_reviews_a_signal_about_their_own_facility(
    signal, reviewer, second_reviewer, facility
):
    facility.reporters.add(reviewer)
    with pytest.raises(services.OwnFacility):
        services.review(signal, reviewer, "confirm", grade="red")
    assert not Review.objects.exists()


def test_a_decided_signal_takes_no_more_reviews(signal, reviewer, second_reviewer, third_reviewer):
    confirm(signal, reviewer, second_reviewer)
    with pytest.raises(services.SignalClosed):
        services.review(signal, third_reviewer, "dismiss")
    assert Alert.objects.count() == 1


@pytest.mark.parametrize("role", [None, Role.MEMBER, Role.REPORTER, Role.EDITOR, Role.STAFF])
def test_only_alert_reviewers_review(django_user_model, signal, role):
    user = make_user(django_user_model, "someone@example.org", *([role] if role else []))
    with pytest.raises(services.NotReviewer):
        services.review(signal, user, "confirm", grade="red")


@pytest.mark.parametrize(
    ("decision", "grade", "field"),
    [("confirm", "", "grade"), ("maybe", "red", "decision"), ("confirm", "purple", "grade")],
)
def test_bad_input_names_its_field(signal, reviewer, decision, grade, field):
    with pytest.raises(services.Field) as refused:
        services.review(signal, reviewer, decision, grade=grade)
    assert refused.value.field == field and refused.value.status == 400


def test_an_unknown_signal_is_not_found(reviewer):
    with pytest.raises(services.NotFound):
        services.review(10**9, reviewer, "dismiss")


# --- Naming -----------------------------------------------------------------------------------


def test_no_facility_is_named_without_consent(signal, reviewer, second_reviewer):
    alert = issued(signal, reviewer, second_reviewer)
    assert not alert.named_facilities.exists()


def test_a_pulse_alert_counts_the_pulses_and_names_only_at_five_events(
    facility, second_facility, region, reviewer, second_reviewer
):
    day = dt.date(2026, 2, 3)
    for place, n in ((facility, 5), (second_facility, 4)):
        Pulse.objects.create(facility=place, day=day, overdoses=n)
        NamingConsent.objects.create(facility=place)
    signal = Signal.objects.create(
        key="S2:luxembourg:2026-02-03", kind="S2", period_start=day, period_end=day,
        region=region, observed=9, expected=1.2, p_value=0.0001, method="S2 pulse spike",
    )  # fmt: skip
    signal.facilities.set([facility, second_facility])
    alert = issued(signal, reviewer, second_reviewer, grade="amber")
    assert list(alert.named_facilities.all()) == [facility]
    assert alert.counts == {"overdoses": 9}
    assert alert.week == dt.date(2026, 2, 2)
    assert alert.title_en == "More overdoses than usual at DCRs in Luxembourg"


def test_a_cluster_alert_names_facilities_by_their_monthly_counts(
    facility, second_facility, region, reviewer, second_reviewer
):
    month = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    for place, n in ((facility, 12), (second_facility, 3)):
        NamingConsent.objects.create(facility=place)
        s3 = Signal.objects.create(
            key=f"S3:overdoses:{place.pk}:2026-01", kind="S3", period_start=month[0],
            period_end=month[1], indicator="overdoses", observed=n, method="S3",
        )  # fmt: skip
        s3.facilities.set([place])
    cluster = Signal.objects.create(
        key="S4:overdoses:2026-01", kind="S4", period_start=month[0], period_end=month[1],
        indicator="overdoses", observed=15, method="S4",
    )  # fmt: skip
    cluster.facilities.set([facility, second_facility])
    alert = issued(cluster, reviewer, second_reviewer)
    assert list(alert.named_facilities.all()) == [facility]
    assert alert.region == region  # the one region both facilities share
    assert alert.title_en == "Unusual monthly overdoses managed on site at several DCRs"


# --- Update and retraction --------------------------------------------------------------------


def test_an_update_is_a_new_version_with_its_reason_and_a_new_delivery(
    signal, reviewer, second_reviewer, third_reviewer, delivered,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    alert = issued(signal, reviewer, second_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        updated = services.update_alert(
            alert, third_reviewer, reason="Lab confirmed", advice="Use with others."
        )
    assert updated.version == 2 and updated.advice == "Use with others."
    assert delivered == [(alert.pk, 2)]
    latest = alert.history.latest("history_date")
    assert (latest.history_change_reason, latest.history_user) == ("Lab confirmed", third_reviewer)
    assert latest.version == 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"reason": "", "title": "New"}, "reason"),
        ({"reason": "x" * 101, "title": "New"}, "reason"),
        ({"reason": "Why", "title": "  "}, "title"),
        ({"reason": "Why", "grade": "red"}, "grade"),
        ({"reason": "Why", "title": "t" * 201}, "title"),
    ],
)
def test_an_update_refuses_bad_input_by_field(signal, reviewer, second_reviewer, kwargs, field):
    alert = issued(signal, reviewer, second_reviewer)
    with pytest.raises(services.Field) as refused:
        services.update_alert(alert, reviewer, **kwargs)
    assert refused.value.field == field
    alert.refresh_from_db()
    assert alert.version == 1


def test_an_update_that_changes_nothing_is_refused(signal, reviewer, second_reviewer):
    alert = issued(signal, reviewer, second_reviewer)
    with pytest.raises(services.NothingChanged):
        services.update_alert(alert, reviewer, reason="Why", title=alert.title)


def test_a_retraction_keeps_the_alert_marked_with_its_reason(
    signal, reviewer, second_reviewer, delivered, django_capture_on_commit_callbacks
):
    alert = issued(signal, reviewer, second_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        services.retract(alert, reviewer, "The lab result was a false positive.")
    alert.refresh_from_db()
    assert alert.retracted and alert.retraction_reason.startswith("The lab result")
    assert alert.version == 2 and delivered == [(alert.pk, 2)]
    with pytest.raises(services.Retracted):
        services.retract(alert, second_reviewer, "Again")
    with pytest.raises(services.Retracted):
        services.update_alert(alert, second_reviewer, reason="Why", title="New")
    with pytest.raises(services.Field):
        services.retract(Alert.objects.create(**_copy(alert)), reviewer, "   ")


def _copy(alert: Alert) -> dict:
    other = Signal.objects.create(
        key="S1:other", kind="S1", period_start=WEEK, period_end=WEEK, method="S1"
    )
    return {
        "signal": other, "grade": "amber", "title": "Other", "issued": alert.issued,
        "week": WEEK, "facility_count": 1, "advice": "Advice.", "source": "Test",
    }  # fmt: skip


def test_members_cannot_change_alerts(signal, reviewer, second_reviewer, member):
    alert = issued(signal, reviewer, second_reviewer)
    with pytest.raises(services.NotReviewer):
        services.update_alert(alert, member, reason="Why", title="New")
    with pytest.raises(services.NotReviewer):
        services.retract(alert, member, "Why")


# --- The reviewers' pages ---------------------------------------------------------------------


def test_the_queue_shows_the_signal_with_its_method_inputs_threshold_and_p(
    client, signal, reviewer
):
    signal.threshold, signal.p_value, signal.expected = 11.0, 0.000246, 5.04
    signal.save()
    client.force_login(reviewer)
    page = client.get("/alerts/review/").content.decode()
    for text in ("S1: watch-list substance", "11.0", "0.000246", "5.04", "watch_list", "Esch"):
        assert text in page
    assert f'action="/alerts/review/{signal.pk}/"' in page


def test_two_reviewers_confirm_through_the_page(client, signal, reviewer, second_reviewer):
    for user in (reviewer, second_reviewer):
        client.force_login(user)
        data = {f"s{signal.pk}-decision": "confirm", f"s{signal.pk}-grade": "amber"}
        response = client.post(f"/alerts/review/{signal.pk}/", data)
        assert response.status_code == 302
    assert Alert.objects.get().grade == "amber"
    assert client.get("/alerts/review/").content.decode().count("<article") == 0


def test_a_confirmation_without_a_grade_is_answered_400_naming_the_grade(client, signal, reviewer):
    client.force_login(reviewer)
    response = client.post(f"/alerts/review/{signal.pk}/", {f"s{signal.pk}-decision": "confirm"})
    assert response.status_code == 400
    assert "Please choose a grade when you confirm" in response.content.decode()
    assert not Review.objects.exists()


def test_a_second_review_by_the_same_person_is_answered_409(client, signal, reviewer):
    client.force_login(reviewer)
    data = {f"s{signal.pk}-decision": "dismiss"}
    assert client.post(f"/alerts/review/{signal.pk}/", data).status_code == 302
    response = client.post(f"/alerts/review/{signal.pk}/", data)
    assert response.status_code == 409
    assert "already reviewed" in response.content.decode()


def test_an_own_facility_signal_has_no_form_for_its_reporter(client, signal, reviewer, facility):
    facility.reporters.add(reviewer)
    client.force_login(reviewer)
    page = client.get("/alerts/review/").content.decode()
    assert "You report for a facility of this signal" in page
    assert f'action="/alerts/review/{signal.pk}/"' not in page
    response = client.post(f"/alerts/review/{signal.pk}/", {f"s{signal.pk}-decision": "dismiss"})
    assert response.status_code == 403


def test_a_reviewer_updates_and_retracts_through_the_pages(
    client, signal, reviewer, second_reviewer
):
    alert = issued(signal, reviewer, second_reviewer)
    client.force_login(reviewer)
    url = f"/alerts/{alert.public_id}/"
    assert client.get(url + "edit/").status_code == 200
    data = {"title": "Isotonitazene in heroin", "advice": "Carry naloxone.", "reason": ""}
    response = client.post(url + "edit/", data)
    assert response.status_code == 400 and "Reason for the change" in response.content.decode()
    response = client.post(url + "edit/", {**data, "reason": "Clearer title"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Isotonitazene in heroin" in page and "Clearer title" in page

    assert client.post(url + "retract/", {"reason": ""}).status_code == 400
    assert client.post(url + "retract/", {"reason": "Not confirmed by the lab."}).status_code == 302
    page = client.get(url).content.decode()
    assert "This alert was retracted" in page and "Not confirmed by the lab." in page
    assert client.post(url + "retract/", {"reason": "Twice"}).status_code == 409


def test_an_update_changes_the_words_of_the_page_language_only(signal, reviewer, second_reviewer):
    from django.utils import translation

    alert = issued(signal, reviewer, second_reviewer)
    with translation.override("fr"):
        services.update_alert(alert, reviewer, reason="Traduction", title="Isotonitazène signalé")
    alert.refresh_from_db()
    assert alert.title_fr == "Isotonitazène signalé"
    assert alert.title_en == "Isotonitazene reported at DCRs in Luxembourg"
