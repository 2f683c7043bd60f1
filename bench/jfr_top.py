#!/usr/bin/env python3
"""jfr_top.py FILE.jfr [N] - the top items of a JFR CPU profile (jdk.ExecutionSample).

Prints the N (default 20) methods most often on top of the stack (self time) and the N vpatch
methods (dev.vpatch.*) most often anywhere on the stack (inclusive time), as shares of samples.
Uses the JDK's `jfr` tool.
"""
import collections
import json
import subprocess
import sys


def frame_name(frame):
    method = frame["method"]
    return "%s.%s" % (method["type"]["name"].replace("/", "."), method["name"])


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    limit = int(sys.argv[2]) if len(sys.argv) == 3 else 20
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events",
                          "jdk.ExecutionSample", sys.argv[1]],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    own = collections.Counter()
    inclusive = collections.Counter()
    for event in events:
        frames = [frame_name(f) for f in event["values"]["stackTrace"]["frames"]]
        if not frames:
            continue
        own[frames[0]] += 1
        for name in set(frames):
            if name.startswith("dev.vpatch.") and not name.startswith("dev.vpatch.bench."):
                inclusive[name] += 1
    total = max(1, len(events))
    print("%d samples in %s" % (len(events), sys.argv[1]))
    print("\ntop %d methods, self (on top of the stack):" % limit)
    for name, count in own.most_common(limit):
        print("  %5.1f%%  %s" % (100.0 * count / total, name))
    print("\ntop %d vpatch methods, inclusive (anywhere on the stack, harness left out):" % limit)
    for name, count in inclusive.most_common(limit):
        print("  %5.1f%%  %s" % (100.0 * count / total, name))


if __name__ == "__main__":
    main()
