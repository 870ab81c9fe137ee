"""The GIN index of the entries' vectors, on PostgreSQL only (SQLite has no such index; it matches folded text)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS sitesearch_searchentry_vector_gin ON sitesearch_searchentry USING gin (vector)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS sitesearch_searchentry_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_initial"), ("home", "0003_folding_and_collations")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
