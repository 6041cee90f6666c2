"""Who may do what on every documents URL (the cast: anonymous, a signed-in non-member, the
member who suggested, another member, an editor, staff), and IDOR on drafts and their files."""

from __future__ import annotations

import pytest

from dcrnet.documents.models import Document, Status, Version
from dcrnet.lib.tests import upload_files as files

from .conftest import CAST

pytestmark = pytest.mark.django_db

LOGIN = "login"


def status_of(response) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return LOGIN
    return response.status_code


def sweep(cast, as_user, method: str, path: str, data=None) -> dict[str, int | str]:
    found = {}
    for name in CAST:
        client = as_user(cast[name])
        response = (
            getattr(client, method)(path, data)
            if data is not None
            else (getattr(client, method)(path))
        )
        found[name] = status_of(response)
    return found


def everyone(status) -> dict:
    return dict.fromkeys(CAST, status)


def test_list_page_and_published_document_are_public(cast, as_user, published):
    assert sweep(cast, as_user, "get", "/documents/") == everyone(200)
    assert sweep(cast, as_user, "get", f"/documents/{published.slug}/") == everyone(200)


def test_a_published_file_is_downloadable_by_anyone(cast, as_user, published):
    path = f"/documents/{published.slug}/v1/download/"
    assert sweep(cast, as_user, "get", path) == everyone(200)


def test_a_suggestion_and_its_file_are_seen_by_its_author_and_editors_only(
    cast, as_user, suggestion
):
    expected = {
        "anonymous": 404,
        "non_member": 404,
        "member": 200,  # the author
        "other_member": 404,  # IDOR: someone else's draft
        "editor": 200,
        "staff": 200,
    }
    assert sweep(cast, as_user, "get", f"/documents/{suggestion.slug}/") == expected
    path = f"/documents/{suggestion.slug}/v1/download/"
    assert sweep(cast, as_user, "get", path) == expected


def test_a_declined_suggestion_stays_private(cast, as_user, suggestion):
    suggestion.status = Status.DECLINED
    suggestion.decision_reason = "Not a DCR document."
    suggestion.save()
    result = sweep(cast, as_user, "get", f"/documents/{suggestion.slug}/")
    assert result["other_member"] == 404 and result["anonymous"] == 404
    assert result["member"] == 200 and result["editor"] == 200


def test_suggesting_is_for_members(cast, as_user, topic):
    expected = {
        "anonymous": LOGIN,
        "non_member": 403,
        "member": 200,
        "other_member": 200,
        "editor": 403,  # editors who are not members review; they do not suggest
        "staff": 403,
    }
    assert sweep(cast, as_user, "get", "/documents/suggest/") == expected
    assert sweep(cast, as_user, "post", "/documents/suggest/", {})["non_member"] == 403
    assert sweep(cast, as_user, "post", "/documents/suggest/", {})["anonymous"] == LOGIN


def test_own_suggestions_page_needs_a_sign_in_and_shows_only_ones_own(
    cast, as_user, suggestion, member, other_member
):
    result = sweep(cast, as_user, "get", "/documents/suggestions/mine/")
    assert result == {**everyone(200), "anonymous": LOGIN}
    assert suggestion.title in as_user(member).get("/documents/suggestions/mine/").content.decode()
    other = as_user(other_member).get("/documents/suggestions/mine/").content.decode()
    assert suggestion.title not in other


def test_review_queue_is_for_editors(cast, as_user, suggestion):
    expected = {
        "anonymous": LOGIN,
        "non_member": 403,
        "member": 403,
        "other_member": 403,
        "editor": 200,
        "staff": 200,
    }
    assert sweep(cast, as_user, "get", "/documents/review/") == expected


def test_only_editors_decide(cast, as_user, suggestion):
    path = f"/documents/review/{suggestion.pk}/decide/"
    data = {"decision": "decline", "reason": "Duplicate."}
    for name in ("anonymous", "non_member", "member", "other_member"):
        response = as_user(cast[name]).post(path, data)
        assert status_of(response) in (LOGIN, 403), name
        suggestion.refresh_from_db()
        assert suggestion.status == Status.SUGGESTED
    assert as_user(cast["editor"]).get(path).status_code == 405
    assert as_user(cast["editor"]).post(path, data).status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Status.DECLINED


def test_adding_a_version_is_for_editors(cast, as_user, published):
    path = f"/documents/{published.slug}/versions/new/"
    expected = {
        "anonymous": LOGIN,
        "non_member": 403,
        "member": 403,
        "other_member": 403,
        "editor": 200,
        "staff": 200,
    }
    assert sweep(cast, as_user, "get", path) == expected
    upload = files.upload(files.pdf(), "v2.pdf")
    response = as_user(cast["member"]).post(
        path, {"date": "2025-01-01", "change_note": "x", "file": upload}
    )
    assert response.status_code == 403
    assert Version.objects.filter(document=published).count() == 1


def test_no_version_on_a_suggestion_from_the_site(as_user, editor, suggestion):
    path = f"/documents/{suggestion.slug}/versions/new/"
    assert as_user(editor).get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/documents/no-such-document/",
        "/documents/no-such-document/v1/download/",
        "/documents/overdose-response-protocol/v2/download/",
        "/documents/overdose-response-protocol/v0/download/",
        "/documents/overdose-response-protocol/v99999999999999999999999999/download/",
        "/documents/overdose-response-protocol/vx/download/",
        "/documents/%2e%2e%2f%2e%2e%2fetc/",
    ],
)
def test_unknown_or_hostile_paths_are_404(client, published, path):
    assert client.get(path).status_code == 404


def test_huge_ids_in_decide_are_404(as_user, editor):
    response = as_user(editor).post(
        "/documents/review/99999999999999999999999999/decide/", {"decision": "publish"}
    )
    assert response.status_code == 404


def test_a_version_without_a_file_has_no_download(client, published):
    Version.objects.create(document=published, number=2, date="2025-01-01", change_note="Link")
    assert client.get(f"/documents/{published.slug}/v2/download/").status_code == 404


def test_downloads_are_sandboxed_attachments(client, as_user, published, suggestion, member):
    public = client.get(f"/documents/{published.slug}/v1/download/")
    assert public["Content-Disposition"].startswith('attachment; filename="protocol.pdf"')
    assert public["X-Content-Type-Options"] == "nosniff"
    assert public["Content-Security-Policy"].startswith("sandbox")
    assert public["Content-Type"] == "application/pdf"
    assert public["Cache-Control"].startswith("public")
    assert b"".join(public.streaming_content).startswith(b"%PDF-")
    private = as_user(member).get(f"/documents/{suggestion.slug}/v1/download/")
    directives = {d.strip() for d in private["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives
    assert private["Content-Security-Policy"].startswith("sandbox")


def test_stored_names_do_not_come_from_the_upload(member, topic, private_files):
    from dcrnet.documents import services
    from dcrnet.lib.uploads import validate_upload

    checked = validate_upload(files.upload(files.pdf(), "../../evil.pdf"))
    document = services.suggest(
        member,
        fields={
            "title": "Climbing name",
            "summary": "",
            "kind": "protocol",
            "perspective": "both",
            "topic": topic,
            "country": "",
            "language": "en",
            "organisation": None,
            "publisher": "",
            "licence": "",
            "source_url": "",
        },
        checked=checked,
    )
    version = document.versions.get()
    assert version.original_name == "evil.pdf"
    assert version.file.name.startswith("documents/")
    assert "evil" not in version.file.name and ".." not in version.file.name
    stored = private_files.path(version.file.name)
    assert stored.startswith(str(private_files.location))


def test_drafts_are_not_listed_publicly(client, published, suggestion):
    page = client.get("/documents/").content.decode()
    assert published.title in page
    assert suggestion.title not in page
    assert Document.objects.count() == 2
