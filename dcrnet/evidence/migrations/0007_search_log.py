"""The log of the ids each generation of a search index changed (see dcrnet.lib.postings), so
that a process patches its arrays instead of reading them all again after a write."""

from django.db import migrations

from dcrnet.lib import postings


def install(apps, schema_editor):
    for sql in postings.log_sql(schema_editor.connection.vendor):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0006_verbose_names")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
