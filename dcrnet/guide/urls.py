from __future__ import annotations

from django.urls import path

from . import views

app_name = "guide"

urlpatterns = [
    path("", views.index, name="index"),
    path("print/", views.print_guide, name="print"),
    path("<slug:slug>/", views.step, name="step"),
]
