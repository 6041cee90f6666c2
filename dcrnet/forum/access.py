"""Who may do what in the forum: one place for the rules every view, API and service asks.

Member = the `member` role; moderator = the `forum.moderate` permission (moderator role, staff).
Reading a members-only category takes either; posting takes either and no running suspension.
"""

from __future__ import annotations

from django.utils import timezone

from dcrnet.community.models import Role


def is_moderator(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("forum.moderate"))


def is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(Role.MEMBER))


def can_read_forum(user) -> bool:
    """May read the members-only categories (public-readable ones are open to anyone)."""
    return is_member(user) or is_moderator(user)


def active_suspension(user):
    """The running suspension (the one ending last), or None. Cached on the user object."""
    if not (user and user.is_authenticated):
        return None
    if not hasattr(user, "_forum_suspension"):
        user._forum_suspension = (
            user.forum_sanctions.filter(
                kind="suspension", until__gt=timezone.now(), lifted_at__isnull=True
            )
            .order_by("-until")
            .first()
        )
    return user._forum_suspension


def is_suspended(user) -> bool:
    return active_suspension(user) is not None


def can_post(user) -> bool:
    """Member or moderator, and not suspended."""
    return can_read_forum(user) and not is_suspended(user)
