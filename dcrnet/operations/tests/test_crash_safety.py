"""RELIABILITY 66: a writer killed with SIGKILL at a random moment loses no acknowledged write."""

from __future__ import annotations

import random
import time

import pytest

from dcrnet.operations.tests.sites import VENDOR, Writer, half_written_units, writer_ids

pytestmark = pytest.mark.slow

# Each kill costs a child process start (~1 s); PostgreSQL's crash handling is its own, so fewer.
KILLS = 10 if VENDOR == "sqlite" else 3


def test_every_acknowledged_write_survives_a_kill_and_no_unit_is_half_written(sites):
    site = sites.migrated("crash")
    chance = random.Random()
    acknowledged: set[int] = set()
    for kill in range(1, KILLS + 1):
        writer = Writer(site, str(kill))
        writer.wait_for(3)
        time.sleep(chance.uniform(0, 0.25))
        acknowledged |= writer.kill()

        if VENDOR == "sqlite":
            assert site.query("PRAGMA integrity_check") == [("ok",)], f"after kill {kill}"
        lost = acknowledged - writer_ids(site)
        assert not lost, f"after kill {kill}, acknowledged but missing: {sorted(lost)}"
        assert half_written_units(site) == [], f"after kill {kill}"
    assert len(acknowledged) >= 3 * KILLS
