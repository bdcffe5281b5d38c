"""The import command: first import, re-import, changed files, dry run and summary."""

import json

import pytest

from congress.models import Article, ArticleUnit, Indicator, Term, Unit

pytestmark = pytest.mark.django_db


def test_imports_every_seed_with_a_primary_unit(run_import, seeds_dir):
    code, out, err = run_import(seeds_dir)
    assert code == 0, err
    assert Article.objects.count() == 5
    assert "Articles: 5 new, 0 updated, 0 unchanged, 0 failed." in out
    for article in Article.objects.all():
        assert article.body.strip()
        assert ArticleUnit.objects.filter(article=article, is_primary=True).count() == 1
    assert Indicator.objects.count() > 50
    assert set(Term.objects.values_list("start_year", "end_year")) >= {(2015, 2020), (2020, 2025)}


def test_reimport_changes_nothing(run_import, seeds_dir):
    run_import(seeds_dir)
    before = {
        "articles": list(Article.objects.values_list("pk", "updated_at", "content_hash")),
        "indicators": list(Indicator.objects.values_list("pk", "quote", "value")),
        "units": list(Unit.objects.values_list("pk", "name")),
    }
    code, out, _ = run_import(seeds_dir)
    assert code == 0
    assert "Articles: 0 new, 0 updated, 5 unchanged, 0 failed." in out
    after = {
        "articles": list(Article.objects.values_list("pk", "updated_at", "content_hash")),
        "indicators": list(Indicator.objects.values_list("pk", "quote", "value")),
        "units": list(Unit.objects.values_list("pk", "name")),
    }
    assert after == before


def test_changed_file_updates_its_article_in_place(run_import, reports_dir):
    run_import(reports_dir)
    path = reports_dir / "000_51d13f27cba3dfb8.txt"
    article = Article.objects.get(source_file=path.name)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("kết nạp được 32 đảng viên", "kết nạp được 35 đảng viên"), encoding="utf-8"
    )

    code, out, _ = run_import(reports_dir)

    assert code == 0
    assert "Articles: 0 new, 1 updated, 4 unchanged, 0 failed." in out
    article.refresh_from_db()
    assert "kết nạp được 35 đảng viên" in article.body
    assert Article.objects.count() == 5
    quotes = set(article.indicators.values_list("quote", flat=True))
    assert any("35 đảng viên" in q for q in quotes)
    assert not any("32 đảng viên" in q for q in quotes)


def test_dry_run_writes_nothing_and_prints_one_record_per_file(run_import, seeds_dir):
    code, out, err = run_import("--dry-run", "--format", "jsonl", seeds_dir)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source_file"] for r in records] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for record in records:
        assert {"title", "published_at", "author", "genre", "body", "units", "terms",
                "congresses", "people", "indicators"} <= record.keys()  # fmt: skip
        for indicator in record["indicators"]:
            assert indicator["quote"] in record["body"]
    assert "Nothing was written." in err
    assert Article.objects.count() == 0
    assert Unit.objects.count() == 0


def test_large_import_shows_a_progress_bar(run_import, tmp_path, seeds_dir):
    folder = tmp_path / "many"
    folder.mkdir()
    text = (seeds_dir / "000_51d13f27cba3dfb8.txt").read_text(encoding="utf-8")
    for n in range(20):
        (folder / f"report_{n:02}.txt").write_text(
            text.replace("32 đảng viên", f"{n} đảng viên"), encoding="utf-8"
        )
    code, out, err = run_import(folder)
    assert code == 0
    assert "Importing: 100%" in err and "20/20" in err
    assert "Articles: 20 new, 0 updated, 0 unchanged, 0 failed." in out
    assert "new       " not in out  # one bar instead of a line per file


def test_search_fields_written_by_the_import_equal_a_full_rebuild(run_import, reports_dir):
    """The import fills search fields from what it just wrote, without reading it back;
    rebuilding them from the database must change nothing, for new and updated reports."""
    from congress.models import Indicator, Person, Unit
    from congress.search import refresh_all

    def fields():
        return {
            model.__name__: sorted(model.objects.values_list("pk", "search_text"))
            for model in (Article, Indicator, Unit, Person)
        }

    assert run_import(reports_dir)[0] == 0
    changed = reports_dir / "001_e86062fc5ce4ea78.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThêm một dòng.\n", "utf-8")
    assert run_import(reports_dir)[0] == 0
    written = fields()
    refresh_all()
    assert fields() == written
