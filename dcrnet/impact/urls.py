from django.urls import path

from . import views

app_name = "impact"

urlpatterns = [
    path("", views.calculator, name="calculator"),
]
