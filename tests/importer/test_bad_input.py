"""Bad input: one clear line per file, the others still imported, exit status 1."""

import codecs
import unicodedata

import pytest

from congress.models import Article

pytestmark = pytest.mark.django_db

GOOD = "000_51d13f27cba3dfb8.txt"


@pytest.fixture
def folder(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GOOD).write_bytes((seeds_dir / GOOD).read_bytes())
    return folder


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "empty file"),
        (
            "binary.txt",
            bytes(range(256)) * 4,
            "binary file (contains NUL bytes), not a text report",
        ),
        ("boilerplate.txt", "Chia sẻ bài viết\n".encode(), "no article text found"),
    ],
)
def test_bad_file_is_reported_and_others_imported(run_import, folder, name, content, reason):
    (folder / name).write_bytes(content)
    code, out, err = run_import(folder)
    assert code == 1
    assert f"FAILED {folder / name}: {reason}" in err
    assert "1 of 2 files failed." in err
    assert Article.objects.filter(source_file=GOOD).exists()
    assert not Article.objects.filter(source_file=name).exists()


def test_huge_file_is_refused(run_import, folder, settings):
    settings.IMPORT_MAX_FILE_BYTES = 1000
    (folder / "huge.txt").write_text("Tiêu đề\n" + "nội dung " * 500, encoding="utf-8")
    code, _, err = run_import(folder / "huge.txt")
    assert code == 1
    assert "file too large (5,512 bytes; the limit is 1,000)" in err


def test_missing_path_and_empty_folder(run_import, tmp_path, folder):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run_import(tmp_path / "missing", empty, folder)
    assert code == 1
    assert f"FAILED {tmp_path / 'missing'}: no such file or folder" in err
    assert f"FAILED {empty}: folder holds no report files (*.txt)" in err
    assert Article.objects.count() == 1


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters precomposed (ê, ơ, ư…),
    tone marks as separate combining characters."""
    out: list[str] = []
    base = -1  # index of the last base letter; NFD may put the dot below before ^
    for char in unicodedata.normalize("NFD", text):
        if base >= 0 and char in "\u0302\u0306\u031b":  # circumflex, breve, horn
            out[base] = unicodedata.normalize("NFC", out[base] + char)
            continue
        if not unicodedata.combining(char):
            base = len(out)
        out.append(char)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: text.encode("utf-16-le"),
        _cp1258,
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-le-no-bom", "windows-1258"],
)
def test_other_encodings_import_as_the_same_text(run_import, tmp_path, seeds_dir, encode):
    text = (seeds_dir / GOOD).read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(encode(text))
    code, _, err = run_import(path)
    assert code == 0, err
    article = Article.objects.get()
    assert "kết nạp được 32 đảng viên" in article.body
    assert article.raw_text == text


def test_same_text_in_another_encoding_is_unchanged(run_import, tmp_path, seeds_dir):
    run_import(seeds_dir / GOOD)
    copy = tmp_path / "copy.txt"
    copy.write_bytes((seeds_dir / GOOD).read_text(encoding="utf-8").encode("utf-16"))
    code, out, _ = run_import(copy)
    assert code == 0
    assert "0 new, 0 updated, 1 unchanged" in out
    assert Article.objects.count() == 1


def test_a_file_failing_mid_write_leaves_nothing_and_the_others_import(
    run_import, tmp_path, seeds_dir, monkeypatch
):
    from django.db import DatabaseError

    from congress.importer import batch, writer
    from congress.models import Indicator

    folder = tmp_path / "two"
    folder.mkdir()
    for name in (GOOD, "002_0f83d6764d17c31e.txt"):
        (folder / name).write_bytes((seeds_dir / name).read_bytes())
    real = writer.new_indicator

    def fail_for_one(article, *args, **kwargs):
        if article.source_file == GOOD:
            raise DatabaseError("connection lost")
        return real(article, *args, **kwargs)

    # Both writers: the batch of the two fails as a whole, then each file is written alone.
    monkeypatch.setattr(writer, "new_indicator", fail_for_one)
    monkeypatch.setattr(batch, "new_indicator", fail_for_one)
    code, _, err = run_import(folder)

    assert code == 1
    assert f"FAILED {folder / GOOD}: database error: connection lost" in err
    # The article row was written before the failure, and rolled back with it.
    assert not Article.objects.filter(source_file=GOOD).exists()
    assert Article.objects.filter(source_file="002_0f83d6764d17c31e.txt").exists()
    assert not Indicator.objects.filter(article__source_file=GOOD).exists()
