# Sourced by the scripts that drive headless Chromium on a sandbox instance of the service (the dashboard's
# screenshots and benchmark, Hawtio's screenshots): the service with one harvest done, and Chromium driven through
# chromedriver's WebDriver API (curl, jq). The caller sets JAR, HTTP_PORT, DB_PORT, DRIVER_PORT, WINDOW, CHROMIUM,
# CHROMEDRIVER, HARVEST_TIMEOUT (defaults below), and EXTRA_TOOLS, EXTRA_PORTS for what else it needs, then calls,
# in order: start_service; start_browser; then wd, js, navigate. A process of its own it starts with `started`.
# On exit every process started stops, the last started first, and the temporary directory $work is removed.
# Each child runs in a process group of its own (setsid), so that its own children go with it.
set -euo pipefail

JAR="${JAR:-target/jobmarket.jar}"
HTTP_PORT="${HTTP_PORT:-18580}"
DB_PORT="${DB_PORT:-15680}"
DRIVER_PORT="${DRIVER_PORT:-18595}"
WINDOW="${WINDOW:-1400,1000}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}"
HARVEST_TIMEOUT="${HARVEST_TIMEOUT:-300}"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in java curl jq base64 setsid ${EXTRA_TOOLS:-}; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
[ -x "$CHROMIUM" ] || die "chromium not found at $CHROMIUM (Debian package chromium)"
[ -x "$CHROMEDRIVER" ] || die "chromedriver not found (Debian package chromium-driver)"
[ -f "$JAR" ] || die "$JAR not found (mvn package first)"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$HTTP_PORT" "$DB_PORT" "$DRIVER_PORT" ${EXTRA_PORTS:-}; do
  listening "$port" && die "port $port is already in use"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/jobmarket-browser.XXXXXX")"
service_pid="" session=""
children=()  # "<pid> <seconds to stop> <name>": its log is $work/<name>.log

started() {  # started <pid> <seconds it may take to stop> <name>
  children+=("$1 $2 $3")
}
BASE="http://127.0.0.1:$HTTP_PORT"

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
  local i pid grace name
  for ((i = ${#children[@]} - 1; i >= 0; i--)); do
    read -r pid grace name <<<"${children[i]}"
    stop_group "$pid" "$grace"
  done
  if [ "$status" -ne 0 ]; then
    log "failed; last lines of the logs:"
    for i in "${!children[@]}"; do
      read -r pid grace name <<<"${children[i]}"
      [ -f "$work/$name.log" ] && { echo "--- $name.log" >&2; tail -n 30 "$work/$name.log" >&2; }
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

# The service from a copy of the jar, sandbox mode (no France Travail credentials), one harvest at start-up.
start_service() {
  cp "$JAR" "$work/jobmarket.jar"
  mkdir -p "$work/data"
  log "starting the service on port $HTTP_PORT (data in $work/data)"
  (
    cd "$work"
    export JOBMARKET_DATA_DIR="$work/data" JOBMARKET_HTTP_PORT="$HTTP_PORT" JOBMARKET_DB_EMBEDDED_PORT="$DB_PORT"
    export JOBMARKET_HARVEST_ON_STARTUP=true JOBMARKET_FT_CLIENT_ID="" JOBMARKET_FT_CLIENT_SECRET=""
    exec setsid java -XX:+UseParallelGC -jar "$work/jobmarket.jar" >"$work/service.log" 2>&1 # the README's run options
  ) &
  service_pid=$!
  # it stops its routes and its embedded PostgreSQL on SIGTERM (Camel shutdown timeout: 20 s)
  started "$service_pid" 60 service
  harvest_done() {
    alive "$service_pid" "the service"
    grep -q "Harvest FAILED" "$work/service.log" && die "the harvest failed"
    grep -q "Harvest SUCCEEDED" "$work/service.log"
  }
  wait_for "$HARVEST_TIMEOUT" "the harvest" harvest_done
  log "$(grep -m1 -o 'Harvest SUCCEEDED.*' "$work/service.log")"
}

start_browser() {
  (exec setsid "$CHROMEDRIVER" --port="$DRIVER_PORT" >"$work/chromedriver.log" 2>&1) &
  started $! 5 chromedriver
  driver_ready() { curl -sf "http://127.0.0.1:$DRIVER_PORT/status" | jq -e '.value.ready' >/dev/null; }
  wait_for 30 "chromedriver" driver_ready
  local capabilities
  capabilities="$(jq -nc --arg binary "$CHROMIUM" --arg window "$WINDOW" --arg profile "$work/profile" '{
    capabilities: {alwaysMatch: {browserName: "chrome", "goog:chromeOptions": {binary: $binary, args: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\($window)",
      "--user-data-dir=\($profile)", "--no-first-run", "--disable-background-networking",
      "--disable-component-update"]}}}}')"
  session="$(wd POST "" "$capabilities" | jq -r '.sessionId')"
  [ -n "$session" ] && [ "$session" != null ] || die "no WebDriver session"
}

wd() {  # wd <method> <path> [json body]: the WebDriver command's value
  local response
  response="$(curl -s -m 120 -X "$1" -H 'Content-Type: application/json' \
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

# The dashboard marks each drawing it finishes: body[data-rendu] counts them, body[data-etat] is "pret"
# (or "erreur"), and performance measures "rendu-<n>" time each one.
rendered() { js "return Number(document.body.dataset.rendu || 0)"; }
await_render() {  # await_render <count before>: waits for a later drawing, fails on an error
  local before="$1" state
  for _ in $(seq 600); do
    state="$(js "return Number(document.body.dataset.rendu || 0) > $before ? document.body.dataset.etat : 'attente'")"
    case "$state" in
      '"pret"') return 0 ;;
      '"erreur"') die "the dashboard shows an error: $(js "return document.getElementById('erreur').textContent")" ;;
    esac
    sleep 0.1
  done
  die "the dashboard did not finish drawing"
}
navigate() {  # navigate <path>: opens it and waits for the first drawing
  wd POST /url "$(jq -nc --arg url "$BASE$1" '{url: $url}')" >/dev/null
  await_render 0
}
