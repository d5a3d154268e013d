#!/usr/bin/env bash
# Screenshots of the dashboard's seven pages after a sandbox harvest, written to docs/dashboard-<page>.png.
#   mvn -q package -DskipTests && scripts/dashboard-screenshots.sh
#   PAGES="1 4" OUT_DIR=/tmp/shots WIDTH=390 scripts/dashboard-screenshots.sh
# Starts the service from target/jobmarket.jar on a temporary data directory, in sandbox mode with a harvest at
# start-up, waits for "Harvest SUCCEEDED", then drives headless Chromium through chromedriver's WebDriver API
# (curl, jq): for each page, opens /dashboard?page=<n>, waits until the dashboard has drawn it, sizes the window
# to the whole page and saves it. On exit, whatever happens, it stops Chromium and the service and deletes the
# temporary directory. Needs java 17, chromium and chromedriver (Debian packages chromium and chromium-driver),
# curl, jq, base64, setsid. Ports on 127.0.0.1: HTTP_PORT=18580 DB_PORT=15680 DRIVER_PORT=18595.
cd "$(dirname "$0")/.."
OUT_DIR="${OUT_DIR:-docs}"
PAGES="${PAGES:-1 2 3 4 5 6 7}"
WIDTH="${WIDTH:-1400}"
WINDOW="$WIDTH,1000"
source scripts/lib/sandbox-browser.sh

start_service
start_browser
mkdir -p "$OUT_DIR"
for page in $PAGES; do
  navigate "/dashboard?page=$page"
  # twice: the charts follow the window's new size, which may change the page's height a little
  for _ in 1 2; do
    height="$(js "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight")"
    wd POST /window/rect "$(jq -nc --argjson w "$WIDTH" --argjson h "$height" '{width: $w, height: $h}')" >/dev/null
    sleep 1
  done
  file="$OUT_DIR/dashboard-$page.png"
  wd GET /screenshot | jq -r '.' | base64 -d >"$file"
  log "$file: $(js "return document.getElementById('titre-page').textContent"), $(wc -c <"$file") bytes"
  wd POST /window/rect "$(jq -nc --argjson w "$WIDTH" '{width: $w, height: 1000}')" >/dev/null
done
log "done"
