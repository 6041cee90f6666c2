"""Editors keep initiatives in the admin (texts side by side, history); staff read endorsements
and signatures there, and a slug may not hide another page of the section."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from dcrnet.advocacy.models import Initiative

from .conftest import endorsement, make_initiative

pytestmark = pytest.mark.django_db


def test_editors_open_the_initiatives_in_the_admin(as_user, editor, initiative):
    client = as_user(editor)
    assert client.get("/admin/advocacy/initiative/").status_code == 200
    add = client.get("/admin/advocacy/initiative/add/")
    assert add.status_code == 200
    assert 'name="title_fr"' in add.content.decode()
    assert client.get(f"/admin/advocacy/initiative/{initiative.pk}/change/").status_code == 200
    assert client.get(f"/admin/advocacy/initiative/{initiative.pk}/history/").status_code == 200


def test_staff_read_endorsements_and_signatures(as_user, staff, member, initiative, organisation):
    from dcrnet.advocacy import services

    given = endorsement(initiative, organisation)
    services.sign(member, initiative.pk, shown_as="counted")
    client = as_user(staff)
    assert client.get("/admin/advocacy/endorsement/").status_code == 200
    page = client.get(f"/admin/advocacy/endorsement/{given.pk}/change/")
    assert page.status_code == 200 and 'name="status"' not in page.content.decode()
    assert client.get("/admin/advocacy/signature/").status_code == 200
    assert client.get("/admin/advocacy/endorsement/add/").status_code == 403


def test_a_slug_may_not_hide_another_page(db):
    initiative = Initiative(slug="review", title="Review", date="2025-01-01", summary="s", text="t")
    with pytest.raises(ValidationError) as error:
        initiative.full_clean()
    assert "slug" in error.value.message_dict
    make_initiative("Fine", slug="fine").full_clean()
