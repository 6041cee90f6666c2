"""allauth adapted to the site: mail through background tasks, our one client-IP function, demo
accounts closed where DEBUG is off."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.stagekit import clear_login
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from dcrnet.lib.clientip import client_ip
from dcrnet.lib.i18n import language_of_path

from . import services


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Rendered now (it needs the request, its site and language), sent by a task after
        commit: a slow or unreachable mail server never fails or slows the page.

        The subject and body are in the language of the page the recipient acted on (signing
        up at /fr/accounts/signup/ gives a French confirmation), else English; the task sends
        them as rendered, whatever language it runs in."""
        request = allauth_context.request
        language = mail_language(request)
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        with translation.override(language):
            message = self.render_mail(
                template_prefix, email, context, headers={"Content-Language": language}
            )
        services.queue_account_mail(message)

    def get_client_ip(self, request: HttpRequest) -> str:
        """allauth's rate limits key on the same address as the lockouts (TRUSTED_PROXY_COUNT)."""
        return client_ip(request)

    def pre_login(self, request: HttpRequest, user, **kwargs) -> HttpResponse | None:
        """A demo account (public password) signs in only with DEBUG on, should one have been
        created in a database that is later served with DEBUG off."""
        if user.is_demo and not settings.DEBUG:
            clear_login(request)
            return self.respond_user_inactive(request, user)
        return super().pre_login(request, user, **kwargs)


def mail_language(request: HttpRequest | None) -> str:
    """The language an account email goes out in: the page's the recipient acted on (its path
    prefix; English at unprefixed paths), or English when no request is known."""
    if request is None:
        return settings.LANGUAGE_CODE
    return language_of_path(request.path_info)
