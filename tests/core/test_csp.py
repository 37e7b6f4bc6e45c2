"""Content-Security-Policy: everything from the app itself, and no inline script or style anywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

import digiskill

SRC = Path(digiskill.__file__).parent
# Rendered by Chromium from a string for the PDF (reports/pdf.py), never served as a page.
PDF_ONLY = {SRC / "reports" / "templates" / "reports" / "plan_form.html"}


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("who", ["anonymous", "staff", "hr"])
def test_pages_carry_a_strict_policy(who: str, cast, client_for, client) -> None:
    browser = client if who == "anonymous" else client_for(who)
    url = reverse("accounts:login") if who == "anonymous" else reverse("core:home")
    response = browser.get(url)
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def _templates() -> list[Path]:
    return [p for p in SRC.rglob("templates/**/*.html") if p not in PDF_ONLY]


def test_templates_have_no_inline_style_or_script() -> None:
    inline = re.compile(r"""\sstyle=["']|<style[\s>]|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=["']""")
    offenders = []
    for path in _templates():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if inline.search(line) and not line.lstrip().startswith("{#"):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()[:100]}")
    assert offenders == []


def test_the_inline_check_would_see_an_inline_style() -> None:
    inline = re.compile(r"""\sstyle=["']|<style[\s>]|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=["']""")
    assert inline.search('<p style="color:red">')
    assert inline.search("<style>p{}</style>")
    assert inline.search("<script>alert(1)</script>")
    assert inline.search('<a onclick="x()">')
    assert not inline.search('<script src="/static/js/nav.js" defer></script>')
