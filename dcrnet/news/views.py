"""News pages: the latest articles, the date archive, a tag, one article; the editors' newsroom
and its one-click "publish as news" buttons."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from dcrnet.directory.models import StatusChange
from dcrnet.lib.i18n import absolute
from dcrnet.policy.models import Event

from . import selectors, services
from .models import Article, Tag, sees_drafts

MAX_ID = 2**63 - 1
# Open Graph locales of the site's languages.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE", "nl": "nl_NL", "es": "es_ES"}


def _bad(request: HttpRequest, bad: selectors.BadQuery) -> HttpResponse:
    return render(request, "400.html", {"problems": bad.problems}, status=400)


def _listing(request: HttpRequest, found: QuerySet[Article], context: dict) -> HttpResponse:
    try:
        number = selectors.page_number(request.GET)
    except selectors.BadQuery as bad:
        return _bad(request, bad)
    paginator = Paginator(found, selectors.PER_PAGE)
    if number > max(paginator.num_pages, 1):
        raise Http404
    context |= {
        "page": paginator.page(number),
        "months": selectors.archive_months(request.user),
        "is_editor": sees_drafts(request.user),
    }
    return render(request, "news/list.html", context)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return _listing(request, selectors.articles(request.user), {})


@require_safe
def year_archive(request: HttpRequest, year: int) -> HttpResponse:
    return _archive(request, str(year), None)


@require_safe
def month_archive(request: HttpRequest, year: int, month: int) -> HttpResponse:
    return _archive(request, str(year), str(month))


def _archive(request: HttpRequest, year: str, month: str | None) -> HttpResponse:
    try:
        period = selectors.Month.read(year, month)
    except selectors.BadQuery as bad:
        return _bad(request, bad)
    found = selectors.in_archive(period, request.user)
    return _listing(request, found, {"period": period})


@require_safe
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        found = selectors.tag(slug)
    except Tag.DoesNotExist:
        raise Http404 from None
    return _listing(request, selectors.tagged(found, request.user), {"tag": found})


@require_safe
def article(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        found = selectors.article(slug, request.user)
    except Article.DoesNotExist:
        raise Http404 from None
    language = translation.get_language()
    return render(
        request,
        "news/article.html",
        {
            "article": found,
            "is_editor": sees_drafts(request.user),
            "canonical": absolute(found.get_absolute_url()),
            "og_locale": OG_LOCALES.get(language, "en_GB"),
            "og_alternates": [v for k, v in OG_LOCALES.items() if k != language],
        },
    )


def _editors_only(request: HttpRequest) -> None:
    if not services.is_editor(request.user):
        raise PermissionDenied


@login_required
@require_safe
def newsroom(request: HttpRequest) -> HttpResponse:
    _editors_only(request)
    return render(request, "news/newsroom.html", selectors.newsroom())


@login_required
@require_POST
def publish_status_change(request: HttpRequest, pk: int) -> HttpResponse:
    _editors_only(request)
    change = StatusChange.objects.filter(pk=pk).first() if pk <= MAX_ID else None
    if change is None:
        raise Http404
    found, created = services.publish_status_change(change, by=request.user)
    return _published(request, found, created)


@login_required
@require_POST
def publish_event(request: HttpRequest, pk: int) -> HttpResponse:
    _editors_only(request)
    event = Event.objects.filter(pk=pk).first() if pk <= MAX_ID else None
    if event is None:
        raise Http404
    found, created = services.publish_event(event, by=request.user)
    return _published(request, found, created)


def _published(request: HttpRequest, found: Article, created: bool) -> HttpResponse:
    if not created:
        messages.info(request, _("This was already published as news: here is the article."))
    elif found.is_public:
        messages.success(request, _("Published as news."))
    else:
        messages.success(
            request, _("Saved as a draft: what it tells is not public. Publish it in the admin.")
        )
    return redirect(found.get_absolute_url())
