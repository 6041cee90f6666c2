"""Reads of the newsletter: who may approve, who receives an issue, what is left to send, and
the month's content an issue is composed of (in one language, when it is sent)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from dcrnet.lib.i18n import absolute

from .models import Issue, Send, Subscriber

# How much of each kind one issue lists (the rest is one link away).
LIMIT = 10


def is_editor(user) -> bool:
    """Who previews, approves and resumes issues: whoever may change them (editors, staff)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
        "newsletter.change_issue"
    )


def recipients(issue: Issue) -> QuerySet[Subscriber]:
    """The subscribers an approved issue goes to: confirmed when it was approved, and still
    confirmed (an unsubscribe or a bounce stops what is not sent yet)."""
    if issue.approved_at is None:
        return Subscriber.objects.none()
    return Subscriber.objects.receiving().filter(confirmed_at__lte=issue.approved_at)


def unsent(issue: Issue) -> QuerySet[Subscriber]:
    """Recipients with no email of this issue yet (a refused address counts as done)."""
    done = Send.objects.filter(issue=issue).filter(
        Q(sent_at__isnull=False) | Q(refused_at__isnull=False)
    )
    return recipients(issue).exclude(pk__in=done.values("subscriber_id"))


@dataclass
class Progress:
    sent: int
    refused: int
    left: int


def progress(issue: Issue) -> Progress:
    counts = Send.objects.filter(issue=issue).aggregate(
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        refused=Count("pk", filter=Q(refused_at__isnull=False)),
    )
    left = unsent(issue).count() if issue.approved_at else 0
    return Progress(sent=counts["sent"], refused=counts["refused"], left=left)


def audience() -> dict[str, int]:
    """Confirmed subscribers per language (for the editors' page)."""
    rows = Subscriber.objects.receiving().values("language").annotate(n=Count("pk"))
    return {row["language"]: row["n"] for row in rows.order_by("language")}


# --- the content of an issue -------------------------------------------------------------------


@dataclass
class Digest:
    """One issue in one language. Links are absolute and in that language; texts are read
    through modeltranslation, so render it with `language` active."""

    issue: Issue
    language: str
    highlight: object | None = None
    highlight_url: str = ""
    articles: list = field(default_factory=list)
    article_count: int = 0
    news_url: str = ""
    references: list = field(default_factory=list)
    reference_count: int = 0
    evidence_url: str = ""
    sessions: list = field(default_factory=list)
    trainings_url: str = ""
    home_url: str = ""
    subscribe_url: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.highlight or self.articles or self.references or self.sessions)


@dataclass
class Linked:
    item: object
    url: str


def month_span(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The month as [start, end) in the site's time zone."""
    start = month.replace(day=1)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    zone = timezone.get_default_timezone()
    return (
        dt.datetime.combine(start, dt.time(), tzinfo=zone),
        dt.datetime.combine(following, dt.time(), tzinfo=zone),
    )


def compose(issue: Issue, language: str, now: dt.datetime | None = None) -> Digest:
    """What the issue holds, in `language`: the month's highlight (scheduled by editors, of a
    published facility), the news published that month, the evidence added that month, and
    the training sessions coming up from now on."""
    from dcrnet.directory.models import Highlight
    from dcrnet.evidence.models import Reference
    from dcrnet.news.models import Article
    from dcrnet.trainings.models import Session, SessionStatus

    now = now or timezone.now()
    start, end = month_span(issue.month)
    with translation.override(language):
        digest = Digest(issue=issue, language=language)
        digest.highlight = (
            Highlight.objects.with_facility()
            .filter(month=issue.month, facility__published=True)
            .first()
        )
        if digest.highlight is not None:
            digest.highlight_url = absolute(digest.highlight.get_absolute_url())
        articles = Article.objects.public(now).filter(published_at__gte=start, published_at__lt=end)
        digest.article_count = articles.count()
        digest.articles = [
            Linked(a, absolute(a.get_absolute_url()))
            for a in articles.order_by("published_at", "pk")[:LIMIT]
        ]
        digest.news_url = absolute(
            reverse("news:month", kwargs={"year": start.year, "month": start.month})
        )
        references = Reference.objects.filter(created__gte=start, created__lt=end)
        digest.reference_count = references.count()
        digest.references = [
            Linked(r, absolute(r.get_absolute_url()))
            for r in references.for_results().order_by("created", "pk")[:LIMIT]
        ]
        digest.evidence_url = absolute(reverse("evidence:search"))
        sessions = (
            Session.objects.upcoming(now)
            .filter(status=SessionStatus.SCHEDULED)
            .select_related("training")
            .order_by("starts_at", "pk")
        )
        digest.sessions = [Linked(s, absolute(s.get_absolute_url())) for s in sessions[:LIMIT]]
        digest.trainings_url = absolute(reverse("trainings:sessions"))
        digest.home_url = absolute(reverse("home"))
        digest.subscribe_url = absolute(reverse("newsletter:subscribe"))
    return digest
