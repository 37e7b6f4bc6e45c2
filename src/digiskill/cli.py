"""The `digiskill` command: Django's management commands, spelled with hyphens.

`digiskill parse-unit FILE --json` runs the `parse_unit` command, `digiskill migrate` runs
`migrate`, and so on; `digiskill help` lists them all.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command named with hyphens or underscores."""
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digiskill.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["digiskill", *args[1:]])


if __name__ == "__main__":
    main()
