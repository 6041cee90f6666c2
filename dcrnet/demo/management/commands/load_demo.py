"""`manage.py load_demo`: the factual demo dataset, and with DEBUG on one account per role;
running it twice changes nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from dcrnet.advocacy import seed as advocacy_seed
from dcrnet.alerts import demo as alerts_demo
from dcrnet.demo import accounts, knowledge, loader
from dcrnet.demo import trainings as demo_trainings
from dcrnet.demo import visits as demo_visits
from dcrnet.demo.data.demonstration import HOST
from dcrnet.demo.loader import CREATED, UPDATED, Tally
from dcrnet.evidence import demo as evidence_demo
from dcrnet.impact import seed as impact_seed
from dcrnet.lib import bulk
from dcrnet.monitoring import demo as monitoring_demo
from dcrnet.policy import seed as policy_seed


def load_references(tally: Tally) -> None:
    """The seed bibliography of the evidence library."""
    counts = evidence_demo.load()
    tally.counts.setdefault("references", Counter())
    tally.counts["references"][CREATED] += counts["created"]
    tally.counts["references"][UPDATED] += counts["updated"]


def load_monitoring(tally: Tally) -> None:
    """Published yearly figures with sources, then the synthetic monthly history."""
    counts = monitoring_demo.load(sample=loader.sample_facility_ids())
    tally.counts.setdefault("yearly figures and synthetic monthly values", Counter())
    tally.counts["yearly figures and synthetic monthly values"][CREATED] += (
        counts["yearly"] + counts["synthetic"]
    )


def load_policy_events(tally: Tally) -> None:
    """The dated, sourced policy events of the countries (the policy tracker)."""
    tally.counts.setdefault("policy events", Counter()).update(policy_seed.seed_events())


# Steps run in order inside one transaction; each takes a Tally. Later apps append theirs.
LOADERS: list[Callable[[Tally], None]] = [
    loader.load_countries,
    loader.load_facilities,
    load_policy_events,
    loader.load_pages,
    loader.load_highlight,
    load_references,
    impact_seed.load,
    load_monitoring,
    alerts_demo.load,
    loader.load_organisations,
    loader.load_categories,
    knowledge.load_expertise,
    knowledge.load_topics,
    knowledge.load_documents,
    knowledge.load_guide,
    demo_trainings.load_catalogue,
    advocacy_seed.load,
]


class Command(BaseCommand):
    help = (
        "Load the demo dataset (real facilities, countries, pages, this month's highlight, the"
        " organisations behind the facilities, the forum's categories, the expertise tags, the"
        " documents as links to their sources, the guide to opening a DCR and the training"
        " catalogue) and, with DEBUG on only, one account per role, the demonstration threads"
        " they wrote, demonstration experts, a demonstration planning project, demonstration"
        " training sessions and a demonstration visit host with its visits."
    )

    def handle(self, *args, **options) -> None:
        tally = Tally()
        demo_accounts = []
        expert_accounts: list[tuple[str, str]] = []
        # In English: the data's plain fields (a country's texts, a highlight's) are its English
        # columns, and the tally's labels are read by operators in the log.
        # One bulk write: each row is indexed for search once, at the end, not once per save.
        with (
            transaction.atomic(),
            bulk.writes(),
            translation.override(settings.LANGUAGE_CODE),
        ):
            for step in LOADERS:
                step(tally)
            if settings.DEBUG:
                demo_accounts = accounts.load_accounts(tally)
                # Demonstration threads are written by the demo accounts: DEBUG only too.
                loader.load_threads(tally)
                # Demonstration experts and the demonstration project (led by the demo member).
                expert_accounts = knowledge.load_experts(tally)
                knowledge.load_planning(tally)
                # Sessions the demo organiser runs and people register for; a demonstration
                # host whose demo contact answers the visits members ask for.
                demo_trainings.load_sessions(tally)
                demo_visits.load_visits(tally)
        for line in tally.lines():
            self.stdout.write(line)
        self.write_accounts(demo_accounts)
        if expert_accounts:
            self.stdout.write("Demonstration experts (DEBUG only; email, password):")
            for email, password in expert_accounts:
                self.stdout.write(f"  {email}  {password}")
        if tally.changed:
            self.stdout.write(
                self.style.SUCCESS(f"Demo data loaded: {tally.changed} rows written.")
            )
        else:
            self.stdout.write(self.style.SUCCESS("Demo data already up to date: nothing changed."))

    def write_accounts(self, demo_accounts: list[accounts.DemoAccount]) -> None:
        if not demo_accounts:
            self.stdout.write("Demo accounts: none (they are created only with DEBUG on).")
            return
        self.stdout.write("\nDemo accounts, one per role (DEBUG only; never use them elsewhere):")
        for line in accounts.table(demo_accounts):
            self.stdout.write("  " + line)
        self.stdout.write(
            f"The organisation contact is the contact person of the demo organisation"
            f" '{accounts.CONTACT_ORGANISATION}'; the moderator and the contact must use a"
            " second factor too."
        )
        self.stdout.write(
            "The organiser organises the demonstration training sessions; the host contact"
            f" answers the visit requests of the demonstration host '{HOST['facility']}'. Both"
            " use a second factor."
        )
        self.stdout.write(
            "Roles with a TOTP secret sign in with a second factor: add the secret to an"
            " authenticator app (the sign-in page shows it as a QR code too).\n"
        )
