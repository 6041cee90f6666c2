"""The alert reviewers' pages: the queue of open signals, a review, an alert's update and
retraction. Thin: the rules live in services.py."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import display, services
from .models import Alert, Decision, Grade

MAX_ID = 2**63 - 1


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    grade = forms.ChoiceField(
        label=gettext_lazy("Grade"),
        choices=[("", gettext_lazy("No grade (to dismiss)")), *Grade.choices],
        required=False,
        help_text=gettext_lazy(
            "Needed to confirm. When the two confirmations differ, the alert takes the less"
            " public grade."
        ),
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment for the other reviewers"),
        max_length=services.COMMENT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.CONFIRM and not data.get("grade"):
            self.add_error("grade", _("Please choose a grade when you confirm a signal."))
        return data


class EditForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=services.TITLE_LENGTH)
    advice = forms.CharField(
        label=gettext_lazy("Advice"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Markdown."),
    )
    actions = forms.CharField(
        label=gettext_lazy("Actions taken"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Markdown."),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason for the change"),
        max_length=services.UPDATE_REASON_LENGTH,
        help_text=gettext_lazy("Shown in the alert's history; subscribers receive the update."),
    )


class RetractForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the retraction"),
        max_length=services.REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown on the alert and sent to everyone who received it."),
    )


def _reviewers_only(request: HttpRequest) -> None:
    if not services.is_reviewer(request.user):
        raise PermissionDenied


def _attempt(form: forms.Form, call) -> int | None:
    """Runs a service call: None when it wrote, else the status to answer with, its message
    on the form (beside the field it names)."""
    try:
        call()
    except services.NotFound:
        raise Http404 from None
    except services.Field as problem:
        form.add_error(problem.field if problem.field in form.fields else None, problem.message)
        return problem.status
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        return refusal.status
    return None


def _queue(request: HttpRequest, bound: tuple[int, ReviewForm] | None = None, status=200):
    signals = services.review_queue(request.user)
    for signal in signals:
        mine = bound is not None and bound[0] == signal.pk
        signal.form = bound[1] if mine else ReviewForm(prefix=f"s{signal.pk}")
    context = {"signals": signals, "problem": bound[1] if bound else None}
    return render(request, "alerts/review.html", context, status=status)


@login_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    _reviewers_only(request)
    return _queue(request)


@login_required
@require_POST
def review_signal(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewers_only(request)
    if pk > MAX_ID:
        raise Http404
    form = ReviewForm(request.POST, prefix=f"s{pk}")
    if not form.is_valid():
        return _queue(request, (pk, form), status=400)
    data = form.cleaned_data
    status = _attempt(
        form,
        lambda: services.review(
            pk, request.user, data["decision"], grade=data["grade"], comment=data["comment"]
        ),
    )
    if status is not None:
        return _queue(request, (pk, form), status=status)
    messages.success(request, _("Your review was recorded."))
    return redirect("alerts:review")


def _alert(request: HttpRequest, public_id) -> Alert:
    _reviewers_only(request)
    alert = display.visible_alerts(request.user).filter(public_id=public_id).first()
    if alert is None:
        raise Http404
    return alert


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, public_id) -> HttpResponse:
    alert = _alert(request, public_id)
    initial = {"title": alert.title, "advice": alert.advice, "actions": alert.actions}
    form = EditForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            fields = {name: data[name] for name in services.EDITABLE}
            status = _attempt(
                form,
                lambda: services.update_alert(alert, request.user, reason=data["reason"], **fields),
            )
            if status is None:
                messages.success(request, _("The alert was updated and is being sent again."))
                return redirect("alerts:detail", public_id=alert.public_id)
    context = {"form": form, "view": display.present(alert)}
    return render(request, "alerts/alert_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def retract(request: HttpRequest, public_id) -> HttpResponse:
    alert = _alert(request, public_id)
    form = RetractForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            status = _attempt(form, lambda: services.retract(alert, request.user, reason))
            if status is None:
                messages.success(request, _("The alert was retracted; its recipients are told."))
                return redirect("alerts:detail", public_id=alert.public_id)
    context = {"form": form, "view": display.present(alert)}
    return render(request, "alerts/alert_retract.html", context, status=status)
