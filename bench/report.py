#!/usr/bin/env python3
"""Prints the benchmark's tables and one PASS/FAIL line per budget, from the JSON the parts wrote,
and writes them all into one result file. The last step of scripts/bench.sh:

    python3 bench/report.py --browser target/bench/browser.json --native target/bench/native.json \
        --size target/bench/size.json --out target/bench/result.json [--commit SHA] [--strict]

Exit status: 0 when the report was made (whatever the budgets say), 1 with --strict when a budget
failed, 2 when an input is missing or broken.
"""

import argparse
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import size_breakdown  # noqa: E402

# (id, what, limit, unit). The limits are the issue's; BENCHMARKS.md explains each.
BUDGETS = [
    ("gzip_total_ratio", "every byte the widget loads, gzip, vs the minimal app", 2.5, "x"),
    ("startup_throttled_ratio", "first price painted, CPU 4x + fast 4G, vs the minimal app's first render", 1.6, "x"),
    ("startup_unthrottled_ratio", "first price painted, unthrottled, vs the minimal app's first render", 1.5, "x"),
    ("longest_task_ms", "longest main-thread task before the first price, unthrottled (median)", 30.0, "ms"),
    ("input_median_ms", "input -> result, median, unthrottled", 2.0, "ms"),
    ("input_p99_ms", "input -> result, p99, unthrottled", 8.0, "ms"),
    ("input_p99_6x_ms", "input -> result, p99, CPU 6x", 16.0, "ms"),
    ("evaluate_ns", "native evaluate, per report", 1000.0, "ns"),
]


def load(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"report: cannot read the {what} results {path}: {e}", file=sys.stderr)
        return None


def num(x, digits=None):
    """Byte counts as whole numbers, times and ratios with `digits` decimals (1 by default)."""
    if x is None:
        return "n/a"
    if isinstance(x, int) and digits is None:
        return f"{x:,}"
    return f"{float(x):,.{1 if digits is None else digits}f}"


def ratio(a, b):
    return a / b if a is not None and b else None


def section(title):
    print()
    print(f"== {title}")


def figures_of(browser, native):
    b = browser or {}
    get = lambda *keys: _dig(b, keys)  # noqa: E731
    return {
        "gzip_total_ratio": ratio(get("bytes", "widget", "total", "gzip"), get("bytes", "minimal", "total", "gzip")),
        "startup_throttled_ratio": get("startup", "throttled", "ratio"),
        "startup_unthrottled_ratio": get("startup", "unthrottled", "ratio"),
        "longest_task_ms": get("longest_task", "widget", "median"),
        "input_median_ms": get("input", "unthrottled", "widget", "median"),
        "input_p99_ms": get("input", "unthrottled", "widget", "p99"),
        "input_p99_6x_ms": get("input", "cpu6x", "widget", "p99"),
        "evaluate_ns": (native or {}).get("ns_per_report"),
    }


def _dig(d, keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def print_bytes(b):
    section("Bytes: every file each app loads (served precompressed; gzip -9, brotli 11)")
    print(f"  {'app':<8} {'file':<30} {'raw':>10} {'gzip':>9} {'brotli':>9}  served as")
    for app in ("widget", "minimal"):
        for f in b[app]["files"]:
            served = f.get("served_encoding", "?")
            print(f"  {app:<8} {f['file'][:30]:<30} {num(f.get('raw')):>10} {num(f.get('gzip')):>9} "
                  f"{num(f.get('brotli')):>9}  {served}")
        t = b[app]["total"]
        print(f"  {app:<8} {'total':<30} {num(t['raw']):>10} {num(t['gzip']):>9} {num(t['brotli']):>9}")
    w, m = b["widget"]["total"], b["minimal"]["total"]
    print(f"  {'ratio':<8} {'widget / minimal':<30} {num(ratio(w['raw'], m['raw']), 2) + 'x':>10} "
          f"{num(ratio(w['gzip'], m['gzip']), 2) + 'x':>9} {num(ratio(w['brotli'], m['brotli']), 2) + 'x':>9}")
    missing = [f["file"] for app in ("widget", "minimal") for f in b[app]["files"]
               if f.get("gz_on_disk") is None or f.get("br_on_disk") is None]
    if missing:
        print(f"  note: no .gz/.br beside {', '.join(missing)} (the build's precompress step did not run?)")


def print_startup(b, meta):
    net = meta["conditions"]["throttled"]["network"]
    section(f"Start-up: navigation start -> first price painted, ms ({meta['loads']} alternating cold loads each)")
    print(f"  throttled = CPU 4x + fast 4G: {net['latency']:.0f} ms latency, "
          f"{net['downloadThroughput']:,.0f} B/s down, {net['uploadThroughput']:,.0f} B/s up")
    print(f"  {'condition':<12} {'app':<8} {'median':>8} {'min':>8} {'p25':>8} {'p75':>8} {'max':>8} {'in DOM':>8}  ratio")
    for cond in ("unthrottled", "throttled"):
        s = b[cond]
        for app in ("widget", "minimal"):
            a = s[app]
            r = f"{num(s['ratio'], 2)}x" if app == "widget" else ""
            failed = f"  ({a['failed']} failed)" if a.get("failed") else ""
            print(f"  {cond:<12} {app:<8} {num(a['median'], 1):>8} {num(a['min'], 1):>8} {num(a['p25'], 1):>8} "
                  f"{num(a['p75'], 1):>8} {num(a['max'], 1):>8} {num(a.get('in_dom_median'), 1):>8}  {r}{failed}")


def print_longest(lt):
    section("Longest main-thread task before the first price, ms (unthrottled, traced cold loads)")
    print(f"  {'app':<8} {'median':>8} {'min':>8} {'p25':>8} {'p75':>8} {'max':>8}  in the median-like run")
    for app in ("widget", "minimal"):
        a = lt[app]
        typical = a.get("typical") or {}
        parts = ", ".join(f"{p['name']} {p['ms']:.1f}" for p in typical.get("parts", []))
        where = f"at {num(typical.get('at_ms'), 1)} ms: {parts}" if typical else ""
        print(f"  {app:<8} {num(a['median'], 1):>8} {num(a['min'], 1):>8} {num(a['p25'], 1):>8} {num(a['p75'], 1):>8} "
              f"{num(a['max'], 1):>8}  {where}")
        for err in sorted(set(a.get("errors") or []))[:3]:
            print(f"           error: {err}")


def print_input(inp, edits):
    section(f"Input -> result: 'People who use computers' edit -> first price updated, ms ({edits} edits)")
    print(f"  {'cpu':<5} {'median':>8} {'p99':>8} {'max':>8} {'to idle med':>12} {'to idle p99':>12}   "
          f"counter click median / p99")
    for key in ("unthrottled", "cpu6x"):
        r = inp[key]
        w, idle, c = r["widget"], r["widget_to_idle"], r["minimal_click"]
        timeouts = f"  ({w['timeouts']} timed out)" if w.get("timeouts") else ""
        print(f"  {str(r['cpu']) + 'x':<5} {num(w['median'], 2):>8} {num(w['p99'], 2):>8} {num(w['max'], 2):>8} "
              f"{num(idle['median'], 2):>12} {num(idle['p99'], 2):>12}   {num(c['median'], 2)} / {num(c['p99'], 2)}{timeouts}")


def print_native(n):
    section("Native evaluate (default config, examples/answers.json)")
    if not n:
        print("  n/a")
        return
    print(f"  {num(n['ns_per_report'], 0)} ns per report: median of {n['rounds']} rounds of {n['iterations']:,} "
          f"(fastest round {num(n['min_ns'], 0)} ns, slowest {num(n['max_ns'], 0)} ns)")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--browser", required=True)
    ap.add_argument("--native", required=True)
    ap.add_argument("--size", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--commit", default="")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args(argv)

    browser = load(args.browser, "browser")
    native = load(args.native, "native")
    size = load(args.size, "size")
    broken = False
    meta = (browser or {}).get("meta") or {}
    if meta.get("load_at_start"):
        loadavg = lambda key: " / ".join(f"{x:.1f}" for x in meta.get(key) or [])  # noqa: E731
        print(f"Chromium {meta.get('chromium')} on {meta.get('cores')} cores; load average (1 / 5 / 15 min) "
              f"{loadavg('load_at_start')} at the start of the browser figures, {loadavg('load_at_end')} at the end. "
              f"Timings from a busy machine are not comparable.")
    for title, fn in (
        ("bytes", lambda: print_bytes(browser["bytes"])),
        ("start-up", lambda: print_startup(browser["startup"], browser["meta"])),
        ("longest task", lambda: print_longest(browser["longest_task"])),
        ("input", lambda: print_input(browser["input"], browser["meta"]["edits"])),
    ):
        try:
            fn()
        except (TypeError, KeyError) as e:
            section(title)
            print(f"  n/a: no browser figures ({e!r})")
            broken = True
    print_native(native)
    section("Size breakdown of the widget's wasm (by crate, module, function; data)")
    if size:
        size_breakdown.print_report(size)
    else:
        print("  n/a")
        broken = True

    figures = figures_of(browser, native)
    section("Budgets" + (" (quick run: too few samples to judge; for a smoke test only)" if args.quick else ""))
    budgets = []
    for key, what, limit, unit in BUDGETS:
        value = figures[key]
        ok = value is not None and value <= limit
        budgets.append({"id": key, "what": what, "value": value, "limit": limit, "unit": unit, "pass": ok})
        digits = 0 if unit == "ns" else 2
        print(f"{'PASS' if ok else 'FAIL'}  {key:<26} {num(value, digits):>8} {unit} <= {num(limit, digits)} {unit}  {what}")

    total_gzip = _dig(browser or {}, ("bytes", "widget", "total", "gzip"))
    wasm_gzip = next((f.get("gzip") for f in _dig(browser or {}, ("bytes", "widget", "files")) or []
                      if f["file"].endswith(".wasm")), None)
    section("For BENCHMARKS.md")
    print(f"<!-- budget: total_gzip_bytes={total_gzip} -->")
    row = (f"| {datetime.date.today().isoformat()} | {args.commit[:7] or '?'} | (what changed) | {num(wasm_gzip)} | "
           f"{num(total_gzip)} | {num(figures['gzip_total_ratio'], 2)}x | "
           f"{num(figures['startup_unthrottled_ratio'], 2)}x / {num(figures['startup_throttled_ratio'], 2)}x | "
           f"{num(figures['input_p99_ms'], 2)} / {num(figures['input_p99_6x_ms'], 2)} ms | "
           f"{num(figures['evaluate_ns'], 0)} |")
    print(row)

    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"commit": args.commit, "quick": args.quick, "figures": figures, "budgets": budgets,
                   "history_row": row, "browser": browser, "native": native, "size": size}, f, indent=1)
    print(f"\nresults: {args.out}")
    if broken or browser is None or native is None:
        return 2
    if args.strict and not all(b["pass"] for b in budgets):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
