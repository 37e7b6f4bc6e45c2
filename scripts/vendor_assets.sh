#!/usr/bin/env bash
# Copy the front-end packages installed from the npm registry into the app's static files,
# so the app serves HTMX, Pico CSS and the Sarabun font itself (no CDN, works on an intranet).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=src/digiskill/static/vendor
rm -rf "$dest" && mkdir -p "$dest/htmx" "$dest/pico" "$dest/sarabun"
cp node_modules/htmx.org/dist/htmx.min.js "$dest/htmx/"
cp node_modules/@picocss/pico/css/pico.min.css "$dest/pico/"
for f in node_modules/@fontsource/sarabun/files/sarabun-{thai,latin}-{400,700}-normal.{woff2,woff}; do cp "$f" "$dest/sarabun/"; done
cp node_modules/@fontsource/sarabun/LICENSE "$dest/sarabun/LICENSE-OFL.txt" 2>/dev/null || true
