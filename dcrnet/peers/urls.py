"""/data/peers/: each facility against its peers."""

from django.urls import path

from . import views

app_name = "peers"
urlpatterns = [
    path("", views.index, name="index"),
]
