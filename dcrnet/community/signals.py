"""Keeps roles consistent (permissions after migrate, is_staff with roles, members on signup)
and writes the security events of accounts (shared/RELIABILITY.md test 48)."""

from __future__ import annotations

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from axes.signals import user_locked_out
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from dcrnet.lib.i18n import language_chosen
from dcrnet.lib.logging import security_event

from .auth import axes_username
from .models import User
from .roles import ADMIN_ROLES, ensure_roles


def grant_role_permissions(sender, app_config, using="default", **kwargs) -> None:
    """post_migrate runs per app after its permissions exist, so later apps are covered too."""
    ensure_roles(app_config, using)


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
    if action == "pre_clear":
        if reverse:
            instance._clearing_user_ids = list(instance.user_set.values_list("pk", flat=True))
        else:
            instance._clearing_roles = sorted(instance.groups.values_list("name", flat=True))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # group.user_set.add(...)
        user_ids = pk_set if pk_set is not None else getattr(instance, "_clearing_user_ids", [])
        roles = [instance.name]
    else:  # user.groups.add(...)
        instance.__dict__.pop("_role_names", None)
        user_ids = [instance.pk]
        if pk_set is None:
            roles = getattr(instance, "_clearing_roles", [])
        else:
            roles = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
    sync_is_staff(user_ids)
    if user_ids and roles:
        security_event(
            "roles_changed",
            action=action.removeprefix("post_"),
            user_ids=sorted(user_ids),
            roles=roles,
        )
    if not reverse:
        instance.is_staff = User.objects.filter(pk=instance.pk).values_list("is_staff", flat=True)[
            0
        ]


# Security events -------------------------------------------------------------------------------
# Who acted comes from the user the signal names; the client IP and request id from the request.


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs) -> None:
    security_event("login_succeeded", request, actor=user)


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs) -> None:
    """A wrong password, an unknown address or a locked-out attempt (never the password)."""
    security_event("login_failed", request, username=axes_username(request, credentials))


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs) -> None:
    security_event("lockout", request, username=username)


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        security_event("logout", request, actor=user)


@receiver(account_signals.password_changed)
def log_password_change(sender, request, user, **kwargs) -> None:
    security_event("password_changed", request, actor=user)


@receiver(account_signals.password_set)
def log_password_set(sender, request, user, **kwargs) -> None:
    security_event("password_set", request, actor=user)


@receiver(account_signals.password_reset)
def log_password_reset(sender, request, user, **kwargs) -> None:
    security_event("password_reset", request, actor=user)


@receiver(account_signals.email_added)
def log_email_added(sender, request, user, email_address, **kwargs) -> None:
    security_event("email_added", request, actor=user, email_id=email_address.pk)


@receiver(account_signals.email_removed)
def log_email_removed(sender, request, user, email_address, **kwargs) -> None:
    security_event("email_removed", request, actor=user, email_id=email_address.pk)


@receiver(account_signals.email_changed)
def log_primary_email_change(sender, request, user, **kwargs) -> None:
    security_event("email_changed", request, actor=user)


@receiver(account_signals.email_confirmed)
def log_email_confirmed(sender, request, email_address, **kwargs) -> None:
    security_event("email_confirmed", request, actor=email_address.user_id)


def _mfa_event(event: str):
    def receive(sender, request, user, authenticator, **kwargs) -> None:
        security_event(event, request, actor=user, authenticator=authenticator.type)

    return receive


for _signal, _event in [
    (mfa_signals.authenticator_added, "mfa_added"),
    (mfa_signals.authenticator_removed, "mfa_removed"),
    (mfa_signals.authenticator_reset, "mfa_reset"),
    (mfa_signals.authentication_failed, "mfa_failed"),
]:
    _signal.connect(_mfa_event(_event), weak=False, dispatch_uid=f"dcrnet.community.{_event}")


@receiver(language_chosen, dispatch_uid="dcrnet.community.language_chosen")
def keep_email_language(sender, language: str, **kwargs) -> None:
    """A signed-in person's choice in the switcher becomes the language of their emails."""
    user = getattr(sender, "user", None)
    if user is not None and user.is_authenticated:
        from .services import remember_language

        remember_language(user, language)


@receiver(account_signals.user_signed_up, dispatch_uid="dcrnet.community.signup_language")
def signup_language(sender, request, user, **kwargs) -> None:
    """A new account writes to its owner in the language of the page they signed up on."""
    from .adapter import mail_language
    from .services import remember_language

    remember_language(user, mail_language(request))
