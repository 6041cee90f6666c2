"""Writes of advocacy: an organisation's endorsement (by its contact person), staff's decision
on it, its withdrawal, and a person's signature.

Each runs in one transaction with its rules checked against locked rows (the organisation's row
for an endorsement, the endorsement's for a decision or a withdrawal, the person's for a
signature); on SQLite the IMMEDIATE transactions serialise writers. Emails are queued after
commit.
"""

from __future__ import annotations

from functools import partial

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dcrnet.lib.refusals import Invalid, NotAllowed, NotFound, Refused
from dcrnet.organisations.models import Organisation

from . import notifications, selectors
from .models import OPEN, Endorsement, Initiative, ShownAs, Signature, Status


class NotOpen(Refused):
    default_message = _("This initiative does not take new names at the moment.")


class NotContact(NotAllowed):
    default_message = _(
        "Only the contact person of an organisation of the network can endorse or withdraw for it."
    )


class AlreadyEndorsed(Refused):
    default_message = _(
        "This organisation has already endorsed the initiative, or its endorsement is waiting "
        "for approval."
    )


class AlreadyDecided(Refused):
    default_message = _("This endorsement has already been decided.")


class ReasonRequired(Refused):
    status = 400
    default_message = _("Please give a reason when you decline an endorsement.")


class NotWithdrawable(Refused):
    default_message = _("This endorsement has already been withdrawn or declined.")


class OrganisationsOnly(NotAllowed):
    default_message = _("This initiative takes the names of organisations only.")


class AlreadySigned(Refused):
    default_message = _("You have already added your name to this initiative.")


def _published(initiative_id: int) -> Initiative:
    initiative = Initiative.objects.published().filter(pk=initiative_id).first()
    if initiative is None:
        raise NotFound
    return initiative


@transaction.atomic
def endorse(user, initiative_id: int, organisation_id: int) -> Endorsement:
    """A pending endorsement of the organisation, by its approved contact person; public once
    staff approve it. Two contacts endorsing at once make one endorsement."""
    if not getattr(user, "is_authenticated", False):
        raise NotContact
    # The organisation's row serialises its contacts (PostgreSQL).
    organisation = Organisation.objects.select_for_update().filter(pk=organisation_id).first()
    if organisation is None or not selectors.is_contact(user, organisation):
        raise NotContact
    initiative = _published(initiative_id)
    if not initiative.accepts_endorsements:
        raise NotOpen
    if Endorsement.objects.filter(
        initiative=initiative, organisation=organisation, status__in=OPEN
    ).exists():
        raise AlreadyEndorsed
    try:
        with transaction.atomic():
            return Endorsement.objects.create(
                initiative=initiative, organisation=organisation, endorsed_by=user
            )
    except IntegrityError:  # the partial unique constraint: a parallel endorsement landed
        raise AlreadyEndorsed from None


@transaction.atomic
def decide(decider, endorsement_id: int, *, approve: bool, reason: str = "") -> Endorsement:
    """Staff approve an endorsement (it becomes public) or decline it with a reason; once only.
    The contact who endorsed is told by email."""
    if not selectors.decides(decider):
        raise NotFound
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ReasonRequired
    endorsement = (
        Endorsement.objects.select_for_update(of=("self",))
        .select_related("initiative", "organisation")
        .filter(pk=endorsement_id)
        .first()
    )
    if endorsement is None:
        raise NotFound
    if endorsement.status != Status.PENDING:
        raise AlreadyDecided
    if endorsement.endorsed_by_id == decider.pk:
        raise NotAllowed(_("You cannot decide on an endorsement you gave."))
    endorsement.status = Status.APPROVED if approve else Status.DECLINED
    endorsement.decision_reason = reason
    endorsement.decided_by = decider
    endorsement.decided_at = timezone.now()
    endorsement.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    transaction.on_commit(partial(notifications.endorsement_decided, endorsement.pk))
    return endorsement


@transaction.atomic
def withdraw(user, endorsement_id: int) -> Endorsement:
    """The organisation takes its name back (or its request, while pending). The row stays,
    with the date, in its history; the page counts it without naming the organisation."""
    endorsement = (
        Endorsement.objects.select_for_update(of=("self",))
        .select_related("organisation", "initiative")
        .filter(pk=endorsement_id)
        .first()
    )
    if endorsement is None:
        raise NotFound
    if not selectors.is_contact(user, endorsement.organisation):
        raise NotContact
    if endorsement.status not in OPEN:
        raise NotWithdrawable
    endorsement.status = Status.WITHDRAWN
    endorsement.withdrawn_by = user
    endorsement.withdrawn_at = timezone.now()
    endorsement.save(update_fields=["status", "withdrawn_by", "withdrawn_at"])
    return endorsement


@transaction.atomic
def sign(user, initiative_id: int, *, shown_as: str, real_name: str = "") -> Signature:
    """A person adds their name, shown as their handle, their real name or not at all."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    initiative = _published(initiative_id)
    if not initiative.allows_individuals:
        raise OrganisationsOnly
    if not initiative.accepts_endorsements:
        raise NotOpen
    real_name = (real_name or "").strip()
    if shown_as not in ShownAs.values:
        raise Invalid
    if shown_as == ShownAs.HANDLE and not user.handle:
        raise Invalid(_("You have no public handle yet: choose one in your profile."))
    if shown_as == ShownAs.REAL_NAME and not real_name:
        raise Invalid(_("Please write the name to show."))
    if Signature.objects.filter(initiative=initiative, user=user).exists():
        raise AlreadySigned
    try:
        with transaction.atomic():
            return Signature.objects.create(
                initiative=initiative,
                user=user,
                shown_as=shown_as,
                real_name=real_name if shown_as == ShownAs.REAL_NAME else "",
            )
    except IntegrityError:
        raise AlreadySigned from None


@transaction.atomic
def unsign(user, initiative_id: int) -> None:
    """A person takes their name back: the signature is deleted, nothing of it is kept."""
    deleted, _counts = Signature.objects.filter(initiative_id=initiative_id, user=user).delete()
    if not deleted:
        raise NotFound(_("You have not added your name to this initiative."))
