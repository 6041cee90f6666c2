"""Advocacy pages: thin views over selectors (reads, access rules) and services (writes).

Who sees what: the list, a published initiative, its endorsers' CSV and its badge are public
(drafts: editors only, 404 to others). Endorsing and withdrawing are for the approved contact
person of an approved organisation (403 to anyone else); signing for signed-in people, where the
initiative takes individuals; the approval queue for staff (403 to anyone else). A signed-out
visitor is sent to sign in, for GET and POST alike. A refused write is a page with its message
and status, never a 500.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from dcrnet.lib.csv import csv_response
from dcrnet.lib.i18n import absolute, neutral_language
from dcrnet.lib.refusals import Refused

from . import badge, selectors, services
from .forms import MAX_ID, DecisionForm, EndorseForm, SignForm
from .models import Initiative, Status


def signed_in(*methods: str):
    """Sign-in first (so a signed-out POST is sent to sign in too), then the methods."""
    allowed = {*methods, "HEAD"} if "GET" in methods else set(methods)

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if request.method not in allowed:
                return HttpResponseNotAllowed(sorted(allowed))
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _refused(request: HttpRequest, refusal: Refused, initiative: Initiative | None = None):
    if refusal.status == 404:
        raise Http404
    return render(
        request,
        "advocacy/refused.html",
        {"message": refusal.message, "initiative": initiative},
        status=refusal.status,
    )


def _initiative(request: HttpRequest, slug: str) -> Initiative:
    try:
        return selectors.visible(slug, request.user)
    except Initiative.DoesNotExist:
        raise Http404 from None


# --- reading -----------------------------------------------------------------------------------


@require_safe
def initiative_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "advocacy/initiative_list.html",
        {
            "initiatives": selectors.initiative_list(request.user),
            "is_editor": selectors.is_editor(request.user),
            "decides": selectors.decides(request.user),
        },
    )


@require_safe
def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        initiative = selectors.initiative_for(slug, request.user)
    except Initiative.DoesNotExist:
        raise Http404 from None
    return _detail(request, initiative)


def _detail(request: HttpRequest, initiative: Initiative, sign_form=None, status: int = 200):
    user = request.user
    signatures = selectors.signatures(initiative)
    own_signature = selectors.own_signature(user, initiative)
    may_sign = (
        user.is_authenticated
        and initiative.published
        and initiative.allows_individuals
        and initiative.accepts_endorsements
        and own_signature is None
    )
    if may_sign and sign_form is None:
        sign_form = SignForm(user=user)
    page = absolute(initiative.get_absolute_url())
    svg = absolute(reverse("advocacy:badge_svg", kwargs={"slug": initiative.slug}))
    context = {
        "initiative": initiative,
        "endorsers": selectors.endorsers(initiative),
        "signature_count": signatures.count(),
        "named_signatures": selectors.named(signatures),
        "own_signature": own_signature,
        "sign_form": sign_form if may_sign else None,
        "own_endorsements": selectors.own_endorsements(user, initiative),
        "waiting_contact": selectors.waiting_contact(user),
        "is_editor": selectors.is_editor(user),
        "badge_svg": svg,
        "badge_png": absolute(reverse("advocacy:badge_png", kwargs={"slug": initiative.slug})),
        "badge_size": (badge.WIDTH, badge.HEIGHT),
        "badge_snippet": format_html(
            '<a href="{}"><img src="{}" alt="{}" width="{}" height="{}"></a>',
            page,
            svg,
            _("Organisations that endorse “%(title)s” on the DCR Network")
            % {"title": initiative.title},
            badge.WIDTH,
            badge.HEIGHT,
        ),
    }
    return render(request, "advocacy/initiative_detail.html", context, status=status)


# --- organisations -----------------------------------------------------------------------------


@signed_in("POST")
def endorse(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _initiative(request, slug)
    form = EndorseForm(request.POST)
    if not form.is_valid():
        message = _("organisation: choose one of the organisations you are the contact of.")
        return _refused(request, services.Invalid(message), initiative)
    try:
        endorsement = services.endorse(
            request.user, initiative.pk, form.cleaned_data["organisation"]
        )
    except Refused as refusal:
        return _refused(request, refusal, initiative)
    messages.success(
        request,
        _(
            "Thank you: the endorsement of %(organisation)s was sent. It is shown once staff "
            "approve it."
        )
        % {"organisation": endorsement.organisation.name},
    )
    return redirect(initiative)


@signed_in("POST")
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    if pk > MAX_ID:
        raise Http404
    try:
        endorsement = services.withdraw(request.user, pk)
    except Refused as refusal:
        return _refused(request, refusal)
    messages.success(
        request,
        _("The endorsement of %(organisation)s is withdrawn.")
        % {"organisation": endorsement.organisation.name},
    )
    if endorsement.initiative.published:
        return redirect(endorsement.initiative)
    return redirect("advocacy:list")


# --- individuals -------------------------------------------------------------------------------


@signed_in("GET", "POST")
def sign(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        initiative = selectors.initiative_for(slug, request.user)
    except Initiative.DoesNotExist:
        raise Http404 from None
    if request.method != "POST":
        return redirect(initiative)
    form = SignForm(request.POST, user=request.user)
    if not form.is_valid():
        return _detail(request, initiative, sign_form=form, status=400)
    try:
        services.sign(
            request.user,
            initiative.pk,
            shown_as=form.cleaned_data["shown_as"],
            real_name=form.cleaned_data["real_name"],
        )
    except Refused as refusal:
        return _refused(request, refusal, initiative)
    messages.success(request, _("Thank you: your name is added."))
    return redirect(initiative)


@signed_in("POST")
def unsign(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = _initiative(request, slug)
    try:
        services.unsign(request.user, initiative.pk)
    except Refused as refusal:
        return _refused(request, refusal, initiative)
    messages.success(request, _("Your name is taken off the initiative."))
    return redirect(initiative)


# --- staff -------------------------------------------------------------------------------------


def _staff_only(request: HttpRequest) -> HttpResponse | None:
    if selectors.decides(request.user):
        return None
    return _refused(
        request, services.NotAllowed(_("Only staff decide on endorsements.")), initiative=None
    )


@signed_in("GET")
def review(request: HttpRequest) -> HttpResponse:
    if refused := _staff_only(request):
        return refused
    return render(
        request,
        "advocacy/review.html",
        {"endorsements": selectors.review_queue(), "form": DecisionForm()},
    )


@signed_in("POST")
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _staff_only(request):
        return refused
    if pk > MAX_ID:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("advocacy:review")
    try:
        endorsement = services.decide(
            request.user, pk, approve=form.approve, reason=form.cleaned_data["reason"]
        )
    except services.NotFound:
        raise Http404 from None
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        names = {"organisation": endorsement.organisation.name}
        if endorsement.status == Status.APPROVED:
            messages.success(request, _("The endorsement of %(organisation)s is approved.") % names)
        else:
            messages.success(request, _("The endorsement of %(organisation)s is declined.") % names)
    return redirect("advocacy:review")


# --- for campaigners ---------------------------------------------------------------------------

CSV_COLUMNS = ("type", "name", "kind", "country", "country_name", "date")


@require_safe
@neutral_language
def endorsers_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The public list: organisations that endorse now (the date staff approved it), then the
    individuals who chose to show a name (the date they signed). Nothing else of anyone."""
    initiative = _initiative(request, slug)
    rows = [
        (
            "organisation",
            e.organisation.name,
            e.organisation.get_kind_display(),
            e.organisation.country.code or "",
            str(e.organisation.country.name or ""),
            (e.decided_at or e.endorsed_at).date().isoformat(),
        )
        for e in selectors.endorsements(initiative)
    ]
    rows += [
        ("individual", s.shown_name, "", "", "", s.signed_at.date().isoformat())
        for s in selectors.named(selectors.signatures(initiative))
    ]
    return csv_response(f"{initiative.slug}-endorsers.csv", CSV_COLUMNS, rows)


def _image(content: bytes | str, content_type: str) -> HttpResponse:
    """An image other sites embed. Its caching is the site's (lib.pagecache): public with a short
    max-age and an ETag that every write to advocacy changes (signals.py), so caches revalidate
    and get 304 until the count or the title changes; signed-in answers are not stored."""
    response = HttpResponse(content, content_type=content_type)
    # Other sites show it: it is theirs to embed (the rest of the site is same-origin only).
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Content-Security-Policy"] = (
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
    )
    return response


def _badge(request: HttpRequest, slug: str) -> badge.Badge:
    initiative = _initiative(request, slug)
    return badge.badge(initiative.title, selectors.endorser_count(initiative))


@require_safe
def badge_svg(request: HttpRequest, slug: str) -> HttpResponse:
    svg = badge.svg(_badge(request, slug))
    return _image(svg, "image/svg+xml; charset=utf-8")


@require_safe
def badge_png(request: HttpRequest, slug: str) -> HttpResponse:
    return _image(badge.png(_badge(request, slug)), "image/png")
