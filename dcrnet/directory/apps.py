from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "dcrnet.directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        # Connects the receivers that retire cached content on every write, in every process.
        from dcrnet.lib import cache  # noqa: F401
