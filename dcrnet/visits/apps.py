from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "dcrnet.visits"
    verbose_name = _("Exchange visits")
