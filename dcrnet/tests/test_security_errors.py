"""Tests 2, 3 and 10 of RELIABILITY.md: generic error pages, bad hosts, refused methods."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from ninja import NinjaAPI

from dcrnet import urls as project_urls
from dcrnet.lib.api import error_body


def explode(request):
    # Something a traceback would show: a setting name and SQL.
    raise RuntimeError("SECRET_KEY leaked in SELECT * FROM community_user")


def forbidden(request):
    raise PermissionDenied


def ok(request):
    return HttpResponse("ok")


broken_api = NinjaAPI(urls_namespace="broken-api-for-tests")


@broken_api.get("/explode")
def api_explode(request):
    raise RuntimeError("SECRET_KEY leaked in SELECT * FROM community_user")


# This module is also the URLconf of its tests: the project's URLs plus views that fail.
urlpatterns = [
    path("test-only/explode/", explode),
    path("test-only/forbidden/", forbidden),
    path("api/test-only/explode/", explode),
    path("api/test-only/forbidden/", forbidden),
    path("api/test-only/ninja/", broken_api.urls),
    *project_urls.urlpatterns,
]
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500

LEAKS = ("Traceback", "SECRET_KEY", "SELECT", "RuntimeError", "File &quot;", 'File "', "settings")


@pytest.fixture
def failing_client(settings):
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


def assert_no_leak(body: str) -> None:
    for leak in LEAKS:
        assert leak not in body, leak


@pytest.mark.django_db
def test_an_exception_gives_the_generic_500_page_without_a_traceback(failing_client):
    response = failing_client.get("/test-only/explode/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    assert_no_leak(body)


@pytest.mark.django_db
def test_the_500_page_renders_even_when_the_database_is_down(failing_client):
    def refuse(*args, **kwargs):
        raise RuntimeError("database unavailable")

    with connection.execute_wrapper(refuse):
        response = failing_client.get("/test-only/explode/")
    assert response.status_code == 500
    assert_no_leak(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/test-only/explode/", "/api/test-only/ninja/explode"])
def test_an_api_exception_answers_the_api_error_body_only(failing_client, url):
    response = failing_client.get(url)
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == error_body([("request", "Internal Server Error")])
    assert_no_leak(response.content.decode())


@pytest.mark.django_db
def test_a_forbidden_page_uses_the_site_403_page(failing_client):
    response = failing_client.get("/test-only/forbidden/")
    assert response.status_code == 403
    assert "Access denied" in response.content.decode()


@pytest.mark.django_db
def test_a_forbidden_api_call_answers_json(failing_client):
    response = failing_client.get("/api/test-only/forbidden/")
    assert response.status_code == 403
    assert response.json() == error_body([("request", "Forbidden")])


@pytest.mark.django_db
def test_an_unknown_page_uses_the_site_404_page(client):
    response = client.get("/no-such-page-anywhere/really/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert_no_leak(body)


@pytest.mark.django_db
def test_an_unknown_api_path_answers_json_404(client):
    response = client.get("/api/v1/no-such-endpoint")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == error_body([("request", "Not Found")])


@pytest.mark.django_db
def test_a_foreign_host_header_gets_400(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


@pytest.mark.django_db
def test_a_foreign_host_header_gets_400_on_a_post_with_csrf_checks():
    response = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"login": "x@example.org"}, HTTP_HOST="evil.example"
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_csrf_failure_uses_the_site_page_without_inline_style(member):
    response = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"login": member.email, "password": "a long test passphrase"}
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Form expired" in body
    assert "<style" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["TRACE", "TRACK", "CONNECT", "PROPFIND", "BREW"])
@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/api/v1/openapi.json", "/healthz"])
def test_trace_and_unknown_methods_get_405(client, method, url):
    response = client.generic(method, url)
    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]


@pytest.mark.django_db
def test_get_on_logout_does_not_log_out(client, member):
    client.force_login(member)
    response = client.get("/accounts/logout/")
    assert response.status_code in {200, 405}
    assert "_auth_user_id" in client.session
    assert client.get("/accounts/email/").status_code == 200
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_logout_confirmation_is_a_post_form(client, member):
    client.force_login(member)
    body = client.get("/accounts/logout/").content.decode()
    assert 'method="post"' in body


# /healthz (test 71) ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client):
    from django.db.utils import OperationalError

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(refuse):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


@pytest.mark.django_db
def test_healthz_is_never_served_from_the_page_cache(client, settings):
    from django.db.utils import OperationalError

    settings.PAGE_CACHE_SECONDS = 60

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    assert client.get("/healthz").status_code == 200
    with connection.execute_wrapper(refuse):
        response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.django_db
def test_healthz_tells_proxies_not_to_keep_it(client):
    assert "no-store" in client.get("/healthz")["Cache-Control"]


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
