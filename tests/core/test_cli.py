"""The `digiskill` command outside debug, the project's 404 page in debug, a quiet first start."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from digiskill.cli import SECRET_FREE_COMMANDS, command_name
from digiskill.core.views import unknown_address
from digiskill.frameworks.loading import bundled_framework_files, read_framework

SEED_UNIT = Path(__file__).resolve().parents[2] / "src/digiskill/frameworks/data/ocsc-2561/units/DTR100.txt"
ENV_SET_BY_TESTS = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "DIGISKILL_TESTING", "DIGISKILL_COMMAND"}


def _run(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run Python code in a fresh process with no SECRET_KEY and a database of its own."""
    clean = {
        k: v for k, v in os.environ.items() if k not in ENV_SET_BY_TESTS and not k.startswith("DIGISKILL_")
    }
    clean.update({"DIGISKILL_VAR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=120
    )


def _cli(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return _run(f"from digiskill.cli import main; main({['digiskill', *args]!r})", tmp_path, **env)


def test_parse_unit_runs_without_secret_key_outside_debug(tmp_path) -> None:
    result = _cli(tmp_path, "parse-unit", str(SEED_UNIT), DEBUG="false")
    assert result.returncode == 0, result.stderr
    assert "CEC-BCTZ-001" in result.stdout


def test_help_runs_without_secret_key(tmp_path) -> None:
    result = _cli(tmp_path, "help", "parse-unit", DEBUG="false")
    assert result.returncode == 0, result.stderr
    assert "--json" in result.stdout


def test_a_command_that_needs_the_key_fails_with_one_line_naming_it(tmp_path) -> None:
    result = _cli(tmp_path, "runserver", DEBUG="false")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "SECRET_KEY" in lines[0] and "digiskill runserver" in lines[0]


def test_commands_are_named_with_hyphens_or_underscores() -> None:
    assert command_name(["digiskill", "parse-unit", "x"]) == "parse_unit"
    assert command_name(["digiskill"]) == command_name(["digiskill", "--help"]) == "help"
    assert "runserver" not in SECRET_FREE_COMMANDS and "shell" not in SECRET_FREE_COMMANDS
    assert {"parse_unit", "load_framework", "migrate"} <= SECRET_FREE_COMMANDS


def test_unknown_address_in_debug_shows_the_project_404_page(tmp_path) -> None:
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'digiskill.settings'; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(HTTP_HOST='localhost')\n"
        "r = c.get('/no-such-page/')\n"
        "print(r.status_code, b'URLconf' in r.content, b'/accounts/' in r.content)\n"
        "print(c.get('/accounts/login').status_code, c.get('/healthz').status_code)\n"
    )
    result = _run(code, tmp_path, DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["404", "False", "False", "301", "200"]


def test_unknown_address_view_renders_the_404_template(rf: RequestFactory) -> None:
    request = rf.get("/no-such-page/")
    response = unknown_address(request, "no-such-page/")
    assert response.status_code == 404
    assert "ไม่พบ" in response.content.decode() or "Not found" in response.content.decode()


def test_the_shipped_frameworks_read_without_warnings() -> None:
    for path in bundled_framework_files():
        data = read_framework(path, strict=True)
        assert data.warnings == []
    ocsc = read_framework(bundled_framework_files()[0])
    documented = {u["code"]: u.get("document_status") for u in ocsc.data["units"] if u.get("document")}
    assert documented == {"DTR100": "new", "DS500": "new", "DS600": None}  # DS600 says "1/2567" itself


@pytest.mark.django_db
def test_load_framework_is_quiet_on_a_fresh_start() -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_framework", stdout=out, stderr=err)
    assert err.getvalue() == ""
    assert "OCSC-2561: created" in out.getvalue() and "{" not in out.getvalue()
