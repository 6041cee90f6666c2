"""The site's error pages in the visitor's language; the 500 page, rendered without a context,
takes it from the path."""

from __future__ import annotations

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import path
from django.utils import translation

from dcrnet import urls as project_urls
from dcrnet import views


def explode(request):
    raise RuntimeError("SECRET_KEY leaked")


def forbidden(request):
    raise PermissionDenied


# This module is also the URLconf of its tests: failing views in every language, then the site.
urlpatterns = [
    *i18n_patterns(
        path("test-only/explode/", explode),
        path("test-only/forbidden/", forbidden),
        prefix_default_language=False,
    ),
    *project_urls.urlpatterns,
]
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500

LANGUAGES = ["en", "fr", "de", "nl", "es"]


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def failing_client(settings):
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_500_page_is_in_the_language_of_the_path(failing_client, language):
    prefix = "" if language == "en" else f"/{language}"
    response = failing_client.get(f"{prefix}/test-only/explode/")
    assert response.status_code == 500
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert in_language(language, "Something went wrong") in body
    assert f'<a href="{prefix}/">' in body
    assert response["Content-Language"] == language
    assert "SECRET_KEY" not in body


def test_the_500_view_ignores_the_language_left_active_and_needs_no_database():
    request = RequestFactory().get("/nl/facilities/")
    with translation.override("de"):
        response = views.server_error(request)
    body = response.content.decode()
    assert '<html lang="nl">' in body
    assert in_language("nl", "Something went wrong") != "Something went wrong"
    assert in_language("nl", "Something went wrong") in body


def test_a_500_outside_the_languages_is_english():
    body = views.server_error(RequestFactory().get("/healthz")).content.decode()
    assert '<html lang="en">' in body and "Something went wrong" in body


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_403_and_404_pages_are_in_the_language_of_the_path(failing_client, language):
    response = failing_client.get(f"/{language}/test-only/forbidden/")
    assert response.status_code == 403
    assert in_language(language, "Access denied") in response.content.decode()
    response = failing_client.get(f"/{language}/no-such-page/here/")
    assert response.status_code == 404
    body = response.content.decode()
    assert in_language(language, "Page not found") in body
    assert f'<html lang="{language}">' in body


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_a_refused_control_character_is_named_in_the_language_of_the_path(client, language):
    response = client.get(f"/{language}/facilities/", {"q": "a\x00b"})
    assert response.status_code == 400
    body = response.content.decode()
    assert in_language(language, "Bad request") in body
    assert f'<html lang="{language}">' in body
    with translation.override(language):
        named = translation.gettext("<strong>%(where)s</strong>: %(message)s") % {
            "where": "q",
            "message": translation.gettext("must not contain control characters (such as NUL)"),
        }
    assert named in body
