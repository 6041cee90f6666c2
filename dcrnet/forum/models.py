"""The members' forum: categories, threads, posts and their history, reactions, read markers,
subscriptions, and moderation (reports, the moderation log, warnings and suspensions)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dcrnet.directory.models import translation_columns

from .managers import CategoryQuerySet, PostQuerySet, ThreadQuerySet

USER = settings.AUTH_USER_MODEL
CATEGORY_TEXT = ("name", "description")
RESERVED_CATEGORY_SLUGS = {"t", "p", "subscriptions", "moderation", "email"}


class Category(models.Model):
    """Members only unless public_readable; the name and description are translated."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    public_readable = models.BooleanField(
        _("anyone may read"),
        default=False,
        help_text=_("Off: only members read this category. Posting is always for members."),
    )
    thread_count = models.PositiveIntegerField(_("number of threads"), default=0, editable=False)
    post_count = models.PositiveIntegerField(_("number of posts"), default=0, editable=False)
    last_post_at = models.DateTimeField(_("last post"), null=True, blank=True, editable=False)
    objects = CategoryQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "thread_count",
            "post_count",
            "last_post_at",
            *translation_columns(CATEGORY_TEXT),
        ]
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")
        permissions = [("moderate", _("Can moderate the forum"))]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # The forum's own paths sit beside the categories': /forum/t/…, /forum/moderation/ …
        if self.slug in RESERVED_CATEGORY_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the forum itself; choose another.")}
            )


class Thread(models.Model):
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="threads", verbose_name=_("category")
    )
    title = models.CharField(_("title"), max_length=200)
    # Null once the author deleted their account and chose to keep their posts.
    author = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_threads",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_post_at = models.DateTimeField(_("last post"), db_index=True)
    # Visible posts only; kept by the services that add, hide and restore posts.
    post_count = models.PositiveIntegerField(_("number of posts"), default=0)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    # Demonstration content of the demo: marked as such wherever it appears.
    is_demo = models.BooleanField(_("demonstration content"), default=False)
    objects = ThreadQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["last_post_at", "post_count"])

    class Meta:
        ordering = ["-pinned", "-last_post_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [models.Index(fields=["category", "-pinned", "-last_post_at"])]

    def __str__(self) -> str:
        return self.title


class PostStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    HELD = "held", _("Held for approval")
    HIDDEN = "hidden", _("Hidden by a moderator")


class Post(models.Model):
    """A post in Markdown (the first post of a thread is its opening). `number` is its place in
    the thread (1, 2, …), for pagination, links and unread markers."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", verbose_name=_("thread")
    )
    number = models.PositiveIntegerField(_("number"))
    author = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_posts",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.VISIBLE
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    objects = PostQuerySet.as_manager()
    # Each edit leaves a row here: the visible edit history, and the admin's.
    history = HistoricalRecords()

    class Meta:
        ordering = ["thread", "number"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="forum_post_number_unique")
        ]
        indexes = [models.Index(fields=["author", "created_at"])]

    def __str__(self) -> str:
        return f"{self.thread} #{self.number}"


class ReactionKind(models.TextChoices):
    THANKS = "thanks", _("Thanks")
    AGREE = "agree", _("Agree")
    HELPFUL = "helpful", _("Helpful")
    SUPPORT = "support", _("Support")


class Reaction(models.Model):
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="reactions", verbose_name=_("post")
    )
    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="forum_reactions", verbose_name=_("member")
    )
    kind = models.CharField(_("reaction"), max_length=10, choices=ReactionKind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="forum_reaction_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} · {self.post}"


class ReadMarker(models.Model):
    """The highest post number a member has seen in a thread."""

    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="forum_read_markers", verbose_name=_("member")
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="read_markers", verbose_name=_("thread")
    )
    last_read = models.PositiveIntegerField(_("last post read"), default=0)

    class Meta:
        verbose_name = _("read marker")
        verbose_name_plural = _("read markers")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="forum_read_marker_once")
        ]

    def __str__(self) -> str:
        return f"{self.thread} · {self.last_read}"


class Subscription(models.Model):
    """Email me about new posts in a category or a thread (exactly one of the two)."""

    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="forum_subscriptions", verbose_name=_("member")
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("category"),
    )
    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("thread"),
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(category__isnull=True, thread__isnull=False)
                | Q(category__isnull=False, thread__isnull=True),
                name="forum_subscription_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(category__isnull=False),
                name="forum_subscription_category_once",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="forum_subscription_thread_once",
            ),
        ]

    def __str__(self) -> str:
        return str(self.thread or self.category)


class Delivery(models.Model):
    """A notification email that was queued: its key makes a second send impossible
    ("post 42 to user 7", "digest 2026-12-01 to user 7")."""

    key = models.CharField(_("key"), max_length=100, unique=True)
    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="forum_deliveries", verbose_name=_("recipient")
    )
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification email")
        verbose_name_plural = _("notification emails")

    def __str__(self) -> str:
        return self.key


class ReportReason(models.TextChoices):
    ABUSE = "abuse", _("Abusive or harassing")
    PRIVACY = "privacy", _("Reveals someone's identity or private details")
    DANGER = "danger", _("Dangerous advice")
    SPAM = "spam", _("Spam or advertising")
    OTHER = "other", _("Something else")


class Report(models.Model):
    """A member's report of a post; open until a moderator resolves it."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="reports", verbose_name=_("post")
    )
    reporter = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_reports",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=10, choices=ReportReason.choices)
    details = models.TextField(_("details"), blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="forum_report_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} · {self.post}"


class Action(models.TextChoices):
    HIDE = "hide", _("Hid a post")
    RESTORE = "restore", _("Restored a post")
    APPROVE = "approve", _("Approved a held post")
    LOCK = "lock", _("Locked a thread")
    UNLOCK = "unlock", _("Unlocked a thread")
    PIN = "pin", _("Pinned a thread")
    UNPIN = "unpin", _("Unpinned a thread")
    MOVE = "move", _("Moved a thread")
    DISMISS = "dismiss", _("Dismissed a report")
    WARN = "warn", _("Warned a member")
    SUSPEND = "suspend", _("Suspended a member")
    LIFT = "lift", _("Lifted a suspension")


class ModerationEntry(models.Model):
    """The moderation log: who did what to which post, thread or member, and why."""

    moderator = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("moderator")
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    thread = models.ForeignKey(
        Thread, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("thread")
    )
    post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("post")
    )
    member = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("member"),
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.created_at:%Y-%m-%d}"


class SanctionKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    SUSPENSION = "suspension", _("Suspension")


class Sanction(models.Model):
    """A warning, or a suspension from posting until a time (always time-limited)."""

    member = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="forum_sanctions", verbose_name=_("member")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SanctionKind.choices)
    reason = models.TextField(_("reason"))
    until = models.DateTimeField(_("until"), null=True, blank=True)
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    issued_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("issued by")
    )
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="warning") | Q(until__isnull=False),
                name="forum_suspension_has_end",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.member}"
