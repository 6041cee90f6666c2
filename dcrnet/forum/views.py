"""The forum's pages: thin views over selectors (reads) and services (writes).

Something one may not see is a 404; a signed-out visitor on a members-only page is sent to sign
in. Every form is a plain POST that redirects back (htmx only swaps fragments)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import access, markup, moderation, selectors, services
from .forms import PostForm, ReactionForm, ThreadForm
from .models import Category, Post, Thread


def _members_only(request: HttpRequest, exists: bool):
    """What a refused reader gets: sign in if signed out and the thing exists, else 404."""
    if exists and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    raise Http404


def _category(request: HttpRequest, slug: str) -> Category | HttpResponse:
    category = Category.objects.visible_to(request.user).filter(slug=slug).first()
    if category is None:
        return _members_only(request, Category.objects.filter(slug=slug).exists())
    return category


def _thread(request: HttpRequest, thread_id: int) -> Thread | HttpResponse:
    thread = (
        Thread.objects.visible_to(request.user)
        .select_related("category", "author")
        .filter(pk=thread_id)
        .first()
    )
    if thread is None:
        return _members_only(
            request, Thread.objects.filter(pk=thread_id, post_count__gt=0).exists()
        )
    return thread


def _post(request: HttpRequest, post_id: int) -> Post | HttpResponse:
    post = (
        Post.objects.visible_to(request.user)
        .select_related("thread", "thread__category", "author")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        return _members_only(request, Post.objects.filter(pk=post_id, status="visible").exists())
    return post


def _refused(request: HttpRequest, refusal: services.ForumRefusal) -> HttpResponse:
    return render(
        request, "forum/refused.html", {"message": refusal.message}, status=refusal.status
    )


def _back(request: HttpRequest, default: str) -> str:
    """Where a plain POST returns: `next` when it is a path on this site, else the default."""
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "forum/index.html",
        {
            "categories": selectors.categories(request.user),
            "can_read_all": access.can_read_forum(request.user),
            "sanctions": moderation.active_sanctions(request.user),
        },
    )


def category(request: HttpRequest, slug: str) -> HttpResponse:
    found = _category(request, slug)
    if isinstance(found, HttpResponse):
        return found
    page = selectors.category_threads(request.user, found, request.GET.get("page"))
    return render(
        request,
        "forum/category.html",
        {
            "category": found,
            "page": page,
            "can_post": access.can_post(request.user),
            "subscribed": selectors.is_subscribed(request.user, category=found),
            "member_prefix": selectors.member_prefix(),
        },
    )


@require_http_methods(["GET", "POST"])
def new_thread(request: HttpRequest, slug: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    found = _category(request, slug)
    if isinstance(found, HttpResponse):
        return found
    try:
        services.check_can_post(request.user)
    except services.ForumRefusal as refusal:
        return _refused(request, refusal)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.create_thread(
                request.user, found, form.cleaned_data["title"], form.cleaned_data["body"]
            )
        except services.ForumRefusal as refusal:
            return _refused(request, refusal)
        return redirect("forum:thread", thread_id=thread.pk)
    return render(
        request, "forum/new_thread.html", {"category": found, "form": form}, status=_status(form)
    )


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    found = _thread(request, thread_id)
    if isinstance(found, HttpResponse):
        return found
    page, posts = selectors.thread_page(request.user, found, request.GET.get("page"))
    if posts and request.user.is_authenticated:
        services.mark_read(request.user, found, posts[-1].number)
    can_post = access.can_post(request.user)
    can_moderate = access.is_moderator(request.user)
    for post in posts:
        post.can_edit = (
            can_post and post.author_id == request.user.pk and (not found.locked or can_moderate)
        )
    return render(
        request,
        "forum/thread.html",
        {
            "thread": found,
            "category": found.category,
            "page": page,
            "posts": posts,
            "can_post": can_post,
            "can_reply": can_post and (not found.locked or can_moderate),
            "can_moderate": can_moderate,
            "subscribed": selectors.is_subscribed(request.user, thread=found),
            "form": PostForm(),
            "member_prefix": selectors.member_prefix(),
            "reply_url": reverse("forum:reply", args=[found.pk]),
            "here": request.get_full_path(),
        },
    )


@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, thread_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    found = _thread(request, thread_id)
    if isinstance(found, HttpResponse):
        return found
    try:
        services.check_can_post(request.user)
        if found.locked and not access.is_moderator(request.user):
            raise services.Locked(_("This thread is locked: it takes no more replies."))
    except services.ForumRefusal as refusal:
        return _refused(request, refusal)
    if request.method == "POST":
        form = PostForm(request.POST)
        if form.is_valid():
            try:
                post = services.reply(request.user, found, form.cleaned_data["body"])
            except services.ForumRefusal as refusal:
                return _refused(request, refusal)
            return redirect("forum:post", post_id=post.pk)
    else:
        initial = {}
        quoted_id = request.GET.get("quote", "")
        if quoted_id.isdigit():
            quoted = selectors.thread_posts(request.user, found).filter(pk=int(quoted_id)).first()
            if quoted is not None:
                initial["body"] = markup.quote(quoted)
        form = PostForm(initial=initial)
    return render(
        request, "forum/reply.html", {"thread": found, "form": form}, status=_status(form)
    )


def post_link(request: HttpRequest, post_id: int) -> HttpResponse:
    found = _post(request, post_id)
    if isinstance(found, HttpResponse):
        return found
    page = selectors.page_of(request.user, found)
    url = reverse("forum:thread", kwargs={"thread_id": found.thread_id})
    if page > 1:
        url += "?" + urlencode({"page": page})
    return redirect(f"{url}#p{found.number}")


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, post_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    found = selectors.post_for_edit(request.user, post_id)
    if found is None:
        raise Http404
    if found.thread.locked and not access.is_moderator(request.user):
        return _refused(
            request, services.Locked(_("This thread is locked: its posts can no longer be edited."))
        )
    form = PostForm(request.POST or None, initial={"body": found.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(request.user, found, form.cleaned_data["body"])
        except services.ForumRefusal as refusal:
            return _refused(request, refusal)
        return redirect("forum:post", post_id=found.pk)
    return render(request, "forum/edit.html", {"post": found, "form": form}, status=_status(form))


def history(request: HttpRequest, post_id: int) -> HttpResponse:
    found = _post(request, post_id)
    if isinstance(found, HttpResponse):
        return found
    versions = list(
        found.history.select_related("history_user").order_by("-history_date", "-history_id")
    )
    markup.render_posts(versions)
    return render(request, "forum/history.html", {"post": found, "versions": versions})


@require_POST
def react(request: HttpRequest, post_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    found = _post(request, post_id)
    if isinstance(found, HttpResponse):
        return found
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unknown reaction."), status=400, content_type="text/plain")
    try:
        services.toggle_reaction(request.user, found, form.cleaned_data["kind"])
    except services.ForumRefusal as refusal:
        return _refused(request, refusal)
    if request.headers.get("HX-Request"):
        selectors.reactions_of([found], request.user)
        selectors.set_post_urls([found], found.thread_id)
        return render(
            request,
            "forum/_reactions.html",
            {"post": found, "can_post": True},
        )
    return redirect(_back(request, reverse("forum:post", kwargs={"post_id": found.pk})))


@require_POST
def subscribe_thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("forum:thread", args=[thread_id]), settings.LOGIN_URL)
    found = _thread(request, thread_id)
    if isinstance(found, HttpResponse):
        return found
    services.toggle_subscription(request.user, thread=found)
    return redirect(_back(request, reverse("forum:thread", kwargs={"thread_id": found.pk})))


@require_POST
def subscribe_category(request: HttpRequest, slug: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("forum:category", args=[slug]), settings.LOGIN_URL)
    found = _category(request, slug)
    if isinstance(found, HttpResponse):
        return found
    services.toggle_subscription(request.user, category=found)
    return redirect(_back(request, reverse("forum:category", kwargs={"slug": found.slug})))


@require_http_methods(["GET", "POST"])
def subscriptions(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    if request.method == "POST":
        raw = request.POST.get("subscription", "")
        if not raw.isdigit() or not services.remove_subscription(request.user, int(raw)):
            raise Http404
        return redirect("forum:subscriptions")
    return render(
        request,
        "forum/subscriptions.html",
        {"subscriptions": selectors.subscriptions_of(request.user)},
    )
