"""The account pages address the reader formally in every language, allauth's texts included
(its German, Dutch and Spanish catalogues use "du", "je" and "tú" in places)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from dcrnet.community.allauth_texts import TEXTS

LOCALE = Path(__file__).resolve().parents[1] / "locale"
INFORMAL = {
    "de": r"\b(du|dein\w*|dich|dir|hast|kannst|musst|bist|gib|wähle|lass|bestätige|kontaktiere)\b",
    "nl": r"\b(je|jouw|jij|jezelf)\b",
    "es": r"\b(tu|tus|tú|te|has|puedes|estás|decides|introdúcelo)\b",
}


@pytest.mark.parametrize("language", sorted(INFORMAL))
def test_our_versions_of_allauths_texts_are_formal(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    ours = {entry.msgid: entry.msgstr for entry in po}
    for msgid in TEXTS:
        assert ours.get(msgid), msgid
        assert not re.search(INFORMAL[language], ours[msgid], re.I), (language, ours[msgid])


def community_outranks_allauth() -> bool:
    apps = list(settings.INSTALLED_APPS)
    return apps.index("dcrnet.community") < apps.index("allauth")


@pytest.mark.skipif(
    not community_outranks_allauth(),
    reason="allauth's catalogue wins until dcrnet.community comes before allauth in "
    "INSTALLED_APPS (settings.py)",
)
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "Möchten Sie sich wirklich abmelden?"), ("nl", "Weet u zeker dat u wilt uitloggen?")],
)
def test_the_sign_out_page_is_formal(member, language, expected):
    client = Client()
    client.force_login(member)
    body = client.get(f"/{language}/accounts/logout/").content.decode()
    with translation.override(language):
        assert translation.gettext("Are you sure you want to sign out?") == expected
    assert expected in body
