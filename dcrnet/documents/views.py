"""Documents pages: thin views over selectors (reads, access rules) and services (writes)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pydantic import ValidationError

from dcrnet.lib.uploads import serve_private

from . import selectors, services
from .forms import DecisionForm, SuggestForm, VersionForm
from .models import Document, Status, Version

MAX_ID = 2**63 - 1


@require_GET
def document_list(request: HttpRequest) -> HttpResponse:
    try:
        filters = selectors.DocumentPageFilters.read(request.GET)
    except ValidationError as exc:
        context = {
            "problems": selectors.problems(exc),
            "facets": [],
            "filters": selectors.DocumentPageFilters(),
            "page": None,
            "active": [],
        }
        return render(request, "documents/document_list.html", context, status=400)
    documents = selectors.search(filters)
    paginator = Paginator(documents, selectors.PER_PAGE)
    if filters.page > max(paginator.num_pages, 1):
        raise Http404
    page = paginator.page(filters.page)
    facets = selectors.facets(filters)
    _link(request, facets)
    context = {
        "filters": filters,
        "facets": facets,
        "page": page,
        "total": paginator.count,
        "active": _active(request, facets, filters),
        "may_suggest": selectors.may_suggest(request.user),
    }
    return render(request, "documents/document_list.html", context)


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


def _active(request: HttpRequest, facets, filters) -> list[tuple[str, str, str]]:
    """(facet label, value label, URL without it) of each filter in use."""
    active = []
    for facet in facets:
        for value in facet.values:
            if value.selected:
                active.append((facet.label, value.label, value.url))
    if filters.q:
        query = request.GET.copy()
        query.pop("q", None)
        query.pop("page", None)
        active.append((_("Words"), filters.q, "?" + query.urlencode()))
    return active


@require_GET
def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        document = selectors.document_for(slug, request.user)
    except Document.DoesNotExist:
        raise Http404 from None
    editor = selectors.is_editor(request.user)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "versions": list(document.versions.all()),
            "steps": selectors.guide_steps(document),
            "language_name": selectors.language_name(document.language),
            "is_editor": editor,
            "may_add_version": editor and document.status == Status.PUBLISHED,
        },
    )


@require_GET
def download(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """A version's file: anyone for a published document, else its suggester and editors."""
    if number > MAX_ID:
        raise Http404
    try:
        version = selectors.version_for(slug, number, request.user)
    except Version.DoesNotExist:
        raise Http404 from None
    if not version.file:
        raise Http404
    public = version.document.status == Status.PUBLISHED
    name = version.original_name or f"{slug}-v{number}"
    return serve_private(version.file, name, version.content_type, public=public)


def _members_only(request: HttpRequest) -> HttpResponse:
    return render(request, "documents/members_only.html", status=403)


@login_required
@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    if not selectors.may_suggest(request.user):
        return _members_only(request)
    form = SuggestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.suggest(
                request.user,
                fields=form.document_fields(),
                note=form.cleaned_data["note"],
                checked=form.cleaned_data["file"],
            )
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request, _("Thank you: your suggestion was sent. An editor will review it.")
            )
            return redirect("documents:mine")
    status = 400 if request.method == "POST" else 200
    return render(request, "documents/suggest.html", {"form": form}, status=status)


@login_required
@require_GET
def my_suggestions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "documents/my_suggestions.html",
        {"documents": selectors.own_suggestions(request.user)},
    )


def _editors_only(request: HttpRequest) -> None:
    if not selectors.is_editor(request.user):
        raise PermissionDenied


@login_required
@require_GET
def review(request: HttpRequest) -> HttpResponse:
    _editors_only(request)
    return render(request, "documents/review.html", {"documents": selectors.review_queue()})


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    _editors_only(request)
    if pk > MAX_ID:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("documents:review")
    try:
        document = services.decide(
            request.user, pk, publish=form.publish, reason=form.cleaned_data["reason"]
        )
    except services.NotFound:
        raise Http404 from None
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        if form.publish:
            messages.success(request, _("“%(title)s” is published.") % {"title": document.title})
        else:
            messages.success(request, _("“%(title)s” was declined.") % {"title": document.title})
    return redirect("documents:review")


@login_required
@require_http_methods(["GET", "POST"])
def version_new(request: HttpRequest, slug: str) -> HttpResponse:
    _editors_only(request)
    document = Document.objects.published().filter(slug=slug).first()
    if document is None:
        raise Http404
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.add_version(
                request.user,
                document.pk,
                date=form.cleaned_data["date"],
                change_note=form.cleaned_data["change_note"],
                checked=form.cleaned_data["file"],
            )
        except services.NotFound:
            raise Http404 from None
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Version %(n)s was added.") % {"n": version.number})
            return redirect("documents:detail", slug=document.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "documents/version_form.html",
        {"form": form, "document": document},
        status=status,
    )
