"""The same notification or digest run by several workers at once goes out once, without errors
(the Delivery row is taken under a lock; the unique key decides what the lock cannot)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from dcrnet.forum import tasks
from dcrnet.forum.models import Delivery

from .test_digest import consent
from .test_notifications import add_post, cast  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_post_email_sent_by_four_workers_at_once_goes_once(
    cast,  # noqa: F811
    shared_database,
    in_parallel,
    mailoutbox,
):
    post = add_post(cast["thread"], cast["author"])
    args = (post.pk, cast["follower"].pk, "thread")
    results = in_parallel(lambda: tasks.send_post_email.call(*args), [()] * 4)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert [m.to for m in mailoutbox] == [["follower@example.org"]]
    assert Delivery.objects.get().sent_at is not None


def test_one_digest_by_four_workers_at_once_goes_once(
    cast,  # noqa: F811
    shared_database,
    in_parallel,
    mailoutbox,
):
    consent(cast["follower"])
    day = timezone.localdate().isoformat()
    results = in_parallel(lambda: tasks.send_digest.call(cast["follower"].pk, day), [()] * 4)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert [m.to for m in mailoutbox] == [["follower@example.org"]]
