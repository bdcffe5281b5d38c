"""The benchmark's synthetic corpus: seeded, varied, and read by the real pipeline."""

from pathlib import Path

import pytest

from bench.corpus import TERMS, generate_report, write_corpus
from congress.extraction import extract_report


def test_the_same_seed_writes_the_same_reports(tmp_path):
    first = [p.read_bytes() for p in write_corpus(tmp_path / "a", 5, seed=3)]
    again = [p.read_bytes() for p in write_corpus(tmp_path / "b", 5, seed=3)]
    other = [p.read_bytes() for p in write_corpus(tmp_path / "c", 5, seed=4)]
    assert first == again
    assert first != other
    assert [p.name for p in Path(tmp_path / "a").iterdir()] != []


def test_reports_extract_units_terms_and_15_to_40_indicators():
    kinds, terms, with_congress = set(), set(), 0
    for index in range(40):
        name, text = generate_report(1, index)
        record = extract_report(text, name)
        assert 15 <= len(record.indicators) <= 40, (name, len(record.indicators))
        assert {"target", "result"} <= {i.kind for i in record.indicators}
        primary = [u for u in record.units if u.primary]
        assert primary and primary[0].gazetteer_code or primary[0].kind == "bloc"
        kinds.add(primary[0].kind)
        terms.update(record.terms)
        assert record.people and not record.warnings
        with_congress += bool(record.congresses)
    assert with_congress >= 30
    assert kinds >= {"ward", "district"}
    assert terms <= {f"{s}-{e}" for s, e in TERMS} and len(terms) >= 3


def test_noise_of_the_seeds_is_present():
    texts = [generate_report(1, i)[1] for i in range(60)]
    assert any("\r\n" in t for t in texts)
    assert any("Đảng uỷ" in t for t in texts)
    assert any("\u00a0" in t for t in texts)
    assert all(t.startswith(("Trang chủ", "TRANG CHỦ", "Hoạt động Đảng")) for t in texts)


@pytest.mark.django_db
def test_generated_reports_import_with_their_indicators(tmp_path):
    from congress.importer.service import import_reports
    from congress.models import Article, Indicator

    write_corpus(tmp_path, 3, seed=2)
    summary = import_reports([tmp_path])
    assert [o.status for o in summary.outcomes] == ["new"] * 3
    assert Article.objects.count() == 3
    assert Indicator.objects.count() == sum(o.indicators_found for o in summary.outcomes)
    assert Indicator.objects.filter(search_text__contains=" ty le ").exists()
