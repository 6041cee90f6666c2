"""The forum's privacy registry: every field of every forum model classified; a person's export;
erasure keeping posts as "[deleted member]" (mentions replaced, history too) or removing them."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.db import transaction

from dcrnet.forum import privacy, services
from dcrnet.forum.models import (
    Category,
    Post,
    PostStatus,
    Reaction,
    ReadMarker,
    Report,
    Sanction,
    Subscription,
    Thread,
)

from .factories import make_category

pytestmark = pytest.mark.django_db


def test_every_field_of_every_forum_model_is_classified():
    for model in apps.get_app_config("forum").get_models(include_auto_created=True):
        label = model._meta.label_lower
        assert label in privacy.FIELDS, label
        fields = {f.name for f in model._meta.concrete_fields}
        assert set(privacy.FIELDS[label]) == fields, label
        assert set(privacy.FIELDS[label].values()) <= {"public", "personal", "special", "secret"}


@pytest.fixture
def scene(member, moderator, settings):
    settings.FORUM_HOLD_FIRST_POSTS = 0
    member.handle = "leaver"
    member.save()
    moderator.handle = "stayer"
    moderator.save()
    category = make_category()
    lonely = services.create_thread(member, category, "Only mine", "my words")
    shared = services.create_thread(member, category, "Shared", "opening by leaver")
    services.edit_post(member, shared.opening, "opening by leaver, edited")
    reply = services.reply(moderator, shared, "Thanks @leaver and @Leaver!")
    services.edit_post(moderator, reply, "Thanks @leaver, edited")
    mine_in_other = services.create_thread(moderator, category, "Theirs", "by stayer")
    my_reply = services.reply(member, mine_in_other, "reply by leaver")
    services.toggle_reaction(member, reply, "thanks")
    services.mark_read(member, shared, 2)
    Report.objects.create(post=reply, reporter=member, reason="other", details="why")
    Sanction.objects.create(member=member, kind="warning", reason="be kind", issued_by=moderator)
    return {
        "category": category,
        "lonely": lonely,
        "shared": shared,
        "reply": reply,
        "theirs": mine_in_other,
        "my_reply": my_reply,
    }


def test_export_holds_their_records_only(member, moderator, scene):
    data = privacy.export(member)
    json.dumps(data)  # JSON-safe
    assert {t["title"] for t in data["threads"]} == {"Only mine", "Shared"}
    assert {p["body"] for p in data["posts"]} == {
        "my words",
        "opening by leaver, edited",
        "reply by leaver",
    }
    assert "opening by leaver" in {v["body"] for v in data["post_versions"]}
    assert data["reactions"] == [
        {
            "post": scene["reply"].pk,
            "kind": "thanks",
            "created_at": data["reactions"][0]["created_at"],
        }
    ]
    assert len(data["subscriptions"]) == 3
    assert data["read_markers"] == [{"thread": scene["shared"].pk, "last_read": 2}]
    assert data["reports"][0]["details"] == "why"
    assert data["sanctions"][0]["reason"] == "be kind"
    text = json.dumps(data)
    assert "moderator@example.org" not in text and "stayer" not in text


def _delete(user, keep_posts):
    with transaction.atomic():
        privacy.erase(user, keep_posts=keep_posts)
        user.delete()


def test_erase_keeping_posts(member, moderator, scene):
    member_id = member.pk
    _delete(member, keep_posts=True)
    assert Post.objects.filter(author__isnull=True).count() == 3
    assert Thread.objects.filter(author__isnull=True).count() == 2
    reply = Post.objects.get(pk=scene["reply"].pk)
    assert reply.body == "Thanks @[deleted member], edited"
    HistoricalPost = Post.history.model
    assert not HistoricalPost.objects.filter(body__icontains="@leaver").exists()
    assert HistoricalPost.objects.filter(
        body="Thanks @[deleted member] and @[deleted member]!"
    ).exists()
    assert not HistoricalPost.objects.filter(author_id=member_id).exists()
    assert not HistoricalPost.objects.filter(history_user_id=member_id).exists()
    assert not (
        Reaction.objects.exists() or ReadMarker.objects.exists() or Sanction.objects.exists()
    )
    assert not Subscription.objects.filter(user_id=member_id).exists()
    assert Report.objects.get().reporter is None


def test_erase_removing_posts(member, moderator, scene, client):
    _delete(member, keep_posts=False)
    assert not Thread.objects.filter(pk=scene["lonely"].pk).exists()
    shared = Thread.objects.get(pk=scene["shared"].pk)
    assert shared.title == privacy.REMOVED_TITLE and shared.author is None
    opening = shared.posts.get(number=1)
    assert (opening.body, opening.status, opening.author) == ("", PostStatus.HIDDEN, None)
    assert shared.posts.get(number=2).body == "Thanks @[deleted member], edited"
    assert not Post.objects.filter(pk=scene["my_reply"].pk).exists()
    HistoricalPost = Post.history.model
    assert not HistoricalPost.objects.filter(body__icontains="leaver").exists()
    assert not Thread.history.model.objects.filter(title__in=["Only mine", "Shared"]).exists()
    # Counts follow.
    shared.refresh_from_db()
    assert shared.post_count == 1
    theirs = Thread.objects.get(pk=scene["theirs"].pk)
    assert theirs.post_count == 1
    category = Category.objects.get(pk=scene["category"].pk)
    assert (category.thread_count, category.post_count) == (2, 2)
    client.force_login(moderator)
    page = client.get(f"/forum/t/{shared.pk}/")
    assert page.status_code == 200 and b"[deleted member]" in page.content
