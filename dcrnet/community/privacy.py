"""The privacy registry (records of processing, GDPR Art 30) and what the platform holds on a
person: every app's `privacy.py` classifies each concrete field of its models, exports one
person's records and erases them (docs/decisions/0006).

Levels:
    public    about no person (content, facts about facilities, vocabularies, counts);
              it may still be unpublished
    personal  about a person, or linking to one (ids, handles, dates of their actions)
    special   special category data (Art 9): the perspective, which can reveal drug use
    secret    credentials and keys: never exported, never shown

This module classifies the community app and the third-party apps (THIRD_PARTY_FIELDS), and
holds the collector that calls every app's `export(user)` and `erase(user, keep_posts=...)`.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.utils import timezone

PUBLIC, PERSONAL, SPECIAL, SECRET = "public", "personal", "special", "secret"
LEVELS = {PUBLIC, PERSONAL, SPECIAL, SECRET}

# simple_history's own columns on every Historical* model: who changed what, when and why.
HISTORY_FIELDS = {
    "history_id": PERSONAL,
    "history_date": PERSONAL,
    "history_change_reason": PERSONAL,
    "history_type": PUBLIC,
    "history_user": PERSONAL,
}


def translated(*names: str, level: str = PUBLIC) -> dict[str, str]:
    """The field and its per-language columns (django-modeltranslation), all at one level."""
    columns = dict.fromkeys(names, level)
    for name in names:
        for code, _language in settings.LANGUAGES:
            columns[f"{name}_{code}"] = level
    return columns


def history(**fields: str) -> dict[str, str]:
    """A Historical* model: the tracked fields given, and simple_history's own columns."""
    return {**fields, **HISTORY_FIELDS}


FIELDS: dict[str, dict[str, str]] = {
    "community.user": {
        "id": PERSONAL,
        "password": SECRET,
        "last_login": PERSONAL,
        "is_superuser": PERSONAL,
        "is_staff": PERSONAL,
        "is_active": PERSONAL,
        "date_joined": PERSONAL,
        "email": PERSONAL,
        "handle": PERSONAL,
        "language": PERSONAL,
    },
    "community.user_groups": {"id": PERSONAL, "user": PERSONAL, "group": PERSONAL},
    "community.user_user_permissions": {
        "id": PERSONAL,
        "user": PERSONAL,
        "permission": PERSONAL,
    },
    "community.expertisetag": {"id": PUBLIC, "slug": PUBLIC, **translated("name")},
    "community.profile_expertise": {
        "id": PERSONAL,
        "profile": PERSONAL,
        "expertisetag": PERSONAL,
    },
    "community.profile": {
        "user": PERSONAL,
        "real_name": PERSONAL,
        "show_real_name": PERSONAL,
        "show_email": PERSONAL,
        "mention_emails": PERSONAL,
        "languages": PERSONAL,
        "country": PERSONAL,
        "perspective": SPECIAL,
        "show_perspective": PERSONAL,
        "updated_at": PERSONAL,
    },
    "community.consent": {
        "id": PERSONAL,
        "user": PERSONAL,
        "purpose": PERSONAL,
        "notice_version": PERSONAL,
        "given_at": PERSONAL,
        "withdrawn_at": PERSONAL,
    },
}

# Models of Django and the third-party apps. The database cache table is not a model (it holds
# rate-limit counters keyed by hashes and cached public pages).
THIRD_PARTY_FIELDS: dict[str, dict[str, str]] = {
    "admin.logentry": {
        "id": PERSONAL,
        "action_time": PERSONAL,
        "user": PERSONAL,
        "content_type": PUBLIC,
        "object_id": PERSONAL,
        "object_repr": PERSONAL,
        "action_flag": PERSONAL,
        "change_message": PERSONAL,
    },
    "auth.permission": {"id": PUBLIC, "name": PUBLIC, "content_type": PUBLIC, "codename": PUBLIC},
    "auth.group": {"id": PUBLIC, "name": PUBLIC},
    "auth.group_permissions": {"id": PUBLIC, "group": PUBLIC, "permission": PUBLIC},
    "contenttypes.contenttype": {"id": PUBLIC, "app_label": PUBLIC, "model": PUBLIC},
    "sessions.session": {"session_key": SECRET, "session_data": SECRET, "expire_date": PERSONAL},
    "account.emailaddress": {
        "id": PERSONAL,
        "user": PERSONAL,
        "email": PERSONAL,
        "verified": PERSONAL,
        "primary": PERSONAL,
    },
    "account.emailconfirmation": {
        "id": PERSONAL,
        "email_address": PERSONAL,
        "created": PERSONAL,
        "sent": PERSONAL,
        "key": SECRET,
    },
    "mfa.authenticator": {
        "id": PERSONAL,
        "user": PERSONAL,
        "type": PERSONAL,
        "data": SECRET,
        "created_at": PERSONAL,
        "last_used_at": PERSONAL,
    },
    "usersessions.usersession": {
        "id": PERSONAL,
        "user": PERSONAL,
        "created_at": PERSONAL,
        "ip": PERSONAL,
        "last_seen_at": PERSONAL,
        "session_key": SECRET,
        "user_agent": PERSONAL,
        "data": SECRET,
    },
    "axes.accessattempt": {
        "id": PERSONAL,
        "user_agent": PERSONAL,
        "ip_address": PERSONAL,
        "username": PERSONAL,
        "http_accept": PERSONAL,
        "path_info": PERSONAL,
        "attempt_time": PERSONAL,
        "get_data": PERSONAL,
        "post_data": PERSONAL,
        "failures_since_start": PERSONAL,
    },
    "axes.accessattemptexpiration": {"access_attempt": PERSONAL, "expires_at": PERSONAL},
    "axes.accesslog": {
        "id": PERSONAL,
        "user_agent": PERSONAL,
        "ip_address": PERSONAL,
        "username": PERSONAL,
        "http_accept": PERSONAL,
        "path_info": PERSONAL,
        "attempt_time": PERSONAL,
        "logout_time": PERSONAL,
        "session_hash": SECRET,
    },
    "axes.accessfailurelog": {
        "id": PERSONAL,
        "user_agent": PERSONAL,
        "ip_address": PERSONAL,
        "username": PERSONAL,
        "http_accept": PERSONAL,
        "path_info": PERSONAL,
        "attempt_time": PERSONAL,
        "locked_out": PERSONAL,
    },
    # Task rows carry email messages (addresses, bodies) in their arguments.
    "django_tasks_database.dbtaskresult": {
        "id": PUBLIC,
        "status": PUBLIC,
        "enqueued_at": PUBLIC,
        "started_at": PUBLIC,
        "finished_at": PUBLIC,
        "args_kwargs": PERSONAL,
        "priority": PUBLIC,
        "task_path": PUBLIC,
        "worker_ids": PUBLIC,
        "queue_name": PUBLIC,
        "backend_name": PUBLIC,
        "run_after": PUBLIC,
        "return_value": PERSONAL,
        "exception_class_path": PUBLIC,
        "traceback": PERSONAL,
    },
}


# --- The collector ---------------------------------------------------------------------------


def privacy_modules() -> dict[str, ModuleType]:
    """app label → the `privacy` module of every installed dcrnet app that has one."""
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("dcrnet."):
            continue
        name = f"{config.name}.privacy"
        try:
            found[config.label] = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return found


def registry() -> dict[str, dict[str, str]]:
    """Every classified model ("app_label.modelname") → {field name: level}."""
    merged: dict[str, dict[str, str]] = dict(THIRD_PARTY_FIELDS)
    for module in privacy_modules().values():
        for label, fields in getattr(module, "FIELDS", {}).items():
            merged.setdefault(label, {}).update(fields)
    return merged


def rows(queryset: QuerySet, *fields: str) -> list[dict]:
    """Records of a queryset, as plain values (made JSON-safe by `export_all`)."""
    return list(queryset.values(*fields))


def export_all(user) -> dict:
    """Everything the platform holds on the person: "record type" → records, JSON-safe.

    Record types are "app_label.name" (`community.consents`, `forum.posts` …).
    """
    records: dict[str, list[dict]] = {}
    for label, module in sorted(privacy_modules().items()):
        exporter = getattr(module, "export", None)
        if exporter is None:
            continue
        for name, items in exporter(user).items():
            records[f"{label}.{name}"] = list(items)
    document = {
        "format": "dcrnet-personal-data/1",
        "generated_at": timezone.now(),
        "levels": sorted(LEVELS),
        "records": records,
    }
    return json.loads(json.dumps(document, cls=DjangoJSONEncoder))


def erase_all(user, *, keep_posts: bool) -> None:
    """Every app's `erase` (the community app's last: the others may read the profile)."""
    modules = privacy_modules()
    order: Iterable[str] = [label for label in sorted(modules) if label != "community"]
    for label in [*order, "community"]:
        module = modules.get(label)
        eraser = getattr(module, "erase", None) if module else None
        if eraser is not None:
            eraser(user, keep_posts=keep_posts)


# --- The community app's own records ----------------------------------------------------------


def export(user) -> dict[str, list[dict]]:
    from allauth.mfa.models import Authenticator
    from allauth.usersessions.models import UserSession

    from .models import Consent, Profile

    account = [
        {
            "email": user.email,
            "handle": user.handle,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        }
    ]
    profiles = []
    for profile in Profile.objects.filter(user=user).prefetch_related("expertise"):
        profiles.append(
            {
                "real_name": profile.real_name,
                "show_real_name": profile.show_real_name,
                "show_email": profile.show_email,
                "mention_emails": profile.mention_emails,
                "languages": profile.languages,
                "country": profile.country.code or "",
                "perspective": profile.perspective,
                "show_perspective": profile.show_perspective,
                "expertise": [tag.slug for tag in profile.expertise.all()],
                "updated_at": profile.updated_at,
            }
        )
    from allauth.account.models import EmailAddress

    return {
        "account": account,
        "profile": profiles,
        "consents": rows(
            Consent.objects.filter(user=user).order_by("given_at", "pk"),
            "purpose",
            "notice_version",
            "given_at",
            "withdrawn_at",
        ),
        "email_addresses": rows(
            EmailAddress.objects.filter(user=user).order_by("pk"), "email", "verified", "primary"
        ),
        # Never the session key or its data: they would sign in as the person.
        "sessions": rows(
            UserSession.objects.filter(user=user).order_by("created_at", "pk"),
            "created_at",
            "last_seen_at",
            "ip",
            "user_agent",
        ),
        # The kind and dates only; never the secret or the recovery codes.
        "mfa_authenticators": rows(
            Authenticator.objects.filter(user=user).order_by("pk"),
            "type",
            "created_at",
            "last_used_at",
        ),
    }


def erase(user, *, keep_posts: bool) -> None:
    from .models import Consent, Profile

    for profile in Profile.objects.filter(user=user):
        profile.expertise.clear()
    Profile.objects.filter(user=user).delete()
    Consent.objects.filter(user=user).delete()
