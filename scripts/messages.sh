#!/usr/bin/env bash
# Extract translatable strings: each app with its own locale/ folder into its own catalog, the
# rest (shell, accounts, core) into the project catalog. Needs GNU gettext (xgettext).
set -euo pipefail
cd "$(dirname "$0")/../src/digiskill"
cli=../../.venv/bin/digiskill
ignores=(--ignore 'static/*' --ignore '*/locale/*')
for app in */locale; do
  app=${app%/locale}
  [ "$app" = "." ] && continue
  ignores+=(--ignore "$app/*")
  (cd "$app" && DEBUG=true "../$cli" makemessages -l th --no-obsolete)
done
DEBUG=true "$cli" makemessages -l th --no-obsolete "${ignores[@]}"
