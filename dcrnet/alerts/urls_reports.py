"""Reporting for early warning: /alerts/report/… (facility reporters only)."""

from django.urls import path

from . import views_reports as views

urlpatterns = [
    path("report/", views.report_home, name="report_home"),
    path(
        "report/template-reports.csv",
        views.report_template,
        {"kind": "reports"},
        name="report_template_reports",
    ),
    path(
        "report/template-pulses.csv",
        views.report_template,
        {"kind": "pulses"},
        name="report_template_pulses",
    ),
    path("report/<slug:public_id>/substance/", views.report_substance, name="report_substance"),
    path("report/<slug:public_id>/pulse/", views.report_pulse, name="report_pulse"),
    path("report/<slug:public_id>/upload/", views.report_upload, name="report_upload"),
]
