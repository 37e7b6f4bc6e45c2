"""Compile every gettext catalog (django.po → django.mo) under src/ with Babel (no GNU gettext needed)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def main() -> int:
    """Compile each catalog whose .mo is missing or older than its .po; fail on a broken one."""
    root = Path(__file__).resolve().parent.parent / "src"
    for po in sorted(root.rglob("locale/*/LC_MESSAGES/django.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        with mo.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        print(f"compiled {po.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
