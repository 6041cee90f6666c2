"""The postings beside the full-text index (see dcrnet.lib.postings), built from what it holds."""

from django.db import migrations

from dcrnet.lib import postings
from dcrnet.lib.search import rebuild_postings

TABLE = "evidence_reference"
SPEC = postings.Spec(TABLE, ("A", "B", "B", "C"))


def install(apps, schema_editor):
    for sql in postings.install_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(sql)
    rebuild_postings(schema_editor.connection, SPEC)


def uninstall(apps, schema_editor):
    for sql in postings.uninstall_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0002_search_index_and_vocabularies")]

    operations = [migrations.RunPython(install, uninstall)]
