"""Structured logs: one JSON object a line, carrying the request's id, actor and client IP.

`JsonFormatter` writes every record (ours, Django's, libraries') as one line with `ts` (UTC,
ISO 8601), `level`, `logger`, `event`, `request_id`, `actor_id`, `ip` and `message`, plus the
record's own extra fields; JSON escapes CR and LF, so no value can forge a second line.
`RequestContextMiddleware` (dcrnet.lib.middleware) puts the request into a context variable the
formatter reads, so a line logged anywhere during a request carries that request's id.

`security_event(event, request=None, actor=None, **fields)` writes one line to the logger
"dcrnet.security" (shared/RELIABILITY.md tests 48–50). Event names are snake_case verbs of what
happened: `login_succeeded`, `login_failed`, `forbidden`, `rate_limited`, `admin_edit`, `export`,
`deletion`, … Fields are what an operator needs to know who did what; a field whose name says it
holds a secret (password, token, TOTP code, session, cookie …) is written as "[redacted]".

Importing this module (settings.LOGGING does, at startup) connects the admin's LogEntry to
`security_event`: every add, change and deletion made in the admin is logged.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import secrets
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models.signals import post_save
from django.http import HttpRequest

SECURITY_LOGGER = "dcrnet.security"
REQUEST_LOGGER = "dcrnet.request"
REDACTED = "[redacted]"

# An incoming X-Request-ID (from the proxy) is kept only when it is a short plain token.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# Field and parameter names that hold secrets: their values are never written.
SECRET_NAME = re.compile(
    r"pass|secret|token|otp|session|cookie|csrf|authori[sz]ation|api_?key|signature|^code$|^key$",
    re.IGNORECASE,
)
# Attributes every LogRecord has: anything else on a record is an extra field.
_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}
_RECORD_ATTRIBUTES = _RESERVED | {
    "taskName",
    # Django attaches the request and the database connection to some records: never dumped.
    "request",
    "connection",
    "scope",
}
_CONTEXT_FIELDS = ("event", "request_id", "actor_id", "ip")


@dataclass
class RequestContext:
    request_id: str
    ip: str
    request: HttpRequest | None = None


_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "dcrnet_request_context", default=None
)


def new_request_id() -> str:
    return secrets.token_hex(16)


def request_id_from(header: str | None) -> str:
    """The proxy's request id when it is a safe short token, else a fresh one."""
    if header and SAFE_REQUEST_ID.fullmatch(header):
        return header
    return new_request_id()


def bind(context: RequestContext) -> contextvars.Token:
    return _current.set(context)


def unbind(token: contextvars.Token) -> None:
    _current.reset(token)


def current() -> RequestContext | None:
    return _current.get()


def actor_id(request: HttpRequest | None) -> int | str | None:
    """The signed-in user's id, if the request has already loaded its user.

    Loading it here would query the database from inside a logging call, so a line logged before
    anything looked at `request.user` has no actor (security_event loads it: see there).
    """
    if request is None:
        return None
    user = getattr(request, "_cached_user", None)
    if user is None or not user.is_authenticated:
        return None
    return user.pk


def redact(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: REDACTED if SECRET_NAME.search(name) and value not in (None, "") else value
        for name, value in fields.items()
    }


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)


class JsonFormatter(logging.Formatter):
    """One JSON object a line; see the module's docstring for the keys."""

    def format(self, record: logging.LogRecord) -> str:
        context = _current.get()
        if context is None:
            # Django logs 4xx and 5xx responses after the middleware has returned; such records
            # carry the request, and the request its context.
            context = getattr(getattr(record, "request", None), "log_context", None)
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "event": getattr(record, "event", None),
            "request_id": context.request_id if context else None,
            "actor_id": actor_id(context.request) if context else None,
            "ip": context.ip if context else None,
            "message": record.getMessage(),
        }
        for name in _CONTEXT_FIELDS:
            if name in record.__dict__ and record.__dict__[name] is not None:
                line[name] = record.__dict__[name]
        extra = {
            name: value
            for name, value in record.__dict__.items()
            if name not in _RECORD_ATTRIBUTES and name not in line and not name.startswith("_")
        }
        line.update(redact({name: _jsonable(value) for name, value in extra.items()}))
        if record.exc_info:
            line["exc"] = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        elif record.exc_text:
            line["exc"] = record.exc_text
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False, default=str)


def security_event(
    event: str, request: HttpRequest | None = None, actor: Any = None, **fields: Any
) -> None:
    """Write one line to "dcrnet.security": what happened, who did it, from where.

    `actor` is a user (or a user id); without one, the request's signed-in user. The request's
    client IP and id come from the request (or the current request's context).
    """
    from .clientip import client_ip

    context = _current.get()
    if request is None and context is not None:
        request = context.request
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    who = getattr(actor, "pk", actor)
    # A field may not reuse a LogRecord attribute's name (logging refuses it): suffix it.
    extra = {
        f"{name}_" if name in _RESERVED else name: value for name, value in redact(fields).items()
    }
    extra.update(
        event=event,
        actor_id=who,
        ip=client_ip(request) if request is not None else None,
        request_id=context.request_id if context else None,
    )
    logging.getLogger(SECURITY_LOGGER).info(event, extra=extra)


_ADMIN_ACTIONS = {1: "add", 2: "change", 3: "delete"}


def _admin_entry_saved(sender, instance, created: bool, **kwargs) -> None:
    """An admin add, change or deletion (the admin writes a LogEntry for each)."""
    if not created:
        return
    action = _ADMIN_ACTIONS.get(instance.action_flag, str(instance.action_flag))
    content_type = instance.content_type
    security_event(
        "deletion" if action == "delete" else "admin_edit",
        actor=instance.user_id,
        via="admin",
        action=action,
        model=f"{content_type.app_label}.{content_type.model}" if content_type else None,
        object_id=None if instance.object_id is None else str(instance.object_id),
    )


post_save.connect(
    _admin_entry_saved, sender="admin.LogEntry", dispatch_uid="dcrnet.lib.logging.admin_entry"
)
