"""Pages of exchange visits: thin views over selectors (reads) and services (writes).

Who sees what: the list of hosts is public; asking is for members (signed-in non-members get
403 with the reason); a visit is seen by its requester, the host's contacts and staff (anyone
else: 404, whether or not it exists); a host's terms are edited by its contacts (others: 404).
A signed-out visitor is sent to sign in first, whatever the method; a person who sees a visit
but may not take an action on it gets 403 with the reason; an action the visit's state no
longer allows is 409 with what happened; a form with mistakes is the page again with the
errors on their fields (400). Every form is a plain POST that redirects back.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from dcrnet.experts import languages

from . import forms, selectors, services
from .models import OPEN, EventKind, VisitStatus


def signed_in(*methods: str):
    """Sign-in first (so a signed-out POST is sent to sign in too), then the methods."""

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _refused(request: HttpRequest, refusal: services.Refused, **extra) -> HttpResponse:
    if refusal.status == 404:
        raise Http404
    return render(
        request,
        "visits/refused.html",
        {"message": refusal.message, **extra},
        status=refusal.status,
    )


def _status(*bound) -> int:
    return 400 if any(form is not None and form.is_bound and form.errors for form in bound) else 200


def _terms(host) -> dict:
    return {"host": host, "languages": languages.names(host.languages)}


# --- public ----------------------------------------------------------------------------------


@require_safe
def hosts(request: HttpRequest) -> HttpResponse:
    is_member = services.is_member(request.user)
    contact_of = set(selectors.hosts_of(request.user).values_list("pk", flat=True))
    return render(
        request,
        "visits/hosts.html",
        {
            "hosts": [
                {**_terms(host), "may_ask": is_member and host.pk not in contact_of}
                for host in selectors.receiving_hosts()
            ],
            "visits": selectors.public_visits(),
            "is_member": is_member,
        },
    )


# --- asking ----------------------------------------------------------------------------------


@signed_in("GET", "HEAD", "POST")
def ask(request: HttpRequest, facility: str) -> HttpResponse:
    host = selectors.receiving_host(facility)
    if host is None:
        raise Http404
    user = request.user
    if not services.is_member(user):
        return _refused(
            request,
            services.NotAllowed(
                _(
                    "Exchange visits are for members of the network. Apply to join as an "
                    "individual or through your organisation; once your membership is approved "
                    "you can ask a facility for a visit."
                )
            ),
            join=True,
        )
    if services.is_contact(user, host):
        return _refused(
            request,
            services.NotAllowed(
                _("You answer the visit requests of this facility: you cannot ask it for one.")
            ),
        )
    existing = services.open_request(host, user)
    form = forms.AskForm(request.POST if request.method == "POST" else None, host=host, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            visit = services.ask(
                host,
                by=user,
                first_date=data["first_date"],
                last_date=data["last_date"],
                group_size=data["group_size"],
                purpose=data["purpose"],
                languages=data["languages"],
                organisation=data.get("organisation"),
            )
        except services.AlreadyAsked as refusal:
            return _refused(request, refusal, visit=services.open_request(host, user))
        except services.Invalid as refusal:
            form.add_error(None, refusal.message)
        except services.Refused as refusal:
            return _refused(request, refusal)
        else:
            messages.success(
                request, _("Your request was sent. The host's contacts will answer by email.")
            )
            return redirect(visit)
    return render(
        request,
        "visits/ask.html",
        {"form": form, "existing": existing, "max_days": services.MAX_DAYS, **_terms(host)},
        status=_status(form),
    )


# --- one visit -------------------------------------------------------------------------------


def _visit(request: HttpRequest, public_id):
    visit = selectors.visit_for(request.user, public_id)
    if visit is None:
        raise Http404
    return visit


def _history(visit, viewer) -> list[dict]:
    events = list(visit.events.select_related("author"))
    if not events:  # a visit written without its history (the demo): its request at least
        events = [
            visit.events.model(
                visit=visit,
                kind=EventKind.REQUESTED,
                author=visit.requester,
                first_date=visit.first_date,
                last_date=visit.last_date,
                created_at=visit.created_at,
            )
        ]
    shown = []
    for event in events:
        author = event.author
        if author is not None and author.pk == viewer.pk:
            who = _("You")
        elif event.by_host:
            who = visit.host.facility.name
            if author is not None and author.handle:
                who = f"{who} ({author.handle})"
        else:
            who = author.handle if author is not None and author.handle else _("The visitors")
        shown.append(
            {
                "who": who,
                "what": event.get_kind_display(),
                "first": event.first_date,
                "last": event.last_date,
                "message": event.message,
                "at": event.created_at,
            }
        )
    return shown


def _page(request, visit, *, status: int = 200, **forms_) -> HttpResponse:
    user = request.user
    today = services.today()
    is_requester = visit.requester_id == user.pk
    is_contact = services.is_contact(user, visit.host)
    accepted = visit.status == VisitStatus.ACCEPTED
    context = {
        "visit": visit,
        "facility": visit.host.facility,
        "language_names": languages.names(visit.languages),
        "history": _history(visit, user),
        "is_requester": is_requester,
        "is_contact": is_contact,
        "can_answer": is_contact and visit.status == VisitStatus.REQUESTED,
        "can_respond": is_requester and visit.status == VisitStatus.PROPOSED,
        "can_withdraw": is_requester
        and (visit.status == VisitStatus.REQUESTED or (accepted and visit.first_date > today)),
        "can_publicise": accepted and (is_requester or is_contact),
        "is_open": visit.status in OPEN,
        "is_public": accepted and visit.public_by_requester and visit.public_by_host,
        "answer_form": forms_.get("answer_form") or forms.AnswerForm(),
        "respond_form": forms_.get("respond_form") or forms.RespondForm(),
        "withdraw_form": forms_.get("withdraw_form") or forms.WithdrawForm(),
    }
    return render(request, "visits/visit.html", context, status=status)


@signed_in("GET", "HEAD")
def visit(request: HttpRequest, public_id) -> HttpResponse:
    return _page(request, _visit(request, public_id))


def _act(request, visit, action) -> HttpResponse:
    try:
        action()
    except services.Refused as refusal:
        return _refused(request, refusal, visit=visit)
    return redirect(visit)


@signed_in("POST")
def answer(request: HttpRequest, public_id) -> HttpResponse:
    visit = _visit(request, public_id)
    if not services.is_contact(request.user, visit.host):
        return _refused(
            request,
            services.NotAllowed(_("Only the host facility's contacts answer visit requests.")),
            visit=visit,
        )
    form = forms.AnswerForm(request.POST)
    if not form.is_valid():
        return _page(request, visit, answer_form=form, status=400)
    data = form.cleaned_data
    decision = data["decision"]

    def act():
        services.answer(
            visit,
            by=request.user,
            decision=decision,
            message=data["message"],
            first_date=data.get("first_date"),
            last_date=data.get("last_date"),
        )
        messages.success(
            request,
            {
                "accept": _("You accepted the visit. The visitors are told by email."),
                "propose": _("You proposed other dates. The visitors are told by email."),
                "decline": _("You declined the visit. The visitors are told by email."),
            }[decision],
        )

    return _act(request, visit, act)


def _requester_or_refused(request, visit) -> HttpResponse | None:
    if visit.requester_id != request.user.pk:
        return _refused(
            request,
            services.NotAllowed(_("Only the person who asked for the visit can do this.")),
            visit=visit,
        )
    return None


@signed_in("POST")
def respond(request: HttpRequest, public_id) -> HttpResponse:
    visit = _visit(request, public_id)
    if refused := _requester_or_refused(request, visit):
        return refused
    form = forms.RespondForm(request.POST)
    if not form.is_valid():
        return _page(request, visit, respond_form=form, status=400)
    if form.cleaned_data["decision"] == "accept":

        def act():
            services.take_proposal(visit, by=request.user)
            messages.success(request, _("The visit is accepted on the proposed dates."))

    else:

        def act():
            services.withdraw(visit, by=request.user)
            messages.success(request, _("You withdrew your request."))

    return _act(request, visit, act)


@signed_in("POST")
def withdraw(request: HttpRequest, public_id) -> HttpResponse:
    visit = _visit(request, public_id)
    if refused := _requester_or_refused(request, visit):
        return refused
    form = forms.WithdrawForm(request.POST)
    if not form.is_valid():
        return _page(request, visit, withdraw_form=form, status=400)

    def act():
        services.withdraw(visit, by=request.user, message=form.cleaned_data["message"])
        messages.success(request, _("You withdrew your request. The host is told by email."))

    return _act(request, visit, act)


@signed_in("POST")
def publicity(request: HttpRequest, public_id) -> HttpResponse:
    visit = _visit(request, public_id)
    if not (visit.requester_id == request.user.pk or services.is_contact(request.user, visit.host)):
        return _refused(
            request,
            services.NotAllowed(
                _("Only the visitors and the host decide whether a visit is shown.")
            ),
            visit=visit,
        )
    form = forms.PublicityForm(request.POST)
    if not form.is_valid():
        return _refused(
            request, services.Invalid(_("Please choose whether to show the visit.")), visit=visit
        )
    public = form.cleaned_data["public"] == "yes"

    def act():
        services.set_publicity(visit, by=request.user, public=public)
        messages.success(
            request,
            _("Your choice is saved: it is shown publicly only if both sides agree.")
            if public
            else _("Your choice is saved: the visit is not shown publicly."),
        )

    return _act(request, visit, act)


# --- a person's visits and hosts -----------------------------------------------------------


@signed_in("GET", "HEAD")
def mine(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "visits/mine.html",
        {
            "mine": selectors.requests_of(user),
            "theirs": selectors.requests_to(user),
            "hosts": selectors.hosts_of(user),
            "open": OPEN,
        },
    )


@signed_in("GET", "HEAD", "POST")
def host_edit(request: HttpRequest, facility: str) -> HttpResponse:
    host = selectors.contact_host(request.user, facility)
    if host is None:
        raise Http404
    initial = {name: getattr(host, name) for name in services.HOST_FIELDS}
    form = forms.HostForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_host(host, by=request.user, **form.cleaned_data)
        except services.Invalid as refusal:
            form.add_error(None, refusal.message)
        except services.Refused as refusal:
            return _refused(request, refusal)
        else:
            messages.success(request, _("The terms for visits are saved."))
            return redirect("visits:host_edit", facility=host.facility.public_id)
    return render(
        request,
        "visits/host_edit.html",
        {"form": form, "host": host, "facility": host.facility},
        status=_status(form),
    )
