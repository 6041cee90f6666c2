"""Sites for the backup tests: a migrated template per test session, throwaway copies per test."""

from __future__ import annotations

import pytest

from dcrnet.operations.tests.sites import Site, Sites


@pytest.fixture(scope="session")
def template_site(tmp_path_factory) -> Site:
    sites = Sites(tmp_path_factory.mktemp("template"))
    template = sites.empty("template")
    template.manage("migrate", "--noinput", "-v0")
    yield template
    sites.close()


@pytest.fixture
def sites(tmp_path, template_site) -> Sites:
    sites = Sites(tmp_path, template_site)
    yield sites
    sites.close()
