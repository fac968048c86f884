"""The service page's parts rendered when a publication is written and a list's texts
(PUBLICATION_FORMAT 5, docs/decisions/0012); `manage.py publish_standards` fills them in
for existing rows."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0003_search_entry'),
    ]

    operations = [
        migrations.AddField(
            model_name='publication',
            name='page',
            field=models.JSONField(blank=True, default=dict, verbose_name='halaman'),
        ),
        migrations.AddField(
            model_name='publication',
            name='summary',
            field=models.JSONField(blank=True, default=dict, verbose_name='ringkasan'),
        ),
    ]
