//! The model's own JSON reader and writer (`contract_fit::model::json`), cross-checked against
//! serde_json on random documents and random text: the same documents are accepted, they read as
//! the same structure, what we write reads back in serde_json as the same value, and numbers keep
//! their exact text.
#![cfg(not(target_arch = "wasm32"))]

use contract_fit::model::json::{self, Number, Object};
use contract_fit::model::{Decimal, Money};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::Value as Serde;

fn proptest_config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::with_cases(4096)
    }
}

/// Our value as serde_json's, field for field (numbers through their text, which serde_json reads
/// as it reads any number).
fn to_serde(v: &json::Value) -> Serde {
    match v {
        json::Value::Null => Serde::Null,
        json::Value::Bool(b) => Serde::Bool(*b),
        json::Value::Number(n) => serde_json::from_str(n.as_str()).expect("a number's text is a JSON number"),
        json::Value::String(s) => Serde::String(s.clone()),
        json::Value::Array(a) => Serde::Array(a.iter().map(to_serde).collect()),
        json::Value::Object(o) => {
            // Repeated keys: the last value wins (as in JavaScript and serde_json), at the place of
            // the first (serde_json's map keeps the first position).
            let mut m = serde_json::Map::new();
            for (k, x) in &o.0 {
                m.insert(k.clone(), to_serde(x));
            }
            Serde::Object(m)
        }
    }
}

/// How deeply a serde value nests.
fn depth(v: &Serde) -> usize {
    match v {
        Serde::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Serde::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// A JSON number literal: sign, integer part, fraction, exponent, each optional where JSON allows.
fn number_literal() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof![Just("0".to_string()), "[1-9][0-9]{0,25}"],
        prop::option::of("[0-9]{1,20}"),
        prop::option::of((prop::sample::select(vec!["e", "E"]), prop::sample::select(vec!["", "+", "-"]), "[0-9]{1,3}")),
    )
        .prop_map(|(neg, int, frac, exp)| {
            let mut s = String::new();
            if neg {
                s.push('-');
            }
            s.push_str(&int);
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            if let Some((e, sign, digits)) = exp {
                s.push_str(e);
                s.push_str(sign);
                s.push_str(&digits);
            }
            s
        })
}

/// Random serde values with every kind of number and string.
fn serde_value() -> impl Strategy<Value = Serde> {
    let leaf = prop_oneof![
        Just(Serde::Null),
        any::<bool>().prop_map(Serde::Bool),
        any::<i64>().prop_map(Serde::from),
        any::<u64>().prop_map(Serde::from),
        any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(Serde::from),
        number_literal().prop_filter_map("a float serde_json can hold", |t| {
            serde_json::from_str::<Serde>(&t).ok().filter(|v| v.as_f64().is_some_and(f64::is_finite) || v.is_u64() || v.is_i64())
        }),
        any::<String>().prop_map(Serde::String),
        "[\\x00-\\x1f\"\\\\<>&\u{2028}\u{2029}é😀]{0,8}".prop_map(Serde::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Serde::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|kv| Serde::Object(kv.into_iter().collect())),
        ]
    })
}

/// JSON text that may be anything: valid documents with odd spacing, and their mangled forms.
fn json_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83d", "\\ude00", "\\ud800", "\\n", "\\x", "0", "-", "1",
        "01", "1.", ".5", "1e", "1e+", "2E-3", "-0", "true", "tru", "false", "null", "nul", " ", "\n", "\t", "\r",
        "\u{a0}", "\u{feff}", "\"a\"", "\"k\":", "é", "\u{1}", "NaN", "Infinity", "//", "/*",
    ]);
    prop_oneof![
        serde_value().prop_map(|v| v.to_string()),
        serde_value().prop_map(|v| serde_json::to_string_pretty(&v).unwrap()),
        prop::collection::vec(piece, 0..24).prop_map(|p| p.concat()),
        (serde_value(), prop::collection::vec((any::<usize>(), "\\PC{0,2}"), 1..4)).prop_map(|(v, edits)| {
            let mut chars: Vec<char> = v.to_string().chars().collect();
            for (at, with) in edits {
                let i = at % (chars.len() + 1);
                if i < chars.len() && with.is_empty() {
                    chars.remove(i);
                } else {
                    for (k, c) in with.chars().enumerate() {
                        chars.insert((i + k).min(chars.len()), c);
                    }
                }
            }
            chars.into_iter().collect()
        }),
    ]
}

proptest! {
    #![proptest_config(proptest_config())]

    /// serde_json's documents read in ours as the same structure, and what ours writes (compact
    /// and pretty) reads back in serde_json as the same value.
    #[test]
    fn documents_read_and_write_as_serde_json_does(v in serde_value()) {
        let text = v.to_string();
        // Compared with serde_json's reading of the same text: without its `float_roundtrip`
        // feature serde_json may read a float one unit in the last place from the one it wrote.
        let theirs: Serde = serde_json::from_str(&text).unwrap();
        let ours = json::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(&to_serde(&ours), &theirs);
        let compact: Serde = serde_json::from_str(&ours.to_json_string()).unwrap();
        prop_assert_eq!(&compact, &theirs);
        let pretty: Serde = serde_json::from_str(&ours.to_pretty_string()).unwrap();
        prop_assert_eq!(&pretty, &theirs);
        prop_assert_eq!(json::parse(&ours.to_json_string()).unwrap(), ours.clone());
        prop_assert_eq!(json::parse(&ours.to_pretty_string()).unwrap(), ours.clone());
        // Pretty text from serde_json reads the same.
        prop_assert_eq!(json::parse(&serde_json::to_string_pretty(&v).unwrap()).unwrap(), ours);
    }

    /// Any text: ours accepts exactly what serde_json accepts, and never panics. Two differences,
    /// both as browsers' `JSON.parse`: ours reads past a leading byte order mark, and it keeps a
    /// number too large for a float as its text (serde_json refuses it; the readers then refuse it
    /// as out of range).
    #[test]
    fn the_same_texts_are_accepted(text in json_text()) {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<Serde>(&text);
        if let Some(rest) = text.strip_prefix('\u{feff}') {
            prop_assert_eq!(ours.is_ok(), serde_json::from_str::<Serde>(rest).is_ok() && !rest.starts_with('\u{feff}'));
            return Ok(());
        }
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert_eq!(&to_serde(a), b),
            (Err(e), Ok(b)) => {
                // Only a document nested deeper than ours allows may be refused by ours alone.
                prop_assert!(depth(b) >= json::MAX_DEPTH, "ours refuses {:?}: {}", text, e);
            }
            (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
            (Ok(a), Err(e)) => return Err(TestCaseError::fail(format!("ours accepts {text:?} ({a:?}), serde_json: {e}"))),
            (Err(e), Err(_)) => {
                // The error names a place inside the text.
                prop_assert!(e.line >= 1 && e.column >= 1);
                prop_assert!(e.line <= text.lines().count().max(1) + 1, "{:?}: {}", text, e);
            }
        }
    }

    /// A number keeps the exact text it was written with, in and out.
    #[test]
    fn numbers_keep_their_exact_text(lit in number_literal()) {
        match json::parse(&lit) {
            Ok(json::Value::Number(n)) => {
                prop_assert_eq!(n.as_str(), lit.as_str());
                let doc = json::parse(&format!("{{\"x\": [{lit}]}}")).unwrap();
                let inner = format!("[{lit}]");
                prop_assert!(doc.to_json_string().contains(&inner), "{}", doc.to_json_string());
            }
            other => return Err(TestCaseError::fail(format!("{lit}: {other:?}"))),
        }
    }

    /// Scaled integers and their text agree exactly, at any scale and size (no float on the way).
    #[test]
    fn scaled_numbers_round_trip_exactly(units in any::<i64>(), wide in any::<i128>(), scale in 0u32..=6) {
        for units in [i128::from(units), wide / 1_000] {
            let n = Number::from_scaled(units, scale, false);
            prop_assert_eq!(n.to_scaled(scale, false), Ok(units), "{}", n.as_str());
            // serde_json reads the same text as (about) the same number.
            let f: f64 = serde_json::from_str::<Serde>(n.as_str()).unwrap().as_f64().unwrap();
            let want = units as f64 / 10f64.powi(scale as i32);
            prop_assert!((f - want).abs() <= want.abs() * 1e-15, "{} vs {}", f, want);
            // Money written and read back at any minor units.
            if scale <= 4 {
                let m = Money::from_minor(units);
                let text = m.to_json(scale as u8);
                prop_assert_eq!(Money::from_number(&text, scale as u8), Some(m));
            }
        }
        // A decimal keeps its point when whole (hours: 188.0) and reads back the same.
        let d = Decimal::from_micros(i128::from(units));
        let text = d.to_json();
        prop_assert!(text.as_str().contains('.'), "{}", text.as_str());
        prop_assert_eq!(Decimal::from_number(&text), Some(d));
    }
}

#[test]
fn writing_escapes_what_html_and_json_need() {
    let v = json::Value::Object(
        Object::default()
            .with("a", "</script><!-- & \u{2028}\u{2029}")
            .with("b", "\u{0}\u{1f}\"\\\n\t")
            .with("c", "é😀"),
    );
    let text = v.to_json_string();
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
    assert!(!text.contains('\u{2028}') && !text.contains('\u{2029}'), "{text}");
    assert!(text.contains("é😀"), "{text}");
    let back: Serde = serde_json::from_str(&text).unwrap();
    assert_eq!(back["a"], "</script><!-- & \u{2028}\u{2029}");
    assert_eq!(back["b"], "\u{0}\u{1f}\"\\\n\t");
    assert_eq!(json::parse(&text).unwrap(), v);
}

#[test]
fn repeated_keys_read_as_javascript_reads_them() {
    let v = json::parse(r#"{ "a": 1, "b": 2, "a": 3 }"#).unwrap();
    assert_eq!(v.get("a").and_then(json::Value::as_u64), Some(3));
    let theirs: Serde = serde_json::from_str(r#"{ "a": 1, "b": 2, "a": 3 }"#).unwrap();
    assert_eq!(to_serde(&v), theirs);
}

#[test]
fn nesting_is_limited_not_a_crash() {
    let ok = format!("{}{}", "[".repeat(json::MAX_DEPTH - 1), "]".repeat(json::MAX_DEPTH - 1));
    assert!(json::parse(&ok).is_ok());
    let deep = format!("{}1{}", "[".repeat(json::MAX_DEPTH), "]".repeat(json::MAX_DEPTH));
    assert_eq!(json::parse(&deep).unwrap_err().what, "nested too deeply");
    let very = "{\"a\":".repeat(1_000_000);
    assert_eq!(json::parse(&very).unwrap_err().what, "nested too deeply");
}
