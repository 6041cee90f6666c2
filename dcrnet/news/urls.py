from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.index, name="index"),
    path("feed.rss", feeds.NewsFeed(), name="rss"),
    path("feed.atom", feeds.NewsAtomFeed(), name="atom"),
    path("newsroom/", views.newsroom, name="newsroom"),
    path(
        "publish/status-change/<int:pk>/",
        views.publish_status_change,
        name="publish_status_change",
    ),
    path("publish/event/<int:pk>/", views.publish_event, name="publish_event"),
    path("tag/<slug:slug>/", views.tag, name="tag"),
    path("<int:year>/", views.year_archive, name="year"),
    path("<int:year>/<int:month>/", views.month_archive, name="month"),
    path("<slug:slug>/", views.article, name="article"),
]
