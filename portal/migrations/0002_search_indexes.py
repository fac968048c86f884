"""Indexes on standards' tables for the portal's search (portal.search) on PostgreSQL
(docs/decisions/0012): pg_trgm for typos in service names, GIN indexes on the `indonesian` text-search vectors of service names,
requirements and products. Nothing happens on SQLite (development), which searches by
substring. The expressions must stay exactly those the search writes, or PostgreSQL does
not use the indexes."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
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


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_publication")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
