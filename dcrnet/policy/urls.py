from django.urls import path

from . import feeds, views

app_name = "policy"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<int:pk>/", views.event, name="event"),
    path("feed.rss", feeds.NewEventsFeed(), name="rss"),
    path("feed.atom", feeds.NewEventsAtomFeed(), name="atom"),
]
