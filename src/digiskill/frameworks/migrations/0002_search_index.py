"""Substring search for Thai: an FTS5 trigram table on SQLite, a pg_trgm GIN index on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS frameworks_search_fts USING fts5("
                "body, content='frameworks_searchentry', content_rowid='id', tokenize='trigram')"
            )
        elif vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS frameworks_search_body_trgm ON frameworks_searchentry "
                "USING gin (body gin_trgm_ops)"
            )
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS frameworks_search_codes_trgm ON frameworks_searchentry "
                "USING gin (codes gin_trgm_ops)"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS frameworks_search_fts")
        elif vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS frameworks_search_body_trgm")
            cursor.execute("DROP INDEX IF EXISTS frameworks_search_codes_trgm")


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0001_catalog")]
    operations = [migrations.RunPython(create, drop)]
