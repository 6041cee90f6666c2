from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "dcrnet.evidence"
    verbose_name = _("Evidence library")

    def ready(self) -> None:
        from . import indexing

        indexing.connect()
