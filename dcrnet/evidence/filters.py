"""The one input contract of the library's lists: the search page, the map, the exports and the
API all read their filters through these schemas (ninja validates them for the API; the pages
call `read` / `read_leniently` on the same classes), so a value means the same everywhere and
is refused the same way everywhere."""

from __future__ import annotations

import re
from typing import Annotated, Literal, Self, get_origin

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries
from ninja import Field, Schema
from pydantic import BeforeValidator, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from dcrnet.lib.api import ReadAtGeneration
from dcrnet.lib.text import CONTROL_CHARACTER, control_character

from . import facets
from .exports import EXPORT_FORMATS
from .models import CslType, Vocabulary
from .selectors import MAX_PER_PAGE, PER_PAGE, SearchParams, Sort

MAX_ID = 2**63 - 1  # the largest primary key any database here stores
MAX_IDS = 500  # a selection; Django refuses query strings of over 1,000 parameters anyway
VOCABULARIES = (Vocabulary.DESIGN, Vocabulary.OUTCOME, Vocabulary.SETTING, Vocabulary.ROUTE)


def _ascii_integer(value):
    """Integers written with the digits 0-9 only: not '²', '１２', '٣', '1_000', '12.0' or true."""
    if value is None:
        return value
    if isinstance(value, str):
        if not re.fullmatch(r"\s*[0-9]{1,19}\s*", value):
            raise PydanticCustomError("integer", _("must be a whole number written with 0-9"))
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("integer", _("must be a whole number written with 0-9"))
    return value


def _no_control_characters(value):
    if isinstance(value, str) and (code := control_character(value)):
        raise PydanticCustomError(
            "control_character",
            _("contains a control character ({code}); remove it"),
            {"code": code},
        )
    return value


Year = Annotated[int | None, BeforeValidator(_ascii_integer)]
Page = Annotated[int, BeforeValidator(_ascii_integer)]
Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_ascii_integer)]
# The document says what lib.middleware refuses before any view: no control characters.
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"
Text = Annotated[
    str,
    BeforeValidator(_no_control_characters),
    Field(json_schema_extra={"pattern": TEXT_PATTERN}),
]


def _slugs(vocabulary: str):
    return lambda: [t.slug for t in facets.all_terms() if t.vocabulary == vocabulary]


def _country_codes() -> list[str]:
    codes = list(dict(countries))
    return ["", *codes, *(code.lower() for code in codes)]


# Checked whole by SearchFilters._known_terms (an error names the parameter); the document lists
# the slugs each vocabulary holds when it is generated.
def Slugs(vocabulary: str):  # noqa: N802 - a type
    return list[Annotated[str, ReadAtGeneration(_slugs(vocabulary))]]


CountryCode = Annotated[
    str, BeforeValidator(_no_control_characters), ReadAtGeneration(_country_codes)
]


class Filters(Schema):
    """Base of the contracts: reading a query string the way ninja reads one."""

    @field_validator("*", mode="before")
    @classmethod
    def _blank_means_not_given(cls, value, info: ValidationInfo):
        """An empty box of a GET form means 'not given', for the page and the API alike."""
        if isinstance(value, str) and not value.strip():
            return cls.model_fields[info.field_name].get_default(call_default_factory=True)
        if isinstance(value, list):
            return [v for v in value if not (isinstance(v, str) and not v.strip())]
        return value

    @classmethod
    def _data(cls, query: QueryDict) -> dict:
        return {
            name: query.getlist(name) if get_origin(field.annotation) is list else query[name]
            for name, field in cls.model_fields.items()
            if name in query
        }

    @classmethod
    def read(cls, query: QueryDict) -> Self:
        """The filters of `query`, or pydantic's ValidationError (see `problems`)."""
        return cls.model_validate(cls._data(query))

    @classmethod
    def read_leniently(cls, query: QueryDict) -> tuple[Self, list[tuple[str, str]]]:
        """For a page: the filters without the parameters at fault, and what is wrong with
        those (the page shows both: a result, and why part of the query was left out)."""
        data = cls._data(query)
        try:
            return cls.model_validate(data), []
        except ValidationError as exc:
            faulty = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
            kept = {name: value for name, value in data.items() if name not in faulty}
            return cls.model_validate(kept), problems(exc)


def problems(exc: ValidationError) -> list[tuple[str, str]]:
    """(parameter, message) of each error, named as the API's error body names them; the
    message in the active language (the API, outside the languages, words its own in English)."""
    return [
        (".".join(str(part) for part in error["loc"]) or "request", message(error))
        for error in exc.errors()
    ]


def message(error) -> str:
    """pydantic's own checks worded for a page, in its language; ours are worded already."""
    context = error.get("ctx") or {}
    match error["type"]:
        case "greater_than_equal":
            return _("must be %(limit)s or more") % {"limit": context["ge"]}
        case "less_than_equal":
            return _("must be %(limit)s or less") % {"limit": context["le"]}
        case "string_too_long":
            limit = context["max_length"]
            return ngettext(
                "must be at most %(limit)s character long",
                "must be at most %(limit)s characters long",
                limit,
            ) % {"limit": limit}
        case "literal_error":
            choices = [value for value in re.findall(r"'([^']*)'", context["expected"]) if value]
            return _("must be one of %(choices)s") % {"choices": ", ".join(choices)}
    return error["msg"]


class MapFilters(Filters):
    """What narrows the evidence map (and, with more, a search)."""

    country: CountryCode = Field(
        "", description="ISO 3166 code of a country studied, e.g. CA.", max_length=2
    )
    year_from: Year = Field(None, ge=1800, le=2100, description="First year published.")
    year_to: Year = Field(None, ge=1800, le=2100, description="Last year published.")

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        value = value.strip().upper()
        if value and value not in dict(countries):
            raise PydanticCustomError(
                "unknown_country",
                _("{value} is not a country code (ISO 3166, e.g. CA or FR)"),
                {"value": value},
            )
        return value

    def years(self) -> tuple[int | None, int | None]:
        """(from, to), in order whichever way they were given."""
        if self.year_from and self.year_to and self.year_from > self.year_to:
            return self.year_to, self.year_from
        return self.year_from, self.year_to


def unknown_term(vocabulary: str) -> str:
    """One sentence per vocabulary: the nouns differ in gender and number across languages."""
    return {
        Vocabulary.DESIGN: _("{value} is not a known study design"),
        Vocabulary.OUTCOME: _("{value} is not a known outcome"),
        Vocabulary.SETTING: _("{value} is not a known setting / facility model"),
        Vocabulary.ROUTE: _("{value} is not a known route"),
    }[vocabulary]


class SearchFilters(MapFilters):
    """The search: words, facets, type, years, order and page."""

    q: Text = Field(
        "", max_length=300, description='Web-search syntax: words, "phrases", -word, OR.'
    )
    design: Slugs(Vocabulary.DESIGN) = Field(
        [], description="Study design slugs (each narrows further)."
    )
    outcome: Slugs(Vocabulary.OUTCOME) = Field(
        [], description="Outcome slugs (each narrows further)."
    )
    setting: Slugs(Vocabulary.SETTING) = Field([], description="Setting slugs.")
    route: Slugs(Vocabulary.ROUTE) = Field([], description="Route slugs.")
    type: Literal["", *CslType.values] = Field(
        "", description="CSL type, e.g. article-journal, report; empty for any."
    )
    sort: Literal[Sort.RELEVANCE, Sort.NEWEST, Sort.OLDEST] = Sort.RELEVANCE
    page: Page = Field(1, ge=1, le=100_000)
    per_page: Page = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE)

    @field_validator("design", "outcome", "setting", "route")
    @classmethod
    def _known_terms(cls, slugs: list[str], info) -> list[str]:
        known = {t.slug for t in facets.all_terms() if t.vocabulary == info.field_name}
        for slug in slugs:
            if slug not in known:
                raise PydanticCustomError(
                    "unknown_term",
                    unknown_term(info.field_name),
                    {"value": CONTROL_CHARACTER.sub("?", slug[:60])},
                )
        return slugs

    def params(self) -> SearchParams:
        year_from, year_to = self.years()
        return SearchParams(
            q=self.q,
            terms={v: getattr(self, v) for v in VOCABULARIES if getattr(self, v)},
            countries=[self.country] if self.country else [],
            csl_type=self.type or "",
            year_from=year_from,
            year_to=year_to,
            sort=self.sort,
            page=self.page,
            per_page=self.per_page,
        )


class ExportFilters(SearchFilters):
    """An export: a selection (`ids`), or else the whole result of the search (up to the limit)."""

    format: Literal[*EXPORT_FORMATS] = Field(
        "ris", description="RIS, BibTeX, CSL-JSON, or an APA 7 / Vancouver bibliography."
    )
    ids: list[Id] = Field(
        [], max_length=MAX_IDS, description="References to export, in this order."
    )

    @field_validator("ids", mode="before")
    @classmethod
    def _ids(cls, values):
        """Checked here, as a whole, so that an error names `ids` (not `ids.3`) in the API as
        on the page; the item type above documents the same bounds."""
        values = values if isinstance(values, list) else [values]
        if len(values) > MAX_IDS:
            raise PydanticCustomError(
                "too_many", _("at most {limit} references at once"), {"limit": MAX_IDS}
            )
        ids = []
        for value in values:
            number = _ascii_integer(value)
            if number is None or not 1 <= number <= MAX_ID:
                raise PydanticCustomError(
                    "not_an_id", _("{value} is not a reference number"), {"value": number}
                )
            ids.append(number)
        return ids
