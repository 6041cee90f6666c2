"""Trainings pages: thin views over selectors (reads, access rules) and services (writes).

Who sees what: the catalogue, a training, the session lists and a session's page are public
(the link to join online only for confirmed participants and organisers); registering,
cancelling, "mine" and the certificate need a signed-in person (a signed-out visitor is sent to
sign in, for GET and POST alike); the organisers' pages answer 404 to anyone who does not
organise that session, as for a session that is not there. A refused write is a page with its
message and status, never a 500.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from pydantic import ValidationError

from dcrnet.lib.csv import csv_response
from dcrnet.lib.refusals import Invalid, Refused

from . import forms, selectors, services
from .models import Question, Registration, RegistrationStatus, Session, Training

MAX_ID = 2**63 - 1


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


def _refused(request: HttpRequest, refusal: Refused, session: Session | None = None):
    if refusal.status == 404:
        raise Http404
    return render(
        request,
        "trainings/refused.html",
        {"message": refusal.message, "session": session},
        status=refusal.status,
    )


def _status(*bound) -> int:
    return 400 if any(f.is_bound and f.errors for f in bound) else 200


def _id(value: str | None) -> int | None:
    """A database id written with 0-9, or None."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def _visible(request: HttpRequest, public_id) -> Session:
    try:
        return selectors.session_for(public_id, request.user)
    except Session.DoesNotExist:
        raise Http404 from None


def _organised(request: HttpRequest, public_id) -> Session:
    """The session, if the signed-in person organises it (or may organise every session)."""
    session = (
        selectors.with_places(Session.objects.select_related("training", "facility__country"))
        .filter(public_id=public_id)
        .first()
    )
    if session is None or not services.can_organise(request.user, session):
        raise Http404
    return session


# --- the catalogue -------------------------------------------------------------------------


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "trainings/catalogue.html",
        {"trainings": selectors.catalogue(), "mine": request.user.is_authenticated},
    )


@require_safe
def training(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        found = selectors.training_for(slug, request.user)
    except Training.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "trainings/training.html",
        {
            "training": found,
            "spoken": [selectors.language_name(code) for code in found.languages or []],
            "sessions": selectors.training_sessions(found),
        },
    )


# --- the session lists ---------------------------------------------------------------------


@require_safe
def sessions(request: HttpRequest) -> HttpResponse:
    try:
        filters = selectors.SessionPageFilters.read(request.GET)
    except ValidationError as exc:
        context = {"problems": selectors.problems(exc), "facets": [], "page": None, "active": []}
        return render(request, "trainings/sessions.html", context, status=400)
    now = timezone.now()
    paginator = Paginator(selectors.upcoming(filters, now), selectors.PER_PAGE)
    if filters.page > max(paginator.num_pages, 1):
        raise Http404
    facets = selectors.facets(filters, now)
    _link(request, facets)
    return render(
        request,
        "trainings/sessions.html",
        {
            "filters": filters,
            "facets": facets,
            "page": paginator.page(filters.page),
            "total": paginator.count,
            "active": [
                (facet.label, value.label, value.url)
                for facet in facets
                for value in facet.values
                if value.selected
            ],
        },
    )


def _link(request: HttpRequest, facets) -> None:
    """Each facet value links to the list with that value chosen (or, when chosen, without it)."""
    for facet in facets:
        for value in facet.values:
            query = request.GET.copy()
            query.pop("page", None)
            if value.selected:
                query.pop(facet.name, None)
            else:
                query[facet.name] = value.value
            value.url = "?" + query.urlencode()


@require_safe
def past(request: HttpRequest) -> HttpResponse:
    try:
        filters = selectors.PastFilters.read(request.GET)
    except ValidationError as exc:
        return render(
            request,
            "trainings/past.html",
            {"problems": selectors.problems(exc), "page": None},
            status=400,
        )
    paginator = Paginator(selectors.past(), selectors.PER_PAGE)
    if filters.page > max(paginator.num_pages, 1):
        raise Http404
    return render(request, "trainings/past.html", {"page": paginator.page(filters.page)})


# --- a session -----------------------------------------------------------------------------


@require_safe
def session(request: HttpRequest, public_id) -> HttpResponse:
    found = _visible(request, public_id)
    return render(request, "trainings/session.html", _session_context(request, found))


def _session_context(request: HttpRequest, found: Session, form=None) -> dict:
    now = timezone.now()
    registration = selectors.registration_of(found, request.user)
    if registration is not None:
        registration.session = found
    active = registration is not None and registration.status != RegistrationStatus.CANCELLED
    organiser = services.can_organise(request.user, found)
    confirmed = active and registration.status == RegistrationStatus.CONFIRMED
    is_open = selectors.registration_open(found, now)
    questions = selectors.questions(found)
    if form is None and is_open and not active and request.user.is_authenticated:
        form = forms.RegisterForm(questions=questions)
    return {
        "session": found,
        "training": found.training,
        "language": selectors.language_name(found.language),
        "offset": selectors.utc_offset(found.local_start),
        "registration": registration,
        "active": active,
        "confirmed": confirmed,
        "position": selectors.waitlist_position(registration) if active else None,
        "may_cancel": active and selectors.may_cancel(registration, now),
        "is_open": is_open,
        "started": now >= found.starts_at,
        "over": now >= found.ends_at,
        "form": form,
        "show_link": bool(found.online_url) and (organiser or confirmed),
        "organiser": organiser,
        "certificate": confirmed and registration.attended is True,
    }


@signed_in("GET", "POST")
def register(request: HttpRequest, public_id) -> HttpResponse:
    found = _visible(request, public_id)
    existing = selectors.registration_of(found, request.user)
    if existing is not None and existing.status != RegistrationStatus.CANCELLED:
        messages.info(request, _("You are already registered for this session."))
        return redirect(found)
    questions = selectors.questions(found)
    if request.method != "POST":
        if not selectors.registration_open(found):
            return _refused(request, Invalid(_closed_message(found)), found)
        form = forms.RegisterForm(questions=questions)
        return render(request, "trainings/register.html", {"session": found, "form": form})
    form = forms.RegisterForm(request.POST, questions=questions)
    if not form.is_valid():
        return render(
            request, "trainings/register.html", {"session": found, "form": form}, status=400
        )
    try:
        registration = services.register(found, request.user, form.answers())
    except Refused as refusal:
        return _refused(request, refusal, found)
    if registration.already_registered:  # a second request at the same time (RELIABILITY 62)
        messages.info(request, _("You are already registered for this session."))
    elif registration.status == RegistrationStatus.CONFIRMED:
        messages.success(
            request,
            _(
                "You are registered: your place is confirmed. A confirmation is on its way by "
                "email."
            ),
        )
    else:
        position = selectors.waitlist_position(registration)
        messages.success(
            request,
            _(
                "The session is full: you are on the wait-list (number %(n)s). If a place "
                "becomes free, it is yours and we tell you by email."
            )
            % {"n": position},
        )
    return redirect(found)


def _closed_message(found: Session) -> str:
    now = timezone.now()
    if found.is_cancelled:
        return _("This session has been cancelled.")
    if now >= found.starts_at:
        return _("This session has already started.")
    return _("Registration for this session has closed.")


@signed_in("POST")
def cancel(request: HttpRequest, public_id) -> HttpResponse:
    """A participant cancels their own registration (or declines a place, or leaves the
    wait-list); an organiser removes someone with `registration=<id>`."""
    if "registration" in request.POST:
        found = _organised(request, public_id)
        registration_id = _id(request.POST.get("registration"))
        registration = (
            found.registrations.select_related("user").filter(pk=registration_id).first()
            if registration_id
            else None
        )
        if registration is None:
            raise Http404
        try:
            services.cancel(registration, by=request.user)
        except Refused as refusal:
            return _refused(request, refusal, found)
        messages.success(
            request,
            _("The registration of %(name)s is cancelled.")
            % {"name": selectors.organiser_view_name(registration.user)},
        )
        return redirect("trainings:participants", public_id=found.public_id)
    found = _visible(request, public_id)
    registration = selectors.registration_of(found, request.user)
    if registration is None:
        raise Http404
    was = registration.status
    try:
        services.cancel(registration, by=request.user)
    except Refused as refusal:
        return _refused(request, refusal, found)
    if was == RegistrationStatus.WAITLISTED:
        messages.success(request, _("You have left the wait-list."))
    elif was == RegistrationStatus.CONFIRMED:
        messages.success(
            request, _("Your registration is cancelled: your place goes to someone else.")
        )
    else:
        messages.info(request, _("Your registration was already cancelled."))
    return redirect(found)


@signed_in("GET")
def certificate(request: HttpRequest, public_id) -> HttpResponse:
    registration = (
        Registration.objects.filter(
            session__public_id=public_id,
            user=request.user,
            status=RegistrationStatus.CONFIRMED,
            attended=True,
        )
        .select_related("session__training", "session__facility__country", "user__profile")
        .first()
    )
    if registration is None:
        raise Http404
    found = registration.session
    return render(
        request,
        "trainings/certificate.html",
        {
            "registration": registration,
            "session": found,
            "training": found.training,
            "name": selectors.display_name(request.user),
            "has_real_name": bool(
                getattr(getattr(request.user, "profile", None), "real_name", "").strip()
            ),
            "organisations": selectors.organisers_organisations(found),
            "offset": selectors.utc_offset(found.local_start),
        },
    )


@signed_in("GET")
def mine(request: HttpRequest) -> HttpResponse:
    coming, gone = selectors.my_registrations(request.user)
    return render(
        request,
        "trainings/mine.html",
        {"coming": coming, "gone": gone, "organised": selectors.organised_by(request.user)},
    )


# --- organisers ----------------------------------------------------------------------------


@signed_in("GET")
def participants(request: HttpRequest, public_id) -> HttpResponse:
    found = _organised(request, public_id)
    return render(
        request,
        "trainings/participants.html",
        {
            "session": found,
            "people": selectors.participants(found),
            "questions": selectors.questions(found),
            "over": timezone.now() >= found.ends_at,
        },
    )


@signed_in("GET")
def participants_csv(request: HttpRequest, public_id) -> HttpResponse:
    found = _organised(request, public_id)
    questions = selectors.questions(found)
    people = selectors.participants(found)
    header = [
        _("Status"),
        _("Participant"),
        _("Registered"),
        _("Confirmed"),
        _("Cancelled"),
        _("Attended"),
        *(question.text for question in questions),
    ]
    attended = {True: _("yes"), False: _("no"), None: ""}

    def when(moment) -> str:
        return moment.astimezone(found.zone).strftime("%Y-%m-%d %H:%M") if moment else ""

    rows = [
        [
            row.get_status_display(),
            row.name,
            when(row.registered_at),
            when(row.confirmed_at),
            when(row.cancelled_at),
            attended[row.attended],
            *(row.answer_by_question.get(question.pk, "") for question in questions),
        ]
        for row in people.all()
    ]
    filename = f"participants-{found.training.slug}-{found.local_start:%Y-%m-%d}.csv"
    return csv_response(filename, header, rows)


@signed_in("GET", "POST")
def attendance(request: HttpRequest, public_id) -> HttpResponse:
    found = _organised(request, public_id)
    registrations = selectors.confirmed_for_attendance(found)
    form = forms.AttendanceForm(
        request.POST if request.method == "POST" else None, registrations=registrations
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.set_attendance(found, form.marks(), by=request.user)
        except Refused as refusal:
            return _refused(request, refusal, found)
        messages.success(request, _("Attendance saved (%(n)s changed).") % {"n": changed})
        return redirect("trainings:attendance", public_id=found.public_id)
    return render(
        request,
        "trainings/attendance.html",
        {
            "session": found,
            "form": form,
            "started": timezone.now() >= found.starts_at,
        },
        status=_status(form),
    )


@signed_in("GET", "POST")
def message(request: HttpRequest, public_id) -> HttpResponse:
    found = _organised(request, public_id)
    form = forms.MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.send_announcement(
                found,
                by=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except Refused as refusal:
            return _refused(request, refusal, found)
        messages.success(request, _("Your message is on its way to the confirmed participants."))
        return redirect("trainings:message", public_id=found.public_id)
    return render(
        request,
        "trainings/message.html",
        {
            "session": found,
            "form": form,
            "announcements": found.announcements.select_related("author").order_by(
                "-created_at", "-pk"
            ),
        },
        status=_status(form),
    )


@signed_in("GET", "POST")
def questions(request: HttpRequest, public_id) -> HttpResponse:
    found = _organised(request, public_id)
    form = forms.QuestionForm()
    if request.method == "POST":
        if "delete" in request.POST:
            question_id = _id(request.POST.get("delete"))
            question = Question.objects.filter(session=found, pk=question_id).first()
            if question is None:
                raise Http404
            try:
                services.delete_question(question, by=request.user)
            except Refused as refusal:
                return _refused(request, refusal, found)
            messages.success(request, _("The question is deleted, with its answers."))
            return redirect("trainings:questions", public_id=found.public_id)
        form = forms.QuestionForm(request.POST)
        if form.is_valid():
            try:
                services.add_question(
                    found,
                    by=request.user,
                    text=form.cleaned_data["text"],
                    required=form.cleaned_data["required"],
                )
            except Refused as refusal:
                return _refused(request, refusal, found)
            messages.success(request, _("The question is added."))
            return redirect("trainings:questions", public_id=found.public_id)
    return render(
        request,
        "trainings/questions.html",
        {"session": found, "form": form, "questions": selectors.questions(found)},
        status=_status(form),
    )


@signed_in("GET", "POST")
def edit(request: HttpRequest, public_id) -> HttpResponse:
    found = _organised(request, public_id)
    form = forms.SessionForm(request.POST if request.method == "POST" else None, session=found)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        if not changes:
            messages.info(request, _("Nothing was changed."))
            return redirect(found)
        try:
            services.update_session(found, by=request.user, **changes)
        except services.InvalidSession as refusal:
            for name, errors in refusal.errors.items():
                for error in errors:
                    form.add_error(name if name in form.fields else None, error)
            if not refusal.errors:
                form.add_error(None, refusal.message)
        except Refused as refusal:
            return _refused(request, refusal, found)
        else:
            messages.success(request, _("The session is saved."))
            return redirect(found)
    return render(
        request,
        "trainings/edit.html",
        {"session": found, "form": form},
        status=_status(form),
    )


@signed_in("GET", "POST")
def cancel_session(request: HttpRequest, public_id) -> HttpResponse:
    found = _organised(request, public_id)
    form = forms.CancelSessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_session(found, by=request.user, reason=form.cleaned_data["reason"])
        except Refused as refusal:
            return _refused(request, refusal, found)
        messages.success(request, _("The session is cancelled; everyone registered is told."))
        return redirect(found)
    return render(
        request,
        "trainings/cancel_session.html",
        {
            "session": found,
            "form": form,
            "registered": found.confirmed_count + found.waitlist_count,
        },
        status=_status(form),
    )
