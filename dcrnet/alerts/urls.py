"""/alerts/: the public alerts and their feed, reporting for facilities, the reviewers' queue.
Each part's patterns live in its own module."""

from . import urls_delivery, urls_public, urls_reports, urls_review

app_name = "alerts"

urlpatterns = (
    urls_reports.urlpatterns
    + urls_review.urlpatterns
    + urls_delivery.urlpatterns
    + urls_public.urlpatterns
)
