"""Reads of experts and help requests: the public directory, a person's requests and
invitations, the staff queue, and who may open which conversation."""

from __future__ import annotations

from django.db.models import Prefetch, Q, TextField
from django.db.models.functions import Cast

from .models import Assignment, AssignmentStatus, Expert, HelpRequest, Message, RequestStatus

PER_PAGE = 20


def directory(*, expertise=None, language: str = "", country: str = ""):
    """Available experts with a handle, filtered; the public sees handle, bio, expertise,
    languages and countries only."""
    experts = (
        Expert.objects.available()
        .exclude(user__handle="")
        .select_related("user", "user__profile")
        .prefetch_related("expertise")
        .order_by("user__handle", "pk")
    )
    if expertise is not None:
        experts = experts.filter(expertise=expertise)
    if language:
        # JSON list as text on both databases: ["fr", "de"]; a code is quoted in it.
        experts = experts.annotate(_languages=Cast("languages", TextField())).filter(
            _languages__contains=f'"{language}"'
        )
    if country:
        experts = experts.filter(
            Q(countries=country)
            | Q(countries__startswith=f"{country},")
            | Q(countries__endswith=f",{country}")
            | Q(countries__contains=f",{country},")
        )
    return experts


def public_expert(handle: str) -> Expert | None:
    return (
        Expert.objects.available()
        .exclude(user__handle="")
        .filter(user__handle__iexact=handle)
        .select_related("user", "user__profile")
        .prefetch_related("expertise")
        .first()
    )


def requests_of(user):
    return (
        HelpRequest.objects.filter(requester=user).select_related("topic").order_by("-created_at")
    )


def invitations_of(user):
    return (
        Assignment.objects.filter(expert__user=user)
        .exclude(status=AssignmentStatus.PROPOSED)
        .select_related("request", "request__topic")
        .order_by("-request__created_at")
    )


def triage_queue(status: str = ""):
    queue = HelpRequest.objects.select_related("topic").order_by("created_at")
    if status:
        return queue.filter(status=status)
    return queue.exclude(status=RequestStatus.CLOSED)


def with_conversation(public_id) -> HelpRequest | None:
    return (
        HelpRequest.objects.select_related("topic", "requester")
        .prefetch_related(
            Prefetch("messages", queryset=Message.objects.select_related("author")),
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("expert__user").order_by("rank"),
            ),
        )
        .filter(public_id=public_id)
        .first()
    )
