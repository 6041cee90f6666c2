from django.urls import include, path

from . import views

app_name = "forum"

urlpatterns = [
    path("moderation/", include("dcrnet.forum.moderation_urls")),
    path("email/", include("dcrnet.forum.notification_urls")),
    path("", views.index, name="index"),
    path("subscriptions/", views.subscriptions, name="subscriptions"),
    path("t/<int:thread_id>/", views.thread, name="thread"),
    path("t/<int:thread_id>/reply/", views.reply, name="reply"),
    path("t/<int:thread_id>/subscribe/", views.subscribe_thread, name="subscribe_thread"),
    path("p/<int:post_id>/", views.post_link, name="post"),
    path("p/<int:post_id>/edit/", views.edit, name="edit"),
    path("p/<int:post_id>/history/", views.history, name="history"),
    path("p/<int:post_id>/react/", views.react, name="react"),
    path("<slug:slug>/", views.category, name="category"),
    path("<slug:slug>/new/", views.new_thread, name="new_thread"),
    path("<slug:slug>/subscribe/", views.subscribe_category, name="subscribe_category"),
]
