#!/usr/bin/env bash
# Latency of the query API with 120,000 offers: starts the application jar on a throw-away data
# directory (embedded PostgreSQL), loads scripts/bench-api-data.sql, then runs wrk (50 connections)
# against the stats and ranking endpoints and prints p50 / p99 per endpoint: each path repeated, so all but its
# first request are cache hits. scripts/bench-api-mix.sh measures a varied mix of filters and cold first requests.
# Usage: scripts/bench-api.sh [seconds per endpoint, default 15]   (needs wrk and curl; builds the jar if missing)
# BENCH_EXTRA_CP adds classpath entries (for example a directory holding geo/communes.csv); BENCH_JAVA_OPTS replaces
# the JVM options of the README's run command (-XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
HTTP_PORT="${BENCH_HTTP_PORT:-18391}"
DB_PORT="${BENCH_DB_PORT:-15491}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
[ -f target/jobmarket.jar ] || mvn -q -o -DskipTests package
DATA_DIR="$(mktemp -d /tmp/jobmarket-bench.XXXXXX)"
LOG="$DATA_DIR/app.log"
JOBMARKET_DATA_DIR="$DATA_DIR" JOBMARKET_HTTP_PORT="$HTTP_PORT" JOBMARKET_DB_EMBEDDED_PORT="$DB_PORT" \
  java ${BENCH_JAVA_OPTS:--XX:+UseParallelGC} -cp "target/jobmarket.jar${BENCH_EXTRA_CP:+:$BENCH_EXTRA_CP}" fr.jobmarket.JobMarketApplication >"$LOG" 2>&1 &
APP_PID=$!
# under set -e a failing kill or wait (the application's own exit status) would end the trap before the rm
cleanup() {
  set +e
  kill "$APP_PID" 2>/dev/null
  wait "$APP_PID" 2>/dev/null
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped:" >&2; cat "$LOG" >&2; exit 1; }
  grep -q "Apache Camel .* started" "$LOG" && curl -fs "http://127.0.0.1:$HTTP_PORT/about" >/dev/null 2>&1 && break
  sleep 1
done
echo "loading 120,000 offers..."
PGPASSFILE="$DATA_DIR/postgres.pgpass" \
  java -cp target/jobmarket.jar scripts/RunSql.java "jdbc:postgresql://127.0.0.1:$DB_PORT/jobmarket" scripts/bench-api-data.sql
# the API notices the new extraction date within 2 s; it serves answers from it once /about shows it
for _ in $(seq 1 120); do
  curl -s "http://127.0.0.1:$HTTP_PORT/about" | grep -q '"derniere_mise_a_jour":"2025-07-24"' && break
  sleep 1
done
echo "$(curl -s "http://127.0.0.1:$HTTP_PORT/about" | grep -o '"derniere_mise_a_jour":"[^"]*"') loaded; warming up the JVM..."
wrk -t2 -c50 -d5s "http://127.0.0.1:$HTTP_PORT/mapping_localisation/region" >/dev/null
printf '%-70s %10s %10s %12s\n' endpoint p50 p99 requests/s
for path in "/stats/total_offres" "/stats/total_offres?metier_data=DE&code_region=11&code_region=84" \
            "/stats/classement/region" "/stats/classement/departement?offres_dispo_only=true" \
            "/stats/classement/ville?metier_data=DA" "/criteres_recruteurs/competences" \
            "/criteres_recruteurs/experiences?code_departement=75" "/criteres_recruteurs/qualites_professionnelles"; do
  first=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$HTTP_PORT$path")
  out=$(wrk -t2 -c50 -d"${DURATION}s" --latency "http://127.0.0.1:$HTTP_PORT$path")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  rps=$(awk '$1=="Requests/sec:"{print $2}' <<<"$out")
  printf '%-70s %10s %10s %12s   (first request: %ss)\n' "$path" "$p50" "$p99" "$rps" "$first"
done
