"""`portal_fold(text)` and the collations `portal_<lang>` on PostgreSQL (SQLite registers both on each connection:
see home/folding.py). ICU collations where PostgreSQL was built with ICU; otherwise copies of the database's default
collation, so that the names exist and lists still sort, in the database's order."""

from django.db import migrations

from home.folding import COLLATION_LANGUAGES, collation_name, postgresql_fold_function_sql


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(postgresql_fold_function_sql())
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i')")
        icu = cursor.fetchone()[0]
    for language in COLLATION_LANGUAGES:
        name = schema_editor.quote_name(collation_name(language))
        if icu:
            schema_editor.execute(f"CREATE COLLATION IF NOT EXISTS {name} (provider = icu, locale = '{language}')")
        else:
            schema_editor.execute(f'CREATE COLLATION IF NOT EXISTS {name} FROM "default"')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in COLLATION_LANGUAGES:
        schema_editor.execute(f"DROP COLLATION IF EXISTS {schema_editor.quote_name(collation_name(language))}")
    schema_editor.execute("DROP FUNCTION IF EXISTS portal_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_footer_funding_portal_settings")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
