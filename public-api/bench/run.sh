#!/usr/bin/env bash
# The public API's load benchmark, one command (from anywhere):
#   public-api/bench/run.sh [items=100000] [seconds=20] [connections=32]
# Fills an in-memory embedded store with generated published items, starts the public API on it
# (rate limit off), measures the search module in process, then runs wrk (Debian package) against
# the API: a hot item read, random item reads, and searches with unique queries. Prints a table.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
./mvnw -B -o -q -pl public-api test-compile
./mvnw -B -o -q -pl public-api dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx4g -XX:+UseParallelGC \
  -cp "public-api/target/test-classes:public-api/target/classes:$(cat public-api/target/bench-classpath.txt)" \
  org.knead.api.bench.LoadBenchmark "$@"
