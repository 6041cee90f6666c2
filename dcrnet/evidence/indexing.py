"""What of a reference is searchable, with which weight, and keeping the index current."""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import translation

from dcrnet.lib import bulk, search

from .models import Person, Reference, Term


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _in_every_language(names) -> list[str]:
    """Each distinct name once, in the order first met."""
    return list(dict.fromkeys(name for name in names if name))


def term_names(term: Term) -> list[str]:
    return _in_every_language(getattr(term, f"name_{code}", None) for code in _languages())


def country_names(country) -> list[str]:
    names = []
    for code in _languages():
        with translation.override(code):
            names.append(str(country.name))
    return _in_every_language(names)


def document(ref: Reference) -> dict[str, str]:
    """The same whatever language is active when a reference is indexed: tags and countries
    under their names in every language, so a search in any of them finds them."""
    people = sorted(ref.people.all(), key=lambda p: (p.role, p.position))
    keywords = [ref.keywords]
    keywords += [name for term in ref.terms.all() for name in term_names(term)]
    keywords += [f"{f.name} {f.city}" for f in ref.facilities.all()]
    keywords += [name for country in ref.countries.all() for name in country_names(country)]
    return {
        "title": ref.title,
        "authors": "; ".join(p.literal or f"{p.given} {p.family}".strip() for p in people),
        "keywords": "; ".join(k for k in keywords if k),
        "body": "\n".join(
            part for part in (ref.container_title, ref.abstract, ref.notes, ref.publisher) if part
        ),
    }


INDEX = search.register(
    Reference,
    fields={"title": "A", "authors": "B", "keywords": "B", "body": "C"},
    document=document,
    related=("people", "terms", "facilities", "countries"),
)


def _update(pks) -> None:
    search.update_pks(Reference, pks)


def reindex(pks) -> None:
    pks = set(pks)
    if not bulk.defer(("evidence", "references"), pks, _update):
        _update(pks)


def _reference_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex([instance.pk])


def _reference_deleted(sender, instance, **kwargs):
    search.remove(Reference, instance.pk)


def _person_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if Reference.objects.filter(pk=instance.reference_id).exists():
        reindex([instance.reference_id])


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and not isinstance(instance, Reference):
        # term.references.clear(): which references lose it, read while the rows exist
        instance._cleared_references = list(instance.references.values_list("pk", flat=True))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Reference):
        reindex([instance.pk])
    elif pk_set:
        reindex(pk_set)
    elif action == "post_clear":
        reindex(getattr(instance, "_cleared_references", ()))


def _tag_deleting(sender, instance, **kwargs):
    """A term, facility or country about to go: its rows in the through table go with it,
    without a signal; the references that held it are indexed again once it is gone."""
    instance._tagged_references = list(instance.references.values_list("pk", flat=True))


def _tag_deleted(sender, instance, **kwargs):
    reindex(getattr(instance, "_tagged_references", ()))


def _term_saved(sender, instance, created=False, raw=False, **kwargs):
    if not created and not raw:
        reindex(instance.references.values_list("pk", flat=True))


def connect() -> None:
    post_save.connect(_term_saved, sender=Term, dispatch_uid="evidence-term-saved")
    post_save.connect(_reference_saved, sender=Reference, dispatch_uid="evidence-ref-saved")
    post_delete.connect(_reference_deleted, sender=Reference, dispatch_uid="evidence-ref-del")
    post_save.connect(_person_changed, sender=Person, dispatch_uid="evidence-person-saved")
    post_delete.connect(_person_changed, sender=Person, dispatch_uid="evidence-person-del")
    for field in ("terms", "facilities", "countries"):
        through = getattr(Reference, field).through
        m2m_changed.connect(
            _tags_changed, sender=through, dispatch_uid=f"evidence-{through.__name__}"
        )
        tag = Reference._meta.get_field(field).related_model
        pre_delete.connect(_tag_deleting, sender=tag, dispatch_uid=f"evidence-{field}-deleting")
        post_delete.connect(_tag_deleted, sender=tag, dispatch_uid=f"evidence-{field}-deleted")
