"""Django's database cache with an atomic `incr`, the shared cache when there is no Redis.

Django's own DatabaseCache increments by get-then-set: two processes both read 4 and both write
5, so a rate limit lets twice its number through; the set also replaces the key's expiry with the
default timeout. Here the row is read and rewritten inside one transaction that holds its lock
(SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions hold the database's write lock
from the start), and the expiry is left as it was.
"""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta: int = 1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('value')}, {quote('expires')} FROM {table}"
                f" WHERE {quote('cache_key')} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is None or self._converted_expiry(connection, row[1]) < now():
                raise ValueError(f"Key '{key}' not found")
            stored = connection.ops.process_clob(row[0])
            value = pickle.loads(base64.b64decode(stored.encode(), validate=True)) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {quote('value')} = %s WHERE {quote('cache_key')} = %s",
                [encoded, key],
            )
        return value

    @staticmethod
    def _converted_expiry(connection, expires):
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(
            expression
        ) + expression.get_db_converters(connection):
            expires = converter(expires, expression, connection)
        return expires


def create_cache_tables(using: str = "default", **kwargs) -> None:
    """pre_migrate receiver: `migrate` leaves the database cache's table in place (idempotent).

    So a fresh install (and the benchmark, and `make serve`) never meets a missing cache table;
    with Redis or the in-memory cache configured, it does nothing.
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
