"""Nothing an editor changed is lost to a re-import."""

import pytest

from congress.models import Article, ArticleUnit, Indicator, Unit

pytestmark = pytest.mark.django_db

SEED = "000_51d13f27cba3dfb8.txt"


def _change_file(path):
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("kết nạp được 32 đảng viên", "kết nạp được 35 đảng viên"), encoding="utf-8"
    )


def test_edited_article_fields_survive_a_changed_file(run_import, reports_dir):
    run_import(reports_dir)
    article = Article.objects.get(source_file=SEED)
    article.title = "Tiêu đề do biên tập viên sửa"
    article.mark_edited(["title"])
    article.save()

    _change_file(reports_dir / SEED)
    code, out, _ = run_import(reports_dir)

    assert code == 0
    article.refresh_from_db()
    assert article.title == "Tiêu đề do biên tập viên sửa"
    assert "kết nạp được 35 đảng viên" in article.body  # the rest did update
    assert "kept editor's change: article title" in out


def test_edited_indicator_is_kept_even_when_extraction_drops_it(run_import, reports_dir):
    run_import(reports_dir)
    indicator = Indicator.objects.get(article__source_file=SEED, quote__contains="32 đảng viên")
    indicator.name = "Đảng viên kết nạp mới (đã sửa)"
    indicator.verified = True
    indicator.mark_edited(["name", "verified"])
    indicator.save()

    _change_file(reports_dir / SEED)
    code, out, _ = run_import(reports_dir)

    assert code == 0
    indicator.refresh_from_db()
    assert indicator.name == "Đảng viên kết nạp mới (đã sửa)"
    assert indicator.verified
    assert "1 kept because an editor changed them" in out


def test_edited_field_of_a_matching_indicator_is_not_overwritten(run_import, reports_dir):
    run_import(reports_dir)
    indicator = (
        Indicator.objects.filter(article__source_file=SEED)
        .exclude(quote__contains="32 đảng viên")
        .first()
    )
    indicator.category = "other"
    indicator.mark_edited(["category"])
    indicator.save()

    _change_file(reports_dir / SEED)
    run_import(reports_dir)

    indicator.refresh_from_db()
    assert indicator.category == "other"


def test_editor_chosen_primary_unit_survives(run_import, reports_dir):
    run_import(reports_dir)
    article = Article.objects.get(source_file=SEED)
    other = Unit.objects.exclude(pk=article.primary_unit.pk).first()
    ArticleUnit.objects.filter(article=article).delete()
    ArticleUnit.objects.create(article=article, unit=other, is_primary=True)
    article.mark_edited(["units"])
    article.save()

    _change_file(reports_dir / SEED)
    run_import(reports_dir)

    article = Article.objects.get(pk=article.pk)
    assert article.primary_unit == other
