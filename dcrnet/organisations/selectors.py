"""Reads of organisations and memberships, with their access rules (pages and API alike)."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from dcrnet.directory.models import Facility

from .models import Membership, MembershipRole, Organisation, Status


def decides_for_network(user) -> bool:
    """Staff decide on organisations and on every membership (people's data: never editors)."""
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
        "organisations.change_membership"
    )


def approved_organisations(*, kind: str = "", country: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.filter(status=Status.APPROVED)
    if kind:
        organisations = organisations.filter(kind=kind)
    if country:
        organisations = organisations.filter(country=country.upper())
    return organisations.order_by("name", "pk")


def organisation_countries() -> list[str]:
    """Country codes of approved organisations (the filter's choices)."""
    codes = (
        Organisation.objects.filter(status=Status.APPROVED)
        .exclude(country="")
        .values_list("country", flat=True)
        .distinct()
    )
    return sorted(set(codes))


def organisation_detail(slug: str, user) -> Organisation:
    """An approved organisation with its facilities (as the directory shows them to `user`) and
    the members who chose to be listed. Raises Organisation.DoesNotExist."""
    listed = (
        Membership.objects.filter(status=Status.APPROVED, listed=True)
        .exclude(user__handle="")
        .select_related("user")
        .order_by("user__handle")
    )
    return Organisation.objects.prefetch_related(
        Prefetch(
            "facilities",
            queryset=Facility.objects.visible_to(user).order_by("name"),
            to_attr="visible_facilities",
        ),
        Prefetch("memberships", queryset=listed, to_attr="listed_memberships"),
    ).get(slug=slug, status=Status.APPROVED)


def contact_organisation_ids(user) -> QuerySet:
    """Organisations whose approved contact the user is."""
    return Membership.objects.filter(
        user=user,
        role=MembershipRole.CONTACT,
        status=Status.APPROVED,
        organisation__status=Status.APPROVED,
    ).values("organisation_id")


def memberships_decidable_by(user) -> QuerySet[Membership]:
    """Every membership (any status) the user may decide on: staff all of them, an approved
    contact those to their own organisation. A contact's application for a new organisation is
    decided with the organisation (pending organisations are left out)."""
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    memberships = Membership.objects.filter(
        Q(organisation__isnull=True) | Q(organisation__status=Status.APPROVED)
    )
    if decides_for_network(user):
        return memberships
    return memberships.filter(organisation__in=contact_organisation_ids(user))


def may_decide_memberships(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return decides_for_network(user) or contact_organisation_ids(user).exists()


def membership_queue(user) -> QuerySet[Membership]:
    return (
        memberships_decidable_by(user)
        .filter(status=Status.PENDING)
        .select_related("user", "organisation")
        .order_by("applied_at", "pk")
    )


def organisation_queue() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(status=Status.PENDING)
        .select_related("applied_by")
        .prefetch_related(Prefetch("facilities", queryset=Facility.objects.order_by("name")))
        .order_by("applied_at", "pk")
    )


def own_memberships(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def own_organisation_applications(user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(applied_by=user).order_by("-applied_at", "-pk")


def joinable_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(status=Status.APPROVED).order_by("name", "pk")
