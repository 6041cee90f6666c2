from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def retire_cached_pages(sender, **kwargs) -> None:
    """Country pages show the timeline: a change to an event retires every cached public page
    (dcrnet.lib.cache), now and on commit, as writes to the directory do."""
    from django.db import transaction

    from dcrnet.lib.cache import bump

    bump()
    transaction.on_commit(bump)


class PolicyConfig(AppConfig):
    name = "dcrnet.policy"
    verbose_name = _("Policy tracker")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import Event

        post_save.connect(retire_cached_pages, sender=Event, dispatch_uid="policy-event-save")
        post_delete.connect(retire_cached_pages, sender=Event, dispatch_uid="policy-event-del")
