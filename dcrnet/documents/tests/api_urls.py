"""A test-only URL configuration: the documents router mounted at /api/v1/ on its own API with
the project's error handlers, for as long as dcrnet/api.py does not mount it (the lead's file).
Once mounted there, the same tests pass against the project's API as well."""

from __future__ import annotations

from django.urls import include, path
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from dcrnet import api as project
from dcrnet.documents.api import router
from dcrnet.lib.api import Refusal

api = NinjaAPI(urls_namespace="documents_api_test", docs_url=None)
api.exception_handler(ValidationError)(project.validation_error)
api.exception_handler(Refusal)(project.refusal)
api.exception_handler(HttpError)(project.http_error)
api.add_router("/", router)

urlpatterns = [
    path("api/v1/", api.urls),
    path("documents/", include("dcrnet.documents.urls")),
]
