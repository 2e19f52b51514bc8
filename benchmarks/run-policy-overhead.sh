#!/usr/bin/env bash
# Measures what policies cost the catalog (loadTable throughput as a user with ten attached policies,
# 1,000 in the system, against root) and refreshes today's section of BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
lib=benchmarks/target/policy-lib
classes=benchmarks/target/policy-classes
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks -am install -Dmaven.test.skip=true
rm -rf "$lib" "$classes"
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory=target/policy-lib
cp -r benchmarks/target/classes "$classes"

exec java -Xms512m -Xmx2g \
  -Dlogback.configurationFile=bench-logback.xml \
  -Dbench.results="$root/BENCHMARKS.md" \
  -Dbench.logs="$root/benchmarks/target/policy-bench" \
  "$@" \
  -cp "$classes:$lib/*" \
  dev.floe.bench.PolicyOverheadBenchmark
