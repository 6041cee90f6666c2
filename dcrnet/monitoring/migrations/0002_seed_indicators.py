from django.db import migrations


def seed(apps, schema_editor):
    from dcrnet.monitoring.indicators import seed as seed_indicators

    seed_indicators(
        apps.get_model("monitoring", "DictionaryRelease"), apps.get_model("monitoring", "Indicator")
    )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
