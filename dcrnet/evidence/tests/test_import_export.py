# ruff: noqa: E501 (bibliographic data and sample files keep their lines)
"""Import of RIS, BibTeX, PubMed and CSL-JSON; duplicates; all-or-nothing; round trips."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.evidence import formats, services
from dcrnet.evidence.formats import ReferenceImportError
from dcrnet.evidence.models import Reference

from .test_formats import assert_clear_error_or_valid_records

RIS = """TY  - JOUR
AU  - Marshall, Brandon D. L.
AU  - Milloy, M.-J.
AU  - Kerr, Thomas
TI  - Reduction in overdose mortality after the opening of North America's first medically supervised safer injecting facility
T2  - Lancet
PY  - 2011
VL  - 377
IS  - 9775
SP  - 1429
EP  - 1437
DO  - 10.1016/S0140-6736(10)62353-7
KW  - Insite
KW  - overdose
ER  -

TY  - RPRT
AU  - European Monitoring Centre for Drugs and Drug Addiction
TI  - European report on drug consumption rooms
PY  - 2004
PB  - EMCDDA
CY  - Lisbon
ER  -
"""

BIBTEX = r"""@article{potier2014,
  author = {Potier, Chlo{\'e} and Lapr{\'e}vote, Vincent and Dubois-Arber, Fran{\c{c}}oise},
  title = {Supervised injection services: what has been demonstrated? {A} systematic literature review},
  journal = {Drug and Alcohol Dependence},
  year = {2014},
  volume = {145},
  pages = {48--68},
  doi = {10.1016/j.drugalcdep.2014.10.012}
}

@techreport{msic2003,
  author = {{MSIC Evaluation Committee}},
  title = {Final report of the evaluation of the Sydney Medically Supervised Injecting Centre},
  institution = {MSIC Evaluation Committee},
  year = 2003,
  address = {Sydney}
}
"""

NBIB = """PMID- 31770396
OWN - NLM
TI  - Supervised injection facility use and all-cause mortality among people who
      inject drugs in Vancouver, Canada: A cohort study.
FAU - Kennedy, Mary Clare
AU  - Kennedy MC
FAU - Hayashi, Kanna
AU  - Hayashi K
FAU - Kerr, Thomas
AU  - Kerr T
DP  - 2019 Nov
TA  - PLoS Med
JT  - PLoS medicine
VI  - 16
IP  - 11
PG  - e1002964
LID - 10.1371/journal.pmed.1002964 [doi]
AB  - Background: supervised injection facilities (SIFs) ...
PT  - Journal Article
MH  - *Harm Reduction

PMID- 21497898
TI  - Reduction in overdose mortality after the opening of North America's first medically supervised safer injecting facility: a retrospective population-based study.
FAU - Marshall, Brandon D L
DP  - 2011 Apr 23
TA  - Lancet
VI  - 377
PG  - 1429-37
"""

CSLJSON = json.dumps(
    [
        {
            "type": "article-journal",
            "title": "Overdose prevention centers, crime, and disorder in New York City",
            "author": [
                {"family": "Chalfin", "given": "Aaron"},
                {"family": "del Pozo", "given": "Brandon"},
            ],
            "container-title": "JAMA Network Open",
            "issued": {"date-parts": [[2023, 11]]},
            "volume": "6",
            "issue": "11",
            "page": "e2342228",
            "DOI": "10.1001/jamanetworkopen.2023.42228",
        },
        {
            "type": "journal-article",
            "title": ["Crossref style"],
            "issued": {"date-parts": [[2020]]},
        },
    ],
    indent=2,
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, fmt, count",
    [(RIS, "ris", 2), (BIBTEX, "bibtex", 2), (NBIB, "nbib", 2), (CSLJSON, "csljson", 2)],
)
def test_each_format_is_detected_and_imported(text, fmt, count):
    plan, outcome = services.import_file(text.encode())
    assert plan.format == fmt and len(outcome.created) == count
    assert Reference.objects.count() == count


@pytest.mark.django_db
def test_ris_keeps_authors_in_order_and_all_fields():
    services.import_file(RIS)
    ref = Reference.objects.get(doi="10.1016/S0140-6736(10)62353-7")
    assert [p.family for p in ref.authors()] == ["Marshall", "Milloy", "Kerr"]
    assert (ref.volume, ref.issue, ref.page, ref.container_title) == (
        "377",
        "9775",
        "1429-1437",
        "Lancet",
    )
    assert ref.keywords == "Insite; overdose"
    report = Reference.objects.get(csl_type="report")
    assert report.publisher_place == "Lisbon"


@pytest.mark.django_db
def test_bibtex_latex_accents_and_organisations_are_decoded():
    services.import_file(BIBTEX)
    ref = Reference.objects.get(year=2014)
    assert [p.family for p in ref.authors()] == ["Potier", "Laprévote", "Dubois-Arber"]
    assert ref.authors()[0].given == "Chloé" and ref.authors()[2].given == "Françoise"
    assert ref.page == "48-68"
    report = Reference.objects.get(year=2003)
    assert report.authors()[0].literal == "MSIC Evaluation Committee"


@pytest.mark.django_db
def test_pubmed_continuation_lines_doi_and_pmid():
    services.import_file(NBIB)
    ref = Reference.objects.get(pmid="31770396")
    assert (
        ref.title.startswith("Supervised injection facility use")
        and "who inject drugs" in ref.title
    )
    assert ref.doi == "10.1371/journal.pmed.1002964" and ref.month == 11
    assert ref.authors()[0].given == "Mary Clare"


def test_encodings_bom_cp1252_and_crlf_are_read():
    text = RIS.replace("Milloy, M.-J.", "Laprévote, Vincent")
    for data in (
        b"\xef\xbb\xbf" + text.encode(),
        text.encode("cp1252"),
        text.replace("\n", "\r\n").encode(),
        text.encode("utf-16"),
    ):
        fmt, records = formats.read(data)
        assert fmt == "ris" and records[0].csl["author"][1]["family"] == "Laprévote"


@pytest.mark.django_db
def test_an_invalid_record_stops_the_whole_import_with_its_line_and_field():
    bad = RIS.replace("PY  - 2004", "PY  - someday").replace("DO  - 10.1016", "DO  - 11.1016")
    plan = services.plan_import(bad)
    assert len(plan.invalid) == 2
    messages = [str(p) for p in plan.problems]
    assert any("line 12" in m and "DOI" in m for m in messages)
    assert any("line 20" in m and "issued" in m for m in messages)
    with pytest.raises(ReferenceImportError):
        services.apply_import(plan)
    assert Reference.objects.count() == 0


@pytest.mark.django_db
def test_the_valid_records_can_be_imported_alone():
    plan = services.plan_import(
        RIS.replace("TI  - European report on drug consumption rooms\n", "")
    )
    outcome = services.apply_import(plan, valid_only=True)
    assert len(outcome.created) == 1 and outcome.left_out == 1


@pytest.mark.parametrize(
    "text, where",
    [
        ("TY  - JOUR\nTI  - No end\n", "line 1"),
        ("@article{x,\n title = {unclosed\n", "line"),
        ('[{"title": 1,}]', "line 1"),
        ("hello world", "format"),
    ],
)
def test_unreadable_files_raise_a_clear_error(text, where):
    with pytest.raises(ReferenceImportError) as caught:
        formats.read(text.encode())
    assert where in str(caught.value)


@pytest.mark.django_db
def test_duplicates_by_doi_then_pmid_then_title_year_and_author():
    services.import_file(RIS)
    services.import_file(
        NBIB.split("\n\n")[0].replace("LID - 10.1371/journal.pmed.1002964 [doi]\n", "")
    )
    again = RIS.replace("10.1016/S0140-6736(10)62353-7", "10.1016/S0140-6736(10)62353-7".upper())
    plan = services.plan_import(again)
    assert [i.matched_by for i in plan.duplicates] == ["DOI", "title, year and first author"]
    plan = services.plan_import(NBIB)
    assert [i.matched_by for i in plan.duplicates] == ["PMID"]
    outcome = services.apply_import(plan)
    assert outcome.skipped == 1 and len(outcome.created) == 1


@pytest.mark.django_db
def test_duplicates_can_update_the_existing_reference():
    services.import_file(RIS)
    services.import_file(RIS.replace("VL  - 377", "VL  - 378"), duplicates="update")
    assert Reference.objects.get(doi__iexact="10.1016/s0140-6736(10)62353-7").volume == "378"
    assert Reference.objects.count() == 2


@pytest.mark.django_db
def test_duplicates_inside_one_file_are_reported():
    plan = services.plan_import(RIS + "\n" + RIS)
    assert len(plan.new) == 2 and [i.duplicate_of_line for i in plan.duplicates] == [1, 17]


def _snapshot():
    return sorted(
        (
            r.csl_type,
            r.title,
            r.year,
            r.container_title,
            r.volume,
            r.issue,
            r.page,
            r.doi.lower(),
            r.pmid,
            r.publisher,
            r.keywords,
            tuple((p.family, p.literal) for p in r.authors()),
        )
        for r in Reference.objects.for_detail()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["ris", "bibtex", "csljson"])
def test_exports_round_trip(fmt):
    for text in (RIS, BIBTEX, NBIB, CSLJSON.replace("journal-article", "report")):
        services.import_file(text)
    before = _snapshot()
    exported = formats.WRITERS[fmt](Reference.objects.for_detail())
    Reference.objects.all().delete()
    services.import_file(exported, fmt)
    assert _snapshot() == before


@pytest.mark.django_db
def test_the_command_imports_with_tags_and_dry_run(tmp_path, capsys):
    path = tmp_path / "refs.ris"
    path.write_text(RIS)
    call_command("import_references", str(path), "--dry-run")
    assert Reference.objects.count() == 0 and "2 new" in capsys.readouterr().out
    call_command(
        "import_references", str(path), "--tag", "design:ECO", "--tag", "outcome:overdose-mortality"
    )
    assert Reference.objects.filter(terms__slug="overdose-mortality").count() == 2
    with pytest.raises(Exception, match="nowhere:"):
        call_command("import_references", str(path), "--tag", "nowhere:x")


@pytest.mark.django_db
def test_the_editor_page_shows_a_dry_run_then_imports(client, editor):
    client.force_login(editor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = RIS.replace("PY  - 2004", "PY  - someday")
    response = client.post("/evidence/import/", {"file": SimpleUploadedFile("r.ris", bad.encode())})
    html = response.content.decode()
    assert "Invalid" in html and "line 20" in html and Reference.objects.count() == 0
    token = response.context["confirm"].initial["token"]
    refused = client.post(
        "/evidence/import/", {"confirm": "1", "token": token, "duplicates": "skip"}
    )
    assert refused.status_code == 400 and Reference.objects.count() == 0
    done = client.post(
        "/evidence/import/",
        {"confirm": "1", "token": token, "duplicates": "skip", "valid_only": "on"},
    )
    assert done.status_code == 302 and Reference.objects.count() == 1
    garbage = client.post(
        "/evidence/import/", {"file": SimpleUploadedFile("x.bin", b"\x00\xff garbage")}
    )
    assert garbage.status_code == 400 and "format was not recognised" in garbage.content.decode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), fmt=st.sampled_from([None, *formats.FORMATS]))
def test_any_bytes_give_records_or_a_clear_import_error(data, fmt):
    assert_clear_error_or_valid_records(data, fmt)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=300),
    fmt=st.sampled_from(formats.FORMATS),
    prefix=st.sampled_from(["TY  - JOUR\n", "@article{k,\n", "PMID- 1\n", "[{", ""]),
)
def test_any_text_in_a_format_like_shape_gives_records_or_a_clear_error(text, fmt, prefix):
    assert_clear_error_or_valid_records((prefix + text).encode(), fmt)
