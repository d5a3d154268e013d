#!/usr/bin/env bash
# Benchmark of the transform and merge stages of one harvest (issue 4, item 10): the raw appellation files of a
# sandbox harvest (34,720 synthetic offers as France Travail returns them, 31,000 distinct; duplicates across
# appellations, overseas and Corsican offers, every location case) go through the process routes (dedupe,
# metropolitan filter, location enrichment, dates) into a 30,070-offer batch, which OfferHistory.merge merges into
# a 120,000-offer history holding two thirds of its ids. Reverse geocoding answers from an in-memory map: the
# figures are the pipeline's own CPU and memory. Both stages run twice in one fresh JVM: the first round is the
# service's first harvest after a start (code not compiled yet), the second a later harvest. Goal: under 10 s and 1 GB.
#
# Usage: scripts/bench-pipeline.sh [work dir, default target/bench-pipeline]; HEAP=512m tries a smaller heap.
# The seed data (<work dir>/seed, ~430 MB) is generated once and reused by later runs: delete it to regenerate.
# Each run's output (<work dir>/run, ~450 MB) is deleted on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/bench-pipeline}
heap=${HEAP:-1g}
trap 'rm -rf "$work/run"' EXIT

mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
main=fr.jobmarket.harvest.bench.PipelineBenchmark

java -Xmx1g -cp "$classpath" "$main" generate "$work"
echo "transform and merge with -Xmx$heap (load average: $(cut -d" " -f1-3 /proc/loadavg), $(nproc) cores):"
/usr/bin/time -v -o target/bench-pipeline-time.txt \
    java -Xmx"$heap" -Xlog:gc:file=target/bench-pipeline-gc.log -cp "$classpath" "$main" run "$work"
grep -E 'Maximum resident set size|Elapsed|User time|System time|Percent of CPU' target/bench-pipeline-time.txt \
    | sed 's/^\s*/process: /'
echo "garbage collections: $(grep -c 'Pause' target/bench-pipeline-gc.log) pauses (target/bench-pipeline-gc.log)"
