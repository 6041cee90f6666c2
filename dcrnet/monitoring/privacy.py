"""Privacy registry of monitoring (docs/decisions/0006): facility aggregates and survey
answers are about facilities, never people (RELIABILITY 53); reporters' tokens, reminder
emails and languages are personal."""

from __future__ import annotations

from dcrnet.community.privacy import PERSONAL, PUBLIC, SECRET, history, rows, translated

FIELDS: dict[str, dict[str, str]] = {
    "monitoring.dictionaryrelease": {
        "id": PUBLIC,
        "version": PUBLIC,
        "released": PUBLIC,
        **translated("changes"),
    },
    "monitoring.historicalindicator": history(
        id=PUBLIC,
        code=PUBLIC,
        title=PUBLIC,
        definition=PUBLIC,
        unit=PUBLIC,
        counts=PUBLIC,
        does_not_count=PUBLIC,
        breakdown=PUBLIC,
        health_canada=PUBLIC,
        euda=PUBLIC,
        headline=PUBLIC,
        position=PUBLIC,
        added_in=PUBLIC,
        retired_in=PUBLIC,
    ),
    "monitoring.indicator": {
        "id": PUBLIC,
        "code": PUBLIC,
        "unit": PUBLIC,
        "breakdown": PUBLIC,
        "health_canada": PUBLIC,
        "euda": PUBLIC,
        "headline": PUBLIC,
        "position": PUBLIC,
        "added_in": PUBLIC,
        "retired_in": PUBLIC,
        **translated("title", "definition", "counts", "does_not_count"),
    },
    "monitoring.historicalmonthlyvalue": history(
        id=PUBLIC,
        month=PUBLIC,
        breakdown=PUBLIC,
        value=PUBLIC,
        synthetic=PUBLIC,
        updated=PUBLIC,
        facility=PUBLIC,
        indicator=PUBLIC,
    ),
    "monitoring.monthlyvalue": {
        "id": PUBLIC,
        "facility": PUBLIC,
        "month": PUBLIC,
        "indicator": PUBLIC,
        "breakdown": PUBLIC,
        "value": PUBLIC,
        "synthetic": PUBLIC,
        "updated": PUBLIC,
    },
    "monitoring.historicalyearlyvalue": history(
        id=PUBLIC,
        breakdown=PUBLIC,
        period_start=PUBLIC,
        period_end=PUBLIC,
        value=PUBLIC,
        qualifier=PUBLIC,
        wording=PUBLIC,
        wording_language=PUBLIC,
        source=PUBLIC,
        source_url=PUBLIC,
        facility=PUBLIC,
        indicator=PUBLIC,
    ),
    "monitoring.yearlyvalue": {
        "id": PUBLIC,
        "facility": PUBLIC,
        "indicator": PUBLIC,
        "breakdown": PUBLIC,
        "period_start": PUBLIC,
        "period_end": PUBLIC,
        "value": PUBLIC,
        "qualifier": PUBLIC,
        "wording": PUBLIC,
        "wording_language": PUBLIC,
        "source": PUBLIC,
        "source_url": PUBLIC,
    },
    "monitoring.seriespoint": {
        "id": PUBLIC,
        "key": PUBLIC,
        "level": PUBLIC,
        "facility": PUBLIC,
        "country": PUBLIC,
        "indicator": PUBLIC,
        "breakdown": PUBLIC,
        "month": PUBLIC,
        "value": PUBLIC,
        "flag": PUBLIC,
        "synthetic": PUBLIC,
    },
    "monitoring.reportertoken": {
        "id": PERSONAL,
        "user": PERSONAL,
        "label": PERSONAL,
        "digest": SECRET,
        "prefix": SECRET,
        "created": PERSONAL,
        "last_used": PERSONAL,
        "revoked": PERSONAL,
    },
    "monitoring.surveyyear": {
        "id": PUBLIC,
        "year": PUBLIC,
        "questionnaire": PUBLIC,
        "questions": PUBLIC,
        "opened": PUBLIC,
        "closes": PUBLIC,
        "opened_by": PERSONAL,
    },
    "monitoring.historicalsurveyresponse": history(
        id=PUBLIC,
        answers=PUBLIC,
        status=PUBLIC,
        submitted=PUBLIC,
        decided=PUBLIC,
        survey=PUBLIC,
        facility=PUBLIC,
        decided_by=PERSONAL,
        snapshot=PUBLIC,
    ),
    "monitoring.surveyresponse": {
        "id": PUBLIC,
        "survey": PUBLIC,
        "facility": PUBLIC,
        "answers": PUBLIC,
        "status": PUBLIC,
        "submitted": PUBLIC,
        "decided": PUBLIC,
        "decided_by": PERSONAL,
        "snapshot": PUBLIC,
    },
    "monitoring.surveyemail": {
        "id": PERSONAL,
        "survey": PERSONAL,
        "facility": PERSONAL,
        "user": PERSONAL,
        "kind": PERSONAL,
        "queued": PERSONAL,
        "sent": PERSONAL,
    },
    "monitoring.reporterlanguage": {"user": PERSONAL, "language": PERSONAL, "updated": PERSONAL},
}


def export(user) -> dict[str, list[dict]]:
    from .models import ReporterLanguage, ReporterToken, SurveyEmail, SurveyResponse, SurveyYear

    return {
        # The label and dates; never the token's digest or prefix.
        "reporter_tokens": rows(
            ReporterToken.objects.filter(user=user).order_by("pk"),
            "label",
            "created",
            "last_used",
            "revoked",
        ),
        "survey_emails": rows(
            SurveyEmail.objects.filter(user=user).order_by("pk"),
            "survey__year",
            "facility__public_id",
            "kind",
            "queued",
            "sent",
        ),
        "reporter_language": rows(
            ReporterLanguage.objects.filter(user=user), "language", "updated"
        ),
        "surveys_opened": rows(
            SurveyYear.objects.filter(opened_by=user).order_by("pk"), "year", "opened"
        ),
        "survey_decisions": rows(
            SurveyResponse.objects.filter(decided_by=user).order_by("pk"),
            "survey__year",
            "facility__public_id",
            "status",
            "decided",
        ),
    }


def erase(user, *, keep_posts: bool) -> None:
    from .models import ReporterLanguage, ReporterToken, SurveyEmail, SurveyResponse, SurveyYear

    ReporterToken.objects.filter(user=user).delete()
    SurveyEmail.objects.filter(user=user).delete()
    ReporterLanguage.objects.filter(user=user).delete()
    SurveyYear.objects.filter(opened_by=user).update(opened_by=None)
    SurveyResponse.objects.filter(decided_by=user).update(decided_by=None)
    # The history keeps the decider's id without a database constraint: no dangling id.
    SurveyResponse.history.filter(decided_by_id=user.pk).update(decided_by=None)
