"""Bounces and the admin: a command marks addresses bounced from a list (counts only in its
output), staff mark them in the admin; a bounced address gets no newsletter; nobody adds a
subscriber in the admin (that takes the person's own double opt-in)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from dcrnet.newsletter import services
from dcrnet.newsletter.models import Status, Subscriber

from .conftest import make_subscriber

pytestmark = pytest.mark.django_db


def test_the_command_marks_addresses_from_arguments_and_a_file(tmp_path):
    make_subscriber("a@example.org")
    make_subscriber("b@example.org")
    make_subscriber("c@example.org", Status.PENDING)
    listing = tmp_path / "bounces.txt"
    listing.write_text("B@Example.org\n\n  c@example.org \nunknown@example.org\n")
    out = io.StringIO()
    call_command("mark_newsletter_bounces", "a@example.org", file=str(listing), stdout=out)
    assert out.getvalue().strip() == "3 marked bounced, 1 not subscribed here."
    assert "example.org" not in out.getvalue()
    statuses = dict(Subscriber.objects.values_list("email", "status"))
    assert set(statuses.values()) == {Status.BOUNCED}
    assert Subscriber.objects.filter(bounced_at__isnull=True).count() == 0
    again = io.StringIO()
    call_command("mark_newsletter_bounces", "a@example.org", stdout=again)
    assert again.getvalue().strip() == "0 marked bounced, 0 not subscribed here."


def test_the_command_refuses_no_input_and_an_unreadable_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("mark_newsletter_bounces")
    with pytest.raises(CommandError):
        call_command("mark_newsletter_bounces", file=str(tmp_path / "missing.txt"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CommandError):
        call_command("mark_newsletter_bounces", file=str(binary))


def test_a_bounced_address_gets_no_issue(issue, editor, django_capture_on_commit_callbacks):
    make_subscriber("a@example.org")
    make_subscriber("b@example.org")
    services.mark_bounced(["a@example.org"])
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        services.approve(issue.pk, by=editor)
    assert [m.to for m in mail.outbox] == [["b@example.org"]]


def test_staff_mark_bounces_and_unsubscribes_in_the_admin(as_user, staff):
    ana = make_subscriber("ana@example.org")
    bea = make_subscriber("bea@example.org")
    client = as_user(staff)
    url = "/admin/newsletter/subscriber/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "mark_bounced", "_selected_action": [ana.pk]})
    assert response.status_code == 302
    response = client.post(url, {"action": "mark_unsubscribed", "_selected_action": [bea.pk]})
    assert response.status_code == 302
    ana.refresh_from_db()
    bea.refresh_from_db()
    assert (ana.status, bea.status) == (Status.BOUNCED, Status.UNSUBSCRIBED)
    assert client.get(f"{url}add/").status_code == 403
    assert client.get(f"{url}{ana.pk}/change/").status_code == 200
    assert client.get("/admin/newsletter/send/").status_code == 200
