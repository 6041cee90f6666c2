"""Fixtures of the monitoring tests: a second facility and its reporter, a token."""

from __future__ import annotations

import pytest

from dcrnet.monitoring.models import ReporterToken, hash_token


@pytest.fixture
def other_facility(make_facility):
    return make_facility("ca-insite", country="CA", city="Vancouver", name="Insite")


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


@pytest.fixture
def token(reporter):
    raw = "dcr_test-token-0123456789"
    ReporterToken.objects.create(user=reporter, digest=hash_token(raw), prefix=raw[:8])
    return raw


@pytest.fixture
def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def indicators():
    """The seeded dictionary: a transactional test's flush empties it for the next one."""
    from dcrnet.monitoring.indicators import seed
    from dcrnet.monitoring.models import DictionaryRelease, Indicator

    seed(DictionaryRelease, Indicator)
