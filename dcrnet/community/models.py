"""People: the user account (email login) and the roles they hold."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager, Group
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    REPORTER = "facility reporter", _("Facility reporter")
    EDITOR = "editor", _("Editor")
    STAFF = "staff", _("Staff")
    MODERATOR = "moderator", _("Moderator")
    ALERT_REVIEWER = "alert reviewer", _("Alert reviewer")


# The demo accounts of `manage.py load_demo` (DEBUG only) live under this reserved name; their
# passwords are public, so they cannot sign in where DEBUG is off (community.adapter).
DEMO_EMAIL_DOMAIN = "demo.dcrnet.invalid"

# Roles whose holders edit content (views check them by name, beside the model permissions).
EDITING_ROLES = (Role.EDITOR.value, Role.STAFF.value)


class UserQuerySet(models.QuerySet):
    def needing_mfa(self) -> UserQuerySet:
        """Accounts that can change anything beyond their own profile, whatever gave them the right:
        staff or superuser status, a model permission of their own or through any group, an
        editing role, or a facility they report for. Group names alone never decide it.
        """
        user = OuterRef("pk")
        memberships = self.model.groups.through.objects.filter(user=user)
        group_permissions = Group.permissions.through.objects.filter(group=OuterRef("group"))
        return self.filter(
            Q(is_staff=True)
            | Q(is_superuser=True)
            | Exists(self.model.user_permissions.through.objects.filter(user=user))
            | Exists(
                memberships.filter(Q(group__name__in=EDITING_ROLES) | Exists(group_permissions))
            )
            | Exists(self.model.reported_facilities.through.objects.filter(user=user))
            # Training organisers see their participants and write to them; host contacts
            # answer visit requests for a facility.
            | Exists(self.model.organised_sessions.through.objects.filter(user=user))
            | Exists(self.model.visit_hosts.through.objects.filter(user=user))
            # An organisation's contact decides on who joins it.
            | Exists(
                self.model.memberships.field.model.objects.filter(
                    user=user, role="contact", status="approved"
                )
            )
        )

    def without_totp(self) -> UserQuerySet:
        from allauth.mfa.models import Authenticator

        totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        return self.exclude(Exists(totp))


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """An account; signs in with its email address. No real name is required."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    handle = models.SlugField(
        _("public handle"),
        max_length=40,
        blank=True,
        help_text=_("The name others see; never your email address."),
    )
    # The language of the emails we send: set at sign-up from the page's language, moved by the
    # language switcher while signed in, and editable on the profile page.
    language = models.CharField(
        _("language of our emails"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("handle"), condition=~Q(handle=""), name="community_user_handle_unique"
            )
        ]

    def __str__(self) -> str:
        return self.handle or gettext("user %(id)s") % {"id": self.pk}

    @property
    def email_language(self) -> str:
        """The language to write to this person in (a known code, else the site's default)."""
        known = dict(settings.LANGUAGES)
        return self.language if self.language in known else settings.LANGUAGE_CODE

    @property
    def is_demo(self) -> bool:
        return self.email.lower().endswith(f"@{DEMO_EMAIL_DOMAIN}")

    def has_role(self, role: str) -> bool:
        if self.is_superuser:
            return True
        return role in self.role_names()

    def role_names(self) -> set[str]:
        cached = getattr(self, "_role_names", None)
        if cached is None:
            cached = set(self.groups.values_list("name", flat=True))
            self._role_names = cached
        return cached

    @property
    def is_editor(self) -> bool:
        return self.has_role(Role.EDITOR) or self.has_role(Role.STAFF)


class Perspective(models.TextChoices):
    DCR_WORK = "dcr work", _("I work at a DCR")
    LIVED = "lived experience", _("I use or have used drugs")
    RESEARCH = "research", _("Research")
    POLICY = "policy", _("Policy")
    OTHER = "other", _("Other")


class ExpertiseTag(models.Model):
    """A subject a member can be asked about (night shifts, overdose response, planning …)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("expertise tag")
        verbose_name_plural = _("expertise tags")

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    """What a member tells the network about themselves; everything optional and hidden by
    default. Others see the handle; the real name and the perspective only when chosen."""

    user = models.OneToOneField(
        User,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="profile",
        verbose_name=_("user"),
    )
    real_name = models.CharField(_("real name"), max_length=120, blank=True)
    show_real_name = models.BooleanField(_("show my real name to other members"), default=False)
    show_email = models.BooleanField(_("show my email address to other members"), default=False)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    country = CountryField(_("country"), blank=True)
    # Special category data (Art 9): stored only with the "perspective" consent, shown only
    # when show_perspective is also chosen.
    perspective = models.CharField(
        _("perspective"), max_length=20, choices=Perspective.choices, blank=True
    )
    show_perspective = models.BooleanField(_("show my perspective to other members"), default=False)
    mention_emails = models.BooleanField(
        _("email me when a member mentions my handle"), default=True
    )
    expertise = models.ManyToManyField(
        ExpertiseTag, blank=True, related_name="profiles", verbose_name=_("expertise")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)


class ConsentPurpose(models.TextChoices):
    PERSPECTIVE = "perspective", _("Keep my perspective (it may reveal health data)")
    DIGEST = "digest", _("Send me a daily digest of the forum")


class Consent(models.Model):
    """One consent given, and its withdrawal: the purpose, the notice version shown, the times.

    A new consent is a new row; withdrawing stamps withdrawn_at. Current consent = a row of the
    purpose with no withdrawal.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="consents", verbose_name=_("user")
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    notice_version = models.CharField(_("notice version"), max_length=20)
    given_at = models.DateTimeField(_("given"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="community_consent_one_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} ({self.notice_version})"
