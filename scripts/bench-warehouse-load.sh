#!/usr/bin/env bash
# Warehouse load benchmark on an embedded PostgreSQL: 100,000 offers into an empty warehouse, then the
# daily load of 30,000 offers into that warehouse, then a full reload for comparison.
# Usage: scripts/bench-warehouse-load.sh [work dir] [offers] [daily offers]   (offline Maven build)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/bench-warehouse}"
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
rm -rf "$work"
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    fr.jobmarket.warehouse.bench.WarehouseLoadBenchmark "$work" "${2:-100000}" "${3:-30000}"
