"""Who may open which page (the cast of issue #11: anonymous, non_member, member, expert,
accepted expert, invited expert, other expert, requester, other requester, staff, editor), and
IDOR: another person's request by public_id, another request's token, a tampered token."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from dcrnet.experts.models import AssignmentStatus, HelpRequest, Message, RequestStatus
from dcrnet.experts.tokens import REPLY_SALT, make_reply_token, read_reply_token

pytestmark = pytest.mark.django_db

PEOPLE = [
    "anonymous",
    "non_member",
    "member",
    "expert",
    "accepted_expert",
    "invited_expert",
    "requester",
    "other_requester",
    "staff",
    "editor",
]
LOGIN = "login"


def client_for(cast, who: str) -> Client:
    client = Client()
    if cast[who] is not None:
        client.force_login(cast[who])
    return client


def outcome(response) -> int | str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


def expected_row(**special):
    """Every person's expected outcome: `default`, with exceptions by name."""
    default = special.pop("default")
    return {who: special.get(who, default) for who in PEOPLE}


def pages(cast):
    r = cast["request"]
    return {
        "directory": (reverse("experts:directory"), expected_row(default=200)),
        "expert": (
            reverse("experts:expert", kwargs={"handle": "accepted-expert"}),
            expected_row(default=200),
        ),
        "join": (
            reverse("experts:join"),
            expected_row(
                default=200,
                anonymous=LOGIN,
                non_member=403,
                staff=403,
                editor=403,
                expert=302,
                accepted_expert=302,
                invited_expert=302,
            ),
        ),
        "me": (
            reverse("experts:me"),
            expected_row(
                default=302,
                anonymous=LOGIN,
                expert=200,
                accepted_expert=200,
                invited_expert=200,
            ),
        ),
        "my_requests": (reverse("experts:my_requests"), expected_row(default=200, anonymous=LOGIN)),
        "help": (reverse("experts:help"), expected_row(default=200)),
        "ask": (reverse("experts:ask"), expected_row(default=200)),
        "sent": (reverse("experts:sent"), expected_row(default=200)),
        "mine": (reverse("experts:mine"), expected_row(default=200, anonymous=LOGIN)),
        "triage": (
            reverse("experts:triage"),
            expected_row(default=403, anonymous=LOGIN, staff=200),
        ),
        "triage_request": (
            reverse("experts:triage_request", kwargs={"public_id": r.public_id}),
            expected_row(default=403, anonymous=LOGIN, staff=200),
        ),
        "conversation": (
            reverse("experts:conversation", kwargs={"public_id": r.public_id}),
            expected_row(
                default=404, anonymous=LOGIN, requester=200, accepted_expert=200, staff=200
            ),
        ),
        "reply": (
            reverse(
                "experts:reply",
                kwargs={"token": make_reply_token(cast["anonymous_request"].public_id)},
            ),
            expected_row(default=200),
        ),
        "reply_of_signed_in_request": (
            reverse("experts:reply", kwargs={"token": make_reply_token(r.public_id)}),
            expected_row(default=404),
        ),
    }


@pytest.mark.parametrize("who", PEOPLE)
def test_every_page_for_every_person(cast, who):
    client = client_for(cast, who)
    got, want = {}, {}
    for name, (url, expected) in pages(cast).items():
        got[name] = outcome(client.get(url))
        want[name] = expected[who]
    assert got == want


POST_ONLY = ["leave", "decide", "close", "reply_close"]


def post_urls(cast):
    r = cast["request"]
    return {
        "leave": reverse("experts:leave"),
        "decide": reverse("experts:decide", kwargs={"public_id": r.public_id}),
        "close": reverse("experts:close", kwargs={"public_id": r.public_id}),
        "reply_close": reverse(
            "experts:reply_close",
            kwargs={"token": make_reply_token(cast["anonymous_request"].public_id)},
        ),
    }


@pytest.mark.parametrize("name", POST_ONLY)
def test_actions_refuse_get(cast, name):
    client = client_for(cast, "staff")
    assert client.get(post_urls(cast)[name]).status_code == 405


@pytest.mark.parametrize(
    "who",
    ["anonymous", "non_member", "member", "expert", "other_requester", "editor", "invited_expert"],
)
def test_outsiders_cannot_write_or_close_a_request(cast, who):
    r = cast["request"]
    client = client_for(cast, who)
    conversation = reverse("experts:conversation", kwargs={"public_id": r.public_id})
    write = client.post(conversation, {"body": "let me in"})
    close = client.post(reverse("experts:close", kwargs={"public_id": r.public_id}))
    expected = LOGIN if who == "anonymous" else 404
    assert (outcome(write), outcome(close)) == (expected, expected)
    r.refresh_from_db()
    assert r.status == RequestStatus.ROUTED
    assert not Message.objects.filter(request=r).exists()


@pytest.mark.parametrize("who", ["member", "expert", "accepted_expert", "requester", "staff"])
def test_only_the_invited_expert_decides(cast, who):
    r = cast["request"]
    response = client_for(cast, who).post(
        reverse("experts:decide", kwargs={"public_id": r.public_id}), {"decision": "accept"}
    )
    assert response.status_code in (404, 409)
    assert r.assignments.filter(status=AssignmentStatus.ACCEPTED).count() == 1


def test_idor_another_persons_request_by_public_id(cast):
    client = client_for(cast, "other_requester")
    for public_id in (cast["request"].public_id, cast["anonymous_request"].public_id, uuid.uuid4()):
        url = reverse("experts:conversation", kwargs={"public_id": public_id})
        assert client.get(url).status_code == 404
        assert client.post(url, {"body": "x"}).status_code == 404
    # Their own is fine.
    own = reverse("experts:conversation", kwargs={"public_id": cast["other_request"].public_id})
    assert client.get(own).status_code == 200


def test_a_token_opens_its_own_request_only(cast, tags):
    from .conftest import make_request

    mine = cast["anonymous_request"]
    theirs = make_request(cast["topic"], email="someone-else@example.net", text="Their secret")
    token = make_reply_token(mine.public_id)
    page = Client().get(reverse("experts:reply", kwargs={"token": token}))
    assert page.status_code == 200
    assert b"Anonymous request" in page.content and b"Their secret" not in page.content

    # Altering any character of the token (payload or signature) never opens another request.
    for position in range(len(token)):
        for replacement in "A_-:0":
            if token[position] == replacement:
                continue
            altered = token[:position] + replacement + token[position + 1 :]
            found = read_reply_token(altered)
            assert found in (None, mine.public_id), (position, replacement)
    # A token for `theirs` cannot be made by putting its id into ours (the signature is ours).
    from django.core.signing import b64_encode

    payload = b64_encode(f'{{"r":"{theirs.public_id}"}}'.encode()).decode()
    forged = payload + token[token.index(":") :]
    assert forged != token
    assert read_reply_token(forged) is None
    assert Client().get(reverse("experts:reply", kwargs={"token": forged})).status_code == 404


def test_a_token_of_another_purpose_or_salt_opens_nothing(cast):
    from django.core import signing

    public_id = str(cast["anonymous_request"].public_id)
    other_salt = signing.dumps({"r": public_id}, salt="dcrnet.forum.unsubscribe")
    unsalted = signing.dumps({"r": public_id})
    for token in (other_salt, unsalted, "garbage", "x" * 400, ""):
        assert read_reply_token(token) is None
    assert signing.Signer(salt=REPLY_SALT).unsign_object(make_reply_token(public_id)) == {
        "r": public_id
    }
    assert make_reply_token(public_id) == make_reply_token(public_id)


def test_hostile_path_values_are_404(cast):
    client = client_for(cast, "staff")
    for path in (
        "/help/not-a-uuid/",
        "/help/triage/123/",
        "/help/reply/%00/",
        "/experts/" + "a" * 300 + "/",
        "/experts/nobody/",
    ):
        assert client.get(path).status_code in (400, 404), path  # NUL: 400 by middleware


def test_an_unavailable_expert_has_no_public_page(cast):
    expert = cast["experts"]["other"]
    expert.active = False
    expert.save()
    assert (
        Client().get(reverse("experts:expert", kwargs={"handle": "other-expert"})).status_code
        == 404
    )


def test_deleted_request_link_is_gone(cast):
    r = cast["anonymous_request"]
    token = make_reply_token(r.public_id)
    HelpRequest.objects.filter(pk=r.pk).delete()
    assert Client().get(reverse("experts:reply", kwargs={"token": token})).status_code == 404
