"""Fixtures of the demo's tests."""

from __future__ import annotations

import pytest

from dcrnet.demo.accounts import CONTACT_ORGANISATION
from dcrnet.organisations.models import Organisation


@pytest.fixture
def contact_organisation(db) -> Organisation:
    """The organisation the demo contact is the contact of, without its facilities (what
    `load_accounts` needs when a test loads the accounts alone)."""
    return Organisation.objects.create(
        slug=CONTACT_ORGANISATION, name="Fixpunkt", kind="dcr operator", status="approved"
    )
