"""send_once: one email per key, a message built at send time, nothing stamped when the build
says there is nothing to send or the send fails."""

from __future__ import annotations

import pytest
from django.core.mail import EmailMessage

from dcrnet.experts.models import Delivery
from dcrnet.lib.delivery import send_once

pytestmark = pytest.mark.django_db


def message():
    return EmailMessage("Subject", "Body", to=["someone@example.org"])


def test_a_key_sends_once(mailoutbox):
    assert send_once(Delivery, "k:1", message) is True
    assert send_once(Delivery, "k:1", message) is False
    assert len(mailoutbox) == 1
    assert Delivery.objects.get(key="k:1").sent_at is not None


def test_nothing_to_send_leaves_no_row(mailoutbox):
    assert send_once(Delivery, "k:2", lambda: None) is False
    assert mailoutbox == [] and not Delivery.objects.filter(key="k:2").exists()


def test_a_failed_send_rolls_back_so_a_retry_sends(mailoutbox, monkeypatch):
    def broken(self, fail_silently=False):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", broken)
    with pytest.raises(OSError):
        send_once(Delivery, "k:3", message)
    assert not Delivery.objects.filter(key="k:3").exists()
    monkeypatch.undo()
    assert send_once(Delivery, "k:3", message) is True
    assert len(mailoutbox) == 1
