"""The Publication model, moved here from standards (docs/decisions/0008-portal-app.md):
state only, on the table standards.0006 created (`db_table = "standards_publication"`)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("documents", "0001_initial"),
        ("standards", "0007_publication_to_portal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Publication",
                    fields=[
                        (
                            "standard",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="publication",
                                serialize=False,
                                to="standards.servicestandard",
                                verbose_name="Standar Pelayanan",
                            ),
                        ),
                        ("format", models.PositiveSmallIntegerField(verbose_name="format")),
                        ("content", models.JSONField(verbose_name="isi")),
                        (
                            "published_at",
                            models.DateTimeField(auto_now=True, verbose_name="diterbitkan"),
                        ),
                        (
                            "decree",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="standards.decree",
                                verbose_name="keputusan",
                            ),
                        ),
                        (
                            "decree_document",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="documents.document",
                                verbose_name="dokumen keputusan",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Terbitan portal",
                        "verbose_name_plural": "Terbitan portal",
                        "db_table": "standards_publication",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
