from django.urls import path

from . import downloads, osm, views

app_name = "directory"
urlpatterns = [
    path("facilities/", views.facility_list, name="list"),
    path("facilities/<slug:public_id>/", views.facility_detail, name="facility"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<str:code>/", views.country_detail, name="country"),
    path("map/", views.facility_map, name="map"),
    path("map/facilities.json", views.map_data, name="map_data"),
    path("highlights/", views.highlight_archive, name="highlights"),
    path("highlights/<int:year>/<int:month>/", views.highlight_detail, name="highlight"),
    path("data/facilities.csv", downloads.facilities_csv, name="facilities_csv"),
    path("data/facilities.json", downloads.facilities_json, name="facilities_json"),
    path("data/facilities.osm.geojson", osm.facilities_osm, name="facilities_osm"),
]
