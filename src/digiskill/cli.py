"""The `digiskill` command: Django's management commands, spelled with hyphens.

`digiskill parse-unit FILE --json` runs the `parse_unit` command, `digiskill migrate` runs
`migrate`, and so on; `digiskill help` lists them all.

Outside debug, SECRET_KEY signs what the web app hands out (sessions, links). Commands that sign
nothing run without it; the others stop with one line that names the command and the variable.
"""

from __future__ import annotations

import os
import sys

SECRET_FREE_COMMANDS = frozenset(
    {
        # DigiSkill's own commands: data in and out, no sessions and no signed links.
        "parse_unit",
        "load_framework",
        "import_units",
        "export_case",
        "import_case",
        "export_csv",
        "export_openapi",
        "import_roster",
        "roster_template",
        "import_resources",
        "gap_report",
        "plan_form",
        "synth",
        "load_demo",
        # Django's commands for installing and inspecting.
        "help",
        "version",
        "check",
        "migrate",
        "showmigrations",
        "makemigrations",
        "sqlmigrate",
        "collectstatic",
        "findstatic",
        "compilemessages",
        "makemessages",
        "createsuperuser",
        "changepassword",
        "dbshell",
        "createcachetable",
    }
)
"""Commands that run without SECRET_KEY (a throw-away key is used); any other command needs it."""


def command_name(args: list[str]) -> str:
    """The management command the arguments name, with underscores ("help" when none is given)."""
    if len(args) < 2 or args[1] in {"-h", "--help"}:
        return "help"
    if args[1] == "--version":
        return "version"
    return args[1].replace("-", "_")


def main(argv: list[str] | None = None) -> None:
    """Run a management command named with hyphens or underscores."""
    args = list(sys.argv if argv is None else argv)
    command = command_name(args)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = command
    if command == "help" and len(args) > 2 and not args[2].startswith("-"):
        args[2] = args[2].replace("-", "_")  # digiskill help parse-unit
    os.environ.setdefault("DIGISKILL_COMMAND", command.replace("_", "-"))
    if command in SECRET_FREE_COMMANDS:
        os.environ.setdefault("DIGISKILL_SECRET_OPTIONAL", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digiskill.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["digiskill", *args[1:]])


if __name__ == "__main__":
    main()
