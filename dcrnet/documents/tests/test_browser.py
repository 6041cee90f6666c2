"""Documents in Chromium: a member suggests a document with a PDF, an editor publishes it, an
anonymous visitor downloads it; the list, the page and the suggestion form (with its errors)
have no accessibility violations."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from dcrnet.documents.models import Document, Status
from dcrnet.lib.tests import upload_files as files
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(new_browser_page, live_server, user):
    client = Client()
    client.force_login(user)
    page = new_browser_page()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def test_suggest_publish_download(new_browser_page, live_server, member, editor, topic, tmp_path):
    pdf = tmp_path / "Night shelter rules.pdf"
    pdf.write_bytes(files.pdf(pages=2))
    found = {}

    def check(page, label):
        if violations := axe_violations(page):
            found[label] = violations

    suggester = signed_in(new_browser_page, live_server, member)
    suggester.goto("/documents/suggest/")
    check(suggester, "suggest form")
    suggester.get_by_role("button", name="Send the suggestion").click()
    expect(suggester.get_by_role("alert")).to_contain_text("Please correct the following")
    check(suggester, "suggest form with errors")

    form = suggester.locator("main form")
    form.get_by_label("Title").fill("Night shelter house rules")
    form.get_by_label("Summary").fill("Rules agreed with **guests** in 2024.")
    form.get_by_label("Kind").select_option("house rules")
    form.get_by_label("Perspective").select_option("both")
    form.get_by_label("Topic").select_option(label=topic.name)
    form.get_by_label("Language").select_option("en")
    form.get_by_label("Licence").fill("CC BY 4.0")
    form.get_by_label("File").set_input_files(str(pdf))
    form.get_by_label("Note for the editors").fill("We use them every night.")
    suggester.get_by_role("button", name="Send the suggestion").click()
    expect(suggester.locator("main")).to_contain_text("your suggestion was sent")
    expect(suggester.locator("main")).to_contain_text("Night shelter house rules")
    document = Document.objects.get()
    assert document.status == Status.SUGGESTED

    desk = signed_in(new_browser_page, live_server, editor)
    desk.goto("/documents/review/")
    expect(desk.locator("main")).to_contain_text("We use them every night.")
    check(desk, "review queue")
    desk.get_by_label("Publish").check()
    desk.get_by_role("button", name="Record the decision").click()
    expect(desk.locator("main")).to_contain_text("is published")

    visitor = new_browser_page()
    visitor.goto("/documents/")
    check(visitor, "list")
    visitor.get_by_role("link", name="Night shelter house rules").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Night shelter house rules")
    check(visitor, "document page")
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="Download Night shelter rules.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "Night shelter rules.pdf"
    assert open(download.path(), "rb").read() == pdf.read_bytes()

    visitor.set_viewport_size({"width": 360, "height": 740})
    visitor.goto("/documents/")
    check(visitor, "list on a phone")
    assert found == {}, found
