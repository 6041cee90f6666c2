"""The planning tracker's input. Forms validate shape; the rules (who, which owner) are the
services'."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from dcrnet.lib import uploads
from dcrnet.organisations.models import Organisation

from .models import Invitation, StepStatus, TeamRole

TEXT_MAX = 20_000


class DateInput(forms.DateInput):
    input_type = "date"


def _blank_country():
    return [("", "---------"), *countries]


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Name of the project"), max_length=200)
    city = forms.CharField(label=_("City"), max_length=120)
    country = LazyTypedChoiceField(label=_("Country"), choices=_blank_country)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Optional: an organisation of the network you plan with."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What you plan, in a few sentences. Only your team sees it unless you "
            "publish the project."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            self.fields["organisation"].queryset = Organisation.objects.filter(
                status="approved", memberships__user=user, memberships__status="approved"
            ).distinct()


class ProjectEditForm(forms.Form):
    name = forms.CharField(label=_("Name of the project"), max_length=200)
    city = forms.CharField(label=_("City"), max_length=120)
    country = LazyTypedChoiceField(label=_("Country"), choices=_blank_country)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class StepForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices)
    owner = forms.TypedChoiceField(
        label=_("Owner"), required=False, coerce=int, empty_value=None, choices=()
    )
    due = forms.DateField(label=_("Due date"), required=False, widget=DateInput)
    notes = forms.CharField(
        label=_("Notes of the team"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown. Only your team and the experts you invite to this step read them."),
    )

    def __init__(self, *args, team=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", _("Nobody yet"))] + [
            (m.user_id, m.user.handle or str(m.user)) for m in team
        ]


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Decision"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment (Markdown)"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Please write a comment."))
        return body


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "PDF, DOCX, ODT, XLSX, PNG or JPEG. Only your team and the experts you "
            "invite to this step can download it."
        ),
    )

    def clean_file(self):
        """Checked by content (dcrnet.lib.uploads): the form's value is the `Checked` upload."""
        return uploads.validate_upload(self.cleaned_data["file"])


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of your colleague"),
        max_length=Invitation._meta.get_field("email").max_length,
        help_text=_(
            "They accept by signing in as a member with this address; the link works for 14 days."
        ),
    )


class ExpertChoiceForm(forms.Form):
    expert = forms.TypedChoiceField(label=_("Expert"), coerce=int, choices=())

    def __init__(self, *args, matching=(), others=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if matching:
            choices.append(
                (_("Experts in this step"), [(e.pk, e.user.handle or str(e)) for e in matching])
            )
        if others:
            choices.append(
                (_("Other available experts"), [(e.pk, e.user.handle or str(e)) for e in others])
            )
        self.fields["expert"].choices = choices


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=TeamRole.choices)


class PublishForm(forms.Form):
    published = forms.TypedChoiceField(choices=(("1", "1"), ("0", "0")), coerce=lambda v: v == "1")


class ListingRequestForm(forms.Form):
    name = forms.CharField(label=_("Name of the facility"), max_length=200)
    city = forms.CharField(label=_("City"), max_length=120)
    country = LazyTypedChoiceField(label=_("Country"), choices=_blank_country)
    public_note = forms.CharField(
        label=_("What the directory may say"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Public once approved. Markdown."),
    )


class ApproveForm(forms.Form):
    latitude = forms.DecimalField(
        label=_("Approximate latitude (city level)"),
        max_digits=8,
        decimal_places=4,
        min_value=-90,
        max_value=90,
    )
    longitude = forms.DecimalField(
        label=_("Approximate longitude (city level)"),
        max_digits=8,
        decimal_places=4,
        min_value=-180,
        max_value=180,
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the team)"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
