#!/usr/bin/env bash
# Runs the policy-evaluation JMH benchmark (issue 4's < 50 µs p99 budget) and prints percentiles.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mvn -B -q -Dstyle.color=never ${MVN_FLAGS:-} -f "$ROOT/pom.xml" -DskipTests -pl benchmarks -am install
mvn -B -q -Dstyle.color=never ${MVN_FLAGS:-} -f "$ROOT/benchmarks/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$ROOT/benchmarks/target/lib"
exec java -cp "$ROOT/benchmarks/target/classes:$ROOT/benchmarks/target/lib/*" \
  org.openjdk.jmh.Main PolicyEvaluationBenchmark "$@"
