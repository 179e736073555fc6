//! The example configs in `config/examples/`: a German and a British consultancy. Each must load
//! without a problem or a warning, keep to its currency and locale, and give reports in its own
//! words. The German one translates every widget text; the British one rewords the American ones.

use std::collections::BTreeSet;

use contract_fit::model::{evaluate, placeholders, Answers, Basis, Config, Key, TextDef, TEXTS};
use serde_json::Value;

const DE: &str = include_str!("../config/examples/de-DE.json");
const GB: &str = include_str!("../config/examples/en-GB.json");

/// Each example: file name, JSON text, currency, minor units, locale.
const EXAMPLES: &[(&str, &str, &str, u8, &str)] = &[
    ("de-DE.json", DE, "EUR", 2, "de-DE"),
    ("en-GB.json", GB, "GBP", 2, "en-GB"),
];

fn load(name: &str, json: &str) -> Config {
    match Config::from_json(json) {
        Ok(c) => c,
        Err(problems) => panic!("{name} is refused:\n{problems:?}"),
    }
}

fn raw(json: &str) -> Value {
    serde_json::from_str(json).expect("the example is valid JSON")
}

/// Every string in a JSON document, with its path, keys excluded.
fn strings<'v>(v: &'v Value, path: String, out: &mut Vec<(String, &'v str)>) {
    match v {
        Value::String(s) => out.push((path, s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(m) => {
            for (k, item) in m {
                strings(item, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// The lower-case words of a text (letters only).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Answers for a business of 20 people, choosing for each question the option `pick` selects.
fn answers(config: &Config, required_response: u32, pick: impl Fn(&[i64]) -> usize) -> Answers {
    let choices: Vec<String> = config
        .questions
        .iter()
        .map(|q| {
            let points: Vec<i64> = q.options.iter().map(|o| o.points).collect();
            format!("\"{}\": {}", q.id, pick(&points))
        })
        .collect();
    let json = format!(
        "{{ \"users\": 20, \"computers\": 22, \"servers\": 2, \"existing_client\": false, \
           \"required_response_hours\": {required_response}, \"downtime_cost_per_hour\": null, \
           \"choices\": {{ {} }} }}",
        choices.join(", ")
    );
    Answers::from_json(&json, config).expect("the sample answers are valid")
}

fn highest(points: &[i64]) -> usize {
    (0..points.len()).max_by_key(|&i| (points[i], std::cmp::Reverse(i))).unwrap()
}

fn lowest(points: &[i64]) -> usize {
    (0..points.len()).min_by_key(|&i| (points[i], i)).unwrap()
}

#[test]
fn examples_load_without_problems_or_warnings() {
    for &(name, json, currency, minor_units, locale) in EXAMPLES {
        let c = load(name, json);
        assert!(c.warnings.is_empty(), "{name} has fields that are ignored: {:?}", c.warnings);
        assert_eq!(&*c.currency, currency, "{name}");
        assert_eq!(c.minor_units, minor_units, "{name}");
        assert_eq!(c.locale, locale, "{name}");
        assert!(c.company.website.ends_with(".example"), "{name}: website {}", c.company.website);
        assert!(c.company.email.ends_with(".example"), "{name}: email {}", c.company.email);
        assert_ne!(c.company.name, Config::shipped().company.name, "{name} keeps the default company");
        assert_eq!(c.plans.len(), 3, "{name}");
        assert!((5..=7).contains(&c.questions.len()), "{name} asks {} questions", c.questions.len());
        assert!(c.bands.iter().any(|b| b.min_score == 0), "{name}");
    }
}

/// Keys of earlier releases that name the `one` form of a current key (still accepted).
const ONE_ALIASES: &[(&str, &str)] = &[
    ("business.response.option_one", "business.response.option"),
    ("recommend.plan_detail_one", "recommend.plan_detail"),
    ("plans.response_one", "plans.response"),
];

/// The definition of a key a config may use (an old `…_one` key: the key it is the `one` form of).
fn def_of(key: &str) -> Option<&'static TextDef> {
    let key = ONE_ALIASES.iter().find(|(old, _)| *old == key).map_or(key, |(_, new)| new);
    TEXTS.iter().find(|t| t.key == key)
}

/// A text override as written: one text for every count, or its plural forms.
fn forms(v: &Value) -> Vec<(&str, &str)> {
    match v {
        Value::String(s) => vec![("other", s.as_str())],
        Value::Object(m) => m.iter().map(|(k, v)| (k.as_str(), v.as_str().expect("a plural form is a string"))).collect(),
        other => panic!("a text is a string or an object of plural forms, got {other}"),
    }
}

#[test]
fn text_overrides_use_only_known_keys_and_placeholders() {
    for &(name, json, ..) in EXAMPLES {
        // The reader refuses unknown keys and placeholders (loading would fail) and warns about
        // retired keys; an example names none of either.
        let c = load(name, json);
        let retired: Vec<String> = c.warnings.iter().filter(|w| w.path.starts_with("texts.")).map(ToString::to_string).collect();
        assert!(retired.is_empty(), "{name}: {retired:?}");
        // The same, from the file itself.
        let file = raw(json);
        for (key, value) in file["texts"].as_object().expect("texts is an object") {
            let def = def_of(key).unwrap_or_else(|| panic!("{name}: unknown text key {key}"));
            for (form, text) in forms(value) {
                for p in placeholders(text) {
                    assert!(def.placeholders.contains(&p), "{name}: {key} ({form}) uses {{{p}}}");
                }
            }
        }
    }
}

#[test]
fn german_example_translates_every_text() {
    let c = load("de-DE.json", DE);
    let file = raw(DE);
    let texts = file["texts"].as_object().expect("texts is an object");
    for t in TEXTS {
        let Some(value) = texts.get(t.key) else {
            panic!("de-DE.json has no German text for {:?} (English: {:?})", t.key, t.default);
        };
        let given = forms(value);
        // The English forms these German ones stand for; an old `…_one` key gives the `one` form.
        let one_alias = ONE_ALIASES.iter().find(|(_, new)| *new == t.key).and_then(|(old, _)| texts.get(*old));
        let one = one_alias.and_then(Value::as_str).map(|s| ("one", s));
        for (form, text) in given.iter().copied().chain(one) {
            let english = match form {
                "one" => t.one.unwrap_or(t.default),
                _ => t.default,
            };
            // No German text reads like its English default: none is identical by nature today, as
            // even the pure placeholder lines ("Updated: {band}. …") have words to translate.
            assert_ne!(text, english, "de-DE.json: {} ({form}) is still English", t.key);
            assert!(!text.trim().is_empty(), "de-DE.json: {} ({form}) is empty", t.key);
            // The config may drop a placeholder, but a translation that loses one is most likely a
            // slip. Only the general (`other`) form must keep them all: a `one` form may say "1"
            // instead of the count, as the English "1 more" does.
            if form == "other" {
                let english: BTreeSet<&str> = placeholders(english).into_iter().collect();
                let german: BTreeSet<&str> = placeholders(text).into_iter().collect();
                assert_eq!(german, english, "de-DE.json: {} uses other placeholders than the English text", t.key);
            }
        }
    }
    // What the widget shows is the German text.
    assert_ne!(c.texts.get(Key::WidgetTitle), Key::WidgetTitle.def().default);
    let unused: Vec<&String> = texts.keys().filter(|k| def_of(k).is_none()).collect();
    assert!(unused.is_empty(), "de-DE.json has texts for keys the widget doesn't use: {unused:?}");
}

#[test]
fn german_example_says_sie_and_uses_german_typography() {
    const DU: &[&str] = &["du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines", "euch", "euer", "eure"];
    let file = raw(DE);
    let mut all = Vec::new();
    strings(&file, String::new(), &mut all);
    for (path, text) in all {
        for w in words(text) {
            assert!(!DU.contains(&w.as_str()), "de-DE.json{path} says {w:?}, not Sie: {text:?}");
        }
        assert!(!text.contains('"'), "de-DE.json{path} uses straight quotes, not „…“: {text:?}");
        assert!(!text.contains("..."), "de-DE.json{path} uses three dots, not …: {text:?}");
        assert!(!text.contains('“') || text.contains('„'), "de-DE.json{path} opens a quote with “, not „: {text:?}");
    }
}

#[test]
fn british_example_rewords_the_american_texts() {
    let c = load("en-GB.json", GB);
    let file = raw(GB);
    let texts = file["texts"].as_object().expect("texts is an object");
    assert!(texts.len() >= 15, "en-GB.json overrides only {} texts", texts.len());
    for (key, value) in texts {
        // Unknown and retired keys fail `text_overrides_use_only_known_keys_and_placeholders`.
        let Some(def) = def_of(key) else { continue };
        for (form, text) in forms(value) {
            let english = if form == "one" || key.ends_with("_one") { def.one.unwrap_or(def.default) } else { def.default };
            assert_ne!(text, english, "en-GB.json: {key} repeats the default word for word");
        }
    }
    assert_eq!(c.texts.get(Key::NextReset), "Start again");

    const AMERICAN: &[&str] = &[
        "color", "colors", "organize", "organized", "organization", "favor", "favorite", "center",
        "program", "programs", "labor", "behavior", "analyze", "customize", "prioritize", "optimize",
        "realize", "recognize", "catalog", "cellphone", "fulfill", "gotten", "vacation", "zip",
    ];
    let file = raw(GB);
    let mut all = Vec::new();
    strings(&file, String::new(), &mut all);
    for (path, text) in all {
        for w in words(text) {
            assert!(!AMERICAN.contains(&w.as_str()), "en-GB.json{path} uses American {w:?}: {text:?}");
        }
        let lower = text.to_lowercase();
        for phrase in ["start over", "cell phone", "call us at"] {
            assert!(!lower.contains(phrase), "en-GB.json{path} says {phrase:?}: {text:?}");
        }
    }
}

#[test]
fn every_question_has_a_real_choice_and_every_scoring_option_a_reason() {
    for &(name, json, ..) in EXAMPLES {
        let c = load(name, json);
        for q in &c.questions {
            assert!(q.options.len() >= 2, "{name}: question {} has fewer than two options", q.id);
            let points: BTreeSet<i64> = q.options.iter().map(|o| o.points).collect();
            assert!(points.len() >= 2, "{name}: every option of {} scores the same", q.id);
            assert!(!q.text.trim().is_empty(), "{name}: question {} has no text", q.id);
            for (i, o) in q.options.iter().enumerate() {
                assert!(!o.label.trim().is_empty(), "{name}: {}[{i}] has no label", q.id);
                if o.points != 0 {
                    assert!(!o.reason.trim().is_empty(), "{name}: {}[{i}] scores {} without a reason", q.id, o.points);
                }
            }
        }
    }
}

#[test]
fn a_keen_prospect_gets_the_files_own_band_and_plan() {
    for &(name, json, ..) in EXAMPLES {
        let c = load(name, json);
        let file = raw(json);
        let r = evaluate(&c, &answers(&c, 4, highest));
        assert_eq!(r.score, 100, "{name}");
        assert_eq!(r.answered_questions, c.questions.len(), "{name}");
        assert_eq!(r.currency, c.currency, "{name}");

        // The band is the file's highest one, word for word.
        let top = file["bands"]
            .as_array()
            .unwrap()
            .iter()
            .max_by_key(|b| b["min_score"].as_i64().unwrap())
            .unwrap();
        assert_eq!(&*r.band.id, top["id"].as_str().unwrap(), "{name}");
        assert_eq!(&*r.band.label, top["label"].as_str().unwrap(), "{name}");
        assert_eq!(&*r.band.message, top["message"].as_str().unwrap(), "{name}");

        // The plans are the file's, in its order, under its names.
        let names: Vec<&str> = file["plans"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        assert_eq!(r.plans.iter().map(|p| p.name.as_ref()).collect::<Vec<_>>(), names, "{name}");
        let defaults: Vec<String> = Config::shipped().plans.iter().map(|p| p.name.to_string()).collect();
        assert!(r.plans.iter().all(|p| !defaults.iter().any(|d| **d == *p.name)), "{name} shows a default plan name");

        // A 4-hour response is met by the middle plan, the cheapest that fast.
        assert_eq!(r.recommendation.basis, Basis::MeetsResponse, "{name}");
        let recommended = r.recommended_plan().expect("a plan is recommended");
        assert_eq!(&*recommended.name, names[1], "{name}");

        // Every reason shown comes from the file, strongest first.
        assert!(!r.reasons_for.is_empty() && r.reasons_against.is_empty(), "{name}");
        let mut all = Vec::new();
        strings(&file, String::new(), &mut all);
        for reason in &r.reasons_for {
            assert!(all.iter().any(|(_, s)| *s == &*reason.text), "{name}: reason {:?} is not in the file", reason.text);
        }
        assert!(r.reasons_for.windows(2).all(|w| w[0].points >= w[1].points), "{name}");
    }
}

#[test]
fn a_reluctant_prospect_is_told_to_pay_per_job_in_the_files_words() {
    for &(name, json, ..) in EXAMPLES {
        let c = load(name, json);
        let file = raw(json);
        let r = evaluate(&c, &answers(&c, 4, lowest));
        assert_eq!(r.score, 0, "{name}");
        let poor = file["bands"].as_array().unwrap().iter().find(|b| b["min_score"] == 0).unwrap();
        assert_eq!(poor["recommend"], "payg", "{name}: the lowest band must recommend paying per job");
        assert_eq!(&*r.band.label, poor["label"].as_str().unwrap(), "{name}");
        assert_eq!(&*r.band.message, poor["message"].as_str().unwrap(), "{name}");
        assert_eq!(r.recommendation.basis, Basis::PoorFit, "{name}");
        assert_eq!(r.recommendation.plan_id, None, "{name}");
        assert!(r.reasons_for.is_empty() && !r.reasons_against.is_empty(), "{name}");
        assert!(r.payg.total > contract_fit::model::Money::ZERO, "{name}");
    }
}

#[test]
fn example_prices_stay_in_the_ranges_the_examples_claim() {
    // Major units per month (per hour for the rate): what a small firm in each market charges.
    type Span = (f64, f64);
    let ranges: &[(&str, &str, Span, Span, Span, Span)] = &[
        // name, json, per user, per server, hourly, minimum
        ("de-DE.json", DE, (60.0, 140.0), (90.0, 250.0), (95.0, 140.0), (400.0, 900.0)),
        ("en-GB.json", GB, (50.0, 120.0), (80.0, 200.0), (75.0, 120.0), (400.0, 800.0)),
    ];
    for &(name, json, user, server, hourly, minimum) in ranges {
        let v = raw(json);
        let within = |x: f64, (lo, hi): (f64, f64), what: &str| {
            assert!((lo..=hi).contains(&x), "{name}: {what} {x} is outside {lo}..{hi}");
        };
        within(v["rates"]["hourly"].as_f64().unwrap(), hourly, "hourly");
        assert_eq!(v["rates"]["priority_multiplier"].as_f64(), Some(1.5), "{name}");
        assert_eq!(v["rates"]["payg_response_hours"].as_f64(), Some(24.0), "{name}");
        assert_eq!(v["rates"]["existing_client_discount"].as_f64(), Some(0.05), "{name}");
        for p in v["plans"].as_array().unwrap() {
            within(p["per_user"].as_f64().unwrap(), user, "per_user");
            within(p["per_server"].as_f64().unwrap(), server, "per_server");
            within(p["minimum_monthly"].as_f64().unwrap(), minimum, "minimum_monthly");
        }
    }
}
