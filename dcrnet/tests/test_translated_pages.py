"""Every public page type, rendered in all five languages from the demo data, keeps no English
interface string where a translation should be. Compared against the catalogues, not by eye:

1. no text (nor title, aria-label, placeholder, alt, a button's value or the meta description)
   of a French, German, Dutch or Spanish page is an English msgid that the active catalogue
   translates, nor an English msgid of ours with its placeholders filled in ("3 facilities");
2. no text of two words or more is the same in all five languages unless it is a msgid of ours
   (translated on purpose as itself, e.g. a name) or content from the database (facility names,
   titles of references, texts that are not translated yet): such a text was never marked.

The public pages are rendered anonymously from the public demo (DEBUG off); the pages of the
people's sections (account and allauth pages, organisations, the forum and its moderation) are
rendered as the demo account that uses each, from the demo with its accounts and threads; so
are the knowledge exchange's, the trainings' (the demo organiser's demonstration sessions),
the exchange visits' (the demonstration host and its visits), advocacy's, the policy
tracker's and the news pages (articles the demo editor publishes in the test).

Text inside an element with another `lang` (the switcher's language names, English content
shown as a fallback, which says so) is the visitor's choice, not an interface string.
"""

from __future__ import annotations

import re
import zoneinfo
from collections import defaultdict
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation

from dcrnet.demo.tests.once import loaded_once

OTHERS = ["fr", "de", "nl", "es"]
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
SKIPPED = {"script", "style", "code", "pre"}
# Names and formats that are the same in every language (and no catalogue holds).
SAME_EVERYWHERE = {
    "CSL JSON",
    "CSL-JSON",
    "Natural Earth",
    "CC BY 4.0",
    "OpenStreetMap contributors",
}
WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


class Texts(HTMLParser):
    """The visible texts of a page in its own language, with where each was found."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.found: list[tuple[str, str]] = []

    def skipping(self) -> bool:
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        other_language = values.get("lang") not in (None, self.language)
        skipped = tag in SKIPPED or other_language or values.get("translate") == "no"
        if tag not in {"meta", "link", "input", "img", "br", "hr", "source", "area", "wbr", "col"}:
            self.stack.append((tag, skipped))
        if self.skipping() or skipped:
            return
        for name in ATTRIBUTES & values.keys():
            self.add(values[name], f"<{tag} {name}>")
        if tag == "input" and values.get("type") in {"submit", "button"} and values.get("value"):
            self.add(values["value"], "<input value>")
        if tag == "meta" and values.get("name") == "description":
            self.add(values.get("content") or "", "<meta description>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.skipping():
            self.add(data, "text")

    def add(self, text: str, where: str) -> None:
        text = " ".join(text.split())
        if text and WORD.search(text):
            self.found.append((text, where))


def texts(html: str, language: str) -> list[tuple[str, str]]:
    parser = Texts(language)
    parser.feed(html)
    return parser.found


def our_catalogues(language: str) -> list[polib.POFile]:
    package = Path(settings.BASE_DIR) / "dcrnet"
    return [
        polib.pofile(str(path))
        for path in sorted(package.rglob(f"locale/{language}/LC_MESSAGES/django.po"))
    ]


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def filled_patterns(language: str) -> re.Pattern | None:
    """Our msgids with placeholders, as one pattern matching them filled in with anything."""
    patterns = set()
    for po in our_catalogues(language):
        for entry in po:
            for english in filter(None, (entry.msgid, entry.msgid_plural)):
                if not PLACEHOLDER.search(english):
                    continue
                literal = PLACEHOLDER.sub("", english)
                if len(WORD.findall(literal)) < 2:
                    continue  # "%(name)s (%(code)s)" would match anything
                translated = entry.msgstr or entry.msgstr_plural.get(0, "")
                if translated == english:
                    continue
                parts = PLACEHOLDER.split(" ".join(english.split()))
                patterns.add(".+?".join(re.escape(part) for part in parts))
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)))


def our_msgids() -> set[str]:
    found = set()
    for language in OTHERS:
        for po in our_catalogues(language):
            for entry in po:
                found.add(" ".join(entry.msgid.split()))
                found.add(" ".join(entry.msgstr.split()))
    return found


def stored_strings() -> list[str]:
    """Every string stored in the apps' tables (whitespace normalised)."""
    chunks = []
    for label in (
        "directory",
        "pages",
        "evidence",
        "monitoring",
        "community",
        "organisations",
        "forum",
        "documents",
        "guide",
        "experts",
        "planning",
        "trainings",
        "visits",
        "advocacy",
        "policy",
        "news",
    ):
        for model in apps.get_app_config(label).get_models():
            fields = [
                f.attname
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField)
            ]
            if fields:
                for row in model._default_manager.values_list(*fields):
                    chunks.extend(" ".join(value.split()) for value in row if value)
    # A facility as a form's choice shows it: "name (city)" (Facility.__str__).
    from dcrnet.directory.models import Facility

    chunks.extend(" ".join(str(facility).split()) for facility in Facility.objects.all())
    return chunks


def name_words(stored: list[str]) -> set[str]:
    """The words of short stored values: names of people, places, organisations and terms."""
    return {
        word.casefold()
        for value in stored
        if len(value.split()) <= 8
        for word in WORD.findall(value)
    }


PUNCTUATION = " ,.;:·()[]“”\"'–—-"


def public_pages() -> dict[str, tuple[str, dict]]:
    """One page of each public type: name → (URL name, kwargs) plus a query string."""
    from dcrnet.directory.models import Country, Facility, Highlight
    from dcrnet.evidence.models import Reference, Term
    from dcrnet.monitoring.models import MonthlyValue

    facility = Facility.objects.order_by("public_id").first()
    country = Country.objects.exclude(legal_basis="").order_by("code").first()
    highlight = Highlight.objects.order_by("-month").first()
    reference = Reference.objects.order_by("pk").first()
    outcome = Term.objects.filter(vocabulary="outcome").order_by("pk").first()
    reported = MonthlyValue.objects.order_by("pk").select_related("facility__country").first()
    pages = {
        "home": ("home", {}, ""),
        "directory": ("directory:list", {}, ""),
        "directory filtered": ("directory:list", {}, f"?country={facility.country.code}&sort=name"),
        "facility": ("directory:facility", {"public_id": facility.public_id}, ""),
        "map": ("directory:map", {}, ""),
        "countries": ("directory:countries", {}, ""),
        "country": ("directory:country", {"code": country.code}, ""),
        "highlights": ("directory:highlights", {}, ""),
        "evidence": ("evidence:search", {}, ""),
        "evidence search": ("evidence:search", {}, "?q=naloxone"),
        "reference": ("evidence:reference", {"pk": reference.pk}, ""),
        "outcome": ("evidence:outcome", {"slug": outcome.slug}, ""),
        "evidence map": ("evidence:map", {}, ""),
        "data": ("monitoring:index", {}, ""),
        "dictionary": ("monitoring:dictionary", {}, ""),
        "about": ("pages:page", {"slug": "about"}, ""),
        "what is a DCR": ("pages:page", {"slug": "what-is-a-dcr"}, ""),
        "DCR models": ("pages:page", {"slug": "dcr-models"}, ""),
        "suggest a reference": ("evidence:suggest", {}, ""),
        "sign in": ("account_login", {}, ""),
        "sign up": ("account_signup", {}, ""),
        "password reset": ("account_reset_password", {}, ""),
        "password reset sent": ("account_reset_password_done", {}, ""),
        "password reset link invalid": (
            "account_reset_password_from_key",
            {"uidb36": "0", "key": "not-a-key"},
            "",
        ),
        "password reset done": ("account_reset_password_from_key_done", {}, ""),
        "verification sent": ("account_email_verification_sent", {}, ""),
        "confirm address link invalid": ("account_confirm_email", {"key": "not-a-key"}, ""),
        "account inactive": ("account_inactive", {}, ""),
    }
    from dcrnet.documents.models import Document
    from dcrnet.guide.models import Step

    step = Step.objects.order_by("number").first()
    document = Document.objects.published().order_by("slug").first()
    assert step and document, "the demo needs the guide's steps and published documents"
    pages["guide"] = ("guide:index", {}, "")
    pages["guide step"] = ("guide:step", {"slug": step.slug}, "")
    pages["guide (print)"] = ("guide:print", {}, "")
    pages["documents"] = ("documents:list", {}, "")
    pages["document"] = ("documents:detail", {"slug": document.slug}, "")
    pages["experts"] = ("experts:directory", {}, "")
    pages["help"] = ("experts:help", {}, "")
    pages["ask for help"] = ("experts:ask", {}, f"?topic={step.expertise.slug}")
    # A POST (a dict of fields): the form again with its errors, in the page's language.
    pages["ask for help (form error)"] = ("experts:ask", {}, {"text": " ", "email": "x"})
    pages["help request sent"] = ("experts:sent", {}, "")
    from dcrnet.forum.models import Category
    from dcrnet.organisations.models import Organisation

    organisation = Organisation.objects.filter(status="approved").order_by("slug").first()
    pages["organisations"] = ("organisations:list", {}, "")
    pages["organisation"] = ("organisations:detail", {"slug": organisation.slug}, "")
    pages["forum"] = ("forum:index", {}, "")
    public = Category.objects.filter(public_readable=True).order_by("position").first()
    pages["forum category"] = ("forum:category", {"slug": public.slug}, "")
    if highlight is not None:
        pages["highlight"] = (
            "directory:highlight",
            {"year": highlight.month.year, "month": highlight.month.month},
            "",
        )
    if reported is not None:
        pages["facility data"] = (
            "monitoring:facility",
            {"public_id": reported.facility.public_id},
            "",
        )
        pages["country data"] = (
            "monitoring:country",
            {"code": reported.facility.country.code},
            "",
        )
    return pages


def load_demo() -> None:
    call_command("load_demo", stdout=StringIO())


# Each loads the demo once for the tests of a class (or once for a test outside any) and rolls
# it back after the last; the tests run in savepoints of it. A class uses one of them only.
@pytest.fixture(scope="class")
def public_demo_once(django_db_setup, django_db_blocker):
    with loaded_once(django_db_blocker, load_demo, DEBUG=False):
        yield


@pytest.fixture(scope="class")
def demo_with_accounts_once(django_db_setup, django_db_blocker):
    with loaded_once(django_db_blocker, load_demo, DEBUG=True):
        yield


@pytest.fixture
def demo(public_demo_once, db, settings):
    settings.DEBUG = False  # the public site, without the demo accounts' table


@pytest.fixture
def demo_with_accounts(demo_with_accounts_once, db, settings):
    """The demo with its accounts and demonstration threads (made only with DEBUG on), then the
    site as it runs in production."""
    settings.DEBUG = False


def signed_in_pages() -> dict[str, tuple[str | None, str, dict, str]]:
    """The pages of the people's sections (account, organisations, forum, moderation), each as
    the demo account that uses it (None: anonymous): name → (email, URL name, kwargs, query)."""
    from dcrnet.community.models import User
    from dcrnet.demo.accounts import DEMO_DOMAIN
    from dcrnet.forum import notifications
    from dcrnet.forum.models import Category, Post, PostStatus, Thread

    member, moderator, contact, staff = (
        f"{who}@{DEMO_DOMAIN}" for who in ("member", "moderator", "contact", "staff")
    )
    visible = Post.objects.filter(status=PostStatus.VISIBLE).order_by("pk")
    closed = Thread.objects.filter(category__public_readable=False).order_by("pk").first()
    public = Thread.objects.filter(category__public_readable=True).order_by("pk").first()
    assert closed and public, "the demo needs a thread in a members' and in a public category"
    own = visible.filter(author__email=member).first()
    assert own is not None, "the demo member needs a post of their own"
    post = visible.filter(thread=closed).exclude(author__email=member).first()
    handle = User.objects.get(email=member).handle
    unsubscribe = notifications.make_token(
        User.objects.get(email=member).pk, notifications.Reason.MENTION
    )
    category = Category.objects.filter(public_readable=False).order_by("position").first()
    return {
        "account": (member, "community:overview", {}, ""),
        "profile": (member, "community:profile", {}, ""),
        "consents": (member, "community:consents", {}, ""),
        "export (re-authentication)": (member, "community:export", {}, ""),
        "deletion (re-authentication)": (member, "community:delete", {}, ""),
        "re-authentication": (member, "account_reauthenticate", {}, ""),
        "email addresses": (member, "account_email", {}, ""),
        "change password": (member, "account_change_password", {}, ""),
        "two-factor authentication": (moderator, "mfa_index", {}, ""),
        "sessions": (member, "usersessions_list", {}, ""),
        "member": (contact, "members:member", {"handle": handle}, ""),
        "apply for an organisation": (member, "organisations:apply", {}, ""),
        "join": (member, "organisations:join", {}, ""),
        "my applications": (member, "organisations:mine", {}, ""),
        "membership applications": (contact, "organisations:membership_queue", {}, ""),
        "organisation applications": (staff, "organisations:organisation_queue", {}, ""),
        "forum (member)": (member, "forum:index", {}, ""),
        "subscriptions": (member, "forum:subscriptions", {}, ""),
        "members' category": (member, "forum:category", {"slug": category.slug}, ""),
        "thread": (member, "forum:thread", {"thread_id": closed.pk}, ""),
        "public thread (anonymous)": (None, "forum:thread", {"thread_id": public.pk}, ""),
        "new thread": (member, "forum:new_thread", {"slug": category.slug}, ""),
        "reply": (member, "forum:reply", {"thread_id": closed.pk}, ""),
        "edit a post": (member, "forum:edit", {"post_id": own.pk}, ""),
        "post history": (member, "forum:history", {"post_id": own.pk}, ""),
        "report a post": (member, "forum:report", {"post_id": post.pk}, ""),
        "unsubscribe (anonymous)": (None, "forum:unsubscribe", {"token": unsubscribe}, ""),
        "moderation queue": (moderator, "forum:moderation", {}, ""),
        "moderation log": (moderator, "forum:moderation_log", {}, ""),
        "moderation: a member": (moderator, "forum:moderation_member", {"handle": handle}, ""),
    }


def knowledge_pages() -> dict[str, tuple[str | None, str, dict, str]]:
    """The knowledge exchange's pages (documents, experts and help requests, planning) as the
    demo account that uses each, with what they show made through the apps' own services: a
    member's suggestion, two help requests routed to demo experts (one accepted and answered,
    one still invited), a listing request of the demo project, which is published for its
    public page. Name → (email, URL name, kwargs, query), None for anonymous."""
    from dcrnet.community.models import ExpertiseTag, User
    from dcrnet.demo.accounts import DEMO_DOMAIN
    from dcrnet.demo.knowledge import expert_email
    from dcrnet.documents import services as documents
    from dcrnet.documents.models import Topic
    from dcrnet.experts import services as experts
    from dcrnet.experts.models import Expert
    from dcrnet.planning import services as planning
    from dcrnet.planning.models import Project, StepWork

    member, editor, staff = (
        User.objects.get(email=f"{who}@{DEMO_DOMAIN}") for who in ("member", "editor", "staff")
    )
    answering = Expert.objects.get(user__email=expert_email("expert-consultation"))
    invited = Expert.objects.get(user__email=expert_email("expert-evaluation"))
    documents.suggest(
        member,
        fields={
            "title": "Test suggestion: house rules of a consumption room",
            "summary": "A suggestion made by this test.",
            "kind": "protocol",
            "perspective": "professional",
            "topic": Topic.objects.order_by("position").first(),
            "language": "en",
            "organisation": None,
            "country": "LU",
            "publisher": "",
            "licence": "",
            "source_url": "https://example.org/house-rules",
        },
        note="Suggested by this test.",
    )
    help_request = experts.submit_request(
        user=member,
        topic=ExpertiseTag.objects.get(slug="community-consultation"),
        language="en",
        country="LU",
        text="Test request: how do we start a good-neighbour group?",
    )
    experts.route(staff, help_request, [answering])
    second = experts.submit_request(
        user=member,
        topic=ExpertiseTag.objects.get(slug="funding"),
        language="en",
        text="Test request: who funds a first year?",
    )
    experts.route(staff, second, [invited])
    experts.decide(answering.user, help_request, accept=True)
    experts.post_message(help_request, "Test answer: invite residents early.", user=answering.user)
    project = Project.objects.get(is_demo=True, team__user=member)
    planning.request_listing(
        member, project.pk, name="Test listing request", city="Luxembourg", country="LU"
    )
    planning.set_published(member, project.pk, True)
    work = StepWork.objects.filter(project=project, comments__isnull=False).first()
    project_id = {"project_id": project.pk}
    member, editor, staff = member.email, editor.email, staff.email
    return {
        "expert (anonymous)": (
            None,
            "experts:expert",
            {"handle": answering.user.handle},
            "",
        ),
        "published planning project (anonymous)": (None, "planning:project", project_id, ""),
        "suggest a document": (member, "documents:suggest", {}, ""),
        "my suggestions": (member, "documents:mine", {}, ""),
        "document review queue": (editor, "documents:review", {}, ""),
        "become an expert": (member, "experts:join", {}, ""),
        "my expert profile": (answering.user.email, "experts:me", {}, ""),
        "requests to an expert": (invited.user.email, "experts:my_requests", {}, ""),
        "my help requests": (member, "experts:mine", {}, ""),
        "help conversation": (
            member,
            "experts:conversation",
            {"public_id": help_request.public_id},
            "",
        ),
        "help triage": (staff, "experts:triage", {}, ""),
        "help triage: a request": (
            staff,
            "experts:triage_request",
            {"public_id": help_request.public_id},
            "",
        ),
        "planning": (member, "planning:index", {}, ""),
        "planning project": (member, "planning:project", project_id, ""),
        "planning step": (
            member,
            "planning:step",
            {"project_id": project.pk, "slug": work.step.slug},
            "",
        ),
        "planning team": (member, "planning:team", project_id, ""),
        "planning export": (member, "planning:export", project_id, ""),
        "planning overview": (staff, "planning:overview", {}, ""),
        "listing requests": (editor, "planning:listings", {}, ""),
    }


def training_and_visit_pages() -> dict[str, tuple[str | None, str, dict, str]]:
    """The trainings' and exchange visits' pages from the demo's demonstration sessions (the
    demo organiser organises them; the member is confirmed in the hybrid one and attended the
    past one), its demonstration host (answered by the demo host contact) and its visits (the
    member's request, the contact's accepted visit). Name → (email, URL name, kwargs, query)."""
    from dcrnet.demo.accounts import DEMO_DOMAIN
    from dcrnet.demo.data.demonstration import HOST
    from dcrnet.demo.trainings import session_id
    from dcrnet.trainings.models import Training
    from dcrnet.visits.models import Visit, VisitStatus

    member, organiser, host_contact = (
        f"{who}@{DEMO_DOMAIN}" for who in ("member", "organiser", "host-contact")
    )
    on_site, hybrid, full, past, cancelled = (
        {"public_id": session_id(key)} for key in ("on-site", "hybrid", "full", "past", "cancelled")
    )
    training = Training.objects.get(slug="running-a-dcr")
    requested = Visit.objects.get(
        is_demo=True, requester__email=member, status=VisitStatus.REQUESTED
    )
    visit = {"public_id": requested.public_id}
    facility = {"facility": HOST["facility"]}
    return {
        "trainings": (None, "trainings:catalogue", {}, ""),
        "a training": (None, "trainings:training", {"slug": training.slug}, ""),
        "training sessions": (None, "trainings:sessions", {}, ""),
        "training sessions filtered": (None, "trainings:sessions", {}, "?format=online"),
        "past training sessions": (None, "trainings:past", {}, ""),
        "training session (anonymous)": (None, "trainings:session", on_site, ""),
        "cancelled training session (anonymous)": (None, "trainings:session", cancelled, ""),
        "training session (open to register)": (member, "trainings:session", on_site, ""),
        "training session (confirmed participant)": (member, "trainings:session", hybrid, ""),
        "training session (attended)": (member, "trainings:session", past, ""),
        "training session (organiser)": (organiser, "trainings:session", full, ""),
        "my trainings": (member, "trainings:mine", {}, ""),
        "my trainings (organiser)": (organiser, "trainings:mine", {}, ""),
        "register for a session": (member, "trainings:register", on_site, ""),
        "training certificate": (member, "trainings:certificate", past, ""),
        "session participants": (organiser, "trainings:participants", full, ""),
        "session participants (past)": (organiser, "trainings:participants", past, ""),
        "session attendance": (organiser, "trainings:attendance", past, ""),
        "session message": (organiser, "trainings:message", full, ""),
        "session questions": (organiser, "trainings:questions", on_site, ""),
        "edit a session": (organiser, "trainings:edit", on_site, ""),
        "cancel a session": (organiser, "trainings:cancel_session", full, ""),
        # POSTs (a dict of fields): the form again with its errors, in the page's language.
        "session message (form error)": (
            organiser,
            "trainings:message",
            full,
            {"subject": " ", "body": " "},
        ),
        "cancel a session (form error)": (
            organiser,
            "trainings:cancel_session",
            full,
            {"reason": " "},
        ),
        "visit hosts": (None, "visits:hosts", {}, ""),
        "visit hosts (member)": (member, "visits:hosts", {}, ""),
        "ask for a visit": (organiser, "visits:ask", facility, ""),
        "ask for a visit (already asked)": (member, "visits:ask", facility, ""),
        "a visit (requester)": (member, "visits:visit", visit, ""),
        "a visit (host contact)": (host_contact, "visits:visit", visit, ""),
        "my visits": (member, "visits:mine", {}, ""),
        "my visits (host contact)": (host_contact, "visits:mine", {}, ""),
        "host terms": (host_contact, "visits:host_edit", facility, ""),
        "ask for a visit (form error)": (
            organiser,
            "visits:ask",
            facility,
            {"first_date": "2000-01-02", "last_date": "2000-01-01", "group_size": "0"},
        ),
    }


def advocacy_policy_and_news_pages() -> dict[str, tuple[str | None, str, dict, str]]:
    """Advocacy's seeded initiatives (the demonstration one endorsed by the demo contact's
    organisation, waiting for staff, and signed by the member), the seeded policy events, and
    news articles the demo editor publishes with one click from a policy event and from a
    facility's status change (tagged with a tag of this test). Name → (email, URL name,
    kwargs, query)."""
    from dcrnet.advocacy import selectors as advocacy_selectors
    from dcrnet.advocacy import services as advocacy
    from dcrnet.advocacy.models import Initiative
    from dcrnet.community.models import User
    from dcrnet.demo.accounts import DEMO_DOMAIN
    from dcrnet.directory.models import StatusChange
    from dcrnet.news import services as news
    from dcrnet.news.models import Tag
    from dcrnet.policy.models import Event

    member, contact, editor, staff = (
        User.objects.get(email=f"{who}@{DEMO_DOMAIN}")
        for who in ("member", "contact", "editor", "staff")
    )
    initiative = Initiative.objects.get(slug="demonstration-dcrs-in-public-health")
    organisation = advocacy_selectors.contact_organisations(contact).first()
    assert organisation is not None, "the demo contact needs an organisation"
    advocacy.endorse(contact, initiative.pk, organisation.pk)
    advocacy.sign(member, initiative.pk, shown_as="handle")
    event = Event.objects.filter(published=True).order_by("-date", "pk").first()
    change = (
        StatusChange.objects.filter(facility__published=True, status="open")
        .order_by("-date", "pk")
        .first()
    )
    assert event and change, "the demo needs a policy event and a facility's status change"
    from_event, _created = news.publish_event(event, by=editor)
    from_change, _created = news.publish_status_change(change, by=editor)
    tag = Tag.objects.create(
        slug="openings",
        name_en="Test tag: openings",
        name_fr="Étiquette de test : ouvertures",
        name_de="Test-Schlagwort: Eröffnungen",
        name_nl="Testlabel: openingen",
        name_es="Etiqueta de prueba: aperturas",
    )
    from_event.tags.add(tag)
    from_change.tags.add(tag)
    month = {"year": from_event.published_at.year, "month": from_event.published_at.month}
    return {
        "initiatives": (None, "advocacy:list", {}, ""),
        "initiative": (None, "advocacy:detail", {"slug": initiative.slug}, ""),
        "initiative (signed)": (member.email, "advocacy:detail", {"slug": initiative.slug}, ""),
        "initiative (contact person)": (
            contact.email,
            "advocacy:detail",
            {"slug": initiative.slug},
            "",
        ),
        "sign an initiative (form error)": (
            contact.email,
            "advocacy:sign",
            {"slug": initiative.slug},
            {"shown_as": "nobody"},
        ),
        "endorsement review": (staff.email, "advocacy:review", {}, ""),
        "policy timeline": (None, "policy:timeline", {}, ""),
        "policy event": (None, "policy:event", {"pk": event.pk}, ""),
        "news": (None, "news:index", {}, ""),
        "news article (policy event)": (None, "news:article", {"slug": from_event.slug}, ""),
        "news article (status change)": (None, "news:article", {"slug": from_change.slug}, ""),
        "news tag": (None, "news:tag", {"slug": tag.slug}, ""),
        "news year": (None, "news:year", {"year": month["year"]}, ""),
        "news month": (None, "news:month", month, ""),
        "newsroom": (editor.email, "news:newsroom", {}, ""),
    }


def render_all(pages: dict) -> dict[str, dict[str, str]]:
    """Each page in each language; a value of four items names the account that opens it (a
    redirect, e.g. to re-authentication, is followed and must stay in the language); a query
    that is a dict is sent as a POST whose form has errors (the page must answer 400)."""
    from dcrnet.community.models import User

    clients: dict[str | None, Client] = {}
    rendered = defaultdict(dict)
    for name, value in pages.items():
        email, (url_name, kwargs, query) = (
            (value[0], value[1:]) if len(value) == 4 else (None, value)
        )
        if email not in clients:
            clients[email] = Client()
            if email is not None:
                clients[email].force_login(User.objects.get(email=email))
        client = clients[email]
        for language in ["en", *OTHERS]:
            if isinstance(query, dict):  # a form sent with errors: shown again, status 400
                with translation.override(language):
                    url = reverse(url_name, kwargs=kwargs)
                response = client.post(url, query, follow=True)
                assert response.status_code == 400, f"POST {url}: {response.status_code}"
            else:
                with translation.override(language):
                    url = reverse(url_name, kwargs=kwargs) + query
                response = client.get(url, follow=True)
                assert response.status_code == 200, f"{url}: {response.status_code}"
            landed = response.request["PATH_INFO"]
            assert language == "en" or landed.startswith(f"/{language}/"), f"{url} → {landed}"
            rendered[name][language] = response.content.decode()
    return rendered


def our_translations(language: str) -> set[str]:
    """What our catalogues in `language` write (as a label shows it too, first letter capital)."""
    found = set()
    for po in our_catalogues(language):
        for entry in po:
            for text in (entry.msgstr, *entry.msgstr_plural.values()):
                text = " ".join(text.split())
                if text:
                    found.update({text, text[:1].upper() + text[1:]})
    return found


def english_left(rendered: dict[str, dict[str, str]]) -> list[str]:
    strings = stored_strings()
    stored, everything = set(strings), "\n".join(strings)
    problems = []
    for language in OTHERS:
        filled = filled_patterns(language)
        ours = our_translations(language)
        with translation.override(language):
            for name, by_language in rendered.items():
                seen = set()
                for text, where in texts(by_language[language], language):
                    bare = text.strip(PUNCTUATION)
                    if (text, where) in seen or bare in stored or bare in everything:
                        # Content ("Luxembourg" the city, a paragraph of a facility's history
                        # that reads like "… opened in …"), not the interface.
                        continue
                    seen.add((text, where))
                    if text in ours and translation.gettext(text) != text:
                        # A word of the language that is also an English msgid translated
                        # otherwise: French "Type" (for "kind"), not English "Type" (evidence's
                        # "Type de publication").
                        continue
                    if translation.gettext(text) != text:
                        problems.append(f"{language} {name}: {where} {text!r} is not translated")
                    elif filled is not None and filled.fullmatch(text):
                        problems.append(f"{language} {name}: {where} {text!r} is English")
    return problems


def country_names() -> set[str]:
    """The countries' names in our five languages (django-countries' own catalogues: "Sri Lanka"
    is written the same in all five)."""
    from django_countries import countries

    found = set()
    for language in ["en", *OTHERS]:
        with translation.override(language):
            found.update(str(name) for _code, name in countries)
    return found


POST_NUMBER = re.compile(r"\s#\d+$")  # "<thread title> #3": a post of a thread
# A session's time zone as its IANA name and UTC offset ("Europe/Brussels, UTC+01:00"):
# identifiers, written the same in every language.
ZONE = re.compile(r"\b[A-Z][A-Za-z_]+(?:/[A-Za-z_+-]+)+\b")
UTC_OFFSET = re.compile(r"\bUTC[+−-]\d\d:\d\d\b")


def without_identifiers(text: str) -> str:
    """The text without IANA time zone names and UTC offsets."""
    zones = zoneinfo.available_timezones()
    text = ZONE.sub(lambda found: "" if found.group() in zones else found.group(), text)
    return UTC_OFFSET.sub("", text)


def content(text: str, stored: str, names: set[str]) -> bool:
    """Database content: a stored text, part of one, or made of names only (an author list, a
    city and its country)."""
    bare = POST_NUMBER.sub("", text).strip(PUNCTUATION)
    return (
        bare in stored
        or bare.startswith(("/", "http"))
        or all(word.casefold() in names for word in WORD.findall(bare))
    )


def unmarked(rendered: dict[str, dict[str, str]]) -> set[str]:
    marked = our_msgids() | country_names()
    strings = stored_strings()
    stored, names = "\n".join(strings), name_words(strings)
    problems = set()
    for name, by_language in rendered.items():
        per_language = [
            {text for text, _where in texts(html, language)}
            for language, html in by_language.items()
        ]
        for text in set.intersection(*per_language):
            if (
                len(WORD.findall(without_identifiers(text))) < 2
                or text in marked
                or text in SAME_EVERYWHERE
                or content(text, stored, names)
            ):
                continue
            problems.add(f"{name}: {text!r} is the same in all five languages")
    return problems


class TestThePublicDemo:
    """The public pages, from the public demo loaded once for the tests of this class (each
    test runs in a savepoint of it)."""

    def test_no_english_interface_string_is_left_on_any_page(self, demo):
        problems = english_left(render_all(public_pages()))
        assert not problems, f"{len(problems)} English strings:\n" + "\n".join(
            sorted(problems)[:150]
        )

    def test_no_page_has_an_unmarked_string(self, demo):
        problems = unmarked(render_all(public_pages()))
        assert not problems, f"{len(problems)} unmarked strings:\n" + "\n".join(
            sorted(problems)[:150]
        )


class TestTheDemoWithItsAccounts:
    """The people's sections, from the demo with its accounts loaded once for the tests of this
    class (each test runs in a savepoint of it: what one publishes is gone for the next)."""

    def test_no_english_interface_string_is_left_on_the_account_organisation_and_forum_pages(
        self,
        demo_with_accounts,
    ):
        """Both checks on the pages of signed-in people (and the forum's anonymous ones)."""
        rendered = render_all(signed_in_pages())
        problems = english_left(rendered)
        assert not problems, f"{len(problems)} English strings:\n" + "\n".join(
            sorted(problems)[:150]
        )
        problems = unmarked(rendered)
        assert not problems, f"{len(problems)} unmarked strings:\n" + "\n".join(
            sorted(problems)[:150]
        )

    def test_no_english_interface_string_is_left_on_the_knowledge_exchange_pages(
        self, demo_with_accounts
    ):
        """Both checks on the pages of documents, experts, help requests and planning that need an
        account or content the public demo does not have (an expert, a published project)."""
        rendered = render_all(knowledge_pages())
        problems = english_left(rendered)
        assert not problems, f"{len(problems)} English strings:\n" + "\n".join(
            sorted(problems)[:150]
        )
        problems = unmarked(rendered)
        assert not problems, f"{len(problems)} unmarked strings:\n" + "\n".join(
            sorted(problems)[:150]
        )

    def test_no_english_interface_string_is_left_on_the_training_and_visit_pages(
        self,
        demo_with_accounts,
    ):
        """Both checks on the trainings' pages (the catalogue, sessions as anonymous,
        participant and organiser, registration, certificate, the organisers' pages) and the
        exchange visits'."""
        rendered = render_all(training_and_visit_pages())
        problems = english_left(rendered)
        assert not problems, f"{len(problems)} English strings:\n" + "\n".join(
            sorted(problems)[:150]
        )
        problems = unmarked(rendered)
        assert not problems, f"{len(problems)} unmarked strings:\n" + "\n".join(
            sorted(problems)[:150]
        )

    def test_no_english_interface_string_is_left_on_the_advocacy_policy_and_news_pages(
        self,
        demo_with_accounts,
    ):
        """Both checks on the initiatives (with an endorsement waiting for staff), the policy
        tracker, and news articles published from an event and a status change."""
        rendered = render_all(advocacy_policy_and_news_pages())
        problems = english_left(rendered)
        assert not problems, f"{len(problems)} English strings:\n" + "\n".join(
            sorted(problems)[:150]
        )
        problems = unmarked(rendered)
        assert not problems, f"{len(problems)} unmarked strings:\n" + "\n".join(
            sorted(problems)[:150]
        )
