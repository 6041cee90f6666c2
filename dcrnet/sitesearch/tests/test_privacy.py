"""A deleted account leaves nothing of the person in the site index: their posts, the
opening of their thread that others answered (emptied, its thread "[removed]"), their handle
in others' posts, and their link to a document they suggested; the export lists that link."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from dcrnet.sitesearch import privacy, selectors
from dcrnet.sitesearch.models import Entry, Kind

pytestmark = pytest.mark.django_db


def everything(q: str, user) -> set[str]:
    return {hit.url for hit in selectors.search_kind(q, user, "forum").group.hits} | {
        hit.url for hit in selectors.search_kind(q, user, "document").group.hits
    }


@pytest.fixture
def ana(django_user_model):
    from django.contrib.auth.models import Group

    from dcrnet.community.models import Role

    user = django_user_model.objects.create_user(
        email="ana@example.org", password="a long test passphrase", handle="ana"
    )
    user.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    return user


@pytest.fixture
def written(ana, moderator, settings):
    from dcrnet.documents.models import Document, Topic
    from dcrnet.forum import services
    from dcrnet.forum.models import Category

    settings.FORUM_HOLD_FIRST_POSTS = 0
    category = Category.objects.create(slug="open", name="Open", public_readable=True)
    answered = services.create_thread(ana, category, "Anas question", "Anaopening words")
    services.reply(moderator, answered, "Moderatorreply words")
    services.create_thread(ana, category, "Anas lonely thread", "Analonely words")
    other = services.create_thread(moderator, category, "Moderators thread", "Hello @ana there")
    services.reply(ana, other, "Anareply words")
    topic = Topic.objects.create(name="Admission", slug="admission")
    Document.objects.create(
        title="Suggested rules", slug="suggested", summary="Anasuggestion", kind="house rules",
        perspective="both", topic=topic, language="en", suggested_by=ana,
    )  # fmt: skip
    return answered


def test_the_export_lists_what_only_the_person_and_editors_find(ana, written):
    assert privacy.export(ana) == {
        "entries_only_you_and_editors_find": [{"kind": "document", "title": "Suggested rules"}]
    }


def test_a_deleted_account_leaves_nothing_of_the_person_in_the_index(ana, moderator, written):
    from dcrnet.community.erasure import delete_account

    ana_id = ana.pk
    assert everything("anaopening", moderator)
    assert everything("ana", moderator)  # "@ana" in the moderator's post
    delete_account(ana, keep_posts=False)
    for word in ("anaopening", "analonely", "anareply", "anasuggestion", "ana", "anas"):
        assert everything(word, moderator) == set(), word
    reply = Entry.objects.get(kind=Kind.FORUM, text__contains="Moderatorreply")
    assert reply.title == "[removed]"
    assert not Entry.objects.filter(owner_id=ana_id).exists()
    assert not Entry.objects.filter(text__icontains="@ana").exists()
    assert everything("moderatorreply", AnonymousUser())  # others' words stay findable


def test_kept_posts_stay_findable_without_the_person(ana, moderator, written):
    from dcrnet.community.erasure import delete_account

    ana_id = ana.pk
    delete_account(ana, keep_posts=True)
    assert everything("anaopening", AnonymousUser())
    assert not Entry.objects.filter(owner_id=ana_id).exists()
    assert not Entry.objects.filter(text__icontains="@ana ").exists()
