#!/usr/bin/env bash
# Dashboard timings in headless Chromium on a sandbox instance (default 5,000 offers; SANDBOX_OFFERS to change):
# for each page, the first contentful paint and the time until every chart is drawn, on a fresh load; then the
# redraw after a slicer change (metier_data and "Offres dispo ONLY" on page 1, the requirement slicer on page 2,
# metier_data on page 4): the first change of each value asks the service (whose answers are then kept until
# the next load), the later ones are answered from its cache.
#   mvn -q package -DskipTests && scripts/bench-dashboard.sh [rounds, default 3]
# BENCH_DATA=scripts/bench-api-data.sql replaces the sandbox's warehouse by that file's 120,000 offers after the
# harvest (the volume of the dashboard's speed goal; the file has no salaries, so page 7 draws empty charts).
# Same needs and ports as scripts/dashboard-screenshots.sh. The figures are the page's own performance
# measures ("rendu-<n>": from the state change to the last chart drawn), in milliseconds.
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
export JOBMARKET_SANDBOX_OFFERS="${SANDBOX_OFFERS:-5000}"
source scripts/lib/sandbox-browser.sh

start_service
if [ -n "${BENCH_DATA:-}" ]; then
  log "loading $BENCH_DATA"
  PGPASSFILE="$work/data/postgres.pgpass" \
    java -cp "$JAR" scripts/RunSql.java "jdbc:postgresql://127.0.0.1:$DB_PORT/jobmarket" "$BENCH_DATA"
  offers() { curl -s -H 'Accept: application/json' "http://127.0.0.1:$HTTP_PORT/stats/total_offres"; }
  wait_for 60 "the API to serve the loaded offers" eval '[[ "$(offers)" == *120000* ]]'
  log "the API serves $(offers)"
fi
start_browser
last_render_ms() { js "const m = performance.getEntriesByName('rendu-' + document.body.dataset.rendu); return Math.round(m[0].duration)"; }

echo "page  first_contentful_paint_ms  all_charts_drawn_ms"
for page in 1 2 3 4 5 6 7; do
  for round in $(seq "$ROUNDS"); do
    navigate "/dashboard?page=$page"
    fcp="$(js "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? Math.round(p.startTime) : null")"
    done_ms="$(js "const m = performance.getEntriesByName('tableau-dessine'); return Math.round(m[0].startTime)")"
    echo "$page  $fcp  $done_ms  (round $round)"
  done
done

redraw() {  # redraw <label> <script that changes a slicer>
  local before
  before="$(rendered)"
  js "$2; return true" >/dev/null
  await_render "$before"
  echo "$1  $(last_render_ms)"
}
choose() {  # the script that picks a value in a select, as a user does
  echo "const s = document.querySelector('select[name=\"$1\"]'); s.value = '$2'; s.dispatchEvent(new Event('change'))"
}
echo "slicer redraw_ms"
navigate "/dashboard?page=1"
for round in $(seq "$ROUNDS"); do
  for metier in DE DA DS vide ""; do
    redraw "page1 metier_data=${metier:-(tous)} (round $round)" "$(choose metier_data "$metier")"
  done
  redraw "page1 offres_dispo_only on (round $round)" "document.getElementById('dispo').click()"
  redraw "page1 offres_dispo_only off (round $round)" "document.getElementById('dispo').click()"
done
navigate "/dashboard?page=2"
for round in $(seq "$ROUNDS"); do
  for requirement in E S ""; do
    redraw "page2 exigence_competence=${requirement:-(toutes)} (round $round)" "$(choose exigence_competence "$requirement")"
  done
done
navigate "/dashboard?page=4"
for round in $(seq "$ROUNDS"); do
  for metier in DE ""; do
    redraw "page4 metier_data=${metier:-(tous)} (round $round)" "$(choose metier_data "$metier")"
  done
done
