"""Privacy registry of the planning tracker: field classes, a person's export, erasure.

A team's work is the team's; what a person did in it (membership, comments, decisions,
uploads, invitations they sent or received) is theirs. Erasure (before the account row goes,
inside the deletion transaction): the person leaves every team; a team left without a lead
gets its earliest member as lead; a project nobody is left in is deleted with its files.
Their comments stay, with no author ("[deleted member]"); links to them (owner, recorded by,
uploaded by, invited by, decided by) are set to NULL by the database, and their email address
and handle are replaced in the team's text columns.
"""

from __future__ import annotations

from django.db.models import Q

from .models import (
    Attachment,
    Comment,
    Decision,
    ExpertInvitation,
    Invitation,
    ListingRequest,
    Project,
    StepWork,
    TeamMember,
    TeamRole,
)

PUBLIC, PERSONAL, SPECIAL, SECRET = "public", "personal", "special", "secret"
REPLACEMENT = "[deleted member]"

FIELDS: dict[str, dict[str, str]] = {
    # A project is a team's private work (no person's data in its own columns but its creator);
    # "public" here means "about no person", not "published".
    "planning.project": {
        "id": PUBLIC,
        "name": PUBLIC,
        "city": PUBLIC,
        "country": PUBLIC,
        "organisation": PUBLIC,
        "summary": PUBLIC,
        "published": PUBLIC,
        "facility": PUBLIC,
        "created_by": PERSONAL,
        "created_at": PUBLIC,
        "updated_at": PUBLIC,
        "is_demo": PUBLIC,
    },
    "planning.teammember": {
        "id": PUBLIC,
        "project": PERSONAL,
        "user": PERSONAL,
        "role": PERSONAL,
        "joined_at": PERSONAL,
    },
    "planning.invitation": {
        "id": PUBLIC,
        "project": PERSONAL,
        "email": PERSONAL,
        "token": SECRET,
        "invited_by": PERSONAL,
        "created_at": PERSONAL,
        "expires_at": PERSONAL,
        "accepted_at": PERSONAL,
    },
    "planning.stepwork": {
        "id": PUBLIC,
        "project": PUBLIC,
        "step": PUBLIC,
        "status": PUBLIC,
        "notes": PERSONAL,
        "owner": PERSONAL,
        "due": PUBLIC,
        "updated_at": PUBLIC,
    },
    "planning.decision": {
        "id": PUBLIC,
        "work": PUBLIC,
        "text": PUBLIC,
        "decided_on": PUBLIC,
        "recorded_by": PERSONAL,
        "created_at": PERSONAL,
    },
    "planning.attachment": {
        "id": PUBLIC,
        "work": PUBLIC,
        "file": PERSONAL,
        "original_name": PERSONAL,
        "content_type": PUBLIC,
        "size": PUBLIC,
        "uploaded_by": PERSONAL,
        "created_at": PERSONAL,
    },
    "planning.expertinvitation": {
        "id": PUBLIC,
        "work": PERSONAL,
        "expert": PERSONAL,
        "invited_by": PERSONAL,
        "created_at": PERSONAL,
    },
    "planning.comment": {
        "id": PUBLIC,
        "work": PUBLIC,
        "author": PERSONAL,
        "body": PERSONAL,
        "created_at": PERSONAL,
    },
    "planning.listingrequest": {
        "id": PUBLIC,
        "project": PUBLIC,
        "name": PUBLIC,
        "city": PUBLIC,
        "country": PUBLIC,
        "public_note": PUBLIC,
        "status": PUBLIC,
        "requested_by": PERSONAL,
        "requested_at": PERSONAL,
        "decided_by": PERSONAL,
        "decided_at": PERSONAL,
        "decision_reason": PUBLIC,
    },
}


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export(user) -> dict[str, list[dict]]:
    """The person's planning records; other people appear by nothing but the project name."""
    return {
        "team_memberships": [
            {
                "project": m.project.name,
                "project_id": m.project_id,
                "role": m.role,
                "joined_at": _when(m.joined_at),
            }
            for m in TeamMember.objects.filter(user=user).select_related("project").order_by("pk")
        ],
        "steps_owned": [
            {"project_id": w.project_id, "step": w.step.slug, "status": w.status}
            for w in StepWork.objects.filter(owner=user).select_related("step").order_by("pk")
        ],
        "comments": [
            {
                "project_id": c.work.project_id,
                "step": c.work.step.slug,
                "body": c.body,
                "created_at": _when(c.created_at),
            }
            for c in Comment.objects.filter(author=user).select_related("work__step").order_by("pk")
        ],
        "decisions_recorded": [
            {
                "project_id": d.work.project_id,
                "step": d.work.step.slug,
                "text": d.text,
                "decided_on": _when(d.decided_on),
                "created_at": _when(d.created_at),
            }
            for d in Decision.objects.filter(recorded_by=user)
            .select_related("work__step")
            .order_by("pk")
        ],
        # Metadata only: the files are the team's documents.
        "attachments_uploaded": [
            {
                "project_id": a.work.project_id,
                "step": a.work.step.slug,
                "file_name": a.original_name,
                "content_type": a.content_type,
                "size": a.size,
                "created_at": _when(a.created_at),
            }
            for a in Attachment.objects.filter(uploaded_by=user)
            .select_related("work__step")
            .order_by("pk")
        ],
        "invitations_received": [
            {
                "project": i.project.name,
                "email": i.email,
                "created_at": _when(i.created_at),
                "expires_at": _when(i.expires_at),
                "accepted_at": _when(i.accepted_at),
            }
            for i in Invitation.objects.filter(email__iexact=user.email)
            .select_related("project")
            .order_by("pk")
        ],
        "invitations_sent": [
            {"project_id": i.project_id, "created_at": _when(i.created_at)}
            for i in Invitation.objects.filter(invited_by=user).order_by("pk")
        ],
        "expert_invitations": [
            {
                "project": e.work.project.name,
                "step": e.work.step.slug,
                "created_at": _when(e.created_at),
            }
            for e in ExpertInvitation.objects.filter(expert__user=user)
            .select_related("work__project", "work__step")
            .order_by("pk")
        ],
        "listing_requests": [
            {
                "project_id": r.project_id,
                "name": r.name,
                "status": r.status,
                "requested_at": _when(r.requested_at),
            }
            for r in ListingRequest.objects.filter(requested_by=user).order_by("pk")
        ],
    }


def delete_project(project: Project) -> None:
    """A project and its stored files (the rows cascade; files are not rows)."""
    names = list(Attachment.objects.filter(work__project=project).values_list("file", flat=True))
    project.delete()
    if names:
        storage = Attachment._meta.get_field("file").storage
        for name in names:
            if name:
                storage.delete(name)


def _scrub(values: list[str]) -> None:
    """Their email addresses and handle in the team's text columns become "[deleted member]"."""
    from dcrnet.community.erasure import _pattern

    values = [v for v in values if v]
    if not values:
        return
    pattern = _pattern(values)
    columns = {
        Project: ["name", "summary"],
        StepWork: ["notes"],
        Decision: ["text"],
        Comment: ["body"],
        ListingRequest: ["public_note", "decision_reason"],
        Attachment: ["original_name"],
    }
    for model, names in columns.items():
        for name in names:
            query = Q()
            for value in values:
                query |= Q(**{f"{name}__icontains": value})
            for row in model.objects.filter(query).only("pk", name):
                old = getattr(row, name) or ""
                new = pattern.sub(REPLACEMENT, old)
                for value in values:  # inside longer words too (an address in a URL)
                    new = _replace_casefold(new, value)
                if new != old:
                    max_length = model._meta.get_field(name).max_length
                    model.objects.filter(pk=row.pk).update(
                        **{name: new[:max_length] if max_length else new}
                    )


def _replace_casefold(text: str, value: str) -> str:
    import re

    return re.sub(re.escape(value), REPLACEMENT, text, flags=re.IGNORECASE)


def erase(user, *, keep_posts: bool) -> None:
    """Leave every team (promoting or deleting as the module says); comments lose their author
    (or go, with keep_posts=False); invitations to their address go; text is scrubbed."""
    from allauth.account.models import EmailAddress

    values = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    if user.handle:
        values.add(user.handle)
    for member in TeamMember.objects.filter(user=user).select_related("project"):
        project = Project.objects.select_for_update().get(pk=member.project_id)
        member.delete()
        others = TeamMember.objects.filter(project=project).order_by("joined_at", "pk")
        if not others.exists():
            delete_project(project)
            continue
        if not others.filter(role=TeamRole.LEAD).exists():
            TeamMember.objects.filter(pk=others.first().pk).update(role=TeamRole.LEAD)
    query = Q()
    for address in (v for v in values if "@" in v):
        query |= Q(email__iexact=address)
    if query:
        Invitation.objects.filter(query, accepted_at__isnull=True).delete()
        Invitation.objects.filter(query).update(email=REPLACEMENT_EMAIL)
    if not keep_posts:
        Comment.objects.filter(author=user).delete()
    else:
        Comment.objects.filter(author=user).update(author=None)
    _scrub(sorted(values, key=len, reverse=True))


# An accepted invitation keeps its row (when the team grew) but not the address.
REPLACEMENT_EMAIL = "deleted-member@invalid.invalid"
