"""Exchange visits (/visits/…): hosts, requests and answers."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "visits"

urlpatterns = [
    path("", views.hosts, name="hosts"),
    path("mine/", views.mine, name="mine"),
    path("ask/<slug:facility>/", views.ask, name="ask"),
    path("host/<slug:facility>/", views.host_edit, name="host_edit"),
    path("<uuid:public_id>/", views.visit, name="visit"),
    path("<uuid:public_id>/answer/", views.answer, name="answer"),
    path("<uuid:public_id>/respond/", views.respond, name="respond"),
    path("<uuid:public_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<uuid:public_id>/publicity/", views.publicity, name="publicity"),
]
