"""Newsletter pages: thin views over selectors (reads) and services (writes).

Who sees what: subscribing is open to anyone (rate-limited per client; the answer is the same
whether or not the address is known). Confirming and unsubscribing need no account: the signed
link is the authority; a GET only shows a button (mail scanners open links, and must neither
confirm nor unsubscribe anyone), the POST acts. The unsubscribe URL also takes the RFC 8058
one-click POST that mail clients send. Issues are previewed, approved and resumed by editors
(the permission to change issues): anyone else signed in gets 403, a signed-out visitor is
sent to sign in. No input gives a 500: an unknown or altered link is a 404, an expired one a
400, a bad ?language= a 400 naming it.
"""

from __future__ import annotations

import uuid
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from dcrnet.lib.clientip import client_ip
from dcrnet.lib.refusals import Refused

from . import notifications, selectors, services, tokens
from .forms import LanguageForm, SubscribeForm
from .models import SUPPRESSED, Issue, IssueStatus, Status, Subscriber

MAX_ID = 2**63 - 1  # beyond it, no row: and the database would refuse the number


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex"
    return response


def _refused(request: HttpRequest, refusal: Refused, issue: Issue | None = None):
    if refusal.status == 404:
        raise Http404
    response = render(
        request,
        "newsletter/refused.html",
        {"message": refusal.message, "issue": issue},
        status=refusal.status,
    )
    if isinstance(refusal, services.RateLimited):
        response["Retry-After"] = str(refusal.retry_after)
    return _private(response)


# --- subscribing -------------------------------------------------------------------------------


def _own_account(request: HttpRequest, address: str):
    """The signed-in account, when the address is one of its verified addresses."""
    from allauth.account.models import EmailAddress

    user = request.user
    if not user.is_authenticated:
        return None
    verified = EmailAddress.objects.filter(user=user, email__iexact=address, verified=True)
    return user if verified.exists() else None


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    version, notice = services.notice()
    form = SubscribeForm(
        request.POST if request.method == "POST" else None,
        initial={"language": translation.get_language()},
        notice_version=version,
    )
    context = {"form": form, "notice": notice, "version": version}
    if request.method != "POST":
        return render(request, "newsletter/subscribe.html", context)
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", context, status=400)
    try:
        services.check_rate(client_ip(request))
    except services.RateLimited as refusal:
        form.add_error(None, refusal.message)
        response = render(request, "newsletter/subscribe.html", context, status=429)
        response["Retry-After"] = str(refusal.retry_after)
        return response
    address = form.cleaned_data["email"]
    services.subscribe(
        address,
        language=form.cleaned_data["language"],
        user=_own_account(request, address),
    )
    return redirect("newsletter:requested")


@require_http_methods(["GET", "HEAD"])
def requested(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/requested.html")


def _subscriber(public_id) -> Subscriber:
    subscriber = Subscriber.objects.filter(public_id=public_id).first()
    if subscriber is None:
        raise Http404
    return subscriber


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        public_id = tokens.read_confirm_token(token)
    except tokens.Expired:
        return _refused(request, services.LinkNotValid())
    if public_id is None:
        raise Http404
    subscriber = _subscriber(public_id)
    if request.method == "POST":
        try:
            subscriber = services.confirm(public_id)
        except Refused as refusal:
            return _refused(request, refusal)
        return _private(render(request, "newsletter/confirmed.html", {"subscriber": subscriber}))
    if subscriber.status == Status.CONFIRMED:
        return _private(render(request, "newsletter/confirmed.html", {"subscriber": subscriber}))
    if subscriber.status != Status.PENDING:
        return _refused(request, services.LinkNotValid())
    return _private(render(request, "newsletter/confirm.html", {"token": token}))


def _is_one_click(request: HttpRequest) -> bool:
    """The POST a mail client sends for the List-Unsubscribe-Post header (RFC 8058)."""
    return request.POST.get("List-Unsubscribe") == "One-Click"


def _csrf_refusal(request: HttpRequest) -> HttpResponse | None:
    """The CSRF check the middleware would have made (None when the request passes it)."""
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})


# csrf_exempt: mail clients send the RFC 8058 one-click POST ("List-Unsubscribe=One-Click") from
# outside the site, without a CSRF cookie or token. Forgery gains nothing there: the signed token
# in the URL is the only authority, and whoever can make a browser POST to it already holds it.
# The page's own form is still checked (_csrf_refusal): only the one-click POST is exempt.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    public_id = tokens.read_unsubscribe_token(token)
    if public_id is None:
        raise Http404
    subscriber = _subscriber(public_id)
    if request.method == "POST":
        if not _is_one_click(request) and (refusal := _csrf_refusal(request)) is not None:
            return refusal
        try:
            subscriber = services.unsubscribe(public_id)
        except Refused as refusal:
            return _refused(request, refusal)
        return _private(render(request, "newsletter/unsubscribed.html"))
    if subscriber.status in SUPPRESSED:
        return _private(render(request, "newsletter/unsubscribed.html"))
    return _private(render(request, "newsletter/unsubscribe.html", {"token": token}))


# --- editors -----------------------------------------------------------------------------------


def editors(*methods: str):
    """Sign-in first (a signed-out POST is sent to sign in too), then the methods, then the
    permission (403 with a page for anyone else)."""
    allowed = {*methods, "HEAD"} if "GET" in methods else set(methods)

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if request.method not in allowed:
                return HttpResponseNotAllowed(sorted(allowed))
            if not selectors.is_editor(request.user):
                return _refused(request, services.NotEditor())
            if kwargs.get("issue_id", 0) > MAX_ID:
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _issue(issue_id: int) -> Issue:
    issue = Issue.objects.select_related("approved_by").filter(pk=issue_id).first()
    if issue is None:
        raise Http404
    return issue


@editors("GET")
def issues(request: HttpRequest) -> HttpResponse:
    languages = dict(settings.LANGUAGES)
    audience = [(languages.get(code, code), n) for code, n in selectors.audience().items()]
    return render(
        request,
        "newsletter/issues.html",
        {
            "issues": Issue.objects.select_related("approved_by"),
            "audience": audience,
            "total": sum(n for _name, n in audience),
        },
    )


def _language(request: HttpRequest) -> str | None:
    form = LanguageForm(request.GET)
    if not form.is_valid():
        return None
    return form.cleaned_data["language"] or translation.get_language()


def _bad_language(request: HttpRequest) -> HttpResponse:
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    problems = [("language", _("must be one of %(codes)s") % {"codes": codes})]
    return render(request, "400.html", {"problems": problems}, status=400)


def _sample(language: str) -> Subscriber:
    """A subscriber that is no one: the preview's unsubscribe link opens nothing."""
    return Subscriber(public_id=uuid.UUID(int=0), email="you@example.org", language=language)


def _rendered(issue: Issue, language: str) -> tuple[selectors.Digest, tuple[str, str, str]]:
    digest = selectors.compose(issue, language)
    with translation.override(language):
        unsubscribe = notifications.unsubscribe_url(_sample(language))
    return digest, notifications.render(digest, unsubscribe)


@editors("GET")
def preview(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue(issue_id)
    language = _language(request)
    if language is None:
        return _bad_language(request)
    digest, (subject, text, _html) = _rendered(issue, language)
    return render(
        request,
        "newsletter/preview.html",
        {
            "issue": issue,
            "shown_language": language,
            "preview_languages": settings.LANGUAGES,
            "subject": subject,
            "text": text,
            "is_empty": digest.is_empty,
            "progress": selectors.progress(issue),
            "is_draft": issue.status == IssueStatus.DRAFT,
            "is_sending": issue.status == IssueStatus.APPROVED,
        },
    )


@editors("GET")
def preview_html(request: HttpRequest, issue_id: int) -> HttpResponse:
    """The HTML part as subscribers get it, served so that it can do nothing: no script, no
    style or image from anywhere (it has none), no access to the site's cookies."""
    issue = _issue(issue_id)
    language = _language(request)
    if language is None:
        return _bad_language(request)
    _digest, (_subject, _text, html) = _rendered(issue, language)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'; sandbox"
    return _private(response)


@editors("POST")
def approve(request: HttpRequest, issue_id: int) -> HttpResponse:
    try:
        issue = services.approve(issue_id, by=request.user)
    except Refused as refusal:
        return _refused(request, refusal, Issue.objects.filter(pk=issue_id).first())
    messages.success(
        request, _("The issue of %(month)s is approved: it is being sent.") % {"month": issue}
    )
    return redirect(issue)


@editors("POST")
def resume(request: HttpRequest, issue_id: int) -> HttpResponse:
    try:
        issue = services.resume(issue_id, by=request.user)
    except Refused as refusal:
        return _refused(request, refusal, Issue.objects.filter(pk=issue_id).first())
    messages.success(
        request,
        _("The rest of the issue of %(month)s is queued for sending.") % {"month": issue},
    )
    return redirect(issue)
