"""Pages of experts and help requests: thin views over selectors (reads) and services (writes).

Who sees what: the directory, an expert's page and the help pages are public; opting in is for
members; a conversation is for its requester, its accepted experts and staff (anyone else: 404,
whether or not it exists), or for the anonymous requester through the signed link; the triage
pages are for staff (403 for other accounts). A refused write is a page with its message and
status (403, 409, 429 with Retry-After), never a 500.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dcrnet.community.models import ExpertiseTag, Role

from . import languages, matching, selectors, services
from .forms import (
    DecisionForm,
    DirectoryFilter,
    ExpertForm,
    HelpRequestForm,
    MessageForm,
    RouteForm,
)
from .models import AssignmentStatus, Expert, RequestStatus
from .tokens import read_reply_token


def _refused(request: HttpRequest, refusal: services.HelpRefusal) -> HttpResponse:
    response = render(
        request, "experts/refused.html", {"message": refusal.message}, status=refusal.status
    )
    if isinstance(refusal, services.RateLimited):
        response["Retry-After"] = str(refusal.retry_after)
    return response


def _login(request: HttpRequest) -> HttpResponse:
    return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def _can_see_real_names(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(Role.MEMBER)


def _card(expert: Expert, viewer) -> dict:
    """What the public sees of an expert; the real name only where the profile opts in, and
    then only to members (the profile's choice reads "show my real name to other members")."""
    profile = getattr(expert.user, "profile", None)
    real_name = ""
    if profile and profile.show_real_name and profile.real_name and _can_see_real_names(viewer):
        real_name = profile.real_name
    return {
        "handle": expert.user.handle,
        "real_name": real_name,
        "bio": expert.bio,
        "expertise": list(expert.expertise.all()),
        "languages": languages.names(expert.languages),
        "countries": [country.name for country in expert.countries],
        "hours_per_month": expert.hours_per_month,
        "is_demo": expert.is_demo,
    }


# --- experts -----------------------------------------------------------------------------------


def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilter(request.GET)
    if not form.is_valid():
        return render(request, "experts/directory.html", {"form": form, "page": None}, status=400)
    data = form.cleaned_data
    experts = selectors.directory(
        expertise=data["expertise"], language=data["language"], country=data["country"]
    )
    page = Paginator(experts, selectors.PER_PAGE).get_page(data.get("page") or 1)
    return render(
        request,
        "experts/directory.html",
        {
            "form": form,
            "page": page,
            "cards": [_card(expert, request.user) for expert in page.object_list],
        },
    )


def expert(request: HttpRequest, handle: str) -> HttpResponse:
    found = selectors.public_expert(handle)
    if found is None:
        raise Http404
    if found.user.handle != handle:
        return redirect("experts:expert", handle=found.user.handle)
    return render(request, "experts/expert.html", {"card": _card(found, request.user)})


def _expert_form(request: HttpRequest, existing: Expert | None) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request)
    if not services.is_member(request.user):
        return _refused(
            request,
            services.NotAllowed(
                _("Only members of the network can offer their help as experts. Join first.")
            ),
        )
    if not request.user.handle:
        messages.info(request, _("Please choose a handle first: it is the name people see."))
        return redirect("community:profile")
    initial = None
    if existing is not None:
        initial = {
            "bio": existing.bio,
            "expertise": list(existing.expertise.all()),
            "languages": existing.languages,
            "countries": [str(c) for c in existing.countries],
            "hours_per_month": existing.hours_per_month,
            "max_open_requests": existing.max_open_requests,
            "active": existing.active,
        }
    form = ExpertForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.save_expert(request.user, **data)
        except services.HelpRefusal as refusal:
            return _refused(request, refusal)
        messages.success(
            request,
            _("Thank you: you are now listed as an expert.")
            if existing is None
            else _("Your expert profile is saved."),
        )
        return redirect("experts:me")
    return render(
        request,
        "experts/expert_form.html",
        {"form": form, "existing": existing},
        status=_status(form),
    )


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        existing = Expert.objects.filter(user=request.user).first()
        if existing is not None and existing.active:
            return redirect("experts:me")
        return _expert_form(request, existing)
    return _login(request)


@require_http_methods(["GET", "POST"])
def me(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request)
    existing = Expert.objects.filter(user=request.user).first()
    if existing is None:
        return redirect("experts:join")
    return _expert_form(request, existing)


@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request)
    if services.leave(request.user):
        messages.success(
            request,
            _("You are no longer proposed for new requests. Conversations you joined stay open."),
        )
    return redirect(
        "experts:me" if Expert.objects.filter(user=request.user).exists() else "experts:join"
    )


def my_requests(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request)
    return render(
        request,
        "experts/my_requests.html",
        {
            "assignments": selectors.invitations_of(request.user),
            "is_expert": Expert.objects.filter(user=request.user).exists(),
            "form": DecisionForm(),
        },
    )


@require_POST
def decide(request: HttpRequest, public_id) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request)
    help_request = selectors.with_conversation(public_id)
    if help_request is None:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "experts/refused.html",
            {"message": _("Please choose to accept or to decline.")},
            status=400,
        )
    accept = form.cleaned_data["decision"] == "accept"
    try:
        services.decide(request.user, help_request, accept=accept)
    except services.NotAllowed:
        raise Http404 from None
    except services.HelpRefusal as refusal:
        return _refused(request, refusal)
    if accept:
        messages.success(request, _("Thank you: you have joined the conversation."))
        return redirect("experts:conversation", public_id=help_request.public_id)
    messages.success(request, _("You declined this request."))
    return redirect("experts:my_requests")


# --- help requests --------------------------------------------------------------------------


def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "experts/help.html", {"topics": ExpertiseTag.objects.all()})


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    signed_in = request.user.is_authenticated
    initial = {}
    topic = request.GET.get("topic", "")
    if topic and ExpertiseTag.objects.filter(slug=topic).exists():
        initial["topic"] = topic
    form = HelpRequestForm(
        request.POST if request.method == "POST" else None, initial=initial, signed_in=signed_in
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if not signed_in:
                services.check_anonymous_rate(request, "help-request", services.ANONYMOUS_REQUESTS)
            help_request = services.submit_request(
                user=request.user,
                topic=data["topic"],
                country=data.get("country", ""),
                language=data["language"],
                text=data["text"],
                email=data.get("email", ""),
            )
        except services.HelpRefusal as refusal:
            if isinstance(refusal, services.RateLimited):
                form.add_error(None, refusal.message)
                response = render(request, "experts/ask.html", {"form": form}, status=429)
                response["Retry-After"] = str(refusal.retry_after)
                return response
            return _refused(request, refusal)
        if signed_in:
            messages.success(request, _("Thank you: your request was sent to our staff."))
            return redirect("experts:conversation", public_id=help_request.public_id)
        return redirect("experts:sent")
    return render(request, "experts/ask.html", {"form": form}, status=_status(form))


def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "experts/sent.html")


def mine(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request)
    return render(request, "experts/mine.html", {"requests": selectors.requests_of(request.user)})


def _messages_view(help_request, viewer_is_requester: bool) -> list[dict]:
    shown = []
    for message in help_request.messages.all():
        if message.from_requester:
            who = _("You") if viewer_is_requester else _("The person asking")
        elif message.author is None or not message.author.handle:
            who = _("[deleted member]")
        else:
            who = message.author.handle
        shown.append({"who": who, "body": message.body, "at": message.created_at})
    return shown


def _conversation(request, help_request, *, form, token: str = "", status: int = 200):
    user = request.user
    viewer_is_requester = not token and help_request.requester_id == getattr(user, "pk", None)
    if token:
        viewer_is_requester = True
    return render(
        request,
        "experts/conversation.html",
        {
            "help_request": help_request,
            "language_name": languages.name(help_request.language),
            "entries": _messages_view(help_request, viewer_is_requester),
            "experts": [
                a.expert.user.handle
                for a in help_request.assignments.all()
                if a.status == AssignmentStatus.ACCEPTED
            ],
            "form": form,
            "token": token,
            "closed": help_request.status == RequestStatus.CLOSED,
            "is_staff": services.is_staff(user),
        },
        status=status,
    )


def _write(request, help_request, *, user, token: str = "") -> HttpResponse:
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _conversation(request, help_request, form=form, token=token, status=400)
    try:
        if user is None:
            services.check_anonymous_rate(request, "help-reply", services.ANONYMOUS_REPLIES)
        services.post_message(help_request, form.cleaned_data["body"], user=user)
    except services.HelpRefusal as refusal:
        return _refused(request, refusal)
    messages.success(request, _("Your message was sent."))
    if token:
        return redirect("experts:reply", token=token)
    return redirect("experts:conversation", public_id=help_request.public_id)


@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest, public_id) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request)
    help_request = selectors.with_conversation(public_id)
    if help_request is None or not services.can_take_part(request.user, help_request):
        raise Http404
    if request.method == "POST":
        return _write(request, help_request, user=request.user)
    return _conversation(request, help_request, form=MessageForm())


@require_POST
def close(request: HttpRequest, public_id) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request)
    help_request = selectors.with_conversation(public_id)
    if help_request is None or not services.can_take_part(request.user, help_request):
        raise Http404
    services.close(help_request, user=request.user)
    messages.success(request, _("The request is closed."))
    return redirect("experts:conversation", public_id=help_request.public_id)


def _by_token(token: str):
    public_id = read_reply_token(token)
    help_request = selectors.with_conversation(public_id) if public_id else None
    if help_request is None or help_request.requester_id is not None:
        raise Http404
    return help_request


@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, token: str) -> HttpResponse:
    help_request = _by_token(token)
    if request.method == "POST":
        return _write(request, help_request, user=None, token=token)
    return _conversation(request, help_request, form=MessageForm(), token=token)


@require_POST
def reply_close(request: HttpRequest, token: str) -> HttpResponse:
    help_request = _by_token(token)
    services.close(help_request, user=None)
    messages.success(request, _("The request is closed."))
    return redirect("experts:reply", token=token)


# --- staff triage ------------------------------------------------------------------------------


def _staff_only(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return _login(request)
    if not services.is_staff(request.user):
        raise PermissionDenied
    return None


def triage(request: HttpRequest) -> HttpResponse:
    refused = _staff_only(request)
    if refused:
        return refused
    status = request.GET.get("status", "")
    if status and status not in RequestStatus.values:
        return render(
            request,
            "experts/refused.html",
            {"message": _("Unknown status.")},
            status=400,
        )
    page = Paginator(selectors.triage_queue(status), 50).get_page(request.GET.get("page") or 1)
    return render(
        request,
        "experts/triage.html",
        {"page": page, "status": status, "statuses": RequestStatus.choices},
    )


@require_http_methods(["GET", "POST"])
def triage_request(request: HttpRequest, public_id) -> HttpResponse:
    refused = _staff_only(request)
    if refused:
        return refused
    help_request = selectors.with_conversation(public_id)
    if help_request is None:
        raise Http404
    proposal = matching.proposal_for(help_request)
    form = RouteForm(request.POST if request.method == "POST" else None, proposal=proposal)
    if request.method == "POST" and form.is_valid():
        chosen = list(Expert.objects.filter(pk__in=form.cleaned_data["experts"]))
        try:
            asked = services.route(request.user, help_request, chosen)
        except services.HelpRefusal as refusal:
            return _refused(request, refusal)
        messages.success(
            request,
            _("Asked: %(handles)s.") % {"handles": ", ".join(a.expert.user.handle for a in asked)},
        )
        return redirect("experts:triage_request", public_id=help_request.public_id)
    return render(
        request,
        "experts/triage_request.html",
        {
            "help_request": help_request,
            "language_name": languages.name(help_request.language),
            "proposal": proposal,
            "form": form,
            "assignments": [
                a for a in help_request.assignments.all() if a.status != AssignmentStatus.PROPOSED
            ],
            "reply_link_exists": help_request.requester_id is None,
        },
        status=_status(form),
    )
