import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import CommandError, call_command

SEEDS_DIR = Path(settings.SEED_REPORTS_DIR)
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Templates use {% static %}; tests do not run collectstatic."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Tests read each response's context, so pages are built every time; the page cache is
    tested on its own (tests/web/test_page_cache.py), and the browser tests run with it."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def page_cache(settings):
    """The public page cache on, empty before and after (a rolled-back test database can
    come back to a content version that an earlier test's pages were cached under)."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture
def reports_dir(tmp_path) -> Path:
    """A writable copy of the seed reports."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in SEED_FILES:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


@pytest.fixture
def run_import(capsys):
    """Run the import command; return (exit code, stdout, stderr) as a shell would see them."""

    def run(*args: str) -> tuple[int, str, str]:
        code = 0
        try:
            call_command("import_reports", *map(str, args))
        except CommandError as exc:
            code = exc.returncode
            print(f"CommandError: {exc}", file=sys.stderr)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def unthrottled(settings):
    """The API's rate limits off, and their counts cleared before and after, so that a test
    making many requests is never refused by accident and no other test inherits counts
    (tests/api/test_throttling.py turns them on)."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"burst": None, "sustained": None},
    }
    cache.clear()
    yield
    cache.clear()
