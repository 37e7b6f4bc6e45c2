"""Start-up refuses bad configuration with one line that says what to fix."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _start(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}}
    clean.update(env)
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='digiskill.settings'; django.setup()"
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60)


def test_missing_secret_key_in_production_stops_start_up() -> None:
    result = _start(DEBUG="false")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "SECRET_KEY" in lines[0]


@pytest.mark.parametrize("url", ["mysql://root@localhost/db", "not a url", "postgres://"])
def test_bad_database_url_stops_start_up(url: str) -> None:
    result = _start(DEBUG="true", DATABASE_URL=url)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "DATABASE_URL" in lines[0]


def test_bad_boolean_is_refused() -> None:
    result = _start(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe'" in result.stderr


def test_good_production_settings_start(tmp_path) -> None:
    result = _start(DEBUG="false", SECRET_KEY="x" * 50, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    assert result.returncode == 0, result.stderr
