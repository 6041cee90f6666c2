"""Organisation and membership pages: thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import selectors, services
from .forms import (
    DecisionForm,
    MembershipApplicationForm,
    OrganisationApplicationForm,
    OrganisationFilterForm,
)
from .models import Organisation

PAGE_SIZE = 25


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET)
    organisations = selectors.approved_organisations(**form.filters)
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "total": page.paginator.count}
    if request.htmx:
        return render(request, "organisations/organisation_list.html#results", context)
    return render(request, "organisations/organisation_list.html", context)


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        organisation = selectors.organisation_detail(slug, request.user)
    except Organisation.DoesNotExist:
        raise Http404 from None
    return render(request, "organisations/organisation_detail.html", {"organisation": organisation})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_apply(request: HttpRequest) -> HttpResponse:
    form = OrganisationApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.apply_for_organisation(
                request.user,
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                country=form.cleaned_data["country"],
                website=form.cleaned_data["website"],
                statement=form.cleaned_data["statement"],
                facilities=form.cleaned_data["facilities"],
            )
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request, _("Thank you: the application was sent. Staff will decide on it.")
            )
            return redirect("organisations:mine")
    return render(request, "organisations/organisation_apply.html", {"form": form})


@login_required
@require_GET
def organisation_queue(request: HttpRequest) -> HttpResponse:
    if not selectors.decides_for_network(request.user):
        raise Http404
    return render(
        request,
        "organisations/organisation_queue.html",
        {"organisations": selectors.organisation_queue(), "form": DecisionForm()},
    )


@login_required
@require_POST
def organisation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not selectors.decides_for_network(request.user):
        raise Http404
    return _decide(request, pk, services.decide_organisation, "organisations:organisation_queue")


@login_required
@require_http_methods(["GET", "POST"])
def membership_join(request: HttpRequest) -> HttpResponse:
    form = MembershipApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.apply_for_membership(
                request.user,
                organisation=form.cleaned_data["organisation"],
                statement=form.cleaned_data["statement"],
                listed=form.cleaned_data["listed"],
            )
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Thank you: your application was sent."))
            return redirect("organisations:mine")
    return render(request, "organisations/membership_join.html", {"form": form})


@login_required
@require_GET
def membership_queue(request: HttpRequest) -> HttpResponse:
    if not selectors.may_decide_memberships(request.user):
        raise Http404
    return render(
        request,
        "organisations/membership_queue.html",
        {"memberships": selectors.membership_queue(request.user), "form": DecisionForm()},
    )


@login_required
@require_POST
def membership_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not selectors.memberships_decidable_by(request.user).filter(pk=pk).exists():
        raise Http404
    return _decide(request, pk, services.decide_membership, "organisations:membership_queue")


def _decide(request: HttpRequest, pk: int, service, queue: str) -> HttpResponse:
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(queue)
    try:
        service(request.user, pk, approve=form.approve, reason=form.cleaned_data["reason"])
    except services.NotFound:
        raise Http404 from None
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        if form.approve:
            messages.success(request, _("The application was approved."))
        else:
            messages.success(request, _("The application was declined."))
    return redirect(queue)


@login_required
@require_GET
def my_applications(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "organisations/my_applications.html",
        {
            "memberships": selectors.own_memberships(request.user),
            "organisations": selectors.own_organisation_applications(request.user),
        },
    )


@login_required
@require_POST
def membership_leave(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.leave(request.user, pk)
    except services.NotFound:
        raise Http404 from None
    messages.success(request, _("Your membership has ended."))
    return redirect("organisations:mine")
