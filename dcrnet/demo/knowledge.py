"""Loader steps of the knowledge exchange (issue #11): expertise tags, document topics, the
documents (real, as links to their sources), the guide's steps with their examples, and with
DEBUG on only, the demonstration experts and the demonstration planning project.

Each writes through `loader.upsert`, so a second run saves nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from dcrnet.community import services as community_services
from dcrnet.community.models import DEMO_EMAIL_DOMAIN, ExpertiseTag, Role, User
from dcrnet.directory.models import Facility
from dcrnet.documents.models import Document, Topic, Version
from dcrnet.documents.models import Status as DocumentStatus
from dcrnet.evidence.demo import MARKER
from dcrnet.evidence.models import Reference
from dcrnet.experts.models import Expert
from dcrnet.guide.models import Example, Step
from dcrnet.planning.models import (
    Comment,
    Decision,
    ExpertInvitation,
    Project,
    StepWork,
    TeamMember,
    TeamRole,
)

from .data.guide import STEPS
from .data.knowledge import DEMO_BIO, DOCUMENTS, EXPERTISE, EXPERTS, LANGUAGES, PROJECT, TOPICS
from .data.knowledge_sources import ALL_SOURCES
from .loader import CREATED, REMOVED, UPDATED, Tally, upsert

DEMO_URLS = frozenset(url for _title, url in ALL_SOURCES.values())


def _names(names: tuple[str, ...], field: str = "name") -> dict[str, str]:
    return {f"{field}_{code}": name for code, name in zip(LANGUAGES, names, strict=True)}


def _set_m2m(manager, wanted: set[int], tally: Tally, label: str) -> None:
    current = set(manager.values_list("pk", flat=True))
    if current != wanted:
        manager.set(wanted)
        tally.add(label, UPDATED if current else CREATED)


def load_expertise(tally: Tally) -> None:
    """One expertise tag per step of the guide and one per training topic."""
    for row in EXPERTISE:
        upsert(ExpertiseTag, {"slug": row["slug"]}, _names(row["name"]), tally)


def load_topics(tally: Tally) -> None:
    for row in TOPICS:
        values = {"position": row["position"], **_names(row["name"])}
        upsert(Topic, {"slug": row["slug"]}, values, tally)


def load_documents(tally: Tally) -> None:
    """Published, marked as demo entries, each with the version our sources date (no file)."""
    topics = {t.slug: t for t in Topic.objects.all()}
    for row in DOCUMENTS:
        values = {
            "title": row["title"],
            "summary": row["summary"],
            "kind": row["kind"],
            "perspective": row["perspective"],
            "topic": topics[row["topic"]],
            "country": row["country"],
            "language": row["language"],
            "publisher": row["publisher"],
            "source_url": ALL_SOURCES[row["source"]][1],
            "status": DocumentStatus.PUBLISHED,
            "is_demo": True,
        }
        document = upsert(
            Document, {"slug": row["slug"]}, values, tally, on_create={"decided_at": timezone.now()}
        )
        if row["version"] is not None:
            version = row["version"]
            upsert(
                Version,
                {"document": document, "number": version["number"]},
                {"date": version["date"], "change_note": version["change_note"]},
                tally,
            )
    slugs = {row["slug"] for row in DOCUMENTS}
    for document in Document.objects.filter(is_demo=True).exclude(slug__in=slugs):
        document.delete()
        tally.add(str(Document._meta.verbose_name_plural), REMOVED)


def load_guide(tally: Tally) -> None:
    """The ten steps in every language, with their sources, documents, evidence and examples."""
    tags = {t.slug: t for t in ExpertiseTag.objects.filter(slug__in=[s["slug"] for s in STEPS])}
    documents = {d.slug: d.pk for d in Document.objects.filter(is_demo=True)}
    markers = {
        ref.notes.split(".", 1)[0] + ".": ref.pk
        for ref in Reference.objects.filter(notes__startswith=MARKER).only("pk", "notes")
    }
    facilities = {
        f.public_id: f
        for f in Facility.objects.filter(
            public_id__in=[e["facility"] for s in STEPS for e in s["examples"]]
        )
    }
    for row in STEPS:
        values = {
            "number": row["number"],
            "sources": row["sources"],
            "expertise": tags[row["slug"]],
        }
        for code, text in row["text"].items():
            for field in ("title", "summary", "body"):
                values[f"{field}_{code}"] = text[field].strip()
        step = upsert(Step, {"slug": row["slug"]}, values, tally)
        _set_m2m(
            step.documents, {documents[s] for s in row["documents"]}, tally, "guide step documents"
        )
        wanted = {markers[f"{MARKER}{n}."] for n in row["references"] if f"{MARKER}{n}." in markers}
        _set_m2m(step.references, wanted, tally, "guide step references")
        keep = set()
        for example in row["examples"]:
            facility = facilities[example["facility"]]
            keep.add(facility.pk)
            values = {"source": example["source"], "source_url": example["source_url"]}
            values.update(_names(tuple(example["note"][c] for c in LANGUAGES), "note"))
            upsert(Example, {"step": step, "facility": facility}, values, tally)
        # Examples this loader wrote earlier that the data no longer has (editors' are kept).
        stale = step.examples.exclude(facility__in=keep).filter(source_url__in=DEMO_URLS)
        for example in stale:
            example.delete()
            tally.add(str(Example._meta.verbose_name_plural), REMOVED)


# --- DEBUG only -------------------------------------------------------------------------------


def expert_email(key: str) -> str:
    return f"{key}@{DEMO_EMAIL_DOMAIN}"


def load_experts(tally: Tally) -> list[tuple[str, str]]:
    """The demonstration experts: member accounts at the demo domain, each with an expert
    profile marked as a demonstration. Returns (email, password) of each, for the log."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("Demonstration experts are created only with DEBUG on.")
    tags = {t.slug: t for t in ExpertiseTag.objects.all()}
    accounts = []
    for row in EXPERTS:
        email = expert_email(row["key"])
        existed = User.objects.filter(email__iexact=email).exists()
        user, changed = community_services.ensure_account(
            email, row["password"], handle=f"demo-{row['key']}", roles=[Role.MEMBER]
        )
        if changed:
            tally.add("demo expert accounts", UPDATED if existed else CREATED)
        values = {
            "bio": DEMO_BIO,
            "languages": row["languages"],
            "countries": sorted(row["countries"]),  # the field stores them sorted
            "hours_per_month": row["hours_per_month"],
            "active": True,
            "is_demo": True,
        }
        expert = upsert(Expert, {"user": user}, values, tally)
        _set_m2m(
            expert.expertise, {tags[s].pk for s in row["expertise"]}, tally, "expert expertise"
        )
        accounts.append((email, row["password"]))
    return accounts


def load_planning(tally: Tally) -> None:
    """The demonstration project: the demo member leads it, a few steps are under way with
    demonstration notes, and one expert is invited to a step and has commented."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("The demonstration project is created only with DEBUG on.")
    lead = User.objects.get(email__iexact=f"{PROJECT['lead']}@{DEMO_EMAIL_DOMAIN}")
    project = upsert(
        Project,
        {"name": PROJECT["name"], "is_demo": True},
        {
            "city": PROJECT["city"],
            "country": PROJECT["country"],
            "summary": PROJECT["summary"],
            "published": False,
            "created_by": lead,
        },
        tally,
    )
    upsert(TeamMember, {"project": project, "user": lead}, {"role": TeamRole.LEAD}, tally)
    works = {}
    for step in Step.objects.order_by("number"):
        status, notes = PROJECT["steps"].get(step.slug, ("not started", ""))
        values = {"status": status, "notes": notes, "owner": lead if notes else None}
        works[step.slug] = upsert(StepWork, {"project": project, "step": step}, values, tally)
    decision = PROJECT["decision"]
    upsert(
        Decision,
        {"work": works[decision["step"]], "text": decision["text"]},
        {"decided_on": decision["decided_on"], "recorded_by": lead},
        tally,
    )
    expert = Expert.objects.get(user__email__iexact=expert_email(PROJECT["expert"]))
    work = works[PROJECT["expert_step"]]
    upsert(ExpertInvitation, {"work": work, "expert": expert}, {"invited_by": lead}, tally)
    upsert(Comment, {"work": work, "author": expert.user}, {"body": PROJECT["comment"]}, tally)
