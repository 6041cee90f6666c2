"""Writes at the same moment (threads with their own connections, both databases): two staff
routing one request, two experts accepting one request, one expert accepting beyond capacity,
a double click on "accept". Each ends with a consistent database and a Conflict, never an
error."""

from __future__ import annotations

import pytest

from dcrnet.community.models import Role
from dcrnet.experts import services
from dcrnet.experts.models import Assignment, AssignmentStatus, HelpRequest

from .conftest import assign, make_expert, make_person, make_request

pytestmark = pytest.mark.django_db(transaction=True)


def outcomes(results):
    return sorted(type(r).__name__ if isinstance(r, Exception) else "ok" for r in results)


def test_two_staff_route_the_same_experts_at_once(shared_database, in_parallel, tags):
    topic = tags["funding"]
    staff = [make_person(f"staff-{i}", Role.STAFF) for i in range(2)]
    expert = make_expert("only-one", [topic], capacity=5)
    request = make_request(topic)

    results = in_parallel(lambda s: services.route(s, request, [expert]), [(s,) for s in staff])
    assert outcomes(results) == ["Conflict", "ok"]
    assert Assignment.objects.filter(request=request).count() == 1
    request.refresh_from_db()
    assert request.status == "routed"


def test_two_experts_accept_one_request_at_once(shared_database, in_parallel, tags):
    topic = tags["funding"]
    request = make_request(topic)
    experts = [make_expert(f"e{i}", [topic]) for i in range(2)]
    for expert in experts:
        assign(request, expert)
    results = in_parallel(
        lambda e: services.decide(e.user, request, accept=True), [(e,) for e in experts]
    )
    assert outcomes(results) == ["ok", "ok"]  # several experts may help one request
    assert Assignment.objects.filter(request=request, status=AssignmentStatus.ACCEPTED).count() == 2


def test_a_double_click_on_accept_accepts_once(shared_database, in_parallel, tags):
    topic = tags["funding"]
    request = make_request(topic)
    expert = make_expert("clicker", [topic])
    assign(request, expert)
    results = in_parallel(lambda: services.decide(expert.user, request, accept=True), [(), (), ()])
    assert outcomes(results) == ["Conflict", "Conflict", "ok"]
    assert Assignment.objects.get(request=request).status == AssignmentStatus.ACCEPTED


def test_accepting_beyond_capacity_at_once(shared_database, in_parallel, tags):
    topic = tags["funding"]
    expert = make_expert("busy", [topic], capacity=1)
    requests = [make_request(topic, text=f"r{i}") for i in range(3)]
    for request in requests:
        assign(request, expert)
    results = in_parallel(
        lambda r: services.decide(expert.user, r, accept=True), [(r,) for r in requests]
    )
    assert outcomes(results) == ["Conflict", "Conflict", "ok"]
    assert all("open request" in r.message for r in results if isinstance(r, Exception))
    assert Assignment.objects.filter(expert=expert, status=AssignmentStatus.ACCEPTED).count() == 1


def test_messages_and_closing_at_once(shared_database, in_parallel, tags):
    topic = tags["funding"]
    requester = make_person("asker", Role.MEMBER)
    request = make_request(topic, requester=requester)
    expert = make_expert("helper", [topic])
    assign(request, expert, AssignmentStatus.ACCEPTED)

    def act(kind):
        if kind == "close":
            return services.close(request, user=requester)
        return services.post_message(request, "hello", user=expert.user)

    results = in_parallel(act, [("close",), ("write",), ("write",)])
    assert all(r == "ok" or isinstance(r, services.Conflict) for r in map(_ok, results))
    request = HelpRequest.objects.get(pk=request.pk)
    assert request.status == "closed" and request.closed_at is not None
    # Every message written was written before the closure.
    assert all(m.created_at <= request.closed_at for m in request.messages.all())


def _ok(result):
    return result if isinstance(result, Exception) else "ok"
