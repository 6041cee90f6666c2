"""Forms of the advocacy pages: only the fields a person may set."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dcrnet.lib import forms as lib_forms

from .models import ShownAs, Signature

MAX_ID = 2**63 - 1
NAME_LENGTH = Signature._meta.get_field("real_name").max_length


class EndorseForm(forms.Form):
    """Which of the contact's organisations endorses (one button per organisation)."""

    organisation = forms.IntegerField(min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)


class SignForm(forms.Form):
    shown_as = forms.ChoiceField(
        label=_("Show my name as"),
        widget=forms.RadioSelect,
        help_text=_("You can take your name back at any time."),
    )
    real_name = forms.CharField(
        label=_("Name to show"),
        max_length=NAME_LENGTH,
        required=False,
        help_text=_("Only if you chose your real name: it is shown as you write it here."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        handle = getattr(user, "handle", "")
        choices = []
        if handle:
            choices.append(
                (ShownAs.HANDLE, _("My public handle (%(handle)s)") % {"handle": handle})
            )
        choices += [
            (ShownAs.REAL_NAME, ShownAs.REAL_NAME.label),
            (ShownAs.COUNTED, ShownAs.COUNTED.label),
        ]
        self.fields["shown_as"].choices = choices
        self.fields["shown_as"].initial = choices[0][0]
        profile = getattr(user, "profile", None) if user is not None else None
        if profile is not None and profile.real_name:
            self.fields["real_name"].initial = profile.real_name

    def clean(self):
        data = super().clean()
        if data.get("shown_as") == ShownAs.REAL_NAME and not (data.get("real_name") or "").strip():
            self.add_error("real_name", _("Please write the name to show."))
        return data


class DecisionForm(lib_forms.DecisionForm):
    reason_help = _("Required to decline; the organisation's contact sees it.")
    reason_required = _("Please give a reason when you decline an endorsement.")

    @property
    def approve(self) -> bool:
        return self.accepted
