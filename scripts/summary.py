#!/usr/bin/env python3
"""Adds up the results of scripts/test.sh's suites and prints the closing
line "N passed, N failed". Exit status: 0 all green, 1 something failed or
could not run, 2 this script itself broke.

Input: a status file with one line per suite, tab-separated:
    NAME  KIND  EXIT_CODE  LOG_FILE
KIND is one of:
    cargo       sum every libtest line "test result: ok. N passed; M failed; K ignored"
                in LOG_FILE (native tests, doctests and wasm-bindgen-test-runner alike)
    libtest     the same, from a runner of the project's own that prints those lines
                (bench/smoke_test.py)
    playwright  read the stats of Playwright's JSON report
    build/step  no test counts; a non-zero exit counts as 1 failed
    skip        nothing to run (0 passed, 0 failed)
    notrun      could not run: counts as 1 failed
A suite that exited non-zero without reporting any failed test (a compile
error, a crash, a time-out) counts as 1 failed.
"""

import argparse
import json
import os
import re
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
CARGO_RESULT = re.compile(
    r"test result: (?:ok|FAILED)\.\s+(\d+) passed;\s+(\d+) failed;(?:\s+(\d+) ignored;)?"
)


def cargo_counts(log_path):
    passed = failed = ignored = 0
    lines = 0
    try:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = CARGO_RESULT.search(ANSI.sub("", line))
                if m:
                    lines += 1
                    passed += int(m.group(1))
                    failed += int(m.group(2))
                    ignored += int(m.group(3) or 0)
    except OSError:
        pass
    return passed, failed, ignored, lines


def read_playwright_report(json_path):
    """Playwright's JSON report, or None if there is none (the suite could not run)."""
    try:
        with open(json_path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def playwright_counts(report):
    """Returns (passed, failed, skipped, errors) from a Playwright JSON report."""
    stats = report.get("stats", {})
    passed = int(stats.get("expected", 0)) + int(stats.get("flaky", 0))
    failed = int(stats.get("unexpected", 0))
    skipped = int(stats.get("skipped", 0))
    errors = len(report.get("errors", []) or [])
    return passed, failed, skipped, errors


CARGO_FAILED = re.compile(r"^test (\S.*?) \.\.\. FAILED\b")
PANIC = re.compile(r"panicked at (.*)")
MAX_FAILURES = 30


def cargo_failures(log_path):
    """Names of the failed tests in a libtest log, each with where it panicked and the message's
    first line."""
    names, panics = [], {}
    current, waiting = None, False
    try:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            for raw in f:
                line = ANSI.sub("", raw).rstrip()
                m = CARGO_FAILED.match(line)
                if m:
                    names.append(m.group(1))
                    continue
                # libtest prints "---- NAME stdout ----", then "thread '..' panicked at FILE:L:C:"
                # and the message on the next line.
                m = re.match(r"^---- (\S.*?) stdout ----$", line)
                if m:
                    current, waiting = m.group(1), False
                    continue
                if current is None or not line.strip():
                    continue
                if waiting:
                    panics[current] += " " + line.strip()
                    current, waiting = None, False
                    continue
                m = PANIC.search(line)
                if m and current not in panics:
                    panics[current] = m.group(1).rstrip(":")
                    waiting = m.group(1).endswith(":")
    except OSError:
        pass
    return [f"{n}: panicked at {panics[n]}" if n in panics else n for n in names]


def first_error_line(test):
    """The first line of the first error any of a Playwright test's attempts reported."""
    for result in test.get("results", []) or []:
        lines = ANSI.sub("", (result.get("error") or {}).get("message", "")).strip().splitlines()
        if lines:
            return lines[0]
    return ""


def playwright_failures(report, wanted="unexpected"):
    """Each Playwright test of the given status ("unexpected": failed; "flaky": failed, then
    passed on its retry) as "file:line title: first line of its first error"."""
    out = []

    def walk(suite, titles):
        for spec in suite.get("specs", []) or []:
            for test in spec.get("tests", []) or []:
                if test.get("status") != wanted:
                    continue
                message = first_error_line(test)
                where = f"{spec.get('file', '?')}:{spec.get('line', '?')}"
                title = " › ".join(t for t in titles + [spec.get("title", "")] if t)
                out.append(f"{where} {title}" + (f": {message}" if message else ""))
        for child in suite.get("suites", []) or []:
            # A file's own suite is titled with its file name, which `where` already says.
            is_file = child.get("title") == child.get("file")
            walk(child, titles if is_file else titles + [child.get("title", "")])

    for suite in report.get("suites", []) or []:
        walk(suite, [])
    if wanted == "unexpected":
        for error in report.get("errors", []) or []:
            lines = ANSI.sub("", error.get("message", "")).strip().splitlines()
            out.append("outside any test: " + (lines[0] if lines else "(no message)"))
    return out


def fmt_duration(seconds):
    m, s = divmod(int(seconds), 60)
    return f"{m}m {s:02d}s ({int(seconds)} s)" if m else f"{s}s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--status", required=True)
    ap.add_argument("--playwright-json", default="")
    ap.add_argument("--wall-seconds", type=int, default=None)
    args = ap.parse_args()

    total_passed = total_failed = 0
    any_bad = False
    rows = []
    failures = []
    flaky = []

    with open(args.status, encoding="utf-8") as f:
        entries = [line.rstrip("\n").split("\t") for line in f if line.strip()]

    for name, kind, rc_text, log in entries:
        rc = int(rc_text)
        passed = failed = 0
        extra = ""
        note = ""
        if kind in ("cargo", "libtest"):
            passed, failed, ignored, n = cargo_counts(log)
            failures += [f"{name}: {t}" for t in cargo_failures(log)]
            extra = f", {ignored} ignored" if ignored else ""
            if rc != 0 and failed == 0:
                failed = 1
                note = f"exit {rc} before any test failed (build error?)" if n == 0 else f"exit {rc}"
        elif kind == "playwright":
            report = read_playwright_report(args.playwright_json)
            if report is None:
                failed = 1
                note = f"exit {rc}, no JSON report"
            else:
                passed, failed, skipped, errors = playwright_counts(report)
                failures += [f"{name}: {t}" for t in playwright_failures(report)]
                flaky += [f"{name}: {t}" for t in playwright_failures(report, "flaky")]
                extra = f", {skipped} skipped" if skipped else ""
                if errors and failed == 0:
                    failed = 1
                    note = f"{errors} error(s) outside tests"
                if rc != 0 and failed == 0:
                    failed = 1
                    note = note or f"exit {rc}"
        elif kind in ("build", "step"):
            if rc != 0:
                failed = 1
                note = f"exit {rc}"
        elif kind == "skip":
            note = "nothing to run"
        elif kind == "notrun":
            failed = 1
            note = "not run"
        else:
            failed = 1 if rc != 0 else 0
            note = f"unknown kind {kind!r}"

        bad = rc != 0 or failed > 0
        any_bad = any_bad or bad
        total_passed += passed
        total_failed += failed
        status = "FAILED" if bad else "ok"
        if kind in ("build", "step", "skip", "notrun") and not (passed or failed):
            counts_text = ""
        else:
            counts_text = f"{passed} passed, {failed} failed{extra}"
        detail = "; ".join(t for t in (counts_text, note) if t)
        if bad:
            detail += f"  [log: {os.path.relpath(log)}]"
        rows.append((name, status, detail))

    width = max((len(r[0]) for r in rows), default=10)
    if flaky:
        # A retry that passed counts as passed, but a test that needs one is a bug to find.
        print()
        print("==> passed only on a retry")
        for line in flaky[:MAX_FAILURES]:
            print(f"  {line[:300]}")
    if failures:
        # Named here, next to the closing line, so whoever reads only the end of a long log
        # still learns what failed.
        print()
        print("==> what failed")
        for line in failures[:MAX_FAILURES]:
            print(f"  {line[:300]}")
        if len(failures) > MAX_FAILURES:
            print(f"  ... and {len(failures) - MAX_FAILURES} more (see the logs)")
    print()
    print("==> summary")
    for name, status, detail in rows:
        print(f"  {name:<{width}}  {status:<6}  {detail}".rstrip())
    if args.wall_seconds is not None:
        print(f"wall time: {fmt_duration(args.wall_seconds)}")
    if any_bad and total_failed == 0:
        total_failed = 1
    print(f"{total_passed} passed, {total_failed} failed")
    return 1 if any_bad else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - report and signal "summary broke"
        print(f"summary.py: {exc!r}", file=sys.stderr)
        sys.exit(2)
