from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesearchConfig(AppConfig):
    name = "dcrnet.sitesearch"
    verbose_name = _("Site search")

    def ready(self) -> None:
        from . import indexing

        indexing.connect()
