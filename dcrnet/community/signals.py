"""Keeps roles consistent: permissions after migrate, is_staff with roles, members on signup."""

from __future__ import annotations

from allauth.account.signals import user_signed_up
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from .models import Role, User
from .roles import ADMIN_ROLES, ensure_roles
from .services import grant_role


def grant_role_permissions(sender, app_config, using="default", **kwargs) -> None:
    """post_migrate runs per app after its permissions exist, so later apps are covered too."""
    ensure_roles(app_config, using)


@receiver(user_signed_up)
def make_new_accounts_members(sender, request, user, **kwargs) -> None:
    grant_role(user, Role.MEMBER)


def sync_is_staff(user_ids) -> None:
    """Editors and staff reach the admin; a user who loses those roles loses it (not superusers)."""
    users = User.objects.filter(pk__in=list(user_ids)).prefetch_related("groups")
    for user in users:
        admin_role = any(group.name in ADMIN_ROLES for group in user.groups.all())
        wanted = admin_role or user.is_superuser
        if user.is_staff != wanted:
            User.objects.filter(pk=user.pk).update(is_staff=wanted)


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action == "pre_clear" and reverse:
        instance._clearing_user_ids = list(instance.user_set.values_list("pk", flat=True))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # group.user_set.add(...)
        user_ids = pk_set if pk_set is not None else getattr(instance, "_clearing_user_ids", [])
    else:  # user.groups.add(...)
        instance.__dict__.pop("_role_names", None)
        user_ids = [instance.pk]
    sync_is_staff(user_ids)
    if not reverse:
        instance.is_staff = User.objects.filter(pk=instance.pk).values_list("is_staff", flat=True)[
            0
        ]
