#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs vpatch's JMH benchmarks (issue 3): one whole engine
# transaction per operation against the CRS at paranoia level 1, then prints a table of
# p50/mean/p99/max microseconds and bytes allocated per transaction (-prof gc).
#
#   bench/run.sh [quick|full] [JMH arguments...]
#
#   quick (default)  fork 1, 3 x 1 s warmup, 3 x 1 s measurement per benchmark (~8 min)
#   full             fork 1, 5 x 5 s warmup, 5 x 5 s measurement per benchmark
#   Either way each benchmark first runs its transaction until the JIT compilers settle (used at
#   most 2 % of the last second; dev.vpatch.bench.JitSettling), at most BENCH_SETTLE_SECONDS.
#   JMH arguments    appended (a timing option given here replaces the default), e.g. a benchmark regex ("TransactionBenchmark.browserGet"),
#                    "-p ruleId=941160", "-p paranoiaLevel=4", "-p rulesFile=my.conf"
#
# Environment: VPATCH_CRS_DIR (CRS release folder, default ../shared/crs from the repository
# root), BENCH_RESULT (JSON output, default bench/target/jmh-result.json), BENCH_HEAP (default 1g),
# BENCH_SETTLE_SECONDS (most seconds to wait for the JIT before JMH's warm-up, default 60; 0 skips),
# BENCH_FOOTPRINT=0 skips measuring the CRS load time and retained heap before the benchmarks.
# Settings are for a 2-core machine: one benchmark thread, one fork at a time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mode=quick
case "${1:-}" in
  quick|full) mode="$1"; shift ;;
esac

crs_dir="$(cd "${VPATCH_CRS_DIR:-$root/../shared/crs}" 2>/dev/null && pwd)" || {
  echo "CRS folder not found: ${VPATCH_CRS_DIR:-$root/../shared/crs} (set VPATCH_CRS_DIR)" >&2
  exit 2
}
result="${BENCH_RESULT:-$root/bench/target/jmh-result.json}"

if [[ "$mode" == full ]]; then
  defaults=(-f 1 -wi 5 -w 5s -i 5 -r 5s)
else
  defaults=(-f 1 -wi 3 -w 1s -i 3 -r 1s)
fi
# JMH refuses an option given twice: a timing option in the arguments replaces the default.
timing=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  given=no
  for arg in "$@"; do [[ "$arg" == "${defaults[k]}" ]] && given=yes; done
  [[ $given == no ]] && timing+=("${defaults[k]}" "${defaults[k + 1]}")
done

echo "== building bench/target/benchmarks.jar" >&2
# Offline first (the usual case on a warmed ~/.m2), online if a dependency is missing.
./mvnw -q -B -o -pl bench -am package -DskipTests 2>/dev/null \
  || ./mvnw -q -B -pl bench -am package -DskipTests

mkdir -p "$(dirname "$result")"
footprint="$(dirname "$result")/footprint.txt"
: >"$footprint"
if [[ "${BENCH_FOOTPRINT:-1}" == 1 ]]; then
  echo "== loading the CRS once: load time and retained heap" >&2
  java -Xmx1g -cp bench/target/benchmarks.jar dev.vpatch.bench.RuleSetFootprint "$crs_dir" \
    | tee "$footprint"
fi

echo "== running JMH ($mode) against $crs_dir" >&2
java -jar bench/target/benchmarks.jar "${timing[@]}" -t 1 -prof gc \
  -jvmArgsAppend "-Xms${BENCH_HEAP:-1g} -Xmx${BENCH_HEAP:-1g} -Dvpatch.crs.dir=$crs_dir -Dvpatch.bench.settleSeconds=${BENCH_SETTLE_SECONDS:-60}" \
  -p crsDir="$crs_dir" -rf json -rff "$result" "$@"

echo
echo "== results ($result)"
cat "$footprint"
python3 bench/jmh_table.py "$result"
