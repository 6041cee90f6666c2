"""Experts (/experts/…) and help requests (/help/…): included at the site's root."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "experts"

urlpatterns = [
    path("experts/", views.directory, name="directory"),
    path("experts/join/", views.join, name="join"),
    path("experts/me/", views.me, name="me"),
    path("experts/me/leave/", views.leave, name="leave"),
    path("experts/me/requests/", views.my_requests, name="my_requests"),
    path("experts/me/requests/<uuid:public_id>/", views.decide, name="decide"),
    path("experts/<slug:handle>/", views.expert, name="expert"),
    path("help/", views.help_page, name="help"),
    path("help/ask/", views.ask, name="ask"),
    path("help/sent/", views.sent, name="sent"),
    path("help/mine/", views.mine, name="mine"),
    path("help/triage/", views.triage, name="triage"),
    path("help/triage/<uuid:public_id>/", views.triage_request, name="triage_request"),
    path("help/reply/<str:token>/", views.reply, name="reply"),
    path("help/reply/<str:token>/close/", views.reply_close, name="reply_close"),
    path("help/<uuid:public_id>/", views.conversation, name="conversation"),
    path("help/<uuid:public_id>/close/", views.close, name="close"),
]
