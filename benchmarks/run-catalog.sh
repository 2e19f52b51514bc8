#!/usr/bin/env bash
# Floe against Iceberg's reference REST server (DESIGN.md section 9, issue 2 "Benchmark").
# Builds what the benchmark needs, runs it (about ten minutes on two cores), prints the figures
# and refreshes today's catalog section of BENCHMARKS.md.
#
# Sizes are system properties, e.g.  benchmarks/run-catalog.sh -Dbench.rounds=3 -Dbench.loads=200
# (see BenchmarkOptions). Extra Maven flags, e.g. MVN_FLAGS=-o for an offline build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mvn -B -q ${MVN_FLAGS:-} -pl benchmarks -am install -Dmaven.test.skip=true
rm -rf benchmarks/target/lib
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory=target/lib

exec java -Xms512m -Xmx2g \
  -Dlogback.configurationFile=bench-logback.xml \
  -Dbench.results="$root/BENCHMARKS.md" \
  -Dbench.logs="$root/benchmarks/target/catalog-bench" \
  "$@" \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
  dev.floe.bench.CatalogBenchmark
