"""The XSS corpus (RELIABILITY 34) through every free text of advocacy — an initiative's title,
summary, text, asks and source links, an organisation's name, a signer's real name, staff's
reason — on every page, the badge and the email that show them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from dcrnet.advocacy import services
from dcrnet.advocacy.models import Status
from testing.xss import XSS, unsafe_markup

from .conftest import endorsement, make_initiative, make_organisation

pytestmark = pytest.mark.django_db


def problems(html: str, slug: str) -> list[str]:
    """unsafe_markup, but for the page's own preview of its badge."""
    preview = f'<img src="/advocacy/{slug}/badge.svg"'
    return [tag for tag in unsafe_markup(html) if not tag.startswith(preview)]


@pytest.mark.parametrize("payload", XSS)
def test_hostile_texts_render_as_text_everywhere(
    payload, as_user, member, contact, staff, editor, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = make_initiative(
        payload[:150] or "x",
        slug="hostile",
        summary=payload,
        text=payload,
        asks=payload,
        sources=payload,
    )
    hostile_org = make_organisation(payload[:150], slug="hostile-org")
    endorsement(initiative, hostile_org)
    from dcrnet.organisations.models import Membership

    organisation = Membership.objects.get(user=contact).organisation
    waiting = services.endorse(contact, initiative.pk, organisation.pk)
    services.sign(member, initiative.pk, shown_as="real name", real_name=payload[:120])
    pages = {
        "list": as_user(None).get("/advocacy/"),
        "detail": as_user(None).get("/advocacy/hostile/"),
        "detail (contact)": as_user(contact).get("/advocacy/hostile/"),
        "detail (editor)": as_user(editor).get("/advocacy/hostile/"),
        "review": as_user(staff).get("/advocacy/review/"),
    }
    for where, response in pages.items():
        assert response.status_code == 200, where
        html = response.content.decode()
        assert problems(html, "hostile") == [], where
        assert "<script>alert" not in html, where
    badge = as_user(None).get("/advocacy/hostile/badge.svg")
    root = ET.fromstring(badge.content)
    assert {node.tag.rsplit("}", 1)[-1] for node in root.iter()} <= {
        "svg", "title", "rect", "g", "text"
    }  # fmt: skip
    assert as_user(None).get("/advocacy/hostile/badge.png").status_code == 200
    assert as_user(None).get("/advocacy/hostile/endorsers.csv").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(staff, waiting.pk, approve=False, reason=payload)
    [mail] = mailoutbox
    assert payload.strip() in mail.body  # plain text: the reason as it was written
    assert waiting.__class__.objects.get(pk=waiting.pk).status == Status.DECLINED
