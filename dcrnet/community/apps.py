from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _

from dcrnet.lib.dbcache import create_cache_tables


class CommunityConfig(AppConfig):
    name = "dcrnet.community"
    verbose_name = _("Community and accounts")

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401  (registers checks and receivers)

        # Without a sender: each app's permissions exist only once its own post_migrate ran.
        post_migrate.connect(
            signals.grant_role_permissions, dispatch_uid="dcrnet.community.grant_role_permissions"
        )
        # The shared cache's table (dcrnet.lib.dbcache) is made by `migrate` before any migration:
        # data migrations and other post_migrate receivers already write to the cache.
        pre_migrate.connect(
            create_cache_tables, sender=self, dispatch_uid="dcrnet.lib.dbcache.create_cache_tables"
        )
