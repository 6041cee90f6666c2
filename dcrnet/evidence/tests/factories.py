"""Small helpers to make references in tests."""

from __future__ import annotations

from dcrnet.evidence.models import Person, Reference, Term
from dcrnet.lib import bulk


def make_reference(
    title: str, year: int = 2011, *, authors=("Marshall BDL",), terms=(), **fields
) -> Reference:
    with bulk.writes():  # indexed once, with its authors and terms, as an import does
        return _make(title, year, authors, terms, fields)


def _make(title: str, year: int, authors, terms, fields: dict) -> Reference:
    ref = Reference.objects.create(title=title, year=year, **fields)
    for position, name in enumerate(authors):
        if name.startswith("{"):
            Person.objects.create(reference=ref, position=position, literal=name.strip("{}"))
        else:
            family, _sep, given = name.partition(" ")
            Person.objects.create(reference=ref, position=position, family=family, given=given)
    for spec in terms:
        ref.terms.add(Term.objects.lookup(spec))
    return ref
