"""Your data, at /account/ (allauth's own pages are at /accounts/)."""

from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("profile/", views.profile, name="profile"),
    path("consents/", views.consents, name="consents"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
]
