"""Survey services: open a year, queue invitations and reminders, accept a response."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import number_format, time_format
from django.utils.translation import gettext as _

from dcrnet.directory.models import (
    Criterion,
    Facility,
    FacilityModel,
    OpeningHours,
    ProfileSnapshot,
    Route,
    Service,
    SnapshotCriterion,
    SnapshotRoute,
    SnapshotService,
    Weekday,
)
from dcrnet.directory.services import record_snapshot

from .forms import PROFESSIONS, SurveyForm
from .models import EmailKind, Indicator, ResponseStatus, SurveyEmail, SurveyResponse, SurveyYear
from .tasks import send_survey_email

# Each reminder goes only to reporters who got the previous email and whose facility has not
# submitted yet.
PREVIOUS = {EmailKind.REMINDER_1: EmailKind.INVITATION, EmailKind.REMINDER_2: EmailKind.REMINDER_1}


def surveyed_facilities():
    """Facilities asked to answer: published and open, with at least one reporter."""
    return Facility.objects.public().open().filter(reporters__isnull=False).distinct()


@transaction.atomic
def open_survey_year(
    year: int, *, user=None, closes: dt.date | None = None
) -> tuple[SurveyYear, bool]:
    headline = list(Indicator.objects.headline())
    survey, created = SurveyYear.objects.get_or_create(
        year=year,
        defaults={
            "questionnaire": SurveyForm.VERSION,
            "questions": SurveyForm.questions(headline),
            "opened_by": user,
            "closes": closes,
        },
    )
    return survey, created


def queue_emails(
    survey: SurveyYear, kind: str, progress: Callable[[int, int], None] | None = None
) -> tuple[int, int]:
    """Record and enqueue (after commit) one email per reporter; returns (queued, skipped).

    The SurveyEmail row is unique per survey, facility, reporter and kind, so a second run
    queues nothing that was queued before.
    """
    facilities = list(surveyed_facilities().prefetch_related("reporters"))
    answered = set(
        SurveyResponse.objects.filter(survey=survey)
        .exclude(status=ResponseStatus.DRAFT)
        .values_list("facility_id", flat=True)
    )
    previous = None
    if kind in PREVIOUS:
        previous = set(
            SurveyEmail.objects.filter(survey=survey, kind=PREVIOUS[kind]).values_list(
                "facility_id", "user_id"
            )
        )
    queued = skipped = 0
    for i, facility in enumerate(facilities, start=1):
        for reporter in facility.reporters.all():
            if not reporter.is_active or (kind != EmailKind.INVITATION and facility.pk in answered):
                skipped += 1
                continue
            if previous is not None and (facility.pk, reporter.pk) not in previous:
                skipped += 1
                continue
            with transaction.atomic():
                email, created = SurveyEmail.objects.get_or_create(
                    survey=survey, facility=facility, user=reporter, kind=kind
                )
                if created:
                    transaction.on_commit(
                        lambda pk=email.pk: send_survey_email.enqueue(pk), robust=True
                    )
                    queued += 1
                else:
                    skipped += 1
        if progress:
            progress(i, len(facilities))
    return queued, skipped


def next_reminder(survey: SurveyYear) -> str:
    sent_kinds = set(SurveyEmail.objects.filter(survey=survey).values_list("kind", flat=True))
    if EmailKind.REMINDER_1 not in sent_kinds:
        return EmailKind.REMINDER_1
    return EmailKind.REMINDER_2


@transaction.atomic
def save_response(
    survey: SurveyYear, facility: Facility, answers: dict, *, submit: bool, user=None
):
    response, _created = SurveyResponse.objects.select_for_update().get_or_create(
        survey=survey, facility=facility
    )
    if response.status == ResponseStatus.ACCEPTED:
        raise ValidationError(_("This response was accepted already and can no longer change."))
    response.answers = answers
    if submit:
        response.status = ResponseStatus.SUBMITTED
        response.submitted = timezone.now()
    if user is not None:
        response._history_user = user
    response.save()
    return response


@transaction.atomic
def accept_response(response: SurveyResponse, *, editor) -> ProfileSnapshot:
    """An accepted response becomes a new dated profile snapshot of its facility."""
    response = (
        SurveyResponse.objects.select_for_update()
        .select_related("survey", "facility")
        .get(pk=response.pk)
    )
    if response.status != ResponseStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted response can be accepted."))
    answers = response.answers
    # Through the directory's service, which keeps the facility's current profile and refuses
    # a second snapshot of the same day (checked with the facility's row locked).
    snapshot = record_snapshot(
        response.facility,
        timezone.localtime(response.submitted).date(),
        source=response.survey.source_label,
        minimum_age=answers.get("minimum_age"),
        replace=False,
        user=editor,
    )
    SnapshotRoute.objects.bulk_create(
        SnapshotRoute(snapshot=snapshot, route=route, places=places)
        for route, places in sorted(answers.get("routes", {}).items())
    )
    SnapshotService.objects.bulk_create(
        SnapshotService(snapshot=snapshot, service=s) for s in answers.get("services", [])
    )
    SnapshotCriterion.objects.bulk_create(
        SnapshotCriterion(snapshot=snapshot, criterion=c) for c in answers.get("criteria", [])
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(snapshot=snapshot, weekday=day, opens=opens, closes=closes)
        for day, opens, closes in answers.get("hours", [])
    )
    response.status = ResponseStatus.ACCEPTED
    response.decided = timezone.now()
    response.decided_by = editor
    response.snapshot = snapshot
    response._history_user = editor
    response.save()
    return snapshot


@transaction.atomic
def return_response(response: SurveyResponse, *, editor) -> None:
    if response.status != ResponseStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted response can be returned."))
    response.status = ResponseStatus.RETURNED
    response.decided, response.decided_by = timezone.now(), editor
    response._history_user = editor
    response.save()


def response_rates(survey: SurveyYear) -> list[dict]:
    """Per country: facilities surveyed, submitted or accepted responses, and the rate."""
    return response_rates_by_survey([survey])[survey.pk]


def response_rates_by_survey(surveys: Iterable[SurveyYear]) -> dict[int, list[dict]]:
    """`response_rates` of several surveys in two queries, however many years there are."""
    surveys = list(surveys)
    facilities = surveyed_facilities()
    surveyed = dict(
        Facility.objects.filter(pk__in=facilities.values("pk"))
        .values("country__code")
        .annotate(n=Count("pk"))
        .values_list("country__code", "n")
    )
    responded: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        SurveyResponse.objects.filter(
            survey__in=surveys,
            facility__in=facilities.values("pk"),
            status__in=[ResponseStatus.SUBMITTED, ResponseStatus.ACCEPTED],
        )
        .values("survey_id", "facility__country__code")
        .annotate(n=Count("facility", distinct=True))
        .values_list("survey_id", "facility__country__code", "n")
    )
    for survey_id, country, n in rows:
        responded[survey_id][country] = n
    return {
        survey.pk: [
            {
                "country": country,
                "country__code": country,
                "surveyed": n,
                "responded": responded[survey.pk].get(country, 0),
                "rate": round(100 * responded[survey.pk].get(country, 0) / n) if n else 0,
            }
            for country, n in sorted(surveyed.items())
        ]
        for survey in surveys
    }


def answer_rows(answers: dict) -> list[tuple[str, str]]:
    """A response's answers as (question, answer) in the active language, for the editor who
    reviews it: labels instead of codes, numbers and times as the page's language writes them."""

    def label(choices, code) -> str:
        return str(dict(choices).get(code, code))

    def number(value) -> str:
        return "–" if value is None else number_format(value, force_grouping=True)

    def time(text: str) -> str:
        return time_format(dt.time.fromisoformat(text), "TIME_FORMAT")

    rows = [
        (_("Questionnaire version"), str(answers.get("version", "–"))),
        (_("Model"), label(FacilityModel.choices, answers.get("model"))),
        (_("Average visitors per day"), number(answers.get("visitors_per_day"))),
        (_("Minimum age"), number(answers.get("minimum_age"))),
        (
            _("Services offered"),
            ", ".join(label(Service.choices, c) for c in answers.get("services", [])) or "–",
        ),
        (
            _("Admission criteria"),
            ", ".join(label(Criterion.choices, c) for c in answers.get("criteria", [])) or "–",
        ),
    ]
    for route, places in answers.get("routes", {}).items():
        rows.append(
            (_("Places for %(route)s") % {"route": label(Route.choices, route)}, number(places))
        )
    hours = [
        _("%(day)s %(opens)s–%(closes)s")
        % {"day": label(Weekday.choices, day), "opens": time(opens), "closes": time(closes)}
        for day, opens, closes in answers.get("hours", [])
    ]
    rows.append((_("Opening hours"), "; ".join(hours) or "–"))
    for code, n in answers.get("staffing", {}).items():
        rows.append((label(PROFESSIONS, code), number(n)))
    names = {
        ind.code: ind.title for ind in Indicator.objects.filter(code__in=answers.get("totals", {}))
    }
    for code, n in answers.get("totals", {}).items():
        rows.append(
            (_("%(name)s in the year (total)") % {"name": names.get(code, code)}, number(n))
        )
    return rows
