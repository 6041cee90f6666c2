"""Two editors save the same parameter in the admin at the same moment (threads with their own
connections, SQLite and PostgreSQL): no error, the last write wins, both changes are in the
history."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from dcrnet.community.models import Role
from dcrnet.evidence.tests.factories import make_reference
from dcrnet.impact.models import Parameter

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def parameter(db):
    source = make_reference(
        "Cost-benefit analysis of a potential supervised injection facility in Baltimore, Maryland",
        2017,
        authors=["Irwin A", "Jozaghi E", "Weir BW", "Allen ST", "Lindsay A", "Sherman SG"],
    )
    return Parameter.objects.create(
        key="clients",
        label="Unique clients a year",
        group="facility",
        unit="count",
        default=2100,
        low=1500,
        high=2700,
        source=source,
    )


@pytest.fixture
def editors(django_user_model):
    from conftest import _user

    return [
        _user(django_user_model, f"editor{i}@example.org", Role.EDITOR, mfa=True, is_staff=True)
        for i in range(2)
    ]


def change_form(client: Client, parameter: Parameter) -> dict:
    """What the change page would send back unchanged."""
    page = client.get(reverse("admin:impact_parameter_change", args=[parameter.pk]))
    assert page.status_code == 200
    form = page.context["adminform"].form
    return {name: "" if form[name].value() is None else form[name].value() for name in form.fields}


def save_as(editor, url: str, data: dict):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    return client.post(url, data)


def test_two_editors_change_the_same_parameter_at_once(
    parameter, editors, shared_database, in_parallel
):
    client = Client()
    client.force_login(editors[0])
    data = change_form(client, parameter)
    url = reverse("admin:impact_parameter_change", args=[parameter.pk])
    before = parameter.history.count()

    responses = in_parallel(
        save_as,
        [
            (editors[0], url, {**data, "default": "1800"}),
            (editors[1], url, {**data, "default": "2400"}),
        ],
    )

    assert [getattr(r, "status_code", r) for r in responses] == [302, 302], responses
    saved = Parameter.objects.get(pk=parameter.pk)
    history = list(saved.history.order_by("history_date", "history_id"))
    assert len(history) == before + 2
    changes = history[-2:]
    assert {(h.default, h.history_user) for h in changes} == {
        (1800.0, editors[0]),
        (2400.0, editors[1]),
    }
    # The last write wins: the row holds what the latest history entry holds.
    assert saved.default == changes[-1].default
    assert saved.label == parameter.label and saved.low == 1500 and saved.high == 2700
