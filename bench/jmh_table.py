#!/usr/bin/env python3
"""Prints the JMH JSON result of vpatch's benchmarks as a table next to issue 3's targets.

Usage: bench/jmh_table.py bench/target/jmh-result.json
Times are per whole transaction (phases 1-5), from JMH's sample mode; alloc is
gc.alloc.rate.norm (-prof gc), bytes allocated per transaction.
"""
import json
import sys

# Issue 3: (label, target in us, the statistic the target applies to)
TARGETS = {
    "TransactionBenchmark.browserGet": ("browser-like GET", 40, "p50"),
    "TransactionBenchmark.formPost4k": ("4 KB urlencoded form POST", 150, "p50"),
    "TransactionBenchmark.jsonPost4k": ("4 KB JSON POST", 150, "p50"),
    "TransactionBenchmark.attackGet": ("attack GET (SQLi, detected)", 100, "p50"),
    "TransactionBenchmark.formPost64k": ("64 KB benign form POST", 1500, "p50"),
    "PathologicalInputBenchmark.transaction": ("4 KB value vs rule {ruleId}", 1000, "p50"),
}
ORDER = list(TARGETS)


def short_name(benchmark):
    return ".".join(benchmark.split(".")[-2:])


def row(entry):
    name = short_name(entry["benchmark"])
    label, target, statistic = TARGETS.get(name, (name, None, "p50"))
    params = entry.get("params", {})
    label = label.format(**params)
    if params.get("paranoiaLevel", "1") != "1":
        label += " (PL%s)" % params["paranoiaLevel"]
    if params.get("rulesFile"):
        label += " [%s]" % params["rulesFile"]
        target = None
    metric = entry["primaryMetric"]
    unit = metric["scoreUnit"]
    scale = {"us/op": 1.0, "ms/op": 1000.0, "ns/op": 0.001, "s/op": 1e6}.get(unit)
    if scale is None:
        raise SystemExit("unexpected unit %s in %s" % (unit, name))
    pct = metric.get("scorePercentiles", {})
    stats = {
        "p50": pct.get("50.0", metric["score"]) * scale,
        "mean": metric["score"] * scale,
        "p99": pct.get("99.0", float("nan")) * scale,
        "max": pct.get("100.0", float("nan")) * scale,
    }
    alloc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    if target is None:
        verdict = ""
    else:
        verdict = "met" if stats[statistic] <= target else "NOT met"
        verdict = "%s <= %s us: %s" % (statistic, format(target, ","), verdict)
    order = ORDER.index(name) if name in ORDER else len(ORDER)
    return order, params.get("ruleId", ""), label, stats, alloc, verdict


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    with open(sys.argv[1]) as f:
        entries = json.load(f)
    rows = sorted(row(e) for e in entries)
    header = "%-44s %10s %10s %10s %10s %12s  %s" % (
        "shape (one transaction, phases 1-5)", "p50 us", "mean us", "p99 us", "max us",
        "alloc B/op", "issue 3 target")
    print(header)
    print("-" * len(header))
    for _, _, label, s, alloc, verdict in rows:
        alloc_text = "%12s" % format(int(round(alloc)), ",") if alloc is not None else "%12s" % "-"
        print("%-44s %10.1f %10.1f %10.1f %10.1f %s  %s" % (
            label, s["p50"], s["mean"], s["p99"], s["max"], alloc_text, verdict))


if __name__ == "__main__":
    main()
