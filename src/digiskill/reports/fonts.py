"""Sarabun for documents: the app's own font files, inlined so no server or network is needed."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

THAI_RANGE = "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC"
LATIN_RANGE = (
    "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, "
    "U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD"
)
SUBSETS = {"thai": THAI_RANGE, "latin": LATIN_RANGE}


class FontMissing(RuntimeError):
    """The vendored Sarabun files are not there (run `make install`, which vendors them)."""


def _font_file(name: str) -> Path:
    """A vendored Sarabun file, from the static files (source tree or collected)."""
    relative = f"vendor/sarabun/{name}"
    found = finders.find(relative)
    if isinstance(found, list):
        found = found[0] if found else None
    if found:
        return Path(found)
    collected = Path(settings.STATIC_ROOT) / relative
    if collected.is_file():
        return collected
    raise FontMissing(
        f"ไม่พบไฟล์ฟอนต์ {relative} (รัน make install) / Font file {relative} not found (run make install)"
    )


@cache
def sarabun_css(weights: tuple[int, ...] = (400, 700)) -> str:
    """@font-face rules for "Sarabun" (Thai and Latin subsets) with the fonts inlined as data URLs."""
    rules = []
    for weight in weights:
        for subset, unicode_range in SUBSETS.items():
            data = base64.b64encode(_font_file(f"sarabun-{subset}-{weight}-normal.woff2").read_bytes())
            rules.append(
                '@font-face { font-family: "Sarabun"; font-style: normal; '
                f"font-weight: {weight}; "
                f'src: url(data:font/woff2;base64,{data.decode("ascii")}) format("woff2"); '
                f"unicode-range: {unicode_range}; }}"
            )
    return "\n".join(rules)
