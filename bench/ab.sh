#!/usr/bin/env bash
# Same-JVM A/B of two engine builds (dev.vpatch.bench.ab.SameJvmComparison): both builds run issue
# 3's transactions against the CRS in one JVM, interleaved, and each round gives a paired ratio.
# Use it to decide whether a change is faster: separate JMH runs on a shared 2-core VM differ by
# more than most changes do.
#
#   bench/ab.sh [BASE] [--rounds N] [--cold MB]      BASE (default HEAD) against the working tree
#   bench/ab.sh A.jar B.jar [--rounds N] [--cold MB] two bench jars (bench/target/benchmarks.jar)
#
#   --rounds N   interleaved rounds (default 10)
#   --cold MB    touch MB of memory between transactions and time each one alone (default: hot,
#                thread CPU time of batches, one request repeated as in JMH)
#
# BASE is built in a temporary git worktree (removed afterwards). The CRS folder is
# VPATCH_CRS_DIR (default ../shared/crs). Takes 2-5 minutes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
crs_dir="$(cd "${VPATCH_CRS_DIR:-$root/../shared/crs}" 2>/dev/null && pwd)" || {
  echo "CRS folder not found: ${VPATCH_CRS_DIR:-$root/../shared/crs} (set VPATCH_CRS_DIR)" >&2
  exit 2
}
out="$root/bench/target/ab"
mkdir -p "$out"

build_jar() { # source-folder destination
  (cd "$1" && ./mvnw -q -B -pl bench -am package -DskipTests) >&2
  cp "$1/bench/target/benchmarks.jar" "$2"
}

if [[ $# -ge 2 && "$1" == *.jar && "$2" == *.jar ]]; then
  a="$1"; b="$2"; shift 2
else
  base="HEAD"
  if [[ $# -ge 1 && "$1" != --* ]]; then base="$1"; shift; fi
  commit="$(git rev-parse --verify "$base^{commit}")"
  worktree="$(mktemp -d)"
  trap 'git worktree remove --force "$worktree" >/dev/null 2>&1 || true' EXIT
  echo "[ab] building A = $base ($commit) in $worktree" >&2
  git worktree add --quiet --detach "$worktree" "$commit"
  a="$out/A-${commit:0:12}.jar"
  build_jar "$worktree" "$a"
  git worktree remove --force "$worktree"
  echo "[ab] building B = the working tree" >&2
  b="$out/B-working-tree.jar"
  build_jar "$root" "$b"
fi
# The comparing tool runs from B's jar; A borrows its ShapeTransactions if A predates it.
java -Xmx3g "-Dvpatch.crs.dir=$crs_dir" -cp "$b" dev.vpatch.bench.ab.SameJvmComparison "$a" "$b" "$@"
