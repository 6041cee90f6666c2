"""The knowledge-exchange demo content: expertise tags, real documents as links to their sources,
the ten guide steps in five languages with sources and examples, and (DEBUG only) demonstration
experts and a demonstration planning project; a second run writes nothing."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from dcrnet.community.models import DEMO_EMAIL_DOMAIN, ExpertiseTag
from dcrnet.demo.data.guide import STEPS
from dcrnet.demo.data.knowledge import DOCUMENTS
from dcrnet.demo.data.knowledge_sources import ALL_SOURCES
from dcrnet.demo.tests.once import loaded_once
from dcrnet.documents.models import Document, Version
from dcrnet.experts.models import Expert
from dcrnet.guide.models import Step
from dcrnet.planning.models import Comment, ExpertInvitation, Project, StepWork, TeamMember

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "de", "nl", "es")
SOURCE_URLS = {url for _title, url in ALL_SOURCES.values()}
KNOWLEDGE_APPS = ("guide", "documents", "experts", "planning", "community")


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
def loaded(demo_once) -> str:
    return demo_once


@pytest.fixture
def loaded_debug(debug_demo_once, settings) -> str:
    settings.DEBUG = True
    return debug_demo_once


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in KNOWLEDGE_APPS
        for model in apps.get_app_config(app).get_models()
    }


def links(markdown: str) -> list[str]:
    return re.findall(r"\]\((https?://[^)\s]+)\)", markdown)


def figures(text: str) -> list[str]:
    """The numbers of a text outside its link addresses, with the thousands separators, decimal
    marks and full hours of any language removed (7.41 and 7,41 are both 741)."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"(?<=\d)[:.]00\b", "", text)  # 9:00, 9.00 and 9 h are all 9 o'clock
    text = re.sub(r"(?<=\d)[ .,\u202f\u00a0](?=\d{3}\b)", "", text)
    text = re.sub(r"(?<=\d)[.,](?=\d)", "", text)
    return sorted(re.findall(r"\d+", text))


class TestTheDemoLoadedWithoutDebug:
    """The demo as production loads it (DEBUG off), loaded once for the tests of this class."""

    def test_one_expertise_tag_per_step_and_per_training_topic_in_five_languages(self, loaded):
        slugs = set(ExpertiseTag.objects.values_list("slug", flat=True))
        assert {s.slug for s in Step.objects.all()} | {
            "running-a-dcr",
            "health-prevention",
            "cost-effectiveness",
        } <= slugs
        for step in Step.objects.select_related("expertise"):
            assert step.expertise.slug == step.slug
        for tag in ExpertiseTag.objects.filter(slug__in=slugs):
            assert all(getattr(tag, f"name_{code}") for code in LANGUAGES), tag.slug

    def test_the_ten_steps_are_written_in_five_languages_with_sources(self, loaded):
        steps = list(Step.objects.order_by("number"))
        assert [s.number for s in steps] == list(range(1, 11))
        for step in steps:
            for code in LANGUAGES:
                for field in ("title", "summary", "body"):
                    assert getattr(step, f"{field}_{code}"), (step.slug, field, code)
            assert links(step.body_en) and links(step.sources), step.slug
            assert set(links(step.sources)) <= SOURCE_URLS, step.slug
            for code in LANGUAGES:
                assert set(links(getattr(step, f"body_{code}"))) <= SOURCE_URLS, (step.slug, code)

    def test_translations_keep_the_english_sources_and_figures(self, loaded):
        for row in STEPS:
            english = row["text"]["en"]["body"]
            for code in LANGUAGES[1:]:
                text = row["text"][code]["body"]
                assert sorted(links(text)) == sorted(links(english)), (row["slug"], code)
                assert figures(text) == figures(english), (row["slug"], code)
            for example in row["examples"]:
                for code in LANGUAGES[1:]:
                    assert figures(example["note"][code]) == figures(example["note"]["en"]), (
                        row["slug"],
                        example["facility"],
                        code,
                    )

    def test_examples_come_from_facilities_of_the_directory_with_a_source(self, loaded):
        step = Step.objects.get(slug="community-consultation")
        example = step.examples.get()
        assert example.facility.public_id == "ca-montreal-cactus"
        for step in Step.objects.prefetch_related("examples__facility"):
            for example in step.examples.all():
                assert example.source and example.source_url.startswith("http")
                assert all(getattr(example, f"note_{code}") for code in LANGUAGES)

    def test_documents_are_published_demo_links_to_their_sources_without_files(self, loaded):
        assert Document.objects.count() == len(DOCUMENTS)
        for document in Document.objects.all():
            assert document.status == "published" and document.is_demo
            assert document.source_url in SOURCE_URLS
            assert document.guide_steps.exists(), document.slug
        assert not Version.objects.exclude(file="").exists()
        dated = {row["slug"] for row in DOCUMENTS if row["version"] is not None}
        assert set(Version.objects.values_list("document__slug", flat=True)) == dated
        # A date from a year or month alone says so.
        for version in Version.objects.all():
            if version.date.day == 1:
                assert "only in our sources" in version.change_note
        bccsu = Document.objects.get(slug="bccsu-operational-guidance")
        assert not bccsu.versions.exists()  # our sources give it no date: none is invented

    def test_without_debug_no_demonstration_people_or_project(self, loaded):
        assert not Expert.objects.exists()
        assert not Project.objects.exists()
        assert "Demonstration experts" not in loaded


class TestTheDemoLoadedWithDebug:
    """The demo with its demonstration people and project (DEBUG on), loaded once for the tests
    of this class."""

    def test_with_debug_demonstration_experts_are_marked(self, loaded_debug):
        experts = list(Expert.objects.select_related("user"))
        assert len(experts) == 3
        for expert in experts:
            assert expert.is_demo and expert.bio.startswith("Demonstration profile")
            assert expert.user.email.endswith(f"@{DEMO_EMAIL_DOMAIN}")
            assert expert.user.handle.startswith("demo-")
            assert expert.expertise.exists() and expert.languages and expert.countries
        assert "Demonstration experts" in loaded_debug

    def test_with_debug_the_demonstration_project_is_led_by_the_demo_member(self, loaded_debug):
        project = Project.objects.get()
        assert project.is_demo and not project.published
        assert "Demonstration" in project.name and "not a real city" in project.city
        lead = TeamMember.objects.get(project=project)
        assert lead.role == "lead" and lead.user.email == f"member@{DEMO_EMAIL_DOMAIN}"
        works = StepWork.objects.filter(project=project)
        assert works.count() == Step.objects.count()
        for work in works.exclude(notes=""):
            assert work.notes.startswith("Demonstration note")
        assert works.filter(status="in progress").count() >= 2
        invitation = ExpertInvitation.objects.get(work__project=project)
        comment = Comment.objects.get(work=invitation.work)
        assert comment.author == invitation.expert.user
        assert comment.body.startswith("Demonstration comment")

    def test_with_debug_a_second_run_writes_nothing(self, loaded_debug, settings):
        before = row_counts()
        updated = dict(Project.objects.values_list("name", "updated_at"))
        output = load()
        assert row_counts() == before
        assert dict(Project.objects.values_list("name", "updated_at")) == updated
        assert "nothing changed" in output

    def test_the_guide_pages_of_the_demo_render(self, loaded_debug, client):
        assert client.get("/guide/").status_code == 200
        assert client.get("/guide/print/").status_code == 200
        for step in Step.objects.all():
            body = client.get(step.get_absolute_url()).content.decode()
            assert step.title in body
        consultation = client.get("/guide/community-consultation/").content.decode()
        assert (
            "demo-expert-consultation" in consultation and "Demonstration profile" in consultation
        )
