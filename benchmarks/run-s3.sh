#!/usr/bin/env bash
# Floe's S3 endpoint against the store behind it (DESIGN.md section 9, issue 3 "Benchmark").
# Builds what the benchmark needs, runs it (about ten minutes on two cores), prints the figures and
# refreshes today's S3 proxy section of BENCHMARKS.md. Temporary data is deleted afterwards.
#
# Sizes are system properties, e.g.  benchmarks/run-s3.sh -Dbench.s3.rounds=3 -Dbench.s3.upload-mib=512
# (see S3BenchmarkOptions). Extra Maven flags, e.g. MVN_FLAGS=-o for an offline build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Its own copy of the classes and the runtime classpath: a build or run-catalog.sh started meanwhile
# rewrites target/classes and target/lib, and this run's server JVMs start minutes after its own.
lib=benchmarks/target/s3-lib
classes=benchmarks/target/s3-classes
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks -am install -Dmaven.test.skip=true
rm -rf "$lib" "$classes"
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory=target/s3-lib
cp -r benchmarks/target/classes "$classes"

exec java -Xms512m -Xmx2g \
  -Dlogback.configurationFile=bench-logback.xml \
  -Dbench.results="$root/BENCHMARKS.md" \
  -Dbench.logs="$root/benchmarks/target/s3-bench" \
  "$@" \
  -cp "$classes:$lib/*" \
  dev.floe.bench.S3ProxyBenchmark
