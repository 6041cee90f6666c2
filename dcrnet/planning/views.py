"""The planning tracker's pages: thin views over selectors (reads) and services (writes).

A signed-out visitor is sent to sign in (a published project's page excepted); a signed-in
person who may not see a project, a step or a file gets 404, as for something that is not
there; a signed-in non-member on the tracker's home gets 403 with the reason. Every form is a
plain POST that redirects back.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from . import forms, selectors, services
from .models import Attachment, Invitation, StepWork, TeamRole

MAX_ID = 2**63 - 1


def signed_in(*methods: str):
    """Sign-in first (so a signed-out POST is sent to sign in too), then the methods."""

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            for value in kwargs.values():
                if isinstance(value, int) and value > MAX_ID:
                    raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _refused(request: HttpRequest, refusal: services.Refused) -> HttpResponse:
    if refusal.status == 404:
        raise Http404
    return render(
        request, "planning/refused.html", {"message": refusal.message}, status=refusal.status
    )


def _status(*forms_) -> int:
    return 400 if any(f.is_bound and f.errors for f in forms_) else 200


def _team(request: HttpRequest, project_id: int):
    found = selectors.team_project(request.user, project_id)
    if found is None:
        raise Http404
    return found


def _guide_url(step) -> str | None:
    try:
        return reverse("guide:step", kwargs={"slug": step.slug})
    except NoReverseMatch:
        try:
            return reverse("guide:step", args=[step.slug])
        except NoReverseMatch:
            return None


# --- the tracker's home ---------------------------------------------------------------------


@signed_in("GET", "POST")
def index(request: HttpRequest) -> HttpResponse:
    if not selectors.is_member(request.user):
        return render(
            request,
            "planning/refused.html",
            {
                "title": _("Planning projects are for members"),
                "message": _(
                    "The planning tracker is for members of the network. Apply to join the "
                    "network as an individual or through your organisation; once your "
                    "membership is approved you can open a project here."
                ),
                "join": True,
            },
            status=403,
        )
    form = forms.ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = services.open_project(
                request.user,
                name=data["name"],
                city=data["city"],
                country=data["country"],
                organisation=data["organisation"],
                summary=data["summary"],
            )
        except services.Refused as refusal:
            return _refused(request, refusal)
        return redirect("planning:project", project_id=project.pk)
    return render(
        request,
        "planning/index.html",
        {
            "projects": selectors.my_projects(request.user),
            "expert_steps": selectors.expert_steps(request.user),
            "form": form,
        },
        status=_status(form),
    )


# --- a project ------------------------------------------------------------------------------


def project(request: HttpRequest, project_id: int) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return HttpResponseNotAllowed(["GET"])
    if project_id > MAX_ID:
        raise Http404
    found = selectors.team_project(request.user, project_id)
    if found is None:
        public = selectors.published_project(project_id)
        if public is None:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            raise Http404
        works = list(selectors.public_checklist(public))
        done, total = selectors.progress(works)
        return render(
            request,
            "planning/public.html",
            {"project": public, "works": works, "done": done, "total": total},
        )
    project, me = found
    services.sync_steps(project)
    works = list(selectors.checklist(project))
    done, total = selectors.progress(works)
    pending = selectors.listing_requests(project).first()
    return render(
        request,
        "planning/project.html",
        {
            "project": project,
            "me": me,
            "is_lead": me.role == TeamRole.LEAD,
            "works": works,
            "done": done,
            "total": total,
            "team": selectors.team(project),
            "latest_listing": pending,
        },
    )


@signed_in("GET", "POST")
def project_edit(request: HttpRequest, project_id: int) -> HttpResponse:
    project, _me = _team(request, project_id)
    initial = {
        "name": project.name,
        "city": project.city,
        "country": project.country.code,
        "summary": project.summary,
    }
    form = forms.ProjectEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_project(request.user, project.pk, **form.cleaned_data)
        except services.Refused as refusal:
            return _refused(request, refusal)
        return redirect("planning:project", project_id=project.pk)
    return render(
        request,
        "planning/project_edit.html",
        {"project": project, "form": form},
        status=_status(form),
    )


@signed_in("POST")
def publish(request: HttpRequest, project_id: int) -> HttpResponse:
    project, _me = _team(request, project_id)
    form = forms.PublishForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "planning/refused.html",
            {"message": _("Please choose to publish or to withdraw.")},
            status=400,
        )
    try:
        services.set_published(request.user, project.pk, form.cleaned_data["published"])
    except services.Refused as refusal:
        return _refused(request, refusal)
    return redirect("planning:project", project_id=project.pk)


@signed_in("GET", "POST")
def listing(request: HttpRequest, project_id: int) -> HttpResponse:
    project, _me = _team(request, project_id)
    initial = {"name": project.name, "city": project.city, "country": project.country.code}
    form = forms.ListingRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_listing(request.user, project.pk, **form.cleaned_data)
        except services.Refused as refusal:
            return _refused(request, refusal)
        return redirect("planning:project", project_id=project.pk)
    return render(
        request,
        "planning/listing.html",
        {
            "project": project,
            "form": form,
            "requests": selectors.listing_requests(project),
        },
        status=_status(form),
    )


@signed_in("GET")
def export(request: HttpRequest, project_id: int) -> HttpResponse:
    project, _me = _team(request, project_id)
    services.sync_steps(project)
    works = list(
        StepWork.objects.filter(project=project)
        .select_related("step", "owner")
        .prefetch_related("decisions", "comments__author", "attachments")
        .order_by("step__number")
    )
    done, total = selectors.progress(works)
    return render(
        request,
        "planning/export.html",
        {
            "project": project,
            "works": works,
            "done": done,
            "total": total,
            "team": selectors.team(project),
        },
    )


# --- a step ---------------------------------------------------------------------------------


def _step_access(request: HttpRequest, project_id: int, slug: str):
    """(work, team row or None): the team's step, or the step the person was invited to."""
    found = selectors.team_project(request.user, project_id)
    if found is not None:
        project, me = found
        services.sync_steps(project)
        work = selectors.step_work(project, slug)
        if work is None:
            raise Http404
        return work, me
    work = selectors.invited_work(request.user, project_id, slug)
    if work is None:
        raise Http404
    return work, None


def _step_page(request, work, me, *, status=200, **bound):
    project = work.project
    team = list(selectors.team(project)) if me else []
    context = {
        "project": project,
        "work": work,
        "me": me,
        "in_team": me is not None,
        "guide_url": _guide_url(work.step),
        **selectors.step_page(work),
        "comment_form": bound.get("comment_form") or forms.CommentForm(),
    }
    if me is not None:
        matching, others = selectors.expert_choices(work, project)
        context.update(
            {
                "step_form": bound.get("step_form")
                or forms.StepForm(
                    team=team,
                    initial={
                        "status": work.status,
                        "owner": work.owner_id,
                        "due": work.due,
                        "notes": work.notes,
                    },
                ),
                "decision_form": bound.get("decision_form") or forms.DecisionForm(),
                "attachment_form": bound.get("attachment_form") or forms.AttachmentForm(),
                "expert_form": bound.get("expert_form")
                or forms.ExpertChoiceForm(matching=matching, others=others),
                "has_experts": bool(matching or others),
            }
        )
    return render(request, "planning/step.html", context, status=status)


@signed_in("GET", "POST")
def step(request: HttpRequest, project_id: int, slug: str) -> HttpResponse:
    work, me = _step_access(request, project_id, slug)
    if request.method == "GET":
        return _step_page(request, work, me)
    if me is None:
        raise Http404
    form = forms.StepForm(request.POST, team=list(selectors.team(work.project)))
    if not form.is_valid():
        return _step_page(request, work, me, status=400, step_form=form)
    data = form.cleaned_data
    try:
        services.update_step(
            request.user,
            work.pk,
            status=data["status"],
            notes=data["notes"],
            owner_id=data["owner"],
            due=data["due"],
        )
    except services.Refused as refusal:
        return _refused(request, refusal)
    return redirect("planning:step", project_id=work.project_id, slug=work.step.slug)


@signed_in("POST")
def decision(request: HttpRequest, project_id: int, slug: str) -> HttpResponse:
    work, me = _step_access(request, project_id, slug)
    if me is None:
        raise Http404
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        return _step_page(request, work, me, status=400, decision_form=form)
    try:
        services.add_decision(request.user, work.pk, **form.cleaned_data)
    except services.Refused as refusal:
        return _refused(request, refusal)
    return redirect(reverse("planning:step", args=[work.project_id, work.step.slug]) + "#decisions")


@signed_in("POST")
def comment(request: HttpRequest, project_id: int, slug: str) -> HttpResponse:
    work, me = _step_access(request, project_id, slug)
    form = forms.CommentForm(request.POST)
    if not form.is_valid():
        return _step_page(request, work, me, status=400, comment_form=form)
    try:
        services.add_comment(request.user, work.pk, body=form.cleaned_data["body"])
    except services.Refused as refusal:
        return _refused(request, refusal)
    return redirect(reverse("planning:step", args=[work.project_id, work.step.slug]) + "#comments")


@signed_in("POST")
def attachment_upload(request: HttpRequest, project_id: int, slug: str) -> HttpResponse:
    work, me = _step_access(request, project_id, slug)
    if me is None:
        raise Http404
    form = forms.AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(request.user, work.pk, form.cleaned_data["file"])
        except services.Refused as refusal:
            return _refused(request, refusal)
        else:
            return redirect(
                reverse("planning:step", args=[work.project_id, work.step.slug]) + "#attachments"
            )
    return _step_page(request, work, me, status=400, attachment_form=form)


@signed_in("GET")
def attachment(request: HttpRequest, project_id: int, slug: str, attachment_id: int):
    from dcrnet.lib import uploads

    work, _me = _step_access(request, project_id, slug)
    found = Attachment.objects.filter(pk=attachment_id, work=work).first()
    if found is None:
        raise Http404
    return uploads.serve_private(found.file, found.original_name, found.content_type)


@signed_in("POST")
def expert_invite(request: HttpRequest, project_id: int, slug: str) -> HttpResponse:
    work, me = _step_access(request, project_id, slug)
    if me is None:
        raise Http404
    matching, others = selectors.expert_choices(work, work.project)
    form = forms.ExpertChoiceForm(request.POST, matching=matching, others=others)
    if not form.is_valid():
        return _step_page(request, work, me, status=400, expert_form=form)
    try:
        services.invite_expert(request.user, work.pk, form.cleaned_data["expert"])
    except services.Refused as refusal:
        return _refused(request, refusal)
    return redirect(reverse("planning:step", args=[work.project_id, work.step.slug]) + "#experts")


@signed_in("POST")
def expert_withdraw(request: HttpRequest, project_id: int, slug: str, invitation_id: int):
    work, me = _step_access(request, project_id, slug)
    if me is None:
        raise Http404
    try:
        services.withdraw_expert(request.user, work.pk, invitation_id)
    except services.Refused as refusal:
        return _refused(request, refusal)
    return redirect(reverse("planning:step", args=[work.project_id, work.step.slug]) + "#experts")


# --- the team -------------------------------------------------------------------------------


@signed_in("GET", "POST")
def team(request: HttpRequest, project_id: int) -> HttpResponse:
    project, me = _team(request, project_id)
    form = forms.InviteForm(request.POST or None)
    message = None
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_colleague(request.user, project.pk, form.cleaned_data["email"])
        except services.AlreadyDone as refusal:
            form.add_error("email", refusal.message)
        except services.Refused as refusal:
            return _refused(request, refusal)
        else:
            return redirect(reverse("planning:team", args=[project.pk]) + "?invited=1")
    if request.GET.get("invited") == "1":
        message = _("The invitation is on its way.")
    return render(
        request,
        "planning/team.html",
        {
            "project": project,
            "me": me,
            "is_lead": me.role == TeamRole.LEAD,
            "team": selectors.team(project),
            "invitations": Invitation.objects.filter(
                project=project, accepted_at__isnull=True
            ).order_by("created_at"),
            "form": form,
            "message": message,
        },
        status=_status(form),
    )


def _team_action(request, project_id: int, action) -> HttpResponse:
    project, _me = _team(request, project_id)
    try:
        action(project)
    except services.Refused as refusal:
        return _refused(request, refusal)
    if selectors.membership(request.user, project.pk) is None:
        return redirect("planning:index")
    return redirect("planning:team", project_id=project.pk)


@signed_in("POST")
def member_remove(request: HttpRequest, project_id: int, member_id: int) -> HttpResponse:
    return _team_action(
        request, project_id, lambda p: services.remove_member(request.user, p.pk, member_id)
    )


@signed_in("POST")
def member_role(request: HttpRequest, project_id: int, member_id: int) -> HttpResponse:
    form = forms.RoleForm(request.POST)
    if not form.is_valid():
        _team(request, project_id)
        return render(request, "planning/refused.html", {"message": _("Unknown role.")}, status=400)
    role = form.cleaned_data["role"]
    return _team_action(
        request, project_id, lambda p: services.set_role(request.user, p.pk, member_id, role)
    )


@signed_in("POST")
def leave(request: HttpRequest, project_id: int) -> HttpResponse:
    return _team_action(request, project_id, lambda p: services.leave(request.user, p.pk))


@signed_in("POST")
def invitation_cancel(request: HttpRequest, project_id: int, invitation_id: int):
    return _team_action(
        request,
        project_id,
        lambda p: services.cancel_invitation(request.user, p.pk, invitation_id),
    )


@signed_in("GET", "POST")
def invitation(request: HttpRequest, token) -> HttpResponse:
    found = Invitation.objects.select_related("project").filter(token=token).first()
    if found is None:
        raise Http404
    if request.method == "POST":
        try:
            member = services.accept_invitation(request.user, token)
        except services.Refused as refusal:
            return _refused(request, refusal)
        return redirect("planning:project", project_id=member.project_id)
    try:
        services._may_accept(request.user, found)
    except services.Refused as refusal:
        return _refused(request, refusal)
    return render(request, "planning/invitation.html", {"invitation": found})


# --- staff and editors ----------------------------------------------------------------------


@signed_in("GET")
def overview(request: HttpRequest) -> HttpResponse:
    if not selectors.is_staff(request.user):
        return render(
            request,
            "planning/refused.html",
            {"message": _("The overview of planning projects is for staff of the network.")},
            status=403,
        )
    return render(request, "planning/overview.html", selectors.overview())


def _editor_only(request):
    if not selectors.is_editor(request.user):
        return render(
            request,
            "planning/refused.html",
            {"message": _("Listing requests are decided by editors.")},
            status=403,
        )
    return None


@signed_in("GET")
def listings(request: HttpRequest) -> HttpResponse:
    refused = _editor_only(request)
    if refused:
        return refused
    return render(
        request,
        "planning/listings.html",
        {
            "requests": [
                (r, forms.ApproveForm(prefix=f"a{r.pk}"), forms.DeclineForm(prefix=f"d{r.pk}"))
                for r in selectors.pending_listings()
            ]
        },
    )


@signed_in("POST")
def listing_decide(request: HttpRequest, request_id: int, decision: str) -> HttpResponse:
    refused = _editor_only(request)
    if refused:
        return refused
    from .models import ListingRequest

    found = ListingRequest.objects.filter(pk=request_id).first()
    if found is None:
        raise Http404
    if decision == "approve":
        form = forms.ApproveForm(request.POST, prefix=f"a{request_id}")
    else:
        form = forms.DeclineForm(request.POST, prefix=f"d{request_id}")
    if not form.is_valid():
        return render(
            request,
            "planning/listing_decide.html",
            {"listing": found, "form": form, "decision": decision},
            status=400,
        )
    try:
        if decision == "approve":
            services.approve_listing(request.user, request_id, **form.cleaned_data)
        else:
            services.decline_listing(request.user, request_id, **form.cleaned_data)
    except services.Refused as refusal:
        return _refused(request, refusal)
    return redirect("planning:listings")
