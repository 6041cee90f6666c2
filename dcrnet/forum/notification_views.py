"""One-click unsubscribe from the forum's emails: no sign-in, the signed token is the authority."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import notifications
from .models import Category, Subscription, Thread
from .notifications import Reason


def _is_one_click(request) -> bool:
    """The POST a mail client sends for the List-Unsubscribe-Post header (RFC 8058)."""
    return request.POST.get("List-Unsubscribe") == "One-Click"


def _csrf_refusal(request):
    """The CSRF check the middleware would have made (None when the request passes it)."""
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})


def _what(unsubscribe) -> dict:
    """What the token stops, for the page. Names only of public-readable categories and their
    threads: whoever holds a forwarded link must learn nothing of members-only content."""
    context = {"kind": unsubscribe.kind, "name": ""}
    if unsubscribe.kind == Reason.THREAD:
        thread = (
            Thread.objects.filter(pk=unsubscribe.target, category__public_readable=True)
            .only("title")
            .first()
        )
        context["name"] = thread.title if thread else ""
    elif unsubscribe.kind == Reason.CATEGORY:
        category = Category.objects.filter(pk=unsubscribe.target, public_readable=True).first()
        context["name"] = category.name if category else ""
    return context


def apply(unsubscribe) -> None:
    """Stop what the token names, for the account it names; doing it again changes nothing."""
    user = get_user_model().objects.filter(pk=unsubscribe.user_id).first()
    if user is None:
        return
    if unsubscribe.kind == Reason.THREAD:
        Subscription.objects.filter(user=user, thread_id=unsubscribe.target).delete()
    elif unsubscribe.kind == Reason.CATEGORY:
        Subscription.objects.filter(user=user, category_id=unsubscribe.target).delete()
    elif unsubscribe.kind == Reason.DIGEST:
        from dcrnet.community.models import ConsentPurpose
        from dcrnet.community.services import withdraw_consent

        withdraw_consent(user, ConsentPurpose.DIGEST)
    elif unsubscribe.kind == Reason.MENTION:
        from dcrnet.community.models import Profile

        Profile.objects.update_or_create(user=user, defaults={"mention_emails": False})


# csrf_exempt: mail clients send the RFC 8058 one-click POST ("List-Unsubscribe=One-Click") from
# outside the site, without a CSRF cookie or token. Forgery gains nothing there: the signed token
# in the URL is the only authority, and whoever can make a browser POST to it already holds it.
# The confirmation form's own POST is still checked (_csrf_refusal): only the one-click POST is
# exempt.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    what = notifications.read_token(token)
    if what is None:
        return render(request, "forum/email/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        if not _is_one_click(request):
            refusal = _csrf_refusal(request)
            if refusal is not None:
                return refusal
        apply(what)
        return render(request, "forum/email/unsubscribe.html", {**_what(what), "done": True})
    response = render(request, "forum/email/unsubscribe.html", {**_what(what), "done": False})
    response["X-Robots-Tag"] = "noindex"
    return response
