"""Your data (/account/): the overview, the profile, consents, the export and deleting the
account; and the members' handle pages (/members/<handle>/)."""

from __future__ import annotations

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from dcrnet.lib.logging import security_event

from . import privacy, services
from .erasure import delete_account
from .forms import ConsentForm, DeleteAccountForm, ProfileForm
from .models import ConsentPurpose, Profile, Role

User = get_user_model()


def _reverse_or_none(name: str, *args) -> str | None:
    """A URL another app provides, or None while that app has not built it yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "community/overview.html",
        {"applications_url": _reverse_or_none("organisations:my_applications")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    current = Profile.objects.filter(user=user).first() or Profile(user=user)
    consented = services.has_consent(user, ConsentPurpose.PERSPECTIVE)
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST, user=user, consented=consented)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.save_profile(
                    user, data, perspective_consent=bool(data.get("perspective_consent"))
                )
            except services.HandleTaken:
                form.add_error("handle", _("This handle is taken; please choose another."))
                status = 409
            else:
                messages.success(request, _("Your profile is saved."))
                return redirect("community:profile")
        else:
            status = 400
    else:
        form = ProfileForm(
            user=user,
            consented=consented,
            initial={
                "handle": user.handle,
                "real_name": current.real_name,
                "show_real_name": current.show_real_name,
                "show_email": current.show_email,
                "mention_emails": current.mention_emails,
                "language": user.email_language,
                "languages": current.languages,
                "country": current.country.code or "",
                "perspective": current.perspective,
                "show_perspective": current.show_perspective,
                "expertise": list(current.expertise.all()) if current.pk else [],
            },
        )
    notice_version, notice_text = services.notice(ConsentPurpose.PERSPECTIVE)
    return render(
        request,
        "community/profile.html",
        {"form": form, "consented": consented, "perspective_notice": notice_text},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def consents(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            purpose = form.cleaned_data["purpose"]
            if form.cleaned_data["action"] == "give":
                services.give_consent(request.user, purpose)
                messages.success(request, _("Your consent is recorded."))
            else:
                services.withdraw_consent(request.user, purpose)
                messages.success(request, _("Your consent is withdrawn."))
            return redirect("community:consents")
        status = 400
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    current = {
        c.purpose: c
        for c in request.user.consents.filter(withdrawn_at__isnull=True).order_by("given_at")
    }
    purposes = []
    for purpose in ConsentPurpose:
        version, text = services.notice(purpose)
        purposes.append(
            {
                "value": purpose.value,
                "label": purpose.label,
                "version": version,
                "notice": text,
                "consent": current.get(purpose.value),
            }
        )
    return render(
        request,
        "community/consents.html",
        {"purposes": purposes, "past": request.user.consents.order_by("-given_at")},
        status=status,
    )


@login_required
@reauthentication_required
@never_cache
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    """GET: what the download holds; POST: the JSON file (after a recent re-authentication)."""
    if request.method == "GET":
        return render(request, "community/export.html")
    document = privacy.export_all(request.user)
    security_event("personal_data_exported", request)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="dcrnet-my-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@reauthentication_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    user = request.user
    status = 200
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=user)
        if form.is_valid():
            delete_account(user, keep_posts=form.keep_posts, request=request)
            # The session goes without the logout signal's handlers, which would write the
            # deleted account's address back into the login log.
            request.session.flush()
            request.user = AnonymousUser()
            return render(request, "community/deleted.html")
        status = 400
    else:
        form = DeleteAccountForm(user=user)
    return render(request, "community/delete.html", {"form": form}, status=status)


# --- Handle pages ----------------------------------------------------------------------------


def can_see_members(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        user.has_role(Role.MEMBER) or user.has_perm("forum.moderate")
    )


def _recent_posts(person, viewer, limit: int = 5):
    """The person's recent posts the viewer may read, if the forum has built its access rule."""
    from dcrnet.forum.models import Post

    visible_to = getattr(Post.objects, "visible_to", None)
    if visible_to is None:
        return None
    return list(
        visible_to(viewer)
        .filter(author=person)
        .select_related("thread")
        .order_by("-created_at")[:limit]
    )


@login_required
@require_GET
def member(request: HttpRequest, handle: str) -> HttpResponse:
    if not can_see_members(request.user):
        raise Http404
    person = get_object_or_404(User, handle__iexact=handle, is_active=True)
    if person.handle != handle:
        return redirect("members:member", handle=person.handle)
    profile = Profile.objects.filter(user=person).prefetch_related("expertise").first()
    from dcrnet.organisations.models import Membership, Status

    memberships = (
        Membership.objects.filter(
            user=person, status=Status.APPROVED, listed=True, organisation__isnull=False
        )
        .select_related("organisation")
        .order_by("organisation__name")
    )
    languages = dict(services_languages())
    context = {
        "person": person,
        "profile": profile,
        "languages": [languages.get(code, code) for code in (profile.languages if profile else [])],
        "memberships": memberships,
        "posts": _recent_posts(person, request.user),
        "show_real_name": bool(profile and profile.show_real_name and profile.real_name),
        "show_email": bool(profile and profile.show_email),
        "show_perspective": bool(profile and profile.show_perspective and profile.perspective),
    }
    return render(request, "community/member.html", context)


def services_languages():
    from django.conf import settings

    return [(code, _(str(name))) for code, name in settings.LANGUAGES]
