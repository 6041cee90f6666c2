"""The alerts' Atom feed under /alerts/ (emails and webhooks are sent by tasks: deliveries.py)."""

from django.urls import path

from . import feeds

urlpatterns = [
    path("feed.atom", feeds.AlertsFeed(), name="feed"),
]
