"""Best-practice documents, under /documents/ (dcrnet/urls.py includes this at that prefix)."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("suggest/", views.suggest, name="suggest"),
    path("suggestions/mine/", views.my_suggestions, name="mine"),
    path("review/", views.review, name="review"),
    path("review/<int:pk>/decide/", views.decide, name="decide"),
    path("<slug:slug>/", views.document_detail, name="detail"),
    path("<slug:slug>/v<int:number>/download/", views.download, name="download"),
    path("<slug:slug>/versions/new/", views.version_new, name="version_new"),
]
