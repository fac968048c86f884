"""The search's own tables (portal.search_index, docs/decisions/0012), filled from the
publications of the standards in force. On PostgreSQL: GIN indexes on the entries' two
vectors and a trigram index on the names' words; the expression indexes on standards'
tables that the search read before (0002) go. Only the tables on SQLite."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


INDEXES = {
    "search_name_fts": "portal_searchentry USING gin (name_vector)",
    "search_text_fts": "portal_searchentry USING gin (text_vector)",
    "search_word_trgm": "portal_searchword USING gin (word gin_trgm_ops)",
}
OLD_INDEXES = {
    "standards_service_name_fts": (
        "standards_service USING gin (to_tsvector('indonesian'::regconfig, name))"
    ),
    "standards_service_name_trgm": "standards_service USING gin (name gin_trgm_ops)",
    "standards_requirement_description_fts": (
        "standards_requirement USING gin (to_tsvector('indonesian'::regconfig, description))"
    ),
    "standards_component_product_fts": (
        "standards_standardcomponent USING gin (to_tsvector('indonesian'::regconfig, text))"
        " WHERE kind = 'product'"
    ),
}


def _create(schema_editor, indexes):
    for name, definition in indexes.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def _drop(schema_editor, indexes):
    for name in indexes:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def swap_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _drop(schema_editor, OLD_INDEXES)
        _create(schema_editor, INDEXES)


def restore_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _drop(schema_editor, INDEXES)
        _create(schema_editor, OLD_INDEXES)


def fill(apps, schema_editor):
    """An entry for every published standard in force and the words of their names (what
    `search_index.rebuild` does, with the models of this migration)."""
    from portal.search_index import content_fields, name_words

    Publication = apps.get_model("portal", "Publication")
    SearchEntry = apps.get_model("portal", "SearchEntry")
    SearchWord = apps.get_model("portal", "SearchWord")
    published = Publication.objects.filter(
        standard__status="in_force", standard__service__active=True
    ).select_related("standard__service__agency")
    entries = [
        SearchEntry(
            standard_id=p.standard_id,
            service_id=p.standard.service_id,
            agency_id=p.standard.service.agency_id,
            agency_name=p.standard.service.agency.name,
            **content_fields(p.content, p.standard.service),
        )
        for p in published.iterator(chunk_size=2000)
    ]
    SearchEntry.objects.bulk_create(entries, batch_size=2000)
    words = set().union(*(name_words(e.name) for e in entries))
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in sorted(words)], batch_size=2000)


class Migration(migrations.Migration):

    dependencies = [
        ('agencies', '0003_holidays_notification_read'),
        ('portal', '0002_search_indexes'),
        ('standards', '0012_merge_20261203_2306'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('word', models.CharField(max_length=50, primary_key=True, serialize=False, verbose_name='kata')),
            ],
            options={
                'verbose_name': 'Kata nama layanan',
                'verbose_name_plural': 'Kata nama layanan',
            },
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('standard', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_entry', serialize=False, to='standards.servicestandard', verbose_name='Standar Pelayanan')),
                ('name', models.CharField(max_length=200, verbose_name='nama layanan')),
                ('name_length', models.PositiveSmallIntegerField(verbose_name='panjang nama')),
                ('kind', models.CharField(choices=[('goods', 'Pelayanan barang publik'), ('services', 'Pelayanan jasa publik'), ('administrative', 'Pelayanan administratif')], max_length=20, verbose_name='jenis pelayanan')),
                ('agency_name', models.CharField(max_length=200, verbose_name='nama Perangkat Daerah')),
                ('requirements', models.TextField(blank=True, verbose_name='persyaratan')),
                ('product', models.TextField(blank=True, verbose_name='produk pelayanan')),
                ('name_vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ('text_vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='agencies.agency', verbose_name='Perangkat Daerah')),
                ('service', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='standards.service', verbose_name='jenis layanan')),
            ],
            options={
                'verbose_name': 'Entri pencarian',
                'verbose_name_plural': 'Entri pencarian',
                'indexes': [models.Index(fields=['name_length', 'agency_name', 'name', 'standard'], name='search_rank'), models.Index(fields=['agency_name', 'name', 'standard'], name='search_listing'), models.Index(fields=['kind'], name='search_kind')],
            },
        ),
        migrations.RunPython(swap_indexes, restore_indexes, elidable=False),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
