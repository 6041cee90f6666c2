"""Who sees what: one access rule (`visible_to(user)`) for pages, map, API and downloads."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from dcrnet.directory.models import Facility, Highlight

pytestmark = pytest.mark.django_db

NEXT_MONTH = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)

# Where an unpublished facility may show, and what of it a reader finds there.
DRAFT_READS = [
    ("/facilities/", "Draft House"),
    ("/facilities/lu-draft/", "Draft House"),
    ("/countries/lu/", "Draft House"),
    ("/map/", "Draft House"),
    ("/map/facilities.json", "lu-draft"),
    ("/api/v1/facilities", "lu-draft"),
    ("/data/facilities.csv", "lu-draft"),
    ("/data/facilities.json", "lu-draft"),
    ("/highlights/", "Draft House"),
    (f"/highlights/{NEXT_MONTH.year}/{NEXT_MONTH.month}/", "Scheduled ahead"),
]


@pytest.fixture
def drafts(facility, make_facility):
    """A published facility, an unpublished one, and a highlight scheduled for next month."""
    draft = make_facility("lu-draft", name="Draft House", published=False, routes={"oral": 1})
    Highlight.objects.create(month=NEXT_MONTH, facility=draft, text="Scheduled ahead")
    return draft


@pytest.fixture(params=["anonymous", "member", "reporter"])
def outsider(request, client):
    """Everyone who may not edit the directory."""
    if request.param != "anonymous":
        client.force_login(request.getfixturevalue(request.param))
    return client


@pytest.mark.parametrize(("url", "text"), DRAFT_READS)
def test_the_public_never_sees_an_unpublished_facility_or_a_month_ahead(
    outsider, drafts, url, text
):
    response = outsider.get(url)
    assert response.status_code in (200, 404)
    assert text not in response.content.decode()


@pytest.mark.parametrize(("url", "text"), DRAFT_READS)
def test_editors_see_unpublished_facilities_and_months_ahead_everywhere(
    client, editor, drafts, url, text
):
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_an_editor_sees_that_a_page_is_not_public(client, editor, drafts):
    client.force_login(editor)
    assert "only editors see this facility" in client.get("/facilities/lu-draft/").content.decode()
    highlight = f"/highlights/{NEXT_MONTH.year}/{NEXT_MONTH.month}/"
    assert "only editors see this highlight" in client.get(highlight).content.decode()
    assert "not public yet" in client.get("/highlights/").content.decode()


def test_an_unpublished_facility_is_a_404_for_the_public_in_page_and_api(client, drafts):
    assert client.get("/facilities/lu-draft/").status_code == 404
    assert client.get("/api/v1/facilities/lu-draft").status_code == 404


def test_the_api_counts_only_what_the_reader_may_see(client, editor, drafts):
    assert client.get("/api/v1/facilities").json()["count"] == 1
    client.force_login(editor)
    assert client.get("/api/v1/facilities").json()["count"] == 2


def test_the_access_rule_is_one_queryset_method(member, editor, drafts):
    from django.contrib.auth.models import AnonymousUser

    def ids(user):
        return set(Facility.objects.visible_to(user).values_list("public_id", flat=True))

    assert ids(AnonymousUser()) == ids(member) == {"lu-abrigado"}
    assert ids(editor) == {"lu-abrigado", "lu-draft"}
    assert not Highlight.objects.visible_to(member).exists()
    assert Highlight.objects.visible_to(editor).get().month == NEXT_MONTH


def test_a_scheduled_highlight_of_an_unpublished_facility_is_never_the_public_one(
    client, facility, make_facility
):
    draft = make_facility("lu-draft", name="Draft House", published=False, routes={"oral": 1})
    Highlight.objects.create(month=timezone.localdate(), facility=draft, text="Secret draft")
    assert "Secret draft" not in client.get("/").content.decode()
    assert "Secret draft" not in client.get("/api/v1/highlights").content.decode()
