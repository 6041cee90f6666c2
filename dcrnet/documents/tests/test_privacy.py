"""The privacy registry covers every field; a suggester's export and erasure."""

from __future__ import annotations

import pytest
from django.apps import apps

from dcrnet.documents import privacy, services
from dcrnet.documents.models import Document, Status, Version

pytestmark = pytest.mark.django_db


def test_every_field_of_every_model_is_classified():
    for model in apps.get_app_config("documents").get_models(include_auto_created=True):
        label = model._meta.label_lower
        assert label in privacy.FIELDS, label
        names = {f.name for f in model._meta.concrete_fields}
        assert names == set(privacy.FIELDS[label]), (label, names ^ set(privacy.FIELDS[label]))


def test_export_holds_the_suggestions_and_uploads(member, suggestion):
    data = privacy.export(member)
    assert [d["title"] for d in data["suggested_documents"]] == [suggestion.title]
    assert data["suggested_documents"][0]["note_for_editors"] == "We use these every night."
    assert data["uploaded_versions"][0]["document"] == suggestion.slug


def test_erasure_keeps_published_documents_and_drops_pending_ones_with_their_files(
    member, editor, topic, suggestion, private_files
):
    from .conftest import add_file, make_document

    kept = make_document(
        topic, title="Published one", suggested_by=member, suggestion_note="my note"
    )
    add_file(kept, user=member)
    declined = make_document(
        topic, title="Declined one", status=Status.DECLINED, suggested_by=member
    )
    pending_file = suggestion.versions.get().file.name
    assert private_files.exists(pending_file)
    services.decide(editor, suggestion.pk, publish=False, reason="no")  # history with editor
    suggestion.status = Status.SUGGESTED
    suggestion.save()

    privacy.erase(member, keep_posts=False)

    assert not Document.objects.filter(pk__in=[suggestion.pk, declined.pk]).exists()
    assert not private_files.exists(pending_file)
    kept.refresh_from_db()
    assert kept.suggested_by is None and kept.suggestion_note == ""
    assert kept.versions.get().uploaded_by is None
    history = Document.history.model.objects
    assert not history.filter(suggested_by_id=member.pk).exists()
    assert not history.filter(id__in=[suggestion.pk, declined.pk]).exists()
    assert not history.filter(suggestion_note="my note").exists()
    assert not Version.history.model.objects.filter(uploaded_by_id=member.pk).exists()
    assert not history.filter(history_user_id=member.pk).exists()
    assert privacy.export(member) == {"suggested_documents": [], "uploaded_versions": []}


def test_erasing_an_editor_cuts_the_decider_link(editor, suggestion):
    services.decide(editor, suggestion.pk, publish=True)
    privacy.erase(editor, keep_posts=False)
    suggestion.refresh_from_db()
    assert suggestion.status == Status.PUBLISHED and suggestion.decided_by is None
    assert not Document.history.model.objects.filter(decided_by_id=editor.pk).exists()
