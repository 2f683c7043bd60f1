#!/usr/bin/env bash
# Per-rule cost of one of issue 3's transactions: which rules the time goes to (see
# dev.vpatch.bench.RuleCostReport). Runs the shape until the JIT settles, then times every rule
# chain for a while and prints the costliest ones per transaction.
#
#   bench/rulecost.sh [get|form|json|attack|form64k] [--paranoia N] [--rules FILE] [--top N] [--seconds S]
#     e.g. bench/rulecost.sh form --top 15
#          bench/rulecost.sh get --rules engine/src/test/resources/owasp-guide/positive-patch.conf
#
# The CRS folder is VPATCH_CRS_DIR (default ../shared/crs); --crs DIR overrides it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
crs_dir="$(cd "${VPATCH_CRS_DIR:-$root/../shared/crs}" && pwd)"

./mvnw -q -B -o -pl bench -am package -DskipTests 2>/dev/null \
  || ./mvnw -q -B -pl bench -am package -DskipTests
exec java -Dvpatch.ruleCosts=true -Xms1g -Xmx1g -cp bench/target/benchmarks.jar \
  dev.vpatch.bench.RuleCostReport --crs "$crs_dir" "$@"
