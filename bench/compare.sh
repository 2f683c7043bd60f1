#!/usr/bin/env bash
# End-to-end comparison of issue 4: wrk against the vpatch proxy and nginx (+ ModSecurity v3),
# same requests, interleaved rounds, on loopback. Targets (server under test -> backend 18080):
#
#   off     vpatch proxy --engine off                                   (port COMPARE_PORT_BASE)
#   patch   vpatch proxy --rules <OWASP guide positive patch>           (COMPARE_PORT_BASE + 1)
#   crs     vpatch proxy --crs <CRS v4>  (paranoia level 1)             (COMPARE_PORT_BASE + 2)
#   raw     nginx raw reverse proxy (shared/oracle, 18081)
#   modsec  nginx + ModSecurity v3 + the same CRS v4 (shared/oracle, 18084)
#   defaults  (only when named in COMPARE_TARGETS) vpatch proxy with vpatch's defaults and no
#           rules: the engine's fixed cost per transaction, apart from the patch's rules
#                                                                       (COMPARE_PORT_BASE + 3)
#
# Shapes: get, form, json = shared/oracle/wrk/get.lua, post-form.lua, post-json.lua.
# Prints req/s, p50/p99 latency, CPU us per request of the server process (utime+stime from
# /proc/<pid>/stat, children included, like shared/oracle/bench.sh) and issue 4's ratios.
#
#   bench/compare.sh
#
# Environment (all optional):
#   COMPARE_DURATION=5s  COMPARE_ROUNDS=3  COMPARE_CONNECTIONS=16  COMPARE_THREADS=1
#   COMPARE_WARMUP=5s           per scenario and warm-up pass, before round 1
#   COMPARE_WARMUP_PASSES=6     at most this many warm-up passes per vpatch target: a JVM is
#                               warm once its JIT compiler threads used under COMPARE_JIT_SETTLED
#   COMPARE_JIT_SETTLED=2       percent of the process's CPU during a pass (nginx: one pass)
#   COMPARE_TARGETS="off patch crs raw modsec"   COMPARE_SHAPES="get form json"
#                               (add defaults for the engine's fixed cost per transaction)
#   COMPARE_PORT_BASE=18091     first of the (up to four) vpatch ports
#   COMPARE_OUT=<dir>           raw results (default /tmp/vpatch-compare/<UTC timestamp>)
#   VPATCH_CRS_DIR              CRS v4 release folder (default ../shared/crs)
#   ORACLE_HOME                 the oracle folder (default ../shared/oracle)
#   VPATCH_JAVA_OPTS            JVM options of the vpatch proxies (default -Xms512m -Xmx512m)
#   COMPARE_VPATCH_ARGS         extra arguments for every `vpatch proxy`
# The vpatch proxies are stopped at the end; of the oracle's nginx instances only those this
# script started are stopped.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

DURATION="${COMPARE_DURATION:-5s}"
ROUNDS="${COMPARE_ROUNDS:-3}"
CONNS="${COMPARE_CONNECTIONS:-16}"
THREADS="${COMPARE_THREADS:-1}"
WARMUP="${COMPARE_WARMUP:-5s}"
WARMUP_PASSES="${COMPARE_WARMUP_PASSES:-6}"
JIT_SETTLED="${COMPARE_JIT_SETTLED:-2}"
TARGETS="${COMPARE_TARGETS:-off patch crs raw modsec}"
SHAPES="${COMPARE_SHAPES:-get form json}"
PORT_BASE="${COMPARE_PORT_BASE:-18091}"
OUT="${COMPARE_OUT:-/tmp/vpatch-compare/$(date -u +%Y%m%dT%H%M%SZ)}"
CRS_DIR="$(cd "${VPATCH_CRS_DIR:-$root/../shared/crs}" && pwd)"
ORACLE="$(cd "${ORACLE_HOME:-$root/../shared/oracle}" && pwd)"
PATCH="$root/engine/src/test/resources/owasp-guide/positive-patch.conf"
UPSTREAM="http://127.0.0.1:18080"
export VPATCH_JAVA_OPTS="${VPATCH_JAVA_OPTS:--Xms512m -Xmx512m}"

log() { echo "[compare] $*" >&2; }

command -v wrk >/dev/null || { log "wrk is not installed (apt-get install -y wrk)"; exit 1; }
[ -f "$PATCH" ] || { log "missing $PATCH"; exit 1; }
[ -f "$CRS_DIR/crs-setup.conf.example" ] || { log "not a CRS folder: $CRS_DIR"; exit 1; }

port_of() {
  case "$1" in
    off) echo "$PORT_BASE" ;;
    patch) echo $((PORT_BASE + 1)) ;;
    crs) echo $((PORT_BASE + 2)) ;;
    defaults) echo $((PORT_BASE + 3)) ;;
    raw) echo 18081 ;;
    modsec) echo 18084 ;;
    *) log "unknown target $1 (off patch crs raw modsec defaults)"; exit 1 ;;
  esac
}
script_of() {
  case "$1" in
    get) echo get.lua ;;
    form) echo post-form.lua ;;
    json) echo post-json.lua ;;
    *) log "unknown shape $1 (get form json)"; exit 1 ;;
  esac
}
for t in $TARGETS; do port_of "$t" >/dev/null; done
for s in $SHAPES; do script_of "$s" >/dev/null; done
mkdir -p "$OUT"

# --- nginx side: the oracle's instances; remember which ones we start ---------------------
oracle_pid() { # instance -> master pid if running (same check as the oracle's lib.sh)
  local pidfile="${ORACLE_RUN_DIR:-/tmp/oracle}/$1/nginx.pid" pid
  [ -s "$pidfile" ] || return 0
  pid="$(tr -dc '0-9' <"$pidfile")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "/$1/nginx.conf" && echo "$pid"
  return 0
}
needed="backend"
for t in $TARGETS; do
  case "$t" in raw) needed="$needed rawproxy" ;; modsec) needed="$needed crs4" ;; esac
done
started_oracle=""
for inst in $needed; do
  [ -n "$(oracle_pid "$inst")" ] || started_oracle="$started_oracle $inst"
done

vpatch_pids=""
cleanup() {
  for pid in $vpatch_pids; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $vpatch_pids; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  # shellcheck disable=SC2086
  [ -z "$started_oracle" ] || "$ORACLE/stop.sh" $started_oracle
}
trap cleanup EXIT

log "oracle instances: $needed (starting:${started_oracle:- none})"
# start.sh leaves an instance that runs with the same configuration alone
ORACLE_ONLY="$needed" ORACLE_CRS4_HOME="$CRS_DIR" "$ORACLE/start.sh" >&2

# --- vpatch side -------------------------------------------------------------------------
vpatch_args() {
  case "$1" in
    off) echo "--engine off" ;;
    patch) echo "--rules $PATCH" ;;
    crs) echo "--crs $CRS_DIR" ;;
    defaults) echo "" ;;
  esac
}
if [[ " $TARGETS " =~ \ (off|patch|crs|defaults)\  ]]; then
  log "building the vpatch launcher jar once"
  ./vpatch --help >/dev/null
fi
for t in $TARGETS; do
  case "$t" in off|patch|crs|defaults) ;; *) continue ;; esac
  port="$(port_of "$t")"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is already in use; set COMPARE_PORT_BASE"; exit 1
  fi
  # shellcheck disable=SC2046,SC2086
  # --admin none: the three proxies would all want the default admin port
  ./vpatch proxy --upstream "$UPSTREAM" --listen "127.0.0.1:$port" --admin none $(vpatch_args "$t") \
    ${COMPARE_VPATCH_ARGS:-} >"$OUT/vpatch-$t.log" 2>&1 &
  vpatch_pids="$vpatch_pids $!"
  eval "pid_$t=$!"
done
for t in $TARGETS; do
  case "$t" in off|patch|crs|defaults) ;; *) continue ;; esac
  port="$(port_of "$t")"
  pid_var="pid_$t"
  for i in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    kill -0 "${!pid_var}" 2>/dev/null || { log "vpatch $t exited, see $OUT/vpatch-$t.log"; tail -5 "$OUT/vpatch-$t.log" >&2; exit 1; }
    [ "$i" -lt 120 ] || { log "vpatch $t not listening on $port after 60 s"; exit 1; }
    sleep 0.5
  done
  log "vpatch $t: pid ${!pid_var}, port $port"
done

server_pid() { # target -> the pid whose CPU is measured (nginx master or the vpatch JVM)
  case "$1" in
    raw) oracle_pid rawproxy ;;
    modsec) oracle_pid crs4 ;;
    *) local v="pid_$1"; echo "${!v}" ;;
  esac
}
stat_ticks() { # utime + stime of a /proc/.../stat file, 0 when it is gone
  local line f
  read -r line 2>/dev/null <"$1" || { echo 0; return; }
  # fields 14 and 15, counted after the comm's closing parenthesis (a comm may hold spaces)
  read -r -a f <<<"${line##*) }"
  echo $((f[11] + f[12]))
}
cpu_ticks() { # pid and its direct children (nginx workers)
  local total=0 p
  for p in $1 $(ps -o pid= --ppid "$1"); do
    total=$((total + $(stat_ticks "/proc/$p/stat")))
  done
  echo "$total"
}
jit_ticks() { # a JVM's JIT compiler threads (C1/C2 CompilerThread)
  local total=0 t
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ CompilerThre*|C2\ CompilerThre*) total=$((total + $(stat_ticks "$t/stat"))) ;;
    esac
  done
  echo "$total"
}

# --- the requests must be answered 200 everywhere, or the numbers compare errors ----------
log "checking that every target answers the benchmark requests with 200"
for s in $SHAPES; do
  case "$s" in get) d=get ;; form) d=form ;; json) d=json ;; esac
  DUMP=$d wrk -t1 -c1 -d1s -s "$ORACLE/wrk/dump.lua" "$UPSTREAM"
done >"$OUT/requests.jsonl"
for t in $TARGETS; do
  python3 "$ORACLE/verdict.py" -p "$(port_of "$t")" "$OUT/requests.jsonl" >"$OUT/check-$t.jsonl"
  if ! python3 - "$OUT/check-$t.jsonl" "$t" <<'PY'
import json, sys
bad = [r for r in map(json.loads, open(sys.argv[1])) if r.get("status") != 200]
for r in bad:
    print("%s: not 200: %s" % (sys.argv[2], json.dumps(r)), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
  then
    log "target $t does not pass the benchmark requests (see $OUT/check-$t.jsonl)"; exit 1
  fi
done

run_wrk() { # round target shape duration record
  local round="$1" t="$2" s="$3" dur="$4" record="$5" pid c0 c1 line file
  pid="$(server_pid "$t")"
  file="$OUT/wrk-$t-$s-r$round.txt"
  c0="$(cpu_ticks "$pid")"
  wrk -t"$THREADS" -c"$CONNS" -d"$dur" --timeout 5s -s "$ORACLE/wrk/$(script_of "$s")" \
    "http://127.0.0.1:$(port_of "$t")" >"$file" 2>&1
  c1="$(cpu_ticks "$pid")"
  [ "$record" = 1 ] || return 0
  line="$(grep '^WRKJSON ' "$file" | sed 's/^WRKJSON //')"
  [ -n "$line" ] || { log "no result from wrk for $t $s (see $file)"; exit 1; }
  printf '{"round":%d,"target":"%s","shape":"%s","cpu_ticks":%d,"clk_tck":%d,"wrk":%s}\n' \
    "$round" "$t" "$s" $((c1 - c0)) "$(getconf CLK_TCK)" "$line" >>"$OUT/runs.jsonl"
  log "round $round $t $s: $(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print("%(rps).0f req/s  p50 %(p50_ms).2f ms  p99 %(p99_ms).2f ms  non-2xx %(err_status)d" % d)' "$line")"
}

scenarios=()
for t in $TARGETS; do for s in $SHAPES; do scenarios+=("$t $s"); done; done
# Warm-up: every scenario once; a vpatch target again, pass after pass, while its JIT compilers
# still take a noticeable share of its CPU (a JVM that is still compiling runs slower and its
# compilations count in its CPU per request): the rounds measure each server in its steady state.
log "warm-up ($WARMUP per scenario and pass; vpatch until its JIT compilers use < $JIT_SETTLED % of its CPU, at most $WARMUP_PASSES passes)"
warming="$TARGETS"
: >"$OUT/warmup.txt"
for pass in $(seq 1 "$WARMUP_PASSES"); do
  still=""
  for t in $warming; do
    pid="$(server_pid "$t")"
    c0="$(cpu_ticks "$pid")"; j0="$(jit_ticks "$pid")"
    for s in $SHAPES; do run_wrk 0 "$t" "$s" "$WARMUP" 0; done
    c1="$(cpu_ticks "$pid")"; j1="$(jit_ticks "$pid")"
    share=$(( (j1 - j0) * 1000 / (c1 - c0 > 0 ? c1 - c0 : 1) ))
    case "$t" in
      off|patch|crs|defaults)
        line="$t: pass $pass, JIT compilers $((share / 10)).$((share % 10)) % of its CPU"
        if [ "$share" -ge $((JIT_SETTLED * 10)) ]; then
          still="$still $t"
          [ "$pass" -lt "$WARMUP_PASSES" ] || line="$line (not settled after $WARMUP_PASSES passes)"
        fi
        log "warm-up $line"; echo "$line" >>"$OUT/warmup.txt" ;;
    esac
  done
  warming="$still"
  [ -n "$warming" ] || break
done

: >"$OUT/runs.jsonl"
n=${#scenarios[@]}
for r in $(seq 1 "$ROUNDS"); do
  # interleaved; each round starts one scenario later so that none always runs first
  for i in $(seq 0 $((n - 1))); do
    run_wrk "$r" ${scenarios[$(((i + r - 1) % n))]} "$DURATION" 1
  done
done

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, vpatch $(git -C "$root" rev-parse --short HEAD)"
  echo "wrk -t$THREADS -c$CONNS -d$DURATION, $ROUNDS rounds interleaved; CRS: $CRS_DIR"
  [ ! -s "$OUT/warmup.txt" ] || echo "warm-up (last pass of each vpatch target): $(awk -F': ' '{last[$1]=$0} END{for (t in last) printf "%s; ", last[t]}' "$OUT/warmup.txt")"
  python3 "$root/bench/compare_table.py" "$OUT/runs.jsonl"
} | tee "$OUT/table.txt"
log "raw results: $OUT"
