"""Writes of the community app: account emails queued after commit, roles, demo accounts."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.db import transaction

from dcrnet.directory.models import Facility

from .models import User
from .tasks import send_account_mail


def queue_account_mail(email: EmailMessage) -> None:
    """Send a rendered email from a background task once the current transaction commits.

    The message goes as plain strings: the request, the site and the language it was rendered
    for are gone by the time a worker sends it.
    """
    message = {
        "subject": str(email.subject),
        "body": str(email.body),
        "from_email": str(email.from_email),
        "to": [str(address) for address in email.to],
        "headers": {str(k): str(v) for k, v in (email.extra_headers or {}).items()},
        "alternatives": [
            [str(content), str(mimetype)]
            for content, mimetype in getattr(email, "alternatives", [])
        ],
        "subtype": email.content_subtype,
    }
    transaction.on_commit(lambda: send_account_mail.enqueue(message), robust=True)


def grant_role(user: User, role: str) -> bool:
    """Add a role (a group); True if the account did not hold it. is_staff follows (signals)."""
    group = Group.objects.get_or_create(name=role)[0]
    if user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.add(group)
    return True


def set_roles(user: User, roles: Iterable[str]) -> bool:
    """Exactly these roles; True if anything changed. is_staff follows (signals)."""
    wanted = {Group.objects.get_or_create(name=role)[0] for role in roles}
    if set(user.groups.all()) == wanted:
        return False
    user.groups.set(wanted)
    return True


def add_reporter(facility: Facility, user: User) -> bool:
    """Let the account report for the facility; True if it could not before.

    Reporting is a right to change data: the account must now set up TOTP (roles.needs_mfa).
    """
    if facility.reporters.filter(pk=user.pk).exists():
        return False
    facility.reporters.add(user)
    return True


def set_totp(user: User, secret: str) -> bool:
    """The account's TOTP authenticator uses this base32 secret; True if anything changed."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from allauth.mfa.utils import decrypt, encrypt

    current = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if current is None:
        TOTP.activate(user, secret)
        return True
    if decrypt(current.data["secret"]) == secret:
        return False
    current.data = {**current.data, "secret": encrypt(secret)}
    current.save(update_fields=["data"])
    return True


@transaction.atomic
def ensure_account(
    email: str, password: str, *, handle: str = "", roles: Iterable[str] = ()
) -> tuple[User, bool]:
    """An active account with this verified address, password, handle and exactly these roles.

    Returns (user, changed); a second call with the same values writes nothing.
    """
    from allauth.account.models import EmailAddress

    user = User.objects.filter(email__iexact=email).first()
    changed = user is None
    if user is None:
        user = User.objects.create_user(email=email, password=password, handle=handle)
    else:
        fields = []
        if not user.check_password(password):
            user.set_password(password)
            fields.append("password")
        for name, value in (("handle", handle), ("is_active", True)):
            if getattr(user, name) != value:
                setattr(user, name, value)
                fields.append(name)
        if fields:
            user.save(update_fields=fields)
            changed = True
    address, created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
        changed = True
    roles_changed = set_roles(user, roles)
    return user, changed or created or roles_changed
