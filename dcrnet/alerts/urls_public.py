"""The public alerts pages under /alerts/: the list, an alert, a member's subscription."""

from django.urls import path

from . import views_public

urlpatterns = [
    path("", views_public.alert_list, name="list"),
    path("subscription/", views_public.subscription, name="subscription"),
    path("<uuid:public_id>/", views_public.alert_detail, name="detail"),
]
