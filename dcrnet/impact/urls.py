from django.urls import path

from . import views

app_name = "impact"

urlpatterns = [
    path("", views.calculator, name="calculator"),
    path("report/", views.report, name="report"),
    path("data.csv", views.data_csv, name="data_csv"),
    path("parameters/", views.parameters, name="parameters"),
    path("facility/<str:public_id>/", views.from_facility, name="facility"),
]
