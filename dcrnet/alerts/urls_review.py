"""The alert reviewers' pages under /alerts/: the queue, a review, an alert's update and
retraction."""

from django.urls import path

from . import views_review

urlpatterns = [
    path("review/", views_review.review_queue, name="review"),
    path("review/<int:pk>/", views_review.review_signal, name="review_signal"),
    path("<uuid:public_id>/edit/", views_review.edit, name="edit"),
    path("<uuid:public_id>/retract/", views_review.retract, name="retract"),
]
