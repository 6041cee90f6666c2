"""Export and erasure of experts and help requests (RELIABILITY 57, 58): the export counts equal
the person's rows and hold nobody else's; after deletion no text column of this app names them
(email, handle, real name), and their messages in others' requests are deleted or kept as from
"[deleted member]" as they chose."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from dcrnet.community.erasure import delete_account
from dcrnet.community.models import Profile, Role
from dcrnet.experts import privacy
from dcrnet.experts.models import (
    Assignment,
    AssignmentStatus,
    Expert,
    HelpRequest,
    Message,
)

from .conftest import assign, make_expert, make_person, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tags):
    topic = tags["funding"]
    person = make_expert("leaving", [topic])  # an expert who also asked for help
    Profile.objects.create(user=person.user, real_name="Lea Realname")
    own = make_request(topic, requester=person.user, text="My own question")
    anonymous_own = make_request(topic, email="leaving@example.org", text="Asked before joining")
    other_expert = make_expert("helper", [topic])
    assign(own, other_expert, AssignmentStatus.ACCEPTED)
    Message.objects.create(request=own, author=person.user, from_requester=True, body="Mine")
    Message.objects.create(request=own, author=other_expert.user, body="Helper's answer")
    Message.objects.create(
        request=anonymous_own, from_requester=True, body="My anonymous follow-up"
    )
    others = make_request(
        topic,
        requester=make_person("asker", Role.MEMBER),
        text="Could leaving (leaving@example.org) or Lea Realname help?",
    )
    assign(others, person, AssignmentStatus.ACCEPTED)
    Message.objects.create(request=others, author=person.user, body="I am @leaving, see you")
    Message.objects.create(
        request=others, author=others.requester, from_requester=True, body="Thanks leaving!"
    )
    return {"person": person, "own": own, "anonymous_own": anonymous_own, "others": others}


def test_export_holds_the_persons_rows_only(world):
    user = world["person"].user
    data = json.loads(json.dumps(privacy.export(user)))
    assert len(data["expert_profile"]) == 1
    assert sorted(r["text"] for r in data["help_requests"]) == [
        "Asked before joining",
        "My own question",
    ]
    assert sorted(m["body"] for m in data["help_messages"]) == [
        "I am @leaving, see you",
        "Mine",
        "My anonymous follow-up",
    ]
    assert len(data["help_assignments"]) == Assignment.objects.filter(expert__user=user).count()
    text = json.dumps(data)
    assert "Helper's answer" not in text and "Thanks leaving" not in text
    assert "helper" not in text and "asker" not in text


def test_the_account_export_includes_this_app(world):
    from dcrnet.community.privacy import export_all

    document = export_all(world["person"].user)
    assert "experts" in json.dumps(document, default=str)


@pytest.mark.parametrize("keep_posts", [True, False])
def test_erasure_leaves_no_identifier_in_any_text_column(world, keep_posts):
    user = world["person"].user
    others = world["others"]
    delete_account(user, keep_posts=keep_posts)

    assert not Expert.objects.filter(pk=world["person"].pk).exists()
    assert not HelpRequest.objects.filter(
        pk__in=[world["own"].pk, world["anonymous_own"].pk]
    ).exists()
    remaining = list(Message.objects.filter(request=others).order_by("pk"))
    if keep_posts:
        assert [(m.author_id, m.body) for m in remaining] == [
            (None, "I am @[deleted member], see you"),
            (others.requester_id, "Thanks [deleted member]!"),
        ]
    else:
        assert [m.body for m in remaining] == ["Thanks [deleted member]!"]
    others.refresh_from_db()
    assert others.text == "Could [deleted member] ([deleted member]) or [deleted member] help?"
    # A scan of every text column of the app's tables.
    needles = ("leaving@example.org", "leaving", "lea realname")
    for model in (HelpRequest, Message, Expert, Assignment):
        for row in model.objects.values():
            text = json.dumps(row, default=str).lower()
            assert not [n for n in needles if n in text.replace("[deleted member]", "")], row


def test_others_see_deleted_member_in_the_conversation(world):
    others = world["others"]
    delete_account(world["person"].user, keep_posts=True)
    client = Client()
    client.force_login(others.requester)
    page = client.get(reverse("experts:conversation", kwargs={"public_id": others.public_id}))
    assert "[deleted member]" in page.content.decode()
