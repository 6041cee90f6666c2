"""Forms of the evidence library: search (GET), import, suggestion."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import CslType, Term, clean_doi
from .selectors import FACET_VOCABULARIES, MAX_PER_PAGE, SearchParams, Sort

COUNTRY = re.compile(r"^[A-Za-z]{2}$")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=300,
        help_text=_('Words, "exact phrases", -excluded words, OR between alternatives.'),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    design = forms.MultipleChoiceField(label=_("Study design"), required=False)
    outcome = forms.MultipleChoiceField(label=_("Outcome"), required=False)
    setting = forms.MultipleChoiceField(label=_("Setting"), required=False)
    route = forms.MultipleChoiceField(label=_("Route"), required=False)
    country = forms.CharField(label=_("Country (ISO code)"), required=False, max_length=2)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *CslType.choices]
    )
    year_from = forms.IntegerField(
        label=_("From year"), required=False, min_value=1800, max_value=2100
    )
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1800, max_value=2100)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=Sort.CHOICES)
    page = forms.IntegerField(
        required=False, min_value=1, max_value=100000, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        terms = Term.objects.filter(vocabulary__in=FACET_VOCABULARIES).values_list(
            "vocabulary", "slug", "name"
        )
        for vocabulary in FACET_VOCABULARIES:
            self.fields[vocabulary].choices = [
                (slug, name) for voc, slug, name in terms if voc == vocabulary
            ]

    def clean_country(self) -> str:
        value = self.cleaned_data.get("country", "").strip()
        if value and not COUNTRY.match(value):
            raise ValidationError(_("Give a two-letter country code such as CA or FR."))
        return value.upper()

    def params(self, per_page: int | None = None) -> SearchParams:
        """What is valid of the query; invalid fields are left out (and shown as errors)."""
        self.is_valid()
        data = self.cleaned_data
        year_from, year_to = data.get("year_from"), data.get("year_to")
        if year_from and year_to and year_from > year_to:
            year_from, year_to = year_to, year_from
        return SearchParams(
            q=data.get("q") or "",
            terms={v: data[v] for v in FACET_VOCABULARIES if data.get(v)},
            countries=[data["country"]] if data.get("country") else [],
            csl_type=data.get("type") or "",
            year_from=year_from,
            year_to=year_to,
            sort=data.get("sort") or Sort.RELEVANCE,
            page=data.get("page") or 1,
            per_page=min(per_page or 20, MAX_PER_PAGE),
        )


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


class ConfirmImportForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    duplicates = forms.ChoiceField(
        label=_("Duplicates"),
        choices=[("skip", _("Skip them")), ("update", _("Update the existing references"))],
        widget=forms.RadioSelect,
        initial="skip",
    )
    valid_only = forms.BooleanField(
        label=_("Import only the valid records and leave out the invalid ones"), required=False
    )


class SuggestionForm(forms.Form):
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
        label=_("Your email, if we may ask you about it (optional)"), required=False
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
