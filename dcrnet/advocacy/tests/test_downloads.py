"""For campaigners: the endorsers' CSV (public data only, formulas defused, a download) and the
embeddable badge (SVG and PNG: the right type and count, escaped text, headers that let other
sites embed it and caches revalidate it)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from dcrnet.advocacy import services
from dcrnet.advocacy.models import Status

from .conftest import endorsement, make_initiative, make_organisation

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_csv_lists_public_data_only(as_user, contact, initiative, organisation, member):
    endorsement(initiative, organisation, endorsed_by=contact, decision_reason="Internal note")
    endorsement(initiative, make_organisation("Waiting Org"), status=Status.PENDING)
    endorsement(initiative, make_organisation("Gone Org"), status=Status.WITHDRAWN)
    services.sign(member, initiative.pk, shown_as="real name", real_name="Ada Lovelace")
    response = as_user(None).get(f"/advocacy/{initiative.slug}/endorsers.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{initiative.slug}-endorsers.csv"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    table = rows(response)
    assert table[0] == ["type", "name", "kind", "country", "country_name", "date"]
    today = organisation.endorsements.get().decided_at.date().isoformat()
    assert table[1] == [
        "organisation",
        "Abrigado Operator",
        "DCR operator",
        "LU",
        "Luxembourg",
        today,
    ]
    assert table[2][:2] == ["individual", "Ada Lovelace"]
    assert len(table) == 3
    text = response.content.decode()
    for secret in ("Internal note", contact.email, member.email, "Waiting Org", "Gone Org"):
        assert secret not in text


def test_the_csv_defuses_formulas(as_user, initiative, member):
    hostile = make_organisation('=HYPERLINK("http://evil.example","x")', slug="hostile")
    endorsement(initiative, hostile)
    services.sign(member, initiative.pk, shown_as="real name", real_name="+cmd|' /C calc'!A0")
    table = rows(as_user(None).get(f"/advocacy/{initiative.slug}/endorsers.csv"))
    names = [row[1] for row in table[1:]]
    assert names == ['\'=HYPERLINK("http://evil.example","x")', "'+cmd|' /C calc'!A0"]


def test_the_csv_labels_follow_lang(as_user, initiative, organisation):
    endorsement(initiative, organisation)
    response = as_user(None).get(f"/fr/advocacy/{initiative.slug}/endorsers.csv")
    assert response["Content-Language"] == "en"  # neutral: English unless ?lang= says
    assert (
        as_user(None).get(f"/advocacy/{initiative.slug}/endorsers.csv?lang=xx").status_code == 400
    )
    french = as_user(None).get(f"/advocacy/{initiative.slug}/endorsers.csv?lang=fr")
    assert french["Content-Language"] == "fr"


def badge_texts(response) -> list[str]:
    root = ET.fromstring(response.content)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_the_badge_counts_approved_endorsements(as_user, contact, staff, initiative, organisation):
    client = as_user(None)
    path = f"/advocacy/{initiative.slug}/badge.svg"
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert badge_texts(response)[:2] == ["0", "organisations endorse"]
    first_tag = response["ETag"]

    given = services.endorse(contact, initiative.pk, organisation.pk)
    assert badge_texts(client.get(path))[0] == "0"  # pending: not counted
    services.decide(staff, given.pk, approve=True)
    response = client.get(path)
    assert badge_texts(response)[:2] == ["1", "organisation endorses"]
    assert response["ETag"] != first_tag
    endorsement(initiative, make_organisation("Second Operator"))
    assert badge_texts(client.get(path))[:2] == ["2", "organisations endorse"]

    services.withdraw(contact, given.pk)
    assert badge_texts(client.get(path))[0] == "1"


def test_the_badge_is_cached_briefly_and_revalidated(
    as_user, contact, staff, initiative, organisation
):
    client = as_user(None)
    path = f"/advocacy/{initiative.slug}/badge.svg"
    response = client.get(path)
    assert response["Cache-Control"].startswith("public, max-age=")
    assert 0 < int(response["Cache-Control"].split("max-age=")[1]) <= 300
    etag = response["ETag"]
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    given = services.endorse(contact, initiative.pk, organisation.pk)
    services.decide(staff, given.pk, approve=True)
    fresh = client.get(path, headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and badge_texts(fresh)[0] == "1"


def test_the_badge_may_be_embedded_elsewhere_and_runs_nothing(as_user, initiative):
    response = as_user(None).get(f"/advocacy/{initiative.slug}/badge.svg")
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy
    root = ET.fromstring(response.content)
    tags = {node.tag.removeprefix(SVG) for node in root.iter()}
    assert tags <= {"svg", "title", "rect", "g", "text"}
    assert not [
        name for node in root.iter() for name in node.attrib if name.lower().startswith("on")
    ]


def test_the_badge_escapes_a_hostile_title(as_user, db):
    hostile = make_initiative(
        'Stop <script>alert("x")</script> & <svg onload=alert(1)> ]]> \x0b now',
        slug="hostile",
    )
    response = as_user(None).get(f"/advocacy/{hostile.slug}/badge.svg")
    body = response.content.decode()
    assert "<script" not in body and "<svg onload" not in body
    root = ET.fromstring(response.content)  # still well-formed XML
    texts = badge_texts(response)
    assert texts[2].startswith('Stop <script>alert("x")</script>')
    assert "<script>" in root.find(f"{SVG}title").text  # as text, not as an element
    assert not [node for node in root.iter() if node.tag.endswith("script")]
    png = as_user(None).get(f"/advocacy/{hostile.slug}/badge.png")
    assert png.status_code == 200


def test_a_long_title_is_shortened_and_fits(as_user, db):
    long = make_initiative("A very long title " * 10, slug="long")
    texts = badge_texts(as_user(None).get(f"/advocacy/{long.slug}/badge.svg"))
    title = texts[2:4]
    assert title[0].startswith("A very long title A very long title")
    assert title[1].endswith("…") and len(title[1]) <= len(title[0]) + 1
    assert texts[4] == "DCR Network"


def test_the_png_badge(as_user, initiative, organisation):
    endorsement(initiative, organisation)
    response = as_user(None).get(f"/advocacy/{initiative.slug}/badge.png")
    assert response["Content-Type"] == "image/png"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (720, 176)
    assert response["ETag"]


def test_the_badge_speaks_the_language_of_its_address(as_user, initiative):
    response = as_user(None).get(f"/fr/advocacy/{initiative.slug}/badge.svg")
    assert response["Content-Language"] == "fr"
    assert response.status_code == 200


def test_the_page_offers_the_snippet_to_copy(as_user, initiative):
    page = as_user(None).get(initiative.get_absolute_url()).content.decode()
    snippet = page.split('id="badge-snippet"', 1)[1].split("</textarea>", 1)[0]
    assert (
        "&lt;a href=&quot;http" in snippet and f"/advocacy/{initiative.slug}/badge.svg" in snippet
    )
    assert "<img" not in snippet  # shown as text to copy, not rendered
    assert f'<img src="/advocacy/{initiative.slug}/badge.svg"' in page
