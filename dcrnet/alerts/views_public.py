"""The alerts pages: the list, an alert, and a member's email subscription. What each person
sees is decided in display.py."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from . import display, services
from .models import PUBLIC_GRADES, Grade, Region

PER_PAGE = 20


def _grades(user) -> list[tuple[str, str]]:
    network = display.is_network_member(user)
    return [(value, label) for value, label in Grade.choices if network or value in PUBLIC_GRADES]


class ListFilter(forms.Form):
    region = forms.ModelChoiceField(
        label=gettext_lazy("Region"),
        queryset=Region.objects.select_related("country"),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("All regions"),
    )
    grade = forms.ChoiceField(label=gettext_lazy("Grade"), required=False)
    page = forms.IntegerField(
        label=gettext_lazy("Page"), min_value=1, max_value=100_000, required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grade"].choices = [("", _("All grades")), *_grades(user)]


@require_GET
def alert_list(request: HttpRequest) -> HttpResponse:
    form = ListFilter(request.GET, user=request.user)
    if not form.is_valid():
        return render(request, "alerts/alert_list.html", {"form": form, "page": None}, status=400)
    alerts = display.visible_alerts(request.user)
    if region := form.cleaned_data["region"]:
        alerts = alerts.filter(region=region)
    if grade := form.cleaned_data["grade"]:
        alerts = alerts.filter(grade=grade)
    paginator = Paginator(alerts, PER_PAGE)
    number = form.cleaned_data["page"] or 1
    if number > max(paginator.num_pages, 1):
        raise Http404
    page = paginator.page(number)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "views": [display.present(alert) for alert in page],
        "query": query.urlencode(),
        "network": display.is_network_member(request.user),
        "may_subscribe": display.is_network_member(request.user),
        "may_review": services.is_reviewer(request.user),
    }
    return render(request, "alerts/alert_list.html", context)


@require_GET
def alert_detail(request: HttpRequest, public_id) -> HttpResponse:
    alert = display.visible_alerts(request.user).filter(public_id=public_id).first()
    if alert is None:
        raise Http404
    context = {
        "view": display.present(alert),
        "history": services.history(alert),
        "may_change": services.is_reviewer(request.user) and alert.retracted is None,
    }
    return render(request, "alerts/alert_detail.html", context)


class SubscriptionForm(forms.Form):
    grades = forms.MultipleChoiceField(
        label=gettext_lazy("Grades"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("Choose none to receive no alerts by email."),
    )
    regions = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Regions"),
        queryset=Region.objects.select_related("country"),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("Choose none to receive alerts from every region."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grades"].choices = _grades(user)


@login_required
@require_http_methods(["GET", "POST"])
def subscription(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not display.is_network_member(user):
        return render(request, "alerts/subscription_members_only.html", status=403)
    current = services.subscription_of(user)
    initial = {"grades": current.grades, "regions": list(current.regions.all())} if current else {}
    form = SubscriptionForm(
        request.POST if request.method == "POST" else None, user=user, initial=initial
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = services.save_subscription(user, data["regions"], data["grades"])
            except services.Field as problem:
                form.add_error(problem.field, problem.message)
                status = problem.status
            else:
                if saved is None:
                    messages.success(request, _("You will receive no alerts by email."))
                else:
                    messages.success(request, _("Your alert emails are saved."))
                return redirect("alerts:subscription")
    context = {"form": form, "subscribed": current is not None}
    return render(request, "alerts/subscription.html", context, status=status)
