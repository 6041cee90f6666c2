"""Writes of the planning tracker: each one transaction, its rules checked against locked rows.

Every write that depends on who is in a team locks the project's row first (then the step's),
so a step edit and a member's removal, two acceptances of one invitation, or two listing
requests are serialised: the second sees the first's result. Emails go after commit
(`queue_account_mail`). A parallel duplicate that slips past a check meets a unique constraint:
its IntegrityError becomes the same refusal as the check's, never a 500.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from dcrnet.community.services import email_language_of, in_language, queue_account_mail
from dcrnet.guide.models import Step
from dcrnet.lib.i18n import absolute
from dcrnet.lib.refusals import Invalid, NotAllowed, NotFound, Refused

from . import selectors
from .models import (
    Attachment,
    Comment,
    Decision,
    ExpertInvitation,
    Invitation,
    ListingRequest,
    ListingStatus,
    Project,
    StepStatus,
    StepWork,
    TeamMember,
    TeamRole,
)

INVITATION_DAYS = 14
PUBLIC_ID_ATTEMPTS = 5
TEXT_MAX = 20_000


class AlreadyDone(Refused):
    status = 409


class Gone(Refused):
    status = 410


# --- helpers ------------------------------------------------------------------------------


def _lock_project(project_id: int) -> Project:
    project = Project.objects.select_for_update().filter(pk=project_id).first()
    if project is None:
        raise NotFound
    return project


def _team_member(project: Project, user) -> TeamMember:
    member = selectors.membership(user, project.pk)
    if member is None:
        raise NotFound
    return member


def _lead(project: Project, user) -> TeamMember:
    member = _team_member(project, user)
    if member.role != TeamRole.LEAD:
        raise NotAllowed(_("Only a lead of the team may do this."))
    return member


def _lock_work(work_id: int) -> tuple[Project, StepWork]:
    """The step's project (locked first), then the step (locked)."""
    project_id = StepWork.objects.filter(pk=work_id).values_list("project_id", flat=True).first()
    if project_id is None:
        raise NotFound
    project = _lock_project(project_id)
    work = StepWork.objects.select_for_update().filter(pk=work_id, project=project).first()
    if work is None:
        raise NotFound
    return project, work


def _url(name: str, **kwargs) -> str:
    return absolute(reverse(name, kwargs=kwargs))


def _mail(to: list[str], template: str, context: dict) -> None:
    to = [address for address in to if address]
    if not to:
        return
    for address in to:
        # Each recipient reads it in their language, links included.
        language = email_language_of(address)
        with translation.override(language):
            localised = in_language(context, language)
            subject = render_to_string(f"planning/email/{template}_subject.txt", localised)
            body = render_to_string(f"planning/email/{template}_body.txt", localised)
        queue_account_mail(
            EmailMessage(
                subject=" ".join(subject.split()),
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[address],
            )
        )


def _team_addresses(project: Project) -> list[str]:
    return list(
        TeamMember.objects.filter(project=project, user__is_active=True).values_list(
            "user__email", flat=True
        )
    )


def _clean_text(value: str, *, required: bool = False, max_length: int = TEXT_MAX) -> str:
    value = (value or "").strip()
    if required and not value:
        raise Invalid(_("Please write something."))
    if len(value) > max_length:
        raise Invalid(_("This text is too long."))
    return value


# --- projects -----------------------------------------------------------------------------


def sync_steps(project: Project) -> int:
    """Give the project a row for every step of the guide it lacks (steps the guide gained
    after the project was opened); returns how many were added. Idempotent and safe in
    parallel (the unique constraint drops the duplicates)."""
    missing = list(selectors.missing_steps(project))
    if not missing:
        return 0
    StepWork.objects.bulk_create(
        [StepWork(project=project, step=step) for step in missing], ignore_conflicts=True
    )
    return len(missing)


@transaction.atomic
def open_project(
    user, *, name: str, city: str, country: str, organisation=None, summary: str = ""
) -> Project:
    """A new project, its creator as lead, and one step row per step of the guide."""
    if not selectors.is_member(user):
        raise NotAllowed(_("Only members of the network can open a planning project."))
    project = Project.objects.create(
        name=_clean_text(name, required=True, max_length=200),
        city=_clean_text(city, required=True, max_length=120),
        country=country,
        organisation=organisation,
        summary=_clean_text(summary),
        created_by=user,
    )
    TeamMember.objects.create(project=project, user=user, role=TeamRole.LEAD)
    StepWork.objects.bulk_create(
        [StepWork(project=project, step=step) for step in Step.objects.order_by("number")]
    )
    return project


@transaction.atomic
def update_project(user, project_id: int, *, name: str, city: str, country: str, summary: str):
    project = _lock_project(project_id)
    _team_member(project, user)
    project.name = _clean_text(name, required=True, max_length=200)
    project.city = _clean_text(city, required=True, max_length=120)
    project.country = country
    project.summary = _clean_text(summary)
    project.save(update_fields=["name", "city", "country", "summary", "updated_at"])
    return project


@transaction.atomic
def set_published(user, project_id: int, published: bool) -> Project:
    """Publish (or withdraw) the project: lead only."""
    project = _lock_project(project_id)
    _lead(project, user)
    if project.published != published:
        project.published = published
        project.save(update_fields=["published", "updated_at"])
    return project


# --- steps --------------------------------------------------------------------------------


@transaction.atomic
def update_step(
    user, work_id: int, *, status: str, notes: str, owner_id: int | None, due: dt.date | None
) -> StepWork:
    """Status, notes, owner and due date of a step. Two people saving at once: the second
    save wins for the notes; the owner is checked against the team as it is at that moment."""
    project, work = _lock_work(work_id)
    _team_member(project, user)
    if status not in StepStatus.values:
        raise Invalid(_("Unknown status."))
    if (
        owner_id is not None
        and not TeamMember.objects.filter(project=project, user_id=owner_id).exists()
    ):
        raise Invalid(_("The owner must be a member of the team."))
    work.status = status
    work.notes = _clean_text(notes)
    work.owner_id = owner_id
    work.due = due
    work.save(update_fields=["status", "notes", "owner", "due", "updated_at"])
    Project.objects.filter(pk=project.pk).update(updated_at=timezone.now())
    return work


@transaction.atomic
def add_decision(user, work_id: int, *, text: str, decided_on: dt.date) -> Decision:
    project, work = _lock_work(work_id)
    _team_member(project, user)
    return Decision.objects.create(
        work=work, text=_clean_text(text, required=True), decided_on=decided_on, recorded_by=user
    )


@transaction.atomic
def add_comment(user, work_id: int, *, body: str) -> Comment:
    """A comment by the team or by an expert invited to this step."""
    project, work = _lock_work(work_id)
    in_team = selectors.membership(user, project.pk) is not None
    invited = (
        user.is_authenticated
        and ExpertInvitation.objects.filter(work=work, expert__user=user).exists()
    )
    if not (in_team or invited):
        raise NotFound
    comment = Comment.objects.create(work=work, author=user, body=_clean_text(body, required=True))
    if invited and not in_team:
        _mail(
            [a for a in _team_addresses(project) if a.lower() != user.email.lower()],
            "expert_comment",
            {
                "project": project.name,
                "step": work.step.title,
                "url": _url("planning:step", project_id=project.pk, slug=work.step.slug),
            },
        )
    return comment


@transaction.atomic
def add_attachment(user, work_id: int, checked) -> Attachment:
    """Store an upload that passed `dcrnet.lib.uploads.validate_upload` (the form's check)
    for the step: team only. The stored name is generated; the uploaded name is kept for
    display and download only."""
    project, work = _lock_work(work_id)
    _team_member(project, user)
    attachment = Attachment(
        work=work,
        original_name=checked.original_name[:200],
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=user,
    )
    attachment.file.save(checked.original_name, checked.as_file(), save=False)
    attachment.save()
    return attachment


# --- team ---------------------------------------------------------------------------------


@transaction.atomic
def invite_colleague(user, project_id: int, email: str) -> Invitation:
    """An invitation to join the team, valid 14 days, emailed after commit."""
    project = _lock_project(project_id)
    _team_member(project, user)
    email = (email or "").strip()
    if not email:
        raise Invalid(_("Please give an email address."))
    if TeamMember.objects.filter(project=project, user__email__iexact=email).exists():
        raise AlreadyDone(_("This person is already in the team."))
    now = timezone.now()
    open_ones = Invitation.objects.filter(
        project=project, email__iexact=email, accepted_at__isnull=True
    )
    if open_ones.filter(expires_at__gt=now).exists():
        raise AlreadyDone(_("This address has an invitation already."))
    open_ones.delete()  # expired ones: a fresh invitation replaces them
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                project=project,
                email=email,
                invited_by=user,
                expires_at=now + dt.timedelta(days=INVITATION_DAYS),
            )
    except IntegrityError as error:
        raise AlreadyDone(_("This address has an invitation already.")) from error
    _mail(
        [email],
        "invitation",
        {
            "project": project.name,
            "city": project.city,
            "inviter": user.handle or _("a member of the network"),
            "url": _url("planning:invitation", token=invitation.token),
            "days": INVITATION_DAYS,
        },
    )
    return invitation


@transaction.atomic
def cancel_invitation(user, project_id: int, invitation_id: int) -> None:
    project = _lock_project(project_id)
    _team_member(project, user)
    Invitation.objects.filter(project=project, pk=invitation_id, accepted_at__isnull=True).delete()


def _may_accept(user, invitation: Invitation) -> None:
    if not selectors.is_member(user):
        raise NotAllowed(_("Only members of the network can join a planning team."))
    if (user.email or "").casefold() != invitation.email.casefold():
        raise NotAllowed(
            _(
                "This invitation was sent to another email address. Sign in with the "
                "account of that address to accept it."
            )
        )


@transaction.atomic
def accept_invitation(user, token) -> TeamMember:
    """Join the team with an invitation sent to the person's address. Accepting twice (a
    double click, two tabs) gives one membership and no error."""
    found = Invitation.objects.filter(token=token).values_list("project_id", flat=True).first()
    if found is None:
        raise NotFound
    project = _lock_project(found)
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise NotFound
    _may_accept(user, invitation)
    existing = TeamMember.objects.filter(project=project, user=user).first()
    if invitation.accepted_at is not None:
        if existing is not None:
            return existing
        raise Gone(_("This invitation has been used."))
    if invitation.expires_at <= timezone.now():
        raise Gone(_("This invitation has expired. Ask the team for a new one."))
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return TeamMember.objects.create(project=project, user=user, role=TeamRole.MEMBER)
    except IntegrityError:
        return TeamMember.objects.get(project=project, user=user)


def _ensure_lead(project: Project) -> None:
    """If the team has members but no lead, its earliest member becomes lead."""
    if TeamMember.objects.filter(project=project, role=TeamRole.LEAD).exists():
        return
    first = TeamMember.objects.filter(project=project).order_by("joined_at", "pk").first()
    if first is not None:
        TeamMember.objects.filter(pk=first.pk).update(role=TeamRole.LEAD)


@transaction.atomic
def remove_member(user, project_id: int, member_id: int) -> None:
    """A lead removes someone else from the team (leaving is `leave`)."""
    project = _lock_project(project_id)
    me = _lead(project, user)
    target = TeamMember.objects.filter(project=project, pk=member_id).first()
    if target is None:
        raise NotFound
    if target.pk == me.pk:
        raise Invalid(_("To leave the team yourself, use “Leave the team”."))
    target.delete()
    StepWork.objects.filter(project=project, owner_id=target.user_id).update(owner=None)
    _ensure_lead(project)


@transaction.atomic
def set_role(user, project_id: int, member_id: int, role: str) -> None:
    """A lead makes a member lead, or a lead a member; the team keeps at least one lead."""
    project = _lock_project(project_id)
    _lead(project, user)
    if role not in TeamRole.values:
        raise Invalid(_("Unknown role."))
    target = TeamMember.objects.filter(project=project, pk=member_id).first()
    if target is None:
        raise NotFound
    if (
        role == TeamRole.MEMBER
        and target.role == TeamRole.LEAD
        and not selectors.leads(project).exclude(pk=target.pk).exists()
    ):
        raise Invalid(_("The team needs at least one lead."))
    TeamMember.objects.filter(pk=target.pk).update(role=role)


@transaction.atomic
def leave(user, project_id: int) -> None:
    """Leave a team. The last lead leaving makes the earliest remaining member lead; the last
    member cannot leave (the project would belong to nobody)."""
    project = _lock_project(project_id)
    me = _team_member(project, user)
    if not TeamMember.objects.filter(project=project).exclude(pk=me.pk).exists():
        raise Invalid(_("You are the only member of the team. Invite someone before you leave."))
    me.delete()
    StepWork.objects.filter(project=project, owner=user).update(owner=None)
    _ensure_lead(project)


# --- experts ------------------------------------------------------------------------------


@transaction.atomic
def invite_expert(user, work_id: int, expert_id: int) -> ExpertInvitation:
    """Invite an available expert to comment on one step; they get an email. Inviting the
    same expert twice (even at the same moment) leaves one invitation."""
    from dcrnet.experts.models import Expert

    project, work = _lock_work(work_id)
    _team_member(project, user)
    expert = Expert.objects.available().select_related("user").filter(pk=expert_id).first()
    if expert is None:
        raise Invalid(_("This expert is not available."))
    if TeamMember.objects.filter(project=project, user=expert.user).exists():
        raise Invalid(_("This expert is in the team already."))
    if ExpertInvitation.objects.filter(work=work, expert=expert).exists():
        raise AlreadyDone(_("This expert has been invited to this step already."))
    try:
        with transaction.atomic():
            invitation = ExpertInvitation.objects.create(work=work, expert=expert, invited_by=user)
    except IntegrityError as error:
        raise AlreadyDone(_("This expert has been invited to this step already.")) from error
    _mail(
        [expert.user.email],
        "expert_invitation",
        {
            "project": project.name,
            "city": project.city,
            "country": project.country.name,
            "step": work.step.title,
            "url": _url("planning:step", project_id=project.pk, slug=work.step.slug),
        },
    )
    return invitation


@transaction.atomic
def withdraw_expert(user, work_id: int, invitation_id: int) -> None:
    project, work = _lock_work(work_id)
    _team_member(project, user)
    ExpertInvitation.objects.filter(work=work, pk=invitation_id).delete()


# --- the directory ------------------------------------------------------------------------


@transaction.atomic
def request_listing(
    user, project_id: int, *, name: str, city: str, country: str, public_note: str = ""
) -> ListingRequest:
    """Ask editors to list the planned facility in the directory: one pending request a
    project (a parallel second request is told so)."""
    project = _lock_project(project_id)
    _team_member(project, user)
    message = _("Your team has asked already; an editor will decide.")
    if project.facility_id is not None:
        raise AlreadyDone(_("The facility is listed in the directory already."))
    if ListingRequest.objects.filter(project=project, status=ListingStatus.PENDING).exists():
        raise AlreadyDone(message)
    try:
        with transaction.atomic():
            return ListingRequest.objects.create(
                project=project,
                name=_clean_text(name, required=True, max_length=200),
                city=_clean_text(city, required=True, max_length=120),
                country=country,
                public_note=_clean_text(public_note),
                requested_by=user,
            )
    except IntegrityError as error:
        raise AlreadyDone(message) from error


def _lock_request(editor, request_id: int) -> ListingRequest:
    if not selectors.is_editor(editor):
        raise NotAllowed(_("Only editors decide on listing requests."))
    listing = ListingRequest.objects.filter(pk=request_id).values_list("project_id", flat=True)
    project_id = listing.first()
    if project_id is None:
        raise NotFound
    _lock_project(project_id)
    found = ListingRequest.objects.select_for_update().filter(pk=request_id).first()
    if found is None:
        raise NotFound
    if found.status != ListingStatus.PENDING:
        raise AlreadyDone(_("This request has been decided already."))
    return found


def _public_id(listing: ListingRequest) -> str:
    from dcrnet.directory.models import Facility

    base = slugify(f"{listing.country.code}-{listing.city}-{listing.name}")[:70].strip("-")
    base = base or "planned"
    candidate, number = base, 1
    while Facility.objects.filter(public_id=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


@transaction.atomic
def approve_listing(editor, request_id: int, *, latitude, longitude):
    """Create the directory's facility with a planned status (city-level coordinates the
    editor gives) and link it to the project; the team hears of it."""
    from dcrnet.directory.models import Country, Facility
    from dcrnet.directory.services import record_status

    listing = _lock_request(editor, request_id)
    project = listing.project
    if project.facility_id is not None:
        raise AlreadyDone(_("The facility is listed in the directory already."))
    country, _created = Country.objects.get_or_create(code=listing.country.code)
    for attempt in range(1, PUBLIC_ID_ATTEMPTS + 1):
        try:
            # A parallel approval (another project, the same name and city) may take the free
            # identifier between `_public_id`'s look and this write: then the next free one.
            public_id = _public_id(listing)
            with transaction.atomic():
                facility = Facility.objects.create(
                    public_id=public_id,
                    name=listing.name,
                    city=listing.city,
                    country=country,
                    description=listing.public_note,
                    latitude=latitude,
                    longitude=longitude,
                )
            break
        except IntegrityError:
            if attempt == PUBLIC_ID_ATTEMPTS:
                raise
    today = timezone.localdate()
    record_status(
        facility,
        "planned",
        today,
        source=str(_("The planning team, through the DCR Network (approved by an editor)")),
        user=editor,
    )
    now = timezone.now()
    listing.status = ListingStatus.APPROVED
    listing.decided_by = editor
    listing.decided_at = now
    listing.save(update_fields=["status", "decided_by", "decided_at"])
    Project.objects.filter(pk=project.pk).update(facility=facility, updated_at=now)
    _mail(
        _team_addresses(project),
        "listing_decision",
        {
            "approve": True,
            "name": listing.name,
            "reason": "",
            "url": _url("planning:project", project_id=project.pk),
            "facility_url": absolute(reverse("directory:facility", args=[facility.public_id])),
        },
    )
    return facility


@transaction.atomic
def decline_listing(editor, request_id: int, *, reason: str) -> ListingRequest:
    reason = _clean_text(reason)
    if not reason:
        raise Invalid(_("Please give a reason when you decline a request."))
    listing = _lock_request(editor, request_id)
    listing.status = ListingStatus.DECLINED
    listing.decided_by = editor
    listing.decided_at = timezone.now()
    listing.decision_reason = reason
    listing.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    _mail(
        _team_addresses(listing.project),
        "listing_decision",
        {
            "approve": False,
            "name": listing.name,
            "reason": reason,
            "url": _url("planning:project", project_id=listing.project_id),
            "facility_url": "",
        },
    )
    return listing
