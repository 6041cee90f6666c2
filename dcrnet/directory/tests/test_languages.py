"""The directory in five languages: labels, filters, numbers and dates per locale, neutral
downloads, and translated country and highlight texts with their English fallback."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html import unescape

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone, translation

from dcrnet.directory.models import Country, Facility, Highlight, highlight_for

pytestmark = pytest.mark.django_db

NOTE = "Not yet translated: this text is shown in English."


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.content.decode())


def note_in(language: str) -> str:
    with translation.override(language):
        return translation.gettext(NOTE)


@pytest.fixture
def closed_and_open(make_facility):
    make_facility("lu-abrigado", name="Abrigado", routes={"injecting": 10, "smoking": 5})
    make_facility(
        "de-birkenstube",
        name="Birkenstube",
        country="DE",
        city="Berlin",
        status="closed",
        since=dt.date(2019, 3, 1),
        routes={"snorting": None},
    )


# Labels -----------------------------------------------------------------------------------------


LABELS = {
    # the filter form's labels and blank choices, a status, a route, the list's own words
    "fr": ("Mode de consommation", "Tous les statuts", "Ouverte", "Injection", "2 structures"),
    "de": ("Konsumform", "Alle Status", "Geöffnet", "Intravenös", "2 Einrichtungen"),
    "nl": ("Gebruikswijze", "Alle statussen", "Open", "Injecteren", "2 voorzieningen"),
    "es": ("Vía de consumo", "Todos los estados", "Abierta", "Inyectada", "2 centros"),
}


@pytest.mark.parametrize("language", LABELS)
def test_the_list_speaks_the_page_language(client, closed_and_open, language):
    body = page(client, f"/{language}/facilities/")
    for label in LABELS[language]:
        assert label in body, label
    assert f'<html lang="{language}">' in body
    for english in ("Route of use", "Any status", "Smoking / inhaling", "2 facilities"):
        assert english not in body


def test_a_french_facility_page_has_french_labels_and_dates(client, closed_and_open):
    body = page(client, "/fr/facilities/de-birkenstube/")
    assert "Fermée" in body and "depuis mars 2019" in body
    assert "Modes de consommation et places" in body and "Sniff" in body
    assert "Allemagne" in body  # the country's name in French
    assert "1 mars 2019" in body  # the status history, day month year


@pytest.mark.parametrize(
    ("language", "since"),
    [("en", "since March 2019"), ("de", "seit März 2019"), ("es", "desde marzo de 2019")],
)
def test_months_follow_the_locale(client, closed_and_open, language, since):
    prefix = "" if language == "en" else f"/{language}"
    assert since in page(client, f"{prefix}/facilities/de-birkenstube/")


def test_a_refused_filter_is_explained_in_the_page_language(client, closed_and_open):
    body = page(client, "/fr/facilities/?route=teleport")
    assert "Mode de consommation\u00a0: «\u00a0teleport\u00a0» ne fait pas partie" in body
    assert "Abrigado" in body  # the valid rest of the query still lists


def test_the_map_page_and_its_points_are_in_the_page_language(client, closed_and_open):
    body = page(client, "/de/map/?status=closed")
    assert "1 Einrichtung auf dieser Karte" in body
    assert 'data-facilities-url="/de/map/facilities.json?status=closed"' in body
    points = client.get("/de/map/facilities.json?status=closed").json()["facilities"]
    assert [(p["status_label"], p["country"], p["url"]) for p in points] == [
        ("Geschlossen", "Deutschland", "/de/facilities/de-birkenstube/")
    ]


def test_countries_are_sorted_by_their_name_in_the_page_language(client, make_facility):
    for code in ("CH", "DE", "NL"):
        make_facility(f"{code.lower()}-room", country=code)

    def order(body: str) -> list[str]:
        return re.findall(r'countries/\w\w/">([^<]+)<', body)

    assert order(page(client, "/countries/")) == ["Germany", "Netherlands", "Switzerland"]
    assert order(page(client, "/de/countries/")) == ["Deutschland", "Niederlande", "Schweiz"]
    assert order(page(client, "/fr/countries/")) == ["Allemagne", "Pays-Bas", "Suisse"]


def test_a_profile_change_in_hours_is_told_in_the_page_language(client, facility):
    from dcrnet.directory.models import OpeningHours
    from dcrnet.directory.services import record_snapshot

    later = record_snapshot(facility, dt.date(2025, 1, 1), source="t")
    OpeningHours.objects.create(snapshot=later, weekday=0, opens="09:00", closes="16:30")
    later.routes.create(route="injecting", places=10)
    later.routes.create(route="smoking", places=5)
    later.services.create(service="supervision")
    body = page(client, "/fr/facilities/lu-abrigado/")
    assert "Heures d'ouverture par semaine\u00a0: 0 → 7,5" in body
    assert "h/week" not in body


# Filters keep their query in every language -----------------------------------------------------


def test_a_filtered_list_in_french_filters_and_keeps_the_filter(client, closed_and_open):
    body = page(client, "/fr/facilities/?status=closed")
    assert "Birkenstube" in body and "Abrigado" not in body
    assert "1 structure" in body
    # the map and download links, the switcher and the alternates keep the filter
    assert 'href="/fr/map/?status=closed"' in body
    assert 'href="/fr/data/facilities.csv?status=closed"' in body
    assert 'name="next" value="/fr/facilities/?status=closed"' in body
    assert re.search(r'hreflang="de" href="[^"]*/de/facilities/\?status=closed"', body)
    switched = client.get("/language/", {"language": "de", "next": "/fr/facilities/?status=closed"})
    assert switched.status_code == 302
    assert switched["Location"] == "/de/facilities/?status=closed"
    german = page(client, switched["Location"])
    assert "1 Einrichtung" in german and '<option value="closed" selected>Geschlossen' in german


def test_pagination_in_spanish_keeps_the_filters(client, make_facility):
    for n in range(27):
        make_facility(f"lu-room-{n:02}", name=f"Room {n:02}")
    body = page(client, "/es/facilities/?country=LU&sort=-name")
    assert "Página 1 de 2" in body
    assert 'href="?country=LU&sort=-name&page=2"' in body and "Siguiente" in body


# Numbers ----------------------------------------------------------------------------------------


@pytest.fixture
def sixteen_hundred(db):
    luxembourg = Country.objects.create(code="LU")
    Facility.objects.bulk_create(
        Facility(
            public_id=f"lu-{n}",
            name=f"Room {n}",
            city="Luxembourg",
            country=luxembourg,
            latitude=49.6,
            longitude=6.1,
            status="open",
        )
        for n in range(1600)
    )


@pytest.mark.parametrize(
    ("prefix", "count", "listed"),
    [
        ("", "1,600 facilities", '<td data-label="Listed">1,600</td>'),
        ("/fr", "1\u00a0600 structures", "1\u00a0600</td>"),
        ("/de", "1.600 Einrichtungen", "1.600</td>"),
        ("/nl", "1.600 voorzieningen", "1.600</td>"),
        ("/es", "1\u00a0600 centros", "1\u00a0600</td>"),
    ],
)
def test_counts_are_written_per_locale(client, sixteen_hundred, prefix, count, listed):
    assert count in page(client, f"{prefix}/facilities/")
    assert listed in page(client, f"{prefix}/countries/")


def test_years_are_never_grouped(client, facility):
    body = page(client, "/de/countries/lu/")
    table = body.split('<table id="country-chart-table">')[1].split("</table>")[0]
    years = re.findall(r"<tr><td>([^<]+)</td>", table)
    assert years[0] == "2005" and len(years) > 15
    assert all(re.fullmatch(r"\d{4}", year) for year in years)


# Downloads --------------------------------------------------------------------------------------


def test_downloads_under_a_language_prefix_are_the_english_files(client, closed_and_open):
    for path in ("/data/facilities.csv", "/data/facilities.json"):
        english = client.get(path)
        for language in ("fr", "de", "nl", "es"):
            other = client.get(f"/{language}{path}")
            assert other.status_code == 200
            assert other["Content-Language"] == "en"
            if path.endswith(".csv"):
                assert other.content == english.content
            else:
                assert _without_time(other, prefix=f"/{language}") == _without_time(english)


def _without_time(response, prefix: str = "") -> dict:
    body = json.loads(response.content)
    body.pop("generated")
    body["source"] = body["source"].replace(prefix, "", 1)
    return body


def test_lang_gives_the_labels_of_a_download_in_that_language(client, closed_and_open):
    english = json.loads(client.get("/fr/data/facilities.json").content)
    french = json.loads(client.get("/data/facilities.json?lang=fr").content)
    assert [f["country"]["name"] for f in english["facilities"]] == ["Luxembourg", "Germany"]
    assert [f["country"]["name"] for f in french["facilities"]] == ["Luxembourg", "Allemagne"]
    # codes, numbers and ISO dates do not change with the language
    for key in ("public_id", "status", "model", "status_since", "routes", "location"):
        assert [f[key] for f in french["facilities"]] == [f[key] for f in english["facilities"]]
    rows = list(csv.DictReader(io.StringIO(client.get("/de/data/facilities.csv?lang=de").text)))
    assert [r["status"] for r in rows] == ["open", "closed"]  # codes, never "geschlossen"
    assert rows[1]["url"] == "http://testserver/de/facilities/de-birkenstube/"


def test_an_unknown_lang_is_a_clear_400(client, closed_and_open):
    for path in ("/data/facilities.csv", "/fr/data/facilities.json"):
        response = client.get(path, {"lang": "xx"})
        assert response.status_code == 400
        assert "xx" in response.content.decode() and "fr" in response.content.decode()


def test_a_refused_download_filter_is_explained_in_english_unless_lang_says(client, facility):
    english = client.get("/fr/data/facilities.csv?status=gone")
    assert english.status_code == 422 and "is not one of" in english.content.decode()
    french = client.get("/fr/data/facilities.csv?status=gone&lang=fr")
    assert "ne fait pas partie" in json.loads(french.content)["problems"][0]["message"]


def test_the_api_stays_english_whatever_the_browser_asks(client, closed_and_open):
    response = client.get("/api/v1/facilities", headers={"Accept-Language": "fr"})
    names = [item["country"]["name"] for item in response.json()["items"]]
    assert names == ["Luxembourg", "Germany"]
    missing = client.get("/api/v1/countries/zz", headers={"Accept-Language": "de"})
    assert "is not an ISO 3166-1 alpha-2 country code" in missing.content.decode()


# Translated content: country texts and highlights ----------------------------------------------


@pytest.fixture
def luxembourg(facility):
    country = Country.objects.get(code="LU")
    country.legal_basis_en = "A law of 2001 gives the rooms their basis."
    country.legal_basis_fr = "Une loi de 2001 donne leur base légale aux salles."
    country.political_situation_en = "Both main parties support the rooms."
    country.save()
    return country


def test_a_french_country_page_shows_the_french_text_and_notes_the_english_one(client, luxembourg):
    body = page(client, "/fr/countries/lu/")
    assert '<div lang="fr"><p>Une loi de 2001 donne leur base légale aux salles.</p>' in body
    assert "A law of 2001" not in body
    # no French political text yet: the English one, marked as English, with the note
    assert '<div lang="en"><p>Both main parties support the rooms.</p>' in body
    assert note_in("fr") in body


def test_a_country_page_wholly_translated_has_no_note(client, luxembourg):
    luxembourg.political_situation_fr = "Les deux grands partis soutiennent les salles."
    luxembourg.save()
    body = page(client, "/fr/countries/lu/")
    assert 'class="untranslated"' not in body
    assert 'lang="en"' not in body.split("<main")[1]
    english = page(client, "/countries/lu/")
    assert 'class="untranslated"' not in english and "Both main parties" in english


def test_a_highlight_in_spanish_falls_back_to_english_with_the_note(client, facility):
    Highlight.objects.create(
        month=dt.date(2020, 3, 1),
        facility=facility,
        title_en="Abrigado, Luxembourg",
        text_en="Since **2005**.",
        text_de="Seit **2005**.",
    )
    spanish = page(client, "/es/highlights/2020/3/")
    assert '<h1 lang="en">Abrigado, Luxembourg</h1>' in spanish
    assert '<article class="highlight" lang="en"><p>Since <strong>2005</strong>.</p>' in spanish
    assert note_in("es") in spanish and "Centro del mes de marzo de 2020" in spanish
    german = page(client, "/de/highlights/2020/3/")
    assert '<article class="highlight" lang="de"><p>Seit <strong>2005</strong>.</p>' in german
    assert note_in("de") in german  # the title is still English
    archive = page(client, "/de/highlights/")
    assert 'März 2020 – <span lang="en">Abrigado, Luxembourg</span>' in archive


def test_the_rotation_highlight_is_english_and_noted_as_such(facility):
    facility.description = "A room in the station district."
    facility.save()
    month = timezone.localdate().replace(day=1)
    with translation.override("fr"):
        highlight = highlight_for(month)
        assert highlight.pk is None and highlight.text == "A room in the station district."
        from dcrnet.lib.i18n import falls_back

        assert falls_back(highlight, "text")


def test_the_admin_edits_every_language_side_by_side_and_keeps_the_english_history(
    client, superuser, luxembourg
):
    client.force_login(superuser)
    url = f"/fr/admin/directory/country/{luxembourg.pk}/change/"
    form = page(client, url)
    for field in ("legal_basis_en", "legal_basis_fr", "legal_basis_nl", "political_situation_es"):
        assert f'name="{field}"' in form
    assert "jquery-ui" not in form.lower() and "tabbed_translation" not in form
    response = client.post(
        url,
        {
            "code": "LU",
            "legal_basis_en": "The 2001 law, amended in 2023.",
            "legal_basis_fr": "La loi de 2001, modifiée en 2023.",
            "legal_basis_de": "Das Gesetz von 2001, 2023 geändert.",
            "political_situation_en": "Both main parties support the rooms.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    luxembourg.refresh_from_db()
    assert luxembourg.legal_basis_de == "Das Gesetz von 2001, 2023 geändert."
    # the history keeps the base column, which the admin writes in English
    assert luxembourg.history.first().legal_basis == "The 2001 law, amended in 2023."


def test_the_migration_keeps_existing_texts_as_english():
    from importlib import import_module

    migration = import_module("dcrnet.directory.migrations.0002_translations")
    state = MigrationLoader(connection).project_state(("directory", "0002_translations"))
    country = state.apps.get_model("directory", "Country")
    highlight = state.apps.get_model("directory", "Highlight")
    facility_model = state.apps.get_model("directory", "Facility")
    lu = country.objects.create(code="LU", legal_basis="Law of 2001.", political_situation="")
    room = facility_model.objects.create(
        public_id="lu-x", name="X", city="L", country=lu, latitude=1, longitude=1
    )
    highlight.objects.create(month=dt.date(2020, 1, 1), facility=room, title="T", text="Body")
    migration.english_columns(state.apps, None)
    lu.refresh_from_db()
    assert (lu.legal_basis_en, lu.legal_basis_fr) == ("Law of 2001.", None)
    assert highlight.objects.values_list("title_en", "text_en").get() == ("T", "Body")
