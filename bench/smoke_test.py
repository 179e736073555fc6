#!/usr/bin/env python3
"""Smoke test of the benchmark, run by scripts/test.sh after the end-to-end suite:

    python3 bench/smoke_test.py

Runs `bash scripts/bench.sh --quick --no-build` on the dist/ the test run has just built and
checks that it ran, printed every section and one PASS/FAIL line with a figure for every budget,
and wrote them all as numbers. It never asks for PASS: a quick run has too few samples to judge,
and the budgets are judged by the full run (BENCHMARKS.md). Prints libtest-style lines, which
scripts/summary.py counts.
"""

import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from report import BUDGETS  # noqa: E402

OUT = os.path.join(ROOT, "target", "bench", "smoke")
SECTIONS = [
    "== Bytes", "== Start-up", "== Longest main-thread task", "== Input -> result",
    "== Native evaluate", "== Size breakdown", "== Budgets",
]


def main():
    try:
        proc = subprocess.run(
            ["bash", "scripts/bench.sh", "--quick", "--no-build", "--out", OUT],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=1200,
        )
        output, status = proc.stdout, proc.returncode
    except subprocess.TimeoutExpired as e:
        output, status = (e.stdout or b"").decode("utf-8", "replace") + "\n(timed out after 1200 s)", 124
    print(output)
    try:
        with open(os.path.join(OUT, "result.json"), encoding="utf-8") as f:
            result = json.load(f)
    except (OSError, ValueError):
        result = {}

    def finite(x):
        return isinstance(x, (int, float)) and math.isfinite(x)

    browser = result.get("browser") or {}
    files = {app: (browser.get("bytes") or {}).get(app, {}).get("files", []) for app in ("widget", "minimal")}
    checks = [
        ("bench::runs_to_the_end", status == 0, f"exit status {status} (0 = ran, whatever the budgets say)"),
        ("bench::prints_every_section", all(s in output for s in SECTIONS),
         "missing: " + ", ".join(s for s in SECTIONS if s not in output)),
        ("bench::prints_pass_or_fail_per_budget",
         all(re.search(rf"^(PASS|FAIL)\s+{key}\s+[\d,.]+ ", output, re.M) for key, *_ in BUDGETS),
         "no line for: " + ", ".join(k for k, *_ in BUDGETS if not re.search(rf"^(PASS|FAIL)\s+{k}\s+[\d,.]+ ", output, re.M))),
        ("bench::every_budget_has_a_figure",
         all(finite((result.get("figures") or {}).get(key)) for key, *_ in BUDGETS),
         f"figures: {result.get('figures')}"),
        ("bench::finds_the_files_each_app_loads",
         all(any(f["file"].endswith(".wasm") and finite(f.get("gzip")) for f in files[app]) for app in files),
         f"files: {json.dumps(files)[:400]}"),
        ("bench::breaks_the_wasm_down_by_crate",
         any(row.get("name") == "yew" for row in (result.get("size") or {}).get("crates", [])),
         "no yew row in the size breakdown"),
    ]
    print(f"running {len(checks)} tests")
    failed = 0
    for name, ok, why in checks:
        print(f"test {name} ... {'ok' if ok else 'FAILED'}")
        if not ok:
            failed += 1
            print(f"    {why}")
    passed = len(checks) - failed
    print()
    print(f"test result: {'ok' if not failed else 'FAILED'}. {passed} passed; {failed} failed; 0 ignored; "
          f"0 measured; 0 filtered out")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
