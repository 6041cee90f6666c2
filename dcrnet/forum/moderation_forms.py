"""Forms of the moderation pages: the input contract of each action (services check rules)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import moderation
from .models import Action, Category, ReportReason

REASON_MAX = 1000


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why are you reporting this post?"), choices=ReportReason)
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the moderators read this."),
    )


class ReasonForm(forms.Form):
    """An optional reason (restore, approve, dismiss, lock, pin, lift)."""

    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, max_length=REASON_MAX, strip=True
    )


class RequiredReasonForm(forms.Form):
    """Hide and warn: the reason is required."""

    reason = forms.CharField(label=_("Reason"), max_length=REASON_MAX, strip=True)


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Move to category"), queryset=Category.objects.order_by("position", "name")
    )
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, max_length=REASON_MAX, strip=True
    )


DURATIONS = [
    *(
        (str(days), ngettext_lazy("%(days)s day", "%(days)s days", "days") % {"days": days})
        for days in moderation.SUSPENSION_DAYS
    ),
    ("date", _("Until a date")),
]


class SuspendForm(forms.Form):
    duration = forms.ChoiceField(label=_("How long"), choices=DURATIONS, initial="7")
    until = forms.DateTimeField(
        label=_("Until (with “Until a date”)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("In the site's time zone."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=REASON_MAX, strip=True)

    def __init__(self, *args, now: dt.datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()

    def clean(self):
        data = super().clean()
        duration = data.get("duration")
        if duration == "date":
            until = data.get("until")
            if until is None:
                self.add_error("until", _("Give the date and time the suspension ends."))
            elif until <= self.now:
                self.add_error("until", _("The end must be in the future."))
            elif until > self.now + dt.timedelta(days=moderation.MAX_SUSPENSION_DAYS):
                self.add_error("until", _("A suspension can last a year at most."))
            else:
                data["end"] = until
        elif duration:
            data["end"] = self.now + dt.timedelta(days=int(duration))
        return data


class LogFilter(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All actions")), *Action.choices]
    )
