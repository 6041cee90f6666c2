"""Fixtures of the guide's tests: steps with everything that helps with them."""

from __future__ import annotations

import datetime as dt

import pytest

from dcrnet.community.models import ExpertiseTag
from dcrnet.documents.models import Document, Topic
from dcrnet.evidence.models import Reference
from dcrnet.experts.models import Expert
from dcrnet.guide.models import Example, Step


def make_step(number: int, slug: str, **extra) -> Step:
    tag = ExpertiseTag.objects.create(slug=slug, name_en=f"Tag {slug}")
    values = {
        "title_en": f"Step {slug} title",
        "summary_en": f"Summary of {slug}.",
        "body_en": f"Guidance for **{slug}** with [a source](https://example.org/{slug}).",
        "sources": f"- [Source of {slug}](https://example.org/source/{slug})",
        **extra,
    }
    return Step.objects.create(number=number, slug=slug, expertise=tag, **values)


def make_document(slug: str, status: str = "published", **extra) -> Document:
    topic, _ = Topic.objects.get_or_create(slug="operations", defaults={"name_en": "Operations"})
    values = {
        "title": f"Document {slug}",
        "kind": "guidance",
        "perspective": "professional",
        "topic": topic,
        "language": "en",
        "publisher": "A publisher",
        "source_url": f"https://example.org/documents/{slug}",
        "status": status,
        **extra,
    }
    return Document.objects.create(slug=slug, **values)


def make_reference(title: str) -> Reference:
    return Reference.objects.create(title=title, year=2020, csl_type="report")


def make_expert(django_user_model, handle: str, tag: ExpertiseTag, **extra) -> Expert:
    user = django_user_model.objects.create_user(
        email=f"{handle}@example.org", password="x" * 20, handle=handle
    )
    values = {"bio": "About me.", "languages": ["en", "fr"], "countries": ["DE", "FR"], **extra}
    expert = Expert.objects.create(user=user, **values)
    expert.expertise.add(tag)
    return expert


@pytest.fixture
def steps(db) -> list[Step]:
    return [
        make_step(1, "needs-assessment"),
        make_step(2, "coalition-and-stakeholders"),
        make_step(3, "legal-route"),
    ]


@pytest.fixture
def helped_step(steps, facility, django_user_model) -> Step:
    """The middle step, with a published and a suggested document, a reference, an expert and
    an example."""
    step = steps[1]
    step.documents.add(make_document("published-doc"), make_document("draft-doc", "suggested"))
    step.references.add(make_reference("A study of coalitions"))
    make_expert(django_user_model, "helper-one", step.expertise)
    Example.objects.create(
        step=step,
        facility=facility,
        note_en="This facility built a coalition.",
        source="A report",
        source_url="https://example.org/report",
    )
    return step


DATE = dt.date(2024, 1, 1)
