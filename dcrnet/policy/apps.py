from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    # Writes retire cached public pages through lib.cache (the app is in CONTENT_APPS).
    name = "dcrnet.policy"
    verbose_name = _("Policy tracker")
