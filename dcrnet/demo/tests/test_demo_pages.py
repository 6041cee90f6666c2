"""The demo's editable pages in five languages: loaded into their columns, faithful to the
English (same sources, same structure, same figures), shown without the "not yet translated"
note."""

from __future__ import annotations

import html
import re

import pytest
from django.conf import settings
from django.utils import translation

from dcrnet.demo.data.pages import PAGES
from dcrnet.demo.loader import UNCHANGED, Tally, load_pages
from dcrnet.pages.models import TRANSLATED_FIELDS, Page

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OTHERS = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]
LINK = re.compile(r"\]\((https?://[^)\s]+)\)")
NUMBER = re.compile(r"\d{3,}")  # years and counts ("100", "1986"); not list numbers


def load() -> Tally:
    tally = Tally()
    load_pages(tally)
    return tally


@pytest.fixture
def loaded(db) -> Tally:
    return load()


def by_slug(language: str) -> dict[str, dict]:
    return {page["slug"]: page["text"][language] for page in PAGES}


@pytest.mark.parametrize("language", OTHERS)
def test_every_page_has_every_field_in_every_language_and_differs_from_english(language):
    english = by_slug("en")
    for slug, text in by_slug(language).items():
        for field in TRANSLATED_FIELDS:
            assert text[field].strip(), (slug, language, field)
            assert text[field] != english[slug][field], (slug, language, field)


@pytest.mark.parametrize("language", OTHERS)
def test_translations_cite_the_same_sources_and_keep_structure_and_figures(language):
    english = by_slug("en")
    for slug, text in by_slug(language).items():
        source, body = english[slug]["body"], text["body"]
        assert LINK.findall(body) == LINK.findall(source), (slug, language)
        for pattern in (r"^## ", r"^\d+\. ", r"^- \*\*"):  # headings, numbered and bold items
            count = len(re.findall(pattern, body, re.M))
            assert count == len(re.findall(pattern, source, re.M)), (slug, language, pattern)
        assert set(NUMBER.findall(source)) <= set(NUMBER.findall(body)), (slug, language)


def test_the_loader_fills_every_language_column_and_keeps_english_in_the_base(loaded):
    for row in PAGES:
        page = Page.objects.get(slug=row["slug"])
        for language in LANGUAGES:
            for field in TRANSLATED_FIELDS:
                stored = getattr(page, f"{field}_{language}")
                assert stored == row["text"][language][field].strip()
        base = Page.objects.rewrite(False).values(*TRANSLATED_FIELDS).get(pk=page.pk)
        assert base == {f: row["text"]["en"][f].strip() for f in TRANSLATED_FIELDS}
    assert [p.slug for p in Page.objects.in_menu()] == ["about", "what-is-a-dcr", "dcr-models"]


def test_loading_in_another_language_writes_the_same(db):
    with translation.override("de"):
        load()
    page = Page.objects.get(slug="about")
    assert Page.objects.rewrite(False).values_list("title", flat=True).get(pk=page.pk) == (
        "About the network"
    )
    assert page.title_de == "Über das Netzwerk"


def test_a_second_load_changes_nothing(loaded):
    history = {p.slug: p.history.count() for p in Page.objects.all()}
    tally = load()
    assert tally.changed == 0
    assert tally.counts["pages"][UNCHANGED] == len(PAGES)
    assert {p.slug: p.history.count() for p in Page.objects.all()} == history


def test_a_translation_an_editor_emptied_is_restored(loaded):
    Page.objects.filter(slug="about").update(body_nl="")
    tally = load()
    assert tally.changed == 1
    assert Page.objects.get(slug="about").body_nl.startswith("## Onze missie")


@pytest.mark.parametrize("language", OTHERS)
def test_each_page_shows_its_translation_without_the_note(loaded, client, language):
    with translation.override(language):
        note = translation.gettext("Not yet translated: this text is shown in English.")
    for slug, text in by_slug(language).items():
        url = "/" if slug == "home" else f"/{slug}/"
        body = html.unescape(client.get(f"/{language}{url}").content.decode())
        assert f'<h1 lang="{language}">{text["title"]}</h1>' in body, (slug, language)
        assert f'<div lang="{language}">' in body
        assert note not in body, (slug, language)
        assert by_slug("en")[slug]["title"] not in body


def test_the_french_about_page_reads_french(loaded, client):
    body = html.unescape(client.get("/fr/about/").content.decode())
    assert '<h1 lang="fr">À propos du réseau</h1>' in body
    assert "<h2>Notre mission</h2>" in body
    assert "Our mission" not in body
    # The source keeps its address; its link text is French.
    assert "https://www.drugconsumptionroom-international.org/index.php/about-us/" in body
    assert "page « About us »" in body.replace("\u00a0", " ")
