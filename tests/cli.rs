//! The `contract-fit` command line: check, evaluate, default-config, and its exit codes
//! (0 ok, 1 bad input, 2 usage error).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_contract-fit");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A file in the system temp dir, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("contract-fit-cli-{}-{n}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

fn run(args: &[&str]) -> Run {
    let Output { status, stdout, stderr } = Command::new(BIN).args(args).current_dir(ROOT).output().unwrap();
    Run {
        code: status.code().expect("exited normally"),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

fn root(rel: &str) -> String {
    Path::new(ROOT).join(rel).to_str().unwrap().to_string()
}

// ---------------------------------------------------------------- check

#[test]
fn check_good_config_prints_ok() {
    let r = run(&["check", &root("config/default.json")]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "ok\n", ""));
    let f = TempFile::new("good.json", r#"{ "rates": { "hourly": 120 } }"#);
    let r = run(&["check", f.path()]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "ok\n", ""));
    let f = TempFile::new("empty.json", "{}");
    assert_eq!(run(&["check", f.path()]).code, 0);
    // A byte order mark at the start of the file, as some Windows editors write it, is fine.
    let f = TempFile::new("bom.json", "\u{feff}{ \"rates\": { \"hourly\": 120 } }");
    let r = run(&["check", f.path()]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "ok\n", ""));
}

#[test]
fn check_refuses_unknown_fields_naming_the_closest_known_one() {
    // Unknown fields are usually typos, which the widget would silently ignore: `check` is strict.
    let f = TempFile::new("typo.json", r#"{ "rates": { "hourlyy": 120 } }"#);
    let r = run(&["check", f.path()]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    let p = f.path();
    assert_eq!(
        r.stderr_lines(),
        [
            format!(r#"{p}: rates.hourlyy: unknown field; did you mean "hourly"?"#),
            format!("{p}: the widget ignores unknown fields; fix them, or pass --allow-unknown if they are meant for something else"),
        ]
    );
}

#[test]
fn check_allow_unknown_prints_warnings_and_passes() {
    let f = TempFile::new("typo.json", r#"{ "rates": { "hourlyy": 120 } }"#);
    let p = f.path();
    // The flag may come before or after the file.
    for args in [["check", "--allow-unknown", p], ["check", p, "--allow-unknown"]] {
        let r = run(&args);
        assert_eq!((r.code, r.stdout.as_str()), (0, "ok\n"), "{args:?}");
        assert_eq!(r.stderr_lines(), [format!(r#"{p}: warning: rates.hourlyy: unknown field; did you mean "hourly"?"#)]);
    }
    // A real problem is still a problem with the flag.
    let bad = TempFile::new("bad.json", r#"{ "rates": { "hourly": -1, "hourlyy": 120 } }"#);
    let r = run(&["check", "--allow-unknown", bad.path()]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert_eq!(r.stderr_lines(), [format!("{}: rates.hourly: must be >= 0, got -1", bad.path())]);
}

#[test]
fn check_suggests_the_field_meant_at_every_depth() {
    let f = TempFile::new(
        "typos.json",
        r#"{ "currncy": "EUR",
             "rates": { "hourlyy": 120 },
             "plans": [ { "id": "a", "name": "A", "response_hours": 4, "per_usr": 10 } ],
             "questions": [ { "id": "q", "text": "Q?", "options": [
                 { "label": "x", "points": 1 }, { "label": "y", "points": -1, "reasn": "Why" } ] } ] }"#,
    );
    let p = f.path();
    let r = run(&["check", p]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert_eq!(
        r.stderr_lines(),
        [
            format!(r#"{p}: currncy: unknown field; did you mean "currency"?"#),
            format!(r#"{p}: rates.hourlyy: unknown field; did you mean "hourly"?"#),
            format!(r#"{p}: plans[0].per_usr: unknown field; did you mean "per_user"?"#),
            format!(r#"{p}: questions[0].options[1].reasn: unknown field; did you mean "reason"?"#),
            format!("{p}: the widget ignores unknown fields; fix them, or pass --allow-unknown if they are meant for something else"),
        ]
    );
    let r = run(&["check", "--allow-unknown", p]);
    assert_eq!((r.code, r.stdout.as_str()), (0, "ok\n"));
    assert_eq!(
        r.stderr_lines(),
        [
            format!(r#"{p}: warning: currncy: unknown field; did you mean "currency"?"#),
            format!(r#"{p}: warning: rates.hourlyy: unknown field; did you mean "hourly"?"#),
            format!(r#"{p}: warning: plans[0].per_usr: unknown field; did you mean "per_user"?"#),
            format!(r#"{p}: warning: questions[0].options[1].reasn: unknown field; did you mean "reason"?"#),
        ]
    );
    // A name like no known field gets no guess.
    let g = TempFile::new("colour.json", r#"{ "colour": "blue" }"#);
    let r = run(&["check", g.path()]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr_lines()[0], format!("{}: colour: unknown field", g.path()));
}

#[test]
fn check_messages_quote_the_bad_value_and_hint_at_the_right_form() {
    let f = TempFile::new(
        "values.json",
        r##"{ "rates": { "existing_client_discount": 10 },
              "workload": { "emergency_share": 15 },
              "theme": { "accent": "red; background: url(x)" },
              "company": { "name": "A", "email": "sales@x.example?bcc=spy@evil.example", "logo_url": "//evil.example/l.png" } }"##,
    );
    let p = f.path();
    let r = run(&["check", p]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert_eq!(
        r.stderr_lines(),
        [
            format!(r#"{p}: company.logo_url: must be a path on this site or an https: address, got "//evil.example/l.png" (like img/logo.svg or https://example.com/logo.png)"#),
            format!(r#"{p}: company.email: must be one email address like "sales@example.com", got "sales@x.example?bcc=spy@evil.example""#),
            format!("{p}: rates.existing_client_discount: must be <= 1, got 10 (write 0.10 for 10%)"),
            format!("{p}: workload.emergency_share: must be <= 1, got 15 (write 0.10 for 10%)"),
            format!(r##"{p}: theme.accent: must be a colour like "#1f5fbf" or "#fff", got "red; background: url(x)""##),
        ]
    );
}

#[test]
fn check_reports_unknown_text_keys_and_placeholders_a_key_does_not_offer() {
    let f = TempFile::new(
        "texts.json",
        r#"{ "texts": { "next.emial": "Mail us", "next.email": "Write to {firm}", "widget.intro": "About {company}" } }"#,
    );
    let r = run(&["check", f.path()]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    let p = f.path();
    // In the order of the file, each misspelt key with the key most likely meant.
    assert_eq!(
        r.stderr_lines(),
        [
            format!(r#"{p}: texts.next.emial: unknown text key "next.emial"; did you mean "next.email"?"#),
            format!("{p}: texts.next.email: uses {{firm}}, which is not one of {{company}}"),
        ]
    );
    // An unknown text key is an error even with --allow-unknown: it would leave English on the page.
    let r = run(&["check", "--allow-unknown", p]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
}

#[test]
fn texts_lists_every_key_with_its_default_and_placeholders() {
    let r = run(&["texts"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("| `next.email` | Email this estimate to {company} | `{company}` |"), "{}", r.stdout);
    assert_eq!(r.stdout.lines().filter(|l| l.starts_with("| `")).count(), contract_fit::model::TEXTS.len());
    assert_eq!(r.stdout, contract_fit::model::texts_reference());
}

#[test]
fn check_invalid_json_is_one_line_with_line_and_column() {
    let f = TempFile::new("broken.json", "{\n  \"rates\": {\n    \"hourly\": 150,\n  }\n}\n");
    let r = run(&["check", f.path()]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr_lines(), [format!("{}: is not valid JSON: trailing comma at line 4 column 3", f.path())]);
}

#[test]
fn check_wrong_types_name_their_paths() {
    let f = TempFile::new("types.json", r#"{ "rates": { "hourly": "150" }, "plans": [ { "id": "a", "name": 5, "response_hours": 4 } ] }"#);
    let r = run(&["check", f.path()]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    let p = f.path();
    assert_eq!(
        r.stderr_lines(),
        [format!("{p}: rates.hourly: must be a number, got a string"), format!("{p}: plans[0].name: must be a string, got a number")]
    );
}

#[test]
fn check_lists_every_rule_violation() {
    let f = TempFile::new(
        "rules.json",
        r#"{ "rates": { "priority_multiplier": 0.5 },
             "workload": { "emergency_share": 1.5 },
             "plans": [ { "id": "a", "name": "A", "response_hours": 4 },
                        { "id": "a", "name": "B", "response_hours": 4, "per_user": -5 } ],
             "bands": [ { "id": "high", "min_score": 70, "label": "High" } ] }"#,
    );
    let r = run(&["check", f.path()]);
    assert_eq!(r.code, 1);
    let p = f.path();
    assert_eq!(
        r.stderr_lines(),
        [
            format!("{p}: rates.priority_multiplier: must be >= 1, got 0.5"),
            format!("{p}: workload.emergency_share: must be <= 1, got 1.5 (write 0.10 for 10%)"),
            format!("{p}: plans[1].per_user: must be >= 0, got -5"),
            format!(r#"{p}: plans[1].id: duplicate id "a""#),
            format!("{p}: bands: must include a band with min_score 0"),
        ]
    );
}

#[test]
fn check_unreadable_file_is_one_clear_line() {
    let missing = std::env::temp_dir().join(format!("contract-fit-cli-{}-does-not-exist.json", std::process::id()));
    let missing = missing.to_str().unwrap();
    let r = run(&["check", missing]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with(&format!("{missing}: cannot read the file: ")), "{}", lines[0]);
    // A directory is not a config file either.
    let dir = std::env::temp_dir();
    let r = run(&["check", dir.to_str().unwrap()]);
    assert_eq!((r.code, r.stderr_lines().len()), (1, 1), "{}", r.stderr);
    assert!(r.stderr.contains("cannot read the file"));
    // Nor is a file that is not UTF-8 text.
    let f = TempFile::new("binary.json", "");
    std::fs::write(&f.0, [0xff, 0xfe, 0x00]).unwrap();
    let r = run(&["check", f.path()]);
    assert_eq!((r.code, r.stderr_lines().len()), (1, 1), "{}", r.stderr);
}

// ---------------------------------------------------------------- evaluate

fn report_of(r: &Run) -> Value {
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_eq!(r.stderr, "");
    serde_json::from_str(&r.stdout).expect("the report is JSON")
}

#[test]
fn evaluate_worked_example_with_the_shipped_config() {
    let r = run(&["evaluate", "--answers", &root("examples/answers.json")]);
    let j = report_of(&r);
    // The README's numbers (checked by hand in tests/model_worked_example.rs).
    let want: Value = serde_json::from_str(include_str!("fixtures/worked_example_report.json")).unwrap();
    assert_eq!(j, want);
    // Byte for byte: the fixture is what the command prints.
    assert_eq!(r.stdout, include_str!("fixtures/worked_example_report.json"));
    let n = |p: &str| j.pointer(p).and_then(Value::as_f64).unwrap();
    assert_eq!(
        [n("/workload/hours"), n("/workload/maintenance_hours"), n("/workload/emergency_hours"), n("/workload/incidents")],
        [188.0, 159.8, 28.2, 14.1]
    );
    assert_eq!(n("/downtime_cost_per_hour"), 250.0);
    assert_eq!([n("/payg/labour"), n("/payg/downtime"), n("/payg/total")], [30_315.0, 84_600.0, 114_915.0]);
    assert_eq!(
        [n("/plans/0/monthly"), n("/plans/0/annual"), n("/plans/0/downtime"), n("/plans/0/total"), n("/plans/0/savings_vs_payg")],
        [2_000.0, 24_000.0, 28_200.0, 52_200.0, 62_715.0]
    );
    assert_eq!(
        [n("/plans/1/monthly"), n("/plans/1/annual"), n("/plans/1/downtime"), n("/plans/1/total"), n("/plans/1/savings_vs_payg")],
        [2_700.0, 32_400.0, 14_100.0, 46_500.0, 68_415.0]
    );
    assert_eq!(
        [n("/plans/2/monthly"), n("/plans/2/annual"), n("/plans/2/downtime"), n("/plans/2/total"), n("/plans/2/savings_vs_payg")],
        [3_550.0, 42_600.0, 3_525.0, 46_125.0, 68_790.0]
    );
    // Version 2: the saving in two parts, and the break-even on both bases (2 decimals).
    assert_eq!(
        [n("/plans/0/labour_savings_vs_payg"), n("/plans/0/downtime_savings_vs_payg"), n("/plans/0/break_even_hours"), n("/plans/0/break_even_hours_with_downtime")],
        [6_315.0, 56_400.0, 148.84, 52.03]
    );
    assert_eq!(
        [n("/plans/1/labour_savings_vs_payg"), n("/plans/1/downtime_savings_vs_payg"), n("/plans/1/break_even_hours"), n("/plans/1/break_even_hours_with_downtime")],
        [-2_085.0, 70_500.0, 200.93, 60.42]
    );
    assert_eq!(
        [n("/plans/2/labour_savings_vs_payg"), n("/plans/2/downtime_savings_vs_payg"), n("/plans/2/break_even_hours"), n("/plans/2/break_even_hours_with_downtime")],
        [-12_285.0, 81_075.0, 264.19, 71.9]
    );
    assert_eq!(n("/payg/blended_rate"), 161.25);
    assert_eq!((n("/total_questions"), n("/min_answers")), (6.0, 6.0));
    assert_eq!(j["verdict_ready"], true);
    assert_eq!(n("/score"), 94.0);
    assert_eq!(j["band"]["id"], "strong");
    assert_eq!(j["recommendation"]["plan_id"], "priority");
    assert_eq!(j["recommendation"]["basis"], "meets_response");
    // Pretty-printed, one field a line.
    assert!(r.stdout.starts_with("{\n  \"currency\": \"USD\",\n"), "{}", &r.stdout[..40]);
}

#[test]
fn evaluate_with_the_default_config_file_is_the_same() {
    let with = run(&["evaluate", "--config", &root("config/default.json"), "--answers", &root("examples/answers.json")]);
    let without = run(&["evaluate", "--answers", &root("examples/answers.json")]);
    assert_eq!(report_of(&with), report_of(&without));
    // Options in either order.
    let swapped = run(&["evaluate", "--answers", &root("examples/answers.json"), "--config", &root("config/default.json")]);
    assert_eq!(report_of(&swapped), report_of(&without));
}

#[test]
fn evaluate_with_a_custom_config() {
    let config = TempFile::new(
        "custom.json",
        r#"{ "company": { "name": "Acme IT" }, "currency": "EUR", "locale": "de-DE",
             "rates": { "hourly": 100, "priority_multiplier": 2, "payg_response_hours": 10, "existing_client_discount": 0.1 },
             "workload": { "hours_per_user": 4, "hours_per_computer": 1, "hours_per_server": 10, "emergency_share": 0.25,
                           "hours_per_incident": 2, "downtime_cost_per_user_hour": 40, "incident_impact": 0.5 },
             "plans": [ { "id": "basic", "name": "Basic", "response_hours": 8, "per_user": 50, "per_computer": 10,
                          "per_server": 100, "minimum_monthly": 300 } ],
             "questions": [],
             "bands": [ { "id": "any", "min_score": 0, "label": "Any" } ] }"#,
    );
    let answers = TempFile::new("office.json", r#"{ "users": 10, "computers": 12, "servers": 1, "existing_client": true }"#);
    let j = report_of(&run(&["evaluate", "--config", config.path(), "--answers", answers.path()]));
    assert_eq!(j["currency"], "EUR");
    // H = 62, He = 15.5, Hm = 46.5; labour 46.5*100 + 15.5*200 = 7750; D = 10*40*0.5 = 200;
    // payg downtime 7.75*10*200 = 15500; list 720, discount 72, monthly 648, annual 7776;
    // plan downtime 7.75*8*200 = 12400; total 20176; savings 23250 - 20176 = 3074.
    let n = |p: &str| j.pointer(p).and_then(Value::as_f64).unwrap();
    assert_eq!([n("/payg/labour"), n("/payg/downtime"), n("/payg/total")], [7_750.0, 15_500.0, 23_250.0]);
    assert_eq!(
        [n("/plans/0/monthly_list"), n("/plans/0/discount"), n("/plans/0/monthly"), n("/plans/0/annual")],
        [720.0, 72.0, 648.0, 7_776.0]
    );
    assert_eq!([n("/plans/0/total"), n("/plans/0/savings_vs_payg")], [20_176.0, 3_074.0]);
    // The saving in two parts: labour 7750 - 7776 = -26, downtime 15500 - 12400 = 3100; -26 + 3100 = 3074.
    assert_eq!([n("/plans/0/labour_savings_vs_payg"), n("/plans/0/downtime_savings_vs_payg")], [-26.0, 3_100.0]);
    // Blended rate 100*(1 - 0.25 + 0.25*2) = 125: 7776/125 = 62.208 -> 62.21 h. Counting downtime,
    // each hour also brings 0.25/2 incidents, each waiting 10 - 8 = 2 h longer at 200: 125 + 50 = 175,
    // 7776/175 = 44.434... -> 44.43 h.
    assert_eq!([n("/plans/0/break_even_hours"), n("/plans/0/break_even_hours_with_downtime")], [62.21, 44.43]);
    assert_eq!(n("/payg/blended_rate"), 125.0);
    // No questions: no verdict, and nothing to wait for either.
    assert_eq!((n("/total_questions"), n("/min_answers"), n("/score")), (0.0, 0.0, 0.0));
    assert_eq!(j["verdict_ready"], false);
    assert_eq!(j["recommendation"]["basis"], "cheapest");
}

#[test]
fn evaluate_bad_answers_lists_each_field() {
    let answers = TempFile::new(
        "bad-answers.json",
        r#"{ "users": 0, "computers": -1, "servers": "two", "choices": { "payment": 7, "colour": 1 } }"#,
    );
    let r = run(&["evaluate", "--answers", answers.path()]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    let p = answers.path();
    assert_eq!(
        r.stderr_lines(),
        [
            format!("{p}: users: must be >= 1, got 0"),
            format!("{p}: computers: must be >= 0, got -1"),
            format!("{p}: servers: must be a number, got a string"),
            format!("{p}: choices.payment: must be an option index from 0 to 2, got 7"),
            format!(r#"{p}: choices.colour: no question has the id "colour""#),
        ]
    );
    // Answers that are not JSON: one line.
    let broken = TempFile::new("broken-answers.json", r#"{ "users": 20,"#);
    let r = run(&["evaluate", "--answers", broken.path()]);
    assert_eq!((r.code, r.stderr_lines().len()), (1, 1), "{}", r.stderr);
    assert!(r.stderr.contains("is not valid JSON") && r.stderr.contains("line 1 column"), "{}", r.stderr);
    // Missing answers file: one line.
    let r = run(&["evaluate", "--answers", &format!("{}.missing", broken.path())]);
    assert_eq!((r.code, r.stderr_lines().len()), (1, 1), "{}", r.stderr);
    assert!(r.stderr.contains("cannot read the file"));
}

#[test]
fn evaluate_bad_config_lists_its_problems_and_reads_no_answers() {
    let config = TempFile::new("bad-config.json", r#"{ "plans": [] }"#);
    let r = run(&["evaluate", "--config", config.path(), "--answers", &root("examples/answers.json")]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert_eq!(r.stderr_lines(), [format!("{}: plans: must list at least one entry", config.path())]);
}

#[test]
fn evaluate_answers_are_checked_against_the_given_config() {
    // The shipped questions do not exist in a config that asks none.
    let config = TempFile::new("no-questions.json", r#"{ "questions": [] }"#);
    let r = run(&["evaluate", "--config", config.path(), "--answers", &root("examples/answers.json")]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr_lines().len(), 6, "{}", r.stderr);
    assert!(r.stderr_lines().iter().all(|l| l.contains("no question has the id")), "{}", r.stderr);
}

// ---------------------------------------------------------------- default-config

#[test]
fn default_config_prints_the_shipped_config() {
    let r = run(&["default-config"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let on_disk = std::fs::read_to_string(root("config/default.json")).unwrap();
    assert_eq!(r.stdout, on_disk);
    let printed: Value = serde_json::from_str(&r.stdout).unwrap();
    let file: Value = serde_json::from_str(&on_disk).unwrap();
    assert_eq!(printed, file);
    // What it prints passes `check`.
    let f = TempFile::new("printed.json", &r.stdout);
    assert_eq!(run(&["check", f.path()]).stdout, "ok\n");
}

// ---------------------------------------------------------------- usage

#[track_caller]
fn usage_error(args: &[&str], why: &str) {
    let r = run(args);
    assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    assert_eq!(r.stdout, "", "{args:?}");
    assert!(r.stderr.starts_with(&format!("contract-fit: {why}\nusage:\n")), "{args:?}: {}", r.stderr);
}

#[test]
fn usage_errors_exit_2() {
    usage_error(&[], "no command given");
    usage_error(&["frobnicate"], r#"unknown command "frobnicate""#);
    usage_error(&["check"], "check takes one config file, and optionally --allow-unknown");
    usage_error(&["check", "a.json", "b.json"], "check takes one config file, and optionally --allow-unknown");
    usage_error(&["check", "--allow-unknown"], "check takes one config file, and optionally --allow-unknown");
    usage_error(&["check", "--strict", "a.json"], "check takes one config file, and optionally --allow-unknown");
    usage_error(&["evaluate"], "evaluate needs --answers ANSWERS.json");
    usage_error(&["evaluate", "--config", "config/default.json"], "evaluate needs --answers ANSWERS.json");
    usage_error(&["evaluate", "--answers"], "--answers needs a file");
    usage_error(&["evaluate", "--answers", "examples/answers.json", "--config"], "--config needs a file");
    usage_error(&["evaluate", "--verbose", "--answers", "examples/answers.json"], r#"unknown option "--verbose""#);
    usage_error(&["evaluate", "examples/answers.json"], r#"unknown option "examples/answers.json""#);
    usage_error(&["default-config", "extra"], "default-config takes no arguments");
}

#[test]
fn texts_with_arguments_is_a_usage_error_naming_the_command() {
    usage_error(&["texts", "extra"], "texts takes no arguments");
}

#[test]
fn schema_with_arguments_is_a_usage_error_naming_the_command() {
    usage_error(&["schema", "extra"], "schema takes no arguments");
}

#[test]
fn help_exits_0() {
    for flag in ["help", "--help", "-h"] {
        let r = run(&[flag]);
        assert_eq!(r.code, 0, "{flag}");
        assert!(r.stdout.starts_with("usage:\n  contract-fit check [--allow-unknown] CONFIG.json"), "{flag}: {}", r.stdout);
        assert!(r.stdout.contains("contract-fit evaluate [--config CONFIG.json] --answers ANSWERS.json"));
        assert!(r.stdout.contains("contract-fit default-config"));
        assert!(r.stdout.contains("contract-fit schema"));
    }
}
