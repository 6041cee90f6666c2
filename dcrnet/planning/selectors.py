"""Reads of the planning tracker, and who may see what.

- A project's team (TeamMember rows) reads and writes all of it.
- An expert invited to a step (ExpertInvitation) reads that step and the project's name, city
  and country, and comments on it; nothing else of the project.
- Anyone reads a published project's name, city, country, summary, step statuses and
  decisions; notes, comments, attachments and the team stay with the team.
- Staff read aggregate progress only (`overview`); editors read listing requests.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Prefetch, Q
from django_countries import countries

from dcrnet.community.models import Role
from dcrnet.guide.models import Step

from .models import (
    Comment,
    ExpertInvitation,
    ListingRequest,
    ListingStatus,
    Project,
    StepStatus,
    StepWork,
    TeamMember,
    TeamRole,
)

FINISHED = (StepStatus.DONE, StepStatus.NOT_APPLICABLE)


def is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(Role.MEMBER))


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(Role.STAFF))


def is_editor(user) -> bool:
    return bool(user and user.is_authenticated and user.is_editor)


def membership(user, project_id: int) -> TeamMember | None:
    """The person's row in the project's team, or None (anonymous, not in the team)."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    return TeamMember.objects.filter(project_id=project_id, user=user).first()


def team_project(user, project_id: int) -> tuple[Project, TeamMember] | None:
    """The project and the person's team row, if they are in its team."""
    member = (
        membership(user, project_id) if project_id is not None and 0 < project_id < 2**63 else None
    )
    if member is None:
        return None
    return member.project, member


def my_projects(user):
    """The projects the person works on, with their progress (done, of all steps)."""
    if not (user and user.is_authenticated):
        return Project.objects.none()
    return (
        Project.objects.filter(team__user=user)
        .annotate(
            steps_total=Count("steps", distinct=True),
            steps_done=Count("steps", filter=Q(steps__status__in=FINISHED), distinct=True),
        )
        .order_by("name", "pk")
    )


def expert_steps(user):
    """The steps the person was invited to comment on as an expert (not their own projects')."""
    if not (user and user.is_authenticated):
        return StepWork.objects.none()
    return (
        StepWork.objects.filter(expert_invitations__expert__user=user)
        .exclude(project__team__user=user)
        .select_related("project", "step")
        .order_by("project__name", "step__number")
    )


def step_work(project: Project, slug: str) -> StepWork | None:
    return (
        StepWork.objects.filter(project=project, step__slug=slug)
        .select_related("step", "owner", "step__expertise")
        .first()
    )


def invited_work(user, project_id: int, slug: str) -> StepWork | None:
    """The step of the project the person was invited to as an expert, or None."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    if not (0 < project_id < 2**63):
        return None
    return (
        StepWork.objects.filter(
            project_id=project_id,
            step__slug=slug,
            expert_invitations__expert__user=user,
        )
        .select_related("project", "step", "owner")
        .first()
    )


def published_project(project_id: int) -> Project | None:
    if not (0 < project_id < 2**63):
        return None
    return Project.objects.filter(pk=project_id, published=True).first()


def checklist(project: Project):
    """The project's steps in the guide's order, with the counts the checklist shows."""
    return (
        StepWork.objects.filter(project=project)
        .select_related("step", "owner")
        .annotate(
            decision_count=Count("decisions", distinct=True),
            comment_count=Count("comments", distinct=True),
            attachment_count=Count("attachments", distinct=True),
        )
        .order_by("step__number")
    )


def public_checklist(project: Project):
    """What a published project shows: steps with status and decisions (no notes)."""
    from .models import Decision

    return (
        StepWork.objects.filter(project=project)
        .select_related("step")
        .only("pk", "status", "project_id", "step__number", "step__slug", "step__title")
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.order_by("decided_on")))
        .order_by("step__number")
    )


def progress(works) -> tuple[int, int]:
    works = list(works)
    return sum(1 for w in works if w.status in FINISHED), len(works)


def missing_steps(project: Project):
    """Steps of the guide the project has no row for yet (added to the guide later)."""
    return Step.objects.exclude(work__project=project).order_by("number")


def team(project: Project):
    return TeamMember.objects.filter(project=project).select_related("user").order_by("joined_at")


def leads(project: Project):
    return TeamMember.objects.filter(project=project, role=TeamRole.LEAD)


def step_page(work: StepWork):
    """Decisions, comments, attachments and invited experts of one step."""
    return {
        "decisions": list(work.decisions.select_related("recorded_by").order_by("decided_on")),
        "comments": list(
            Comment.objects.filter(work=work).select_related("author").order_by("created_at")
        ),
        "attachments": list(work.attachments.select_related("uploaded_by")),
        "experts": list(ExpertInvitation.objects.filter(work=work).select_related("expert__user")),
    }


def expert_choices(work: StepWork, project: Project):
    """Available experts for the step's expertise first, then every other available expert;
    never a member of the team (they read the project already)."""
    from dcrnet.experts.models import Expert

    team_users = TeamMember.objects.filter(project=project).values("user_id")
    invited = ExpertInvitation.objects.filter(work=work).values("expert_id")
    base = (
        Expert.objects.available()
        .exclude(user_id__in=team_users)
        .exclude(pk__in=invited)
        .select_related("user")
    )
    matching = []
    if work.step.expertise_id:
        matching = list(
            Expert.objects.for_expertise(work.step.expertise)
            .exclude(user_id__in=team_users)
            .exclude(pk__in=invited)
            .select_related("user")
            .distinct()
        )
    chosen = {e.pk for e in matching}
    others = [e for e in base.distinct() if e.pk not in chosen]
    return matching, others


def overview():
    """Aggregate progress for staff: counts only, never a project's name.

    A project is "at" the first step of the guide that it has neither done nor found not to
    apply; a project with every step finished is "finished".
    """
    projects = list(Project.objects.values_list("pk", "country"))
    by_country = Counter(country for _pk, country in projects)
    open_steps: dict[int, int] = {}
    rows = (
        StepWork.objects.exclude(status__in=FINISHED)
        .values_list("project_id", "step__number")
        .order_by("project_id", "step__number")
    )
    for project_id, number in rows:
        open_steps.setdefault(project_id, number)
    at_step = Counter(open_steps.values())
    finished = sum(1 for pk, _c in projects if pk not in open_steps)
    steps = list(Step.objects.order_by("number"))
    named = [(countries.name(code) or code, count) for code, count in by_country.items()]
    return {
        "total": len(projects),
        "published": Project.objects.filter(published=True).count(),
        "finished": finished,
        "steps": [(step, at_step.get(step.number, 0)) for step in steps],
        "countries": sorted(named, key=lambda item: (-item[1], str(item[0]))),
    }


def pending_listings():
    return (
        ListingRequest.objects.filter(status=ListingStatus.PENDING)
        .select_related("project")
        .order_by("requested_at")
    )


def listing_requests(project: Project):
    return ListingRequest.objects.filter(project=project).order_by("-requested_at")
