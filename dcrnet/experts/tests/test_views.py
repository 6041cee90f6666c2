"""The pages at work: opting in, the directory (no email, no real name unless chosen), asking
for help with and without an account, the rate limit of anonymous requests (RELIABILITY 45),
triage, accepting, the conversation, closing, and hostile input (XSS corpus, bad filters)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from dcrnet.community.models import Profile, Role
from dcrnet.experts import services
from dcrnet.experts.models import (
    Assignment,
    AssignmentStatus,
    Expert,
    HelpRequest,
    Message,
    RequestStatus,
)
from dcrnet.experts.tokens import make_reply_token
from testing.xss import XSS, unsafe_markup

from .conftest import make_expert, make_person, make_request

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def expert_data(tags, **extra):
    return {
        "bio": "Ran the night shift for six years.",
        "expertise": ["running-a-dcr"],
        "languages": ["en", "pt"],
        "countries": ["PT", "LU"],
        "hours_per_month": "4",
        "max_open_requests": "3",
        "active": "on",
        **extra,
    }


# --- opting in ------


def test_a_member_joins_edits_and_leaves(member, tags):
    member.handle = "nightshift"
    member.save()
    client = signed_in(member)
    response = client.post(reverse("experts:join"), expert_data(tags))
    assert response.status_code == 302
    expert = Expert.objects.get(user=member)
    assert (expert.languages, sorted(map(str, expert.countries)), expert.hours_per_month) == (
        ["en", "pt"],
        ["LU", "PT"],
        4,
    )
    assert list(expert.expertise.all()) == [tags["running-a-dcr"]]
    assert client.get(reverse("experts:join")).status_code == 302  # already in: to /experts/me/

    client.post(reverse("experts:me"), expert_data(tags, hours_per_month="6"))
    expert.refresh_from_db()
    assert expert.hours_per_month == 6

    assert client.post(reverse("experts:leave")).status_code == 302
    expert.refresh_from_db()
    assert expert.active is False
    assert "nightshift" not in Client().get(reverse("experts:directory")).content.decode()
    # Joining again re-activates the same profile.
    assert client.get(reverse("experts:join")).status_code == 200
    client.post(reverse("experts:join"), expert_data(tags))
    assert Expert.objects.get(user=member).active is True


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("languages", ["xx"]),
        ("languages", []),
        ("expertise", ["999999999999999999999"]),
        ("expertise", []),
        ("countries", ["ZZ"]),
        ("hours_per_month", "99999999999999999999"),
        ("max_open_requests", "0"),
        ("bio", "   "),
    ],
)
def test_invalid_expert_input_is_a_400_form(member, tags, field, value):
    member.handle = "nightshift"
    member.save()
    response = signed_in(member).post(reverse("experts:join"), expert_data(tags, **{field: value}))
    assert response.status_code == 400
    assert not Expert.objects.exists()


def test_a_member_without_a_handle_is_sent_to_choose_one(member):
    response = signed_in(member).get(reverse("experts:join"))
    assert response.status_code == 302 and response["Location"] == reverse("community:profile")


def test_extra_fields_are_ignored(member, tags):
    member.handle = "nightshift"
    member.save()
    signed_in(member).post(
        reverse("experts:join"), expert_data(tags, is_demo="on", user=1, is_staff="on")
    )
    expert = Expert.objects.get(user=member)
    assert (expert.is_demo, expert.user_id) == (False, member.pk)
    member.refresh_from_db()
    assert not member.is_staff


# --- the directory ------


def test_directory_filters_and_shows_no_email_or_real_name(tags, member):
    site = tags["site-selection"]
    ana = make_expert("ana-pt", [site], languages=("pt", "en"), countries=("PT",))
    make_expert("bo-fr", [tags["funding"]], languages=("fr",), countries=("FR", "BE"))
    Profile.objects.create(user=ana.user, real_name="Ana Realname", show_real_name=True)
    page = Client().get(reverse("experts:directory")).content.decode()
    assert "ana-pt" in page and "bo-fr" in page
    assert "@example.org" not in page and "Ana Realname" not in page  # public: never

    def shown(query):
        html = Client().get(reverse("experts:directory") + query).content.decode()
        return [h for h in ("ana-pt", "bo-fr") if f">{h}<" in html]

    assert shown("?expertise=site-selection") == ["ana-pt"]
    assert shown("?language=fr") == ["bo-fr"]
    assert shown("?language=pt&country=PT") == ["ana-pt"]
    assert shown("?country=BE") == ["bo-fr"]
    assert shown("?country=FR") == ["bo-fr"]
    assert shown("?language=en&country=FR") == []

    # A member sees the real name the profile chose to show; the expert page too.
    member_page = signed_in(member).get(reverse("experts:directory")).content.decode()
    assert "Ana Realname" in member_page
    expert_page = Client().get(reverse("experts:expert", kwargs={"handle": "ana-pt"}))
    assert b"Ana Realname" not in expert_page.content and b"@example.org" not in expert_page.content


@pytest.mark.parametrize(
    "query",
    ["?expertise=nope", "?language=xx", "?country=ZZ", "?page=0", "?page=99999999999999999999"],
)
def test_invalid_filters_are_400(tags, query):
    assert Client().get(reverse("experts:directory") + query).status_code == 400


def test_directory_is_paginated(tags):
    for i in range(23):
        make_expert(f"expert-{i:02d}", [tags["funding"]])
    first = Client().get(reverse("experts:directory")).content.decode()
    second = Client().get(reverse("experts:directory") + "?page=2").content.decode()
    assert "expert-00" in first and "expert-22" not in first
    assert "expert-22" in second and 'rel="prev"' in second


# --- asking for help ------


def ask_data(**extra):
    return {
        "topic": "site-selection",
        "language": "fr",
        "country": "BE",
        "text": "We plan a room in Liège; how did others choose the site?",
        "email": "asker@example.net",
        **extra,
    }


def test_the_ask_form_says_no_health_details_and_preselects_a_topic(tags):
    page = Client().get(reverse("experts:ask") + "?topic=funding").content.decode()
    assert "Do not include health details" in page or "do not include health details" in page
    assert 'value="funding" selected' in page
    # An unknown topic is simply not preselected.
    assert Client().get(reverse("experts:ask") + "?topic=%3Cscript%3E").status_code == 200


def test_anonymous_request_gets_a_confirmation_with_its_signed_link(
    tags, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(reverse("experts:ask"), ask_data())
    assert response.status_code == 302 and response["Location"] == reverse("experts:sent")
    request = HelpRequest.objects.get()
    assert (request.email, request.requester, request.status) == (
        "asker@example.net",
        None,
        RequestStatus.NEW,
    )
    (message,) = mail.outbox
    assert message.to == ["asker@example.net"]
    link = reverse("experts:reply", kwargs={"token": make_reply_token(request.public_id)})
    assert link in message.body
    page = Client().get(link)
    assert page.status_code == 200 and b"how did others choose the site" in page.content


def test_anonymous_request_needs_an_email(tags):
    response = Client().post(reverse("experts:ask"), ask_data(email=""))
    assert response.status_code == 400
    assert not HelpRequest.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("topic", "nope"), ("language", "xx"), ("country", "ZZ"), ("text", " "), ("email", "x@")],
)
def test_invalid_requests_are_400(tags, field, value):
    assert Client().post(reverse("experts:ask"), ask_data(**{field: value})).status_code == 400
    assert not HelpRequest.objects.exists()


def test_the_request_text_stays_with_experts_who_decide_or_answer(cast):
    """An invited expert reads the request to decide; once they declined, or the request was
    closed before they decided, it is no longer theirs to read ("Only staff and the experts who
    answer see your request")."""
    help_request, invited = cast["request"], cast["invited_expert"]
    page = signed_in(invited).get(reverse("experts:my_requests")).content.decode()
    assert help_request.text in page
    services.close(help_request, user=cast["requester"])
    page = signed_in(invited).get(reverse("experts:my_requests")).content.decode()
    assert help_request.text not in page and "Site selection" in page
    HelpRequest.objects.filter(pk=help_request.pk).update(status=RequestStatus.ROUTED)
    services.decide(invited, help_request, accept=False)
    page = signed_in(invited).get(reverse("experts:my_requests")).content.decode()
    assert help_request.text not in page
    page = signed_in(cast["accepted_expert"]).get(reverse("experts:my_requests")).content.decode()
    assert help_request.text in page


# A valid address longer than the column (254): PostgreSQL refused it with a DataError (500).
LONG_EMAIL = "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".com"


def test_an_address_longer_than_the_column_is_a_form_error(tags):
    assert len(LONG_EMAIL) > 254
    response = Client().post(reverse("experts:ask"), ask_data(email=LONG_EMAIL))
    assert response.status_code == 400
    assert b"at most 254 characters" in response.content
    assert not HelpRequest.objects.exists()


def test_signed_in_request_goes_to_its_page_and_to_mine(member, tags, mailoutbox):
    client = signed_in(member)
    response = client.post(reverse("experts:ask"), ask_data(email="ignored@example.net"))
    request = HelpRequest.objects.get()
    assert response["Location"] == reverse(
        "experts:conversation", kwargs={"public_id": request.public_id}
    )
    assert (request.requester, request.email) == (member, "")
    assert str(request.public_id) in client.get(reverse("experts:mine")).content.decode()


def test_anonymous_requests_are_rate_limited_per_ip(tags, caplog):
    def ask(ip):
        return Client(REMOTE_ADDR=ip).post(reverse("experts:ask"), ask_data())

    start = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(services.ANONYMOUS_REQUESTS):
            assert ask("192.0.2.10").status_code == 302
        refused = ask("192.0.2.10")
        assert refused.status_code == 429
        assert refused["Retry-After"] == str(services.RATE_PERIOD)
        assert b"try again in an hour" in refused.content
        assert ask("192.0.2.11").status_code == 302  # another client is unaffected
    assert any(getattr(r, "event", "") == "rate_limited" for r in caplog.records) or (
        "rate_limited" in caplog.text
    )
    assert HelpRequest.objects.count() == services.ANONYMOUS_REQUESTS + 1
    with time_machine.travel(start + dt.timedelta(seconds=services.RATE_PERIOD + 1), tick=False):
        assert ask("192.0.2.10").status_code == 302  # the window is over


def test_signed_in_requests_are_not_limited_by_ip(member, tags):
    client = signed_in(member)
    for _ in range(services.ANONYMOUS_REQUESTS + 1):
        assert client.post(reverse("experts:ask"), ask_data()).status_code == 302


# --- triage, accepting, the conversation ------


def test_staff_route_the_expert_accepts_answers_and_the_requester_replies(
    tags, staff, django_capture_on_commit_callbacks
):
    topic = tags["site-selection"]
    fr = make_expert("fr-expert", [topic], languages=("fr",), countries=("BE",))
    make_expert("en-expert", [topic], languages=("en",))
    request = make_request(topic, email="asker@example.net", language="fr", country="BE")
    desk = signed_in(staff)
    triage = desk.get(reverse("experts:triage")).content.decode()
    assert str(request.public_id) in triage
    page = desk.get(reverse("experts:triage_request", kwargs={"public_id": request.public_id}))
    html = page.content.decode()
    assert html.index("fr-expert") < html.index("en-expert")  # the proposal's order

    with django_capture_on_commit_callbacks(execute=True):
        routed = desk.post(
            reverse("experts:triage_request", kwargs={"public_id": request.public_id}),
            {"experts": [fr.pk]},
        )
    assert routed.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.routed_by) == (RequestStatus.ROUTED, staff)
    assert [m.to for m in mail.outbox] == [["fr-expert@example.org"]]

    expert_client = signed_in(fr.user)
    invitations = expert_client.get(reverse("experts:my_requests")).content.decode()
    assert request.text in invitations
    accepted = expert_client.post(
        reverse("experts:decide", kwargs={"public_id": request.public_id}), {"decision": "accept"}
    )
    assert accepted["Location"] == reverse(
        "experts:conversation", kwargs={"public_id": request.public_id}
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        expert_client.post(
            reverse("experts:conversation", kwargs={"public_id": request.public_id}),
            {"body": "Talk to the neighbours first."},
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED
    (notice,) = mail.outbox
    assert notice.to == ["asker@example.net"]
    link = reverse("experts:reply", kwargs={"token": make_reply_token(request.public_id)})
    assert link in notice.body and "Talk to the neighbours first." in notice.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(link, {"body": "Thank you, we will."})
    assert [m.to for m in mail.outbox] == [["fr-expert@example.org"]]
    assert reverse("experts:conversation", kwargs={"public_id": request.public_id}) in (
        mail.outbox[0].body
    )
    assert list(request.messages.values_list("from_requester", "author")) == [
        (False, fr.user.pk),
        (True, None),
    ]

    # The requester closes; the conversation is read-only afterwards.
    Client().post(
        reverse("experts:reply_close", kwargs={"token": make_reply_token(request.public_id)})
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.CLOSED and request.closed_at is not None
    late = Client().post(link, {"body": "One more thing"})
    assert late.status_code == 409
    assert b"can only be read" in late.content
    also_late = expert_client.post(
        reverse("experts:conversation", kwargs={"public_id": request.public_id}), {"body": "x"}
    )
    assert also_late.status_code == 409
    assert request.messages.count() == 2
    page = Client().get(link).content.decode()
    assert "<textarea" not in page


def test_declining_and_staff_closing(tags, staff, cast):
    request = cast["request"]
    invited = signed_in(cast["invited_expert"])
    invited.post(
        reverse("experts:decide", kwargs={"public_id": request.public_id}), {"decision": "decline"}
    )
    assert Assignment.objects.get(expert=cast["experts"]["invited"]).status == (
        AssignmentStatus.DECLINED
    )
    again = invited.post(
        reverse("experts:decide", kwargs={"public_id": request.public_id}), {"decision": "accept"}
    )
    assert again.status_code == 409
    bad = invited.post(
        reverse("experts:decide", kwargs={"public_id": request.public_id}), {"decision": "maybe"}
    )
    assert bad.status_code == 400
    signed_in(staff).post(reverse("experts:close", kwargs={"public_id": request.public_id}))
    request.refresh_from_db()
    assert request.status == RequestStatus.CLOSED


def test_an_accepted_expert_may_close(cast):
    request = cast["request"]
    signed_in(cast["accepted_expert"]).post(
        reverse("experts:close", kwargs={"public_id": request.public_id})
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.CLOSED


def test_routing_refusals_are_409_pages(cast, staff):
    request = cast["request"]
    desk = signed_in(staff)
    url = reverse("experts:triage_request", kwargs={"public_id": request.public_id})
    # The invited expert is not proposed again (already asked): not a valid choice → 400.
    assert desk.post(url, {"experts": [cast["experts"]["invited"].pk]}).status_code == 400
    assert desk.post(url, {"experts": ["99999999999999999999999"]}).status_code == 400
    # Asked in the meantime by a colleague: the service says so.
    other = cast["experts"]["other"]
    services.route(staff, request, [other])
    with pytest.raises(services.Conflict):
        services.route(staff, request, [other])
    # At capacity.
    full = make_expert("full-expert", [cast["topic"]], capacity=1)
    Assignment.objects.create(
        request=cast["other_request"], expert=full, status=AssignmentStatus.ACCEPTED
    )
    with pytest.raises(services.Conflict, match="no time left"):
        services.route(staff, request, [full])
    # A closed request is not routed.
    services.close(request, user=staff)
    with pytest.raises(services.Conflict, match="closed"):
        services.route(staff, request, [make_expert("late", [cast["topic"]])])


def test_unknown_triage_status_is_400(staff):
    assert signed_in(staff).get(reverse("experts:triage") + "?status=nope").status_code == 400


# --- XSS -----------------------------------------------------------------------------------------


def test_hostile_text_is_rendered_escaped_everywhere(cast, staff):
    request = cast["request"]
    expert = cast["experts"]["accepted"]
    for payload in XSS:
        expert.bio = payload
        expert.save()
        HelpRequest.objects.filter(pk=request.pk).update(text=payload)
        Message.objects.create(request=request, author=cast["requester"], body=payload)
        pages = [
            Client().get(reverse("experts:directory")),
            Client().get(reverse("experts:expert", kwargs={"handle": "accepted-expert"})),
            signed_in(cast["requester"]).get(
                reverse("experts:conversation", kwargs={"public_id": request.public_id})
            ),
            signed_in(staff).get(
                reverse("experts:triage_request", kwargs={"public_id": request.public_id})
            ),
            signed_in(cast["invited_expert"]).get(reverse("experts:my_requests")),
        ]
        for page in pages:
            assert page.status_code == 200
            main = page.content.decode().split("<main", 1)[1]
            assert unsafe_markup(main) == [], payload


def test_hostile_text_through_the_form_is_stored_as_written_and_escaped(tags):
    for payload in XSS[:6]:
        Client(REMOTE_ADDR=f"192.0.2.{XSS.index(payload) + 20}").post(
            reverse("experts:ask"), ask_data(text=payload)
        )
    for request in HelpRequest.objects.all():
        page = Client().get(
            reverse("experts:reply", kwargs={"token": make_reply_token(request.public_id)})
        )
        assert unsafe_markup(page.content.decode().split("<main", 1)[1]) == []


def test_non_member_is_refused_as_expert_by_the_service(non_member, tags):
    with pytest.raises(services.NotAllowed):
        services.save_expert(non_member, bio="x", expertise=[tags["funding"]])
    assert not Expert.objects.exists()


def test_requester_never_asked_to_answer_themselves(tags, staff):
    topic = tags["funding"]
    expert = make_expert("self-asker", [topic])
    request = make_request(topic, requester=expert.user)
    with pytest.raises(services.Conflict):
        services.route(staff, request, [expert])


def test_staff_need_the_role_not_just_is_staff(tags, editor):
    # Editors have is_staff (admin access) but not the staff role.
    assert editor.is_staff and not editor.has_role(Role.STAFF)
    assert signed_in(editor).get(reverse("experts:triage")).status_code == 403
    person = make_person("plain")
    assert signed_in(person).get(reverse("experts:triage")).status_code == 403
