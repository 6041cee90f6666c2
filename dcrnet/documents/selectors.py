"""Reads of documents: the one filter contract (page and API), the faceted search, a document's
page with where it is used, the suggestion queues; each with its access rule."""

from __future__ import annotations

import re
from typing import Annotated, Self

from django.conf import global_settings
from django.conf.locale import LANG_INFO
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import get_language_info, gettext, gettext_lazy
from django.utils.translation import gettext as _
from django_countries import countries
from ninja import Field, Schema
from pydantic import BeforeValidator, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from dcrnet.directory.models import Facility
from dcrnet.evidence.filters import Text
from dcrnet.lib.api import ReadAtGeneration
from dcrnet.lib.facets import Facet, FacetValue
from dcrnet.lib.text import CONTROL_CHARACTER
from dcrnet.organisations.models import Organisation
from dcrnet.organisations.models import Status as OrganisationStatus

from .models import Document, Kind, Perspective, Status, Topic, Version

PER_PAGE = 20
MAX_WORDS = 10
# ISO 639-1 codes Django knows a name for (documents exist in many more languages than the
# site's five); the name is shown translated.
LANGUAGES = sorted(code for code, info in LANG_INFO.items() if len(code) == 2 and "name" in info)


# Django's LANG_INFO names Norwegian Bokmål "Norwegian Bokmal", a msgid no catalogue holds: the
# name in its list of languages is the one its catalogues translate.
NAMES = dict(global_settings.LANGUAGES)


def language_name(code: str) -> str:
    if code in NAMES:
        return gettext(NAMES[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_choices() -> list[tuple[str, str]]:
    return sorted(((code, language_name(code)) for code in LANGUAGES), key=lambda p: p[1])


def is_editor(user) -> bool:
    """Editors (and staff) decide on suggestions and add versions."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
        "documents.change_document"
    )


def may_suggest(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role("member")


# --- The filter contract ---------------------------------------------------------------------


def _slug_or_code(value):
    if isinstance(value, str):
        if CONTROL_CHARACTER.search(value):
            raise PydanticCustomError("control_character", _("contains a control character"))
        return value.strip()
    return value


Slug = Annotated[str, BeforeValidator(_slug_or_code), Field(max_length=200)]


def _unknown(value: str, message: str) -> PydanticCustomError:
    return PydanticCustomError("unknown_value", message, {"value": value[:60]})


def _topic_slugs() -> list[str]:
    return ["", *Topic.objects.order_by("slug").values_list("slug", flat=True)]


def _organisation_slugs() -> list[str]:
    approved = Organisation.objects.filter(status=OrganisationStatus.APPROVED).order_by("slug")
    return ["", *approved.values_list("slug", flat=True)]


def _country_codes() -> list[str]:
    codes = list(dict(countries))
    return ["", *codes, *(code.lower() for code in codes)]


def _language_codes() -> list[str]:
    return ["", *LANGUAGES, *(code.upper() for code in LANGUAGES)]


class DocumentFilters(Schema):
    """What narrows the list of published documents: the page and the API read these alike."""

    # The document lists the values each parameter accepts when it is generated (ReadAtGeneration):
    # what lives in the database (topics, organisations) is checked again on each request.
    kind: Annotated[Slug, ReadAtGeneration(lambda: ["", *Kind.values])] = Field(
        "", description="Kind of document."
    )
    perspective: Annotated[Slug, ReadAtGeneration(lambda: ["", *Perspective.values])] = Field(
        "", description="Perspective."
    )
    topic: Annotated[Slug, ReadAtGeneration(_topic_slugs)] = Field("", description="Topic slug.")
    country: Annotated[Slug, ReadAtGeneration(_country_codes)] = Field(
        "", max_length=2, description="ISO 3166-1 alpha-2 country code."
    )
    language: Annotated[Slug, ReadAtGeneration(_language_codes)] = Field(
        "", max_length=3, description="ISO 639-1 code of the language."
    )
    organisation: Annotated[Slug, ReadAtGeneration(_organisation_slugs)] = Field(
        "", description="Slug of an organisation of the network."
    )
    q: Text = Field("", max_length=200, description="Words in the title or summary.")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_means_not_given(cls, value):
        if isinstance(value, list):  # a repeated parameter: the last one counts, as in Django
            value = value[-1] if value else ""
        return value

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value and value not in Kind.values:
            raise _unknown(value, _("{value} is not a kind of document"))
        return value

    @field_validator("perspective")
    @classmethod
    def _known_perspective(cls, value: str) -> str:
        if value and value not in Perspective.values:
            raise _unknown(value, _("{value} is not a perspective"))
        return value

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, value: str) -> str:
        if value and not Topic.objects.filter(slug=value).exists():
            raise _unknown(value, _("{value} is not a topic"))
        return value

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        value = value.upper()
        if value and value not in dict(countries):
            raise _unknown(value, _("{value} is not a country code (ISO 3166, e.g. DE)"))
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        value = value.lower()
        if value and value not in LANGUAGES:
            raise _unknown(value, _("{value} is not a language code (ISO 639-1, e.g. de)"))
        return value

    @field_validator("organisation")
    @classmethod
    def _known_organisation(cls, value: str) -> str:
        if (
            value
            and not Organisation.objects.filter(
                slug=value, status=OrganisationStatus.APPROVED
            ).exists()
        ):
            raise _unknown(value, _("{value} is not an organisation of the network"))
        return value

    @classmethod
    def read(cls, query: QueryDict) -> Self:
        """The filters of a query string, or pydantic's ValidationError (see `problems`)."""
        return cls.model_validate({name: query[name] for name in cls.model_fields if name in query})

    def active(self) -> dict[str, str]:
        return {name: value for name, value in self.model_dump().items() if value}


class DocumentPageFilters(DocumentFilters):
    page: Annotated[int, BeforeValidator(lambda v: _page_number(v))] = Field(1, ge=1, le=10_000)


def _page_number(value):
    if isinstance(value, str):
        if not re.fullmatch(r"\s*[0-9]{1,6}\s*", value):
            raise PydanticCustomError("integer", _("must be a page number written with 0-9"))
        return int(value)
    return value


def problems(exc: ValidationError) -> list[tuple[str, str]]:
    """(parameter, message) for the 400 page."""
    out = []
    for error in exc.errors():
        parameter = ".".join(str(part) for part in error["loc"]) or "request"
        context = error.get("ctx") or {}
        match error["type"]:
            case "string_too_long":
                message = _("must be at most %(limit)s characters long") % {
                    "limit": context["max_length"]
                }
            case "greater_than_equal":
                message = _("must be %(limit)s or more") % {"limit": context["ge"]}
            case "less_than_equal":
                message = _("must be %(limit)s or less") % {"limit": context["le"]}
            case _:
                message = error["msg"]
        out.append((parameter, message))
    return out


# --- Search and facets -----------------------------------------------------------------------


def _words(q: str) -> list[str]:
    return [w for w in re.split(r"\s+", q.strip()) if w][:MAX_WORDS]


def _narrowed(filters: DocumentFilters, *, leave_out: str = "") -> QuerySet[Document]:
    documents = Document.objects.published()
    wanted = filters.active()
    wanted.pop(leave_out, None)
    if kind := wanted.get("kind"):
        documents = documents.filter(kind=kind)
    if perspective := wanted.get("perspective"):
        documents = documents.filter(perspective=perspective)
    if topic := wanted.get("topic"):
        documents = documents.filter(topic__slug=topic)
    if country := wanted.get("country"):
        documents = documents.filter(country=country)
    if language := wanted.get("language"):
        documents = documents.filter(language=language)
    if organisation := wanted.get("organisation"):
        documents = documents.filter(organisation__slug=organisation)
    for word in _words(wanted.get("q", "")):
        documents = documents.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return documents


def search(filters: DocumentFilters) -> QuerySet[Document]:
    """Published documents matching every filter, by title."""
    return (
        _narrowed(filters)
        .select_related("topic", "organisation")
        .annotate(version_count=Count("versions"))
        .order_by("title", "pk")
    )


FACET_LABELS = {
    "kind": gettext_lazy("Kind"),
    "perspective": gettext_lazy("Perspective"),
    "topic": gettext_lazy("Topic"),
    "country": gettext_lazy("Country"),
    "language": gettext_lazy("Language"),
    "organisation": gettext_lazy("Organisation"),
}


def facets(filters: DocumentFilters) -> list[Facet]:
    """For each facet, how many published documents each value would give with the other
    filters kept (the facet's own choice left out, so other values stay reachable)."""
    chosen = filters.active()
    result = []
    for name, label in FACET_LABELS.items():
        documents = _narrowed(filters, leave_out=name)
        column = {"topic": "topic__slug", "organisation": "organisation__slug"}.get(name, name)
        counts = dict(
            documents.exclude(**{f"{column}__isnull": True})
            .exclude(**{column: ""})
            .values_list(column)
            .annotate(n=Count("pk"))
            .values_list(column, "n")
        )
        labels = _labels(name, counts)
        values = [
            FacetValue(value, labels.get(value, value), count, chosen.get(name) == value)
            for value, count in counts.items()
        ]
        if chosen.get(name) and chosen[name] not in counts:
            values.append(FacetValue(chosen[name], labels.get(chosen[name], chosen[name]), 0, True))
        values.sort(key=lambda v: (-v.count, str(v.label)))
        result.append(Facet(name, str(label), values))
    return result


def _labels(name: str, counts: dict) -> dict[str, str]:
    if name == "kind":
        return {k: str(v) for k, v in Kind.choices}
    if name == "perspective":
        return {k: str(v) for k, v in Perspective.choices}
    if name == "topic":
        return {t.slug: t.name for t in Topic.objects.filter(slug__in=list(counts))}
    if name == "country":
        return {code: str(countries.name(code)) for code in counts}
    if name == "language":
        return {code: language_name(code) for code in counts}
    if name == "organisation":
        return dict(Organisation.objects.filter(slug__in=list(counts)).values_list("slug", "name"))
    return {}


# --- One document ----------------------------------------------------------------------------


def document_for(slug: str, user) -> Document:
    """A document the user may see, with what its page shows. Raises Document.DoesNotExist."""
    from dcrnet.evidence.models import Reference

    return (
        Document.objects.visible_to(user)
        .select_related("topic", "organisation", "suggested_by", "decided_by")
        .prefetch_related(
            Prefetch("versions", queryset=Version.objects.order_by("-number")),
            Prefetch(
                "facilities",
                queryset=Facility.objects.visible_to(user).order_by("name"),
                to_attr="visible_facilities",
            ),
            Prefetch("references", queryset=Reference.objects.order_by("-year", "title")),
        )
        .get(slug=slug)
    )


def guide_steps(document: Document) -> list:
    """The guide's steps that cite the document, in the guide's order."""
    return list(document.guide_steps.order_by("number"))


def version_for(slug: str, number: int, user) -> Version:
    """A version of a document the user may see. Raises Version.DoesNotExist."""
    return Version.objects.select_related("document").get(
        document__in=Document.objects.visible_to(user), document__slug=slug, number=number
    )


def own_suggestions(user) -> QuerySet[Document]:
    return (
        Document.objects.filter(suggested_by=user)
        .select_related("topic")
        .order_by("-created_at", "-pk")
    )


def review_queue() -> QuerySet[Document]:
    return (
        Document.objects.filter(status=Status.SUGGESTED)
        .select_related("topic", "organisation", "suggested_by")
        .prefetch_related(Prefetch("versions", queryset=Version.objects.order_by("-number")))
        .order_by("created_at", "pk")
    )


def published_detail(slug: str) -> Document:
    """A published document for the API. Raises Document.DoesNotExist."""
    return (
        Document.objects.published()
        .select_related("topic", "organisation")
        .prefetch_related(
            Prefetch("versions", queryset=Version.objects.order_by("-number")),
            Prefetch(
                "facilities",
                queryset=Facility.objects.public().order_by("name"),
                to_attr="visible_facilities",
            ),
            "references",
        )
        .get(slug=slug)
    )
