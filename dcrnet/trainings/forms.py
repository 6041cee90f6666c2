"""The input of the trainings pages. Forms check the shape of what was sent; the rules (places,
deadlines, who may) are the services'."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from dcrnet.directory.models import Facility
from dcrnet.documents.selectors import language_choices
from dcrnet.lib.text import no_control_characters

from . import services
from .models import (
    MAX_CAPACITY,
    Format,
    Registration,
    Session,
    time_problem,
    validate_time_zone,
)

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class RegisterForm(forms.Form):
    """One field per question of the organisers (`q<id>`)."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=question.text,
                required=question.required,
                max_length=services.ANSWER_CHARS,
                validators=[no_control_characters],
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict[int, str]:
        return {
            question.pk: self.cleaned_data.get(f"q{question.pk}", "") for question in self.questions
        }


ATTENDANCE_CHOICES = [
    ("", _("Not recorded")),
    ("yes", _("Attended")),
    ("no", _("Did not attend")),
]
MARKS = {"": None, "yes": True, "no": False}


class AttendanceForm(forms.Form):
    """One choice per confirmed participant of this session (`r<registration id>`): ids of
    other sessions' registrations have no field here, so they are never read."""

    def __init__(self, *args, registrations: list[Registration] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            current = {True: "yes", False: "no"}.get(registration.attended, "")
            self.fields[f"r{registration.pk}"] = forms.ChoiceField(
                label=getattr(registration, "name", str(registration.user)),
                choices=ATTENDANCE_CHOICES,
                required=False,
                initial=current,
            )

    def marks(self) -> dict[int, bool | None]:
        return {
            registration.pk: MARKS[self.cleaned_data.get(f"r{registration.pk}") or ""]
            for registration in self.registrations
        }

    def rows(self):
        """(registration, bound field) pairs, for the table."""
        return [(r, self[f"r{r.pk}"]) for r in self.registrations]


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Subject"),
        max_length=services.SUBJECT_CHARS,
        validators=[no_control_characters],
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=services.BODY_CHARS,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Plain text. Every confirmed participant receives it by email."),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Question"),
        max_length=services.QUESTION_CHARS,
        validators=[no_control_characters],
        help_text=_("For example: your role, your organisation."),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)


class CancelSessionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the session cancelled?"),
        max_length=2000,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Everyone registered receives this by email."),
    )
    confirm = forms.BooleanField(
        label=_("Yes, cancel this session and tell everyone registered"),
        error_messages={"required": _("Please confirm that the session is to be cancelled.")},
    )


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=LOCAL_FORMAT)


def _local(value: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
    """A stored (UTC) time as the naive local time of `zone`, for the form's initial value."""
    return value.astimezone(zone).replace(tzinfo=None) if value else None


def in_zone(naive: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
    """The local time `naive` in `zone`, or None if the clocks skip it or pass it twice."""
    early, late = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if early.utcoffset() != late.utcoffset():
        return None  # ambiguous (the hour the clocks go back) or missing (they go forward)
    return early


TIMES = ("starts_at", "ends_at", "registration_deadline", "cancellation_cutoff")


class SessionForm(forms.Form):
    """A session's fields an organiser changes; times are local to the session's time zone."""

    starts_at = forms.DateTimeField(label=_("Starts"), widget=LocalDateTimeInput)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=LocalDateTimeInput)
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_(
            "The time zone of the place, for example Europe/Berlin. The times above are in it."
        ),
    )
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    facility = forms.ModelChoiceField(
        label=_("Host facility"),
        queryset=Facility.objects.none(),
        to_field_name="public_id",
        required=False,
    )
    address = forms.CharField(
        label=_("Address"),
        required=False,
        max_length=1000,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where it takes place, if not at the host facility."),
    )
    online_url = forms.URLField(
        label=_("Link to join online"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Shown to confirmed participants only."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=())
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=MAX_CAPACITY)
    registration_deadline = forms.DateTimeField(
        label=_("Registration deadline"), widget=LocalDateTimeInput
    )
    cancellation_cutoff = forms.DateTimeField(
        label=_("Participants may cancel until"), widget=LocalDateTimeInput
    )
    trainers = forms.CharField(
        label=_("Trainers"), required=False, max_length=300, validators=[no_control_characters]
    )

    def __init__(self, *args, session: Session, **kwargs):
        self.session = session
        zone = session.zone
        initial = {name: getattr(session, name) for name in services.EDITABLE_FIELDS}
        for name in TIMES:
            initial[name] = _local(getattr(session, name), zone)
        initial["facility"] = session.facility.public_id if session.facility else None
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        facilities = Facility.objects.public()
        if session.facility_id:
            facilities = facilities | Facility.objects.filter(pk=session.facility_id)
        self.fields["facility"].queryset = facilities.order_by("name")
        choices = language_choices()
        if session.language and session.language not in dict(choices):
            choices.append((session.language, session.language))
        self.fields["language"].choices = choices

    def clean(self):
        data = super().clean()
        try:
            zone = zoneinfo.ZoneInfo(data.get("time_zone") or self.session.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            return data  # the time zone field has its own error
        for name in TIMES:
            value = data.get(name)
            if value is None:
                continue
            # First roughly (as if UTC), so that the conversion below cannot overflow; the
            # session's own check is exact.
            if problem := time_problem(value.replace(tzinfo=dt.UTC)):
                self.add_error(name, problem)
                continue
            local = in_zone(value.replace(tzinfo=None), zone)
            if local is None:
                self.add_error(
                    name,
                    _(
                        "This time does not exist or occurs twice in that time zone (the "
                        "clocks change): please choose another."
                    ),
                )
            else:
                data[name] = local.astimezone(dt.UTC)
        return data

    def changes(self) -> dict:
        """The fields whose value differs from the session's."""
        changed = {}
        for name in services.EDITABLE_FIELDS:
            if name not in self.cleaned_data:
                continue
            value = self.cleaned_data[name]
            if name == "facility":
                if (value.pk if value else None) != self.session.facility_id:
                    changed[name] = value
            elif value != getattr(self.session, name):
                changed[name] = value
        return changed
