"""Forms of the evidence library: the lists' filters (GET), import, suggestion."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from dcrnet.lib.text import PlainTextForm

from .filters import Filters, MapFilters, SearchFilters
from .models import CslType, Term, clean_doi
from .selectors import Sort


class FiltersForm(forms.Form):
    """The widgets of a list page's filters. Whether a value is valid, and what it means, is
    decided by a schema of filters.py alone (the API and the exports read theirs through the
    same one); this form shows the values and the schema's messages beside their fields."""

    schema: type[Filters] = MapFilters

    def __init__(self, data: QueryDict, **kwargs):
        super().__init__(data, **kwargs)
        self.filters, self.problems = self.schema.read_leniently(data)

    def full_clean(self) -> None:
        self._errors = ErrorDict()
        self.cleaned_data = self.filters.model_dump()
        for parameter, message in self.problems:
            name = parameter.split(".")[0]
            self._errors.setdefault(
                name if name in self.fields else NON_FIELD_ERRORS, self.error_class()
            ).append(message)


class MapForm(FiltersForm):
    country = forms.CharField(label=_("Country (ISO code)"), required=False, max_length=2)
    year_from = forms.IntegerField(
        label=_("From year"), required=False, min_value=1800, max_value=2100
    )
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1800, max_value=2100)


class SearchForm(MapForm):
    schema = SearchFilters

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=300,
        help_text=_('Words, "exact phrases", -excluded words, OR between alternatives.'),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    # Chosen through the facets' links (hidden inputs); here for their labels in messages.
    design = forms.CharField(label=_("Study design"), required=False)
    outcome = forms.CharField(label=_("Outcome"), required=False)
    setting = forms.CharField(label=_("Setting"), required=False)
    route = forms.CharField(label=_("Route"), required=False)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *CslType.choices]
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=Sort.CHOICES)
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)
    per_page = forms.IntegerField(label=_("References per page"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("RIS, BibTeX, PubMed (.nbib) or CSL-JSON; at most 5 MB."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[
            ("", _("Detect from the content")),
            ("ris", "RIS"),
            ("bibtex", "BibTeX"),
            ("nbib", _("PubMed / MEDLINE (.nbib)")),
            ("csljson", "CSL-JSON"),
        ],
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Tag every imported reference with"),
        required=False,
        queryset=Term.objects.all(),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(_("The file is larger than 5 MB."))
        return upload


class ConfirmImportForm(PlainTextForm):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    duplicates = forms.ChoiceField(
        label=_("Duplicates"),
        choices=[("skip", _("Skip them")), ("update", _("Update the existing references"))],
        widget=forms.RadioSelect,
        initial="skip",
    )
    valid_only = forms.BooleanField(
        label=_("Import only the valid records and leave out the invalid ones"), required=False
    )


class SuggestionForm(PlainTextForm):
    doi = forms.CharField(label=_("DOI"), required=False, max_length=200)
    pmid = forms.CharField(label=_("PubMed ID (PMID)"), required=False, max_length=20)
    citation = forms.CharField(
        label=_("Citation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Authors, year, title, journal or publisher — if there is no DOI or PMID."),
    )
    note = forms.CharField(
        label=_("Why it belongs in the library (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label=_("Your email, if we may ask you about it (optional)"),
        required=False,
        max_length=254,  # the column's length: a longer valid address would overflow it
    )
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_doi(self) -> str:
        value = clean_doi(self.cleaned_data.get("doi", ""))
        if value and not re.match(r"^10\.\d{4,9}/\S+$", value):
            raise ValidationError(
                _("A DOI starts with 10. and a slash, e.g. 10.1371/journal.pmed.1002964.")
            )
        return value

    def clean_pmid(self) -> str:
        value = self.cleaned_data.get("pmid", "").strip()
        if value and not re.match(r"^\d{1,9}$", value):
            raise ValidationError(_("A PMID is a number of up to nine digits."))
        return value

    def clean_citation(self) -> str:
        value = self.cleaned_data.get("citation", "").strip()
        if value and (
            len(value) < 20
            or not re.search(r"(1[89]|20)\d\d", value)
            or len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", value)) < 3
        ):
            raise ValidationError(_("Give a citation with at least authors, a year and a title."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError(_("This form could not be sent."))
        if not (data.get("doi") or data.get("pmid") or data.get("citation")) and not self.errors:
            raise ValidationError(_("Give a DOI, a PMID or a citation."))
        return data
