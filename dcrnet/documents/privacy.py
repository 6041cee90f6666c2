"""Privacy registry of the documents app: field classes, a person's export, erasure.

Documents and their versions are content (public once published). What links to a person: who
suggested, decided, uploaded, the suggester's note to the editors and the editor's reason.
"""

from __future__ import annotations

from dcrnet.community.privacy import PERSONAL, PUBLIC, history, translated

from .models import Document, Status, Version

_DOCUMENT = {
    "id": PUBLIC,
    "title": PUBLIC,
    "slug": PUBLIC,
    "summary": PUBLIC,
    "kind": PUBLIC,
    "perspective": PUBLIC,
    "topic": PUBLIC,
    "country": PUBLIC,
    "language": PUBLIC,
    "organisation": PUBLIC,
    "publisher": PUBLIC,
    "licence": PUBLIC,
    "source_url": PUBLIC,
    "status": PUBLIC,
    "created_at": PUBLIC,
    "updated_at": PUBLIC,
    "is_demo": PUBLIC,
    "decided_at": PUBLIC,
    # Who suggested and decided, and what they wrote to each other: seen by them only.
    "suggested_by": PERSONAL,
    "suggestion_note": PERSONAL,
    "decision_reason": PERSONAL,
    "decided_by": PERSONAL,
}
_VERSION = {
    "id": PUBLIC,
    "document": PUBLIC,
    "number": PUBLIC,
    "date": PUBLIC,
    "change_note": PUBLIC,
    "file": PUBLIC,
    "original_name": PUBLIC,
    "content_type": PUBLIC,
    "size": PUBLIC,
    "sha256": PUBLIC,
    "created_at": PUBLIC,
    "uploaded_by": PERSONAL,
}

FIELDS = {
    "documents.topic": {"id": PUBLIC, "slug": PUBLIC, "position": PUBLIC, **translated("name")},
    "documents.document": _DOCUMENT,
    "documents.historicaldocument": history(**_DOCUMENT),
    "documents.version": _VERSION,
    "documents.historicalversion": history(**_VERSION),
    "documents.document_facilities": {"id": PUBLIC, "document": PUBLIC, "facility": PUBLIC},
    "documents.document_references": {"id": PUBLIC, "document": PUBLIC, "reference": PUBLIC},
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export(user) -> dict[str, list[dict]]:
    suggested = Document.objects.filter(suggested_by=user).select_related("topic")
    uploads = Version.objects.filter(uploaded_by=user).select_related("document")
    return {
        "suggested_documents": [
            {
                "title": d.title,
                "slug": d.slug,
                "status": d.status,
                "kind": d.kind,
                "topic": d.topic.slug,
                "source_url": d.source_url,
                "note_for_editors": d.suggestion_note,
                "decision_reason": d.decision_reason,
                "suggested_at": _when(d.created_at),
                "decided_at": _when(d.decided_at),
            }
            for d in suggested.order_by("created_at", "pk")
        ],
        "uploaded_versions": [
            {
                "document": v.document.slug,
                "number": v.number,
                "original_name": v.original_name,
                "sha256": v.sha256,
                "uploaded_at": _when(v.created_at),
            }
            for v in uploads.order_by("created_at", "pk")
        ],
    }


def erase(user, *, keep_posts: bool) -> None:
    """Published documents stay (they are content), without the link to the person and without
    their note to the editors. Their suggestions that were never published go, with their files
    and history. Links as decider or uploader are cut everywhere, history included."""
    history_document = Document.history.model
    history_version = Version.history.model
    unpublished = Document.objects.filter(suggested_by=user).exclude(status=Status.PUBLISHED)
    doomed = list(unpublished.values_list("pk", flat=True))
    versions = Version.objects.filter(document_id__in=doomed).exclude(file="")
    files = list(versions.values_list("file", flat=True))
    # Deleted here rather than left to a cascade, which would write history rows (with the
    # note) after this function has run; then their history goes too.
    Version.objects.filter(document_id__in=doomed).delete()
    Document.objects.filter(pk__in=doomed).delete()
    history_version.objects.filter(document_id__in=doomed).delete()
    history_document.objects.filter(id__in=doomed).delete()
    storage = Version._meta.get_field("file").storage
    for name in files:
        storage.delete(name)

    Document.objects.filter(suggested_by=user).update(suggested_by=None, suggestion_note="")
    history_document.objects.filter(suggested_by_id=user.pk).update(
        suggested_by=None, suggestion_note=""
    )
    Document.objects.filter(decided_by=user).update(decided_by=None)
    Version.objects.filter(uploaded_by=user).update(uploaded_by=None)
    history_document.objects.filter(decided_by_id=user.pk).update(decided_by=None)
    history_version.objects.filter(uploaded_by_id=user.pk).update(uploaded_by=None)
    for model in (history_document, history_version):
        model.objects.filter(history_user_id=user.pk).update(history_user=None)
