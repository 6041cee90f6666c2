"""Moderation of the forum: reports, hiding and approving posts, thread tools, warnings and
suspensions, and the moderation log.

Every write is one transaction that locks the row it changes (the post, thread, report set or
member) and checks its state under the lock: two moderators acting at once on the same thing
get one outcome and one log entry; the second is told nothing changed (`changed=False`), never
a 500. Each effective change writes exactly one `ModerationEntry`. Counts are recomputed with
`services.refresh_counts` whenever what is visible changes. Emails (a sanction) and
notifications (an approved post) are queued after commit, with JSON-safe task arguments.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import access, services
from .models import (
    Action,
    Category,
    ModerationEntry,
    Post,
    PostStatus,
    Report,
    Sanction,
    SanctionKind,
    Thread,
)

# A warning is shown to the member on the forum for this long after it was given.
WARNING_SHOWN_DAYS = 30
QUEUE_LIMIT = 50
SUSPENSION_DAYS = (1, 3, 7, 30)
MAX_SUSPENSION_DAYS = 366


class ModerationRefusal(Exception):
    """An action the rules refuse, with the message to show and the HTTP status."""

    status = 409

    def __init__(self, message: str, status: int | None = None):
        self.message = str(message)
        if status is not None:
            self.status = status
        super().__init__(self.message)


@dataclass
class Outcome:
    """What an action did: `changed` False when someone else did it first (or nothing to do)."""

    changed: bool
    message: str


def _require_moderator(user) -> None:
    if not access.is_moderator(user):
        raise ModerationRefusal(_("Only moderators can do this."), status=404)


def _log(moderator, action: str, *, post=None, thread=None, member=None, reason: str = ""):
    return ModerationEntry.objects.create(
        moderator=moderator,
        action=action,
        post=post,
        thread=thread if thread is not None else (post.thread if post is not None else None),
        member=member if member is not None else (post.author if post is not None else None),
        reason=reason,
    )


def _resolve_reports(post_id: int, moderator, now=None) -> int:
    return Report.objects.filter(post_id=post_id, resolved_at__isnull=True).update(
        resolved_at=now or timezone.now(), resolved_by=moderator
    )


# --- Reports -------------------------------------------------------------------------------------


def reportable_posts(user):
    """Posts the user may report: the ones they see, if they take part in the forum."""
    if not access.can_read_forum(user):
        return Post.objects.none()
    return Post.objects.visible_to(user).filter(status=PostStatus.VISIBLE)


def report_post(user, post: Post, reason: str, details: str = "") -> Outcome:
    """One open report per member and post; a parallel double report ends as one row."""
    if post.author_id == user.pk:
        raise ModerationRefusal(_("You cannot report your own post."), status=403)
    already = Outcome(
        False,
        _("You have already reported this post. The moderators will look at it."),
    )
    if Report.objects.filter(post=post, reporter=user, resolved_at__isnull=True).exists():
        return already
    try:
        with transaction.atomic():
            Report.objects.create(post=post, reporter=user, reason=reason, details=details)
    except IntegrityError:  # the same report sent twice at once: the constraint decides
        return already
    return Outcome(True, _("Thank you for your report. The moderators will look at it."))


# --- Posts ---------------------------------------------------------------------------------------


def _locked_post(post_id: int) -> Post:
    post = Post.objects.select_for_update().filter(pk=post_id).first()
    if post is None:
        raise ModerationRefusal(_("This post no longer exists."), status=404)
    # Related rows read after the lock (select_for_update with joins would lock them too).
    post.thread = Thread.objects.get(pk=post.thread_id)
    return post


def hide_post(moderator, post_id: int, reason: str) -> Outcome:
    """Hide a visible or held post (a reason is required); resolves its open reports."""
    _require_moderator(moderator)
    if not reason.strip():
        raise ModerationRefusal(_("Give a reason for hiding the post."), status=400)
    with transaction.atomic():
        post = _locked_post(post_id)
        if post.status == PostStatus.HIDDEN:
            return Outcome(False, _("This post was already hidden."))
        post.status = PostStatus.HIDDEN
        post.save(update_fields=["status"])
        _resolve_reports(post.pk, moderator)
        _log(moderator, Action.HIDE, post=post, reason=reason)
        services.refresh_counts(post.thread)
    return Outcome(True, _("The post is hidden."))


def restore_post(moderator, post_id: int, reason: str = "") -> Outcome:
    """Show a hidden post again."""
    _require_moderator(moderator)
    with transaction.atomic():
        post = _locked_post(post_id)
        if post.status != PostStatus.HIDDEN:
            return Outcome(False, _("This post is not hidden."))
        post.status = PostStatus.VISIBLE
        post.save(update_fields=["status"])
        _resolve_reports(post.pk, moderator)
        _log(moderator, Action.RESTORE, post=post, reason=reason)
        services.refresh_counts(post.thread)
    return Outcome(True, _("The post is visible again."))


def approve_post(moderator, post_id: int, reason: str = "") -> Outcome:
    """Publish a held post; its subscribers hear of it once the transaction commits."""
    _require_moderator(moderator)
    with transaction.atomic():
        post = _locked_post(post_id)
        if post.status != PostStatus.HELD:
            return Outcome(False, _("This post is no longer waiting for approval."))
        post.status = PostStatus.VISIBLE
        post.save(update_fields=["status"])
        _resolve_reports(post.pk, moderator)
        _log(moderator, Action.APPROVE, post=post, reason=reason)
        services.refresh_counts(post.thread)
        published = post.pk

        def notify():
            from . import notifications

            notifications.post_published(published)

        transaction.on_commit(notify, robust=True)
    return Outcome(True, _("The post is approved and published."))


def dismiss_reports(moderator, post_id: int, reason: str = "") -> Outcome:
    """Close the post's open reports without acting on the post."""
    _require_moderator(moderator)
    with transaction.atomic():
        post = _locked_post(post_id)
        if not _resolve_reports(post.pk, moderator):
            return Outcome(False, _("There is no open report on this post."))
        _log(moderator, Action.DISMISS, post=post, reason=reason)
    return Outcome(True, _("The reports are dismissed."))


# --- Threads -------------------------------------------------------------------------------------


def _locked_thread(thread_id: int) -> Thread:
    thread = Thread.objects.select_for_update().filter(pk=thread_id).first()
    if thread is None:
        raise ModerationRefusal(_("This thread no longer exists."), status=404)
    return thread


def set_locked(moderator, thread_id: int, locked: bool, reason: str = "") -> Outcome:
    _require_moderator(moderator)
    with transaction.atomic():
        thread = _locked_thread(thread_id)
        if thread.locked == locked:
            return Outcome(
                False,
                _("This thread was already locked.")
                if locked
                else _("This thread was not locked."),
            )
        thread.locked = locked
        thread.save(update_fields=["locked"])
        _log(moderator, Action.LOCK if locked else Action.UNLOCK, thread=thread, reason=reason)
    return Outcome(True, _("The thread is locked.") if locked else _("The thread is unlocked."))


def set_pinned(moderator, thread_id: int, pinned: bool, reason: str = "") -> Outcome:
    _require_moderator(moderator)
    with transaction.atomic():
        thread = _locked_thread(thread_id)
        if thread.pinned == pinned:
            return Outcome(
                False,
                _("This thread was already pinned.")
                if pinned
                else _("This thread was not pinned."),
            )
        thread.pinned = pinned
        thread.save(update_fields=["pinned"])
        _log(moderator, Action.PIN if pinned else Action.UNPIN, thread=thread, reason=reason)
    return Outcome(True, _("The thread is pinned.") if pinned else _("The thread is unpinned."))


def move_thread(moderator, thread_id: int, category_id: int, reason: str = "") -> Outcome:
    """Move a thread to another category; both categories' counts are recomputed."""
    _require_moderator(moderator)
    with transaction.atomic():
        thread = _locked_thread(thread_id)
        target = Category.objects.filter(pk=category_id).first()
        if target is None:
            raise ModerationRefusal(_("This category does not exist."), status=400)
        if thread.category_id == target.pk:
            return Outcome(False, _("The thread is already in this category."))
        old = thread.category_id
        thread.category = target
        thread.save(update_fields=["category"])
        _log(
            moderator,
            Action.MOVE,
            thread=thread,
            reason=reason or _("To %(category)s") % {"category": target.name},
        )
        services.refresh_counts(thread)
        services.refresh_category_counts(old)
    return Outcome(True, _("The thread is moved to %(category)s.") % {"category": target.name})


# --- Members: warnings and suspensions ----------------------------------------------------------


def _locked_member(member_id: int):
    member = get_user_model().objects.select_for_update().filter(pk=member_id).first()
    if member is None:
        raise ModerationRefusal(_("This member no longer exists."), status=404)
    return member


def _check_target(moderator, member) -> None:
    if member.pk == moderator.pk:
        raise ModerationRefusal(_("You cannot sanction yourself."), status=403)


def warn(moderator, member_id: int, reason: str) -> Outcome:
    _require_moderator(moderator)
    if not reason.strip():
        raise ModerationRefusal(_("Give a reason for the warning."), status=400)
    with transaction.atomic():
        member = _locked_member(member_id)
        _check_target(moderator, member)
        sanction = Sanction.objects.create(
            member=member, kind=SanctionKind.WARNING, reason=reason, issued_by=moderator
        )
        _log(moderator, Action.WARN, member=member, reason=reason)
        _queue_sanction_email(sanction.pk)
    return Outcome(True, _("The member is warned and told by email."))


def suspend(moderator, member_id: int, until: dt.datetime, reason: str, *, now=None) -> Outcome:
    """Suspend from posting until `until` (in the future, at most a year). A member already
    suspended is not suspended twice: lift the running suspension first to change it."""
    _require_moderator(moderator)
    now = now or timezone.now()
    if not reason.strip():
        raise ModerationRefusal(_("Give a reason for the suspension."), status=400)
    if until <= now:
        raise ModerationRefusal(_("A suspension must end in the future."), status=400)
    if until > now + dt.timedelta(days=MAX_SUSPENSION_DAYS):
        raise ModerationRefusal(_("A suspension can last a year at most."), status=400)
    with transaction.atomic():
        member = _locked_member(member_id)
        _check_target(moderator, member)
        running = member.forum_sanctions.filter(
            kind=SanctionKind.SUSPENSION, until__gt=now, lifted_at__isnull=True
        ).first()
        if running is not None:
            return Outcome(
                False,
                _("This member is already suspended. Lift that suspension first to change it."),
            )
        sanction = Sanction.objects.create(
            member=member,
            kind=SanctionKind.SUSPENSION,
            reason=reason,
            until=until,
            issued_by=moderator,
        )
        _log(moderator, Action.SUSPEND, member=member, reason=reason)
        _queue_sanction_email(sanction.pk)
    return Outcome(True, _("The member is suspended and told by email."))


def lift(moderator, sanction_id: int, reason: str = "", *, now=None) -> Outcome:
    """End a running suspension now."""
    _require_moderator(moderator)
    now = now or timezone.now()
    with transaction.atomic():
        sanction = Sanction.objects.select_for_update().filter(pk=sanction_id).first()
        if sanction is None or sanction.kind != SanctionKind.SUSPENSION:
            raise ModerationRefusal(_("There is no such suspension."), status=404)
        if sanction.lifted_at is not None or sanction.until <= now:
            return Outcome(False, _("This suspension has already ended."))
        sanction.lifted_at = now
        sanction.save(update_fields=["lifted_at"])
        _log(moderator, Action.LIFT, member=sanction.member, reason=reason)
    return Outcome(True, _("The suspension is lifted."))


def active_sanctions(user, now=None) -> list[Sanction]:
    """What the member is shown on the forum: a running suspension, and warnings of the last
    WARNING_SHOWN_DAYS days (newest first). Empty for anyone signed out."""
    if not (user and user.is_authenticated):
        return []
    now = now or timezone.now()
    return list(
        Sanction.objects.filter(member=user, lifted_at__isnull=True)
        .filter(
            Q(kind=SanctionKind.SUSPENSION, until__gt=now)
            | Q(
                kind=SanctionKind.WARNING,
                created_at__gt=now - dt.timedelta(days=WARNING_SHOWN_DAYS),
            )
        )
        .order_by("-created_at")
    )


# --- The sanction email --------------------------------------------------------------------------


def _queue_sanction_email(sanction_id: int) -> None:
    transaction.on_commit(lambda: send_sanction_email.enqueue(sanction_id), robust=True)


@task()
def send_sanction_email(sanction_id: int) -> None:
    """Tell the member of a warning or suspension, in the language of their emails."""
    sanction = Sanction.objects.select_related("member").filter(pk=sanction_id).first()
    if sanction is None or not sanction.member.is_active or not sanction.member.email:
        return
    with translation.override(sanction.member.email_language):
        context = {
            "sanction": sanction,
            "member": sanction.member,
            "site": settings.SITE_URL,
            "tz": settings.TIME_ZONE,
        }
        subject = render_to_string("forum/moderation/email/sanction_subject.txt", context)
        body = render_to_string("forum/moderation/email/sanction.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=body, to=[sanction.member.email]
    )
    message.send()


# --- Reads for the moderators' pages -------------------------------------------------------------


def _has_open_report():
    return Exists(Report.objects.filter(post=OuterRef("pk"), resolved_at__isnull=True))


def reported_posts(limit: int = QUEUE_LIMIT):
    """Posts with open reports (oldest report first), each with `open_reports` (the reports,
    reporter loaded) and `reasons` [(label, count)]. A constant number of queries."""
    open_reports = Report.objects.filter(resolved_at__isnull=True).select_related("reporter")
    posts = list(
        Post.objects.filter(_has_open_report())
        .annotate(report_count=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
        .select_related("thread", "thread__category", "author")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        .order_by("pk")[:limit]
    )
    for post in posts:
        counts = Counter(report.get_reason_display() for report in post.open_reports)
        post.reasons = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    return posts


def held_posts(limit: int = QUEUE_LIMIT):
    return list(
        Post.objects.filter(status=PostStatus.HELD)
        .select_related("thread", "thread__category", "author")
        .order_by("created_at", "pk")[:limit]
    )


def queue_counts() -> dict[str, int]:
    return {
        "reported": Post.objects.filter(_has_open_report()).count(),
        "held": Post.objects.filter(status=PostStatus.HELD).count(),
    }


def log_entries(action: str = ""):
    entries = ModerationEntry.objects.select_related(
        "moderator", "thread", "post", "post__thread", "member"
    ).order_by("-created_at", "-pk")
    if action:
        entries = entries.filter(action=action)
    return entries
