"""URL map: each app's urls under its own prefix; editable pages last."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from dcrnet import views
from dcrnet.api import api
from dcrnet.lib.i18n import choose_language
from dcrnet.pages import views as page_views

admin.site.site_header = _("DCR Network — editors")
admin.site.site_title = _("DCR Network")
# Every login path goes through allauth, so MFA and lockout apply to the admin too.
admin.site.login = views.admin_login
admin.site.add_action(views.admin_delete_selected, "delete_selected")

# Outside the languages: probes, the API (language-neutral) and the switcher itself.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("language/", choose_language, name="choose_language"),
]
# English at these paths, the other languages under /fr/, /de/, /nl/ and /es/.
urlpatterns += i18n_patterns(
    path("", page_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("dcrnet.directory.urls")),
    path("evidence/", include("dcrnet.evidence.urls")),
    path("data/peers/", include("dcrnet.peers.urls")),
    path("data/", include("dcrnet.monitoring.urls")),
    path("account/", include("dcrnet.community.urls")),
    path("", include("dcrnet.organisations.urls")),
    path("members/", include("dcrnet.community.member_urls")),
    path("forum/", include("dcrnet.forum.urls")),
    path("documents/", include("dcrnet.documents.urls")),
    path("guide/", include("dcrnet.guide.urls")),
    path("planning/", include("dcrnet.planning.urls")),
    path("trainings/", include("dcrnet.trainings.urls")),
    path("visits/", include("dcrnet.visits.urls")),
    path("advocacy/", include("dcrnet.advocacy.urls")),
    path("policy/", include("dcrnet.policy.urls")),
    path("news/", include("dcrnet.news.urls")),
    path("newsletter/", include("dcrnet.newsletter.urls")),
    path("search/", include("dcrnet.sitesearch.urls")),
    path("impact/", include("dcrnet.impact.urls")),
    path("alerts/", include("dcrnet.alerts.urls")),
    path("", include("dcrnet.experts.urls")),
    path("", include("dcrnet.pages.urls")),
    prefix_default_language=False,
)

handler400 = "dcrnet.views.bad_request"
handler403 = "dcrnet.views.permission_denied"
handler404 = "dcrnet.views.page_not_found"
handler500 = "dcrnet.views.server_error"
