"""Roles are groups; which model permissions each role carries, and who must use MFA."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import AppConfig
from django.contrib.auth.models import Group, Permission

from .models import Role, User

# Roles that open the Django admin: holding one sets is_staff, losing the last clears it.
ADMIN_ROLES = {Role.EDITOR.value, Role.STAFF.value}

# Models of dcrnet.* apps that editors must not manage (personal data, accounts); staff manage
# them. Add "app_label.modelname" here when an app gains a model only staff may touch.
PERSONAL_MODELS = {
    "community.user",
    "community.profile",
    "community.consent",
    "organisations.membership",
    "forum.thread",
    "forum.post",
    "forum.reaction",
    "forum.readmarker",
    "forum.subscription",
    "forum.delivery",
    "forum.report",
    "forum.moderationentry",
    "forum.sanction",
    "experts.expert",
    "experts.helprequest",
    "experts.assignment",
    "experts.message",
    "experts.delivery",
    "trainings.registration",
    "trainings.answer",
    "trainings.announcement",
    "trainings.delivery",
    "visits.visit",
    "visits.delivery",
    "visits.event",
    "advocacy.endorsement",
    "advocacy.signature",
    "advocacy.delivery",
    "newsletter.subscriber",
    "newsletter.send",
    "sitesearch.entry",
    "alerts.substancereport",
    "alerts.pulse",
    "alerts.review",
    "alerts.namingconsent",
    "alerts.alertsubscription",
    "alerts.delivery",
}
# A planning team's work is private to the team and the experts it invites: no role gets a
# model permission on it (staff see aggregate progress only, in the site).
TEAM_PRIVATE_MODELS = {
    "planning.project",
    "planning.teammember",
    "planning.invitation",
    "planning.stepwork",
    "planning.decision",
    "planning.attachment",
    "planning.expertinvitation",
    "planning.comment",
}
# Partner systems' webhook URLs and signing secrets: staff manage them, editors never see them.
SECRET_MODELS = {"alerts.webhook"}
EDITOR_EXCLUDED_MODELS = PERSONAL_MODELS | TEAM_PRIVATE_MODELS | SECRET_MODELS

# Moderators work in the site (hide, lock, move, warn …), never in the admin. Staff moderate too.
MODERATOR_PERMISSIONS = {"forum.category": ("moderate",)}

# Alert reviewers confirm or dismiss early-warning signals and grade alerts, in the site.
ALERT_REVIEWER_PERMISSIONS = {"alerts.signal": ("review_signal",)}

# Beyond everything editors have, staff manage people: accounts, their addresses, sessions,
# lost second factors and lockouts. Never superuser rights: see UserAdmin.
STAFF_EXTRA_PERMISSIONS = {
    **dict.fromkeys(PERSONAL_MODELS | SECRET_MODELS, ("view", "add", "change", "delete")),
    "auth.group": ("view",),
    "account.emailaddress": ("view", "change", "delete"),
    "mfa.authenticator": ("view", "delete"),
    "usersessions.usersession": ("view", "delete"),
    "axes.accessattempt": ("view", "delete"),
    "axes.accesslog": ("view",),
    "axes.accessfailurelog": ("view",),
}

CRUD = ("add", "change", "delete", "view")


def is_content_app(app_config: AppConfig) -> bool:
    return app_config.name.startswith("dcrnet.")


def editor_permissions(app_config: AppConfig, using: str = "default") -> list[Permission]:
    """Full rights on every content model of the app; history tables are read-only."""
    if not is_content_app(app_config):
        return []
    wanted: list[tuple[str, str]] = []
    for model in app_config.get_models():
        label = model._meta.label_lower
        if label in EDITOR_EXCLUDED_MODELS:
            continue
        name = model._meta.model_name
        history = model.__name__.startswith("Historical") and hasattr(model, "history_id")
        actions = ("view",) if history else CRUD
        wanted.extend((app_config.label, f"{action}_{name}") for action in actions)
    return _permissions(wanted, using)


def staff_permissions(app_config: AppConfig, using: str = "default") -> list[Permission]:
    wanted = []
    for label, actions in STAFF_EXTRA_PERMISSIONS.items():
        app_label, model_name = label.split(".")
        if app_label == app_config.label:
            wanted.extend((app_label, f"{action}_{model_name}") for action in actions)
    return (
        editor_permissions(app_config, using)
        + _permissions(wanted, using)
        + moderator_permissions(app_config, using)
    )


def moderator_permissions(app_config: AppConfig, using: str = "default") -> list[Permission]:
    wanted = []
    for label, actions in MODERATOR_PERMISSIONS.items():
        app_label, model_name = label.split(".")
        if app_label == app_config.label:
            wanted.extend((app_label, action) for action in actions)
    return _permissions(wanted, using)


def _granted(grants: dict[str, tuple[str, ...]], app_config: AppConfig, using: str):
    wanted = []
    for label, codenames in grants.items():
        app_label, _model_name = label.split(".")
        if app_label == app_config.label:
            wanted.extend((app_label, codename) for codename in codenames)
    return _permissions(wanted, using)


def _permissions(wanted: Iterable[tuple[str, str]], using: str) -> list[Permission]:
    wanted = list(wanted)
    if not wanted:
        return []
    codenames = {codename for _, codename in wanted}
    found = Permission.objects.using(using).filter(codename__in=codenames)
    found = found.select_related("content_type")
    keys = set(wanted)
    return [p for p in found if (p.content_type.app_label, p.codename) in keys]


def ensure_roles(app_config: AppConfig, using: str = "default") -> None:
    """Create the role groups and grant them this app's permissions (never revokes)."""
    groups = {
        role.value: Group.objects.using(using).get_or_create(name=role.value)[0] for role in Role
    }
    editor = editor_permissions(app_config, using)
    if editor:
        groups[Role.EDITOR.value].permissions.add(*editor)
    staff = staff_permissions(app_config, using)
    if staff:
        groups[Role.STAFF.value].permissions.add(*staff)
    moderator = moderator_permissions(app_config, using)
    if moderator:
        groups[Role.MODERATOR.value].permissions.add(*moderator)
    reviewer = _granted(ALERT_REVIEWER_PERMISSIONS, app_config, using)
    if reviewer:
        groups[Role.ALERT_REVIEWER.value].permissions.add(*reviewer)


def needs_mfa(user) -> bool:
    """Whether the account must sign in with a second factor: it can change anything beyond its
    own profile (see `UserQuerySet.needing_mfa`). Members may add one; they are not asked to."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return User.objects.filter(pk=user.pk).needing_mfa().exists()


def lacks_mfa(user) -> bool:
    """The account must have a second factor and has none yet: it may do nothing but set one up.

    The one check behind the enrolment redirect, the API's token authentication and token
    creation; one query.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    return User.objects.filter(pk=user.pk).needing_mfa().without_totp().exists()
