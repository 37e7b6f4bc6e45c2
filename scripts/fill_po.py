"""Fill a .po catalog's empty translations from a Python dict file (msgid → Thai); list what is left.

Usage: python scripts/fill_po.py CATALOG.po TRANSLATIONS.py
"""

from __future__ import annotations

import runpy
import sys

from babel.messages.pofile import read_po, write_po


def main(po_path: str, dict_path: str) -> int:
    """Set every empty msgstr that the dict knows; print the msgids still untranslated."""
    table = runpy.run_path(dict_path)["T"]
    with open(po_path, "rb") as f:
        catalog = read_po(f)
    catalog.plural_forms  # noqa: B018 - Thai: nplurals=1
    missing = []
    for message in catalog:
        if not message.id:
            continue
        thai = table.get(message.id)
        # A fuzzy entry is gettext's guess from a similar msgid: never trust it.
        empty = (
            "fuzzy" in message.flags
            or not message.string
            or (isinstance(message.string, tuple) and not any(message.string))
        )
        if thai and empty:
            message.string = (thai,) if isinstance(message.id, tuple) else thai
        elif empty:
            missing.append(message.id)
            message.string = ("",) if isinstance(message.id, tuple) else ""
        if isinstance(message.string, tuple) and len(message.string) > 1 and not any(message.string[1:]):
            message.string = message.string[:1]  # Thai has one plural form (nplurals=1)
        message.flags.discard("fuzzy")
    with open(po_path, "wb") as f:
        write_po(f, catalog, width=0)
    for m in missing:
        print("untranslated:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
