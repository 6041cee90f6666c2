"""The demo's organisations, forum categories, demonstration threads and forum-role accounts."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from urllib.parse import urlsplit

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from dcrnet.community.models import Profile, Role, User
from dcrnet.demo import loader
from dcrnet.demo.accounts import ACCOUNTS, CONTACT_ORGANISATION, load_accounts
from dcrnet.demo.data.forum import CATEGORIES, DEMO_LINE, THREADS
from dcrnet.demo.data.organisations import DEMO_NOTE
from dcrnet.demo.data.sources import SOURCES
from dcrnet.demo.loader import Tally
from dcrnet.demo.management.commands import load_demo as command
from dcrnet.demo.tests.once import loaded_once
from dcrnet.directory.models import Facility
from dcrnet.forum.models import Category, Post, Thread
from dcrnet.organisations.models import Membership, Organisation

pytestmark = pytest.mark.django_db
# The facilities whose operators data/organisations.py lists: those of the first demo file.
CORE = json.loads((loader.FACILITY_FILES / "core.json").read_text(encoding="utf-8"))["facilities"]
SOURCE_URLS = {url for _, url in SOURCES.values()}
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def load_forum_demo() -> Tally:
    """What the forum's demo needs, without the slow steps (references, monitoring)."""
    tally = Tally()
    for step in (
        loader.load_countries,
        loader.load_facilities,
        loader.load_organisations,
        loader.load_categories,
        load_accounts,
        loader.load_threads,
    ):
        step(tally)
    return tally


@pytest.fixture(scope="class")
def forum_demo_once(django_db_setup, django_db_blocker):
    """The forum's demo (DEBUG on: with the demo accounts and their threads), loaded once for
    the tests of a class and rolled back after its last."""
    with loaded_once(django_db_blocker, load_forum_demo, DEBUG=True) as tally:
        yield tally


@pytest.fixture
def forum_demo(forum_demo_once, settings) -> Tally:
    settings.DEBUG = True  # the demo accounts sign in only with DEBUG on
    return forum_demo_once


@pytest.fixture
def quick_command(monkeypatch):
    """`load_demo` without its slow steps (the references and the monitoring figures, which
    test_load_demo covers): what these tests look at does not depend on them."""
    monkeypatch.setattr(
        command,
        "LOADERS",
        [s for s in command.LOADERS if s not in (command.load_references, command.load_monitoring)],
    )


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def state() -> dict:
    """Every row (all fields) of the apps the forum demo writes, history tables included."""
    rows = {}
    for app in ("organisations", "forum", "community"):
        for model in apps.get_app_config(app).get_models():
            rows[model._meta.label] = sorted(map(repr, model._default_manager.values_list()))
    rows["memberships of organisations"] = sorted(
        Organisation.facilities.through.objects.values_list("organisation_id", "facility_id")
    )
    return rows


def test_a_second_load_demo_changes_nothing(settings, quick_command):
    settings.DEBUG = True
    load_demo()
    before = state()
    out = load_demo()
    assert "Demo data already up to date: nothing changed." in out
    for label in ("organisations", "forum categories", "threads", "posts", "demo accounts"):
        line = next(line for line in out.splitlines() if line.startswith(f"{label}:"))
        assert " 0 created, 0 updated," in line, line
    assert state() == before


def test_no_thread_is_loaded_without_the_demo_accounts(settings, quick_command):
    settings.DEBUG = False
    load_demo()
    assert Category.objects.count() == len(CATEGORIES)
    assert Organisation.objects.exists()
    assert not Thread.objects.exists()


class TestTheLoadedForumDemo:
    """The forum's demo, loaded once for the tests of this class: each runs in a savepoint of it,
    so what one changes (a reply, a removed thread, a sign-in) is gone for the next."""

    def test_every_organisation_is_approved_and_has_a_source_of_the_demo_data(self, forum_demo):
        organisations = list(Organisation.objects.all())
        assert len(organisations) >= 20
        for organisation in organisations:
            assert organisation.status == "approved", organisation
            assert organisation.source in SOURCE_URLS, organisation
            assert organisation.statement.startswith(DEMO_NOTE), organisation
            assert organisation.decided_at is not None
            if organisation.website:  # only an organisation's own site that a source is a page of
                host = urlsplit(organisation.website).netloc
                assert any(urlsplit(url).netloc == host for url in SOURCE_URLS), organisation

    def test_every_operator_of_a_facility_is_an_organisation_linked_to_it(self, forum_demo):
        for row in CORE:
            if not row.get("operator"):
                continue
            facility = Facility.objects.get(public_id=row["public_id"])
            linked = list(facility.organisations.all())
            assert linked, row["operator"]
            for organisation in linked:
                assert organisation.name in row["operator"], (organisation, row["operator"])
                assert organisation.country.code == row["country"]
                assert organisation.kind == "dcr operator"
                assert f"Operates {row['name']}" in organisation.statement or row["name"] in (
                    organisation.statement
                )
                # The source that names the operator is one the facility cites.
                assert organisation.source in row["description"] or any(
                    organisation.source in other.description
                    for other in organisation.facilities.all()
                )
        assert Organisation.objects.get(slug="fixpunkt").facilities.count() == 2
        assert {
            o.slug for o in Facility.objects.get(public_id="pt-lisbon-mobile").organisations.all()
        } == {
            "medicos-do-mundo",
            "gat",
        }

    def test_indcr_is_an_organisation_with_its_own_website(self, forum_demo):
        indcr = Organisation.objects.get(slug="indcr")
        assert indcr.kind == "ngo"
        assert indcr.website == SOURCES["indcr-home"][1]
        assert indcr.source == SOURCES["indcr-about"][1]
        assert "2011" in indcr.statement and "2007" in indcr.statement  # the two dates conflict
        assert not indcr.facilities.exists()

    def test_the_six_categories_are_named_and_described_in_every_language(self, forum_demo):
        assert len(LANGUAGES) == 5
        categories = list(Category.objects.order_by("position"))
        assert [c.name_en for c in categories] == [
            "Running a DCR",
            "The user perspective",
            "Research and evaluation",
            "Advocacy and policy",
            "Planning a new DCR",
            "Drug market and alerts",
        ]
        for category in categories:
            for language in LANGUAGES:
                assert getattr(category, f"name_{language}"), (category.slug, language)
                assert getattr(category, f"description_{language}"), (category.slug, language)
                if language != "en":
                    assert getattr(category, f"name_{language}") != category.name_en
                    assert getattr(category, f"description_{language}") != category.description_en

    def test_only_planning_and_research_are_public_readable(self, forum_demo):
        public = set(Category.objects.filter(public_readable=True).values_list("slug", flat=True))
        assert public == {"planning-a-new-dcr", "research-and-evaluation"}

    def test_the_demonstration_threads_are_marked_and_written_by_demo_accounts(self, forum_demo):
        threads = list(Thread.objects.all())
        assert len(threads) == len(THREADS) >= 4
        assert all(thread.is_demo for thread in threads)
        for thread in threads:
            posts = list(thread.posts.order_by("number"))
            assert len(posts) >= 2
            assert posts[0].body.startswith(DEMO_LINE)
            assert thread.author == posts[0].author
            assert all(post.author.is_demo for post in posts)
            assert thread.post_count == len(posts)
            assert thread.last_post_at == posts[-1].created_at
        for category in Category.objects.all():
            mine = Thread.objects.filter(category=category)
            assert category.thread_count == mine.count()
            assert category.post_count == Post.objects.filter(thread__category=category).count()

    def test_every_figure_in_a_thread_comes_with_a_source_link(self, forum_demo):
        """A post that states a number (beyond a date) links a source: no invented figures."""
        for post in Post.objects.all():
            text = post.body.replace(DEMO_LINE, "")
            digits = any(ch.isdigit() for ch in text.replace("2020", "").replace("2009", ""))
            if digits:
                assert "](http" in text, post

    def test_a_removed_thread_goes_and_a_reply_someone_added_stays(self, forum_demo):
        thread = Thread.objects.get(title=THREADS[0]["title"])
        member = User.objects.get(email__startswith="member@")
        Post.objects.create(thread=thread, number=99, author=member, body="A reply of my own.")
        stale = Thread.objects.create(
            category=thread.category,
            title="An old demo thread",
            is_demo=True,
            last_post_at=thread.last_post_at,
        )
        tally = Tally()
        loader.load_threads(tally)
        assert not Thread.objects.filter(pk=stale.pk).exists()
        assert tally.counts["threads"]["removed"] == 1
        assert thread.posts.filter(number=99).exists()
        thread.refresh_from_db()
        assert thread.post_count == len(THREADS[0]["posts"]) + 1

    def test_the_forum_roles_have_what_their_role_needs(self, forum_demo):
        by_email = {a.email.split("@")[0]: a for a in ACCOUNTS}
        member = User.objects.get(email=by_email["member"].email)
        membership = Membership.objects.get(user=member)
        assert (membership.organisation, membership.role, membership.status) == (
            None,
            "member",
            "approved",
        )
        assert member.has_role(Role.MEMBER)
        assert Profile.objects.filter(user=member).exists()
        assert member.handle == "demo-member"

        contact = User.objects.get(email=by_email["contact"].email)
        membership = Membership.objects.get(user=contact)
        assert membership.organisation.slug == CONTACT_ORGANISATION
        assert (membership.role, membership.status) == ("contact", "approved")
        assert contact.has_role(Role.MEMBER)

        moderator = User.objects.get(email=by_email["moderator"].email)
        assert moderator.has_perm("forum.moderate")
        assert not member.has_perm("forum.moderate") and not contact.has_perm("forum.moderate")
        # The contact and the moderator must use a second factor, and have the published secret.
        needing = set(User.objects.needing_mfa().values_list("email", flat=True))
        assert {contact.email, moderator.email} <= needing
        assert member.email not in needing
        for account in ACCOUNTS:
            user = User.objects.get(email=account.email)
            assert user.handle != account.email.split("@")[0]
            if account.kind in ("organiser", "host contact"):
                # They need it once the trainings and visits demo makes them what they are
                # (test_demo_trainings); their secret is set with the account all the same.
                assert account.totp_secret
                continue
            assert bool(account.totp_secret) == (user.email in needing), account.email

    @pytest.mark.parametrize("account", ACCOUNTS, ids=lambda a: a.name)
    def test_every_demo_account_signs_in(self, forum_demo, account):
        now = dt.datetime.now(tz=dt.UTC)
        with time_machine.travel(now, tick=False):
            client = Client()
            response = client.post(
                "/accounts/login/", {"login": account.email, "password": account.password}
            )
            if account.totp_secret:
                assert response["Location"] == "/accounts/2fa/authenticate/"
                code = format_hotp_value(
                    hotp_value(account.totp_secret, int(now.timestamp()) // 30)
                )
                response = client.post("/accounts/2fa/authenticate/", {"code": code})
            assert response.status_code == 302
            assert response["Location"] == "/"
            assert int(client.session["_auth_user_id"]) == User.objects.get(email=account.email).pk
