from __future__ import annotations

from django.urls import path

from . import views

app_name = "planning"

step = "<int:project_id>/steps/<slug:slug>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("overview/", views.overview, name="overview"),
    path("listings/", views.listings, name="listings"),
    path(
        "listings/<int:request_id>/approve/",
        views.listing_decide,
        {"decision": "approve"},
        name="listing_approve",
    ),
    path(
        "listings/<int:request_id>/decline/",
        views.listing_decide,
        {"decision": "decline"},
        name="listing_decline",
    ),
    path("invitations/<uuid:token>/", views.invitation, name="invitation"),
    path("<int:project_id>/", views.project, name="project"),
    path("<int:project_id>/edit/", views.project_edit, name="edit"),
    path("<int:project_id>/publish/", views.publish, name="publish"),
    path("<int:project_id>/listing/", views.listing, name="listing"),
    path("<int:project_id>/export/", views.export, name="export"),
    path("<int:project_id>/team/", views.team, name="team"),
    path("<int:project_id>/team/leave/", views.leave, name="leave"),
    path(
        "<int:project_id>/team/<int:member_id>/remove/", views.member_remove, name="member_remove"
    ),
    path("<int:project_id>/team/<int:member_id>/role/", views.member_role, name="member_role"),
    path(
        "<int:project_id>/team/invitations/<int:invitation_id>/cancel/",
        views.invitation_cancel,
        name="invitation_cancel",
    ),
    path(step, views.step, name="step"),
    path(step + "decisions/", views.decision, name="decision"),
    path(step + "comments/", views.comment, name="comment"),
    path(step + "attachments/", views.attachment_upload, name="attachment_upload"),
    path(step + "attachments/<int:attachment_id>/", views.attachment, name="attachment"),
    path(step + "experts/", views.expert_invite, name="expert_invite"),
    path(
        step + "experts/<int:invitation_id>/withdraw/",
        views.expert_withdraw,
        name="expert_withdraw",
    ),
]
