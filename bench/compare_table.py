#!/usr/bin/env python3
"""compare_table.py RUNS.jsonl - the table and ratios of bench/compare.sh (issue 4).

req/s, p50, p99: medians over rounds of wrk's numbers. CPU us/req: CPU time of the server
process (the vpatch JVM, or the nginx master + workers) per request, median over rounds.

Ratios are paired: numerator over denominator within each round (both ran minutes apart at
most), then the median over rounds, with the rounds' lowest and highest in brackets. On a
shared 2-core machine the throughput drifts between rounds by more than the differences measured;
pairing within a round cancels most of the drift.
"""
import json
import statistics
import sys

TARGETS = {
    "off": "vpatch --engine off",
    "defaults": "vpatch, its defaults only",
    "patch": "vpatch + OWASP guide patch",
    "crs": "vpatch + CRS v4 PL1",
    "raw": "nginx raw proxy",
    "modsec": "nginx + ModSecurity v3 + CRS v4",
}
SHAPES = {"get": "browser GET", "form": "POST form 4 KB", "json": "POST JSON 4 KB"}
# issue 4: (numerator, denominator, shapes it applies to, minimum)
RATIOS = [
    ("off", "raw", ("get", "form", "json"), 0.8),
    ("patch", "off", ("get", "form", "json"), 0.9),
    ("crs", "off", ("get",), 0.5),
    ("crs", "modsec", ("get",), 20.0),
    ("crs", "off", ("form", "json"), None),
    ("crs", "modsec", ("form", "json"), None),
    # with the opt-in defaults target: a transaction's fixed cost, then the patch's own rules
    ("defaults", "off", ("get", "form", "json"), None),
    ("patch", "defaults", ("get", "form", "json"), None),
]


def summarize(runs):
    grouped = {}
    for run in runs:
        grouped.setdefault((run["target"], run["shape"]), []).append(run)
    stats = {}
    for key, rs in grouped.items():
        wrk = [r["wrk"] for r in rs]
        cpu = [r["cpu_ticks"] / r["clk_tck"] / max(1, r["wrk"]["requests"]) * 1e6 for r in rs]
        errors = sum(w["err_status"] + w["err_connect"] + w["err_read"] + w["err_write"]
                     + w["err_timeout"] for w in wrk)
        stats[key] = {
            "by_round": {r["round"]: (r["wrk"]["rps"], c) for r, c in zip(rs, cpu)},
            "rps": statistics.median(w["rps"] for w in wrk),
            "rounds": [w["rps"] for w in wrk],
            "p50": statistics.median(w["p50_ms"] for w in wrk),
            "p99": statistics.median(w["p99_ms"] for w in wrk),
            "cpu": statistics.median(cpu),
            "errors": errors,
        }
    return stats


def ratio_text(value):
    return "%.3f" % value if value < 0.1 else "%.2f" % value if value < 100 else "%.0f" % value


def main(path):
    with open(path) as f:
        stats = summarize([json.loads(line) for line in f if line.strip()])
    header = "%-34s %-15s %9s  %-18s %8s %8s %11s" % (
        "target", "shape", "req/s", "(rounds)", "p50 ms", "p99 ms", "CPU us/req")
    print(header)
    print("-" * len(header))
    for target in TARGETS:
        for shape in SHAPES:
            s = stats.get((target, shape))
            if s is None:
                continue
            rounds = " ".join("%.0f" % r for r in s["rounds"])
            print("%-34s %-15s %9.0f  %-18s %8.2f %8.2f %11.1f%s" % (
                TARGETS[target], SHAPES[shape], s["rps"], "(" + rounds + ")", s["p50"], s["p99"],
                s["cpu"], "  %d errors/non-2xx!" % s["errors"] if s["errors"] else ""))
    print()
    print("ratios, paired by round, median [lowest-highest]: req/s numerator / denominator "
          "(higher is faster); CPU us/req numerator / denominator (lower is cheaper)")
    for num, den, shapes, minimum in RATIOS:
        for shape in shapes:
            a, b = stats.get((num, shape)), stats.get((den, shape))
            if a is None or b is None:
                continue
            rounds = sorted(set(a["by_round"]) & set(b["by_round"]))
            if not rounds:
                continue
            rps_ratios = [a["by_round"][r][0] / b["by_round"][r][0] for r in rounds]
            cpu_ratios = [a["by_round"][r][1] / b["by_round"][r][1] for r in rounds
                          if b["by_round"][r][1] > 0]
            rps = statistics.median(rps_ratios)
            cpu = statistics.median(cpu_ratios) if cpu_ratios else float("inf")
            verdict = ""
            if minimum is not None:
                verdict = "target >= %s: %s" % (minimum, "met" if rps >= minimum else "NOT met")
            print("  %-8s / %-8s %-15s req/s %6s [%s-%s]   CPU %6s   %s" % (
                num, den, SHAPES[shape], ratio_text(rps), ratio_text(min(rps_ratios)),
                ratio_text(max(rps_ratios)), ratio_text(cpu), verdict))

if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
