"""Translated vocabularies and GRADE rationales (translation.py): a column per language. Existing
rows keep their text as the English one; the seed terms get their names and descriptions in
every language where an editor has not written one (vocabularies.translate)."""

from django.db import migrations, models
from django.db.models import F

from dcrnet.evidence.vocabularies import translate


def english_columns(apps, schema_editor):
    Term = apps.get_model("evidence", "Term")
    Term.objects.update(name_en=F("name"), description_en=F("description"))
    apps.get_model("evidence", "EvidenceSummary").objects.update(rationale_en=F("rationale"))
    translate(Term)


class Migration(migrations.Migration):

    dependencies = [
        ('evidence', '0004_pending_import'),
    ]

    operations = [
        migrations.AddField(
            model_name='evidencesummary',
            name='rationale_de',
            field=models.TextField(help_text='Markdown.', null=True, verbose_name='rationale'),
        ),
        migrations.AddField(
            model_name='evidencesummary',
            name='rationale_en',
            field=models.TextField(help_text='Markdown.', null=True, verbose_name='rationale'),
        ),
        migrations.AddField(
            model_name='evidencesummary',
            name='rationale_es',
            field=models.TextField(help_text='Markdown.', null=True, verbose_name='rationale'),
        ),
        migrations.AddField(
            model_name='evidencesummary',
            name='rationale_fr',
            field=models.TextField(help_text='Markdown.', null=True, verbose_name='rationale'),
        ),
        migrations.AddField(
            model_name='evidencesummary',
            name='rationale_nl',
            field=models.TextField(help_text='Markdown.', null=True, verbose_name='rationale'),
        ),
        migrations.AddField(
            model_name='term',
            name='description_de',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='term',
            name='description_en',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='term',
            name='description_es',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='term',
            name='description_fr',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='term',
            name='description_nl',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='term',
            name='name_de',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='term',
            name='name_en',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='term',
            name='name_es',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='term',
            name='name_fr',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='term',
            name='name_nl',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.RunPython(english_columns, migrations.RunPython.noop),
    ]
