from django.urls import path

from . import notification_views

urlpatterns = [
    path("unsubscribe/<str:token>/", notification_views.unsubscribe, name="unsubscribe"),
]
