"""The import's extraction on the seed reports, scored against the hand annotation."""

import json
from pathlib import Path

from tests.expectations import score as scorer

EXPECTATIONS = Path(__file__).parent.parent / "expectations"
MIN_INDICATOR_F1 = 0.90
MIN_METADATA = 0.95


def test_seed_extraction_meets_the_bar(run_import, seeds_dir, tmp_path, capsys):
    code, out, err = run_import("--dry-run", "--format", "jsonl", seeds_dir)
    assert code == 0, err
    predictions = tmp_path / "records.jsonl"
    predictions.write_text(out, encoding="utf-8")
    gold = json.loads((EXPECTATIONS / "seeds-gold.json").read_text(encoding="utf-8"))

    f1, metadata = scorer.score(gold, scorer.load_pred(predictions), seeds_dir, verbose=True)

    report = capsys.readouterr().out
    assert f1 >= MIN_INDICATOR_F1, report
    assert metadata >= MIN_METADATA, report
