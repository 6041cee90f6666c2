"""The JSON API at /api/v1/: mounts each app's router."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError

from dcrnet.directory.api import router as directory_router
from dcrnet.evidence.api import router as evidence_router
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
        problems.append({"parameter": where, "message": error.get("msg", "invalid")})
    summary = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems)
    return api.create_response(request, {"error": summary, "problems": problems}, status=422)


api.add_router("/", directory_router)
api.add_router("/", evidence_router)
api.add_router("/", monitoring_router)
