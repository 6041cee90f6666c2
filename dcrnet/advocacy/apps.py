from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    # Writes retire cached public pages through lib.cache (the app is in CONTENT_APPS).
    name = "dcrnet.advocacy"
    verbose_name = _("Advocacy")
