"""Emails of help requests: plain text, one recipient each, in the recipient's language.

The services call the functions at the top through `transaction.on_commit`; they only enqueue
tasks (tasks.py). A task builds its message when it runs (rechecking that the recipient still
takes part) and records a `Delivery` under a key of ids — "received:<request>",
"invited:<assignment>", "message:<message>:<recipient>" — so nothing is sent twice.

Recipients of a message: everyone else in the conversation — the requester (their account's
address, or for an anonymous requester the address they gave, with their signed link), and the
accepted experts — never its author. Staff are not emailed about every message.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from dcrnet.lib.i18n import absolute

from .models import Assignment, AssignmentStatus, HelpRequest, Message
from .tokens import make_reply_token

REQUESTER = "requester"
EXCERPT_CHARS = 600


def request_received(request_id: int) -> None:
    from .tasks import send_notice

    send_notice.enqueue("received", int(request_id), REQUESTER)


def experts_invited(assignment_ids: list[int]) -> None:
    from .tasks import send_notice

    for assignment_id in assignment_ids:
        send_notice.enqueue("invited", int(assignment_id), "expert")


def message_posted(message_id: int) -> None:
    from .tasks import send_notice

    message = Message.objects.select_related("request").filter(pk=message_id).first()
    if message is None:
        return
    for recipient in recipients(message):
        send_notice.enqueue("message", message.pk, recipient)


# --- who ---------------------------------------------------------------------------------------


def recipients(message: Message) -> list[str]:
    """REQUESTER and/or "user:<id>" of the accepted experts, never the author."""
    help_request = message.request
    found = []
    if not message.from_requester:
        found.append(REQUESTER)
    experts = Assignment.objects.filter(
        request=help_request, status=AssignmentStatus.ACCEPTED
    ).values_list("expert__user_id", flat=True)
    for user_id in experts:
        if user_id != message.author_id and user_id != help_request.requester_id:
            found.append(f"user:{user_id}")
    return found


def reply_url(help_request: HelpRequest) -> str:
    return absolute(
        reverse("experts:reply", kwargs={"token": make_reply_token(help_request.public_id)})
    )


def conversation_url(help_request: HelpRequest) -> str:
    return absolute(reverse("experts:conversation", kwargs={"public_id": help_request.public_id}))


def requester_address(help_request: HelpRequest) -> tuple[str, str] | None:
    """(address, link) for the requester, or None when they cannot be reached."""
    if help_request.requester_id is None:
        return (help_request.email, reply_url(help_request)) if help_request.email else None
    user = help_request.requester
    if not user.is_active or not user.email:
        return None
    return user.email, conversation_url(help_request)


def requester_language(help_request: HelpRequest) -> str:
    """A signed-in requester's email language; for an anonymous one, the language they wrote the
    request in when the site has it (else English)."""
    if help_request.requester_id is not None:
        return help_request.requester.email_language
    known = dict(settings.LANGUAGES)
    return help_request.language if help_request.language in known else settings.LANGUAGE_CODE


def _email(to: str, subject: str, body: str) -> EmailMessage:
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )


def _excerpt(text: str) -> str:
    return Truncator(text.strip()).chars(EXCERPT_CHARS)


# --- what --------------------------------------------------------------------------------------


def received_message(help_request: HelpRequest) -> EmailMessage | None:
    if help_request.requester_id is not None:
        return None  # signed-in requesters see their requests under /help/mine/
    with translation.override(requester_language(help_request)):
        reach = requester_address(help_request)
        if reach is None:
            return None
        address, link = reach
        body = "\n\n".join(
            [
                _("Thank you: we received your request for help about “%(topic)s”.")
                % {"topic": help_request.topic.name},
                _(
                    "Our staff will ask one or more experts of the network to answer. You will "
                    "get an email when someone replies. Read and answer the conversation here "
                    "(keep this link to yourself: it opens your request without a password):"
                ),
                link,
                _("If you did not ask for help, you can ignore this email."),
            ]
        )
        return _email(address, _("Your request for help was received"), body + "\n")


def invited_message(assignment: Assignment) -> EmailMessage | None:
    if assignment.status != AssignmentStatus.INVITED:
        return None
    user = assignment.expert.user
    if not user.is_active or not user.email:
        return None
    help_request = assignment.request
    with translation.override(user.email_language):
        body = "\n\n".join(
            [
                _("You are asked to help with a request about “%(topic)s”.")
                % {"topic": help_request.topic.name},
                _("Read it, then accept or decline, on your requests page:"),
                absolute(reverse("experts:my_requests")),
            ]
        )
        return _email(user.email, _("A request for help for you"), body + "\n")


def message_message(message: Message, recipient: str) -> EmailMessage | None:
    help_request = message.request
    if recipient == REQUESTER:
        language = requester_language(help_request)
        with translation.override(language):
            reach = requester_address(help_request)
        if reach is None:
            return None
        address, link = reach
    else:
        user_id = int(recipient.split(":", 1)[1])
        assignment = (
            Assignment.objects.select_related("expert__user")
            .filter(request=help_request, expert__user_id=user_id, status=AssignmentStatus.ACCEPTED)
            .first()
        )
        if assignment is None or not assignment.expert.user.is_active:
            return None
        language = assignment.expert.user.email_language
        with translation.override(language):
            address, link = assignment.expert.user.email, conversation_url(help_request)
    with translation.override(language):
        body = "\n\n".join(
            [
                _("There is a new message in the conversation about “%(topic)s”:")
                % {"topic": help_request.topic.name},
                _excerpt(message.body),
                _("Read and answer it here:"),
                link,
            ]
        )
        return _email(address, _("New message about your request for help"), body + "\n")
