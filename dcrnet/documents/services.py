"""Writes of documents: a member's suggestion, an editor's decision, a new version.

Each runs in one transaction with its rules checked against locked rows; the suggester's email
is queued after commit. Files are written to the private storage before the transaction and
removed again if it fails, so no row points to a missing file and no file is left behind.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from dcrnet.community.services import queue_account_mail
from dcrnet.lib.i18n import absolute
from dcrnet.lib.refusals import NotAllowed, NotFound, Refused
from dcrnet.lib.uploads import Checked

from . import selectors
from .models import Document, Status, Version, file_name

SLUG_LENGTH = Document._meta.get_field("slug").max_length
# Paths under /documents/ that a document's slug must not shadow.
RESERVED_SLUGS = {"suggest", "suggestions", "review"}


class AlreadyDecided(Refused):
    default_message = _("This suggestion has already been decided by another editor.")


class AlreadySuggested(Refused):
    default_message = _("You have already suggested a document with this title.")


class ReasonRequired(Refused):
    status = 400
    default_message = _("Please give a reason when you decline a suggestion.")


class NotPublished(Refused):
    default_message = _("Versions can only be added to a published document.")


def _storage():
    return Version._meta.get_field("file").storage


def _store(checked: Checked | None) -> str:
    """Write the checked file under a generated name; the name ("" without a file)."""
    if checked is None:
        return ""
    return _storage().save(file_name(None, checked.original_name), checked.as_file())


def _discard(name: str) -> None:
    if name:
        _storage().delete(name)


def _version(document: Document, number: int, checked: Checked | None, stored: str, user, **kw):
    return Version.objects.create(
        document=document,
        number=number,
        file=stored,
        original_name=checked.original_name if checked else "",
        content_type=checked.content_type if checked else "",
        size=checked.size if checked else 0,
        sha256=checked.sha256 if checked else "",
        uploaded_by=user if checked else None,
        **kw,
    )


def _new_slug(title: str, attempt: int) -> str:
    base = slugify(title)[: SLUG_LENGTH - 6].strip("-") or "document"
    return base if attempt == 1 else f"{base}-{attempt}"


def suggest(user, *, fields: dict, note: str = "", checked: Checked | None = None) -> Document:
    """A member's suggestion: a Document in status "suggested" (seen by its author and the
    editors) with its first version when a file came with it."""
    stored = _store(checked)
    try:
        return _suggest(user, fields=fields, note=note, checked=checked, stored=stored)
    except BaseException:
        _discard(stored)
        raise


@transaction.atomic
def _suggest(user, *, fields: dict, note: str, checked, stored: str) -> Document:
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if not selectors.may_suggest(user):
        raise NotAllowed(_("Only members of the network can suggest documents."))
    title = fields["title"].strip()
    if Document.objects.filter(
        suggested_by=user, title__iexact=title, status=Status.SUGGESTED
    ).exists():
        raise AlreadySuggested
    document = None
    for attempt in range(1, 50):
        slug = _new_slug(title, attempt)
        if slug in RESERVED_SLUGS or Document.objects.filter(slug=slug).exists():
            continue
        try:
            with transaction.atomic():  # a parallel suggestion may take the slug meanwhile
                document = Document.objects.create(
                    **{**fields, "title": title},
                    slug=slug,
                    status=Status.SUGGESTED,
                    suggested_by=user,
                    suggestion_note=note,
                )
            break
        except IntegrityError:
            continue
    if document is None:  # pragma: no cover - fifty clashes in a row
        raise Refused(_("Please choose a more distinctive title."))
    if checked is not None:
        _version(document, 1, checked, stored, user, date=timezone.localdate())
    return document


@transaction.atomic
def decide(editor, document_id: int, *, publish: bool, reason: str = "") -> Document:
    """Publish or decline a suggestion, once: a second editor deciding at the same time is told
    it is already decided. The suggester hears of the decision by email."""
    if not selectors.is_editor(editor):
        raise NotAllowed
    reason = (reason or "").strip()
    if not publish and not reason:
        raise ReasonRequired
    document = (
        Document.objects.select_for_update(of=("self",))
        .select_related("suggested_by")
        .filter(pk=document_id)
    ).first()
    if document is None:
        raise NotFound
    if document.status != Status.SUGGESTED:
        raise AlreadyDecided
    document.status = Status.PUBLISHED if publish else Status.DECLINED
    document.decision_reason = reason
    document.decided_by = editor
    document.decided_at = timezone.now()
    document.save(
        update_fields=["status", "decision_reason", "decided_by", "decided_at", "updated_at"]
    )
    if document.suggested_by is not None and document.suggested_by.email:
        _mail_decision(document.suggested_by, document, publish, reason)
    return document


def add_version(
    editor, document_id: int, *, date: dt.date, change_note: str, checked: Checked | None
) -> Version:
    """A new version of a published document, numbered after the last one under a lock on the
    document (parallel additions get consecutive numbers, never the same one)."""
    stored = _store(checked)
    try:
        return _add_version(editor, document_id, date, change_note, checked, stored)
    except BaseException:
        _discard(stored)
        raise


@transaction.atomic
def _add_version(editor, document_id, date, change_note, checked, stored) -> Version:
    if not selectors.is_editor(editor):
        raise NotAllowed
    document = Document.objects.select_for_update().filter(pk=document_id).first()
    if document is None:
        raise NotFound
    if document.status != Status.PUBLISHED:
        raise NotPublished
    last = document.versions.aggregate(last=Max("number"))["last"] or 0
    try:
        with transaction.atomic():
            version = _version(
                document, last + 1, checked, stored, editor, date=date, change_note=change_note
            )
    except IntegrityError:  # only without row locks: a parallel addition took the number
        message = _("Another version was added at the same moment; please try again.")
        raise Refused(message) from None
    document.save(update_fields=["updated_at"])
    return version


def _mail_decision(user, document: Document, publish: bool, reason: str) -> None:
    """The decision to the suggester, in the language of their emails (not the editor's)."""
    with translation.override(user.email_language):
        _render_decision(user, document, publish, reason)


def _render_decision(user, document: Document, publish: bool, reason: str) -> None:
    context = {
        "publish": publish,
        "reason": reason,
        "title": document.title,
        "url": absolute(reverse("documents:mine")),
        "document_url": absolute(reverse("documents:detail", args=[document.slug])),
    }
    subject = render_to_string("documents/email/decision_subject.txt", context)
    body = render_to_string("documents/email/decision_body.txt", context)
    queue_account_mail(
        EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
    )
