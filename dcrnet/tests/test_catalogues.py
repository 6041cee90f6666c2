"""The five languages' catalogues: complete, compiled, and holding every string the code marks.

- every fr/de/nl/es entry is translated, none is fuzzy, plurals have every form, and a
  translation keeps the placeholders and HTML tags of its English;
- the committed .mo files and JavaScript catalogues are what the .po files compile to;
- `makemessages`, run on a copy of the tree, finds no string the catalogues lack (a string
  marked in the code but never added to the catalogues fails here).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGE = ROOT / "dcrnet"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|</?[a-z][^>]*>")


def catalogues(language: str | None = None) -> list[Path]:
    found = sorted(PACKAGE.rglob("locale/*/LC_MESSAGES/*.po"))
    return [p for p in found if language is None or p.parts[-3] == language]


def test_every_app_with_strings_has_a_catalogue_in_every_language():
    files = catalogues()
    assert files, "no catalogue at all"
    for directory in {p.parent.parent.parent for p in files}:
        for language in LANGUAGES:
            assert any(
                (directory / language / "LC_MESSAGES" / name).is_file()
                for name in ("django.po", "djangojs.po")
            ), f"{directory} has no {language} catalogue"
    assert {p.parts[-3] for p in files} == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    problems = []
    for path in catalogues(language):
        po = polib.pofile(str(path))
        where = path.relative_to(ROOT)
        if po.metadata_is_fuzzy:
            problems.append(f"{where}: the header is fuzzy (msgfmt would ignore Plural-Forms)")
        if po.metadata.get("Plural-Forms") != PLURAL_FORMS[language]:
            problems.append(f"{where}: Plural-Forms is {po.metadata.get('Plural-Forms')!r}")
        if po.metadata.get("Language") != language:
            problems.append(f"{where}: Language is {po.metadata.get('Language')!r}")
        for entry in po:
            if entry.obsolete:
                continue
            label = f"{where}: {entry.msgid[:60]!r}"
            if "fuzzy" in entry.flags:
                problems.append(f"{label} is fuzzy")
            if entry.msgid_plural:
                forms = entry.msgstr_plural
                nplurals = int(re.search(r"nplurals=(\d+)", PLURAL_FORMS[language]).group(1))
                if sorted(forms) != list(range(nplurals)) or not all(forms.values()):
                    problems.append(f"{label} lacks a plural form or has one too many")
                translations = list(forms.values())
                english = [entry.msgid_plural]
            else:
                if not entry.msgstr:
                    problems.append(f"{label} is not translated")
                translations = [entry.msgstr]
                english = [entry.msgid]
            for translation in translations:
                if translation and sorted(set(PLACEHOLDER.findall(translation))) != sorted(
                    set(PLACEHOLDER.findall(english[0]))
                ):
                    problems.append(f"{label}: placeholders or tags differ in {translation!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:80])


def test_the_committed_mo_files_are_the_compiled_po_files():
    stale = []
    for path in catalogues():
        mo_path = path.with_suffix(".mo")
        if not mo_path.is_file():
            stale.append(f"{mo_path.relative_to(ROOT)} is missing")
            continue
        po = polib.pofile(str(path))
        mo = polib.mofile(str(mo_path))
        compiled = {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in mo if e.msgid}
        written = {
            (e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in po.translated_entries()
        }
        if compiled != written:
            stale.append(f"{mo_path.relative_to(ROOT)} differs from its .po")
    assert not stale, "run `make messages`:\n" + "\n".join(stale)


def test_the_javascript_catalogues_are_the_compiled_djangojs_files(tmp_path):
    from django.core.management import call_command

    call_command("compilejsi18n", outputdir=str(tmp_path), verbosity=0)
    for code, _name in settings.LANGUAGES:
        built = (tmp_path / code / "djangojs.js").read_text()
        committed = PACKAGE / "static" / settings.STATICI18N_OUTPUT_DIR / code / "djangojs.js"
        assert committed.is_file(), f"{committed} is missing: run `make messages`"
        assert committed.read_text() == built, f"{committed} is stale: run `make messages`"


def test_the_javascript_catalogue_translates_the_chart_button():
    catalogue = (PACKAGE / "static" / "jsi18n" / "fr" / "djangojs.js").read_text()
    found = re.search(r'"Download PNG": ("[^"]*")', catalogue)
    assert found and json.loads(found.group(1)) not in ("", "Download PNG")


def msgids(package: Path) -> dict[str, set[tuple[str | None, str]]]:
    found = {}
    for path in sorted(package.rglob("locale/fr/LC_MESSAGES/*.po")):
        po = polib.pofile(str(path))
        found[str(path.relative_to(package))] = {(e.msgctxt, e.msgid) for e in po if not e.obsolete}
    return found


@pytest.mark.skipif(
    not shutil.which("xgettext") and not os.environ.get("CI"),
    reason="needs GNU gettext (apt install gettext); CI installs it and never skips this",
)
def test_makemessages_finds_no_string_the_catalogues_lack(tmp_path):
    copy = tmp_path / "tree"
    shutil.copytree(
        PACKAGE,
        copy / "dcrnet",
        ignore=shutil.ignore_patterns("__pycache__", "vendor", "*.mo", "*.js.map"),
    )
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    for domain in ("django", "djangojs"):
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-d", domain, "-l", "fr", "-v", "0"],
            cwd=copy,
            check=True,
            capture_output=True,
            env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "dcrnet.settings"},
        )
    before, after = msgids(PACKAGE), msgids(copy / "dcrnet")
    missing = {
        path: sorted(msgid for _ctx, msgid in after[path] - before.get(path, set()))
        for path in after
        if after[path] - before.get(path, set())
    }
    assert not missing, (
        "run `make messages` and translate:\n"
        + json.dumps(missing, indent=1, ensure_ascii=False)[:4000]
    )
