"""The library in five languages: interface, facet labels, translated vocabularies with their
"not yet translated" note, neutral downloads, the index and filters by slug, the API in English."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from dcrnet.evidence import indexing
from dcrnet.evidence.models import Certainty, EvidenceSummary, Person, Reference, Term

from .factories import make_reference
from .test_import_export import RIS

pytestmark = pytest.mark.django_db
# The shared templates' note (a variable: this catalogue must not take it in)
NOTE = "Not yet translated: this text is shown in English."

# (language, interface strings, the design facet's label, a translated outcome name)
SEARCH_PAGES = [
    ("fr", ["Affiner les résultats", "Rechercher dans la bibliothèque"], "Type d'étude",
     "Mortalité par surdose"),
    ("de", ["Ergebnisse eingrenzen", "Bibliothek durchsuchen"], "Studiendesign",
     "Todesfälle durch Überdosis"),
    ("nl", ["Resultaten verfijnen", "Bibliotheek doorzoeken"], "Onderzoeksopzet",
     "Sterfte door overdosis"),
    ("es", ["Acotar los resultados", "Buscar en la biblioteca"], "Diseño del estudio",
     "Mortalidad por sobredosis"),
]  # fmt: skip


def text(response) -> str:
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def facet_labels(response, name: str) -> list[str]:
    facet = next(f for f in response.context["result"].facets if f.name == name)
    return [value.label for value in facet.values]


@pytest.mark.parametrize("language, interface, design_label, outcome_name", SEARCH_PAGES)
def test_the_search_page_speaks_each_language_down_to_the_facet_labels(
    client, library, language, interface, design_label, outcome_name
):
    response = client.get(f"/{language}/evidence/")
    html = text(response)
    assert f'<html lang="{language}"' in html
    for phrase in interface:
        assert phrase in html
    assert f'<summary id="facet-design">{escape(design_label)}</summary>' in html
    assert outcome_name in facet_labels(response, "outcome")
    assert "Overdose mortality" not in html and "Narrow the results" not in html
    # facet links keep the language and filter by slug
    assert 'href="?outcome=overdose-mortality"' in html
    assert f'action="/{language}/evidence/"' in html


def test_a_french_filter_by_outcome_selects_what_the_english_one_selects(client, library):
    english = client.get("/evidence/", {"outcome": "overdose-mortality", "design": "ecological"})
    french = client.get("/fr/evidence/", {"outcome": "overdose-mortality", "design": "ecological"})
    assert french.context["result"].total == english.context["result"].total == 1
    assert [r.pk for r in french.context["result"].references] == [library["marshall"].pk]
    chosen = [v for v in facet_labels(french, "outcome") if v == "Mortalité par surdose"]
    assert chosen and 'aria-current="true" class="selected"' in text(french)
    unknown = client.get("/fr/evidence/", {"outcome": "Mortalité par surdose"})
    assert escape("Mortalité par surdose n'est pas un critère de résultat connu") in text(unknown)


def test_the_index_is_the_same_whatever_language_indexes_and_finds_french_names(client, library):
    ref = Reference.objects.for_detail().get(pk=library["marshall"].pk)
    documents = []
    for language in ("en", "fr", "de", "nl", "es"):
        with translation.override(language):
            documents.append(indexing.document(ref))
    assert all(document == documents[0] for document in documents)
    assert "Mortalité par surdose" in documents[0]["keywords"]
    assert "Overdose mortality" in documents[0]["keywords"]
    # a tag's French name finds its references in any language; the page shows them in French
    found = client.get("/fr/evidence/", {"q": "surdose"}).context["result"]
    assert {r.pk for r in found.references} == {library["marshall"].pk, library["potier"].pk}


def test_renaming_a_term_in_french_reindexes_and_keeps_the_english_history(library):
    term = Term.objects.get(slug="hiv")
    with translation.override("fr"):
        term.name = "Infection par le VIH"  # the French column, as the French admin writes it
        term.save()
    term.refresh_from_db()
    assert term.name_fr == "Infection par le VIH" and term.name_en == "HIV"
    assert term.history.first().name == "HIV"  # the history keeps the English base column
    hits = Reference.objects.filter(pk__in=[library["potier"].pk])
    ref = hits.for_detail().get()
    assert "Infection par le VIH" in indexing.document(ref)["keywords"]


def test_the_outcome_page_shows_translated_texts_and_notes_what_is_not_translated(client, library):
    outcome = Term.objects.get(slug="overdose-mortality")
    summary = EvidenceSummary.objects.create(
        outcome=outcome, certainty=Certainty.MODERATE, rationale_en="Consistent ecological data."
    )
    summary.references.add(library["marshall"])
    html = text(client.get("/fr/evidence/outcomes/overdose-mortality/"))
    assert '<h1 lang="fr">Mortalité par surdose</h1>' in html
    assert '<div lang="fr"><p>Décès par surdose' in html
    assert "Modéré" in html and "Niveau de preuve GRADE" in html
    # the rationale has no French yet: English, marked as such, with a note in French
    assert '<div lang="en"><p>Consistent ecological data.</p>' in html
    with translation.override("fr"):
        assert html.count(translation.gettext(NOTE)) == 1
    summary.rationale_fr = "Des données écologiques concordantes."
    summary.save()
    html = text(client.get("/fr/evidence/outcomes/overdose-mortality/"))
    assert '<div lang="fr"><p>Des données écologiques concordantes.</p>' in html
    assert "traduit" not in html
    english = text(client.get("/evidence/outcomes/overdose-mortality/"))
    assert "Consistent ecological data." in english and "Moderate" in english


def test_a_term_without_a_translation_falls_back_to_english_with_lang(client, library):
    Term.objects.filter(slug="crime").update(name_de=None, description_de=None)
    response = client.get("/de/evidence/")
    html = text(response)
    assert '<span lang="en">Crime and dealing</span>' in html
    page = text(client.get("/de/evidence/outcomes/crime/"))
    assert '<h1 lang="en">Crime and dealing</h1>' in page
    with translation.override("de"):
        note = translation.gettext(NOTE)
    assert note in page and note != NOTE


def test_the_map_names_designs_and_outcomes_in_the_visitors_language(client, library):
    html = text(client.get("/es/evidence/map/"))
    assert "Mapa de la evidencia" in html
    assert "Estudio ecológico, serie temporal, diferencias en diferencias" in html
    assert "Mortalidad por sobredosis" in html
    assert 'aria-label="1 referencia: Mortalidad por sobredosis, Revisión sistemática"' in html
    assert 'href="/api/v1/evidence-map"' in html  # the API keeps its unprefixed address


def test_page_messages_are_translated_and_the_api_keeps_english(client, library):
    page = text(client.get("/nl/evidence/", {"year_from": "1700", "sort": "random"}))
    assert "moet 1800 of meer zijn" in page
    assert "moet een van deze waarden zijn: relevance, newest, oldest" in page
    api = client.get("/api/v1/references", {"year_from": "1700"}, HTTP_COOKIE="language=fr")
    assert api.status_code == 422 and "greater than or equal to 1800" in str(api.json())
    data = client.get(
        "/api/v1/references",
        {"outcome": "overdose-mortality"},
        HTTP_ACCEPT_LANGUAGE="fr",
        HTTP_COOKIE="language=fr",
    ).json()
    assert {t["name"] for r in data["results"] for t in r["tags"]} >= {"Overdose mortality"}
    labels = {f["name"]: f["label"] for f in data["facets"]}
    assert labels["design"] == "Study design" and labels["years"] == "Year published"


def chapter() -> Reference:
    ref = make_reference(
        "Drug consumption facilities in Europe and beyond",
        2010,
        authors=["Hedrich D", "Kerr T"],
        csl_type="chapter",
        container_title="Harm reduction: evidence, impacts and challenges",
        publisher="EMCDDA",
        publisher_place="Lisbon",
        page="305-331",
    )
    Person.objects.create(reference=ref, role=Person.Role.EDITOR, family="Rhodes", given="T")
    return ref


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "csljson", "apa", "vancouver"])
def test_exports_from_a_french_page_are_the_english_files(client, library, fmt):
    ref = chapter()
    query = {"format": fmt, "ids": [ref.pk, library["marshall"].pk]}
    english = client.get("/evidence/export/", query)
    french = client.get("/fr/evidence/export/", query)
    assert french.status_code == english.status_code == 200
    assert french.content == english.content
    assert french["Content-Language"] == "en"
    one = client.get(f"/de/evidence/references/{ref.pk}/export/{fmt}/")
    assert one.content == client.get(f"/evidence/references/{ref.pk}/export/{fmt}/").content


def test_lang_gives_a_bibliography_its_labels_and_never_changes_data_files(client, library):
    ref = chapter()
    english = client.get("/fr/evidence/export/", {"format": "apa", "ids": ref.pk}).content
    french = client.get("/fr/evidence/export/", {"format": "apa", "ids": ref.pk, "lang": "fr"})
    assert "(ed.)" in english.decode() and "(éd.)" in french.content.decode()
    assert french["Content-Language"] == "fr"
    german = client.get(f"/evidence/references/{ref.pk}/export/vancouver/", {"lang": "de"})
    assert "Herausgeber" in german.content.decode()
    ris = client.get("/evidence/export/", {"format": "ris", "ids": ref.pk})
    assert client.get(
        "/evidence/export/", {"format": "ris", "ids": ref.pk, "lang": "es"}
    ).content == (ris.content)


@pytest.mark.parametrize(
    "url", ["/fr/evidence/export/?format=ris", "/evidence/references/{pk}/export/bibtex/"]
)
def test_an_unknown_lang_is_a_clear_400(client, library, url):
    response = client.get(url.format(pk=library["marshall"].pk), {"lang": "klingon"})
    assert response.status_code == 400
    assert "lang" in response.content.decode() and "klingon" in response.content.decode()


def test_a_refused_export_speaks_english_unless_lang_says_otherwise(client, library):
    english = client.get("/fr/evidence/export/", {"year_from": "1700"}).content.decode()
    assert english.startswith("Nothing was exported:") and "1800 or more" in english
    spanish = client.get("/fr/evidence/export/", {"year_from": "1700", "lang": "es"})
    assert spanish.content.decode().startswith("No se exportó nada:")


def test_the_reference_page_cites_in_the_page_language(client, library):
    ref = chapter()
    html = text(client.get(f"/fr/evidence/references/{ref.pk}/"))
    assert "APA, 7e édition" in html and "Style Vancouver (NLM)" in html
    assert "(éd.)" in html and "Éditeur·rices scientifiques" in html
    assert "(ed.)" in text(client.get(f"/evidence/references/{ref.pk}/"))


def test_feeds_follow_the_language_of_their_address(client, library):
    rss = client.get("/fr/evidence/feed.rss").content.decode()
    assert "<title>Réseau DCR\xa0: nouvelles références</title>" in rss
    assert "<language>fr</language>" in rss and "/fr/evidence/references/" in rss
    atom = client.get("/de/evidence/outcomes/overdose-mortality/feed.atom").content.decode()
    assert "DCR-Netzwerk: neue Publikationen zu Todesfälle durch Überdosis" in atom
    assert "<language>en</language>" in client.get("/evidence/feed.rss").content.decode()


def test_import_problems_are_shown_in_the_editors_language_with_line_and_field(client, editor):
    client.force_login(editor)
    bad = RIS.replace("PY  - 2004", "PY  - someday")
    response = client.post(
        "/es/evidence/import/", {"file": SimpleUploadedFile("r.ris", bad.encode())}
    )
    html = text(response)
    assert "línea 20, issued: «someday» no es un año" in html
    assert "No válido" in html and "Importación: contenido del archivo" in html
    garbage = client.post(
        "/fr/evidence/import/", {"file": SimpleUploadedFile("x.bin", b"\x00\xff garbage")}
    )
    assert garbage.status_code == 400
    assert escape("fichier\xa0: Le format n'a pas été reconnu") in garbage.content.decode()


def test_the_suggestion_form_answers_in_the_visitors_language(client):
    response = client.post("/de/evidence/suggest/", {"pmid": "abc"})
    html = text(response)
    assert "Eine PMID ist eine Zahl mit höchstens neun Ziffern." in html
    sent = client.post("/de/evidence/suggest/", {"pmid": "21497898"}, follow=True)
    assert "Vielen Dank: Die Redaktion wird Ihren Vorschlag prüfen." in text(sent)
    assert sent.redirect_chain[-1][0] == "/de/evidence/suggest/"


def test_the_admin_edits_term_names_in_every_language_side_by_side(client, superuser):
    client.force_login(superuser)
    term = Term.objects.get(slug="cohort")
    url = f"/fr/admin/evidence/term/{term.pk}/change/"
    form = text(client.get(url))
    for field in ("name_en", "name_fr", "name_de", "description_nl", "description_es"):
        assert f'name="{field}"' in form
    assert "jquery-ui" not in form.lower() and "tabbed_translation" not in form
    data = {
        "vocabulary": "design",
        "slug": "cohort",
        "code": "COH",
        "position": "2",
        "pubmed_types": "Observational Study",
        "name_en": "Cohort study",
        "name_fr": "Étude de cohorte prospective",
        "description_en": "People followed over time.",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    term.refresh_from_db()
    assert term.name_fr == "Étude de cohorte prospective" and term.name_de is None
    assert term.history.first().name == "Cohort study"
    summary_form = text(client.get("/admin/evidence/evidencesummary/add/"))
    assert 'name="rationale_en"' in summary_form and 'name="rationale_fr"' in summary_form


@pytest.mark.parametrize(
    "language, total, count",
    [("en", "1,600", "1,234"), ("de", "1.600", "1.234"), ("fr", "1\xa0600", "1\xa0234")],
)
def test_counts_on_the_search_page_are_formatted_per_locale(rf, language, total, count):
    from django.template.loader import render_to_string

    from dcrnet.evidence.selectors import Facet, FacetValue, SearchParams, SearchResult

    values = [FacetValue("rct", "RCT", 1234)]
    result = SearchResult(SearchParams(), 1600, [], {}, {}, [Facet("design", "Design", values)])
    with translation.override(language):
        html = render_to_string(
            "evidence/search.html#results",
            {"result": result, "export_formats": [], "query_string": ""},
            request=rf.get("/"),
        )
    assert f"{total} " in html and f'<span class="count">{count}</span>' in html
    assert "2,024" not in html and "2.024" not in html


def test_the_migration_keeps_existing_texts_as_english_and_translates_the_seed_terms():
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    migration = import_module("dcrnet.evidence.migrations.0005_translations")
    state = MigrationLoader(connection).project_state(("evidence", "0005_translations"))
    term_model = state.apps.get_model("evidence", "Term")
    summary_model = state.apps.get_model("evidence", "EvidenceSummary")
    term_model.objects.all().delete()
    columns = {f"{f}_{code}": None for f in ("name", "description") for code in ("en", "fr", "de")}
    cohort = term_model.objects.create(
        vocabulary="design", slug="cohort", code="COH", name="Cohort study", **columns
    )
    renamed = term_model.objects.create(
        vocabulary="outcome",
        slug="crime",
        code="CRIME",
        name="Crime",
        description="Ours.",
        **columns,
    )
    summary = summary_model.objects.create(
        outcome=renamed, certainty="low", rationale="Two ecological studies."
    )
    migration.english_columns(state.apps, None)
    cohort.refresh_from_db()
    renamed.refresh_from_db()
    summary.refresh_from_db()
    assert (cohort.name_en, cohort.name_fr, cohort.name_de) == (
        "Cohort study",
        "Étude de cohorte",
        "Kohortenstudie",
    )
    assert cohort.description_en.startswith("A group of people is followed over time")
    assert (renamed.name_en, renamed.description_en, renamed.name_fr) == ("Crime", "Ours.", None)
    assert summary.rationale_en == "Two ecological studies."
