"""The trainings and visits demo content (issue #12): the catalogue from the facts in five
languages, always; with DEBUG on only, demonstration sessions, a demonstration visit host with
its contact and visits, and the demo accounts "organiser" and "host contact"."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from dcrnet.community.models import DEMO_EMAIL_DOMAIN, User
from dcrnet.demo.data.demonstration import SESSIONS
from dcrnet.demo.data.knowledge_sources import ALL_SOURCES
from dcrnet.demo.data.trainings import CATALOGUE, NONE_PUBLISHED, OWN_PACE, TO_BE_AGREED
from dcrnet.demo.loader import Tally
from dcrnet.demo.management.commands import load_demo
from dcrnet.demo.tests.once import loaded_once
from dcrnet.demo.tests.test_demo_knowledge import figures, links
from dcrnet.demo.trainings import load_sessions
from dcrnet.demo.visits import load_visits
from dcrnet.evidence.demo import MARKER
from dcrnet.trainings.models import TRAINING_TEXT, Registration, Session, Training
from dcrnet.visits.models import Host, Visit

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "de", "nl", "es")
SOURCE_URLS = {url for _title, url in ALL_SOURCES.values()}
# Apps whose rows the trainings and visits demo writes (community: the demo accounts).
APPS = ("trainings", "visits", "community", "organisations")
NETWORK_TRAININGS = {
    "running-a-dcr": "running-a-dcr",
    "health-prevention-in-a-dcr": "health-prevention",
    "cost-effectiveness": "cost-effectiveness",
}
ORGANISER = f"organiser@{DEMO_EMAIL_DOMAIN}"
HOST_CONTACT = f"host-contact@{DEMO_EMAIL_DOMAIN}"
MEMBER = f"member@{DEMO_EMAIL_DOMAIN}"


@pytest.fixture(autouse=True, scope="module")
def _without_monitoring():
    """The demo without its 11,000 monitoring values, which nothing here reads."""
    steps = [step for step in load_demo.LOADERS if step is not load_demo.load_monitoring]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_demo, "LOADERS", steps)
        yield


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


# Each fixture loads the demo once for the tests of a class (or once for a test outside any) and
# rolls it back after the last; the tests run in savepoints of it. A class uses one of them only.
@pytest.fixture(scope="class")
def demo_once(django_db_setup, django_db_blocker):
    with loaded_once(django_db_blocker, load, DEBUG=False) as output:
        yield output


@pytest.fixture(scope="class")
def debug_demo_once(django_db_setup, django_db_blocker):
    with loaded_once(django_db_blocker, load, DEBUG=True) as output:
        yield output


@pytest.fixture
def loaded(demo_once, settings) -> str:
    settings.DEBUG = False
    return demo_once


@pytest.fixture
def loaded_debug(debug_demo_once, settings) -> str:
    settings.DEBUG = True
    return debug_demo_once


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in APPS
        for model in apps.get_app_config(app).get_models()
    }


def demonstration_rows() -> dict[str, int]:
    return {
        "sessions": Session.objects.filter(is_demo=True).count(),
        "hosts": Host.objects.count(),
        "visits": Visit.objects.count(),
        "registrations": Registration.objects.count(),
        "organiser and host contact": User.objects.filter(
            email__in=[ORGANISER, HOST_CONTACT]
        ).count(),
    }


def test_translations_keep_the_english_links_and_figures():
    for row in CATALOGUE:
        english = row["text"]["en"]
        for code in LANGUAGES[1:]:
            text = row["text"][code]
            for field in ("title", "summary", "outcomes"):
                assert sorted(links(text[field])) == sorted(links(english[field])), (
                    row["slug"],
                    field,
                    code,
                )
                assert figures(text[field]) == figures(english[field]), (row["slug"], field, code)


def test_french_puts_a_no_break_space_before_high_punctuation():
    for row in CATALOGUE:
        for field, text in row["text"]["fr"].items():
            # Link addresses, and English titles quoted in italics, keep their own typography.
            prose = re.sub(r"\]\([^)]*\)|\*[^*]+\*", "]", text)
            assert not re.search(r"[ \t\n][:;?!]", prose), (row["slug"], field)
            assert not re.search(r"[^\s\u00a0\d(/][:;?!]", prose), (row["slug"], field)


def test_no_duration_is_invented():
    """The facts give no duration: the network's trainings are to be agreed, material read at
    its source goes at the reader's pace."""
    for row in CATALOGUE:
        for code in LANGUAGES:
            duration = row["text"][code]["duration"]
            assert duration in (TO_BE_AGREED[code], OWN_PACE[code]), (row["slug"], code)
            assert not re.search(r"\d", duration), (row["slug"], code)


@pytest.mark.parametrize("step", [load_sessions, load_visits])
def test_the_demonstration_steps_refuse_to_run_without_debug(settings, step):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        step(Tally())
    assert not Session.objects.exists() and not Visit.objects.exists()


def sessions() -> dict[str, Session]:
    """The demonstration sessions by the key of the data."""
    from dcrnet.demo.trainings import session_id

    return {row["key"]: Session.objects.get(public_id=session_id(row["key"])) for row in SESSIONS}


class TestTheDemoLoadedWithoutDebug:
    """The catalogue and nothing of the demonstration, as production loads them (DEBUG off),
    loaded once for the tests of this class."""

    def test_the_catalogue_is_in_five_languages_with_its_sources(self, loaded):
        trainings = list(Training.objects.all())
        assert {t.slug for t in trainings} == {row["slug"] for row in CATALOGUE}
        for training in trainings:
            assert training.published and not training.is_demo, training.slug
            assert training.source_url in SOURCE_URLS and training.source_note, training.slug
            for code in LANGUAGES:
                for field in TRAINING_TEXT:
                    assert getattr(training, f"{field}_{code}"), (training.slug, field, code)
                assert set(links(getattr(training, f"summary_{code}"))) <= SOURCE_URLS
            assert training.steps.exists(), training.slug

    def test_the_networks_trainings_say_it_published_no_description(self, loaded):
        for slug, tag in NETWORK_TRAININGS.items():
            training = Training.objects.get(slug=slug)
            assert training.topic.slug == tag
            assert training.format == "on_site" and training.provider == ""
            assert training.source_url == ALL_SOURCES["indcr-home"][1]
            assert "without a published description" in training.source_note
            assert "published no description" in training.summary_en
            for code in LANGUAGES:
                assert getattr(training, f"duration_{code}") == TO_BE_AGREED[code]
                assert getattr(training, f"prerequisites_{code}") == NONE_PUBLISHED[code]
        help_ = Training.objects.get(slug="how-to-help-for-new-dcrs")
        assert help_.steps.count() == 10 and "our experts" in help_.source_note

    def test_the_learning_material_links_its_source_steps_documents_and_evidence(self, loaded):
        module_2 = Training.objects.get(slug="solid-exceed-dcr-module-2")
        assert module_2.provider == "SOLID-EXCEED" and module_2.format == "online"
        assert "7.41" in module_2.summary_en and "7,41" in module_2.summary_fr
        assert {"site-selection", "legal-route"} <= set(
            module_2.steps.values_list("slug", flat=True)
        )
        assert "module-1" in Training.objects.get(slug="solid-exceed-dcr-module-1").source_url
        consultation = Training.objects.get(slug="community-consultation-guidance")
        assert consultation.topic.slug == "community-consultation"
        assert list(consultation.documents.values_list("slug", flat=True)) == [
            "dr-peter-centre-community-consultation"
        ]
        bccsu = Training.objects.get(slug="bccsu-operational-guidance")
        assert bccsu.documents.get().source_url == bccsu.source_url
        cost = Training.objects.get(slug="cost-effectiveness")
        assert {f"{MARKER}51.", f"{MARKER}66."} <= {
            ref.notes.split(".", 1)[0] + "." for ref in cost.references.all()
        }
        assert set(
            Training.objects.get(slug="munduko-medikuak-good-practice-manual").languages
        ) == {"es"}

    def test_without_debug_there_is_the_catalogue_and_nothing_of_the_demonstration(self, loaded):
        assert Training.objects.count() == len(CATALOGUE)
        assert demonstration_rows() == dict.fromkeys(demonstration_rows(), 0)
        assert "organiser" not in loaded and "host-contact" not in loaded

    def test_without_debug_a_second_run_writes_nothing(self, loaded):
        before = row_counts()
        updated = dict(Training.objects.values_list("slug", "updated_at"))
        output = load()
        assert row_counts() == before
        assert dict(Training.objects.values_list("slug", "updated_at")) == updated
        assert "trainings: 0 created, 0 updated, 12 unchanged" in output

    def test_a_changed_catalogue_entry_is_put_back(self, loaded):
        Training.objects.filter(slug="cost-effectiveness").update(duration_fr="deux jours")
        output = load()
        assert Training.objects.get(slug="cost-effectiveness").duration_fr == TO_BE_AGREED["fr"]
        assert "trainings: 0 created, 1 updated" in output


class TestTheDemoLoadedWithDebug:
    """The demonstration sessions, visit host and visits (DEBUG on), loaded once for the tests
    of this class."""

    def test_every_demonstration_session_is_marked_and_run_by_the_demo_organiser(
        self, loaded_debug
    ):
        organiser = User.objects.get(email=ORGANISER)
        assert Session.objects.count() == len(SESSIONS)
        for session in Session.objects.all():
            assert session.is_demo and session.trainers.startswith("Demonstration trainer")
            assert list(session.organisers.all()) == [organiser]
            assert not session.training.is_demo  # a real catalogue entry
        on_site = sessions()["on-site"]
        assert on_site.facility.public_id == "be-brussels-gate"
        assert on_site.address.startswith("Demonstration session")
        assert on_site.questions.get().text.startswith("Demonstration question")

    def test_there_are_upcoming_sessions_on_site_online_and_hybrid(self, loaded_debug):
        now = timezone.now()
        by_key = sessions()
        upcoming = {key: s for key, s in by_key.items() if s.starts_at > now}
        assert {s.format for s in upcoming.values() if not s.is_cancelled} == {
            "on_site",
            "online",
            "hybrid",
        }
        for session in upcoming.values():
            assert session.registration_deadline > now
            session.full_clean()
        assert by_key["online"].online_url.startswith("https://meeting.demo.dcrnet.invalid/")

    def test_one_small_session_is_full_with_a_wait_list(self, loaded_debug):
        full = sessions()["full"]
        assert full.capacity == 2
        assert full.registrations.confirmed().count() == 2
        assert [r.user.email for r in full.registrations.waitlist()] == [
            f"expert-operations@{DEMO_EMAIL_DOMAIN}"
        ]

    def test_the_past_session_has_the_demo_members_attendance(self, loaded_debug):
        past = sessions()["past"]
        assert past.ends_at < timezone.now()
        mine = past.registrations.get(user__email=MEMBER)
        assert mine.status == "confirmed" and mine.attended is True
        assert mine.registered_at <= past.registration_deadline
        assert (
            past.registrations.get(user__email__startswith="expert-operations@").attended is False
        )

    def test_one_session_is_cancelled_with_a_demonstration_reason(self, loaded_debug):
        cancelled = sessions()["cancelled"]
        assert cancelled.is_cancelled and cancelled.sequence == 1
        assert cancelled.cancellation_reason.startswith("Demonstration")
        assert Session.objects.filter(status="cancelled").count() == 1

    def test_the_upcoming_sessions_move_with_the_date_of_the_load(self, loaded_debug):
        member = User.objects.get(email=MEMBER)
        later = timezone.now() + dt.timedelta(days=60)
        with time_machine.travel(later, tick=False):
            load()
            for key, session in sessions().items():
                if key == "past":
                    assert session.ends_at < later
                else:
                    assert session.starts_at > later, key
            assert sessions()["past"].registrations.get(user=member).attended is True
        assert Session.objects.count() == len(SESSIONS)

    def test_a_real_facility_has_demonstration_terms_and_the_demo_host_contact(self, loaded_debug):
        host = Host.objects.select_related("facility").get()
        assert host.is_demo and host.facility.public_id == "be-brussels-gate"
        assert host.availability.startswith("Demonstration terms, not the facility's real terms")
        assert (
            host.notes.startswith("Demonstration entry") and "not the facility's real" in host.notes
        )
        assert list(host.contacts.values_list("email", flat=True)) == [HOST_CONTACT]

    def test_the_demo_member_asked_for_a_visit_and_another_visit_is_accepted(self, loaded_debug):
        requested = Visit.objects.get(status="requested")
        assert requested.requester.email == MEMBER and requested.is_demo
        assert requested.purpose.startswith("Demonstration request")
        assert requested.first_date > timezone.localdate()
        accepted = Visit.objects.get(status="accepted")
        assert accepted.is_demo and accepted.decided_by.email == HOST_CONTACT
        assert accepted.requester.email == f"contact@{DEMO_EMAIL_DOMAIN}"
        assert accepted.organisation.slug == "fixpunkt"
        assert accepted.host_message.startswith("Demonstration answer")
        assert not Visit.objects.public().exists()
        # Made through the visits' services: the request, then the host's answer.
        assert list(accepted.events.values_list("kind", flat=True)) == ["requested", "accepted"]

    def test_a_demonstration_visit_answered_meanwhile_is_asked_for_again(self, loaded_debug):
        Visit.objects.filter(status="requested").update(status="withdrawn")
        output = load()
        assert "demonstration visits: 1 created, 0 updated, 1 unchanged, 1 removed" in output
        assert Visit.objects.filter(status="requested", requester__email=MEMBER).count() == 1
        assert Visit.objects.count() == 2

    def test_the_organiser_and_the_host_contact_must_and_can_use_their_second_factor(
        self, loaded_debug
    ):
        from dcrnet.community.roles import lacks_mfa, needs_mfa

        for email in (ORGANISER, HOST_CONTACT):
            user = User.objects.get(email=email)
            assert needs_mfa(user) and not lacks_mfa(user), email
        assert not needs_mfa(User.objects.get(email=MEMBER))

    def test_with_debug_a_second_run_writes_nothing(self, loaded_debug):
        before = row_counts()
        updated = {
            "trainings": dict(Training.objects.values_list("slug", "updated_at")),
            "sessions": dict(Session.objects.values_list("public_id", "updated_at")),
            "hosts": dict(Host.objects.values_list("pk", "updated_at")),
            "visits": dict(Visit.objects.values_list("public_id", "updated_at")),
        }
        output = load()
        assert row_counts() == before
        assert dict(Training.objects.values_list("slug", "updated_at")) == updated["trainings"]
        assert dict(Session.objects.values_list("public_id", "updated_at")) == updated["sessions"]
        assert dict(Host.objects.values_list("pk", "updated_at")) == updated["hosts"]
        assert dict(Visit.objects.values_list("public_id", "updated_at")) == updated["visits"]
        assert "nothing changed" in output
