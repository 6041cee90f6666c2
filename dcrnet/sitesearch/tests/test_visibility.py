"""The site search never shows anyone what they may not read, and finds what they may: for each
kind and each role, the results are exactly the rows the section's own rule lets that person
read (forum posts in members-only categories, hidden and held posts, drafts and scheduled news,
unpublished facilities, trainings, initiatives and events, others' suggested documents; private
planning projects for no one)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from dcrnet.sitesearch.models import Kind

from .conftest import WORD, client_for, hrefs

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "non_member", "member", "moderator", "editor", "staff"]


def user_of(role, request):
    return None if role == "anonymous" else request.getfixturevalue(role)


def readable_by_the_section(kind: str, user) -> set[int]:
    """The ids the section itself shows `user` (its own QuerySet rules, not the index's)."""
    from dcrnet.advocacy.models import Initiative
    from dcrnet.directory.models import Country, Facility
    from dcrnet.documents.models import Document
    from dcrnet.forum.models import Post
    from dcrnet.news.models import Article
    from dcrnet.planning.models import Project
    from dcrnet.policy.models import Event
    from dcrnet.trainings import selectors as trainings
    from dcrnet.trainings.models import Training

    user = user or AnonymousUser()
    rules = {
        "facility": lambda: Facility.objects.visible_to(user),
        "country": lambda: Country.objects.all(),
        "document": lambda: Document.objects.visible_to(user),
        "news": lambda: Article.objects.visible_to(user),
        "initiative": lambda: Initiative.objects.visible_to(user),
        "training": lambda: (
            Training.objects.all() if trainings.is_editor(user) else Training.objects.published()
        ),
        "event": lambda: Event.objects.visible_to(user),
        "forum": lambda: Post.objects.visible_to(user),
        "project": lambda: Project.objects.filter(published=True),
    }
    return set(rules[kind]().values_list("pk", flat=True))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", Kind.values)
def test_a_kind_shows_a_role_exactly_what_its_section_lets_them_read(kind, role, site, request):
    user = user_of(role, request)
    response = client_for(user).get("/search/", {"q": WORD, "kind": kind})
    assert response.status_code == 200
    readable = readable_by_the_section(kind, user)
    expected = {item.url for item in site.values() if item.kind == kind and item.obj.pk in readable}
    assert hrefs(response) == expected
    counted = re.search(
        r'id="kind-h">[^<]*<span class="count">\((\d+)\)', response.content.decode()
    )
    assert int(counted[1]) == len(expected)


NEVER = {
    # Whatever the role, what no one finds by the site search (the team reads it in planning).
    "everyone": {"project-private"},
    "anonymous": {
        "facility-draft", "document-mine", "document-theirs", "news-draft", "news-scheduled",
        "initiative-draft", "training-draft", "event-draft", "post-members", "post-hidden",
        "post-held",
    },
    "non_member": {
        "facility-draft", "document-mine", "document-theirs", "news-draft", "news-scheduled",
        "initiative-draft", "training-draft", "event-draft", "post-members", "post-hidden",
        "post-held",
    },
    "member": {
        "facility-draft", "document-theirs", "news-draft", "news-scheduled", "initiative-draft",
        "training-draft", "event-draft", "post-hidden", "post-held",
    },
    "moderator": {"document-mine", "document-theirs", "news-draft", "facility-draft"},
}  # fmt: skip
ALWAYS = {
    "anonymous": {"country", "facility", "document", "news", "initiative", "training", "event",
                  "post-open", "project"},
    "member": {"document-mine", "post-members"},
    "moderator": {"post-members", "post-hidden", "post-held"},
    "editor": {"facility-draft", "document-mine", "document-theirs", "news-draft",
               "news-scheduled", "initiative-draft", "training-draft", "event-draft"},
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_the_overview_keeps_the_rules_stated_plainly(role, site, request):
    response = client_for(user_of(role, request)).get("/search/", {"q": WORD})
    assert response.status_code == 200
    shown = {name for name, item in site.items() if item.url in hrefs(response)}
    assert not shown & (NEVER["everyone"] | NEVER.get(role, set()))
    # The overview shows three of each kind at most: what it must show, on each kind's page.
    for name in ALWAYS.get(role, set()):
        item = site[name]
        listing = client_for(user_of(role, request)).get("/search/", {"q": WORD, "kind": item.kind})
        assert item.url in hrefs(listing), name


def test_an_article_becomes_findable_when_its_time_comes(site, time_machine):
    import datetime as dt

    from django.utils import timezone

    anonymous = client_for(None)
    scheduled = site["news-scheduled"]
    assert scheduled.url not in hrefs(anonymous.get("/search/", {"q": WORD, "kind": "news"}))
    time_machine.move_to(timezone.now() + dt.timedelta(days=4))
    assert scheduled.url in hrefs(anonymous.get("/search/", {"q": WORD, "kind": "news"}))


def test_a_category_opened_to_everyone_is_searched_by_everyone_at_once(site):
    from dcrnet.forum.models import Category

    anonymous = client_for(None)
    post = site["post-members"]
    assert post.url not in hrefs(anonymous.get("/search/", {"q": WORD, "kind": "forum"}))
    Category.objects.filter(slug="closed").update(public_readable=True)  # no signal needed
    assert post.url in hrefs(anonymous.get("/search/", {"q": WORD, "kind": "forum"}))


def test_a_shown_result_is_checked_against_the_section_even_if_the_index_lags(site):
    """A row changed by a bulk update (no signal) is not shown before the index catches up."""
    from dcrnet.news.models import Article

    anonymous = client_for(None)
    news = site["news"]
    Article.objects.filter(pk=news.obj.pk).update(status="draft")
    assert news.url not in hrefs(anonymous.get("/search/", {"q": WORD, "kind": "news"}))
    assert news.url not in hrefs(anonymous.get("/search/", {"q": WORD}))
