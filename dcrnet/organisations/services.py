"""Writes of organisations and memberships: applications, decisions, leaving; rules checked
against locked rows, decision emails queued after commit."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from dcrnet.community.models import Role
from dcrnet.community.services import grant_role, queue_account_mail
from dcrnet.directory.models import Facility
from dcrnet.lib.refusals import NotFound, Refused

from . import selectors
from .models import Membership, MembershipRole, Organisation, Status

SLUG_LENGTH = Organisation._meta.get_field("slug").max_length
# Paths under /organisations/ that a slug must not shadow.
RESERVED_SLUGS = {"apply", "applications"}


class AlreadyApplied(Refused):
    default_message = _("You have already applied; your application is waiting or approved.")


class AlreadyDecided(Refused):
    default_message = _("This application has already been decided.")


class ReasonRequired(Refused):
    status = 400
    default_message = _("Please give a reason when you decline an application.")


class NotOpen(Refused):
    status = 400
    default_message = _("This organisation does not accept applications.")


def _lock_person(user) -> None:
    """Serialise one person's applications (PostgreSQL; SQLite's IMMEDIATE transactions already
    serialise every writer)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _new_slug(name: str, attempt: int) -> str:
    base = slugify(name)[: SLUG_LENGTH - 6].strip("-") or "organisation"
    return base if attempt == 1 else f"{base}-{attempt}"


@transaction.atomic
def apply_for_organisation(
    user,
    *,
    name: str,
    kind: str,
    country: str = "",
    website: str = "",
    statement: str,
    facilities: Iterable[Facility] = (),
) -> Organisation:
    """A new pending organisation; its applicant becomes its pending contact."""
    _lock_person(user)
    if Organisation.objects.filter(
        applied_by=user, name__iexact=name.strip(), status=Status.PENDING
    ).exists():
        raise AlreadyApplied(_("You have already applied for an organisation of this name."))
    organisation = None
    for attempt in range(1, 50):
        slug = _new_slug(name, attempt)
        if slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
            continue
        try:
            # A parallel application may take the same slug between the check and the insert.
            with transaction.atomic():
                organisation = Organisation.objects.create(
                    name=name.strip(),
                    slug=slug,
                    kind=kind,
                    country=country,
                    website=website,
                    statement=statement,
                    applied_by=user,
                )
            break
        except IntegrityError:
            continue
    if organisation is None:  # pragma: no cover - fifty clashes in a row
        raise Refused(_("Please choose a more distinctive name."))
    organisation.facilities.set(list(facilities))
    Membership.objects.create(
        user=user,
        organisation=organisation,
        role=MembershipRole.CONTACT,
        statement=statement,
    )
    return organisation


@transaction.atomic
def apply_for_membership(
    user, *, organisation: Organisation | None = None, statement: str = "", listed: bool = False
) -> Membership:
    """A pending membership, as an individual (no organisation) or through an approved one."""
    _lock_person(user)
    if organisation is not None:
        organisation = Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        if organisation is None or organisation.status != Status.APPROVED:
            raise NotOpen
    open_ones = Membership.objects.filter(
        user=user, organisation=organisation, status__in=[Status.PENDING, Status.APPROVED]
    )
    if open_ones.exists():
        raise AlreadyApplied
    try:
        with transaction.atomic():
            return Membership.objects.create(
                user=user,
                organisation=organisation,
                statement=statement,
                listed=listed and organisation is not None,
            )
    except IntegrityError:  # the partial unique constraints: a parallel application landed
        raise AlreadyApplied from None


def _check_reason(approve: bool, reason: str) -> str:
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ReasonRequired
    return reason


@transaction.atomic
def decide_membership(
    decider, membership_id: int, *, approve: bool, reason: str = ""
) -> Membership:
    """Approve (the applicant becomes a member) or decline with a reason; once only."""
    reason = _check_reason(approve, reason)
    if not selectors.memberships_decidable_by(decider).filter(pk=membership_id).exists():
        raise NotFound
    membership = Membership.objects.select_for_update().select_related("user").get(pk=membership_id)
    if membership.status != Status.PENDING:
        raise AlreadyDecided
    if membership.user_id == decider.pk:
        raise NotFound(_("You cannot decide on your own application."))
    _decide(membership, decider, approve, reason)
    if approve:
        grant_role(membership.user, Role.MEMBER)
    _mail_decision(membership.user, membership.organisation, approve, reason, membership=True)
    return membership


@transaction.atomic
def decide_organisation(
    decider, organisation_id: int, *, approve: bool, reason: str = ""
) -> Organisation:
    """Staff approve an organisation (its contact's membership with it) or decline it."""
    reason = _check_reason(approve, reason)
    if not selectors.decides_for_network(decider):
        raise NotFound
    organisation = Organisation.objects.select_for_update().filter(pk=organisation_id).first()
    if organisation is None:
        raise NotFound
    if organisation.status != Status.PENDING:
        raise AlreadyDecided
    if organisation.applied_by_id == decider.pk:
        raise NotFound(_("You cannot decide on your own application."))
    _decide(organisation, decider, approve, reason)
    contacts = Membership.objects.select_for_update().filter(
        organisation=organisation, role=MembershipRole.CONTACT, status=Status.PENDING
    )
    for membership in contacts.select_related("user"):
        _decide(membership, decider, approve, reason)
        if approve:
            grant_role(membership.user, Role.MEMBER)
    if organisation.applied_by is not None:
        _mail_decision(organisation.applied_by, organisation, approve, reason, membership=False)
    return organisation


def _decide(application, decider, approve: bool, reason: str) -> None:
    application.status = Status.APPROVED if approve else Status.DECLINED
    application.decision_reason = reason
    application.decided_by = decider
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])


@transaction.atomic
def leave(user, membership_id: int) -> None:
    """End one's own membership (or withdraw an application); the last approved one ending
    ends the member role."""
    _lock_person(user)
    membership = (
        Membership.objects.select_for_update()
        .filter(pk=membership_id, user=user, status__in=[Status.PENDING, Status.APPROVED])
        .first()
    )
    if membership is None:
        raise NotFound
    membership.delete()
    if not Membership.objects.filter(user=user, status=Status.APPROVED).exists():
        revoke_member_role(user)


def revoke_member_role(user) -> bool:
    group = Group.objects.filter(name=Role.MEMBER).first()
    if group is None or not user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.remove(group)
    user.__dict__.pop("_role_names", None)
    return True


def _mail_decision(user, organisation, approve: bool, reason: str, *, membership: bool) -> None:
    """The decision to the applicant, in the language of their emails (not the decider's)."""
    if not user.email:
        return
    with translation.override(user.email_language):
        _render_decision(user, organisation, approve, reason, membership=membership)


def _render_decision(user, organisation, approve: bool, reason: str, *, membership: bool) -> None:
    context = {
        "approve": approve,
        "reason": reason,
        "membership": membership,
        "organisation": organisation.name if organisation else "",
        "url": settings.SITE_URL.rstrip("/") + reverse("organisations:mine"),
    }
    subject = render_to_string("organisations/email/decision_subject.txt", context)
    body = render_to_string("organisations/email/decision_body.txt", context)
    queue_account_mail(
        EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
    )
