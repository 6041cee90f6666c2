"""Monitoring in five languages: the translated dictionary and its admin, months and numbers as
each language writes them, downloads that stay neutral unless `?lang=`, charts labelled in the
page's language, and survey emails in the reporter's language."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.contrib.admin.sites import site
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation

from dcrnet.monitoring import indicator_translations, services, survey
from dcrnet.monitoring.models import (
    DictionaryRelease,
    EmailKind,
    Indicator,
    ReporterLanguage,
    SurveyEmail,
    SurveyResponse,
    YearlyValue,
)
from dcrnet.monitoring.tasks import send_survey_email

pytestmark = pytest.mark.django_db
JAN = dt.date(2025, 1, 1)
NBSP = "\u00a0"


@pytest.fixture
def translated():
    indicator_translations.load(DictionaryRelease, Indicator)


@pytest.fixture
def reported(facility, other_facility):
    services.save_month(facility, JAN, {"visits": 1600, "overdoses": 12})
    services.save_month(other_facility, JAN, {"visits": 900, "overdoses": 40})
    return facility


def csv_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


# --- the dictionary as translated content ---------------------------------------------------


def test_the_migration_kept_the_seeded_text_as_the_english_one():
    visits = Indicator.objects.get(code="visits")
    assert visits.title_en == "Visits" and visits.title_fr is None
    assert visits.definition_en.startswith("Number of times anyone entered")
    assert DictionaryRelease.objects.get(version="1.0").changes_en.startswith("First minimum")


def test_the_demo_loads_every_indicator_in_four_languages_with_the_field_terms(translated):
    for indicator in Indicator.objects.all():
        for language in ("fr", "de", "nl", "es"):
            for field in indicator_translations.FIELDS:
                assert getattr(indicator, f"{field}_{language}"), (indicator.code, field, language)
    names = {
        code: [
            getattr(Indicator.objects.get(code=code), f"title_{lang}")
            for lang in "fr de nl es".split()
        ]
        for code in ("visits", "unique_clients", "overdoses")
    }
    assert names["visits"] == ["Passages", "Besuche", "Bezoeken", "Visitas"]
    assert names["unique_clients"] == [
        "Usagers distincts", "Einzelne Klient:innen", "Unieke bezoekers", "Usuarios únicos",
    ]  # fmt: skip
    assert names["overdoses"] == [
        "Surdoses prises en charge sur place",
        "Versorgte Drogennotfälle vor Ort",
        "Behandelde overdoses ter plaatse",
        "Sobredosis atendidas en el centro",
    ]
    release = DictionaryRelease.objects.get(version="1.0")
    assert release.changes_de == "Erster Minimaldatensatz (20 Indikatoren)."


def test_loading_again_changes_nothing_and_keeps_an_editors_text():
    Indicator.objects.filter(code="visits").update(title_fr="Passages (révisé)")
    assert indicator_translations.load(DictionaryRelease, Indicator) == 21
    assert indicator_translations.load(DictionaryRelease, Indicator) == 0
    visits = Indicator.objects.get(code="visits")
    assert visits.title_fr == "Passages (révisé)" and visits.title_de == "Besuche"
    # The history keeps the English text, whatever language filled the translations.
    assert visits.history.first().title == "Visits"


def test_the_dictionary_page_is_in_french_once_translated(client, translated):
    html = client.get("/fr/data/dictionary/").content.decode()
    assert '<span lang="fr">Passages</span>' in html
    assert '<p lang="fr">Nombre de fois où une personne est entrée dans la structure' in html
    assert 'class="untranslated"' not in html
    assert "Version 1.0, publiée le 1 janvier 2026." in html
    assert '<span lang="fr">Premier ensemble minimal de données (20 indicateurs).</span>' in html
    assert "Dictionnaire des indicateurs" in html
    assert 'href="/fr/data/dictionary.csv?lang=fr"' in html
    german = client.get("/de/data/dictionary/").content.decode()
    assert "Version 1.0, veröffentlicht am 1. Januar 2026." in german


def test_an_untranslated_entry_says_so_and_is_marked_english(client):
    html = client.get("/fr/data/dictionary/").content.decode()
    assert '<span lang="en">Visits</span>' in html
    assert '<p lang="en">Number of times anyone entered the facility' in html
    assert html.count('class="untranslated"') == Indicator.objects.current().count()
    assert 'class="untranslated"' not in client.get("/data/dictionary/").content.decode()


def test_the_admin_edits_every_language_side_by_side_without_scripts(client, superuser):
    client.force_login(superuser)
    visits = Indicator.objects.get(code="visits")
    html = client.get(f"/admin/monitoring/indicator/{visits.pk}/change/").content.decode()
    for language in ("en", "fr", "de", "nl", "es"):
        assert f'name="title_{language}"' in html and f'name="definition_{language}"' in html
    assert "tabbed_translation_fields" not in html and "jquery-ui" not in html.lower()
    assert client.get(f"/admin/monitoring/indicator/{visits.pk}/history/").status_code == 200


def test_a_change_in_the_french_admin_is_recorded_with_the_english_text(superuser):
    visits = Indicator.objects.get(code="visits")
    before = visits.history.count()
    request = RequestFactory().post("/fr/admin/monitoring/indicator/")
    request.user = superuser
    with translation.override("fr"):
        visits.title_fr = "Passages"
        site._registry[Indicator].save_model(request, visits, form=None, change=True)
    assert visits.history.count() == before + 1
    assert visits.history.first().title == "Visits"
    with translation.override("fr"):
        assert Indicator.objects.get(code="visits").title == "Passages"


# --- months and numbers as each language writes them ----------------------------------------


@pytest.mark.parametrize(
    ("prefix", "month", "visits"),
    [("", "January 2025", "1,600"), ("/fr", "janvier 2025", f"1{NBSP}600"),
     ("/de", "Januar 2025", "1.600"), ("/es", "enero de 2025", f"1{NBSP}600")],
)  # fmt: skip
def test_chart_tables_name_months_and_group_numbers_per_language(
    client, reported, prefix, month, visits
):
    html = client.get(f"{prefix}/data/facilities/lu-abrigado/?indicator=visits").content.decode()
    assert f'<th scope="row">{month}</th><td>{visits}</td>' in html
    # Years in links and ids stay plain: never "2,025".
    assert "2,025" not in html and "2.025" not in html


def test_a_published_figure_is_grouped_and_its_quotation_marked_with_its_language(client, facility):
    figure = YearlyValue.objects.create(
        facility=facility, indicator=Indicator.objects.get(code="visits"),
        period_start=dt.date(2014, 1, 1), period_end=dt.date(2014, 12, 31), value=59000,
        qualifier="more_than", source="Annual report", source_url="https://example.org/",
    )  # fmt: skip
    with translation.override("en"):
        assert figure.display == "more than 59,000"
    with translation.override("de"):
        assert figure.display == "mehr als 59.000"
    with translation.override("fr"):
        assert figure.display == f"plus de 59{NBSP}000"
    figure.wording = "more than 59,000 supervised injections"
    figure.save()
    html = client.get("/fr/data/facilities/lu-abrigado/").content.decode()
    assert f'<td data-label="Valeur">plus de 59{NBSP}000</td>' in html
    assert 'lang="en">more than 59,000 supervised injections</td>' in html
    assert "<td>janvier 2014 – décembre 2014</td>" in html


# --- charts labelled in the page's language -------------------------------------------------


def test_a_french_dashboard_charts_french_labels(client, reported, translated):
    english = client.get("/data/facilities/lu-abrigado/?indicator=visits").content.decode()
    assert 'data-src="/data/facilities/lu-abrigado/chart.json?indicator=visits"' in english
    data = client.get("/data/facilities/lu-abrigado/chart.json?indicator=visits").json()
    assert data["series"][0]["label"] == "Visits" and data["labels"] == ["January 2025"]

    html = client.get("/fr/data/facilities/lu-abrigado/?indicator=visits").content.decode()
    src = "/fr/data/facilities/lu-abrigado/chart.json?indicator=visits"
    assert f'data-src="{src}"' in html
    data = client.get(src).json()
    assert data["series"][0]["label"] == "Passages"
    assert data["title"] == "Passages" and data["labels"] == ["janvier 2025"]
    assert data["months"] == ["2025-01"] and data["series"][0]["values"] == [1600]
    assert "effectifs de 1 à 4" in data["suppression"]
    # The network's and a country's charts too; the API stays English.
    network = client.get("/fr/data/chart.json?indicator=overdoses").json()
    assert network["series"][0]["label"] == "Surdoses prises en charge sur place"
    assert network["scope"] == "Toutes les structures du réseau"
    country = client.get("/de/data/countries/ca/chart.json?indicator=visits").json()
    assert country["series"][0]["label"] == "Besuche" and country["labels"] == ["Januar 2025"]
    api = client.get("/api/v1/series/network?indicator=overdoses").json()
    assert api["series"][0]["label"] == "Overdoses managed on site"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/fr/data/chart.json", 422),
        ("/fr/data/chart.json?indicator=nothing", 422),
        ("/fr/data/chart.json?indicator=visits&colour=red", 422),
        ("/fr/data/chart.json?indicator=visits&start=2025-13", 422),
        ("/fr/data/countries/zz/chart.json?indicator=visits", 404),
        ("/fr/data/countries/l%00/chart.json?indicator=visits", 400),
        ("/fr/data/facilities/no-such-place/chart.json?indicator=visits", 404),
    ],
)
def test_chart_data_refuses_what_it_does_not_know(client, reported, url, status):
    assert client.get(url).status_code == status


# --- downloads: the same file in every language unless ?lang= -------------------------------


def test_the_dictionary_csv_is_english_unless_asked(client, translated):
    english = csv_text(client.get("/data/dictionary.csv"))
    assert csv_text(client.get("/fr/data/dictionary.csv")) == english
    french = client.get("/fr/data/dictionary.csv?lang=fr")
    assert french["Content-Language"] == "fr"
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(csv_text(french)))}
    english_rows = {r["code"]: r for r in csv.DictReader(io.StringIO(english))}
    assert english_rows["visits"]["name"] == "Visits" and rows["visits"]["name"] == "Passages"
    assert rows["visits"]["definition"].startswith("Nombre de fois")
    # Codes never change with the language.
    for field in ("code", "unit", "breakdown", "breakdown_values", "added_in"):
        assert (
            rows["supervised_consumptions"][field] == english_rows["supervised_consumptions"][field]
        )


def test_monthly_downloads_change_only_their_labels(client, reported):
    english_csv = csv_text(client.get("/data/monthly.csv"))
    assert csv_text(client.get("/fr/data/monthly.csv")) == english_csv
    german_csv = csv_text(client.get("/fr/data/monthly.csv?lang=de"))
    assert "Lizenz: CC BY 4.0" in german_csv.splitlines()[0]
    assert german_csv.splitlines()[2:] == english_csv.splitlines()[2:]

    english = client.get("/data/monthly.json?level=country").json()
    assert client.get("/es/data/monthly.json?level=country").json() == english
    spanish = client.get("/data/monthly.json?level=country&lang=es").json()
    assert spanish["rows"] == english["rows"] and spanish["rows"][0]["month"] == "2025-01"
    assert spanish["suppression"].startswith("Los recuentos de 1 a 4")
    assert spanish["synthetic_note"].startswith("Datos ficticios")


def test_survey_csv_and_upload_template_stay_neutral(client, reporter, reported):
    english = csv_text(client.get("/data/survey.csv"))
    assert csv_text(client.get("/nl/data/survey.csv")) == english
    assert "Licentie" in csv_text(client.get("/data/survey.csv?lang=nl"))
    client.force_login(reporter)
    template = csv_text(client.get("/data/report/lu-abrigado/template.csv"))
    assert csv_text(client.get("/fr/data/report/lu-abrigado/template.csv")) == template
    assert csv_text(client.get("/fr/data/report/lu-abrigado/template.csv?lang=fr")) == template
    assert template.startswith("month,days_open,")


@pytest.mark.parametrize(
    "url",
    [
        "/fr/data/dictionary.csv?lang=xx",
        "/data/monthly.csv?lang=klingon",
        "/fr/data/monthly.json?lang=fr_FR",
        "/data/survey.csv?lang=EN",
        "/de/data/report/lu-abrigado/template.csv?lang=pt",
    ],
)
def test_an_unknown_download_language_is_a_400(client, reporter, url):
    client.force_login(reporter)
    response = client.get(url)
    assert response.status_code == 400
    assert "lang" in response.content.decode()


def test_an_empty_lang_gives_english(client):
    response = client.get("/fr/data/monthly.json?lang=")
    assert response.status_code == 200 and response["Content-Language"] == "en"


# --- reporting and the survey in the reporter's language ------------------------------------


def test_the_upload_error_report_is_in_french(client, reporter, facility):
    client.force_login(reporter)
    upload = SimpleUploadedFile("m.csv", b"month,visits\n2025-01,abc\n", "text/csv")
    response = client.post("/fr/data/report/lu-abrigado/upload/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert f"Rien n'a été enregistré{NBSP}: 1 problème." in html.replace("&#x27;", "'")
    assert f"ligne 2, colonne 2{NBSP}: visits doit être un nombre entier (chiffres 0-9)" in html


def test_a_saved_month_is_named_in_the_page_language(client, reporter, facility):
    client.force_login(reporter)
    response = client.post(
        "/de/data/report/lu-abrigado/2025-03/", {"visits": "1200", "version": ""}, follow=True
    )
    assert "März 2025 gespeichert: 1 Wert geändert." in response.content.decode()
    assert ReporterLanguage.objects.get(user=reporter).language == "de"


def test_survey_emails_go_out_in_the_language_the_reporter_reports_in(client, reporter, facility):
    survey_year = survey.open_survey_year(2026)[0]
    invitation = SurveyEmail.objects.create(
        survey=survey_year, facility=facility, user=reporter, kind=EmailKind.INVITATION
    )
    send_survey_email.call(invitation.pk)
    assert mail.outbox[-1].subject == "DCR survey 2026: please describe your facility"

    client.force_login(reporter)
    client.post("/fr/data/report/lu-abrigado/2025-03/", {"visits": "1200", "version": ""})
    reminder = SurveyEmail.objects.create(
        survey=survey_year, facility=facility, user=reporter, kind=EmailKind.REMINDER_1
    )
    send_survey_email.call(reminder.pk)
    sent = mail.outbox[-1]
    assert sent.subject == f"Rappel{NBSP}: enquête DCR 2026"
    assert sent.body.startswith("Bonjour,")
    assert "/fr/data/survey/2026/lu-abrigado/" in sent.body


def test_the_survey_review_shows_questions_not_codes(client, reporter, editor, facility):
    survey.open_survey_year(2026)
    client.force_login(reporter)
    client.post(
        "/fr/data/survey/2026/lu-abrigado/",
        {"model": "integrated", "visitors_per_day": "1200", "services": ["supervision"],
         "places_injecting": "8", "opens_0": "09:00", "closes_0": "17:30", "submit": "1"},
    )  # fmt: skip
    response = SurveyResponse.objects.get()
    client.force_login(editor)
    html = client.get(f"/fr/data/survey/responses/{response.pk}/").content.decode()
    assert "visitors_per_day" not in html
    assert f"<dt>Nombre moyen de passages par jour</dt><dd>1{NBSP}200</dd>" in html
    assert "09:00–17:30" in html
    english = client.get(f"/data/survey/responses/{response.pk}/").content.decode()
    assert "<dt>Average visitors per day</dt><dd>1,200</dd>" in english


def test_the_catalogues_are_complete():
    import polib
    from django.conf import settings

    for language in ("fr", "de", "nl", "es"):
        path = settings.BASE_DIR / f"dcrnet/monitoring/locale/{language}/LC_MESSAGES/django.po"
        po = polib.pofile(str(path))
        assert po.untranslated_entries() == [] and po.fuzzy_entries() == [], language
        assert json.dumps(po.metadata["Language"]) == json.dumps(language)
