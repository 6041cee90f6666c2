"""Initiatives, their endorsers and signatures are public content: every write to them moves the
content version (lib.cache), so anonymous pages, the CSV and the badge get new validators (ETags)
and cache keys at once, as a write to the directory does."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from dcrnet.lib.cache import bump

from .models import Endorsement, Initiative, Signature


def moved(sender, **kwargs) -> None:
    bump()  # for reads later in this transaction
    transaction.on_commit(bump)  # for anything cached meanwhile from the data as it was


for model in (Initiative, Endorsement, Signature):
    post_save.connect(moved, sender=model, dispatch_uid=f"advocacy-save-{model.__name__}")
    post_delete.connect(moved, sender=model, dispatch_uid=f"advocacy-delete-{model.__name__}")
for field in ("references", "countries", "facilities"):
    through = Initiative._meta.get_field(field).remote_field.through
    m2m_changed.connect(moved, sender=through, dispatch_uid=f"advocacy-m2m-{field}")
