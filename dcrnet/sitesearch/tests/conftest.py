"""The site search's test data: one row of every kind in each state that decides who may read it,
each holding the word WORD and a marker word of its own."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

WORD = "kestrel"
HIT = re.compile(r'<li class="hit">\s*<h3><a href="([^"]+)"')


def hrefs(response) -> set[str]:
    """The addresses of the results a search page lists."""
    return set(HIT.findall(response.content.decode()))


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@dataclass
class Item:
    kind: str
    state: str
    obj: object
    url: str


def make_site(facility, member, other_member, writer) -> dict[str, Item]:
    """name → Item: every kind, in every state that decides who reads it."""
    from dcrnet.advocacy.models import Initiative
    from dcrnet.directory.models import Country, Facility
    from dcrnet.documents.models import Document, Topic
    from dcrnet.forum import services as forum
    from dcrnet.forum.models import Category, PostStatus
    from dcrnet.news.models import Article, ArticleStatus
    from dcrnet.planning.models import Project
    from dcrnet.policy.models import Event
    from dcrnet.trainings.models import Format, Training

    items: dict[str, Item] = {}
    now = timezone.now()

    def add(name, kind, state, obj, url):
        items[name] = Item(kind, state, obj, url)

    country = facility.country
    country.legal_basis_en = f"The {WORD} law of 2004 (countrylaw)."
    country.save()
    add("country", "country", "public", country, country.get_absolute_url())
    facility.description = f"A {WORD} room (openfacility)."
    facility.save()
    add("facility", "facility", "public", facility, facility.get_absolute_url())
    hidden = Facility.objects.create(
        public_id="lu-draft", name="Draft room", city="Esch", country=country,
        latitude=49.5, longitude=6.0, published=False,
        description=f"A {WORD} room not yet published (draftfacility).",
    )  # fmt: skip
    add("facility-draft", "facility", "draft", hidden, hidden.get_absolute_url())

    topic = Topic.objects.create(name="Admission", slug="admission")
    for name, status, by in (
        ("document", "published", None),
        ("document-mine", "suggested", member),
        ("document-theirs", "suggested", other_member),
    ):
        doc = Document.objects.create(
            title=f"{name} {WORD}", slug=name, summary=f"About {WORD} ({name.replace('-', '')}).",
            kind="house rules", perspective="both", topic=topic, language="en",
            status=status, suggested_by=by,
        )  # fmt: skip
        add(name, "document", status, doc, f"/documents/{doc.slug}/")

    for name, status, when in (
        ("news", ArticleStatus.PUBLISHED, now - dt.timedelta(days=1)),
        ("news-draft", ArticleStatus.DRAFT, None),
        ("news-scheduled", ArticleStatus.PUBLISHED, now + dt.timedelta(days=3)),
    ):
        article = Article.objects.create(
            slug=name, title_en=f"{name} {WORD}", summary_en=f"{WORD} ({name.replace('-', '')})",
            body_en="Some *Markdown*.", status=status, published_at=when,
        )  # fmt: skip
        add(name, "news", status, article, article.get_absolute_url())

    for name, published in (("initiative", True), ("initiative-draft", False)):
        initiative = Initiative.objects.create(
            title_en=f"{name} {WORD}", slug=name, date=dt.date(2025, 6, 26),
            summary_en=f"{WORD} ({name.replace('-', '')})", text_en="Text.", published=published,
        )  # fmt: skip
        add(name, "initiative", str(published), initiative, initiative.get_absolute_url())

    for name, published in (("training", True), ("training-draft", False)):
        training = Training.objects.create(
            slug=name, title_en=f"{name} {WORD}", summary_en=f"{WORD} ({name.replace('-', '')})",
            outcomes_en="Run a room.", audience_en="Teams.", duration_en="one day",
            format=Format.ON_SITE, published=published,
        )  # fmt: skip
        add(name, "training", str(published), training, training.get_absolute_url())

    for name, published in (("event", True), ("event-draft", False)):
        event = Event.objects.create(
            country=Country.objects.get(code="LU"), date=dt.date(2001, 1, 1), kind="law",
            title_en=f"{name} {WORD}", summary_en=f"{WORD} ({name.replace('-', '')})",
            source_title="A source", source_url="https://example.org/", published=published,
        )  # fmt: skip
        add(name, "event", str(published), event, event.get_absolute_url())

    open_category = Category.objects.create(slug="open", name="Open", public_readable=True)
    closed = Category.objects.create(slug="closed", name="Members", public_readable=False)
    for name, category, status in (
        ("post-open", open_category, PostStatus.VISIBLE),
        ("post-members", closed, PostStatus.VISIBLE),
        ("post-hidden", open_category, PostStatus.HIDDEN),
        ("post-held", open_category, PostStatus.HELD),
    ):
        thread = forum.create_thread(
            writer, category, f"{name} {WORD}", f"{WORD} ({name.replace('-', '')})"
        )
        post = thread.opening
        if status != post.status:
            post.status = status
            post.save(update_fields=["status"])
            forum.refresh_counts(thread)
        add(name, "forum", status, post, f"/forum/p/{post.pk}/")

    for name, published in (("project", True), ("project-private", False)):
        project = Project.objects.create(
            name=f"{name} {WORD}", city="Esch", country="LU",
            summary=f"{WORD} ({name.replace('-', '')})", published=published,
        )  # fmt: skip
        add(name, "project", str(published), project, f"/planning/{project.pk}/")
    return items


@pytest.fixture
def other_member(django_user_model):
    from django.contrib.auth.models import Group

    from dcrnet.community.models import Role

    user = django_user_model.objects.create_user(
        email="other@example.org", password="a long test passphrase", handle="other"
    )
    user.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    return user


@pytest.fixture
def site(facility, member, other_member, moderator):
    """Forum posts by a moderator: not rate-limited, never held (the held one is set so)."""
    return make_site(facility, member, other_member, moderator)
