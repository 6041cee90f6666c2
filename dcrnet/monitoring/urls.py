"""The resource centre at /data/: dictionary, dashboards, open data, reporting, survey."""

from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("dictionary/", views.dictionary, name="dictionary"),
    path("dictionary.csv", views.dictionary_csv, name="dictionary_csv"),
    path("chart.json", views.chart, name="chart"),
    path("countries/<str:code>/", views.country_dashboard, name="country"),
    path("countries/<str:code>/chart.json", views.chart, name="country_chart"),
    path("facilities/<slug:public_id>/", views.facility_dashboard, name="facility"),
    path("facilities/<slug:public_id>/chart.json", views.chart, name="facility_chart"),
    path("monthly.csv", views.monthly_csv, name="monthly_csv"),
    path("monthly.json", views.monthly_json, name="monthly_json"),
    path("survey.csv", views.survey_csv, name="survey_csv"),
    path("report/", views.report_home, name="report_home"),
    path("report/tokens/", views.token_create, name="token_create"),
    path("report/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("report/<slug:public_id>/template.csv", views.upload_template, name="upload_template"),
    path("report/<slug:public_id>/upload/", views.upload, name="upload"),
    path("report/<slug:public_id>/<str:month>/", views.report_month, name="report_month"),
    path("survey/", views.survey_admin, name="survey_admin"),
    path("survey/responses/<int:pk>/", views.survey_review, name="survey_review"),
    path("survey/<int:year>/<slug:public_id>/", views.survey_form, name="survey_form"),
]
