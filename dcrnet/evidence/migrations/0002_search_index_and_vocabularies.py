"""The full-text index (FTS5 table on SQLite, GIN index on PostgreSQL) and the seed vocabularies."""

from django.db import migrations

from dcrnet.evidence.vocabularies import seed
from dcrnet.lib.search import install_sql, uninstall_sql

TABLE = "evidence_reference"
FIELDS = ["title", "authors", "keywords", "body"]


def install(apps, schema_editor):
    for sql in install_sql(schema_editor.connection.vendor, TABLE, FIELDS, "search_vector"):
        schema_editor.execute(sql)


def uninstall(apps, schema_editor):
    for sql in uninstall_sql(schema_editor.connection.vendor, TABLE, "search_vector"):
        schema_editor.execute(sql)


def seed_terms(apps, schema_editor):
    seed(apps.get_model("evidence", "Term"))


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_initial")]

    operations = [
        migrations.RunPython(install, uninstall),
        migrations.RunPython(seed_terms, migrations.RunPython.noop),
    ]
