"""Reads of the guide: the steps in order, one step's page with everything that helps with it,
and the whole guide for print. Each runs a constant number of queries, whatever the number of
steps, documents, references, experts or examples."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from dcrnet.directory.models import Facility
from dcrnet.documents.models import Document
from dcrnet.evidence.models import Reference
from dcrnet.experts.models import Expert

from .models import Example, Step


def published_documents() -> QuerySet[Document]:
    return Document.objects.published().select_related("topic", "organisation").order_by("title")


def references() -> QuerySet[Reference]:
    return Reference.objects.only(
        "id", "title", "year", "container_title", "publisher", "csl_type"
    ).order_by("-year", "title")


def examples() -> QuerySet[Example]:
    """Examples whose facility the directory shows to everyone (an unpublished facility is
    not named on a public page)."""
    return (
        Example.objects.filter(facility__in=Facility.objects.public())
        .select_related("facility", "facility__country")
        .order_by("facility__name")
    )


def steps() -> QuerySet[Step]:
    """The steps in order, for the index: number, slug, title and summary."""
    return Step.objects.order_by("number")


def with_helpers(queryset: QuerySet[Step]) -> QuerySet[Step]:
    """Steps with their published documents, references and examples (three queries)."""
    return queryset.select_related("expertise").prefetch_related(
        Prefetch("documents", queryset=published_documents()),
        Prefetch("references", queryset=references()),
        Prefetch("examples", queryset=examples()),
    )


def language_name(code: str) -> str:
    """A language's name in the page's language, from its ISO 639-1 code (the code itself when
    Django does not know it)."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


@dataclass(frozen=True)
class ExpertCard:
    handle: str
    expert_url: str  # their public expert profile
    languages: list[str]
    countries: list[str]
    member_url: str | None  # their member page, for viewers who may see members' pages
    is_demo: bool


@dataclass
class StepPage:
    step: Step
    previous: Step | None
    next: Step | None
    experts: list[ExpertCard] = field(default_factory=list)
    help_url: str | None = None


def ask_url() -> str | None:
    """The experts app's help request form (`?topic=<expertise slug>` chooses the topic), or
    None while that app does not serve it."""
    try:
        return reverse("experts:ask")
    except NoReverseMatch:
        return None


def help_url(step: Step, base: str | None) -> str | None:
    """The help request form with this step's topic chosen."""
    if base is None:
        return None
    return f"{base}?topic={step.expertise.slug}" if step.expertise_id else base


def experts_for(step: Step, *, show_member_pages: bool) -> list[ExpertCard]:
    if step.expertise_id is None:
        return []
    # Without a handle an expert has no public page (the experts directory leaves them out too).
    experts = (
        Expert.objects.for_expertise(step.expertise).exclude(user__handle="").select_related("user")
    )
    cards = []
    for expert in experts:
        handle = expert.user.handle
        cards.append(
            ExpertCard(
                handle=handle,
                expert_url=reverse("experts:expert", kwargs={"handle": handle}),
                languages=[language_name(code) for code in expert.languages],
                countries=[country.name for country in expert.countries],
                is_demo=expert.is_demo,
                member_url=(
                    reverse("members:member", kwargs={"handle": handle})
                    if show_member_pages and handle
                    else None
                ),
            )
        )
    return cards


def step_page(slug: str, *, show_member_pages: bool) -> StepPage:
    step = get_object_or_404(with_helpers(Step.objects.all()), slug=slug)
    return StepPage(
        step=step,
        previous=Step.objects.filter(number__lt=step.number).order_by("-number").first(),
        next=Step.objects.filter(number__gt=step.number).order_by("number").first(),
        experts=experts_for(step, show_member_pages=show_member_pages),
        help_url=help_url(step, ask_url()),
    )


def whole_guide() -> list[Step]:
    """Every step with what helps with it, for the printable guide; each with `help_url`."""
    base = ask_url()
    found = list(with_helpers(steps()))
    for step in found:
        step.help_url = help_url(step, base)
    return found
