#!/usr/bin/env bash
# Benchmark of the history merge (issue 4, item 10): 30,000 new offers (20,000 of them already known) merged into a
# 120,000-offer history, with realistic offers (~60 attributes, ~3,000-character descriptions), in a 1 GB heap.
# Goal: under 10 s and 1 GB. Usage: scripts/bench-history-merge.sh [work dir, default target/bench-history]
# HEAP=512m scripts/bench-history-merge.sh tries a smaller heap. The seed files (~1 GB on disk) are generated once
# and reused; delete the work dir to regenerate.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/bench-history}
heap=${HEAP:-1g}

mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
main=fr.jobmarket.history.bench.HistoryMergeBenchmark

java -Xmx1g -cp "$classpath" "$main" generate "$work"
echo "merge with -Xmx$heap (load average: $(cut -d" " -f1-3 /proc/loadavg), $(nproc) cores):"
/usr/bin/time -v -o target/bench-history-time.txt \
    java -Xmx"$heap" -cp "$classpath" "$main" merge "$work"
grep -E 'Maximum resident set size|Elapsed|User time|System time|Percent of CPU' target/bench-history-time.txt \
    | sed 's/^\s*/process: /'
