from django.urls import path

from . import feeds, views

app_name = "evidence"
urlpatterns = [
    path("", views.search, name="search"),
    path("references/<int:pk>/", views.reference_detail, name="reference"),
    path("references/<int:pk>/export/<str:fmt>/", views.reference_export, name="reference_export"),
    path("export/", views.export, name="export"),
    path("map/", views.evidence_map, name="map"),
    path("outcomes/<slug:slug>/", views.outcome_detail, name="outcome"),
    path("outcomes/<slug:slug>/feed.rss", feeds.NewReferencesFeed(), name="outcome_rss"),
    path("outcomes/<slug:slug>/feed.atom", feeds.NewReferencesAtomFeed(), name="outcome_atom"),
    path("feed.rss", feeds.NewReferencesFeed(), name="rss"),
    path("feed.atom", feeds.NewReferencesAtomFeed(), name="atom"),
    path("import/", views.import_references, name="import"),
    path("suggest/", views.suggest, name="suggest"),
]
