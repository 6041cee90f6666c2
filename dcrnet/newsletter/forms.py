"""Forms of the newsletter's pages: only the fields a person may set."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Subscriber


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=Subscriber._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES)
    # Starts unticked (RELIABILITY 56): the label names the notice's version, shown above it.
    consent = forms.BooleanField(
        label=_("I have read the notice above and want the newsletter at this address"),
        required=True,
        error_messages={"required": _("Please tick the box to subscribe.")},
    )

    def __init__(self, *args, notice_version: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = _("Notice version %(version)s.") % {
            "version": notice_version
        }


class LanguageForm(forms.Form):
    """The ?language= of the preview: one of the site's languages."""

    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
