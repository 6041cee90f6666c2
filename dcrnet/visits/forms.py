"""The input of exchange visits. Forms check shape and the rules a person can correct, with a
message on the field (the same rules as services.py, which checks them again under lock)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dcrnet.experts import languages

from . import services
from .models import MAX_GROUP

TEXT_MAX = services.TEXT_MAX


class DateInput(forms.DateInput):
    input_type = "date"


def _date(label):
    return forms.DateField(label=label, widget=DateInput)


def _languages(label, *, required=True):
    return forms.MultipleChoiceField(
        label=label,
        choices=languages.choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please choose at least one language.")},
    )


class DatesMixin:
    """first_date and last_date checked against today (services.date_problems)."""

    def check_dates(self, data: dict) -> None:
        problems = services.date_problems(
            data.get("first_date"), data.get("last_date"), on=services.today()
        )
        for field, message in problems.items():
            self.add_error(field, message)


class AskForm(DatesMixin, forms.Form):
    first_date = _date(_("First day"))
    last_date = _date(_("Last day"))
    group_size = forms.IntegerField(
        label=_("People in the group"), initial=2, widget=forms.NumberInput(attrs={"min": 1})
    )
    purpose = forms.CharField(
        label=_("Purpose of the visit"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What you would like to see and learn, and who the group is (their roles, not their "
            "names). Do not write personal or health details of anyone, yourself included."
        ),
    )
    languages = _languages(_("Languages the group speaks"))
    organisation = forms.ModelChoiceField(
        label=_("On behalf of (optional)"),
        queryset=services.organisations_of(None),
        required=False,
        to_field_name="slug",
        empty_label=_("Myself"),
        help_text=_("An organisation of the network you are a member of."),
    )

    def __init__(self, *args, host, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.host = host
        largest = min(host.max_group_size, MAX_GROUP)
        self.fields["group_size"].widget.attrs["max"] = largest
        self.fields["group_size"].help_text = _("At most %(n)s for this facility.") % {"n": largest}
        self.fields["organisation"].queryset = services.organisations_of(user)
        if not self.fields["organisation"].queryset.exists():
            del self.fields["organisation"]

    def clean_group_size(self):
        size = self.cleaned_data["group_size"]
        if problem := services.group_problem(size, self.host):
            raise forms.ValidationError(problem)
        return size

    def clean_purpose(self) -> str:
        purpose = (self.cleaned_data["purpose"] or "").strip()
        if not purpose:
            raise forms.ValidationError(_("Please say what you would like to see and learn."))
        return purpose

    def clean(self):
        data = super().clean()
        self.check_dates(data)
        return data


class AnswerForm(DatesMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        widget=forms.RadioSelect,
        choices=[
            ("accept", _("Accept the visit on these dates")),
            ("propose", _("Propose other dates")),
            ("decline", _("Decline")),
        ],
        error_messages={"required": _("Please choose an answer.")},
    )
    first_date = _date(_("Proposed first day"))
    last_date = _date(_("Proposed last day"))
    message = forms.CharField(
        label=_("Message to the visitors"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Needed when you propose other dates or decline. No personal or health details "
            "of anyone."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_date"].required = False
        self.fields["last_date"].required = False
        self.fields["first_date"].help_text = _("Only when you propose other dates.")

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        data["message"] = (data.get("message") or "").strip()
        if decision == "propose":
            for field in ("first_date", "last_date"):
                if not data.get(field) and field not in self.errors:
                    self.add_error(field, _("Please give the dates you propose."))
            self.check_dates(data)
        if (
            decision in ("propose", "decline")
            and not data["message"]
            and "message" not in self.errors
        ):
            self.add_error("message", _("Please write a message to the visitors."))
        return data


class RespondForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer to the proposal"),
        widget=forms.RadioSelect,
        choices=[
            ("accept", _("Accept the proposed dates")),
            ("withdraw", _("Withdraw my request")),
        ],
        error_messages={"required": _("Please choose an answer.")},
    )


class WithdrawForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the host (optional)"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PublicityForm(forms.Form):
    public = forms.ChoiceField(
        choices=[("yes", _("Show it")), ("no", _("Do not show it"))],
        error_messages={"required": _("Please choose whether to show the visit.")},
    )


class HostForm(forms.Form):
    receives_visits = forms.BooleanField(label=_("We receive visits"), required=False)
    availability = forms.CharField(
        label=_("When visits are possible"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example “Tuesday and Thursday mornings, not in August”."),
    )
    max_group_size = forms.IntegerField(label=_("Largest group"), min_value=1, max_value=MAX_GROUP)
    languages = _languages(_("Languages of the visit"), required=False)
    notes = forms.CharField(
        label=_("What visitors should know"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown publicly on the facility's page and the list of hosts."),
    )
