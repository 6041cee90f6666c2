"""Editors' pages for the whole cast: the issues, the preview in each language (text and HTML
parts), approval and resuming are for whoever may change issues (editors, staff); members and
other accounts get 403, signed-out visitors are sent to sign in (GET and POST). Two editors
approving at once: test_parallel.py. Bad input is a 400 or a 404, never a 500."""

from __future__ import annotations

import pytest
from django.core import mail

from dcrnet.newsletter import services
from dcrnet.newsletter.models import Issue, IssueStatus

from .conftest import CAST, LOGIN, status_of

pytestmark = pytest.mark.django_db


def expect(default, **exceptions) -> dict:
    return {name: exceptions.get(name, default) for name in CAST}


def sweep(cast, as_user, method: str, path: str) -> dict:
    return {name: status_of(getattr(as_user(cast[name]), method)(path)) for name in CAST}


def test_the_editors_pages_are_for_editors_and_staff(cast, as_user, issue):
    only_editors = expect(403, anonymous=LOGIN, editor=200, staff=200)
    assert sweep(cast, as_user, "get", "/newsletter/issues/") == only_editors
    assert sweep(cast, as_user, "get", f"/newsletter/issues/{issue.pk}/preview/") == only_editors
    html = f"/newsletter/issues/{issue.pk}/preview/html/"
    assert sweep(cast, as_user, "get", html) == only_editors
    for action in ("approve", "resume"):
        path = f"/newsletter/issues/{issue.pk}/{action}/"
        assert sweep(cast, as_user, "get", path) == expect(405, anonymous=LOGIN)


@pytest.mark.parametrize("who", CAST)
def test_only_editors_and_staff_approve(
    who, cast, as_user, issue, everyone, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(cast[who]).post(f"/newsletter/issues/{issue.pk}/approve/")
    expected = expect(403, anonymous=LOGIN, editor=302, staff=302)[who]
    assert status_of(response) == expected
    issue.refresh_from_db()
    approved = expected == 302
    assert (issue.status != IssueStatus.DRAFT) == approved
    assert len(mail.outbox) == (2 if approved else 0)
    if approved:
        assert response["Location"] == f"/newsletter/issues/{issue.pk}/preview/"
        assert issue.approved_by == cast[who]


def test_the_service_refuses_anyone_but_an_editor(issue, member, non_member):
    for person in (member, non_member, None):
        with pytest.raises(services.NotEditor):
            services.approve(issue.pk, by=person)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_a_second_approval_is_told_it_is_done(
    as_user, editor, staff, issue, everyone, django_capture_on_commit_callbacks
):
    path = f"/newsletter/issues/{issue.pk}/approve/"
    with django_capture_on_commit_callbacks(execute=True):
        assert as_user(editor).post(path).status_code == 302
        response = as_user(staff).post(path)
    assert response.status_code == 409
    assert "already been approved" in response.content.decode()
    assert len(mail.outbox) == 2


def test_a_draft_cannot_be_resumed(as_user, editor, issue):
    response = as_user(editor).post(f"/newsletter/issues/{issue.pk}/resume/")
    assert response.status_code == 409


def test_the_preview_shows_each_language_and_both_parts(as_user, editor, issue):
    client = as_user(editor)
    english = client.get(f"/newsletter/issues/{issue.pk}/preview/")
    body = english.content.decode()
    assert english.status_code == 200
    assert "DCR Network newsletter, November 2026" in body
    assert "Welcome to the November issue." in body
    assert "Approve and send this issue" in body
    french = client.get(f"/newsletter/issues/{issue.pk}/preview/?language=fr").content.decode()
    assert "Bienvenue dans le numéro de novembre." in french
    html = client.get(f"/newsletter/issues/{issue.pk}/preview/html/?language=fr")
    assert html.status_code == 200
    assert html["Content-Type"] == "text/html; charset=utf-8"
    assert "sandbox" in html["Content-Security-Policy"]
    assert "<strong>novembre</strong>" in html.content.decode()
    assert issue.status == IssueStatus.DRAFT  # previewing changes nothing
    assert "Subscribers would read your introduction only." in body  # an empty month


@pytest.mark.parametrize("language", ["xx", "", "FR", "fr&x", "<b>"])
def test_a_bad_language_is_a_400_naming_it(as_user, editor, issue, language):
    for part in ("", "html/"):
        response = as_user(editor).get(
            f"/newsletter/issues/{issue.pk}/preview/{part}", {"language": language}
        )
        if language == "":
            assert response.status_code == 200  # no choice: the page's own language
            continue
        assert response.status_code == 400
        assert "<strong>language</strong>" in response.content.decode()


@pytest.mark.parametrize("issue_id", ["0", "999999", str(2**63), "9" * 30])
def test_an_unknown_issue_is_a_404(as_user, editor, issue_id):
    client = as_user(editor)
    for action in ("preview/", "preview/html/"):
        assert client.get(f"/newsletter/issues/{issue_id}/{action}").status_code == 404
    for action in ("approve/", "resume/"):
        assert client.post(f"/newsletter/issues/{issue_id}/{action}").status_code == 404


def test_the_list_counts_the_audience_per_language(as_user, editor, issue, everyone):
    body = as_user(editor).get("/newsletter/issues/").content.decode()
    assert "2 confirmed subscribers." in body
    assert "English: 1" in body and "French: 1" in body
    assert f'href="/newsletter/issues/{issue.pk}/preview/"' in body


def test_an_approved_issue_cannot_be_edited_in_the_admin(as_user, editor, issue, everyone):
    client = as_user(editor)
    url = f"/admin/newsletter/issue/{issue.pk}/change/"
    assert client.get(url).status_code == 200
    services.approve(issue.pk, by=editor)
    response = client.post(url, {"month": "2026-11-01", "intro_en": "Changed."})
    issue.refresh_from_db()
    assert issue.intro_en != "Changed."
    assert response.status_code in {200, 403}


def test_a_password_alone_opens_no_editors_page(staff):
    """Staff who gave their password but not their second factor are as good as signed out."""
    from django.test import Client

    client = Client()
    response = client.post(
        "/accounts/login/", {"login": staff.email, "password": "a long test passphrase"}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    for path in ("/newsletter/issues/", "/newsletter/issues/1/preview/"):
        assert client.get(path).status_code == 302
    assert client.post("/newsletter/issues/1/approve/").status_code == 302


def test_editors_write_issues_in_the_admin(as_user, editor):
    client = as_user(editor)
    assert client.get("/admin/newsletter/issue/add/").status_code == 200
    response = client.post(
        "/admin/newsletter/issue/add/",
        {"month": "2026-12-15", "intro_en": "December.", "title_en": "", "intro_fr": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    issue = Issue.objects.get(month="2026-12-01")
    assert issue.intro_en == "December." and issue.status == IssueStatus.DRAFT
    assert issue.history.count() == 1
