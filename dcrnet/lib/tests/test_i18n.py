"""The languages' frame: paths, the switcher, the first visit, hreflang, neutral downloads,
caches keyed on language, and the "not yet translated" fallback."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from dcrnet.lib import cache as content_cache
from dcrnet.lib.i18n import (
    falls_back,
    language_of_path,
    neutral_language,
    preferred,
    unprefixed,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "de", "nl", "es"]
HTML = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}


def prefixed(language: str, path: str) -> str:
    return path if language == "en" else f"/{language}{path}"


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_paths_name_their_language():
    assert language_of_path("/fr/facilities/") == "fr"
    assert language_of_path("/facilities/") == "en"
    assert language_of_path("/french/") == "en"
    assert unprefixed("/de/accounts/login/") == "/accounts/login/"
    assert unprefixed("/nl") == "/"
    assert unprefixed("/api/v1/facilities") == "/api/v1/facilities"


def test_accept_language_picks_the_first_language_we_have():
    assert preferred("pt-BR,pt;q=0.9,es;q=0.8,en;q=0.5") == "es"
    assert preferred("de-CH") == "de"
    assert preferred("fr;q=0.2, nl;q=0.9") == "nl"
    assert preferred("ja") is None
    assert preferred("") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_answers_in_its_language(client, facility, language):
    for path in ("/", "/facilities/", f"/facilities/{facility.public_id}/", "/evidence/"):
        response = client.get(prefixed(language, path))
        assert response.status_code == 200, path
        assert html_lang(response) == language
        assert response["Content-Language"] == language


def test_the_api_stays_english_whatever_the_browser_asks(client):
    response = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert client.get("/fr/api/v1/openapi.json").status_code == 404


def test_every_page_links_its_five_languages_and_x_default(client, settings):
    settings.SITE_URL = "https://dcr.example"
    body = client.get("/fr/facilities/?country=LU&sort=name").content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body))
    assert links == {
        "en": "https://dcr.example/facilities/?country=LU&amp;sort=name",
        "x-default": "https://dcr.example/facilities/?country=LU&amp;sort=name",
        "fr": "https://dcr.example/fr/facilities/?country=LU&amp;sort=name",
        "de": "https://dcr.example/de/facilities/?country=LU&amp;sort=name",
        "nl": "https://dcr.example/nl/facilities/?country=LU&amp;sort=name",
        "es": "https://dcr.example/es/facilities/?country=LU&amp;sort=name",
    }


def test_the_switcher_is_a_plain_form_that_keeps_the_page(client):
    body = client.get("/de/facilities/?country=LU").content.decode()
    form = re.search(
        r'<form class="language" method="get" action="/language/">(.*?)</form>', body, re.S
    )
    assert form, "no language form in the header"
    assert 'name="next" value="/de/facilities/?country=LU"' in form.group(1)
    options = re.findall(
        r'<option value="(\w+)" lang="\1"( selected)?>([^<]+)</option>', form.group(1)
    )
    assert [(code, name) for code, _sel, name in options] == [
        ("en", "English"),
        ("fr", "Français"),
        ("de", "Deutsch"),
        ("nl", "Nederlands"),
        ("es", "Español"),
    ]
    assert [code for code, selected, _ in options if selected] == ["de"]
    assert '<button type="submit"' in form.group(1)


@pytest.mark.parametrize(
    ("language", "page", "lands"),
    [
        ("fr", "/facilities/?country=LU", "/fr/facilities/?country=LU"),
        ("en", "/de/facilities/?country=LU", "/facilities/?country=LU"),
        ("nl", "/es/evidence/?q=naloxone", "/nl/evidence/?q=naloxone"),
        ("es", "/", "/es/"),
    ],
)
def test_choosing_a_language_shows_the_same_page_and_is_remembered(client, language, page, lands):
    response = client.get("/language/", {"language": language, "next": page})
    assert response.status_code == 302
    assert response["Location"] == lands
    cookie = response.cookies["language"]
    assert cookie.value == language
    assert cookie["samesite"] == "Lax" and cookie["httponly"]
    assert "private" in response["Cache-Control"]


def test_the_switcher_refuses_an_unknown_language_in_plain_words(client):
    response = client.get("/language/", {"language": "xx", "next": "/fr/facilities/"})
    assert response.status_code == 400
    assert "xx" in response.content.decode()
    assert "language" not in response.cookies


def test_the_switcher_never_sends_anyone_to_another_site(client):
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.get("/language/", {"language": "fr", "next": target})
        assert response["Location"] == "/fr/"


def test_the_switcher_without_a_choice_goes_back(client):
    response = client.get("/language/", {"next": "/fr/evidence/"})
    assert response.status_code == 302 and response["Location"] == "/fr/evidence/"
    assert "language" not in response.cookies


def test_a_first_visit_follows_accept_language_once(client):
    response = client.get("/facilities/?country=LU", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9", **HTML)
    assert response.status_code == 302
    assert response["Location"] == "/de/facilities/?country=LU"
    assert response.cookies["language"].value == "de"
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]
    # The choice now holds, whatever the header says later.
    response = client.get("/evidence/", HTTP_ACCEPT_LANGUAGE="es", **HTML)
    assert response["Location"] == "/de/evidence/"


def test_after_choosing_english_the_browser_language_no_longer_redirects(client):
    client.get("/language/", {"language": "en", "next": "/"})
    response = client.get("/facilities/", HTTP_ACCEPT_LANGUAGE="fr", **HTML)
    assert response.status_code == 200
    assert html_lang(response) == "en"


def test_an_english_browser_is_never_redirected_nor_given_a_cookie(client):
    response = client.get("/facilities/", HTTP_ACCEPT_LANGUAGE="en-GB,fr;q=0.5", **HTML)
    assert response.status_code == 200
    assert "language" not in response.cookies


def test_scripts_htmx_and_downloads_are_never_redirected(client):
    for extra in ({"HTTP_ACCEPT": "*/*"}, {**HTML, "HTTP_HX_REQUEST": "true"}):
        response = client.get("/facilities/", HTTP_ACCEPT_LANGUAGE="fr", **extra)
        assert response.status_code == 200, extra
    response = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="fr", **HTML)
    assert response.status_code == 200


def test_a_french_visitor_never_gets_the_cached_english_page_and_the_reverse(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    english = client.get("/facilities/")
    assert html_lang(english) == "en" and "public" in english["Cache-Control"]
    assert html_lang(client.get("/facilities/")) == "en"  # now from the cache
    french = client.get("/fr/facilities/")
    assert html_lang(french) == "fr"
    assert french["ETag"] != english["ETag"]
    # A French browser at the English address is sent to the French page, not served the
    # English one from the cache.
    visitor = Client()
    response = visitor.get("/facilities/", HTTP_ACCEPT_LANGUAGE="fr", **HTML)
    assert response.status_code == 302 and response["Location"] == "/fr/facilities/"
    # And the reverse: English after French was cached.
    assert html_lang(client.get("/fr/facilities/")) == "fr"
    assert html_lang(client.get("/facilities/")) == "en"
    # An English ETag does not validate the French page.
    response = client.get("/fr/facilities/", HTTP_IF_NONE_MATCH=english["ETag"])
    assert response.status_code == 200 and html_lang(response) == "fr"


def test_content_caches_are_kept_per_language(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    calls = []

    def compute():
        calls.append(translation.get_language())
        return gettext("Yes")

    with translation.override("fr"):
        assert content_cache.cached("answer", compute, 60) == "Oui"
    with translation.override("en"):
        assert content_cache.cached("answer", compute, 60) == "Yes"
    with translation.override("fr"):
        assert content_cache.cached("answer", compute, 60) == "Oui"
    assert calls == ["fr", "en"]


def test_private_pages_stay_private_in_every_language(client):
    for language in LANGUAGES:
        response = client.get(prefixed(language, "/accounts/login/"))
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store, private", language


def _download(request):
    return HttpResponse(gettext("Yes"), content_type="text/csv")


def test_downloads_are_english_whatever_the_page_language_unless_lang_asks():
    factory = RequestFactory()
    view = neutral_language(_download)
    with translation.override("fr"):
        response = view(factory.get("/fr/data/x.csv"))
        assert response.content == b"Yes" and response["Content-Language"] == "en"
        response = view(factory.get("/fr/data/x.csv", {"lang": "de"}))
        assert response.content == b"Ja" and response["Content-Language"] == "de"


def test_a_streamed_download_is_written_in_the_language_asked_for():
    def streamed(request):
        return StreamingHttpResponse((gettext(word) for word in ["Yes"]), content_type="text/csv")

    with translation.override("fr"):
        response = neutral_language(streamed)(RequestFactory().get("/x.csv", {"lang": "nl"}))
    assert b"".join(response.streaming_content) == b"Ja"


def test_an_unknown_download_language_is_refused_in_plain_words():
    response = neutral_language(_download)(RequestFactory().get("/x.csv", {"lang": "klingon"}))
    assert response.status_code == 400
    assert "klingon" in response.content.decode()


def test_a_missing_translation_falls_back_to_english_with_a_note():
    page = SimpleNamespace(body_en="Drug consumption rooms save lives.", body_fr="", body_de="Ja.")
    template = Template(
        '{% untranslated_note page "body" %}<div lang="{{ page|content_lang:"body" }}">x</div>'
    )
    with translation.override("fr"):
        assert falls_back(page, "body")
        html = template.render(Context({"page": page}))
        assert '<p class="untranslated">' in html
        assert 'lang="en"' in html
        assert gettext("Not yet translated: this text is shown in English.") in html
    with translation.override("de"):
        assert not falls_back(page, "body")
        html = template.render(Context({"page": page}))
        assert "untranslated" not in html and 'lang="de"' in html
    with translation.override("en"):
        assert not falls_back(page, "body")


def test_a_page_outside_the_languages_has_no_switcher_nor_alternates(client):
    for path in ("/api/v1/docs", "/fr/no/such/page/"):
        body = client.get(path).content.decode()
        assert 'hreflang="' not in body, path
        assert 'class="language"' not in body, path
