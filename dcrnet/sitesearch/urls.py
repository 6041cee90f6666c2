"""The site search, under /search/ (dcrnet/urls.py includes this at that prefix)."""

from django.urls import path

from . import views

app_name = "sitesearch"
urlpatterns = [
    path("", views.search, name="search"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
]
