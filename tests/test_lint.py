"""The code stays as ruff and mypy (configured in pyproject.toml) want it."""

import subprocess
import sys

from conftest import REPO


def test_ruff_check_and_format():
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=REPO, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_errors_in_the_package():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    problems = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert result.returncode == 0 and problems == [], result.stdout + result.stderr
