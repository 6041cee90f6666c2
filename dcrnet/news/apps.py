from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def retire_cached_pages(sender, **kwargs) -> None:
    """A change to the news retires every cached public page (dcrnet.lib.cache), now and on
    commit, as writes to the directory do: the news pages and their feeds show it at once."""
    from django.db import transaction

    from dcrnet.lib.cache import bump

    bump()
    transaction.on_commit(bump)


class NewsConfig(AppConfig):
    name = "dcrnet.news"
    verbose_name = _("News")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .models import Article, SourceLink, Tag

        for model in (Article, SourceLink, Tag):
            label = model._meta.model_name
            post_save.connect(retire_cached_pages, sender=model, dispatch_uid=f"news-{label}-s")
            post_delete.connect(retire_cached_pages, sender=model, dispatch_uid=f"news-{label}-d")
        for field in ("tags", "facilities", "countries", "references", "initiatives"):
            through = getattr(Article, field).through
            m2m_changed.connect(retire_cached_pages, sender=through, dispatch_uid=f"news-{field}")
