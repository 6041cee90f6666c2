"""Members' handle pages at /members/<handle>/, included after the organisations app's
/members/join/ and /members/applications/ (reserved handles: forms.RESERVED_HANDLES)."""

from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("<slug:handle>/", views.member, name="member"),
]
