"""PostgreSQL keeps each indicator's ``search_vector`` in step with its ``search_text``.

A row trigger (PostgreSQL's own ``tsvector_update_trigger``) computes the vector as the row
is inserted, or when an update sets ``search_text``: the import's bulk insert then writes
each row once, instead of inserting it and updating every row of the report again (one
more version of each row and of each of its index entries). The vector is the one the code
computed before: ``to_tsvector('simple', search_text)``.
"""

from django.db import migrations

CREATE = """
CREATE TRIGGER congress_indicator_search_vector
BEFORE INSERT OR UPDATE OF search_text ON congress_indicator
FOR EACH ROW EXECUTE FUNCTION
    tsvector_update_trigger(search_vector, 'pg_catalog.simple', search_text)
"""
DROP = "DROP TRIGGER IF EXISTS congress_indicator_search_vector ON congress_indicator"


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("congress", "0009_indicator_published_counts")]

    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
