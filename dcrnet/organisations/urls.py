"""Organisations (/organisations/…) and membership applications (/members/…); included at the
site root, so the full prefixes are written here."""

from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("organisations/", views.organisation_list, name="list"),
    path("organisations/apply/", views.organisation_apply, name="apply"),
    path("organisations/applications/", views.organisation_queue, name="organisation_queue"),
    path(
        "organisations/applications/<int:pk>/decide/",
        views.organisation_decide,
        name="organisation_decide",
    ),
    path("organisations/<slug:slug>/", views.organisation_detail, name="detail"),
    path("members/join/", views.membership_join, name="join"),
    path("members/applications/", views.membership_queue, name="membership_queue"),
    path("members/applications/mine/", views.my_applications, name="mine"),
    path(
        "members/applications/<int:pk>/decide/",
        views.membership_decide,
        name="membership_decide",
    ),
    path("members/memberships/<int:pk>/leave/", views.membership_leave, name="leave"),
]
