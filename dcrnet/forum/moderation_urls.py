"""Moderation URLs, included by forum/urls.py at "moderation/" (names in the "forum" namespace)."""

from django.urls import path

from . import moderation_views as views

urlpatterns = [
    path("", views.queue, name="moderation"),
    path("log/", views.log, name="moderation_log"),
    path("report/<int:post_id>/", views.report, name="report"),
    path("p/<int:post_id>/hide/", views.hide, name="moderation_hide"),
    path("p/<int:post_id>/restore/", views.restore, name="moderation_restore"),
    path("p/<int:post_id>/approve/", views.approve, name="moderation_approve"),
    path("p/<int:post_id>/dismiss/", views.dismiss, name="moderation_dismiss"),
    path("t/<int:thread_id>/lock/", views.lock, name="moderation_lock"),
    path("t/<int:thread_id>/unlock/", views.unlock, name="moderation_unlock"),
    path("t/<int:thread_id>/pin/", views.pin, name="moderation_pin"),
    path("t/<int:thread_id>/unpin/", views.unpin, name="moderation_unpin"),
    path("t/<int:thread_id>/move/", views.move, name="moderation_move"),
    path("members/id/<int:user_id>/", views.member_by_id, name="moderation_member_by_id"),
    path("members/<slug:handle>/", views.member, name="moderation_member"),
    path("members/id/<int:user_id>/warn/", views.warn, name="moderation_warn"),
    path("members/id/<int:user_id>/suspend/", views.suspend, name="moderation_suspend"),
    path("sanctions/<int:sanction_id>/lift/", views.lift, name="moderation_lift"),
]
