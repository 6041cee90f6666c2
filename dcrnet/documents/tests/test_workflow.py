"""Suggest → review → publish or decline, new versions, hostile uploads through the forms, the
faceted list (counts, filters, bad input → 400), the page's "where it is used", and XSS."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils.html import escape

from dcrnet.community.tests.conftest import sending
from dcrnet.documents import services
from dcrnet.documents.models import Document, Status, Version
from dcrnet.evidence.models import Reference
from dcrnet.lib.cache import emails_only as emails
from dcrnet.lib.tests import upload_files as files
from dcrnet.organisations.models import Organisation
from testing.xss import XSS, unsafe_markup

from .conftest import add_file, make_document

pytestmark = pytest.mark.django_db


def suggestion_form(the_topic, **extra) -> dict:
    return {
        "title": "Admission form of a DCR",
        "summary": "Used at the door.",
        "kind": "admission form",
        "perspective": "both",
        "topic": the_topic.pk,
        "country": "NL",
        "language": "nl",
        "organisation": "",
        "publisher": "Example city service",
        "licence": "CC BY 4.0",
        "source_url": "https://example.org/form",
        "note": "We adapted it last year.",
        **extra,
    }


# --- Suggesting -------------------------------------------------------------------------------


def test_a_member_suggests_with_a_file_and_sees_the_status(as_user, member, topic):
    client = as_user(member)
    upload = files.upload(files.pdf(), "Admission form.pdf")
    response = client.post("/documents/suggest/", suggestion_form(topic, file=upload))
    assert response.status_code == 302 and response["Location"] == "/documents/suggestions/mine/"
    document = Document.objects.get()
    assert (document.status, document.suggested_by, document.language) == (
        Status.SUGGESTED,
        member,
        "nl",
    )
    assert document.suggestion_note == "We adapted it last year."
    version = document.versions.get()
    assert (version.number, version.original_name, version.content_type) == (
        1,
        "Admission form.pdf",
        "application/pdf",
    )
    assert version.size > 0 and len(version.sha256) == 64
    mine = client.get("/documents/suggestions/mine/").content.decode()
    assert "Admission form of a DCR" in mine and "Suggested" in mine


def test_a_suggestion_without_a_file_is_fine(as_user, member, topic):
    response = as_user(member).post("/documents/suggest/", suggestion_form(topic))
    assert response.status_code == 302
    assert Document.objects.get().versions.count() == 0


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (files.pdf_with_javascript(), "x.pdf", "JavaScript"),
        (files.pdf() + files.docx(), "x.pdf", "polyglot"),
        (files.docx_zip_bomb(30), "x.docx", "zip bomb"),
        (files.pdf(), "x.docx", "the content is a PDF"),
        (files.pdf(), "x.pdf.php", "not accepted"),
        (files.SVG, "x.svg", "not accepted"),
        (files.HTML, "x.pdf", "not one of the accepted types"),
        (files.png_bomb(), "x.png", "too large in pixels"),
    ],
)
def test_hostile_files_are_form_errors_and_nothing_is_stored(
    as_user, member, topic, private_files, content, name, message
):
    response = as_user(member).post(
        "/documents/suggest/", suggestion_form(topic, file=files.upload(content, name))
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert escape(message) in html or message in html
    assert 'role="alert"' in html
    assert Document.objects.count() == 0
    stored = private_files.location
    import os

    assert not os.path.exists(stored) or not any(os.scandir(stored))


def test_an_oversize_file_is_a_form_error(as_user, member, topic, settings):
    settings.UPLOAD_MAX_BYTES = 2000
    upload = files.upload(files.pdf() + b"%" * 3000, "big.pdf")
    response = as_user(member).post("/documents/suggest/", suggestion_form(topic, file=upload))
    assert response.status_code == 400
    assert "larger than" in response.content.decode()


def test_an_image_suggested_loses_its_gps(as_user, member, topic):
    upload = files.upload(files.jpeg_with_gps(), "floor plan.jpg")
    as_user(member).post("/documents/suggest/", suggestion_form(topic, file=upload))
    version = Version.objects.get()
    from io import BytesIO

    from PIL import Image

    with version.file.open("rb") as handle:
        image = Image.open(BytesIO(handle.read()))
        assert not image.getexif().get_ifd(files.GPS_IFD)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "spreadsheet"),
        ("perspective", "nobody"),
        ("language", "xx"),
        ("country", "ZZ"),
        ("topic", "99999999999999999999"),
        ("source_url", "javascript:alert(1)"),
        ("title", ""),
        ("title", "x" * 301),
        ("note", "x" * 2001),
    ],
)
def test_bad_suggestion_fields_are_form_errors(as_user, member, topic, field, value):
    response = as_user(member).post("/documents/suggest/", suggestion_form(topic, **{field: value}))
    assert response.status_code == 400
    assert Document.objects.count() == 0


def test_the_same_suggestion_twice_is_refused_with_a_message(as_user, member, topic):
    client = as_user(member)
    client.post("/documents/suggest/", suggestion_form(topic))
    response = client.post("/documents/suggest/", suggestion_form(topic))
    assert response.status_code == 400
    assert "already suggested" in response.content.decode()
    assert Document.objects.count() == 1


def test_reserved_slugs_are_never_given(member, topic):
    for title in ("Suggest", "Review", "Suggestions"):
        document = services.suggest(member, fields=_fields(topic, title))
        assert document.slug not in services.RESERVED_SLUGS


def _fields(topic, title="A protocol") -> dict:
    return {
        "title": title,
        "summary": "",
        "kind": "protocol",
        "perspective": "professional",
        "topic": topic,
        "country": "",
        "language": "en",
        "organisation": None,
        "publisher": "",
        "licence": "",
        "source_url": "",
    }


def test_a_non_member_cannot_suggest_through_the_service(non_member, topic):
    with pytest.raises(services.NotAllowed):
        services.suggest(non_member, fields=_fields(topic))


# --- Deciding ---------------------------------------------------------------------------------


def test_publishing_makes_it_public_and_tells_the_suggester(as_user, editor, suggestion, client):
    with sending() as callbacks:
        response = as_user(editor).post(
            f"/documents/review/{suggestion.pk}/decide/", {"decision": "publish"}
        )
    assert response.status_code == 302
    assert len(emails(callbacks)) == 1
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == (Status.PUBLISHED, editor)
    assert suggestion.decided_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["member@example.org"]
    assert "published" in message.subject
    assert f"/documents/{suggestion.slug}/" in message.body
    assert client.get(f"/documents/{suggestion.slug}/").status_code == 200
    assert client.get(f"/documents/{suggestion.slug}/v1/download/").status_code == 200


def test_declining_needs_a_reason_which_the_suggester_reads(as_user, editor, member, suggestion):
    path = f"/documents/review/{suggestion.pk}/decide/"
    page = as_user(editor).post(path, {"decision": "decline"}, follow=True).content.decode()
    assert "Please give a reason" in page
    suggestion.refresh_from_db()
    assert suggestion.status == Status.SUGGESTED
    with sending():
        as_user(editor).post(path, {"decision": "decline", "reason": "We have a newer one."})
    suggestion.refresh_from_db()
    assert suggestion.status == Status.DECLINED
    assert "We have a newer one." in mail.outbox[0].body
    assert "declined" in mail.outbox[0].subject
    mine = as_user(member).get("/documents/suggestions/mine/").content.decode()
    assert "We have a newer one." in mine and "Declined" in mine


def test_a_decided_suggestion_cannot_be_decided_again(as_user, editor, staff, suggestion):
    services.decide(editor, suggestion.pk, publish=True)
    page = as_user(staff).post(
        f"/documents/review/{suggestion.pk}/decide/",
        {"decision": "decline", "reason": "x"},
        follow=True,
    )
    assert "already been decided" in page.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == Status.PUBLISHED


def test_a_decision_mail_is_never_sent_on_rollback(editor, suggestion):
    with sending() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.decide(editor, suggestion.pk, publish=True)
            raise RuntimeError("rolled back")
    assert callbacks == [] and mail.outbox == []
    suggestion.refresh_from_db()
    assert suggestion.status == Status.SUGGESTED


def test_the_review_queue_shows_the_note_and_the_file(as_user, editor, suggestion):
    page = as_user(editor).get("/documents/review/").content.decode()
    assert "We use these every night." in page
    assert f"/documents/{suggestion.slug}/v1/download/" in page


# --- Versions ---------------------------------------------------------------------------------


def test_an_editor_adds_a_version_numbered_after_the_last(as_user, editor, published, client):
    upload = files.upload(files.docx(), "protocol 2025.docx")
    response = as_user(editor).post(
        f"/documents/{published.slug}/versions/new/",
        {"date": "2025-02-01", "change_note": "New naloxone dose.", "file": upload},
    )
    assert response.status_code == 302
    version = published.versions.get(number=2)
    assert version.uploaded_by == editor and version.content_type.endswith("document")
    page = client.get(f"/documents/{published.slug}/").content.decode()
    assert page.index("Version 2") < page.index("Version 1")  # newest first
    assert "New naloxone dose." in page


@pytest.mark.parametrize("date", ["2025-13-01", "0001-01-01", "not a date", "3000-01-01"])
def test_bad_version_dates_are_form_errors(as_user, editor, published, date):
    response = as_user(editor).post(
        f"/documents/{published.slug}/versions/new/", {"date": date, "change_note": "x"}
    )
    assert response.status_code == 400
    assert published.versions.count() == 1


def test_a_hostile_version_file_is_refused(as_user, editor, published):
    upload = files.upload(files.pdf_with_launch(), "v2.pdf")
    response = as_user(editor).post(
        f"/documents/{published.slug}/versions/new/",
        {"date": "2025-02-01", "change_note": "x", "file": upload},
    )
    assert response.status_code == 400
    assert "launch action" in response.content.decode()


# --- The list: facets and filters -------------------------------------------------------------


@pytest.fixture
def library(topic, other_topic):
    organisation = Organisation.objects.create(
        name="Peer Group Nord", slug="peer-group-nord", kind="peer group", status="approved"
    )
    make_document(topic, title="Naloxone protocol", country="DE", language="de")
    make_document(
        topic,
        title="Overdose drills",
        kind="training curriculum",
        country="DE",
        language="en",
        summary="Monthly **naloxone** drills.",
    )
    make_document(
        other_topic,
        title="House rules",
        kind="house rules",
        perspective="people who use drugs",
        country="FR",
        language="fr",
        organisation=organisation,
    )
    make_document(other_topic, title="Draft rules", status=Status.SUGGESTED)
    return organisation


def facet(response, name):
    return {
        v.value: v.count for f in response.context["facets"] if f.name == name for v in f.values
    }


def test_facet_counts_follow_the_other_filters(client, library):
    response = client.get("/documents/")
    assert response.context["total"] == 3
    assert facet(response, "kind") == {"protocol": 1, "training curriculum": 1, "house rules": 1}
    assert facet(response, "topic") == {"overdose-response": 2, "admission": 1}
    assert facet(response, "country") == {"DE": 2, "FR": 1}
    assert facet(response, "organisation") == {"peer-group-nord": 1}
    narrowed = client.get("/documents/?country=DE")
    assert narrowed.context["total"] == 2
    assert facet(narrowed, "kind") == {"protocol": 1, "training curriculum": 1}
    assert facet(narrowed, "country") == {"DE": 2, "FR": 1}  # its own facet stays whole
    html = narrowed.content.decode()
    assert "Germany (2)" in html and "France (1)" in html


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("q=naloxone", {"Naloxone protocol", "Overdose drills"}),
        ("q=NALOXONE+drills", {"Overdose drills"}),
        ("kind=house+rules", {"House rules"}),
        ("perspective=people+who+use+drugs", {"House rules"}),
        ("topic=admission", {"House rules"}),
        ("country=de&language=de", {"Naloxone protocol"}),
        ("country=fr", {"House rules"}),
        ("organisation=peer-group-nord", {"House rules"}),
        ("q=Draft", set()),
        ("kind=&country=", {"Naloxone protocol", "Overdose drills", "House rules"}),
    ],
)
def test_filters_narrow_the_list(client, library, query, titles):
    response = client.get(f"/documents/?{query}")
    assert response.status_code == 200
    assert {d.title for d in response.context["page"].object_list} == titles


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kind=spreadsheet", "kind"),
        ("perspective=x", "perspective"),
        ("topic=nope", "topic"),
        ("country=ZZ", "country"),
        ("country=DEU", "country"),
        ("language=xx", "language"),
        ("organisation=unknown", "organisation"),
        ("q=" + "x" * 201, "q"),
        ("q=%01", "q"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=99999999999999999999", "page"),
        ("page=%D9%A3", "page"),
    ],
)
def test_a_bad_filter_is_a_400_naming_the_parameter(client, library, query, parameter):
    response = client.get(f"/documents/?{query}")
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert f"<strong>{parameter}</strong>" in response.content.decode()


def test_a_page_beyond_the_last_is_404(client, library):
    assert client.get("/documents/?page=2").status_code == 404


def test_the_list_is_paginated(client, topic):
    for i in range(25):
        make_document(topic, title=f"Document {i:02d}")
    first = client.get("/documents/")
    assert len(first.context["page"].object_list) == 20
    assert "?page=2" in first.content.decode()
    assert len(client.get("/documents/?page=2").context["page"].object_list) == 5


def test_the_list_works_as_a_plain_get_form(client, library):
    html = client.get("/documents/").content.decode()
    assert '<form method="get" action="/documents/"' in html
    assert 'name="kind"' in html and 'name="q"' in html and "hx-" not in html


# --- The page: "where it is used" -------------------------------------------------------------


def test_the_page_shows_where_it_is_used(client, published, facility):
    from dcrnet.guide.models import Step

    reference = Reference.objects.create(title="A cohort study of overdoses", year=2020)
    published.references.add(reference)
    step = Step.objects.create(
        number=1, slug="needs-assessment", title="Needs assessment", summary="s", body="b"
    )
    step.documents.add(published)
    html = client.get(f"/documents/{published.slug}/").content.decode()
    assert f'href="{facility.get_absolute_url()}"' in html
    assert f'href="/evidence/references/{reference.pk}/"' in html
    assert 'href="/guide/needs-assessment/"' in html
    assert "<strong>first</strong>" in html  # the summary is Markdown
    assert "Demonstration content" in html
    assert "Germany" in html and "CC BY 4.0" in html


def test_an_unpublished_facility_is_not_shown_to_the_public(client, published, make_facility):
    hidden = make_facility("xx-hidden", name="Hidden room", published=False)
    published.facilities.add(hidden)
    assert "Hidden room" not in client.get(f"/documents/{published.slug}/").content.decode()


# --- XSS --------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", XSS)
def test_hostile_text_renders_as_text_everywhere(payload, as_user, member, editor, topic, client):
    as_user(member).post(
        "/documents/suggest/",
        suggestion_form(topic, title=payload, summary=payload, note=payload, publisher=payload),
    )
    document = Document.objects.get()
    pages = {
        "review": as_user(editor).get("/documents/review/"),
        "draft (author)": as_user(member).get(f"/documents/{document.slug}/"),
        "draft (editor)": as_user(editor).get(f"/documents/{document.slug}/"),
    }
    with sending():
        services.decide(editor, document.pk, publish=False, reason=payload)
    pages["mine"] = as_user(member).get("/documents/suggestions/mine/")
    document.status = Status.PUBLISHED
    document.save()
    add_file(document, content=files.pdf())
    Version.objects.filter(document=document).update(change_note=payload)
    pages["list"] = client.get("/documents/")
    pages["search"] = client.get("/documents/", {"q": payload[:200]})
    pages["detail"] = client.get(f"/documents/{document.slug}/")
    for where, response in pages.items():
        assert response.status_code in (200, 400), where
        html = response.content.decode()
        assert unsafe_markup(html) == [], where
        assert "<script>alert" not in html, where
    assert escape(payload) in pages["mine"].content.decode()
    body = mail.outbox[0].body
    assert payload in body  # plain text email: the text as written, nothing rendered


def test_a_slug_from_a_hostile_title_is_safe(member, topic):
    document = services.suggest(member, fields=_fields(topic, '"><script>alert(1)</script>'))
    assert document.slug.replace("-", "").isalnum()


def test_the_date_of_a_version_is_shown(client, published):
    Version.objects.filter(document=published).update(date=dt.date(2023, 7, 14))
    html = client.get(f"/documents/{published.slug}/").content.decode()
    assert 'datetime="2023-07-14"' in html
