"""Editors maintain the guide in the admin: every language side by side, examples inline, and the
history of changes."""

from __future__ import annotations

import pytest
from django.test import Client

from dcrnet.guide.models import Example, Step

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def test_the_step_form_has_every_language_and_the_examples_inline(editor_client, helped_step):
    body = editor_client.get(f"/admin/guide/step/{helped_step.pk}/change/").content.decode()
    for field in ("title", "summary", "body"):
        for code in ("en", "fr", "de", "nl", "es"):
            assert f'name="{field}_{code}"' in body, (field, code)
    assert 'name="examples-0-note_en"' in body
    assert 'name="documents"' in body and 'name="references"' in body


@pytest.mark.parametrize(
    "path",
    [
        "/admin/guide/step/",
        "/admin/guide/step/add/",
        "/admin/guide/step/{step}/history/",
        "/admin/guide/example/",
        "/admin/guide/example/add/",
        "/admin/guide/example/{example}/change/",
        "/admin/guide/example/{example}/history/",
    ],
)
def test_the_admin_pages_open_for_an_editor(editor_client, helped_step, path):
    example = Example.objects.get(step=helped_step)
    url = path.format(step=helped_step.pk, example=example.pk)
    assert editor_client.get(url).status_code == 200


def test_an_editors_change_is_saved_with_history(editor_client, helped_step, editor):
    page = editor_client.get(f"/admin/guide/step/{helped_step.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["documents"] = [d.pk for d in helped_step.documents.all()]
    data["references"] = [r.pk for r in helped_step.references.all()]
    data["expertise"] = helped_step.expertise_id
    data["title_fr"] = "Coalition et parties prenantes"
    example = Example.objects.get(step=helped_step)
    data.update(
        {
            "examples-TOTAL_FORMS": "1",
            "examples-INITIAL_FORMS": "1",
            "examples-MIN_NUM_FORMS": "0",
            "examples-MAX_NUM_FORMS": "1000",
            "examples-0-id": example.pk,
            "examples-0-step": helped_step.pk,
            "examples-0-facility": example.facility_id,
            "examples-0-note_en": example.note_en,
            "examples-0-source": example.source,
            "examples-0-source_url": example.source_url,
        }
    )
    history_before = helped_step.history.count()
    response = editor_client.post(f"/admin/guide/step/{helped_step.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    step = Step.objects.get(pk=helped_step.pk)
    assert step.title_fr == "Coalition et parties prenantes"
    assert step.history.count() == history_before + 1
    assert step.history.first().history_user == editor


def test_a_member_cannot_open_the_guide_admin(client, member, helped_step):
    client.force_login(member)
    response = client.get("/admin/guide/step/")
    assert response.status_code in (302, 403)
