#!/usr/bin/env bash
# CPU profile of one benchmark with Java Flight Recorder, summarized as top self methods and
# top vpatch methods (inclusive). Issue 3 asks for the profile's top items before and after.
#
#   bench/profile.sh [BENCHMARK_REGEX] [JMH arguments...]
#     default benchmark: TransactionBenchmark.browserGet
#     e.g. bench/profile.sh TransactionBenchmark.formPost4k
#          bench/profile.sh PathologicalInputBenchmark -p ruleId=941160
#
# Environment: VPATCH_CRS_DIR (default ../shared/crs), PROFILE_SECONDS (measurement, default 10),
# PROFILE_TOP (rows, default 20). The recording stays in bench/target/jfr/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
benchmark="${1:-TransactionBenchmark.browserGet}"
[[ $# -gt 0 ]] && shift
crs_dir="$(cd "${VPATCH_CRS_DIR:-$root/../shared/crs}" && pwd)"
out="$root/bench/target/jfr"

./mvnw -q -B -o -pl bench -am package -DskipTests 2>/dev/null \
  || ./mvnw -q -B -pl bench -am package -DskipTests
rm -rf "$out"
mkdir -p "$out"
# DebugNonSafepoints: without it JFR charges a sample in inlined code to the nearest safepoint's
# method and line, which put a fifth of a proxy profile on one line of KeyedValues.add.
java -jar bench/target/benchmarks.jar "$benchmark" -f 1 -wi 2 -w 2s -i 1 \
  -r "${PROFILE_SECONDS:-10}s" -t 1 -prof "jfr:dir=$out;configName=profile" \
  -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Xms1g -Xmx1g -XX:FlightRecorderOptions:stackdepth=256" \
  -p crsDir="$crs_dir" "$@"
find "$out" -name '*.jfr' | sort | while read -r recording; do
  echo
  python3 bench/jfr_top.py "$recording" "${PROFILE_TOP:-20}"
done
