"""The format readers on hostile input: a clear error naming line and field, or valid records."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dcrnet.evidence import formats
from dcrnet.evidence.formats import ReferenceImportError, bibtex
from dcrnet.evidence.formats.common import CONTROL
from dcrnet.evidence.models import Person, Reference

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def assert_clear_error_or_valid_records(data: bytes | str, fmt: str | None) -> None:
    """The oracle: ReferenceImportError whose every problem names a field and (unless it is
    about the whole file) a line; or records whose problems do the same and whose valid ones the
    database accepts as they are. Any other exception fails the test."""
    try:
        _fmt, records = formats.read(data, fmt)
    except ReferenceImportError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.field and problem.message
            assert problem.line is not None or problem.field == "file", problem
            assert problem.line is None or problem.line >= 1
            assert not CONTROL.search(str(problem)), "a message echoes a control character"
        return
    assert records
    for record in records:
        assert isinstance(record, formats.Record) and record.line >= 1
        for problem in record.problems:
            assert problem.field and problem.line and problem.line >= 1
            assert not CONTROL.search(str(problem))
        if record.valid:
            assert not any(CONTROL.search(s) for s in strings(record.csl))
            Reference(**formats.reference_fields(record.csl)).clean_fields()
            for role in ("author", "editor"):
                for name in record.csl.get(role, []):
                    Person(role=role, **name).clean_fields(exclude=["reference"])
                    assert name.get("family") or name.get("literal")


VALUES = st.one_of(
    st.sampled_from(
        [
            "2011",
            "2011 Mar 5",
            "2011/03/31/",
            "1799",
            "2011-02-30",
            "Kerr, Thomas",
            "Kerr T",
            "{World Health Organization}",
            "Potier, Jr, Chlo{\\'e}",
            "10.1016/x.1",
            "10.1/x",
            "https://doi.org/10.1/y",
            "http://example.org/a",
            "21497898",
            "12a",
            "1429-37",
            "a and b",
            "{",
            "}",
            "\\",
            "$x$",
            "%",
            "~",
            "#",
            "&",
            ",",
            "x" * 1200,
            "",
        ]
    ),
    st.text(max_size=30),
)
RIS_TAGS = [
    "TI",
    "T1",
    "AU",
    "A1",
    "A2",
    "PY",
    "Y1",
    "DA",
    "DO",
    "UR",
    "SP",
    "EP",
    "KW",
    "AN",
    "T2",
    "JO",
    "VL",
    "IS",
    "PB",
    "CY",
    "LA",
    "AB",
    "N1",
    "ZZ",
]
NBIB_TAGS = [
    "TI",
    "FAU",
    "AU",
    "CN",
    "DP",
    "LID",
    "AID",
    "VI",
    "IP",
    "PG",
    "AB",
    "LA",
    "PB",
    "PT",
    "MH",
    "OT",
    "JT",
    "TA",
    "XX",
]
BIBTEX_FIELDS = [
    "title",
    "author",
    "editor",
    "year",
    "date",
    "month",
    "journal",
    "booktitle",
    "doi",
    "url",
    "pmid",
    "pages",
    "volume",
    "number",
    "keywords",
    "publisher",
    "institution",
    "address",
    "Title",
    "AUTHOR",
]
CSL_KEYS = [
    "title",
    "type",
    "author",
    "editor",
    "issued",
    "container-title",
    "DOI",
    "PMID",
    "URL",
    "page",
    "volume",
    "issue",
    "publisher",
    "keyword",
    "abstract",
    "language",
]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | VALUES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
CSL_NAME = st.fixed_dictionaries({}, optional=dict.fromkeys(("family", "given", "literal"), VALUES))
CSL_ITEM = st.fixed_dictionaries(
    {
        "title": st.one_of(st.just("A title"), VALUES),
        "issued": st.one_of(
            st.just({"date-parts": [[2011, 3]]}),
            st.builds(
                lambda parts: {"date-parts": [parts]},
                st.lists(st.integers(-5, 2200) | VALUES, max_size=4),
            ),
            st.builds(lambda raw: {"raw": raw}, VALUES),
            JSON,
        ),
    },
    optional={
        **{k: st.one_of(VALUES, JSON) for k in CSL_KEYS if k not in ("title", "issued")},
        "author": st.lists(st.one_of(CSL_NAME, VALUES, JSON), max_size=3),
    },
)


def _with_base(base: list[tuple[str, str]], lines):
    """Half the records start from a valid core, so the checks of valid records run too."""
    return st.tuples(st.booleans(), lines).map(lambda pair: (base if pair[0] else []) + pair[1])


def _ris(records) -> str:
    return "".join(
        f"TY  - {kind}\n" + "".join(f"{tag}  - {value}\n" for tag, value in lines) + "ER  - \n"
        for kind, lines in records
    )


def _nbib(records) -> str:
    return "".join(
        f"PMID- {pmid}\n" + "".join(f"{tag:<4}- {value}\n" for tag, value in lines)
        for pmid, lines in records
    )


def _bibtex(records) -> str:
    return "".join(
        f"@{kind}{{k{n},\n"
        + ",\n".join(f"  {key} = {{{value}}}" for key, value in fields)
        + "\n}\n"
        for n, (kind, fields) in enumerate(records)
    )


DOCUMENTS = {
    "ris": st.lists(
        st.tuples(
            st.sampled_from(["JOUR", "BOOK", "CHAP", "RPRT", "XXX"]),
            _with_base(
                [("TI", "A title"), ("PY", "2011"), ("AU", "Kerr, Thomas")],
                st.lists(st.tuples(st.sampled_from(RIS_TAGS), VALUES), max_size=6),
            ),
        ),
        min_size=1,
        max_size=3,
    ).map(_ris),
    "nbib": st.lists(
        st.tuples(
            st.integers(1, 10**9),
            _with_base(
                [("TI", "A title."), ("DP", "2011 Mar"), ("FAU", "Kerr, Thomas")],
                st.lists(st.tuples(st.sampled_from(NBIB_TAGS), VALUES), max_size=6),
            ),
        ),
        min_size=1,
        max_size=3,
    ).map(_nbib),
    "bibtex": st.lists(
        st.tuples(
            st.sampled_from(["article", "book", "incollection", "misc", "online"]),
            _with_base(
                [("title", "A {T}itle"), ("year", "2011"), ("author", "Kerr, Thomas")],
                st.lists(st.tuples(st.sampled_from(BIBTEX_FIELDS), VALUES), max_size=6),
            ),
        ),
        min_size=1,
        max_size=3,
    ).map(_bibtex),
    "csljson": st.one_of(st.lists(CSL_ITEM, min_size=1, max_size=3), CSL_ITEM, JSON).map(
        lambda data: json.dumps(data, ensure_ascii=False, indent=1)
    ),
}


@FUZZ
@given(data=st.data(), fmt=st.sampled_from(formats.FORMATS))
def test_format_shaped_files_give_valid_records_or_a_clear_error(data, fmt):
    text = data.draw(DOCUMENTS[fmt])
    assert_clear_error_or_valid_records(text, fmt)


RIS_WITH = "TY  - JOUR\nTI  - {title}\nAU  - Kerr, Thomas\nPY  - 2011\nER  - \n"


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f"])
def test_a_control_character_in_a_field_is_refused_with_its_line_and_field(char):
    _fmt, records = formats.read(RIS_WITH.format(title=f"Overdose{char} mortality").encode())
    [problem] = records[0].problems
    assert (problem.line, problem.field) == (2, "title")
    assert f"U+{ord(char):04X}" in problem.message and char not in str(problem)


@pytest.mark.parametrize(
    "text, line, field",
    [
        ("@article{k,\n  author = {Kerr, T},\n  title = {A\x00b},\n  year = 2011\n}\n", 3, "title"),
        (
            "@article{k,\n  author = {Ke\x07rr, T},\n  title = {Ab},\n  year = 2011\n}\n",
            2,
            "author",
        ),
        ("PMID- 1\nTI  - Title\nFAU - Kerr, Thomas\nDP  - 2011\nAB  - a\x00b\n", 5, "abstract"),
        ('[\n{"title": "a\\u0000b", "issued": {"date-parts": [[2011]]}}\n]', 2, "title"),
        ("TY  - JOUR\nTI  - T\nPY  - 2011\nKW  - x\x1fy\nER  - \n", 4, "keyword"),
    ],
)
def test_control_characters_are_refused_in_every_format(text, line, field):
    _fmt, records = formats.read(text.encode())
    assert [(p.line, p.field) for p in records[0].problems] == [(line, field)]


def test_tab_and_newline_inside_values_are_accepted():
    _fmt, records = formats.read(RIS_WITH.format(title="Overdose\tmortality").encode())
    assert records[0].valid and records[0].csl["title"] == "Overdose mortality"


def test_bibtex_names_follow_bibtex_rules():
    text = (
        "@book{k,\n author = {Ludwig van Beethoven and {World Health Organization} and "
        "Potier, Jr, Chlo{\\'e} and Knuth, Donald E.},\n title = {T}, year = 2001\n}\n"
    )
    _fmt, [record] = formats.read(text)
    assert record.csl["author"] == [
        {"family": "van Beethoven", "given": "Ludwig"},
        {"literal": "World Health Organization"},
        {"family": "Potier", "given": "Chloé Jr"},
        {"family": "Knuth", "given": "Donald E."},
    ]


def test_a_bibtex_name_bibtex_cannot_read_is_named_with_its_line():
    text = "@article{k,\n  title = {T},\n  author = {Kerr, T, x, y},\n  year = 2011\n}\n"
    with pytest.raises(ReferenceImportError) as caught:
        formats.read(text)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (3, "author") and "Too many commas" in problem.message


def test_braces_nested_beyond_reason_are_a_clear_error_not_a_crash():
    text = "@article{k,\n  title = {" + "{" * 400 + "x" + "}" * 400 + "},\n  year = 2011\n}\n"
    _fmt, [record] = formats.read(text)
    assert [(p.line, p.field) for p in record.problems] == [(2, "title")]


def test_latex_special_characters_survive_the_bibtex_writer():
    title = "50% of {braces} & under_scores: $5 ~ #1 \\ Chloé"
    assert bibtex.latex_to_text(bibtex.text_to_latex(title)) == title
