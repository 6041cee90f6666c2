"""Deleting an account and every trace of it (GDPR Art 17; RELIABILITY 58).

In one transaction: every app's `privacy.erase` (its own data), then the traces outside the
apps (login attempts, queued task rows, change history, the admin's log, sessions), then the
account row itself (cascading to email addresses, their confirmations, authenticators and
sessions). Backups keep a deleted account for their retention period (docs/operations.md).
"""

from __future__ import annotations

import re

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models.functions import Cast

from dcrnet.lib.logging import security_event

from .models import Profile, User
from .privacy import erase_all

REPLACEMENT = "[deleted member]"


def identifiers(user: User) -> list[str]:
    """The strings that name the person: addresses, handle, real name (longest first)."""
    from allauth.account.models import EmailAddress

    found = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    if user.handle:
        found.add(user.handle)
    real_name = Profile.objects.filter(user=user).values_list("real_name", flat=True).first()
    if real_name and len(real_name.strip()) >= 3:
        found.add(real_name.strip())
    return sorted((value for value in found if value), key=len, reverse=True)


def _pattern(values: list[str]) -> re.Pattern:
    """The values as whole words (a handle "ana" does not match "banana")."""
    alternatives = "|".join(re.escape(value) for value in values)
    return re.compile(rf"(?<![\w.+-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _text_columns(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.JSONField)
        and not field.primary_key
    ]


def _matching(model, field: models.Field, values: list[str]) -> models.QuerySet:
    """Rows whose column contains any of the values (case-insensitive; JSON as its text)."""
    query = models.Q()
    if isinstance(field, models.JSONField):
        queryset = model._default_manager.annotate(_text=Cast(field.name, models.TextField()))
        for value in values:
            query |= models.Q(_text__icontains=value)
    else:
        queryset = model._default_manager.all()
        for value in values:
            query |= models.Q(**{f"{field.name}__icontains": value})
    return queryset.filter(query)


def scrub_history(values: list[str]) -> int:
    """In every simple_history table and the admin's log, replace the values in text columns
    by "[deleted member]": the change history of other people's records keeps its shape, and
    no longer names the person. Returns the number of rows changed."""
    from django.contrib.admin.models import LogEntry

    pattern = _pattern(values)
    changed = 0
    targets = [m for m in apps.get_models() if hasattr(m, "history_id") or m is LogEntry]
    for model in targets:
        for field in _text_columns(model):
            if isinstance(field, models.JSONField):
                continue
            for row in _matching(model, field, values).only("pk", field.name):
                old = getattr(row, field.name) or ""
                new = pattern.sub(REPLACEMENT, old)
                if new == old:
                    continue
                max_length = getattr(field, "max_length", None)
                model._default_manager.filter(pk=row.pk).update(
                    **{field.name: new[:max_length] if max_length else new}
                )
                changed += 1
    return changed


def unlink_history(user_id: int) -> int:
    """simple_history copies a record's links to people without database constraints, so the
    account's deletion leaves them pointing at nobody: set them to NULL. That includes
    history_user on the rows the deletion itself just wrote (the cascade records the deleting
    person as their author, which the database would refuse at commit)."""
    changed = 0
    for model in apps.get_models():
        if not hasattr(model, "history_id"):
            continue
        for field in model._meta.concrete_fields:
            related = getattr(field, "related_model", None)
            if related is None:
                continue
            if related._meta.label_lower == User._meta.label_lower and field.null:
                changed += model._default_manager.filter(**{field.attname: user_id}).update(
                    **{field.attname: None}
                )
    return changed


def erase_traces(user: User, values: list[str]) -> None:
    """What the apps do not own: login attempts, task rows, sessions, the admin's log."""
    from allauth.usersessions.models import UserSession
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    addresses = [value for value in values if "@" in value]
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        query = models.Q()
        for address in addresses:
            query |= models.Q(username__iexact=address)
        model.objects.filter(query).delete()
        for field in ("get_data", "post_data"):
            if hasattr(model, field):
                _matching(model, model._meta.get_field(field), addresses).delete()

    # Queued and finished tasks whose arguments or results name the person (their emails).
    if apps.is_installed("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        pattern = _pattern(values)
        doomed: set = set()
        for name in ("args_kwargs", "return_value", "traceback"):
            field = DBTaskResult._meta.get_field(name)
            for row in _matching(DBTaskResult, field, values).only("pk", name):
                value = getattr(row, name)
                text = value if isinstance(value, str) else repr(value)
                if pattern.search(text) or any(v.lower() in text.lower() for v in addresses):
                    doomed.add(row.pk)
        DBTaskResult.objects.filter(pk__in=doomed).delete()

    # The admin's records about the account itself (its object_repr is the handle).
    own_types = ContentType.objects.filter(app_label="community")
    LogEntry.objects.filter(content_type__in=own_types, object_id=str(user.pk)).delete()

    # Sessions: the rows allauth tracks, and the session store behind them.
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()


def delete_account(user: User, *, keep_posts: bool, request=None, reason: str = "self") -> None:
    """Erase the person everywhere and delete the account, in one transaction."""
    user_id = user.pk
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user_id)
        values = identifiers(user)
        erase_all(user, keep_posts=keep_posts)
        erase_traces(user, values)
        user.delete()
        unlink_history(user_id)
        scrub_history(values)
    # The actor's id only: the log must not keep what was just erased.
    security_event("account_deleted", request, actor=user_id, reason=reason, kept_posts=keep_posts)
