"""Evidence library pages: search, reference, export, outcome, map, import, suggest."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods
from pydantic import ValidationError

from dcrnet.lib.clientip import client_ip
from dcrnet.lib.i18n import neutral_language
from dcrnet.lib.ratelimit import hit_ip

from . import citations, exports, filters, formats, selectors, services
from .forms import ConfirmImportForm, ImportForm, MapForm, SearchForm, SuggestionForm

SUGGESTIONS_PER_HOUR = 5


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
    result = selectors.search_references(form.filters.params())
    _link_facets(request, result)
    context = {
        "form": form,
        "result": result,
        "export_formats": exports.EXPORT_FORMATS,
        "query_string": request.GET.urlencode(),
    }
    if request.htmx:
        return render(request, "evidence/search.html#results", context)
    return render(request, "evidence/search.html", context)


@require_GET
def reference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ref = selectors.reference(pk)
    cite = [
        (label, citations.bibliography([ref], name)[0])
        for name, (_file, label) in citations.STYLES.items()
    ]
    return render(
        request,
        "evidence/reference_detail.html",
        {
            "ref": ref,
            "cite": cite,
            "summaries": selectors.summaries_resting_on(ref),
            "csl": formats.to_csl(ref),
        },
    )


@require_GET
@neutral_language
def reference_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in exports.EXPORT_FORMATS:
        raise Http404
    ref = selectors.reference(pk)
    return exports.download([ref], fmt, f"reference-{ref.pk}")


@require_GET
@neutral_language
def export(request: HttpRequest) -> HttpResponse:
    """A selection (?ids=1&ids=2) or the whole result of a search (same parameters as the page)."""
    try:
        wanted = filters.ExportFilters.read(request.GET)
    except ValidationError as exc:
        lines = [f"{parameter}: {message}" for parameter, message in filters.problems(exc)]
        return HttpResponse(
            "\n".join([_("Nothing was exported:"), *lines]),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    refs = selectors.references_to_export(wanted.ids, wanted.params(), limit=exports.EXPORT_LIMIT)
    return exports.download(refs, wanted.format, "references")


@require_GET
def outcome_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.outcome_page(selectors.outcome(slug))
    return render(
        request,
        "evidence/outcome_detail.html",
        {
            "outcome": page.outcome,
            "summary": page.summary,
            "references": page.references,
            "by_design": page.by_design,
        },
    )


@require_GET
def evidence_map(request: HttpRequest) -> HttpResponse:
    form = MapForm(request.GET)
    year_from, year_to = form.filters.years()
    matrix = selectors.evidence_map(
        country=form.filters.country or None, year_from=year_from, year_to=year_to
    )
    return render(request, "evidence/map.html", {"form": form, "map": matrix})


# --- Import (editors) ------------------------------------------------------------------


@editor_required
@require_http_methods(["GET", "POST"])
def import_references(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm_import(request)
    form = ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        try:
            plan, pending = services.stage_import(
                request.user,
                form.cleaned_data["file"].read(),
                form.cleaned_data["format"] or None,
                list(form.cleaned_data["tags"]),
            )
        except formats.ReferenceImportError as exc:
            return render(request, "evidence/import.html", {"form": form, "error": exc}, status=400)
        confirm = ConfirmImportForm(initial={"token": pending.token, "duplicates": "skip"})
        return render(
            request,
            "evidence/import_report.html",
            {"plan": plan, "confirm": confirm, "tags": form.cleaned_data["tags"]},
        )
    return render(request, "evidence/import.html", {"form": form})


def _confirm_import(request: HttpRequest) -> HttpResponse:
    confirm = ConfirmImportForm(request.POST)
    if not confirm.is_valid():
        return _not_pending(request)
    try:
        outcome = services.confirm_import(
            request.user,
            confirm.cleaned_data["token"],
            duplicates=confirm.cleaned_data["duplicates"],
            valid_only=confirm.cleaned_data["valid_only"],
        )
    except services.ImportNotPending:
        return _not_pending(request)
    except services.InvalidRecords as exc:
        messages.error(
            request,
            _(
                "Nothing was imported: the file has invalid records. Correct them, or choose to "
                "import only the valid ones."
            ),
        )
        again = ConfirmImportForm(
            initial={"token": confirm.cleaned_data["token"], "duplicates": "skip"}
        )
        return render(
            request,
            "evidence/import_report.html",
            {"plan": exc.plan, "confirm": again},
            status=400,
        )
    messages.success(
        request,
        _(
            "Imported: %(created)s new, %(updated)s updated, %(skipped)s duplicates skipped, "
            "%(left_out)s invalid left out."
        )
        % {
            "created": intcomma(len(outcome.created)),
            "updated": intcomma(len(outcome.updated)),
            "skipped": intcomma(outcome.skipped),
            "left_out": intcomma(outcome.left_out),
        },
    )
    return redirect(reverse("evidence:search") + "?sort=newest")


def _not_pending(request: HttpRequest) -> HttpResponse:
    """409: this confirmation was used already (perhaps by a parallel click) or has expired."""
    error = _(
        "This import was already confirmed, or has expired: nothing more was imported. "
        "Upload the file again to import it."
    )
    return render(
        request,
        "evidence/import.html",
        {"form": ImportForm(), "not_pending": error},
        status=409,
    )


# --- Suggestions ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    form = SuggestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not hit_ip(request, "evidence-suggest", SUGGESTIONS_PER_HOUR, 3600):
            form.add_error(
                None,
                ngettext(
                    "You have sent %(n)s suggestion in the last hour; please try again later.",
                    "You have sent %(n)s suggestions in the last hour; please try again later.",
                    SUGGESTIONS_PER_HOUR,
                )
                % {"n": SUGGESTIONS_PER_HOUR},
            )
            return render(request, "evidence/suggest.html", {"form": form}, status=429)
        services.suggest(
            **{k: form.cleaned_data[k] for k in ("doi", "pmid", "citation", "note", "email")},
            ip=client_ip(request),
        )
        messages.success(request, _("Thank you: an editor will look at your suggestion."))
        return redirect("evidence:suggest")
    return render(request, "evidence/suggest.html", {"form": form})
