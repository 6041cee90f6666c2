"""Evidence library pages: search, reference, export, outcome, map, import, suggest."""

from __future__ import annotations

import secrets
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import citations, formats, selectors, services
from .forms import ConfirmImportForm, ImportForm, SearchForm, SuggestionForm
from .models import EvidenceSummary, Reference, Term, Vocabulary

EXPORT_LIMIT = 5000
SUGGESTIONS_PER_HOUR = 5
EXPORT_FORMATS = ("ris", "bibtex", "csljson", "apa", "vancouver")


def editor_required(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not getattr(request.user, "is_editor", False) and not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _link_facets(request: HttpRequest, result: selectors.SearchResult) -> None:
    """Give every facet value the URL that toggles it, keeping the rest of the query."""
    for facet in result.facets:
        for value in facet.values:
            params = request.GET.copy()
            params.pop("page", None)
            if facet.name == "years":
                for key in ("year_from", "year_to"):
                    params.pop(key, None)
                if not value.selected:
                    for key, val in value.params.items():
                        if val:
                            params[key] = val
            elif facet.name in ("country", "type"):
                params.pop(facet.name, None)
                if not value.selected:
                    params[facet.name] = value.value
            else:
                chosen = [v for v in params.getlist(facet.name) if v != value.value]
                if not value.selected:
                    chosen.append(value.value)
                params.setlist(facet.name, chosen)
            value.url = "?" + params.urlencode()


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    params = form.params()
    result = selectors.search_references(params)
    _link_facets(request, result)
    context = {
        "form": form,
        "result": result,
        "export_formats": EXPORT_FORMATS,
        "query_string": request.GET.urlencode(),
    }
    if request.htmx:
        return render(request, "evidence/search.html#results", context)
    return render(request, "evidence/search.html", context)


@require_GET
def reference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ref = get_object_or_404(Reference.objects.for_detail(), pk=pk)
    cite = {name: citations.bibliography([ref], name)[0] for name in citations.STYLES}
    return render(
        request,
        "evidence/reference_detail.html",
        {
            "ref": ref,
            "cite": cite,
            "styles": citations.STYLES,
            "summaries": ref.summaries.select_related("outcome"),
            "csl": formats.to_csl(ref),
        },
    )


def _export_response(refs: list[Reference], fmt: str, filename: str) -> HttpResponse:
    if fmt in formats.WRITERS:
        content_type, extension = formats.CONTENT_TYPES[fmt]
        body = formats.WRITERS[fmt](refs)
    elif fmt in citations.STYLES:
        content_type, extension = "text/plain; charset=utf-8", "txt"
        body = citations.as_text(citations.bibliography(refs, fmt), numbered=fmt == "vancouver")
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


@require_GET
def reference_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    ref = get_object_or_404(Reference.objects.for_detail(), pk=pk)
    return _export_response([ref], fmt, f"reference-{ref.pk}")


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """A selection (?ids=1&ids=2) or the whole result of a search (same parameters as the page)."""
    fmt = request.GET.get("format", "ris")
    if fmt not in EXPORT_FORMATS:
        return HttpResponse(
            _("Unknown export format %(format)s: use one of %(formats)s.")
            % {"format": fmt[:20], "formats": ", ".join(EXPORT_FORMATS)},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    ids = [int(value) for value in request.GET.getlist("ids") if value.isdigit()]
    if ids:
        by_pk = Reference.objects.for_detail().in_bulk(ids[:EXPORT_LIMIT])
        refs = [by_pk[pk] for pk in ids if pk in by_pk]
    else:
        params = SearchForm(request.GET).params()
        refs = selectors.ordered_references(params, limit=EXPORT_LIMIT)
    return _export_response(refs, fmt, "references")


@require_GET
def outcome_detail(request: HttpRequest, slug: str) -> HttpResponse:
    outcome = get_object_or_404(Term, vocabulary=Vocabulary.OUTCOME, slug=slug)
    summary = (
        EvidenceSummary.objects.filter(outcome=outcome)
        .prefetch_related("references__people")
        .first()
    )
    refs = Reference.objects.filter(terms=outcome).for_list().order_by("-year", "title")
    designs = {}
    for ref in refs:
        for design in ref.designs() or [None]:
            designs.setdefault(design, []).append(ref)
    return render(
        request,
        "evidence/outcome_detail.html",
        {
            "outcome": outcome,
            "summary": summary,
            "references": refs,
            "by_design": sorted(
                designs.items(), key=lambda pair: (pair[0] is None, pair[0] and pair[0].position)
            ),
        },
    )


@require_GET
def evidence_map(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    params = form.params()
    matrix = selectors.evidence_map(
        country=params.countries[0] if params.countries else None,
        year_from=params.year_from,
        year_to=params.year_to,
    )
    return render(request, "evidence/map.html", {"form": form, "map": matrix})


# --- Import (editors) ------------------------------------------------------------------

SESSION_KEY = "evidence_import"


@editor_required
@require_http_methods(["GET", "POST"])
def import_references(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm_import(request)
    form = ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            plan = services.plan_import(data, form.cleaned_data["format"] or None)
        except formats.ReferenceImportError as exc:
            return render(request, "evidence/import.html", {"form": form, "error": exc}, status=400)
        token = secrets.token_urlsafe(12)
        request.session[SESSION_KEY] = {
            "token": token,
            "text": formats.decode(data),
            "format": plan.format,
            "tags": [term.pk for term in form.cleaned_data["tags"]],
        }
        confirm = ConfirmImportForm(initial={"token": token, "duplicates": "skip"})
        return render(
            request,
            "evidence/import_report.html",
            {"plan": plan, "confirm": confirm, "tags": form.cleaned_data["tags"]},
        )
    return render(request, "evidence/import.html", {"form": form})


def _confirm_import(request: HttpRequest) -> HttpResponse:
    stored = request.session.get(SESSION_KEY)
    confirm = ConfirmImportForm(request.POST)
    if not stored or not confirm.is_valid() or confirm.cleaned_data["token"] != stored["token"]:
        messages.error(request, _("This import has expired; upload the file again."))
        return redirect("evidence:import")
    plan = services.plan_import(stored["text"], stored["format"])  # the database may have moved
    try:
        outcome = services.apply_import(
            plan,
            duplicates=confirm.cleaned_data["duplicates"],
            valid_only=confirm.cleaned_data["valid_only"],
            tags=list(Term.objects.filter(pk__in=stored["tags"])),
        )
    except formats.ReferenceImportError:
        messages.error(
            request,
            _(
                "Nothing was imported: the file has invalid records. Correct them, or choose to "
                "import only the valid ones."
            ),
        )
        confirm = ConfirmImportForm(initial={"token": stored["token"], "duplicates": "skip"})
        return render(
            request, "evidence/import_report.html", {"plan": plan, "confirm": confirm}, status=400
        )
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _(
            "Imported: %(created)s new, %(updated)s updated, %(skipped)s duplicates skipped, "
            "%(left_out)s invalid left out."
        )
        % {
            "created": len(outcome.created),
            "updated": len(outcome.updated),
            "skipped": outcome.skipped,
            "left_out": outcome.left_out,
        },
    )
    return redirect(reverse("evidence:search") + "?sort=newest")


# --- Suggestions ------------------------------------------------------------------------


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    form = SuggestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        key = f"evidence:suggest:{services.hash_ip(client_ip(request))}"
        count = cache.get(key, 0)
        if count >= SUGGESTIONS_PER_HOUR:
            form.is_valid()
            form.add_error(
                None,
                _("You have sent %(n)s suggestions in the last hour; please try again later.")
                % {"n": count},
            )
            return render(request, "evidence/suggest.html", {"form": form}, status=429)
        if form.is_valid():
            cache.set(key, count + 1, 3600)
            services.suggest(
                **{k: form.cleaned_data[k] for k in ("doi", "pmid", "citation", "note", "email")},
                ip=client_ip(request),
            )
            messages.success(request, _("Thank you: an editor will look at your suggestion."))
            return redirect("evidence:suggest")
    return render(request, "evidence/suggest.html", {"form": form})
