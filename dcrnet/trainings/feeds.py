"""The calendar downloads: the feed of upcoming sessions, and one session's .ics file."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from dcrnet.lib.csv import as_download

from . import calendar as ics
from .models import Session
from .services import can_organise

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _sessions():
    return Session.objects.select_related("training", "facility")


@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """Upcoming sessions of published trainings, cancelled ones included (STATUS:CANCELLED) so
    that subscribed clients remove them. The same for everyone: the page cache may share it."""
    sessions = _sessions().upcoming().order_by("starts_at", "pk")
    return HttpResponse(ics.feed(sessions), content_type=CONTENT_TYPE)


def may_join(user, session: Session) -> bool:
    """Who gets the link to join online: confirmed participants and the organisers."""
    if not user.is_authenticated:
        return False
    return can_organise(user, session) or (
        session.registrations.confirmed().filter(user=user).exists()
    )


@require_safe
def session(request: HttpRequest, public_id: UUID) -> HttpResponse:
    found = _sessions().visible().filter(public_id=public_id).first()
    if found is None:
        raise Http404
    content = ics.single(found, online_link=may_join(request.user, found))
    filename = f"{found.training.slug}-{found.local_start:%Y-%m-%d}.ics"
    return as_download(HttpResponse(content, content_type=CONTENT_TYPE), filename)
