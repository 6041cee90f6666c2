"""The API's one error contract: every refusal is {"error": summary, "problems": [...]}.

Apps raise `Refusal` (or let ninja raise ValidationError, Http404, HttpError, AuthenticationError);
dcrnet/api.py turns each into the same body. Endpoints declare their error statuses with
`responses(...)` so the OpenAPI document describes every real response.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus

from ninja import Schema


class Problem(Schema):
    parameter: str
    message: str


class ErrorOut(Schema):
    error: str
    problems: list[Problem]


class Refusal(Exception):
    """An answer other than 2xx, with the parameters at fault named."""

    def __init__(self, status: int, problems: Iterable[tuple[str, str]] | str):
        if isinstance(problems, str):
            problems = [("request", problems)]
        self.status = status
        self.problems = [(str(parameter), str(message)) for parameter, message in problems]
        super().__init__(self.summary())

    def summary(self) -> str:
        return "; ".join(f"{parameter}: {message}" for parameter, message in self.problems)

    def body(self) -> dict:
        return error_body(self.problems)


def error_body(problems: Iterable[tuple[str, str]]) -> dict:
    problems = list(problems) or [("request", "invalid")]
    return {
        "error": "; ".join(f"{parameter}: {message}" for parameter, message in problems),
        "problems": [
            {"parameter": parameter, "message": message} for parameter, message in problems
        ],
    }


def invalid(parameter: str, message: str) -> Refusal:
    return Refusal(422, [(parameter, message)])


def status_message(status: int) -> str:
    return HTTPStatus(status).phrase


def responses(ok: dict | type | None = None, *errors: int) -> dict:
    """A ninja `response=` mapping: the success schema(s) and ErrorOut for each error status.

    Every endpoint may answer 422 (bad parameters); pass 401, 403, 404, 409 … as they apply.
    """
    if ok is None:
        mapping: dict = {}
    elif isinstance(ok, dict):
        mapping = dict(ok)
    else:
        mapping = {200: ok}
    for status in (422, *errors):
        mapping[status] = ErrorOut
    return mapping


class ReadAtGeneration:
    """A string's JSON schema enumerates values read when the OpenAPI document is generated.

    For values that live in the database (indicator codes, vocabulary slugs): the document then
    lists exactly what the endpoint accepts today, and the field's validator checks it again
    on each request.
    """

    def __init__(self, values: Callable[[], list[str]]):
        self.values = values

    def __get_pydantic_json_schema__(self, core_schema, handler):
        schema = handler(core_schema)
        for exact in ("pattern", "maxLength", "minLength"):
            schema.pop(exact, None)  # the enum says it all
        schema["enum"] = self.values()
        return schema
