"""No secrets in the repository: every tracked file is scanned for private keys, tokens
and hard-coded passwords or secret keys."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abpors]-[A-Za-z0-9-]{10,}"),
    "password in a URL": re.compile(
        r"\b(?:postgres(?:ql)?|mysql|redis|https?)://[^\s:/@]+:[^\s@/]{3,}@"
    ),
    "hard-coded secret key": re.compile(
        r"""SECRET_KEY\s*=\s*["'](?!insecure-development-key-for-the-embedded-default-only)"""
        r"""[^"'\s]{20,}["']"""
    ),
    "hard-coded password": re.compile(
        r"""\b(?:PASSWORD|password|passwd)\s*[:=]\s*["'][^"'\s]{8,}["']"""
    ),
}
# Test files make throw-away accounts with literal passwords; they are not secrets.
ALLOWED = {"hard-coded password": ("tests/",)}
THIS_FILE = Path(__file__).resolve().relative_to(ROOT).as_posix()


def tracked_files() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the tracked files cannot be listed")
    return [Path(name) for name in out.decode().split("\0") if name]


def test_no_secrets_in_tracked_files():
    found = []
    files = tracked_files()
    assert len(files) > 50
    for name in files:
        if name.as_posix() == THIS_FILE:
            continue
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for label, pattern in PATTERNS.items():
            if name.as_posix().startswith(ALLOWED.get(label, ("\0",))):
                continue
            for match in pattern.finditer(text):
                found.append(f"{name}: {label}: {match.group(0)[:40]}")
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "-----BEGIN RSA PRIVATE KEY-----",
        "DATABASE_URL=postgres://app:s3cretpass@db:5432/archive",
        'SECRET_KEY = "x8#kq2!v9zm1l0p7w4e5r6t8y9u0i1o2"',
        'password = "hunter2hunter2"',
        "ghp_" + "a" * 36,
    ],
)
def test_the_scanner_finds_planted_secrets(text):
    assert any(p.search(text) for p in PATTERNS.values())
