"""`makemessages` with the project's rules: no fuzzy guesses, file-level locations, no obsolete
entries, and what is not the product (tests, benchmarks, collected static files, vendored scripts,
the generated JavaScript catalogues) left out. `make messages` runs it for every language and both
domains; a test runs it on a copy of the tree and fails if it finds a string the catalogues lack."""

from __future__ import annotations

from django.core.management.commands import makemessages

IGNORED = [
    "staticfiles/*",
    "bench/*",
    "testing/*",
    "*/tests/*",
    "tests/*",
    "conftest.py",
    "dcrnet/static/vendor/*",
    "dcrnet/static/jsi18n/*",
    "static/vendor/*",
    "static/jsi18n/*",
]


class Command(makemessages.Command):
    # A new msgid starts untranslated (never a "fuzzy" guess from a similar one); entries keep the
    # file they come from but not the line, so moving code does not rewrite every catalogue.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*(options.get("ignore_patterns") or []), *IGNORED]
        options["no_obsolete"] = True
        options["add_location"] = options.get("add_location") or "file"
        return super().handle(*args, **options)
