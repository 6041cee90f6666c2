"""Queue what is left to send of every approved newsletter issue (meant for an hourly timer,
and for after a crash). Safe to repeat: a subscriber who has an issue is skipped by their Send
row, so nothing is sent twice; an issue everyone has is marked sent."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from dcrnet.newsletter.models import Issue, IssueStatus
from dcrnet.newsletter.tasks import queue_issue


class Command(BaseCommand):
    help = "Queue the rest of every approved newsletter issue (resumes after a crash)."

    def handle(self, *args, **options) -> None:
        issues = Issue.objects.filter(status=IssueStatus.APPROVED).order_by("month")
        for issue in issues:
            queue_issue.enqueue(issue.pk)
            self.stdout.write(f"Queued the rest of the issue of {issue.month:%Y-%m}.")
        if not issues:
            self.stdout.write("No approved issue is waiting.")
