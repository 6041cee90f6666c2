"""Every public page type, rendered in all five languages from the demo data, keeps no English
interface string where a translation should be. Compared against the catalogues, not by eye:

1. no text (nor title, aria-label, placeholder, alt, a button's value or the meta description)
   of a French, German, Dutch or Spanish page is an English msgid that the active catalogue
   translates, nor an English msgid of ours with its placeholders filled in ("3 facilities");
2. no text of two words or more is the same in all five languages unless it is a msgid of ours
   (translated on purpose as itself, e.g. a name) or content from the database (facility names,
   titles of references, texts that are not translated yet): such a text was never marked.

Text inside an element with another `lang` (the switcher's language names, English content
shown as a fallback, which says so) is the visitor's choice, not an interface string.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation

OTHERS = ["fr", "de", "nl", "es"]
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
SKIPPED = {"script", "style", "code", "pre"}
# Names and formats that are the same in every language (and no catalogue holds).
SAME_EVERYWHERE = {
    "CSL JSON",
    "CSL-JSON",
    "Natural Earth",
    "CC BY 4.0",
    "OpenStreetMap contributors",
}
WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


class Texts(HTMLParser):
    """The visible texts of a page in its own language, with where each was found."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.found: list[tuple[str, str]] = []

    def skipping(self) -> bool:
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        other_language = values.get("lang") not in (None, self.language)
        skipped = tag in SKIPPED or other_language or values.get("translate") == "no"
        if tag not in {"meta", "link", "input", "img", "br", "hr", "source", "area", "wbr", "col"}:
            self.stack.append((tag, skipped))
        if self.skipping() or skipped:
            return
        for name in ATTRIBUTES & values.keys():
            self.add(values[name], f"<{tag} {name}>")
        if tag == "input" and values.get("type") in {"submit", "button"} and values.get("value"):
            self.add(values["value"], "<input value>")
        if tag == "meta" and values.get("name") == "description":
            self.add(values.get("content") or "", "<meta description>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.skipping():
            self.add(data, "text")

    def add(self, text: str, where: str) -> None:
        text = " ".join(text.split())
        if text and WORD.search(text):
            self.found.append((text, where))


def texts(html: str, language: str) -> list[tuple[str, str]]:
    parser = Texts(language)
    parser.feed(html)
    return parser.found


def our_catalogues(language: str) -> list[polib.POFile]:
    package = Path(settings.BASE_DIR) / "dcrnet"
    return [
        polib.pofile(str(path))
        for path in sorted(package.rglob(f"locale/{language}/LC_MESSAGES/django.po"))
    ]


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def filled_patterns(language: str) -> re.Pattern | None:
    """Our msgids with placeholders, as one pattern matching them filled in with anything."""
    patterns = set()
    for po in our_catalogues(language):
        for entry in po:
            for english in filter(None, (entry.msgid, entry.msgid_plural)):
                if not PLACEHOLDER.search(english):
                    continue
                literal = PLACEHOLDER.sub("", english)
                if len(WORD.findall(literal)) < 2:
                    continue  # "%(name)s (%(code)s)" would match anything
                translated = entry.msgstr or entry.msgstr_plural.get(0, "")
                if translated == english:
                    continue
                parts = PLACEHOLDER.split(" ".join(english.split()))
                patterns.add(".+?".join(re.escape(part) for part in parts))
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)))


def our_msgids() -> set[str]:
    found = set()
    for language in OTHERS:
        for po in our_catalogues(language):
            for entry in po:
                found.add(" ".join(entry.msgid.split()))
                found.add(" ".join(entry.msgstr.split()))
    return found


def stored_strings() -> list[str]:
    """Every string stored in the apps' tables (whitespace normalised)."""
    chunks = []
    for label in (
        "directory",
        "pages",
        "evidence",
        "monitoring",
        "community",
        "organisations",
        "forum",
    ):
        for model in apps.get_app_config(label).get_models():
            fields = [
                f.attname
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField)
            ]
            if fields:
                for row in model._default_manager.values_list(*fields):
                    chunks.extend(" ".join(value.split()) for value in row if value)
    return chunks


def name_words(stored: list[str]) -> set[str]:
    """The words of short stored values: names of people, places, organisations and terms."""
    return {
        word.casefold()
        for value in stored
        if len(value.split()) <= 8
        for word in WORD.findall(value)
    }


PUNCTUATION = " ,.;:·()[]“”\"'–—-"


def public_pages() -> dict[str, tuple[str, dict]]:
    """One page of each public type: name → (URL name, kwargs) plus a query string."""
    from dcrnet.directory.models import Country, Facility, Highlight
    from dcrnet.evidence.models import Reference, Term
    from dcrnet.monitoring.models import MonthlyValue

    facility = Facility.objects.order_by("public_id").first()
    country = Country.objects.exclude(legal_basis="").order_by("code").first()
    highlight = Highlight.objects.order_by("-month").first()
    reference = Reference.objects.order_by("pk").first()
    outcome = Term.objects.filter(vocabulary="outcome").order_by("pk").first()
    reported = MonthlyValue.objects.order_by("pk").select_related("facility__country").first()
    pages = {
        "home": ("home", {}, ""),
        "directory": ("directory:list", {}, ""),
        "directory filtered": ("directory:list", {}, f"?country={facility.country.code}&sort=name"),
        "facility": ("directory:facility", {"public_id": facility.public_id}, ""),
        "map": ("directory:map", {}, ""),
        "countries": ("directory:countries", {}, ""),
        "country": ("directory:country", {"code": country.code}, ""),
        "highlights": ("directory:highlights", {}, ""),
        "evidence": ("evidence:search", {}, ""),
        "evidence search": ("evidence:search", {}, "?q=naloxone"),
        "reference": ("evidence:reference", {"pk": reference.pk}, ""),
        "outcome": ("evidence:outcome", {"slug": outcome.slug}, ""),
        "evidence map": ("evidence:map", {}, ""),
        "data": ("monitoring:index", {}, ""),
        "dictionary": ("monitoring:dictionary", {}, ""),
        "about": ("pages:page", {"slug": "about"}, ""),
        "what is a DCR": ("pages:page", {"slug": "what-is-a-dcr"}, ""),
        "DCR models": ("pages:page", {"slug": "dcr-models"}, ""),
        "sign in": ("account_login", {}, ""),
        "sign up": ("account_signup", {}, ""),
        "password reset": ("account_reset_password", {}, ""),
    }
    from dcrnet.forum.models import Category
    from dcrnet.organisations.models import Organisation

    organisation = Organisation.objects.filter(status="approved").order_by("slug").first()
    pages["organisations"] = ("organisations:list", {}, "")
    pages["organisation"] = ("organisations:detail", {"slug": organisation.slug}, "")
    pages["forum"] = ("forum:index", {}, "")
    public = Category.objects.filter(public_readable=True).order_by("position").first()
    pages["forum category"] = ("forum:category", {"slug": public.slug}, "")
    if highlight is not None:
        pages["highlight"] = (
            "directory:highlight",
            {"year": highlight.month.year, "month": highlight.month.month},
            "",
        )
    if reported is not None:
        pages["facility data"] = (
            "monitoring:facility",
            {"public_id": reported.facility.public_id},
            "",
        )
        pages["country data"] = (
            "monitoring:country",
            {"code": reported.facility.country.code},
            "",
        )
    return pages


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = False  # the public site, without the demo accounts' table
    call_command("load_demo", stdout=StringIO())


def render_all(pages: dict) -> dict[str, dict[str, str]]:
    client = Client()
    rendered = defaultdict(dict)
    for name, (url_name, kwargs, query) in pages.items():
        for language in ["en", *OTHERS]:
            with translation.override(language):
                url = reverse(url_name, kwargs=kwargs) + query
            response = client.get(url)
            assert response.status_code == 200, f"{url}: {response.status_code}"
            rendered[name][language] = response.content.decode()
    return rendered


def test_no_english_interface_string_is_left_on_any_page(demo):
    pages = public_pages()
    rendered = render_all(pages)
    stored = set(stored_strings())
    problems = []
    for language in OTHERS:
        filled = filled_patterns(language)
        with translation.override(language):
            for name, by_language in rendered.items():
                seen = set()
                for text, where in texts(by_language[language], language):
                    if (text, where) in seen or text.strip(PUNCTUATION) in stored:
                        continue  # content ("Luxembourg" the city), not the interface
                    seen.add((text, where))
                    if translation.gettext(text) != text:
                        problems.append(f"{language} {name}: {where} {text!r} is not translated")
                    elif filled is not None and filled.fullmatch(text):
                        problems.append(f"{language} {name}: {where} {text!r} is English")
    assert not problems, f"{len(problems)} English strings:\n" + "\n".join(sorted(problems)[:150])


def content(text: str, stored: str, names: set[str]) -> bool:
    """Database content: a stored text, part of one, or made of names only (an author list, a
    city and its country)."""
    bare = text.strip(PUNCTUATION)
    return (
        bare in stored
        or bare.startswith(("/", "http"))
        or all(word.casefold() in names for word in WORD.findall(bare))
    )


def test_no_page_has_an_unmarked_string(demo):
    pages = public_pages()
    rendered = render_all(pages)
    marked = our_msgids()
    strings = stored_strings()
    stored, names = "\n".join(strings), name_words(strings)
    problems = set()
    for name, by_language in rendered.items():
        per_language = [
            {text for text, _where in texts(html, language)}
            for language, html in by_language.items()
        ]
        for text in set.intersection(*per_language):
            if (
                len(WORD.findall(text)) < 2
                or text in marked
                or text in SAME_EVERYWHERE
                or content(text, stored, names)
            ):
                continue
            problems.add(f"{name}: {text!r} is the same in all five languages")
    assert not problems, f"{len(problems)} unmarked strings:\n" + "\n".join(sorted(problems)[:150])
