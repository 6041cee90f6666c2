"""The newsletter at /newsletter/: subscribing, the signed confirm and unsubscribe links, and
the editors' issues (preview in each language, approval, resuming a send)."""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("requested/", views.requested, name="requested"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("issues/", views.issues, name="issues"),
    path("issues/<int:issue_id>/preview/", views.preview, name="preview"),
    path("issues/<int:issue_id>/preview/html/", views.preview_html, name="preview_html"),
    path("issues/<int:issue_id>/approve/", views.approve, name="approve"),
    path("issues/<int:issue_id>/resume/", views.resume, name="resume"),
]
