#!/usr/bin/env bash
# Screenshots of Hawtio's Camel route diagrams after a sandbox harvest, written to docs/hawtio-<route>.png.
#   mvn -q package -DskipTests && scripts/hawtio-screenshots.sh
#   ROUTES="harvest process" OUT_DIR=/tmp/shots JAR=/path/to/jobmarket.jar scripts/hawtio-screenshots.sh
# Steps (the service, Chromium and the clean-up come from scripts/lib/sandbox-browser.sh): copies the jar and
# starts the service on a temporary data directory, in sandbox mode (no France Travail credentials) with a
# harvest at start-up; waits for "Harvest SUCCEEDED"; starts scripts/hawtio.sh
# against the service's Jolokia; drives headless Chromium through chromedriver's WebDriver API (curl, jq):
# for each route, clicks it in Hawtio's Camel tree (Hawtio keeps the tree selection in the page, not in the
# URL), opens its Route Diagram tab in a window sized so that Hawtio fits the diagram at scale ZOOM, waits for
# the per-processor exchange counts and saves the route's panel (name, tabs, diagram) as a PNG. On exit,
# whatever happens, it stops Chromium, Hawtio and the service and deletes the temporary directory.
# Needs java 17, mvn (for scripts/hawtio.sh), chromium and chromedriver (Debian packages chromium and
# chromium-driver), curl, jq, base64, setsid. Ports (all on 127.0.0.1) and scale can be changed:
#   HTTP_PORT=18480 DB_PORT=15580 HAWTIO_PORT=18490 DRIVER_PORT=18495 ZOOM=0.8
cd "$(dirname "$0")/.."
OUT_DIR="${OUT_DIR:-docs}"
ROUTES="${ROUTES:-harvest process harvest-query warehouse-load}"
HTTP_PORT="${HTTP_PORT:-18480}"
DB_PORT="${DB_PORT:-15580}"
HAWTIO_PORT="${HAWTIO_PORT:-18490}"
DRIVER_PORT="${DRIVER_PORT:-18495}"
WINDOW="${WINDOW:-1400,3000}"
ZOOM="${ZOOM:-0.8}"
EXTRA_TOOLS=mvn EXTRA_PORTS="$HAWTIO_PORT"
source scripts/lib/sandbox-browser.sh

start_service

jolokia="http://127.0.0.1:$HTTP_PORT/observe/jolokia"
log "starting Hawtio on port $HAWTIO_PORT"
(
  export HAWTIO_PORT JOLOKIA_URL="$jolokia"
  exec setsid scripts/hawtio.sh >"$work/hawtio.log" 2>&1
) &
hawtio_pid=$!
started "$hawtio_pid" 10 hawtio
hawtio_up() { alive "$hawtio_pid" "Hawtio"; listening "$HAWTIO_PORT"; }
wait_for 600 "Hawtio" hawtio_up
hawtio_ready() { curl -sf -o /dev/null "http://127.0.0.1:$HAWTIO_PORT/hawtio/"; }
wait_for 120 "Hawtio's web application" hawtio_ready

start_browser
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
