"""Search fields: folded text on reports, indicators, units and people; on PostgreSQL a
stored tsvector with GIN indexes, and trigram indexes for whole-word LIKE and suggestions.

PostgreSQL-only operations are guarded by the database vendor so SQLite migrates too.
"""

import django.contrib.postgres.search
from django.db import migrations, models

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS congress_article_search_gin"
    " ON congress_article USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS congress_indicator_search_gin"
    " ON congress_indicator USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS congress_indicator_search_trgm"
    " ON congress_indicator USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS congress_unit_search_trgm"
    " ON congress_unit USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS congress_person_search_trgm"
    " ON congress_person USING gin (search_text gin_trgm_ops)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS congress_article_search_gin",
    "DROP INDEX IF EXISTS congress_indicator_search_gin",
    "DROP INDEX IF EXISTS congress_indicator_search_trgm",
    "DROP INDEX IF EXISTS congress_unit_search_trgm",
    "DROP INDEX IF EXISTS congress_person_search_trgm",
]


def pg_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_FORWARD:
            schema_editor.execute(sql)


def drop_pg_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_BACKWARD:
            schema_editor.execute(sql)


def populate(apps, schema_editor):
    """Fill the new fields for rows imported before this migration."""
    from django.contrib.postgres.search import SearchVector
    from django.db.models import Value

    from congress.search import (
        article_parts,
        indicator_text,
        join_texts,
        person_text,
        unit_text,
    )

    Article = apps.get_model("congress", "Article")
    Indicator = apps.get_model("congress", "Indicator")
    Unit = apps.get_model("congress", "Unit")
    Person = apps.get_model("congress", "Person")
    is_pg = schema_editor.connection.vendor == "postgresql"
    label = lambda term: f"{term.start_year}-{term.end_year}" if term else ""  # noqa: E731
    for article in Article.objects.prefetch_related("units", "terms"):
        head, rest = article_parts(
            title=article.title,
            author=article.author,
            source_name=article.source_name,
            unit_names=[u.name for u in article.units.all()],
            term_labels=[label(t) for t in article.terms.all()],
            body=article.body,
        )
        article.search_text = join_texts(head, rest)
        article.save(update_fields=["search_text"])
        if is_pg:
            Article.objects.filter(pk=article.pk).update(
                search_vector=SearchVector(Value(head), weight="A", config="simple")
                + SearchVector(Value(rest), weight="B", config="simple")
            )
    for ind in Indicator.objects.select_related("unit", "term"):
        ind.search_text = indicator_text(
            name=ind.name,
            key=ind.key,
            quote=ind.quote,
            unit_name=ind.unit.name if ind.unit else "",
            locality=ind.unit.locality if ind.unit else "",
            term_label=label(ind.term),
            year=ind.year,
            category="",
            kind="",
            measure=ind.unit_of_measure,
        )
        ind.save(update_fields=["search_text"])
    if is_pg:
        Indicator.objects.update(search_vector=SearchVector("search_text", config="simple"))
    for unit in Unit.objects.prefetch_related("aliases"):
        unit.search_text = unit_text(
            name=unit.name,
            locality=unit.locality,
            aliases=[a.name for a in unit.aliases.all()],
            ancestors=[],
        )
        unit.save(update_fields=["search_text"])
    for person in Person.objects.prefetch_related("aliases", "positions"):
        person.search_text = person_text(
            name=person.name,
            aliases=[a.name for a in person.aliases.all()],
            titles=sorted({p.title for p in person.positions.all()}),
        )
        person.save(update_fields=["search_text"])


class Migration(migrations.Migration):

    dependencies = [
        ('congress', '0002_load_gazetteer'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='article',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='indicator',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='indicator',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='person',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='unit',
            name='search_text',
            field=models.TextField(default='', editable=False),
        ),
        migrations.RunPython(pg_indexes, drop_pg_indexes),
        migrations.RunPython(populate, migrations.RunPython.noop),
    ]
