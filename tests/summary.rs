//! The test command's closing summary (`scripts/summary.py`): it adds up every suite, names what
//! failed above the closing line, and names the journeys that passed only on a retry, so a reader
//! of a log's last lines learns what broke without opening the logs.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs the summary over the fixture logs with the given status lines; returns (exit code, output).
fn summarise(status_lines: &[(&str, &str, &str, &str)]) -> (i32, String) {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("cf-summary-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixtures = Path::new(ROOT).join("tests/fixtures/summary");
    let status: String = status_lines
        .iter()
        .map(|(name, kind, rc, log)| format!("{name}\t{kind}\t{rc}\t{}\n", fixtures.join(log).display()))
        .collect();
    let status_file = dir.join("status.tsv");
    std::fs::write(&status_file, status).unwrap();
    let out = Command::new("python3")
        .arg(Path::new(ROOT).join("scripts/summary.py"))
        .arg("--status")
        .arg(&status_file)
        .arg("--playwright-json")
        .arg(fixtures.join("playwright.json"))
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_dir_all(&dir);
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn failures_are_named_above_the_closing_line() {
    let (code, out) = summarise(&[("native", "cargo", "101", "native.log"), ("e2e", "playwright", "1", "playwright.json")]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.last().copied(), Some("5 passed, 2 failed"), "{out}");

    let failed_at = lines.iter().position(|l| *l == "==> what failed").expect("a list of what failed");
    let summary_at = lines.iter().position(|l| *l == "==> summary").unwrap();
    assert!(failed_at < summary_at, "{out}");
    let failed: Vec<&str> = lines[failed_at + 1..summary_at].iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    assert_eq!(
        failed,
        [
            "native: money::rounds_half_away_from_zero: panicked at tests/money.rs:12:5 assertion `left == right` failed",
            "e2e: lead.spec.ts:383 when the lead does not get through › an offline browser is told plainly: \
             Error: expect(locator).toBeVisible() failed",
        ],
        "{out}"
    );
}

#[test]
fn a_journey_that_passed_on_its_retry_counts_as_passed_and_is_named() {
    let (_, out) = summarise(&[("e2e", "playwright", "1", "playwright.json")]);
    let lines: Vec<&str> = out.lines().collect();
    let flaky_at = lines.iter().position(|l| *l == "==> passed only on a retry").expect("a list of retried journeys");
    assert_eq!(
        lines[flaky_at + 1].trim(),
        "e2e: plurals.spec.ts:12 one person reads in the singular: Test timeout of 30000ms exceeded.",
        "{out}"
    );
    assert!(out.contains("e2e  FAILED  3 passed, 1 failed"), "{out}");
}

#[test]
fn a_green_run_lists_nothing_and_exits_zero() {
    let (code, out) = summarise(&[("build", "step", "0", "native.log")]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("==> what failed") && !out.contains("retry"), "{out}");
    assert_eq!(out.lines().last(), Some("0 passed, 0 failed"), "{out}");
}
