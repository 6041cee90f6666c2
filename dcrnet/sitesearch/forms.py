"""The one input contract of /search/: the words, a kind to see all of, a page of it."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from dcrnet.lib.text import PlainTextForm

from .models import Kind
from .selectors import EVIDENCE, MAX_PAGE, MAX_QUERY, label


class SearchForm(PlainTextForm):
    q = forms.CharField(
        label=_("Search the site"),
        required=False,
        max_length=MAX_QUERY,
        help_text=_('Words, "exact phrases", -excluded words, OR between alternatives.'),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(label=_("Only"), required=False)
    page = forms.CharField(
        label=_("Page"),
        required=False,
        validators=[
            RegexValidator(r"^[0-9]{1,5}$", _("Give a page number written with 0-9.")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [EVIDENCE, *Kind.values]
        self.fields["kind"].choices = [("", _("Everything"))] + [(k, label(k)) for k in kinds]

    def clean_page(self) -> int:
        page = int(self.cleaned_data["page"] or 1)
        if not 1 <= page <= MAX_PAGE:
            raise forms.ValidationError(
                _("Give a page number from 1 to %(last)s."), params={"last": MAX_PAGE}
            )
        return page

    def problems(self) -> list[tuple[str, str]]:
        """(parameter, message) of every error, the parameter named as in the address."""
        return [(name, str(message)) for name, errors in self.errors.items() for message in errors]
