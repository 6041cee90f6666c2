"""Writes of the community app: account emails queued after commit, roles, demo accounts,
the profile and consents."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from dcrnet.directory.models import Facility
from dcrnet.lib.i18n import language_of_path

from .models import Consent, ConsentPurpose, Profile, User
from .tasks import send_account_mail


def email_language_of(address: str) -> str:
    """The language to write to an address in: its account's choice (User.email_language), or,
    for an address with no account (an invitation, an anonymous request), the active language:
    the one of the page the sender acted on."""
    user = User.objects.filter(email__iexact=address).only("language").first()
    if user is not None:
        return user.email_language
    return translation.get_language() or settings.LANGUAGE_CODE


def in_language(context: dict, language: str) -> dict:
    """The context with every absolute link to the site moved to `language`'s URL (/fr/… )."""
    base = settings.SITE_URL.rstrip("/")
    moved = {}
    for key, value in context.items():
        if isinstance(value, str) and value.startswith(base + "/"):
            path = value.removeprefix(base)
            # translate_url resolves the path in the active language: the one it was made in.
            with translation.override(language_of_path(path)):
                value = base + translate_url(path, language)
        moved[key] = value
    return moved


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


# --- Profile and consents (issue #10) --------------------------------------------------------

# The notice a person reads before consenting, and its version: a consent row records the
# version it was given under. A new text means a new version (and asking again).
NOTICES = {
    ConsentPurpose.PERSPECTIVE: (
        "2026-12-01",
        _(
            "Your perspective (for example that you use or have used drugs) can reveal health "
            "data. We keep it only with this consent, show it to other members only if you also "
            "choose so on your profile, and delete it when you withdraw this consent. You can "
            "withdraw at any time with one click on this page."
        ),
    ),
    ConsentPurpose.DIGEST: (
        "2026-12-01",
        _(
            "We send you one email a day with the new threads and replies in the forum "
            "categories you may read. We use your email address only for this. You can withdraw "
            "at any time, here or with the link in every digest."
        ),
    ),
}


def notice(purpose: str) -> tuple[str, str]:
    """(version, text) of the notice shown for a consent purpose."""
    version, text = NOTICES[ConsentPurpose(purpose)]
    return version, str(text)


def current_consent(user: User, purpose: str) -> Consent | None:
    return Consent.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True).first()


def has_consent(user, purpose: str) -> bool:
    """Whether the person currently consents to the purpose (a row not withdrawn)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Consent.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True).exists()


def _lock(user: User) -> None:
    """Serialise one person's consent and profile writes (on SQLite BEGIN IMMEDIATE does)."""
    User.objects.select_for_update().filter(pk=user.pk).first()


def give_consent(user: User, purpose: str) -> Consent:
    """Record consent to the purpose under the current notice; giving it twice is one row.

    Two parallel gives: the user's row is locked, and the partial unique constraint decides
    what the lock cannot (the loser reads the winner's row), never a 500.
    """
    version, _text = notice(purpose)
    try:
        with transaction.atomic():
            _lock(user)
            existing = current_consent(user, purpose)
            if existing is not None:
                return existing
            return Consent.objects.create(
                user=user, purpose=purpose, notice_version=version, given_at=timezone.now()
            )
    except IntegrityError:
        existing = current_consent(user, purpose)
        if existing is None:  # pragma: no cover - the constraint fired, so a row exists
            raise
        return existing


@transaction.atomic
def withdraw_consent(user: User, purpose: str) -> bool:
    """Stamp the current consent withdrawn; True if there was one. Withdrawing the perspective
    consent deletes the perspective it covered."""
    _lock(user)
    withdrawn = Consent.objects.filter(
        user=user, purpose=purpose, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    if purpose == ConsentPurpose.PERSPECTIVE:
        Profile.objects.filter(user=user).update(perspective="", show_perspective=False)
    return bool(withdrawn)


def remember_language(user: User, language: str) -> None:
    """The language a signed-in person chose in the switcher becomes their emails' language."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        User.objects.filter(pk=user.pk).update(language=language)
        user.language = language


class HandleTaken(Exception):
    """Another account holds the handle (found by the unique constraint)."""


def save_profile(user: User, data: dict, *, perspective_consent: bool) -> Profile:
    """Store the profile form's cleaned data. The perspective is kept only under a current
    "perspective" consent; ticking the consent box gives that consent in the same transaction.
    Raises HandleTaken when a parallel write took the handle first."""
    try:
        with transaction.atomic():
            _lock(user)
            profile, _created = Profile.objects.get_or_create(user=user)
            consented = has_consent(user, ConsentPurpose.PERSPECTIVE)
            if data.get("perspective") and perspective_consent and not consented:
                give_consent(user, ConsentPurpose.PERSPECTIVE)
                consented = True
            user.handle = data["handle"]
            user.language = data.get("language") or user.language
            user.save(update_fields=["handle", "language"])
            for name in (
                "real_name",
                "show_real_name",
                "show_email",
                "mention_emails",
                "languages",
                "country",
            ):
                setattr(profile, name, data[name])
            profile.perspective = data.get("perspective", "") if consented else ""
            profile.show_perspective = bool(data.get("show_perspective")) and bool(
                profile.perspective
            )
            profile.save()
            profile.expertise.set(data.get("expertise") or [])
            return profile
    except IntegrityError as error:
        raise HandleTaken from error
