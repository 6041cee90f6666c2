"""People: the user account (email login) and the roles they hold."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, BaseUserManager, Group
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    REPORTER = "facility reporter", _("Facility reporter")
    EDITOR = "editor", _("Editor")
    STAFF = "staff", _("Staff")


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

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.handle or gettext("user %(id)s") % {"id": self.pk}

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
