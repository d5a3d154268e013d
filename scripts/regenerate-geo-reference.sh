#!/usr/bin/env bash
# Regenerates src/main/resources/geo/communes.csv from the official administrative division data
# (npm package @etalab/decoupage-administratif, exact version pinned in scripts/geo/package.json).
# Needs Node.js 18+ and npm; installs into a temporary directory, leaves no node_modules in the repository.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$root/scripts/geo/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error >/dev/null)

mkdir -p "$root/src/main/resources/geo"
node "$root/scripts/geo/build-reference.mjs" \
  "$work/node_modules/@etalab/decoupage-administratif" \
  "$root/src/main/resources/geo/communes.csv"
