//! Reliability and security: a corpus of malformed configs (`tests/fixtures/bad-configs/`), one
//! per rule, each refused by `contract-fit check` naming its path; locales as browsers take them;
//! documents too large or too wrong to list in full; and the largest documented inputs, whose
//! money still adds up exactly and is written as exact decimals.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use contract_fit::model::json::{self, Value};
use contract_fit::model::{
    evaluate, is_currency, locale_problem, more_line, Answers, Config, Money, Problems, Report, LISTED_PROBLEMS,
};

const BIN: &str = env!("CARGO_BIN_EXE_contract-fit");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// How long reading one small config may take (the library call, not the process start).
const SMALL_LIMIT: Duration = Duration::from_millis(100);

fn corpus_dir() -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/bad-configs")
}

/// Each malformed config in `tests/fixtures/bad-configs/` and the first line `check` prints for
/// it (after the file name). One file per rule the reader enforces.
const CORPUS: &[(&str, &str)] = &[
    ("invalid-json", "is not valid JSON: trailing comma at line 4 column 3"),
    ("truncated", "is not valid JSON: unexpected end of the file at line 1 column 28"),
    ("nested-too-deeply", "is not valid JSON: nested too deeply at line 1 column 139"),
    ("not-an-object", "must be an object, got a list"),
    ("required", "plans[0].name: is required"),
    ("wrong-type", "rates.hourly: must be a number, got a string"),
    ("not-whole", "minor_units: must be a whole number, got 2.5"),
    ("at-least", "plans[1].per_user: must be >= 0, got -5"),
    ("at-most", "rates.priority_multiplier: must be <= 10, got 11"),
    ("below-minimum-hours", "plans[0].response_hours: must be >= 0.01, got 0"),
    ("share-as-percentage", "rates.existing_client_discount: must be <= 1, got 10 (write 0.10 for 10%)"),
    ("too-many-decimals", "plans[0].per_user: has more decimals than the currency's 2 minor units, got 85.555"),
    ("empty-text", "company.name: must not be empty"),
    ("too-long", "plans[0].name: must be at most 120 characters long"),
    ("empty-list", "plans: must list at least one entry"),
    ("too-many-plans", "plans: must list at most 12 entries"),
    ("duplicate-id", r#"plans[1].id: duplicate id "a""#),
    ("bad-id", r#"plans[0].id: must use only lowercase letters, digits, '-' and '_', got "Gold Plan""#),
    ("one-of", r#"bands[0].recommend: must be one of "contract", "payg", got "maybe""#),
    ("no-zero-band", "bands: must include a band with min_score 0"),
    ("duplicate-min-score", "bands[1].min_score: two bands start at min_score 0"),
    ("option-points-out-of-range", "questions[0].options[0].points: must be <= 100, got 101"),
    ("unknown-field", r#"rates.hourlyy: unknown field; did you mean "hourly"?"#),
    ("unknown-text-key", r#"texts.next.emial: unknown text key "next.emial"; did you mean "next.email"?"#),
    ("unknown-placeholder", "texts.next.email: uses {firm}, which is not one of {company}"),
    (
        "unknown-plural-form",
        r#"texts.count.people.single: has the form "single", which is not one of "zero", "one", "two", "few", "many", "other""#,
    ),
    ("plural-other-missing", "texts.count.people.other: is required"),
    ("bad-colour", r##"theme.accent: must be a colour like "#1f5fbf" or "#fff", got "red; background: url(x)""##),
    (
        "logo-protocol-relative",
        r#"company.logo_url: must be a path on this site or an https: address, got "//host/logo.png" (like img/logo.svg or https://example.com/logo.png)"#,
    ),
    (
        "logo-backslash",
        r#"company.logo_url: must be a path on this site or an https: address, got "/\host/logo.png" (like img/logo.svg or https://example.com/logo.png)"#,
    ),
    (
        "logo-javascript",
        r#"company.logo_url: must be a path on this site or an https: address, got "javascript:alert(1)" (like img/logo.svg or https://example.com/logo.png)"#,
    ),
    ("website-not-http", r#"company.website: must be an https: or http: address, got "javascript:alert(1)""#),
    ("phone-markup", r#"company.phone: must be a phone number, got "<b>555</b>" (digits, spaces and + - ( ) only)"#),
    (
        "email-bcc",
        r#"company.email: must be one email address like "sales@example.com", got "sales@x.example?bcc=spy@evil.example""#,
    ),
    ("email-hash", r#"company.email: must be one email address like "sales@example.com", got "sales@x.example#""#),
    ("currency-not-listed", r#"currency: must be an ISO 4217 currency code like "USD" or "EUR", got "XYZ""#),
    ("locale-en-US-US", r#"locale: must be a language tag like "en-US" or "de-DE" (a part is not in its place), got "en-US-US""#),
    ("locale-abcd", r#"locale: must be a language tag like "en-US" or "de-DE" (the first part must be a language), got "abcd""#),
    ("locale-root", r#"locale: must be a language tag like "en-US" or "de-DE" (the first part must be a language), got "root""#),
    ("locale-en-a", r#"locale: must be a language tag like "en-US" or "de-DE" (an extension has no subtags), got "en-a""#),
    ("locale-en-12", r#"locale: must be a language tag like "en-US" or "de-DE" (a part is not in its place), got "en-12""#),
    ("locale-zh-min-nan", r#"locale: must be a language tag like "en-US" or "de-DE" (a part is not in its place), got "zh-min-nan""#),
    ("min-answers-zero", "min_answers: must be >= 1, got 0"),
    ("min-answers-above-questions", "min_answers: must be <= 6, got 7"),
    ("min-answers-fraction", "min_answers: must be a whole number, got 2.5"),
    ("min-answers-string", "min_answers: must be a number, got a string"),
    ("min-answers-without-questions", "min_answers: must be left out: the config asks no questions, so there is no verdict to wait for"),
];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check(path: &Path, extra: &[&str]) -> Run {
    let out = Command::new(BIN).arg("check").args(extra).arg(path).output().unwrap();
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A file in the system temp dir, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("contract-fit-reliability-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The CPU time this thread has run, in nanoseconds, where Linux tells it.
fn thread_cpu_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Runs `f` and says how long it took: the CPU time of this thread where the system tells it
/// (the tests share two cores with builds and browsers; waiting for a core is not the reader's
/// time), else the wall-clock time.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let (cpu, wall) = (thread_cpu_nanos(), Instant::now());
    let out = f();
    let took = match (cpu, thread_cpu_nanos()) {
        (Some(a), Some(b)) => Duration::from_nanos(b.saturating_sub(a)),
        _ => wall.elapsed(),
    };
    (out, took)
}

/// What `check` would say first about a config, from the library: its first problem, or for a
/// config that is only unknown fields, the first of those (`check` refuses them).
fn first_line(text: &str) -> Option<String> {
    match Config::from_json(text) {
        Err(problems) => problems.lines().into_iter().next(),
        Ok(config) => config.warnings.first().map(ToString::to_string),
    }
}

#[test]
fn the_corpus_has_one_entry_per_file() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    files.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "every file in tests/fixtures/bad-configs/ has its line in CORPUS, and back");
}

#[test]
fn every_malformed_config_is_refused_in_time_naming_its_path() {
    for (name, want) in CORPUS {
        let path = corpus_dir().join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path).unwrap();
        let (got, took) = timed(|| first_line(&text));
        assert!(took < SMALL_LIMIT, "{name}: reading took {took:?}");
        assert_eq!(got.as_deref(), Some(*want), "{name}");
        // The path comes first, unless the problem is the document as a whole.
        let whole_document = want.starts_with("is not valid JSON") || want.starts_with("must be an object");
        assert!(whole_document || want.split(':').next().is_some_and(|p| !p.contains(' ')), "{name}: {want}");

        let r = check(&path, &[]);
        assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{name}: {}", r.stderr);
        let first = r.stderr.lines().next().unwrap_or_default();
        assert_eq!(first, format!("{}: {want}", path.display()), "{name}");
        assert!(r.stderr.lines().count() <= LISTED_PROBLEMS + 2, "{name}");
    }
}

#[test]
fn locales_are_the_tags_browsers_accept() {
    // Refused by Intl.getCanonicalLocales, or with a language no browser knows.
    for tag in ["en-US-US", "abcd", "root", "en-a", "en-12", "zh-min-nan", "en_US", "", "qq-QQ", "x-private", "en--US"] {
        assert!(locale_problem(tag).is_some(), "{tag:?} should be refused");
    }
    // The shipped locales and a few whose numbers look different.
    for tag in ["en-US", "de-DE", "en-GB", "th-TH-u-nu-thai", "ar-EG", "fa-IR", "ja-JP", "es-419", "zh-Hant-TW", "de-CH"] {
        assert_eq!(locale_problem(tag), None, "{tag}");
        let config = Config::from_json(&format!(r#"{{ "locale": "{tag}" }}"#)).unwrap_or_else(|p| panic!("{tag}: {p}"));
        assert_eq!(config.locale, tag);
    }
    // Every locale the project ships is accepted.
    assert_eq!(Config::shipped().locale, "en-US");
    for file in ["config/examples/de-DE.json", "config/examples/en-GB.json"] {
        let text = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
        let locale = json::parse(&text).unwrap().get("locale").and_then(Value::as_str).map(str::to_string).unwrap();
        assert_eq!(locale_problem(&locale), None, "{file}: {locale}");
    }
}

#[test]
fn currencies_are_on_the_iso_list() {
    for code in ["USD", "EUR", "GBP", "JPY", "CHF", "KWD", "CLF", "INR", "BRL", "ZAR"] {
        assert!(is_currency(code), "{code}");
        assert_eq!(&*Config::from_json(&format!(r#"{{ "currency": "{code}" }}"#)).unwrap().currency, code);
    }
    for code in ["XYZ", "ABC", "usd", "EURO", "US", "BTC", "", "US$"] {
        assert!(!is_currency(code), "{code}");
        assert!(Config::from_json(&format!(r#"{{ "currency": "{code}" }}"#)).is_err(), "{code}");
    }
}

#[test]
fn a_byte_order_mark_is_read_past() {
    let text = "\u{feff}{ \"rates\": { \"hourly\": 120 } }";
    assert_eq!(Config::from_json(text).unwrap().rates.hourly, Money::from_minor(12_000));
    let config = Config::shipped();
    assert_eq!(Answers::from_json("\u{feff}{ \"users\": 4 }", &config).unwrap().users, 4);
    let f = TempFile::new("bom.json", text);
    let r = check(&f.0, &[]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "ok\n", ""));
    // Only at the start: a mark anywhere else is not white space.
    assert!(Config::from_json("{ \u{feff}\"rates\": {} }").is_err());
}

#[test]
fn a_million_plans_are_refused_quickly_in_a_screenful() {
    // Three bytes an entry: a 3 MB file. Only the first 12 entries are read.
    let mut text = String::from("{ \"plans\": [");
    text.push_str(&vec!["{}"; 1_000_000].join(","));
    text.push_str("] }");
    let (problems, took) = timed(|| Config::from_json(&text).unwrap_err());
    assert!(took < Duration::from_secs(1), "a million plans took {took:?}");
    let lines = problems.lines();
    assert!(lines.len() <= LISTED_PROBLEMS + 1, "{} lines", lines.len());
    assert_eq!(lines[0], "plans: must list at most 12 entries");
    // Each of the 12 entries read lacks id, name and response_hours; nothing past the 12th.
    assert_eq!(problems.len(), 1 + 12 * 3, "{lines:#?}");
    assert!(problems.0.iter().all(|p| !p.path.starts_with("plans[12]")));

    // Entries past the maximum are not read at all, however wrong.
    let mut text = String::from("{ \"plans\": [");
    let good = r#"{ "id": "p", "name": "P", "response_hours": 4 }"#;
    text.push_str(&(0..12).map(|i| good.replace("\"p\"", &format!("\"p{i}\""))).collect::<Vec<_>>().join(","));
    text.push(',');
    text.push_str(&vec!["\"junk\""; 999_988].join(","));
    text.push_str("] }");
    let problems = Config::from_json(&text).unwrap_err();
    assert_eq!(problems.lines(), ["plans: must list at most 12 entries"]);

    // So for every list: questions, options and features past their maximum are not read.
    let q = |i: usize| format!(r#"{{ "id": "q{i}", "text": "Q?", "options": [ {{ "label": "x", "points": 1 }} ] }}"#);
    let questions: Vec<String> = (0..20).map(q).chain(std::iter::repeat_n("7".to_string(), 100_000)).collect();
    let lines = Config::from_json(&format!(r#"{{ "questions": [{}] }}"#, questions.join(","))).unwrap_err().lines();
    assert_eq!(lines, ["questions: must list at most 20 entries"]);
    let options: Vec<String> = (0..10).map(|i| format!(r#"{{ "label": "o{i}", "points": 1 }}"#)).chain(std::iter::repeat_n("7".to_string(), 100_000)).collect();
    let doc = format!(r#"{{ "questions": [ {{ "id": "q", "text": "Q?", "options": [{}] }} ] }}"#, options.join(","));
    assert_eq!(Config::from_json(&doc).unwrap_err().lines(), ["questions[0].options: must list at most 10 entries"]);
    let features: Vec<String> = (0..20).map(|i| format!(r#""f{i}""#)).chain(std::iter::repeat_n("7".to_string(), 100_000)).collect();
    let doc = format!(r#"{{ "plans": [ {{ "id": "p", "name": "P", "response_hours": 4, "features": [{}] }} ] }}"#, features.join(","));
    assert_eq!(Config::from_json(&doc).unwrap_err().lines(), ["plans[0].features: must list at most 20 entries"]);
    let bands: Vec<String> = (0..10).map(|i| format!(r#"{{ "id": "b{i}", "min_score": {}, "label": "B" }}"#, i * 10)).chain(std::iter::repeat_n("7".to_string(), 100_000)).collect();
    let doc = format!(r#"{{ "bands": [{}] }}"#, bands.join(","));
    assert_eq!(Config::from_json(&doc).unwrap_err().lines(), ["bands: must list at most 10 entries"]);

    // The command line says the same in a screenful.
    let f = TempFile::new("million.json", &text);
    let r = check(&f.0, &[]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert_eq!(r.stderr, format!("{}: plans: must list at most 12 entries\n", f.0.display()));
}

#[test]
fn a_hundred_thousand_problems_are_listed_as_a_hundred_and_a_count() {
    // A texts object with one key given 100 times, each text 1,000 placeholders no key offers:
    // 100,000 problems.
    let text = format!("\"widget.title\": \"{}\"", "{}".repeat(1_000));
    let doc = format!("{{ \"texts\": {{ {} }} }}", vec![text; 100].join(", "));
    let (problems, took): (Problems, _) = timed(|| Config::from_json(&doc).unwrap_err());
    assert!(took < Duration::from_secs(1), "{took:?}");
    assert_eq!(problems.len(), 100_000);
    let lines = problems.lines();
    assert_eq!(lines.len(), LISTED_PROBLEMS + 1);
    assert_eq!(lines[0], "texts.widget.title: uses {}, but this text takes no placeholders");
    assert_eq!(lines[LISTED_PROBLEMS], "and 99900 more problems");
    assert_eq!(problems.to_string().lines().count(), LISTED_PROBLEMS + 1);
    assert_eq!(more_line(1), "and 1 more problem");
    assert_eq!(more_line(2), "and 2 more problems");

    let f = TempFile::new("many.json", &doc);
    let r = check(&f.0, &[]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    let printed: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(printed.len(), LISTED_PROBLEMS + 1);
    assert_eq!(printed[LISTED_PROBLEMS], format!("{}: and 99900 more problems", f.0.display()));

    // Exactly 101 problems: 100 lines and "and 1 more problem".
    let doc = format!("{{ \"texts\": {{ \"next.copy\": \"{}\" }} }}", "{}".repeat(101));
    let lines = Config::from_json(&doc).unwrap_err().lines();
    assert_eq!(lines.len(), LISTED_PROBLEMS + 1);
    assert_eq!(lines[LISTED_PROBLEMS], "and 1 more problem");
    // Exactly 100: no count line.
    let doc = format!("{{ \"texts\": {{ \"next.copy\": \"{}\" }} }}", "{}".repeat(100));
    assert_eq!(Config::from_json(&doc).unwrap_err().lines().len(), LISTED_PROBLEMS);
    // An object with more text overrides than there are keys is refused in one line.
    let many: Vec<String> = (0..1_001).map(|i| format!("\"k{i}\": \"x\"")).collect();
    let lines = Config::from_json(&format!("{{ \"texts\": {{ {} }} }}", many.join(", "))).unwrap_err().lines();
    assert_eq!(lines, ["texts: must list at most 1000 entries"]);
}

// ---------------------------------------------------------------- the largest documented inputs

/// `minor / 10^mu` as decimal text, by string arithmetic (independent of the model): `337250`
/// at 2 is `3372.5`, `200000` is `2000`.
fn decimal_text(minor: i128, mu: u8) -> String {
    let digits = minor.unsigned_abs().to_string();
    let mu = usize::from(mu);
    let padded = if digits.len() <= mu { format!("{}{digits}", "0".repeat(mu + 1 - digits.len())) } else { digits };
    let (int, frac) = padded.split_at(padded.len() - mu);
    let frac = frac.trim_end_matches('0');
    let sign = if minor < 0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

#[test]
fn decimal_text_is_right() {
    assert_eq!(decimal_text(337_250, 2), "3372.5");
    assert_eq!(decimal_text(200_000, 2), "2000");
    assert_eq!(decimal_text(-5, 2), "-0.05");
    assert_eq!(decimal_text(5, 4), "0.0005");
    assert_eq!(decimal_text(0, 4), "0");
    assert_eq!(decimal_text(1_899, 0), "1899");
    assert_eq!(decimal_text(-120_000_000_000_000_000_000, 4), "-12000000000000000");
}

/// The exact text of each amount in a report's JSON, by path.
fn json_number(v: &Value, path: &[&str]) -> String {
    let mut at = v;
    for key in path {
        at = match at {
            Value::Object(o) => o.get(key).unwrap_or_else(|| panic!("no {key} in {path:?}")),
            Value::Array(a) => &a[key.parse::<usize>().unwrap()],
            other => panic!("{path:?}: {other:?}"),
        };
    }
    match at {
        Value::Number(n) => n.as_str().to_string(),
        other => panic!("{path:?} is not a number: {other:?}"),
    }
}

/// The money of a report adds up, nothing is near the edge of its integer, and every amount is
/// written as the exact decimal of its minor units.
fn check_extreme_report(what: &str, r: &Report) {
    let mu = r.minor_units;
    let edge = 10i128.pow(36);
    let mut amounts: Vec<(Vec<String>, Money)> = vec![
        (vec!["payg".into(), "labour".into()], r.payg.labour),
        (vec!["payg".into(), "downtime".into()], r.payg.downtime),
        (vec!["payg".into(), "total".into()], r.payg.total),
        (vec!["payg".into(), "hourly_rate".into()], r.payg.hourly_rate),
        (vec!["payg".into(), "emergency_rate".into()], r.payg.emergency_rate),
        (vec!["payg".into(), "blended_rate".into()], r.payg.blended_rate),
        (vec!["downtime_cost_per_hour".into()], r.downtime_cost_per_hour),
        (vec!["downtime_estimate".into(), "cost_per_hour".into()], r.downtime_estimate.cost_per_hour),
    ];
    assert_eq!(r.payg.total, r.payg.labour + r.payg.downtime, "{what}");
    for (i, p) in r.plans.iter().enumerate() {
        let q = &p.price;
        assert_eq!(q.monthly_list, (q.users_cost + q.computers_cost + q.servers_cost).max(q.monthly_list), "{what}");
        assert_eq!(q.monthly, q.monthly_list - q.discount, "{what}");
        assert_eq!(q.annual.minor(), q.monthly.minor() * 12, "{what}");
        assert_eq!(p.total, q.annual + p.downtime, "{what} {}", p.id);
        assert_eq!(p.savings_vs_payg, r.payg.total - p.total, "{what} {}", p.id);
        assert_eq!(p.labour_savings_vs_payg, r.payg.labour - q.annual, "{what} {}", p.id);
        assert_eq!(p.downtime_savings_vs_payg, r.payg.downtime - p.downtime, "{what} {}", p.id);
        assert_eq!(p.labour_savings_vs_payg + p.downtime_savings_vs_payg, p.savings_vs_payg, "{what} {}", p.id);
        // The same sums in plain i128, which would panic on overflow in this debug build.
        assert_eq!(p.total.minor(), q.annual.minor() + p.downtime.minor(), "{what}");
        assert_eq!(
            p.savings_vs_payg.minor(),
            (r.payg.labour.minor() - q.annual.minor()) + (r.payg.downtime.minor() - p.downtime.minor()),
            "{what}"
        );
        let at = |k: &str| vec!["plans".to_string(), i.to_string(), k.to_string()];
        for (k, m) in [
            ("users_cost", q.users_cost), ("computers_cost", q.computers_cost), ("servers_cost", q.servers_cost),
            ("monthly_list", q.monthly_list), ("discount", q.discount), ("monthly", q.monthly), ("annual", q.annual),
            ("downtime", p.downtime), ("total", p.total), ("savings_vs_payg", p.savings_vs_payg),
            ("labour_savings_vs_payg", p.labour_savings_vs_payg), ("downtime_savings_vs_payg", p.downtime_savings_vs_payg),
        ] {
            amounts.push((at(k), m));
        }
    }
    let j = r.to_json();
    let text = j.to_json_string();
    // Every number in the report is plain decimal text: no exponent, no NaN, no Infinity.
    fn numbers<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
        match v {
            Value::Number(n) => out.push(n.as_str()),
            Value::Array(a) => a.iter().for_each(|x| numbers(x, out)),
            Value::Object(o) => o.0.iter().for_each(|(_, x)| numbers(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    numbers(&j, &mut all);
    for n in all {
        let plain = n.strip_prefix('-').unwrap_or(n);
        let (int, frac) = plain.split_once('.').unwrap_or((plain, "0"));
        assert!(!int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()), "{what}: {n}");
        assert!(!frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()), "{what}: {n}");
    }
    for (path, m) in &amounts {
        assert!(m.minor().abs() < edge, "{what} {path:?}: {m:?} is at the edge");
        let want = decimal_text(m.minor(), mu);
        assert_eq!(m.to_json(mu).as_str(), want, "{what} {path:?}");
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        assert_eq!(json_number(&j, &path), want, "{what} {path:?}");
    }
    // Hours stay clear of their integer's edge too.
    for d in [r.workload.hours, r.workload.emergency_hours, r.workload.maintenance_hours, r.workload.incidents] {
        assert!(d.micros().unsigned_abs() < i128::MAX.unsigned_abs() / 1_000_000, "{what}: {d:?}");
    }
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(parsed.is_object());
}

#[test]
fn the_largest_documented_inputs_add_up_exactly() {
    for mu in [0u8, 2, 4] {
        for (hours_per_incident, plan_response, payg_response) in [("0.01", "0.01", "8760"), ("1000", "8760", "0.01"), ("0.01", "8760", "8760")] {
            for (discount, existing) in [("1", false), ("1", true), ("0.333333", true)] {
                for downtime in ["10000000", "null"] {
                    let config = format!(
                        r#"{{ "currency": "XTS", "minor_units": {mu},
                             "rates": {{ "hourly": 1000000, "priority_multiplier": 10, "payg_response_hours": {payg_response},
                                        "existing_client_discount": {discount} }},
                             "workload": {{ "hours_per_user": 1000, "hours_per_computer": 1000, "hours_per_server": 1000,
                                           "emergency_share": 1, "hours_per_incident": {hours_per_incident},
                                           "downtime_cost_per_user_hour": 1000000, "incident_impact": 1 }},
                             "plans": [
                               {{ "id": "max", "name": "Max", "response_hours": {plan_response}, "per_user": 10000000,
                                  "per_computer": 10000000, "per_server": 10000000, "minimum_monthly": 10000000 }},
                               {{ "id": "min", "name": "Min", "response_hours": 8760, "minimum_monthly": 10000000 }},
                               {{ "id": "odd", "name": "Odd", "response_hours": 0.01, "per_user": 9999999.99 }} ] }}"#
                    );
                    let config = config.replace("9999999.99", if mu >= 2 { "9999999.99" } else { "9999999" });
                    let config = Config::from_json(&config).unwrap_or_else(|p| panic!("{p}"));
                    let answers = format!(
                        r#"{{ "users": 10000, "computers": 20000, "servers": 2000, "existing_client": {existing},
                             "required_response_hours": 8760, "downtime_cost_per_hour": {downtime} }}"#
                    );
                    let answers = Answers::from_json(&answers, &config).unwrap_or_else(|p| panic!("{p}"));
                    let r = evaluate(&config, &answers);
                    let what = format!("mu {mu}, hpi {hours_per_incident}, response {plan_response}/{payg_response}, d {discount} {existing}, D {downtime}");
                    check_extreme_report(&what, &r);
                }
            }
        }
    }
}

#[test]
fn the_largest_documented_inputs_by_hand() {
    // minor_units 4, everything at its documented maximum.
    let config = Config::from_json(
        r#"{ "currency": "CLF", "minor_units": 4,
             "rates": { "hourly": 1000000, "priority_multiplier": 10, "payg_response_hours": 8760, "existing_client_discount": 0 },
             "workload": { "hours_per_user": 1000, "hours_per_computer": 1000, "hours_per_server": 1000, "emergency_share": 1,
                           "hours_per_incident": 0.01, "downtime_cost_per_user_hour": 1000000, "incident_impact": 1 },
             "plans": [ { "id": "max", "name": "Max", "response_hours": 0.01, "per_user": 10000000,
                          "per_computer": 10000000, "per_server": 10000000, "minimum_monthly": 10000000 } ] }"#,
    )
    .unwrap();
    let answers = Answers::from_json(r#"{ "users": 10000, "computers": 20000, "servers": 2000, "downtime_cost_per_hour": 10000000 }"#, &config).unwrap();
    let r = evaluate(&config, &answers);
    // H = (10,000 + 20,000 + 2,000) * 1,000 = 32,000,000 hours, all emergencies (e = 1);
    // N = 32,000,000 / 0.01 = 3,200,000,000 incidents.
    assert_eq!(r.workload.hours.to_plain(), "32000000");
    assert_eq!(r.workload.incidents.to_plain(), "3200000000");
    // Labour = He * R * M = 32,000,000 * 1,000,000 * 10 = 3.2e14.
    assert_eq!(r.payg.labour.to_json(4).as_str(), "320000000000000");
    // Pay-per-job downtime = N * W * D = 3.2e9 * 8760 * 1e7 = 2.8032e20.
    assert_eq!(r.payg.downtime.to_json(4).as_str(), "280320000000000000000");
    // The plan: 32,000 * 10,000,000 = 3.2e11 a month, 3.84e12 a year; downtime 3.2e9 * 0.01 * 1e7 = 3.2e14.
    let p = &r.plans[0];
    assert_eq!(p.price.annual.to_json(4).as_str(), "3840000000000");
    assert_eq!(p.downtime.to_json(4).as_str(), "320000000000000");
    // Savings: labour 3.2e14 - 3.84e12 = 316,160,000,000,000; downtime 2.8032e20 - 3.2e14.
    assert_eq!(p.labour_savings_vs_payg.to_json(4).as_str(), "316160000000000");
    assert_eq!(p.downtime_savings_vs_payg.to_json(4).as_str(), "280319680000000000000");
    assert_eq!(p.savings_vs_payg.to_json(4).as_str(), "280319996160000000000");
    // In minor units (4 decimals) the largest figure is 2.8e24: far from i128's 1.7e38.
    assert_eq!(r.payg.total.minor(), 2_803_203_200_000_000_000_000_000);
    check_extreme_report("by hand", &r);
}
