"""Test 27 of RELIABILITY.md: every URL pattern, visited anonymously, against a reviewed list.

A new URL fails this test until someone decides who may see it: add ONE line to ``ACCESS``
below, keyed by the URL's name ("app:name") or, for a family of URLs, by a regular expression
on its route that starts with "^". Names win over routes; the first matching regex wins.

    PUBLIC      anyone gets 200 (the page is also checked for third-party resources)
    REDIRECT    3xx to a page that is not the sign-in page
    LOGIN       GET and POST answer 302, ending at the sign-in page
    API_DENIED  GET and POST answer 401 or 403 (JSON endpoints)
    POST_ONLY   GET answers 405 (the action needs a POST, e.g. a logout)
    NOT_FOUND   404 to everyone (a prefix with nothing at it)

URL keyword arguments are filled from ``path_values`` below (fixtures: a facility, its
country, a highlight, a page); a new keyword needs a value there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import timezone

from dcrnet.tests.conftest import PASSWORD, audit, foreign

PUBLIC = "public"
REDIRECT = "redirect"
LOGIN = "login"
API_DENIED = "api-denied"
POST_ONLY = "post-only"
NOT_FOUND = "not-found"

ACCESS: dict[str, str] = {
    # Project
    "home": PUBLIC,
    "healthz": PUBLIC,
    "choose_language": REDIRECT,
    # Directory (dcrnet/directory/urls.py)
    "directory:list": PUBLIC,
    "directory:facility": PUBLIC,
    "directory:countries": PUBLIC,
    "directory:country": PUBLIC,
    "directory:map": PUBLIC,
    "directory:map_data": PUBLIC,
    "directory:highlights": PUBLIC,
    "directory:highlight": PUBLIC,
    "directory:facilities_csv": PUBLIC,
    "directory:facilities_json": PUBLIC,
    "directory:facilities_osm": PUBLIC,
    # Editable pages (the catch-all, last in dcrnet/urls.py)
    "pages:page": PUBLIC,
    # Open data API: the schema and its docs are public by design
    "api:api-root": NOT_FOUND,
    "api:openapi-json": PUBLIC,
    "api:openapi-view": PUBLIC,
    "api:list_facilities": PUBLIC,
    "api:get_facility": PUBLIC,
    "api:list_countries": PUBLIC,
    "api:get_country": PUBLIC,
    "api:list_highlights": PUBLIC,
    "api:search_references": PUBLIC,
    "api:export_references": PUBLIC,
    "api:get_reference": PUBLIC,
    "api:export_reference": PUBLIC,
    "api:evidence_map": PUBLIC,
    "api:evidence_summaries": PUBLIC,
    "api:monitoring_indicators": PUBLIC,
    "api:monitoring_series_network": PUBLIC,
    "api:monitoring_series_country": PUBLIC,
    "api:monitoring_series_facility": PUBLIC,
    "api:monitoring_monthly": PUBLIC,
    "api:monitoring_survey": PUBLIC,
    "api:monitoring_report_get": API_DENIED,  # a reporter's token
    "api:monitoring_report_put": API_DENIED,
    # Evidence library (dcrnet/evidence/urls.py)
    "evidence:search": PUBLIC,
    "evidence:reference": PUBLIC,
    "evidence:reference_export": PUBLIC,
    "evidence:export": PUBLIC,
    "evidence:map": PUBLIC,
    "evidence:outcome": PUBLIC,
    "evidence:outcome_rss": PUBLIC,
    "evidence:outcome_atom": PUBLIC,
    "evidence:rss": PUBLIC,
    "evidence:atom": PUBLIC,
    "evidence:suggest": PUBLIC,  # anyone may suggest a reference (rate-limited, moderated)
    "evidence:import": LOGIN,  # editors only
    # Monitoring and the resource centre (dcrnet/monitoring/urls.py): aggregates are public,
    # reporting and the survey need a signed-in reporter or editor
    "monitoring:index": PUBLIC,
    "monitoring:chart": PUBLIC,
    "monitoring:country_chart": PUBLIC,
    "monitoring:facility_chart": PUBLIC,
    "monitoring:dictionary": PUBLIC,
    "monitoring:dictionary_csv": PUBLIC,
    "monitoring:country": PUBLIC,
    "monitoring:facility": PUBLIC,
    "monitoring:monthly_csv": PUBLIC,
    "monitoring:monthly_json": PUBLIC,
    "monitoring:survey_csv": PUBLIC,
    "monitoring:report_home": LOGIN,
    "monitoring:token_create": LOGIN,
    "monitoring:token_revoke": LOGIN,
    "monitoring:upload_template": LOGIN,
    "monitoring:upload": LOGIN,
    "monitoring:report_month": LOGIN,
    "monitoring:survey_admin": LOGIN,
    "monitoring:survey_review": LOGIN,
    "monitoring:survey_form": LOGIN,
    # Accounts (allauth): the ways in are public, everything about an account is not
    "account_login": PUBLIC,
    "account_signup": PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,  # a bad key shows "invalid link"
    "account_reset_password_from_key_done": PUBLIC,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": PUBLIC,  # a bad key shows "invalid link"
    "account_inactive": PUBLIC,
    "account_logout": REDIRECT,  # nobody to sign out: back home
    "account_confirm_login_code": LOGIN,
    "account_reauthenticate": LOGIN,
    "account_email": LOGIN,
    "account_change_password": LOGIN,
    "account_set_password": LOGIN,
    "mfa_index": LOGIN,
    "mfa_authenticate": LOGIN,
    "mfa_reauthenticate": LOGIN,
    "mfa_activate_totp": LOGIN,
    "mfa_deactivate_totp": LOGIN,
    "mfa_view_recovery_codes": LOGIN,
    "mfa_generate_recovery_codes": LOGIN,
    "mfa_download_recovery_codes": LOGIN,
    "usersessions_list": LOGIN,
    # Organisations and membership (dcrnet/organisations/urls.py): approved organisations are
    # public; applying and deciding need an account (and the right to decide: 404 otherwise)
    "organisations:list": PUBLIC,
    "organisations:detail": PUBLIC,
    "organisations:apply": LOGIN,
    "organisations:organisation_queue": LOGIN,
    "organisations:organisation_decide": LOGIN,
    "organisations:join": LOGIN,
    "organisations:membership_queue": LOGIN,
    "organisations:mine": LOGIN,
    "organisations:membership_decide": LOGIN,
    "organisations:leave": LOGIN,
    "api:list_organisations": PUBLIC,
    "api:get_organisation": PUBLIC,
    # Your account and data (dcrnet/community/urls.py), members' handle pages (members only)
    "community:overview": LOGIN,
    "community:profile": LOGIN,
    "community:consents": LOGIN,
    "community:export": LOGIN,  # then re-authentication
    "community:delete": LOGIN,  # then re-authentication
    "members:member": LOGIN,
    # The forum (dcrnet/forum/urls.py): the index lists public-readable categories; the
    # category of path_values is for members only
    "forum:index": PUBLIC,
    "forum:subscriptions": LOGIN,
    "forum:category": LOGIN,
    "forum:new_thread": LOGIN,
    "forum:thread": LOGIN,
    "forum:reply": LOGIN,
    "forum:post": LOGIN,
    "forum:edit": LOGIN,
    "forum:history": LOGIN,
    "forum:react": POST_ONLY,
    "forum:subscribe_thread": POST_ONLY,
    "forum:subscribe_category": POST_ONLY,
    "forum:unsubscribe": PUBLIC,  # the signed token is the authority, no sign-in
    "forum:moderation": LOGIN,
    "forum:moderation_log": LOGIN,
    "forum:report": LOGIN,
    "forum:moderation_member": LOGIN,
    "forum:moderation_member_by_id": LOGIN,
    "forum:moderation_move": LOGIN,
    "forum:moderation_hide": POST_ONLY,
    "forum:moderation_restore": POST_ONLY,
    "forum:moderation_approve": POST_ONLY,
    "forum:moderation_dismiss": POST_ONLY,
    "forum:moderation_lock": POST_ONLY,
    "forum:moderation_unlock": POST_ONLY,
    "forum:moderation_pin": POST_ONLY,
    "forum:moderation_unpin": POST_ONLY,
    "forum:moderation_warn": POST_ONLY,
    "forum:moderation_suspend": POST_ONLY,
    "forum:moderation_lift": POST_ONLY,
    "api:list_forum_categories": PUBLIC,
    "api:list_forum_threads": NOT_FOUND,  # members-only or unknown category
    "api:list_forum_posts": NOT_FOUND,
    # Best-practice documents (dcrnet/documents/urls.py): published ones are public
    "documents:list": PUBLIC,
    "documents:detail": PUBLIC,
    "documents:download": NOT_FOUND,  # the published document has no version 1
    "documents:suggest": LOGIN,
    "documents:mine": LOGIN,
    "documents:review": LOGIN,
    "documents:decide": LOGIN,
    "documents:version_new": LOGIN,
    "api:list_documents": PUBLIC,
    "api:get_document": NOT_FOUND,  # "api:slug" is the organisation's slug
    # Trainings (dcrnet/trainings/urls.py): the catalogue, sessions and calendars are public; a
    # registration, a certificate and the organisers' pages need an account (others get 404)
    "trainings:catalogue": PUBLIC,
    "trainings:calendar": PUBLIC,
    "trainings:sessions": PUBLIC,
    "trainings:past": PUBLIC,
    "trainings:mine": LOGIN,
    "trainings:training": PUBLIC,
    "trainings:session": PUBLIC,
    "trainings:session_ics": PUBLIC,
    "trainings:register": LOGIN,
    "trainings:cancel": LOGIN,
    "trainings:certificate": LOGIN,
    "trainings:participants": LOGIN,
    "trainings:participants_csv": LOGIN,
    "trainings:attendance": LOGIN,
    "trainings:message": LOGIN,
    "trainings:questions": LOGIN,
    "trainings:edit": LOGIN,
    "trainings:cancel_session": LOGIN,
    # Exchange visits (dcrnet/visits/urls.py): the hosts are public; members ask; a visit is for
    # its requester, the host's contacts and staff; the terms for the host's contacts
    "visits:hosts": PUBLIC,
    "visits:mine": LOGIN,
    "visits:ask": LOGIN,
    "visits:host_edit": LOGIN,
    "visits:visit": LOGIN,
    "visits:answer": LOGIN,
    "visits:respond": LOGIN,
    "visits:withdraw": LOGIN,
    "visits:publicity": LOGIN,
    # Advocacy (dcrnet/advocacy/urls.py): initiatives, their endorsers' CSV and badge are public;
    # endorsing, withdrawing, signing and the staff queue need an account
    "advocacy:list": PUBLIC,
    "advocacy:detail": PUBLIC,
    "advocacy:endorsers_csv": PUBLIC,
    "advocacy:badge_svg": PUBLIC,
    "advocacy:badge_png": PUBLIC,
    "advocacy:endorse": LOGIN,
    "advocacy:withdraw": LOGIN,
    "advocacy:sign": LOGIN,
    "advocacy:unsign": LOGIN,
    "advocacy:review": LOGIN,
    "advocacy:decide": LOGIN,
    # Policy tracker and news (dcrnet/policy, dcrnet/news): public; the newsroom is for editors
    "policy:timeline": PUBLIC,
    "policy:event": PUBLIC,
    "policy:rss": PUBLIC,
    "policy:atom": PUBLIC,
    "news:index": PUBLIC,
    "news:rss": PUBLIC,
    "news:atom": PUBLIC,
    "news:tag": PUBLIC,
    "news:year": PUBLIC,
    "news:month": PUBLIC,
    "news:article": PUBLIC,
    "news:newsroom": LOGIN,
    "news:publish_status_change": LOGIN,
    "news:publish_event": LOGIN,
    # Newsletter (dcrnet/newsletter/urls.py): anyone subscribes; the signed links open for their
    # holder without an account (the forum's token here has another salt); issues for editors
    "newsletter:subscribe": PUBLIC,
    "newsletter:requested": PUBLIC,
    "newsletter:confirm": NOT_FOUND,
    "newsletter:unsubscribe": NOT_FOUND,
    "newsletter:issues": LOGIN,
    "newsletter:preview": LOGIN,
    "newsletter:preview_html": LOGIN,
    "newsletter:approve": LOGIN,
    "newsletter:resume": LOGIN,
    # Site search (dcrnet/sitesearch/urls.py): anyone; each visitor finds what they may read
    "sitesearch:search": PUBLIC,
    "sitesearch:opensearch": PUBLIC,
    # The impact estimator (dcrnet/impact/urls.py): anyone, no account; the facility link
    # redirects to the calculator with the facility's figures
    "impact:calculator": PUBLIC,
    "impact:report": PUBLIC,
    "impact:data_csv": PUBLIC,
    "impact:parameters": PUBLIC,
    "impact:facility": REDIRECT,
    "api:impact_run": POST_ONLY,
    "api:impact_presets": PUBLIC,
    # Peer comparison (dcrnet/peers/urls.py): public funnel plots of unnamed points
    "peers:index": PUBLIC,
    # Early warning (dcrnet/alerts/): reporting is for a facility's reporters
    "alerts:report_home": LOGIN,
    "alerts:report_substance": LOGIN,
    "alerts:report_pulse": LOGIN,
    "alerts:report_upload": LOGIN,
    "alerts:report_template_reports": LOGIN,
    "alerts:report_template_pulses": LOGIN,
    "api:alerts_report_create": API_DENIED,
    "api:alerts_pulse_put": API_DENIED,
    # Alerts: public grades for anyone (network grades for members), the feed, the API;
    # reviewing, editing and retracting need the alert reviewer's permission; subscribing an
    # account
    "alerts:list": PUBLIC,
    "alerts:detail": NOT_FOUND,
    "alerts:feed": PUBLIC,
    "alerts:subscription": LOGIN,
    "alerts:review": LOGIN,
    "alerts:review_signal": LOGIN,
    "alerts:edit": LOGIN,
    "alerts:retract": LOGIN,
    "api:list_alerts": PUBLIC,
    "api:get_alert": NOT_FOUND,
    # The guide to opening a DCR (dcrnet/guide/urls.py): readable by anyone
    "guide:index": PUBLIC,
    "guide:step": PUBLIC,
    "guide:print": PUBLIC,
    # Planning projects (dcrnet/planning/urls.py): members, their teams and invited experts; the
    # sign-in check comes before the method, so POST-only views answer LOGIN too
    "planning:index": LOGIN,
    "planning:overview": LOGIN,
    "planning:listings": LOGIN,
    "planning:listing_approve": LOGIN,
    "planning:listing_decline": LOGIN,
    "planning:invitation": LOGIN,
    "planning:project": LOGIN,  # an unpublished (or missing) project; a published one is public
    "planning:edit": LOGIN,
    "planning:publish": LOGIN,
    "planning:listing": LOGIN,
    "planning:export": LOGIN,
    "planning:team": LOGIN,
    "planning:leave": LOGIN,
    "planning:member_remove": LOGIN,
    "planning:member_role": LOGIN,
    "planning:invitation_cancel": LOGIN,
    "planning:step": LOGIN,
    "planning:decision": LOGIN,
    "planning:comment": LOGIN,
    "planning:attachment_upload": LOGIN,
    "planning:attachment": LOGIN,
    "planning:expert_invite": LOGIN,
    "planning:expert_withdraw": LOGIN,
    # Experts and help requests (dcrnet/experts/urls.py): asking is open to anyone; a request is
    # read by its requester, its accepted experts and staff (signed-in outsiders get 404)
    "experts:directory": PUBLIC,
    "experts:expert": NOT_FOUND,  # the handle "someone" is no expert
    "experts:join": LOGIN,
    "experts:me": LOGIN,
    "experts:leave": POST_ONLY,
    "experts:my_requests": LOGIN,
    "experts:decide": POST_ONLY,
    "experts:help": PUBLIC,
    "experts:ask": PUBLIC,
    "experts:sent": PUBLIC,
    "experts:mine": LOGIN,
    "experts:triage": LOGIN,
    "experts:triage_request": LOGIN,
    "experts:conversation": LOGIN,
    "experts:close": POST_ONLY,
    "experts:reply": NOT_FOUND,  # the forum's token has another salt: no request opens
    "experts:reply_close": POST_ONLY,
    # Django admin: staff only, whatever the model
    r"^admin/": LOGIN,
}


# Query strings some endpoints need to answer at all (formatted with path_values).
QUERIES: dict[str, str] = {
    "monitoring:chart": "indicator={indicator}",
    "monitoring:country_chart": "indicator={indicator}",
    "monitoring:facility_chart": "indicator={indicator}",
    "api:monitoring_series_network": "indicator={indicator}",
    "api:monitoring_series_country": "indicator={indicator}",
    "api:monitoring_series_facility": "indicator={indicator}",
}


@dataclass
class Endpoint:
    route: str
    name: str | None
    path: str

    @property
    def label(self) -> str:
        return self.name or self.route


def walk(resolver: URLResolver, route: str = "", namespace: str = "", parts=()):
    """(route, namespaced name, the pattern of each level) for every URL."""
    for entry in resolver.url_patterns:
        here = route + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, here, inner, (*parts, entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else None
            yield here, name, (*parts, entry.pattern)


# A <uuid:…> keyword that has no UUID among the values gets this one (nothing has it).
UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


def fill_route(text: str, values: dict) -> str:
    def value(match):
        name = match["name"]
        if match["converter"] == "uuid:" and not re.fullmatch(
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", str(values.get(name))
        ):
            return UNKNOWN_UUID
        if name not in values:
            raise KeyError(f"no value for URL keyword {name!r}: add one to path_values()")
        return str(values[name])

    return re.sub(r"<(?P<converter>[^>:]+:)?(?P<name>\w+)>", value, text)


def fill_regex(text: str, values: dict) -> str:
    """A path the regex matches: each group becomes its named value (or "1")."""
    text = text.removeprefix("^").removesuffix("$")
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            out.append(text[i + 1])
            i += 2
        elif char == "(":
            depth, j = 1, i + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1 if text[j] != "\\" else 2
            group = text[i + 1 : j - 1]
            named = re.match(r"\?P<(\w+)>", group)
            out.append(str(values[named[1]] if named else values["_positional"]))
            i = j
        else:
            out.append(char)
            i += 1
    return "".join(out)


def build_path(parts, values: dict) -> str:
    pieces = []
    for pattern in parts:
        regex = getattr(pattern, "_regex", None)
        if regex is not None and not hasattr(pattern, "_route"):
            pieces.append(fill_regex(regex, values))
        else:
            pieces.append(fill_route(str(pattern), values))
    return "/" + "".join(pieces)


def expectation(endpoint: Endpoint) -> str | None:
    if endpoint.name and endpoint.name in ACCESS:
        return ACCESS[endpoint.name]
    if endpoint.route in ACCESS:
        return ACCESS[endpoint.route]
    for key, expected in ACCESS.items():
        if key.startswith("^") and re.search(key, endpoint.route):
            return expected
    return None


@pytest.fixture
def path_values(facility):
    """Keyword → value for every URL; "namespace:keyword" overrides it inside one namespace,
    "namespace:name@keyword" for one URL."""
    from dcrnet.advocacy.models import Initiative
    from dcrnet.directory.models import Highlight
    from dcrnet.documents.models import Document, Topic
    from dcrnet.evidence.models import Reference, Term, Vocabulary
    from dcrnet.forum import notifications
    from dcrnet.forum.models import Category, Post, Thread
    from dcrnet.guide.models import Step
    from dcrnet.impact import seed as impact_seed
    from dcrnet.monitoring.models import Indicator
    from dcrnet.news.models import Article, Tag
    from dcrnet.organisations.models import Organisation
    from dcrnet.pages.models import Page
    from dcrnet.policy.models import Event
    from dcrnet.trainings.models import Session, Training

    reference = Reference.objects.create(title="A cohort study", year=2020)
    impact_seed.load()  # the calculator's report and CSV need a preset
    outcome = Term.objects.get_or_create(
        vocabulary=Vocabulary.OUTCOME, slug="overdose-mortality", defaults={"name": "Overdoses"}
    )[0]

    highlight = Highlight.objects.create(
        month=dt.date(2025, 5, 1), facility=facility, text="Highlight text."
    )
    page = Page.objects.create(slug="about", title="About", body="About us.")
    organisation = Organisation.objects.create(
        name="Abrigado's operator",
        slug="abrigado-operator",
        kind="dcr operator",
        statement="Runs Abrigado.",
        status="approved",
    )
    category = Category.objects.create(slug="running", name="Running a DCR")
    thread = Thread.objects.create(
        category=category, title="Night shifts", last_post_at=timezone.now(), post_count=1
    )
    post = Post.objects.create(thread=thread, number=1, body="How do you staff them?")
    topic = Topic.objects.create(name="Admission", slug="admission")
    document = Document.objects.create(
        title="House rules",
        slug="house-rules",
        kind="house rules",
        perspective="both",
        topic=topic,
        language="en",
        status="published",
    )
    step = Step.objects.create(
        number=1, slug="needs-assessment", title="Needs assessment", summary="Why.", body="How."
    )
    training = Training.objects.create(
        slug="running-a-dcr",
        title="Running a DCR",
        summary="Why.",
        outcomes="What.",
        audience="Staff.",
        duration="One day",
        format="on_site",
    )
    start = timezone.now() + dt.timedelta(days=30)
    session = Session.objects.create(
        training=training,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=6),
        format="on_site",
        facility=facility,
        language="en",
        capacity=20,
        registration_deadline=start - dt.timedelta(days=2),
        cancellation_cutoff=start - dt.timedelta(days=3),
    )
    initiative = Initiative.objects.create(
        title="Recognise DCRs",
        slug="recognise-dcrs",
        date=dt.date(2025, 6, 26),
        summary="Why.",
        text="What.",
        published=True,
    )
    event = Event.objects.create(
        country=facility.country,
        date=dt.date(2005, 1, 1),
        kind="opened",
        title="Abrigado opens",
        summary="It opens.",
        source_title="A source",
        source_url="https://example.org/source",
    )
    Tag.objects.create(slug="abrigado-opens", name="Openings")
    article = Article.objects.create(
        slug="abrigado-opens",
        title="Abrigado opens",
        summary="It opens.",
        status="published",
        published_at=timezone.now() - dt.timedelta(days=1),
    )
    return {
        "trainings:slug": training.slug,
        "trainings:public_id": session.public_id,
        "visits:public_id": "00000000-0000-4000-8000-000000000000",
        "visits:facility": facility.public_id,
        "api:get_alert@public_id": UNKNOWN_UUID,
        "advocacy:slug": initiative.slug,
        "policy:pk": event.pk,
        "news:slug": article.slug,  # a tag of the same slug too
        "news:year": article.published_at.year,
        "news:month": article.published_at.month,
        "public_id": facility.public_id,
        "code": facility.country.code,
        "year": highlight.month.year,
        "month": highlight.month.month,
        "slug": page.slug,
        "object_id": facility.pk,
        "content_type_id": 1,
        "id": 1,
        "pk": 1,
        "key": "not-a-real-key",
        "uidb36": "1",
        "app_label": "directory",
        "url": "not-a-page/",
        "_positional": 1,
        "ref_id": reference.pk,
        "evidence:pk": reference.pk,
        "evidence:slug": outcome.slug,
        "fmt": "ris",
        "indicator": Indicator.objects.values_list("code", flat=True).first(),
        "monitoring:month": "2025-05",
        "api:month": "2025-05",
        "organisations:slug": organisation.slug,
        "api:slug": organisation.slug,
        "forum:slug": category.slug,
        "thread_id": thread.pk,
        "post_id": post.pk,
        "user_id": 1,
        "sanction_id": 1,
        "handle": "someone",
        "token": notifications.make_token(1, "digest"),
        "documents:slug": document.slug,
        "number": 1,
        "guide:slug": step.slug,
        "project_id": 1,
        "issue_id": 1,
        "request_id": 1,
        "member_id": 1,
        "invitation_id": 1,
        "attachment_id": 1,
        "planning:token": "00000000-0000-4000-8000-000000000000",
        "experts:public_id": "00000000-0000-4000-8000-000000000000",
    }


def values_for(name: str | None, values: dict) -> dict:
    namespace = name.rsplit(":", 1)[0] + ":" if name and ":" in name else None
    if not namespace:
        return values
    scoped = {k.removeprefix(namespace): v for k, v in values.items() if k.startswith(namespace)}
    # "name@keyword" overrides a keyword for one URL name only.
    named = {k.split("@", 1)[1]: v for k, v in values.items() if k.startswith(f"{name}@")}
    return {**values, **scoped, **named}


@pytest.fixture
def endpoints(path_values) -> list[Endpoint]:
    found = []
    for route, name, parts in walk(get_resolver()):
        path = build_path(parts, values_for(name, path_values))
        if name in QUERIES:
            path += "?" + QUERIES[name].format(**path_values)
        found.append(Endpoint(route, name, path))
    return found


def follow_to_end(client: Client, response):
    """Follows on-site redirects; returns the last status and path."""
    for _ in range(6):
        if response.status_code not in {301, 302, 303, 307, 308}:
            break
        location = urlsplit(response["Location"])
        if location.netloc not in {"", "testserver"}:
            return response.status_code, response["Location"]
        response = client.get(location.path + (f"?{location.query}" if location.query else ""))
    return response.status_code, response.request["PATH_INFO"]


API_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def check(endpoint: Endpoint, expected: str) -> list[str]:
    client = Client(raise_request_exception=False)
    problems = []
    response = client.get(endpoint.path)
    status = response.status_code
    where = f"{endpoint.label} ({endpoint.path})"
    if expected == PUBLIC:
        if status != 200:
            problems.append(f"{where}: GET gave {status}, expected 200 for a public page")
        elif "html" in response.get("Content-Type", ""):
            found = audit(response.content.decode())
            if foreign(found.resource_urls):
                problems.append(f"{where}: loads {foreign(found.resource_urls)}")
    elif expected == REDIRECT:
        target = response.get("Location", "")
        if status not in {301, 302, 303} or target.startswith("/accounts/login/"):
            problems.append(f"{where}: GET gave {status} {target}, expected a public redirect")
    elif expected in {POST_ONLY, NOT_FOUND}:
        wanted = 405 if expected == POST_ONLY else 404
        if status != wanted:
            problems.append(f"{where}: GET gave {status}, expected {wanted}")
    elif expected == API_DENIED:
        # Each method the endpoint offers refuses; the others answer 405.
        statuses = {m: client.generic(m, endpoint.path).status_code for m in API_METHODS}
        if not set(statuses.values()) <= {401, 403, 405} or not {401, 403} & set(statuses.values()):
            problems.append(f"{where}: gave {statuses}, expected 401/403 (or 405)")
    elif expected == LOGIN:
        for method in ("get", "post"):
            response = getattr(client, method)(endpoint.path)
            status = response.status_code
            _, final_path = follow_to_end(client, response)
            if status != 302 or not final_path.startswith("/accounts/login/"):
                problems.append(
                    f"{where}: {method.upper()} gave {status} ending at {final_path}, "
                    "expected a redirect to the sign-in page"
                )
    return problems


@pytest.mark.django_db
def test_every_url_pattern_is_classified(endpoints):
    unclassified = sorted({e.label for e in endpoints if expectation(e) is None})
    assert not unclassified, (
        "These URLs are in no access list. Decide who may see each and add one line per URL "
        "to ACCESS in dcrnet/tests/test_access.py:\n  " + "\n  ".join(unclassified)
    )


@pytest.mark.django_db
def test_every_filled_path_resolves_to_its_own_pattern(endpoints):
    wrong = []
    for endpoint in endpoints:
        try:
            match = resolve(endpoint.path.split("?")[0])
        except Resolver404:
            wrong.append(f"{endpoint.label}: {endpoint.path} does not resolve")
            continue
        if match.route.replace("^", "") != endpoint.route.replace("^", ""):
            wrong.append(f"{endpoint.label}: {endpoint.path} is answered by {match.route}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_what_the_list_says(endpoints):
    problems = []
    for endpoint in endpoints:
        expected = expectation(endpoint)
        if expected is not None:
            problems += check(endpoint, expected)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_every_private_url_stays_closed_after_the_password_step_alone(endpoints, staff):
    """A staff account that has not given its second factor is as good as anonymous (test 17)."""
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    opened = []
    for endpoint in endpoints:
        if expectation(endpoint) in {LOGIN, API_DENIED} and endpoint.name != "mfa_authenticate":
            status = client.get(endpoint.path).status_code
            if status == 200:
                opened.append(endpoint.label)
    assert not opened, opened


def test_the_access_list_has_no_stale_names():
    """A name in ACCESS that no URL has any more is a leftover: remove it."""
    names = {name for _, name, _ in walk(get_resolver()) if name}
    routes = {route for route, _, _ in walk(get_resolver())}
    stale = [k for k in ACCESS if not k.startswith("^") and k not in names and k not in routes]
    assert not stale, stale
