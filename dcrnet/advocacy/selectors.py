"""Reads of initiatives, their endorsers and signatures, with their access rules (pages, the
CSV and the badge alike)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django_countries import countries

from dcrnet.directory.models import Facility
from dcrnet.evidence.models import Reference
from dcrnet.organisations import selectors as organisation_selectors
from dcrnet.organisations.models import Kind as OrganisationKind
from dcrnet.organisations.models import Membership, MembershipRole, Organisation
from dcrnet.organisations.models import Status as OrganisationStatus

from .models import OPEN, Endorsement, Initiative, ShownAs, Signature, Status

# An endorsement counts while it is approved and its organisation is one of the network's.
COUNTED = Q(status=Status.APPROVED, organisation__status=OrganisationStatus.APPROVED)


def decides(user) -> bool:
    """Who approves endorsements: the staff who decide on organisations (never editors)."""
    return organisation_selectors.decides_for_network(user)


def is_editor(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
        "advocacy.change_initiative"
    )


def initiative_list(user) -> QuerySet[Initiative]:
    """The initiatives the user may see, newest first, with their counts."""
    endorsed = Q(endorsements__status=Status.APPROVED) & Q(
        endorsements__organisation__status=OrganisationStatus.APPROVED
    )
    return (
        Initiative.objects.visible_to(user)
        .annotate(
            endorser_count=Count("endorsements", filter=endorsed, distinct=True),
            signature_count=Count("signatures", distinct=True),
        )
        .order_by("-date", "title", "pk")
    )


def initiative_for(slug: str, user) -> Initiative:
    """An initiative the user may see, with its sources. Raises Initiative.DoesNotExist."""
    return (
        Initiative.objects.visible_to(user)
        .prefetch_related(
            Prefetch("references", queryset=Reference.objects.order_by("-year", "title")),
            Prefetch("countries"),
            Prefetch(
                "facilities",
                queryset=Facility.objects.visible_to(user).order_by("name"),
                to_attr="visible_facilities",
            ),
        )
        .get(slug=slug)
    )


def visible(slug: str, user) -> Initiative:
    """The bare initiative (for the badge and the CSV). Raises Initiative.DoesNotExist."""
    return Initiative.objects.visible_to(user).get(slug=slug)


# --- Endorsers -------------------------------------------------------------------------------


def endorsements(initiative: Initiative) -> QuerySet[Endorsement]:
    """The approved endorsements of organisations of the network, by organisation name."""
    return (
        Endorsement.objects.filter(COUNTED, initiative=initiative)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )


def endorser_count(initiative: Initiative) -> int:
    return Endorsement.objects.filter(COUNTED, initiative=initiative).count()


@dataclass
class Group:
    label: str
    endorsements: list[Endorsement]


@dataclass
class Endorsers:
    total: int = 0
    withdrawn: int = 0
    by_kind: list[Group] = field(default_factory=list)
    kind_counts: list[tuple[str, int]] = field(default_factory=list)
    country_counts: list[tuple[str, str, int]] = field(default_factory=list)


def endorsers(initiative: Initiative) -> Endorsers:
    """Who endorses now, grouped by kind of organisation, with counts per kind and per country,
    and how many organisations withdrew an approved endorsement (counted, never named)."""
    found = list(endorsements(initiative))
    labels = dict(OrganisationKind.choices)
    groups: dict[str, list[Endorsement]] = {}
    for endorsement in found:
        groups.setdefault(endorsement.organisation.kind, []).append(endorsement)
    by_kind = [
        Group(str(labels.get(kind, kind)), groups[kind]) for kind in labels if kind in groups
    ]
    per_country: dict[str, int] = {}
    for endorsement in found:
        code = endorsement.organisation.country.code or ""
        per_country[code] = per_country.get(code, 0) + 1
    country_counts = sorted(
        ((code, str(countries.name(code)) if code else "", n) for code, n in per_country.items()),
        key=lambda row: (-row[2], row[0] == "", row[1]),
    )
    withdrawn = (
        Endorsement.objects.filter(
            initiative=initiative, status=Status.WITHDRAWN, decided_at__isnull=False
        )
        .exclude(organisation__in=[e.organisation_id for e in found])
        .values("organisation")
        .distinct()
        .count()
    )
    return Endorsers(
        total=len(found),
        withdrawn=withdrawn,
        by_kind=by_kind,
        kind_counts=[(group.label, len(group.endorsements)) for group in by_kind],
        country_counts=country_counts,
    )


# --- Individuals -----------------------------------------------------------------------------


def signatures(initiative: Initiative) -> QuerySet[Signature]:
    """The signatures the page shows (none unless the initiative takes individuals)."""
    if not initiative.allows_individuals:
        return Signature.objects.none()
    return (
        Signature.objects.filter(initiative=initiative, user__is_active=True)
        .select_related("user")
        .order_by("signed_at", "pk")
    )


def named(signatures_: QuerySet[Signature]) -> list[Signature]:
    """The signatures that show a name (handle or real name), in signing order."""
    return [s for s in signatures_.exclude(shown_as=ShownAs.COUNTED) if s.shown_name]


def own_signature(user, initiative: Initiative) -> Signature | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Signature.objects.filter(initiative=initiative, user=user).first()


# --- Contacts --------------------------------------------------------------------------------


def contact_organisations(user) -> QuerySet[Organisation]:
    """Approved organisations whose approved contact the user is: those they may endorse for."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        pk__in=organisation_selectors.contact_organisation_ids(user)
    ).order_by("name", "pk")


def is_contact(user, organisation: Organisation) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and organisation.status == OrganisationStatus.APPROVED
        and Membership.objects.filter(
            user=user,
            organisation=organisation,
            role=MembershipRole.CONTACT,
            status=OrganisationStatus.APPROVED,
        ).exists()
    )


def waiting_contact(user) -> bool:
    """The user is the contact of an organisation that is not approved yet."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.filter(
        user=user, role=MembershipRole.CONTACT, organisation__status=OrganisationStatus.PENDING
    ).exists()


@dataclass
class OwnEndorsement:
    organisation: Organisation
    endorsement: Endorsement | None


def own_endorsements(user, initiative: Initiative) -> list[OwnEndorsement]:
    """For each organisation the user may endorse for: its open endorsement, if any."""
    organisations = list(contact_organisations(user))
    current = {
        e.organisation_id: e
        for e in Endorsement.objects.filter(
            initiative=initiative, organisation__in=organisations, status__in=OPEN
        )
    }
    return [OwnEndorsement(o, current.get(o.pk)) for o in organisations]


def review_queue() -> QuerySet[Endorsement]:
    return (
        Endorsement.objects.filter(status=Status.PENDING)
        .select_related("initiative", "organisation", "endorsed_by")
        .order_by("endorsed_at", "pk")
    )
