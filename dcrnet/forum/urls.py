from django.urls import include, path

app_name = "forum"

urlpatterns = [
    path("moderation/", include("dcrnet.forum.moderation_urls")),
    path("email/", include("dcrnet.forum.notification_urls")),
]
