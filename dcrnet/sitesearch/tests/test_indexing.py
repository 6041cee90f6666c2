"""The index follows every write, in the writer's transaction: create, edit, hide, publish,
unpublish, delete, many-to-many changes, renames of what entries name, a rollback; a busy index
catches up right after the commit; reindex_site makes the same index from scratch."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from dcrnet.lib import bulk
from dcrnet.sitesearch import indexing, selectors
from dcrnet.sitesearch.models import Entry, Kind

pytestmark = pytest.mark.django_db
ANONYMOUS = AnonymousUser()


def urls(q: str, kind: str, user=ANONYMOUS) -> set[str]:
    return {hit.url for hit in selectors.search_kind(q, user, kind).group.hits}


def make_article(slug="naloxone-day", **extra):
    from dcrnet.news.models import Article

    values = {
        "title_en": "Naloxone day in Lisbon",
        "summary_en": "Kits handed out.",
        "body_en": "A **busy** day.",
        "status": "published",
        "published_at": dt.datetime(2025, 1, 14, 9, tzinfo=dt.UTC),
    }
    return Article.objects.create(slug=slug, **{**values, **extra})


def test_an_article_is_found_once_written_and_after_each_edit():
    article = make_article()
    assert urls("naloxone", "news") == {article.get_absolute_url()}
    article.title_en = "Overdose response day"
    article.save()
    assert urls("naloxone", "news") == set()
    assert urls("overdose", "news") == {article.get_absolute_url()}
    article.status = "draft"
    article.save()
    assert urls("overdose", "news") == set()
    article.delete()
    assert not Entry.objects.filter(kind=Kind.NEWS).exists()


def test_a_draft_is_found_by_the_public_once_published(editor):
    from dcrnet.news.models import ArticleStatus

    article = make_article(status=ArticleStatus.DRAFT, published_at=None)
    assert urls("naloxone", "news") == set()
    assert urls("naloxone", "news", editor) == {article.get_absolute_url()}
    article.status = ArticleStatus.PUBLISHED
    article.save()
    assert urls("naloxone", "news") == {article.get_absolute_url()}


def test_tags_and_their_renames_are_followed():
    from dcrnet.news.models import Tag

    article = make_article()
    tag = Tag.objects.create(slug="pilots", name_en="Pilots")
    article.tags.add(tag)
    assert urls("pilots", "news") == {article.get_absolute_url()}
    tag.name_en = "Trials"
    tag.save()
    assert urls("pilots", "news") == set()
    assert urls("trials", "news") == {article.get_absolute_url()}
    tag.articles.clear()
    assert urls("trials", "news") == set()
    article.tags.add(tag)
    tag.delete()
    assert urls("trials", "news") == set()


def test_a_facility_renamed_or_unpublished_is_followed_by_what_names_it(facility):
    article = make_article()
    article.facilities.add(facility)
    assert urls("abrigado", "news") == {article.get_absolute_url()}
    facility.name = "Tox-In"
    facility.save()
    assert urls("abrigado", "news") == set()
    assert urls("tox", "news") == {article.get_absolute_url()}
    assert urls("tox", "facility") == {facility.get_absolute_url()}
    facility.published = False
    facility.save()
    assert urls("tox", "facility") == set()


def test_forum_posts_follow_moderation_moves_and_edits(moderator, member, settings):
    from dcrnet.forum import moderation, services
    from dcrnet.forum.models import Category

    settings.FORUM_HOLD_FIRST_POSTS = 0
    open_ = Category.objects.create(slug="open", name="Open", public_readable=True)
    closed = Category.objects.create(slug="closed", name="Closed")
    thread = services.create_thread(moderator, open_, "Night shifts", "Who covers sundays?")
    post = thread.opening
    url = f"/forum/p/{post.pk}/"
    assert urls("sundays", "forum") == {url}
    moderation.hide_post(moderator, post.pk, "Off topic")
    assert urls("sundays", "forum") == set()
    assert urls("sundays", "forum", member) == set()
    assert urls("sundays", "forum", moderator) == {url}
    moderation.restore_post(moderator, post.pk)
    assert urls("sundays", "forum") == {url}
    moderation.move_thread(moderator, thread.pk, closed.pk)
    assert urls("sundays", "forum") == set()
    assert urls("sundays", "forum", member) == {url}
    services.edit_post(moderator, post, "Who covers mondays?")
    assert urls("sundays", "forum", member) == set()
    assert urls("mondays", "forum", member) == {url}
    thread.title = "Weekend shifts"
    thread.save()
    assert urls("weekend", "forum", member) == {url}
    thread.delete()
    assert urls("mondays", "forum", member) == set()
    assert not Entry.objects.filter(kind=Kind.FORUM).exists()


def test_a_planning_project_is_indexed_only_while_published():
    from dcrnet.planning.models import Project

    project = Project.objects.create(name="Esch room", city="Esch", country="LU", summary="Plan")
    assert not Entry.objects.filter(kind=Kind.PROJECT).exists()
    project.published = True
    project.save()
    assert urls("esch", "project") == {f"/planning/{project.pk}/"}
    project.published = False
    project.save()
    assert not Entry.objects.filter(kind=Kind.PROJECT).exists()


def test_a_training_follows_its_sessions_hosts():
    from dcrnet.trainings.models import Training
    from dcrnet.trainings.tests.factories import make_session

    training = Training.objects.create(
        slug="peer-work", title_en="Peer work", summary_en="S", outcomes_en="O",
        audience_en="A", duration_en="1 day", format="on_site",
    )  # fmt: skip
    assert urls("strasbourg", "training") == set()
    session = make_session(training)
    from dcrnet.directory.models import Country, Facility

    host = Facility.objects.create(
        public_id="fr-argos", name="Argos", city="Strasbourg",
        country=Country.objects.get_or_create(code="FR")[0], latitude=48.5, longitude=7.7,
    )  # fmt: skip
    session.facility = host
    session.save()
    assert urls("strasbourg", "training") == {training.get_absolute_url()}
    session.delete()
    assert urls("strasbourg", "training") == set()


def test_a_rolled_back_write_leaves_the_index_as_it_was():
    article = make_article()
    with pytest.raises(RuntimeError), transaction.atomic():
        article.title_en = "Rolled back words"
        article.save()
        assert urls("rolled", "news") == {article.get_absolute_url()}
        raise RuntimeError
    assert urls("rolled", "news") == set()
    assert urls("naloxone", "news") == {article.get_absolute_url()}


def test_a_busy_index_is_written_right_after_the_commit(
    monkeypatch, django_capture_on_commit_callbacks
):
    """When another writer holds the index (PostgreSQL), the entries are written after the
    commit, from the rows as committed, instead of waiting inside the writer's transaction."""
    real = indexing._take_turn
    monkeypatch.setattr(
        indexing, "_take_turn", lambda connection, *, wait: wait and real(connection, wait=True)
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article = make_article()
        assert urls("naloxone", "news") == set()  # not yet: the transaction holds the row only
    assert callbacks
    assert urls("naloxone", "news") == {article.get_absolute_url()}


def test_translations_have_entries_of_their_own_and_fall_back_to_english():
    article = make_article(title_fr="Journée de la naloxone à Lisbonne")
    with translation.override("fr"):
        hits = selectors.search_kind("lisbonne", ANONYMOUS, "news").group.hits
        assert [(str(h.title), h.lang) for h in hits] == [
            ("Journée de la naloxone à <mark>Lisbonne</mark>", "")
        ]
        assert urls("lisbon", "news") == set()  # French readers get the French entry
    with translation.override("de"):
        hits = selectors.search_kind("lisbon", ANONYMOUS, "news").group.hits
        assert [h.lang for h in hits] == ["en"]  # no German text: the English one, marked
        assert urls("lisbonne", "news") == set()
    assert urls("lisbon", "news") == {article.get_absolute_url()}
    article.title_fr = ""
    article.summary_fr = ""
    article.body_fr = ""
    article.save()
    assert set(Entry.objects.filter(kind=Kind.NEWS).values_list("language", flat=True)) == {"en"}
    english = article.get_absolute_url()
    with translation.override("fr"):
        assert urls("lisbon", "news") == {"/fr" + english}


def test_reindex_site_makes_the_same_entries_and_finds_the_same(facility, moderator, settings):
    from dcrnet.forum import services
    from dcrnet.forum.models import Category

    make_article().facilities.add(facility)
    services.create_thread(
        moderator, Category.objects.create(slug="c", name="C"), "Abrigado nights", "Text"
    )
    before = sorted(Entry.objects.values_list("kind", "object_id", "language", "title", "text"))
    found = selectors.search_site("abrigado", moderator)
    Entry.objects.all().delete()  # what a bulk load leaves: no entries, a stale index
    call_command("reindex_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = sorted(Entry.objects.values_list("kind", "object_id", "language", "title", "text"))
    assert after == before
    again = selectors.search_site("abrigado", moderator)
    assert [(g.kind, g.count, [h.url for h in g.hits]) for g in again.groups] == [
        (g.kind, g.count, [h.url for h in g.hits]) for g in found.groups
    ]


def test_reindex_site_refuses_an_unknown_kind():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown kind: nope"):
        call_command("reindex_site", "nope")


def test_each_process_patches_its_facts_after_writes_as_a_full_read_would(
    facility, moderator, monkeypatch
):
    """After writes, the facts a process keeps are patched with the entries written (not read
    again in full), and equal what a full read gives."""
    import numpy as np
    from django.db import connection

    from dcrnet.forum import moderation, services
    from dcrnet.forum.models import Category
    from dcrnet.lib import search

    article = make_article()
    thread = services.create_thread(
        moderator, Category.objects.create(slug="c", name="C"), "Kept facts", "Body"
    )
    selectors.columns(search.generation(Entry))
    full_reads = []
    real = selectors._read_columns
    monkeypatch.setattr(selectors, "_read_columns", lambda c: full_reads.append(1) or real(c))
    article.status = "draft"
    article.title_fr = "Un titre"
    article.save()
    moderation.hide_post(moderator, thread.opening.pk, "Test")
    facility.published = False
    facility.save()
    make_article("second", title_en="Second")
    patched = selectors.columns(search.generation(Entry))
    assert full_reads == []
    whole = real(connection)
    for name in selectors.Columns.__dataclass_fields__:
        ours, theirs = getattr(patched, name), getattr(whole, name)
        size = max(len(ours), len(theirs))
        assert np.array_equal(search.fit(ours, size), search.fit(theirs, size)), name


def test_inside_a_bulk_write_a_row_is_indexed_once_at_the_end(facility):
    with mock.patch.object(indexing, "apply", wraps=indexing.apply) as apply:
        with bulk.writes():
            for name in ("Tox-In", "Tox-In Two", "Tox-In Three"):
                facility.name = name
                facility.save()
            assert urls("three", "facility") == set()  # not yet
        assert urls("three", "facility") == {facility.get_absolute_url()}
    assert [c.args[0] for c in apply.call_args_list].count("facility") == 1


def test_a_bulk_write_that_raises_indexes_nothing(facility):
    with pytest.raises(RuntimeError), transaction.atomic(), bulk.writes():
        facility.name = "Tox-In"
        facility.save()
        raise RuntimeError
    assert urls("tox", "facility") == set()
