#!/usr/bin/env bash
# Screenshots of Hawtio's Camel route diagrams after a sandbox harvest, written to docs/hawtio-<route>.png.
#   mvn -q package -DskipTests && scripts/hawtio-screenshots.sh
#   ROUTES="harvest process" OUT_DIR=/tmp/shots JAR=/path/to/jobmarket.jar scripts/hawtio-screenshots.sh
# Steps: copies the jar and starts the service on a temporary data directory, in sandbox mode (no France
# Travail credentials) with a harvest at start-up; waits for "Harvest SUCCEEDED"; starts scripts/hawtio.sh
# against the service's Jolokia; drives headless Chromium through chromedriver's WebDriver API (curl, jq):
# for each route, clicks it in Hawtio's Camel tree (Hawtio keeps the tree selection in the page, not in the
# URL), opens its Route Diagram tab in a window sized so that Hawtio fits the diagram at scale ZOOM, waits for
# the per-processor exchange counts and saves the route's panel (name, tabs, diagram) as a PNG. On exit,
# whatever happens, it stops Chromium, Hawtio and the service and deletes the temporary directory.
# Needs java 17, mvn (for scripts/hawtio.sh), chromium and chromedriver (Debian packages chromium and
# chromium-driver), curl, jq, base64, setsid. Ports (all on 127.0.0.1) and scale can be changed:
#   HTTP_PORT=18480 DB_PORT=15580 HAWTIO_PORT=18490 DRIVER_PORT=18495 ZOOM=0.8
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${JAR:-target/jobmarket.jar}"
OUT_DIR="${OUT_DIR:-docs}"
ROUTES="${ROUTES:-harvest process harvest-query warehouse-load}"
HTTP_PORT="${HTTP_PORT:-18480}"
DB_PORT="${DB_PORT:-15580}"
HAWTIO_PORT="${HAWTIO_PORT:-18490}"
DRIVER_PORT="${DRIVER_PORT:-18495}"
WINDOW="${WINDOW:-1400,3000}"
ZOOM="${ZOOM:-0.8}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}"
HARVEST_TIMEOUT="${HARVEST_TIMEOUT:-300}"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in java mvn curl jq base64 setsid; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
[ -x "$CHROMIUM" ] || die "chromium not found at $CHROMIUM (Debian package chromium)"
[ -x "$CHROMEDRIVER" ] || die "chromedriver not found (Debian package chromium-driver)"
[ -f "$JAR" ] || die "$JAR not found (mvn package first)"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$HTTP_PORT" "$DB_PORT" "$HAWTIO_PORT" "$DRIVER_PORT"; do
  listening "$port" && die "port $port is already in use"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/jobmarket-hawtio.XXXXXX")"
service_pid="" hawtio_pid="" driver_pid="" session=""

# Each child runs in a process group of its own (setsid), so that its own children go with it.
stop_group() {
  local pid="$1" grace="$2"
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq "$grace"); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  sleep 1
  kill -KILL -- "-$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$session" ]; then
    curl -s -m 10 -X DELETE "http://127.0.0.1:$DRIVER_PORT/session/$session" >/dev/null 2>&1 || true
  fi
  stop_group "$driver_pid" 5
  stop_group "$hawtio_pid" 10
  # the service stops its routes and its embedded PostgreSQL on SIGTERM (Camel shutdown timeout: 20 s)
  stop_group "$service_pid" 60
  if [ "$status" -ne 0 ]; then
    log "failed; last lines of the logs:"
    for f in service hawtio chromedriver; do
      [ -f "$work/$f.log" ] && { echo "--- $f.log" >&2; tail -n 30 "$work/$f.log" >&2; }
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() {  # wait_for <seconds> <what> <command...>
  local seconds="$1" what="$2"
  shift 2
  for _ in $(seq "$seconds"); do
    "$@" && return 0
    sleep 1
  done
  die "timed out after ${seconds}s waiting for $what"
}
alive() { kill -0 "$1" 2>/dev/null || die "$2 exited (see its log above)"; }

# --- the service, sandbox mode, one harvest at start-up ---
cp "$JAR" "$work/jobmarket.jar"
mkdir -p "$work/data"
log "starting the service on port $HTTP_PORT (data in $work/data)"
(
  cd "$work"
  export JOBMARKET_DATA_DIR="$work/data" JOBMARKET_HTTP_PORT="$HTTP_PORT" JOBMARKET_DB_EMBEDDED_PORT="$DB_PORT"
  export JOBMARKET_HARVEST_ON_STARTUP=true JOBMARKET_FT_CLIENT_ID="" JOBMARKET_FT_CLIENT_SECRET=""
  exec setsid java -jar "$work/jobmarket.jar" >"$work/service.log" 2>&1
) &
service_pid=$!
harvest_done() {
  alive "$service_pid" "the service"
  grep -q "Harvest FAILED" "$work/service.log" && die "the harvest failed"
  grep -q "Harvest SUCCEEDED" "$work/service.log"
}
wait_for "$HARVEST_TIMEOUT" "the harvest" harvest_done
log "$(grep -m1 -o 'Harvest SUCCEEDED.*' "$work/service.log")"

# --- Hawtio ---
jolokia="http://127.0.0.1:$HTTP_PORT/observe/jolokia"
log "starting Hawtio on port $HAWTIO_PORT"
(
  export HAWTIO_PORT JOLOKIA_URL="$jolokia"
  exec setsid scripts/hawtio.sh >"$work/hawtio.log" 2>&1
) &
hawtio_pid=$!
hawtio_up() { alive "$hawtio_pid" "Hawtio"; listening "$HAWTIO_PORT"; }
wait_for 600 "Hawtio" hawtio_up
hawtio_ready() { curl -sf -o /dev/null "http://127.0.0.1:$HAWTIO_PORT/hawtio/"; }
wait_for 120 "Hawtio's web application" hawtio_ready

# --- headless Chromium through chromedriver ---
(exec setsid "$CHROMEDRIVER" --port="$DRIVER_PORT" >"$work/chromedriver.log" 2>&1) &
driver_pid=$!
driver_ready() { curl -sf "http://127.0.0.1:$DRIVER_PORT/status" | jq -e '.value.ready' >/dev/null; }
wait_for 30 "chromedriver" driver_ready

wd() {  # wd <method> <path> [json body]: the WebDriver command's value
  local response
  response="$(curl -s -m 60 -X "$1" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "http://127.0.0.1:$DRIVER_PORT/session${session:+/$session}$2")"
  if jq -e '.value | type == "object" and has("error")' >/dev/null <<<"$response"; then
    echo "$response" | jq -r '"webdriver: " + .value.error + ": " + (.value.message | split("\n")[0])' >&2
    return 1
  fi
  jq -c '.value' <<<"$response"
}
js() {  # js <script body>: its return value
  wd POST /execute/sync "$(jq -nc --arg s "$1" '{script: $s, args: []}')"
}

capabilities="$(jq -nc --arg binary "$CHROMIUM" --arg window "$WINDOW" --arg profile "$work/profile" '{
  capabilities: {alwaysMatch: {browserName: "chrome", "goog:chromeOptions": {binary: $binary, args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\($window)",
    "--user-data-dir=\($profile)", "--no-first-run", "--disable-background-networking",
    "--disable-component-update"]}}}}')"
session="$(wd POST "" "$capabilities" | jq -r '.sessionId')"
[ -n "$session" ] && [ "$session" != null ] || die "no WebDriver session"

# "/" registers the connection to the service in the page's local storage and opens Hawtio's Camel view
wd POST /url "$(jq -nc --arg url "http://127.0.0.1:$HAWTIO_PORT/" '{url: $url}')" >/dev/null

tree_node() {  # the tree node whose text is exactly $1, printed as a WebDriver element reference
  local xpath="//*[contains(@class,'tree-view__node-text') and normalize-space(.)='$1']"
  wd POST /element "$(jq -nc --arg x "$xpath" '{using: "xpath", value: $x}')" 2>/dev/null | jq -c 'select(. != null)'
}
tree_loaded() { [ -n "$(tree_node harvest)" ]; }
wait_for 120 "Hawtio's Camel tree" tree_loaded

click() {  # click <xpath>
  local element
  element="$(wd POST /element "$(jq -nc --arg x "$1" '{using: "xpath", value: $x}')" | jq -r 'to_entries[0].value')"
  wd POST "/element/$element/click" '{}' >/dev/null
}
show_diagram() {  # (re)opens the Route Diagram tab: Hawtio fits the diagram to the window when the tab opens
  click "//a[normalize-space(.)='Attributes']"
  sleep 1
  click "//a[normalize-space(.)='Route Diagram']"
}
diagram_ready() {  # the selected route's diagram, with the exchange counts of the first statistics poll
  js "const title = document.querySelector('#camel-content-header h1');
      const counts = [...document.querySelectorAll('.react-flow__node .number')].map(n => n.textContent);
      return !!title && title.textContent.trim() === '$1' && location.pathname.endsWith('/routeDiagram')
        && counts.length > 0 && counts.some(c => c !== '0');" | grep -q true
}
window_size() {  # the window size at which the diagram, fitted, is drawn at scale $ZOOM
  # nodes are placed by Hawtio's layout in diagram coordinates (150 x 100 px each), whatever the scale;
  # the diagram takes the window's height less 330 px, beside Hawtio's menu and tree (570 px)
  js "const points = [...document.querySelectorAll('.react-flow__node')]
        .map(n => n.style.transform.match(/translate\\(([-\\d.]+)px, ([-\\d.]+)px\\)/).slice(1).map(Number));
      const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
      const zoom = $ZOOM * 1.12;
      const width = Math.max(700, Math.ceil((Math.max(...xs) - Math.min(...xs) + 150) * zoom));
      const height = Math.ceil((Math.max(...ys) - Math.min(...ys) + 100) * zoom);
      return {width: 570 + width, height: 330 + height + (window.outerHeight - window.innerHeight)};"
}

mkdir -p "$OUT_DIR"
width="${WINDOW%,*}" height="${WINDOW#*,}"
for route in $ROUTES; do
  [ -n "$(tree_node "$route")" ] || die "route $route not in Hawtio's tree"
  wd POST /window/rect "$(jq -nc --argjson w "$width" --argjson h "$height" '{width: $w, height: $h}')" >/dev/null
  click "//*[contains(@class,'tree-view__node-text') and normalize-space(.)='$route']"
  show_diagram
  wait_for 60 "the diagram of route $route" diagram_ready "$route"
  wd POST /window/rect "$(window_size)" >/dev/null
  show_diagram
  wait_for 60 "the diagram of route $route" diagram_ready "$route"
  sleep 3   # the fit's animation, then one more statistics poll
  # the route's name, its tabs and its diagram, scrolled to the top
  js "document.querySelector('main').scrollTop = 0; return true" >/dev/null
  content="$(wd POST /element '{"using": "css selector", "value": "#camel-content"}' | jq -r 'to_entries[0].value')"
  file="$OUT_DIR/hawtio-$route.png"
  wd GET "/element/$content/screenshot" | jq -r '.' | base64 -d >"$file"
  log "$file: $(js "return document.querySelectorAll('.react-flow__node').length") processors, $(wc -c <"$file") bytes"
done
log "done"
