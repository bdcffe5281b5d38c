"""Run the extraction without Django: ``python -m congress.extraction FILE_OR_DIR...``.

Prints one JSON record per file (the eval schema), for scoring and debugging.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import extract_report
from .decoding import UnreadableReport, decode_report


def main(argv: list[str]) -> int:
    paths: list[Path] = []
    for arg in argv:
        p = Path(arg)
        paths.extend(sorted(x for x in p.iterdir() if x.is_file()) if p.is_dir() else [p])
    failed = 0
    for path in paths:
        try:
            text, _ = decode_report(path.read_bytes())
        except (OSError, UnreadableReport) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps(extract_report(text, path.name).as_json(), ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
