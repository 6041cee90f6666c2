"""The JSON API at /api/v1/: mounts each app's router; one error body for every refusal."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from dcrnet.directory.api import router as directory_router
from dcrnet.evidence.api import router as evidence_router
from dcrnet.lib.api import Refusal, error_body, status_message
from dcrnet.lib.api_docs import LocalSwagger
from dcrnet.monitoring.api import router as monitoring_router

api = NinjaAPI(
    title="DCR Network API",
    version="1",
    description="Open data on drug consumption rooms. Aggregates only; CC BY 4.0.",
    urls_namespace="api",
    docs_url="/docs",
    docs=LocalSwagger(),
)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError):
    """Name every parameter at fault: 'limit: Input should be less than or equal to 500'."""
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", [])[1:]) or "request"
        problems.append((where, error.get("msg", "invalid")))
    return api.create_response(request, error_body(problems), status=422)


@api.exception_handler(Refusal)
def refusal(request: HttpRequest, exc: Refusal):
    return api.create_response(request, exc.body(), status=exc.status)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    if exc.status_code == 400:  # ninja's only 400: a body that is not JSON; input errors are 422
        body = error_body([("body", "not valid JSON")])
        return api.create_response(request, body, status=422)
    return api.create_response(
        request,
        error_body([("request", str(exc) or status_message(exc.status_code))]),
        status=exc.status_code,
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, error_body([("request", "not found")]), status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError):
    body = error_body([("Authorization", "a valid personal token is required")])
    return api.create_response(request, body, status=401)


api.add_router("/", directory_router)
api.add_router("/", evidence_router)
api.add_router("/", monitoring_router)
api.add_router("/", "dcrnet.organisations.api.router")
api.add_router("/forum/", "dcrnet.forum.api.router")
api.add_router("/", "dcrnet.documents.api.router")
api.add_router("/", "dcrnet.impact.api.router")
api.add_router("/", "dcrnet.alerts.api_reports.router")
api.add_router("/", "dcrnet.alerts.api.router")
