"""Writes of experts and help requests: each one transaction, its rules checked against locked
rows, emails queued after commit (notifications.py, tasks.py).

Lock order, the same in every service so two of them never wait on each other: the help request,
then the expert, then the assignment. Two staff routing the same request, two experts accepting
at once, an expert accepting beyond their capacity: the second writer waits for the first, then
sees its result and gets a `Conflict` (409) with a message, never a 500.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dcrnet.community.models import Role
from dcrnet.lib import ratelimit
from dcrnet.lib.refusals import Refused

from . import notifications
from .models import (
    Assignment,
    AssignmentStatus,
    Expert,
    HelpRequest,
    Message,
    RequestStatus,
)

# Anonymous help requests per client IP and window; replies through signed links likewise.
ANONYMOUS_REQUESTS = 5
ANONYMOUS_REPLIES = 30
RATE_PERIOD = 60 * 60


class HelpRefusal(Refused):
    """A write the rules refuse, with the message to show and the HTTP status of the page."""

    status = 403


class NotAllowed(HelpRefusal):
    status = 403


class Conflict(HelpRefusal):
    status = 409


class RateLimited(HelpRefusal):
    status = 429

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


def is_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(Role.STAFF)


def is_member(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(Role.MEMBER)


# --- experts -----------------------------------------------------------------------------------


def save_expert(user, *, expertise, **fields) -> Expert:
    """Opt in, or edit one's expert profile (opting in again after leaving re-activates it)."""
    if not is_member(user):
        raise NotAllowed(_("Only members of the network can offer their help as experts."))
    allowed = {
        "bio",
        "languages",
        "countries",
        "hours_per_month",
        "max_open_requests",
        "active",
    }
    values = {name: value for name, value in fields.items() if name in allowed}
    with transaction.atomic():
        expert = Expert.objects.select_for_update().filter(user=user).first()
        if expert is None:
            try:
                with transaction.atomic():
                    expert = Expert.objects.create(user=user, **values)
            except IntegrityError:  # the same person opted in twice at once: edit the first
                expert = Expert.objects.select_for_update().get(user=user)
        for name, value in values.items():
            setattr(expert, name, value)
        expert.save()
        expert.expertise.set(expertise)
    return expert


def leave(user) -> bool:
    """Stop being proposed and asked; open conversations stay readable. True if it changed."""
    return bool(Expert.objects.filter(user=user, active=True).update(active=False))


# --- help requests --------------------------------------------------------------------------


def check_anonymous_rate(request, scope: str, limit: int) -> None:
    """Count one anonymous action by the client's IP; RateLimited (429) past the limit."""
    if not ratelimit.hit_ip(request, scope, limit, RATE_PERIOD):
        raise RateLimited(
            ngettext(
                "You have sent %(n)s message from this connection in the last hour, the most "
                "we accept without an account. Please try again in an hour.",
                "You have sent %(n)s messages from this connection in the last hour, the most "
                "we accept without an account. Please try again in an hour.",
                limit,
            )
            % {"n": limit},
            retry_after=RATE_PERIOD,
        )


def submit_request(*, user, topic, language: str, text: str, country="", email="") -> HelpRequest:
    """A new help request; an anonymous requester gets a confirmation with their signed link."""
    signed_in = bool(getattr(user, "is_authenticated", False))
    if not signed_in and not email:
        raise NotAllowed(_("Please give an email address so that we can answer you."))
    with transaction.atomic():
        help_request = HelpRequest.objects.create(
            topic=topic,
            country=country or "",
            language=language,
            text=text,
            requester=user if signed_in else None,
            email="" if signed_in else email,
        )
        request_id = help_request.pk
        transaction.on_commit(lambda: notifications.request_received(request_id), robust=True)
    return help_request


def _locked(help_request: HelpRequest) -> HelpRequest:
    return HelpRequest.objects.select_for_update().get(pk=help_request.pk)


def _open_assignments(expert: Expert, *statuses: str):
    return Assignment.objects.filter(expert=expert, status__in=statuses).exclude(
        request__status=RequestStatus.CLOSED
    )


def _open_accepted(expert: Expert) -> int:
    return _open_assignments(expert, AssignmentStatus.ACCEPTED).count()


def _open_load(expert: Expert) -> int:
    """What matching counts as load: invited or accepted, on requests not closed."""
    return _open_assignments(expert, AssignmentStatus.INVITED, AssignmentStatus.ACCEPTED).count()


def route(staff_user, help_request: HelpRequest, experts) -> list[Assignment]:
    """Staff ask experts to help with a request: one invitation (and email) each."""
    if not is_staff(staff_user):
        raise NotAllowed(_("Only staff route help requests."))
    experts = sorted(experts, key=lambda e: e.pk)
    if not experts:
        raise Conflict(_("Please choose at least one expert."))
    with transaction.atomic():
        help_request = _locked(help_request)
        if help_request.status == RequestStatus.CLOSED:
            raise Conflict(_("This request is closed: it can no longer be sent to experts."))
        asked = []
        already = set(
            help_request.assignments.exclude(status=AssignmentStatus.PROPOSED).values_list(
                "expert_id", flat=True
            )
        )
        rank = help_request.assignments.count()
        for chosen in experts:
            expert = Expert.objects.select_for_update().select_related("user").get(pk=chosen.pk)
            if expert.pk in already:
                continue
            if not (expert.active and expert.user.is_active):
                raise Conflict(
                    _("%(handle)s is not taking requests at the moment.")
                    % {"handle": expert.user.handle}
                )
            if not expert.expertise.filter(pk=help_request.topic_id).exists():
                raise Conflict(
                    _("%(handle)s does not offer help on this topic.")
                    % {"handle": expert.user.handle}
                )
            if help_request.requester_id == expert.user_id:
                raise Conflict(_("The requester cannot be asked to answer their own request."))
            if _open_load(expert) >= expert.max_open_requests:
                raise Conflict(
                    _("%(handle)s has no time left for another request.")
                    % {"handle": expert.user.handle}
                )
            rank += 1
            assignment, _created = Assignment.objects.update_or_create(
                request=help_request,
                expert=expert,
                defaults={"status": AssignmentStatus.INVITED, "rank": rank, "decided_at": None},
            )
            asked.append(assignment)
        if not asked:
            raise Conflict(
                _("These experts have already been asked (perhaps by a colleague just now).")
            )
        if help_request.status == RequestStatus.NEW:
            help_request.status = RequestStatus.ROUTED
        help_request.routed_by = staff_user
        help_request.save(update_fields=["status", "routed_by"])
        ids = [a.pk for a in asked]
        transaction.on_commit(lambda: notifications.experts_invited(ids), robust=True)
    return asked


def decide(user, help_request: HelpRequest, *, accept: bool) -> Assignment:
    """The invited expert accepts (joins the conversation) or declines."""
    with transaction.atomic():
        help_request = _locked(help_request)
        expert = Expert.objects.select_for_update().filter(user=user).first()
        assignment = (
            Assignment.objects.select_for_update()
            .filter(request=help_request, expert=expert)
            .first()
            if expert
            else None
        )
        if assignment is None or assignment.status == AssignmentStatus.PROPOSED:
            raise NotAllowed(_("You have not been asked to help with this request."))
        if assignment.status != AssignmentStatus.INVITED:
            raise Conflict(
                _("You have already accepted this request.")
                if assignment.status == AssignmentStatus.ACCEPTED
                else _("You have already declined this request.")
            )
        if help_request.status == RequestStatus.CLOSED:
            raise Conflict(_("This request has been closed in the meantime."))
        if accept and _open_accepted(expert) >= expert.max_open_requests:
            raise Conflict(
                ngettext(
                    "You already help with %(n)s open request, the most you said you take at "
                    "once. Close one, or raise the number in your expert profile, first.",
                    "You already help with %(n)s open requests, the most you said you take at "
                    "once. Close one, or raise the number in your expert profile, first.",
                    expert.max_open_requests,
                )
                % {"n": expert.max_open_requests}
            )
        assignment.status = AssignmentStatus.ACCEPTED if accept else AssignmentStatus.DECLINED
        assignment.decided_at = timezone.now()
        assignment.save(update_fields=["status", "decided_at"])
    return assignment


# --- the conversation ---------------------------------------------------------------------


def is_accepted_expert(user, help_request: HelpRequest) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        Assignment.objects.filter(
            request=help_request, expert__user=user, status=AssignmentStatus.ACCEPTED
        ).exists()
    )


def can_take_part(user, help_request: HelpRequest) -> bool:
    """Requester, accepted experts and staff read and write the conversation."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        help_request.requester_id == user.pk
        or is_staff(user)
        or is_accepted_expert(user, help_request)
    )


def post_message(help_request: HelpRequest, body: str, *, user=None) -> Message:
    """A message in the conversation: by a signed-in participant (`user`), or by the anonymous
    requester through their signed link (`user` None). The first expert's reply makes the
    request "answered"; nothing is written to a closed request."""
    with transaction.atomic():
        help_request = _locked(help_request)
        if user is None:
            if help_request.requester_id is not None:
                raise NotAllowed(_("Please sign in to answer."))
            from_requester = True
        else:
            if not can_take_part(user, help_request):
                raise NotAllowed(_("You do not take part in this conversation."))
            from_requester = help_request.requester_id == user.pk
        if help_request.status == RequestStatus.CLOSED:
            raise Conflict(_("This request is closed: its conversation can only be read."))
        message = Message.objects.create(
            request=help_request, author=user, from_requester=from_requester, body=body
        )
        if (
            user is not None
            and not from_requester
            and help_request.status in (RequestStatus.NEW, RequestStatus.ROUTED)
            and is_accepted_expert(user, help_request)
        ):
            help_request.status = RequestStatus.ANSWERED
            help_request.save(update_fields=["status"])
        message_id = message.pk
        transaction.on_commit(lambda: notifications.message_posted(message_id), robust=True)
    return message


def close(help_request: HelpRequest, *, user=None) -> HelpRequest:
    """Close a request (requester, staff or an accepted expert; `user` None: the anonymous
    requester through their link). Closing twice changes nothing."""
    with transaction.atomic():
        help_request = _locked(help_request)
        if user is None:
            if help_request.requester_id is not None:
                raise NotAllowed(_("Please sign in to close this request."))
        elif not can_take_part(user, help_request):
            raise NotAllowed(_("You do not take part in this conversation."))
        if help_request.status == RequestStatus.CLOSED:
            return help_request
        help_request.status = RequestStatus.CLOSED
        help_request.closed_at = timezone.now()
        help_request.save(update_fields=["status", "closed_at"])
    return help_request
