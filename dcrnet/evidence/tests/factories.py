"""Small helpers to make references in tests."""

from __future__ import annotations

from dcrnet.evidence.models import Person, Reference, Term


def make_reference(
    title: str, year: int = 2011, *, authors=("Marshall BDL",), terms=(), **fields
) -> Reference:
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
