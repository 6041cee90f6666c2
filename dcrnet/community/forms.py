"""allauth forms adjusted to the site; the profile, consent and account deletion forms."""

from __future__ import annotations

import re

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ReauthenticateForm as AllauthPasswordReauthenticateForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context, ratelimit
from allauth.mfa.base.forms import AuthenticateForm as AllauthAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as AllauthReauthenticateForm
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from dcrnet.lib.logging import security_event

from .models import ConsentPurpose, ExpertiseTag, Perspective, User

# Rate named in settings.ACCOUNT_RATE_LIMITS: wrong second-factor codes per account.
MFA_CODE_FAILED = "mfa_code_failed"


class LoginForm(AllauthLoginForm):
    """The "forgot your password?" link leaves the field's help text for a paragraph of its own
    (account/login.html): squeezed under the field it is too small a target (WCAG 2.5.8)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""


class PasswordReauthenticateForm(AllauthPasswordReauthenticateForm):
    """Confirming the password before an export or a deletion: no "forgot your password?" link
    squeezed under the field either (WCAG 2.5.8); the person is signed in already."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""


class SignupForm(AllauthSignupForm):
    """A signup with a known address takes as long as one with a new address.

    With enumeration prevention allauth answers both alike, but only a new account hashes its
    password (a third of a second with production's hasher), so the time told which addresses
    have accounts. The known-address path now does the same hashing and throws the result away.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)


class PerAccountCodeLimit:
    """Wrong codes are limited per account, not only per IP.

    allauth counts wrong codes under its "login_failed" rate, which we keep per IP only (a
    per-email password limit would let anyone lock a member out). Only someone who already has
    the password reaches this form, so a per-account limit here locks out no one else.
    """

    def clean_code(self) -> str:
        key = f"user-{self.user.pk}"
        if not ratelimit.consume(context.request, action=MFA_CODE_FAILED, key=key):
            security_event("rate_limited", context.request, actor=self.user, limit="mfa_code")
            raise get_adapter().validation_error("too_many_login_attempts")
        code = super().clean_code()
        ratelimit.clear(context.request, action=MFA_CODE_FAILED, key=key)
        return code


class AuthenticateForm(PerAccountCodeLimit, AllauthAuthenticateForm):
    pass


class ReauthenticateForm(PerAccountCodeLimit, AllauthReauthenticateForm):
    pass


# --- Profile, consents, account deletion (issue #10) -----------------------------------------

# Handles that would shadow a path under /members/ or pass for the site speaking.
RESERVED_HANDLES = frozenset(
    {
        "join",
        "applications",
        "mine",
        "admin",
        "administrator",
        "moderator",
        "moderators",
        "moderation",
        "staff",
        "editor",
        "deleted",
        "deleted-member",
        "member",
        "members",
        "account",
        "accounts",
        "api",
        "forum",
        "dcrnet",
        "dcr-network",
        "root",
        "system",
        "support",
        "help",
        "anonymous",
        "null",
        "none",
        "me",
        "everyone",
        "all",
    }
)
HANDLE_MIN, HANDLE_MAX = 3, 40


def _letters(text: str) -> str:
    """Letters and digits only, case-folded: "Jane_Roe" and "jane.roe" spell the same."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def email_local_parts(user) -> set[str]:
    """The local parts of the person's addresses (with and without a +tag), as _letters."""
    from allauth.account.models import EmailAddress

    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    spelled: set[str] = set()
    for address in addresses:
        local = address.rsplit("@", 1)[0]
        spelled |= {_letters(local), _letters(local.split("+", 1)[0])}
    return {form for form in spelled if form}


def check_handle(handle: str, user) -> str:
    """The handle as stored, or a ValidationError naming what is wrong with it."""
    handle = handle.strip()
    if not HANDLE_MIN <= len(handle) <= HANDLE_MAX:
        raise forms.ValidationError(
            _("A handle has %(min)s to %(max)s characters."),
            params={"min": HANDLE_MIN, "max": HANDLE_MAX},
        )
    if not re.fullmatch(r"[A-Za-z0-9_-]+", handle):
        raise forms.ValidationError(
            _("Use only letters a–z, digits, hyphens and underscores in your handle.")
        )
    if handle.casefold() in RESERVED_HANDLES:
        raise forms.ValidationError(_("This handle is reserved; please choose another."))
    if _letters(handle) in email_local_parts(user):
        raise forms.ValidationError(
            _("Your handle must not reveal your email address; please choose another.")
        )
    if User.objects.filter(handle__iexact=handle).exclude(pk=user.pk).exists():
        raise forms.ValidationError(_("This handle is taken; please choose another."))
    return handle


def language_choices() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def country_choices() -> list[tuple[str, str]]:
    return [("", str(_("Not stated"))), *((code, str(name)) for code, name in countries)]


class ProfileForm(forms.Form):
    handle = forms.CharField(
        label=_("Handle"),
        max_length=HANDLE_MAX,
        help_text=_(
            "The name other members see: 3–40 letters, digits, hyphens or underscores. "
            "Not your email address."
        ),
    )
    real_name = forms.CharField(label=_("Real name (optional)"), max_length=120, required=False)
    show_real_name = forms.BooleanField(
        label=_("Show my real name to other members"), required=False
    )
    show_email = forms.BooleanField(
        label=_("Show my email address to other members"), required=False
    )
    mention_emails = forms.BooleanField(
        label=_("Email me when a member mentions my handle"), required=False
    )
    language = forms.ChoiceField(
        label=_("Language of our emails"),
        choices=language_choices,
        required=False,
        help_text=_("Notifications and other emails from the network are written in it."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I read"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, required=False)
    perspective = forms.ChoiceField(
        label=_("Perspective (optional)"),
        choices=[("", _("Not stated"))] + list(Perspective.choices),
        required=False,
        help_text=_("Kept only if you also tick the consent box below."),
    )
    perspective_consent = forms.BooleanField(
        label=_("I consent to the network keeping my perspective (it may reveal health data)"),
        required=False,
    )
    show_perspective = forms.BooleanField(
        label=_("Show my perspective to other members"), required=False
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Expertise"),
        queryset=ExpertiseTag.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, consented: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.consented = consented
        if consented:
            # The consent is on record; it is withdrawn on the consents page.
            del self.fields["perspective_consent"]

    def clean_handle(self) -> str:
        return check_handle(self.cleaned_data["handle"], self.user)

    def clean(self):
        data = super().clean()
        if data.get("perspective") and not self.consented and not data.get("perspective_consent"):
            self.add_error(
                "perspective_consent",
                _(
                    "To keep your perspective, tick the consent box, or leave the perspective "
                    "empty."
                ),
            )
        return data


class ConsentForm(forms.Form):
    """One purpose, given or withdrawn with one POST."""

    purpose = forms.ChoiceField(label=_("Purpose"), choices=ConsentPurpose.choices)
    action = forms.ChoiceField(
        label=_("Action"), choices=[("give", _("Give")), ("withdraw", _("Withdraw"))]
    )
    agree = forms.BooleanField(label=_("I have read this notice and agree"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "give" and not data.get("agree"):
            self.add_error("agree", _("Tick the box to show that you agree to this purpose."))
        return data


class DeleteAccountForm(forms.Form):
    posts = forms.ChoiceField(
        label=_("What happens to your forum posts"),
        choices=[
            ("remove", _("Remove my posts")),
            ("keep", _("Keep my posts, shown as “[deleted member]”")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens to your forum posts.")},
    )
    confirm = forms.CharField(
        label=_("To confirm, type your handle or the word “delete”"), max_length=60
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        accepted = {"delete", str(_("delete")).casefold()}
        if self.user.handle:
            accepted.add(self.user.handle.casefold())
        if typed.casefold() not in accepted:
            raise forms.ValidationError(
                _("Type your handle or the word “delete” to confirm the deletion.")
            )
        return typed

    @property
    def keep_posts(self) -> bool:
        return self.cleaned_data["posts"] == "keep"
