"""Demo data loaded once for a group of tests, as Django's TestCase.setUpTestData does.

A module- or class-scoped fixture loads inside an outer transaction and yields; each test
(marked django_db, not transactional) then runs in a savepoint inside it, so what a test writes
goes at its end, and what the fixture loaded goes at the end of the group, on SQLite and
PostgreSQL alike::

    @pytest.fixture(scope="module")
    def demo(django_db_setup, django_db_blocker):
        with loaded_once(django_db_blocker, load_the_demo, DEBUG=True) as output:
            yield output

Database access is unblocked only to load and to roll back: a test of the group that is not
marked django_db still cannot reach the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import translation


@contextmanager
def loaded_once[T](django_db_blocker, load: Callable[[], T], **changed_settings) -> Iterator[T]:
    """Run `load` (with `changed_settings` overridden, in English) in a transaction kept open
    until the end of the block, then rolled back; yield what `load` returned."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        # As TestCase's class-wide atomic: a durable block stays allowed inside it.
        outer._from_testcase = True
        outer.__enter__()
    try:
        with django_db_blocker.unblock():
            with (
                override_settings(**changed_settings),
                translation.override(settings.LANGUAGE_CODE),
            ):
                result = load()
        yield result
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
