"""Advocacy initiatives at /advocacy/: the list, each initiative with its endorsers, endorsing
and signing, the staff's approval queue, and the CSV and badge for campaigners."""

from django.urls import path

from . import views

app_name = "advocacy"

urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("review/", views.review, name="review"),
    path("review/<int:pk>/decide/", views.decide, name="decide"),
    path("endorsements/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<slug:slug>/", views.initiative_detail, name="detail"),
    path("<slug:slug>/endorse/", views.endorse, name="endorse"),
    path("<slug:slug>/sign/", views.sign, name="sign"),
    path("<slug:slug>/unsign/", views.unsign, name="unsign"),
    path("<slug:slug>/endorsers.csv", views.endorsers_csv, name="endorsers_csv"),
    path("<slug:slug>/badge.svg", views.badge_svg, name="badge_svg"),
    path("<slug:slug>/badge.png", views.badge_png, name="badge_png"),
]
