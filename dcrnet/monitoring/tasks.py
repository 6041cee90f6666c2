"""Background tasks of the monitoring app: survey emails."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.template import Context
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation


def _plain(name: str, context: dict) -> str:
    """Plain-text email: rendered without HTML escaping (it is never shown as HTML)."""
    return get_template(name).template.render(Context(context, autoescape=False))


def recipient_language(user) -> str:
    """The language the reporter last reported in, else the language of their emails."""
    from .models import ReporterLanguage

    known = ReporterLanguage.objects.filter(user=user).values_list("language", flat=True).first()
    return known if known in dict(settings.LANGUAGES) else user.email_language


@task()
def send_survey_email(email_id: int) -> bool:
    """Send one queued survey email unless it went already; returns whether it was sent now."""
    from .models import SurveyEmail

    with transaction.atomic():
        email = (
            SurveyEmail.objects.select_for_update()
            .select_related("survey", "facility", "user")
            .filter(pk=email_id, sent__isnull=True)
            .first()
        )
        if email is None:
            return False
        # Written in the recipient's language, with a link to the survey in that language.
        with translation.override(recipient_language(email.user)):
            context = {
                "email": email,
                "survey": email.survey,
                "facility": email.facility,
                "url": settings.SITE_URL.rstrip("/")
                + reverse(
                    "monitoring:survey_form", args=[email.survey.year, email.facility.public_id]
                ),
            }
            subject = _plain("monitoring/email/survey_subject.txt", context).strip()
            body = _plain("monitoring/email/survey_body.txt", context)
        send_mail(subject, body, None, [email.user.email])
        email.sent = timezone.now()
        email.save(update_fields=["sent"])
    return True
