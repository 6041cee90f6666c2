"""Moderation pages: reporting a post (members), and the moderators' queue, thread tools, member
pages and log. Thin: forms parse, `moderation` services act, selectors there read.

Moderators only (the `forum.moderate` permission): a signed-out visitor is sent to sign in, anyone
else gets a 404. Every action is a CSRF-protected POST (GET answers 405) that redirects back with
a message (`next` when it is a path on this site)."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import access, markup, moderation
from .models import Post, PostStatus, Sanction, Thread
from .moderation_forms import (
    LogFilter,
    MoveForm,
    ReasonForm,
    ReportForm,
    RequiredReasonForm,
    SuspendForm,
)

LOG_PER_PAGE = 50
RECENT_POSTS = 20


def moderators_only(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not access.is_moderator(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _back(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def _refused(request: HttpRequest, refusal: moderation.ModerationRefusal) -> HttpResponse:
    if refusal.status == 404:
        raise Http404
    return render(
        request, "forum/refused.html", {"message": refusal.message}, status=refusal.status
    )


def _done(request: HttpRequest, outcome: moderation.Outcome, default: str) -> HttpResponse:
    (messages.success if outcome.changed else messages.info)(request, outcome.message)
    return redirect(_back(request, default))


def _invalid(request: HttpRequest, form) -> HttpResponse:
    problems = "; ".join(
        f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errors)}".lstrip(": ")
        for name, errors in form.errors.items()
    )
    return render(request, "forum/refused.html", {"message": problems}, status=400)


# --- Reporting (members) -------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, post_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    post = (
        moderation.reportable_posts(request.user)
        .select_related("thread", "thread__category", "author")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        raise Http404
    post_url = reverse("forum:post", kwargs={"post_id": post.pk})
    if post.author_id == request.user.pk:
        return _refused(
            request, moderation.ModerationRefusal(_("You cannot report your own post."), 403)
        )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = moderation.report_post(
            request.user, post, form.cleaned_data["reason"], form.cleaned_data["details"]
        )
        (messages.success if outcome.changed else messages.info)(request, outcome.message)
        return redirect(post_url)
    return render(
        request,
        "forum/moderation/report.html",
        {"post": post, "thread": post.thread, "form": form},
        status=400 if form.is_bound else 200,
    )


# --- The queue -----------------------------------------------------------------------------------


@moderators_only
def queue(request: HttpRequest) -> HttpResponse:
    reported = moderation.reported_posts()
    held = moderation.held_posts()
    markup.render_posts([*reported, *held])
    return render(
        request,
        "forum/moderation/queue.html",
        {"reported": reported, "held": held, "counts": moderation.queue_counts()},
    )


def _post_action(action, form_class=ReasonForm):
    @require_POST
    @moderators_only
    def view(request: HttpRequest, post_id: int) -> HttpResponse:
        form = form_class(request.POST)
        if not form.is_valid():
            return _invalid(request, form)
        try:
            outcome = action(request.user, post_id, form.cleaned_data["reason"])
        except moderation.ModerationRefusal as refusal:
            return _refused(request, refusal)
        return _done(request, outcome, reverse("forum:moderation"))

    return view


hide = _post_action(moderation.hide_post, RequiredReasonForm)
restore = _post_action(moderation.restore_post)
approve = _post_action(moderation.approve_post)
dismiss = _post_action(moderation.dismiss_reports)


# --- Threads -------------------------------------------------------------------------------------


def _thread_action(action, value: bool):
    @require_POST
    @moderators_only
    def view(request: HttpRequest, thread_id: int) -> HttpResponse:
        form = ReasonForm(request.POST)
        if not form.is_valid():
            return _invalid(request, form)
        try:
            outcome = action(request.user, thread_id, value, form.cleaned_data["reason"])
        except moderation.ModerationRefusal as refusal:
            return _refused(request, refusal)
        return _done(request, outcome, reverse("forum:thread", kwargs={"thread_id": thread_id}))

    return view


lock = _thread_action(moderation.set_locked, True)
unlock = _thread_action(moderation.set_locked, False)
pin = _thread_action(moderation.set_pinned, True)
unpin = _thread_action(moderation.set_pinned, False)


@require_http_methods(["GET", "POST"])
@moderators_only
def move(request: HttpRequest, thread_id: int) -> HttpResponse:
    """GET: the form (the thread page links here); POST: the move."""
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=thread_id)
    form = MoveForm(request.POST or None, initial={"category": thread.category_id})
    if request.method == "GET" or not form.is_valid():
        return render(
            request,
            "forum/moderation/move.html",
            {"thread": thread, "form": form},
            status=400 if form.is_bound else 200,
        )
    try:
        outcome = moderation.move_thread(
            request.user, thread_id, form.cleaned_data["category"].pk, form.cleaned_data["reason"]
        )
    except moderation.ModerationRefusal as refusal:
        return _refused(request, refusal)
    return _done(request, outcome, reverse("forum:thread", kwargs={"thread_id": thread_id}))


# --- Members -------------------------------------------------------------------------------------


def _member_page(request: HttpRequest, member) -> HttpResponse:
    sanctions = list(
        Sanction.objects.filter(member=member).select_related("issued_by").order_by("-created_at")
    )
    posts = list(
        Post.objects.filter(author=member)
        .select_related("thread", "thread__category")
        .order_by("-created_at", "-pk")[:RECENT_POSTS]
    )
    markup.render_posts(posts)
    return render(
        request,
        "forum/moderation/member.html",
        {
            "member": member,
            "sanctions": sanctions,
            "running": access.active_suspension(member),
            "posts": posts,
            "warn_form": RequiredReasonForm(),
            "suspend_form": SuspendForm(),
            "statuses": PostStatus,
        },
    )


@moderators_only
def member(request: HttpRequest, handle: str) -> HttpResponse:
    found = get_object_or_404(get_user_model(), handle__iexact=handle)
    return _member_page(request, found)


@moderators_only
def member_by_id(request: HttpRequest, user_id: int) -> HttpResponse:
    found = get_object_or_404(get_user_model(), pk=user_id)
    if found.handle:
        return redirect("forum:moderation_member", handle=found.handle)
    return _member_page(request, found)


def member_url(member) -> str:
    if member.handle:
        return reverse("forum:moderation_member", kwargs={"handle": member.handle})
    return reverse("forum:moderation_member_by_id", kwargs={"user_id": member.pk})


def _member_or_404(user_id: int):
    return get_object_or_404(get_user_model(), pk=user_id)


@require_POST
@moderators_only
def warn(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _member_or_404(user_id)
    form = RequiredReasonForm(request.POST)
    if not form.is_valid():
        return _invalid(request, form)
    try:
        outcome = moderation.warn(request.user, target.pk, form.cleaned_data["reason"])
    except moderation.ModerationRefusal as refusal:
        return _refused(request, refusal)
    return _done(request, outcome, member_url(target))


@require_POST
@moderators_only
def suspend(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _member_or_404(user_id)
    form = SuspendForm(request.POST)
    if not form.is_valid():
        return _invalid(request, form)
    try:
        outcome = moderation.suspend(
            request.user, target.pk, form.cleaned_data["end"], form.cleaned_data["reason"]
        )
    except moderation.ModerationRefusal as refusal:
        return _refused(request, refusal)
    return _done(request, outcome, member_url(target))


@require_POST
@moderators_only
def lift(request: HttpRequest, sanction_id: int) -> HttpResponse:
    sanction = get_object_or_404(Sanction.objects.select_related("member"), pk=sanction_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _invalid(request, form)
    try:
        outcome = moderation.lift(request.user, sanction.pk, form.cleaned_data["reason"])
    except moderation.ModerationRefusal as refusal:
        return _refused(request, refusal)
    return _done(request, outcome, member_url(sanction.member))


# --- The log -------------------------------------------------------------------------------------


@moderators_only
def log(request: HttpRequest) -> HttpResponse:
    form = LogFilter(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _("Unknown action: choose one of the list."), content_type="text/plain"
        )
    entries = moderation.log_entries(form.cleaned_data["action"])
    page = Paginator(entries, LOG_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "forum/moderation/log.html", {"page": page, "form": form})
