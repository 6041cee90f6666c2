"""Trainings (/trainings/…): the catalogue, sessions, registration, organisers' pages, calendar."""

from __future__ import annotations

from django.urls import path

from . import feeds, views

app_name = "trainings"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("calendar.ics", feeds.calendar, name="calendar"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/past/", views.past, name="past"),
    path("mine/", views.mine, name="mine"),
    path("sessions/<uuid:public_id>/", views.session, name="session"),
    path("sessions/<uuid:public_id>/session.ics", feeds.session, name="session_ics"),
    path("sessions/<uuid:public_id>/register/", views.register, name="register"),
    path("sessions/<uuid:public_id>/cancel/", views.cancel, name="cancel"),
    path("sessions/<uuid:public_id>/certificate/", views.certificate, name="certificate"),
    # Organisers
    path("sessions/<uuid:public_id>/participants/", views.participants, name="participants"),
    path(
        "sessions/<uuid:public_id>/participants.csv",
        views.participants_csv,
        name="participants_csv",
    ),
    path("sessions/<uuid:public_id>/attendance/", views.attendance, name="attendance"),
    path("sessions/<uuid:public_id>/message/", views.message, name="message"),
    path("sessions/<uuid:public_id>/questions/", views.questions, name="questions"),
    path("sessions/<uuid:public_id>/edit/", views.edit, name="edit"),
    path("sessions/<uuid:public_id>/cancel-session/", views.cancel_session, name="cancel_session"),
    path("<slug:slug>/", views.training, name="training"),
]
