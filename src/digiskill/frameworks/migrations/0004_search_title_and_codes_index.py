"""Index titles and codes for search too: bounded queries need no global sort (see search.py)."""

from django.db import migrations


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS frameworks_search_fts")
            cursor.execute(
                "CREATE VIRTUAL TABLE frameworks_search_fts USING fts5("
                "title, body, codes, content='frameworks_searchentry', content_rowid='id', tokenize='trigram')"
            )
            cursor.execute("INSERT INTO frameworks_search_fts(frameworks_search_fts) VALUES ('rebuild')")
        elif vendor == "postgresql":
            # Django renders title__icontains as UPPER(title) LIKE UPPER(%s): index that expression.
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS frameworks_search_title_trgm ON frameworks_searchentry "
                "USING gin (upper(title) gin_trgm_ops)"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS frameworks_search_fts")
            cursor.execute(
                "CREATE VIRTUAL TABLE frameworks_search_fts USING fts5("
                "body, content='frameworks_searchentry', content_rowid='id', tokenize='trigram')"
            )
            cursor.execute("INSERT INTO frameworks_search_fts(frameworks_search_fts) VALUES ('rebuild')")
        elif vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS frameworks_search_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0003_restrict_deleting_used_units_and_components")]
    operations = [migrations.RunPython(create, drop)]
