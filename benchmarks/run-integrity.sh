#!/usr/bin/env bash
# Measures what table integrity costs (the guard's added PUT/GET latency, commit validation on a
# 1,000-file append) and refreshes today's section of BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
lib=benchmarks/target/integrity-lib
classes=benchmarks/target/integrity-classes
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks -am install -Dmaven.test.skip=true
rm -rf "$lib" "$classes"
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory=target/integrity-lib
cp -r benchmarks/target/classes "$classes"

exec java -Xms512m -Xmx2g \
  -Dlogback.configurationFile=bench-logback.xml \
  -Dbench.results="$root/BENCHMARKS.md" \
  -Dbench.logs="$root/benchmarks/target/integrity-bench" \
  "$@" \
  -cp "$classes:$lib/*" \
  dev.floe.bench.IntegrityGuardBenchmark
