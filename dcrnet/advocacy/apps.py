from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    name = "dcrnet.advocacy"
    verbose_name = _("Advocacy")

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
