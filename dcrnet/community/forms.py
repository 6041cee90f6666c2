"""allauth forms adjusted to the site."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context, ratelimit
from allauth.mfa.base.forms import AuthenticateForm as AllauthAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as AllauthReauthenticateForm
from django.contrib.auth.hashers import make_password

from dcrnet.lib.logging import security_event

# Rate named in settings.ACCOUNT_RATE_LIMITS: wrong second-factor codes per account.
MFA_CODE_FAILED = "mfa_code_failed"


class LoginForm(AllauthLoginForm):
    """The "forgot your password?" link leaves the field's help text for a paragraph of its own
    (account/login.html): squeezed under the field it is too small a target (WCAG 2.5.8)."""

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
