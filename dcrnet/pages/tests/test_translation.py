"""Editable pages in five languages: a column per language, English where a translation is
missing (saying so, in the visitor's language, with lang="en"), edited side by side."""

from __future__ import annotations

import datetime as dt
import html
import importlib
import re

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.utils import translation

from dcrnet.pages.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def about() -> Page:
    return Page.objects.create(
        slug="about",
        title_en="About the network",
        summary_en="What the network is for.",
        body_en="The network works to make rooms easier to reach.",
        title_fr="À propos du réseau",
        summary_fr="La raison d'être du réseau.",
        body_fr="Le réseau s'attache à rendre les salles plus accessibles.",
        menu_order=1,
    )


def base_columns(page: Page, *fields: str) -> dict:
    """The plain columns as stored (modeltranslation would read `title` as `title_<lang>`)."""
    return Page.objects.rewrite(False).values(*fields).get(pk=page.pk)


def note(language: str) -> str:
    with translation.override(language):
        return translation.gettext("Not yet translated: this text is shown in English.")


def test_a_translated_page_shows_its_language_without_the_note(client, about):
    body = client.get("/fr/about/").content.decode()
    assert "<title>À propos du réseau · " in body
    assert '<h1 lang="fr">À propos du réseau</h1>' in body
    assert '<div lang="fr"><p>Le réseau s\'attache' in body
    assert "The network works" not in body
    assert note("fr") not in body and "untranslated" not in body


def test_a_page_without_the_language_shows_english_with_the_note_and_lang_en(client, about):
    body = client.get("/de/about/").content.decode()
    assert '<h1 lang="en">About the network</h1>' in body
    assert '<div lang="en"><p>The network works' in body
    assert note("de") in body and note("de") != note("en")
    # The note is in the visitor's language, outside the English text.
    assert re.search(r'<p class="untranslated">[^<]+</p>\s*<h1 lang="en">', body)


def test_english_pages_carry_no_note(client, about):
    body = client.get("/about/").content.decode()
    assert '<h1 lang="en">About the network</h1>' in body
    assert "untranslated" not in body


def test_a_missing_summary_alone_shows_the_note(client, about):
    Page.objects.filter(pk=about.pk).update(summary_fr="")
    body = client.get("/fr/about/").content.decode()
    assert note("fr") in body
    assert '<h1 lang="fr">À propos du réseau</h1>' in body  # the title is French


def test_the_home_introduction_is_translated_too(client):
    Page.objects.create(
        slug="home", title_en="Rooms in one place", body_en="One directory.", title_es="Salas"
    )
    body = client.get("/es/").content.decode()
    assert '<h1 lang="es">Salas</h1>' in body
    assert '<div lang="en"><p>One directory.</p>' in body  # the body falls back
    assert note("es") in body


def test_the_base_columns_and_the_history_keep_english_whatever_language_saves(about):
    with translation.override("fr"):
        about.body_fr = "Un autre texte."
        about.save()
        assert about.title == "À propos du réseau"
    stored = base_columns(about, "title", "body")
    assert stored == {"title": "About the network", "body": about.body_en}
    assert set(about.history.values_list("title", flat=True)) == {"About the network"}
    assert about.history.count() == 2


def test_the_migration_copies_existing_text_into_the_english_columns():
    # The models as the migration sees them (plain columns, no modeltranslation rewriting).
    state = MigrationLoader(connection).project_state(("pages", "0002_translations")).apps
    model = state.get_model("pages", "Page")
    model.objects.create(slug="old", title="An old page", summary="", body="Its text.")
    migration = importlib.import_module("dcrnet.pages.migrations.0002_translations")
    migration.english_columns(state, None)
    page = Page.objects.get(slug="old")
    assert (page.title_en, page.summary_en, page.body_en) == ("An old page", "", "Its text.")
    assert page.title_fr is None
    with translation.override("fr"):
        assert page.title == "An old page"


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def test_the_admin_edits_every_language_side_by_side_without_scripts(editor_client, about):
    body = editor_client.get(f"/admin/pages/page/{about.pk}/change/").content.decode()
    for field in ("title", "summary", "body"):
        for code in ("en", "fr", "de", "nl", "es"):
            assert f'name="{field}_{code}"' in body, (field, code)
    assert 'name="title"' not in body
    assert "jquery-ui" not in body.lower() and "tabbed_translation_fields" not in body


def test_an_admin_edit_in_french_keeps_english_in_the_base_column(editor_client, about):
    data = {
        "slug": "about",
        "title_en": "About the network",
        "summary_en": "What the network is for.",
        "body_en": "The network works to make rooms easier to reach.",
        "title_fr": "À propos",
        "summary_fr": "",
        "body_fr": "Nouveau texte.",
        "title_de": "Über das Netzwerk",
        "body_de": "Das Netzwerk.",
        "menu_order": "1",
        "published": "on",
    }
    response = editor_client.post(f"/fr/admin/pages/page/{about.pk}/change/", data)
    assert response.status_code == 302
    about.refresh_from_db()
    assert (about.title_fr, about.title_de, about.body_fr) == (
        "À propos",
        "Über das Netzwerk",
        "Nouveau texte.",
    )
    assert base_columns(about, "title") == {"title": "About the network"}
    assert about.history.first().title == "About the network"


def test_english_title_and_body_are_required_in_the_admin(editor_client, about):
    data = {"slug": "about", "title_en": "", "body_en": "", "title_fr": "À propos"}
    response = editor_client.post(f"/admin/pages/page/{about.pk}/change/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors.keys() >= {"title_en", "body_en"}


def test_the_admin_finds_a_page_by_its_french_title(editor_client, about):
    body = editor_client.get("/admin/pages/page/", {"q": "propos"}).content.decode()
    assert f"/admin/pages/page/{about.pk}/change/" in body


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", "Last updated 5 March 2024."),
        ("/fr", "Dernière mise à jour\u00a0: 5 mars 2024."),
        ("/de", "Zuletzt aktualisiert am 5. März 2024."),
        ("/nl", "Laatst bijgewerkt op 5 maart 2024."),
        ("/es", "Última actualización: 5 de marzo de 2024."),
    ],
)
def test_the_date_of_the_last_update_is_written_per_language(client, about, prefix, expected):
    Page.objects.filter(pk=about.pk).update(updated=dt.datetime(2024, 3, 5, 12, tzinfo=dt.UTC))
    assert expected in html.unescape(client.get(f"{prefix}/about/").content.decode())


def test_the_admin_history_and_add_pages_open(editor_client, about):
    with translation.override("fr"):
        about.body_fr = "Texte revu."
        about.save()
    history = editor_client.get(f"/fr/admin/pages/page/{about.pk}/history/")
    assert history.status_code == 200
    assert "About the network" in history.content.decode()
    add = editor_client.get("/admin/pages/page/add/").content.decode()
    assert 'name="title_en"' in add and 'name="body_es"' in add
    assert "#id_title_en" in add  # the slug follows the English title
