//! Bad input: every rule a config or answers file can break, each reported with its exact path and
//! message, every problem at once; and what a good config looks like (defaults, merging, warnings).

use contract_fit::model::{Answers, Config, Key, DEFAULT_CONFIG_JSON};

/// Every problem the config reader reports, as the CLI prints them (`path: message`).
fn config_problems(json: &str) -> Vec<String> {
    match Config::from_json(json) {
        Ok(_) => panic!("config accepted, expected problems:\n{json}"),
        Err(p) => p.0.iter().map(ToString::to_string).collect(),
    }
}

/// Asserts that a config is refused with exactly these problems, in this order.
#[track_caller]
fn refused(json: &str, want: &[&str]) {
    assert_eq!(config_problems(json), want, "config:\n{json}");
}

/// Asserts that a config is valid.
#[track_caller]
fn accepted(json: &str) -> Config {
    Config::from_json(json).unwrap_or_else(|p| panic!("config refused:\n{p}\n{json}"))
}

/// Every problem the answers reader reports against the shipped config.
fn answers_problems(json: &str) -> Vec<String> {
    match Answers::from_json(json, &Config::shipped()) {
        Ok(a) => panic!("answers accepted, expected problems: {a:?}\n{json}"),
        Err(p) => p.0.iter().map(ToString::to_string).collect(),
    }
}

#[track_caller]
fn answers_refused(json: &str, want: &[&str]) {
    assert_eq!(answers_problems(json), want, "answers:\n{json}");
}

/// One plan with the given extra fields; id "a", name "A", response 4 h.
fn one_plan(fields: &str) -> String {
    let sep = if fields.is_empty() { "" } else { ", " };
    format!(r#"{{ "plans": [ {{ "id": "a", "name": "A", "response_hours": 4{sep}{fields} }} ] }}"#)
}

const PLAN_A: &str = r#"{ "id": "a", "name": "A", "response_hours": 4, "per_user": 10 }"#;
const BAND_0: &str = r#"{ "id": "zero", "min_score": 0, "label": "Zero" }"#;

// ================================================================ model.md "Bad input" rules

#[test]
fn not_valid_json() {
    refused(r#"{ "rates": }"#, &["is not valid JSON: expected a value at line 1 column 12"]);
    refused("{\n  \"plans\": [\n}", &["is not valid JSON: expected a value at line 3 column 1"]);
    refused("", &["is not valid JSON: unexpected end of the file at line 1 column 1"]);
    refused(r#"{ "a": 1 } x"#, &["is not valid JSON: trailing characters at line 1 column 12"]);
    // The problem has an empty path: it is about the document as a whole.
    let p = Config::from_json("{").unwrap_err();
    assert_eq!(p.0.len(), 1);
    assert_eq!(p.0[0].path, "");
}

#[test]
fn wrong_types() {
    refused(r#"[]"#, &["must be an object, got a list"]);
    refused(r#"null"#, &["must be an object, got null"]);
    refused(r#"{ "rates": { "hourly": "150" } }"#, &["rates.hourly: must be a number, got a string"]);
    refused(r#"{ "rates": 5 }"#, &["rates: must be an object, got a number"]);
    refused(r#"{ "workload": null }"#, &["workload: must be an object, got null"]);
    refused(r#"{ "workload": { "emergency_share": true } }"#, &["workload.emergency_share: must be a number, got a boolean"]);
    refused(r#"{ "plans": {} }"#, &["plans: must be a list, got an object"]);
    refused(r#"{ "plans": [ 5 ] }"#, &["plans[0]: must be an object, got a number"]);
    refused(&one_plan(r#""per_user": [10]"#), &["plans[0].per_user: must be a number, got a list"]);
    refused(&one_plan(r#""name": 5"#).replace(r#""name": "A", "#, ""), &["plans[0].name: must be a string, got a number"]);
    refused(&one_plan(r#""features": "fast""#), &["plans[0].features: must be a list, got a string"]);
    refused(&one_plan(r#""features": ["ok", 7]"#), &["plans[0].features[1]: must be a string, got a number"]);
    refused(r#"{ "questions": "none" }"#, &["questions: must be a list, got a string"]);
    refused(
        r#"{ "questions": [ { "id": "q", "text": "Q?", "options": [ { "label": "x", "points": "3" } ] } ] }"#,
        &["questions[0].options[0].points: must be a number, got a string"],
    );
    refused(r#"{ "currency": 840 }"#, &["currency: must be a string, got a number"]);
    refused(r#"{ "locale": null }"#, &["locale: must be a string, got null"]);
    refused(r#"{ "minor_units": "2" }"#, &["minor_units: must be a number, got a string"]);
    refused(r#"{ "company": "Acme" }"#, &["company: must be an object, got a string"]);
    refused(r#"{ "texts": { "widget.title": 5 } }"#, &["texts.widget.title: must be a string, got a number"]);
    refused(r#"{ "texts": [] }"#, &["texts: must be an object, got a list"]);
}

#[test]
fn negative_price() {
    let json = format!(
        r#"{{ "plans": [ {PLAN_A}, {{ "id": "b", "name": "B", "response_hours": 4, "per_user": -5 }} ] }}"#
    );
    refused(&json, &["plans[1].per_user: must be >= 0, got -5"]);
    refused(&one_plan(r#""per_computer": -0.5"#), &["plans[0].per_computer: must be >= 0, got -0.5"]);
    refused(&one_plan(r#""per_server": -1"#), &["plans[0].per_server: must be >= 0, got -1"]);
    refused(&one_plan(r#""minimum_monthly": -100"#), &["plans[0].minimum_monthly: must be >= 0, got -100"]);
    refused(r#"{ "rates": { "hourly": -150 } }"#, &["rates.hourly: must be >= 0, got -150"]);
    refused(r#"{ "workload": { "downtime_cost_per_user_hour": -1 } }"#, &["workload.downtime_cost_per_user_hour: must be >= 0, got -1"]);
    // And too large.
    refused(&one_plan(r#""per_user": 10000000.01"#), &["plans[0].per_user: must be <= 10000000, got 10000000.01"]);
    refused(r#"{ "rates": { "hourly": 1000001 } }"#, &["rates.hourly: must be <= 1000000, got 1000001"]);
    // The bounds themselves are allowed.
    accepted(&one_plan(r#""per_user": 0, "per_computer": 10000000, "per_server": 0, "minimum_monthly": 10000000"#));
}

#[test]
fn share_outside_0_to_1() {
    // A share out of range is most often a percentage: the message says how to write one.
    refused(r#"{ "workload": { "emergency_share": 1.5 } }"#, &["workload.emergency_share: must be <= 1, got 1.5 (write 0.10 for 10%)"]);
    refused(r#"{ "workload": { "emergency_share": -0.1 } }"#, &["workload.emergency_share: must be >= 0, got -0.1 (write 0.10 for 10%)"]);
    refused(r#"{ "workload": { "incident_impact": 2 } }"#, &["workload.incident_impact: must be <= 1, got 2 (write 0.10 for 10%)"]);
    refused(r#"{ "rates": { "existing_client_discount": 5 } }"#, &["rates.existing_client_discount: must be <= 1, got 5 (write 0.10 for 10%)"]);
    refused(r#"{ "rates": { "existing_client_discount": 10 } }"#, &["rates.existing_client_discount: must be <= 1, got 10 (write 0.10 for 10%)"]);
    refused(r#"{ "rates": { "existing_client_discount": -0.05 } }"#, &["rates.existing_client_discount: must be >= 0, got -0.05 (write 0.10 for 10%)"]);
    // The value is quoted as written, not as a float prints it.
    refused(r#"{ "rates": { "existing_client_discount": 1.10 } }"#, &["rates.existing_client_discount: must be <= 1, got 1.10 (write 0.10 for 10%)"]);
    refused(r#"{ "rates": { "existing_client_discount": 1e1 } }"#, &["rates.existing_client_discount: must be <= 1, got 1e1 (write 0.10 for 10%)"]);
    // The hint is for shares only.
    let p = Config::from_json(r#"{ "rates": { "existing_client_discount": 10 } }"#).unwrap_err();
    assert_eq!(p.0[0].hint, Some("write 0.10 for 10%"));
    assert_eq!(Config::from_json(r#"{ "rates": { "priority_multiplier": 11 } }"#).unwrap_err().0[0].hint, None);
    accepted(r#"{ "workload": { "emergency_share": 0, "incident_impact": 1 }, "rates": { "existing_client_discount": 1 } }"#);
    accepted(r#"{ "workload": { "emergency_share": 1, "incident_impact": 0 }, "rates": { "existing_client_discount": 0 } }"#);
}

#[test]
fn multiplier_below_1() {
    refused(r#"{ "rates": { "priority_multiplier": 0.5 } }"#, &["rates.priority_multiplier: must be >= 1, got 0.5"]);
    refused(r#"{ "rates": { "priority_multiplier": 11 } }"#, &["rates.priority_multiplier: must be <= 10, got 11"]);
    accepted(r#"{ "rates": { "priority_multiplier": 1 } }"#);
    accepted(r#"{ "rates": { "priority_multiplier": 10 } }"#);
}

#[test]
fn duplicate_plan_id() {
    refused(
        &format!(r#"{{ "plans": [ {PLAN_A}, {{ "id": "b", "name": "B", "response_hours": 2 }}, {PLAN_A} ] }}"#),
        &[r#"plans[2].id: duplicate id "a""#],
    );
}

#[test]
fn duplicate_question_id() {
    refused(
        r#"{ "questions": [
            { "id": "q", "text": "One?", "options": [ { "label": "x", "points": 1 } ] },
            { "id": "q", "text": "Two?", "options": [ { "label": "y", "points": 1 } ] } ] }"#,
        &[r#"questions[1].id: duplicate id "q""#],
    );
}

#[test]
fn no_plans() {
    refused(r#"{ "plans": [] }"#, &["plans: must list at least one entry"]);
    refused(r#"{ "plans": null }"#, &["plans: must be a list, got null"]);
}

#[test]
fn band_list_without_min_score_0() {
    refused(
        r#"{ "bands": [ { "id": "high", "min_score": 70, "label": "High" }, { "id": "mid", "min_score": 40, "label": "Mid" } ] }"#,
        &["bands: must include a band with min_score 0"],
    );
    refused(r#"{ "bands": [] }"#, &["bands: must list at least one entry"]);
    // A band whose min_score cannot be read does not count as the 0 band.
    refused(
        r#"{ "bands": [ { "id": "x", "min_score": 0.5, "label": "X" } ] }"#,
        &["bands[0].min_score: must be a whole number, got 0.5", "bands: must include a band with min_score 0"],
    );
}

// ================================================================ the other rules the reader enforces

#[test]
fn bad_currency() {
    refused(r#"{ "currency": "usd" }"#, &[r#"currency: must be an ISO 4217 currency code like "USD" or "EUR", got "usd""#]);
    refused(r#"{ "currency": "US" }"#, &[r#"currency: must be an ISO 4217 currency code like "USD" or "EUR", got "US""#]);
    refused(r#"{ "currency": "EU1" }"#, &[r#"currency: must be an ISO 4217 currency code like "USD" or "EUR", got "EU1""#]);
    // Three capital letters are not enough: the code must be on the ISO 4217 list.
    refused(r#"{ "currency": "XYZ" }"#, &[r#"currency: must be an ISO 4217 currency code like "USD" or "EUR", got "XYZ""#]);
    refused(r#"{ "currency": "ABC" }"#, &[r#"currency: must be an ISO 4217 currency code like "USD" or "EUR", got "ABC""#]);
    for code in ["USD", "EUR", "GBP", "JPY", "CHF", "KWD", "CLF", "XXX"] {
        assert_eq!(&*accepted(&format!(r#"{{ "currency": "{code}" }}"#)).currency, code);
    }
    refused(r#"{ "currency": "EURO" }"#, &["currency: must be at most 3 characters long"]);
    refused(r#"{ "currency": "" }"#, &["currency: must not be empty"]);
    accepted(r#"{ "currency": "EUR", "locale": "de-DE" }"#);
    // Surrounding spaces are trimmed.
    assert_eq!(&*accepted(r#"{ "currency": " GBP " }"#).currency, "GBP");
}

#[test]
fn bad_locale() {
    let why = |why: &str, got: &str| format!(r#"locale: must be a language tag like "en-US" or "de-DE" ({why}), got "{got}""#);
    refused(r#"{ "locale": "en_US" }"#, &[&why("the first part must be a language", "en_US")]);
    refused(r#"{ "locale": "e" }"#, &[&why("the first part must be a language", "e")]);
    refused(r#"{ "locale": "en-" }"#, &[&why("empty part", "en-")]);
    refused(r#"{ "locale": "12-US" }"#, &[&why("the first part must be a language", "12-US")]);
    // Tags the browser's Intl refuses, or whose language it does not know.
    refused(r#"{ "locale": "en-US-US" }"#, &[&why("a part is not in its place", "en-US-US")]);
    refused(r#"{ "locale": "qq-QQ" }"#, &[&why("unknown language", "qq-QQ")]);
    refused(r#"{ "locale": "" }"#, &["locale: must not be empty"]);
    refused(&format!(r#"{{ "locale": "{}" }}"#, "a".repeat(36)), &["locale: must be at most 35 characters long"]);
    for ok in ["en", "en-GB", "de-CH", "zh-Hant-TW", "es-419", "fil"] {
        assert_eq!(accepted(&format!(r#"{{ "locale": "{ok}" }}"#)).locale, ok);
    }
}

#[test]
fn minor_units_out_of_range() {
    refused(r#"{ "minor_units": 5 }"#, &["minor_units: must be <= 4, got 5"]);
    refused(r#"{ "minor_units": -1 }"#, &["minor_units: must be >= 0, got -1"]);
    refused(r#"{ "minor_units": 2.5 }"#, &["minor_units: must be a whole number, got 2.5"]);
    // A bad minor_units is reported once; amounts are then read with the default 2 decimals.
    refused(r#"{ "minor_units": 2.5, "rates": { "hourly": 150.5 } }"#, &["minor_units: must be a whole number, got 2.5"]);
    refused(r#"{ "minor_units": 7, "rates": { "hourly": 150.5 } }"#, &["minor_units: must be <= 4, got 7"]);
    for mu in 0..=4 {
        assert_eq!(accepted(&format!(r#"{{ "minor_units": {mu} }}"#)).minor_units, mu);
    }
}

#[test]
fn too_many_decimals_for_the_currency() {
    refused(
        r#"{ "minor_units": 0, "rates": { "hourly": 150.5 } }"#,
        &["rates.hourly: has more decimals than the currency's 0 minor units, got 150.5"],
    );
    refused(&one_plan(r#""per_user": 85.555"#), &["plans[0].per_user: has more decimals than the currency's 2 minor units, got 85.555"]);
    refused(
        r#"{ "workload": { "downtime_cost_per_user_hour": 0.001 } }"#,
        &["workload.downtime_cost_per_user_hour: has more decimals than the currency's 2 minor units, got 0.001"],
    );
    // Large amounts too (an extra digit is not lost in the tolerance for binary fractions).
    refused(&one_plan(r#""per_user": 20000.005"#), &["plans[0].per_user: has more decimals than the currency's 2 minor units, got 20000.005"]);
    refused(
        &one_plan(r#""minimum_monthly": 9999999.995"#),
        &["plans[0].minimum_monthly: has more decimals than the currency's 2 minor units, got 9999999.995"],
    );
    // Decimals the currency has are fine, including values binary floating point cannot hold exactly.
    accepted(&one_plan(r#""per_user": 0.1, "per_computer": 19.99, "per_server": 9999999.99"#));
    accepted(r#"{ "minor_units": 3, "currency": "KWD", "rates": { "hourly": 45.125 } }"#);
    accepted(r#"{ "minor_units": 4, "currency": "CLF", "rates": { "hourly": 2.0001 } }"#);
    // Minor units also apply to the shipped default amounts that are kept: all whole there.
    accepted(r#"{ "minor_units": 0, "currency": "JPY", "locale": "ja-JP" }"#);
}

#[test]
fn empty_id() {
    refused(r#"{ "plans": [ { "id": "", "name": "A", "response_hours": 4 } ] }"#, &["plans[0].id: must not be empty"]);
    refused(r#"{ "plans": [ { "id": "  ", "name": "A", "response_hours": 4 } ] }"#, &["plans[0].id: must not be empty"]);
    refused(
        r#"{ "questions": [ { "id": "", "text": "Q?", "options": [ { "label": "x", "points": 1 } ] } ] }"#,
        &["questions[0].id: must not be empty"],
    );
    refused(r#"{ "bands": [ { "id": "", "min_score": 0, "label": "Z" } ] }"#, &["bands[0].id: must not be empty"]);
}

#[test]
fn bad_id_characters() {
    refused(
        r#"{ "plans": [ { "id": "Gold Plan", "name": "Gold", "response_hours": 4 } ] }"#,
        &[r#"plans[0].id: must use only lowercase letters, digits, '-' and '_', got "Gold Plan""#],
    );
    refused(
        r#"{ "questions": [ { "id": "q.1", "text": "Q?", "options": [ { "label": "x", "points": 1 } ] } ] }"#,
        &[r#"questions[0].id: must use only lowercase letters, digits, '-' and '_', got "q.1""#],
    );
    refused(
        r#"{ "bands": [ { "id": "größe", "min_score": 0, "label": "Z" } ] }"#,
        &[r#"bands[0].id: must use only lowercase letters, digits, '-' and '_', got "größe""#],
    );
    refused(
        &format!(r#"{{ "plans": [ {{ "id": "{}", "name": "A", "response_hours": 4 }} ] }}"#, "a".repeat(41)),
        &["plans[0].id: must be at most 40 characters long"],
    );
    accepted(&format!(r#"{{ "plans": [ {{ "id": "a-1_{}", "name": "A", "response_hours": 4 }} ] }}"#, "z".repeat(36)));
}

#[test]
fn missing_required_fields() {
    refused(r#"{ "plans": [ { "name": "A", "response_hours": 4 } ] }"#, &["plans[0].id: is required"]);
    refused(r#"{ "plans": [ { "id": "a", "response_hours": 4 } ] }"#, &["plans[0].name: is required"]);
    refused(r#"{ "plans": [ { "id": "a", "name": "A" } ] }"#, &["plans[0].response_hours: is required"]);
    refused(r#"{ "plans": [ { "id": "a", "name": "  ", "response_hours": 4 } ] }"#, &["plans[0].name: must not be empty"]);
    refused(
        r#"{ "questions": [ { "id": "q" } ] }"#,
        &["questions[0].text: is required", "questions[0].options: is required"],
    );
    refused(r#"{ "questions": [ { "id": "q", "text": "Q?", "options": [] } ] }"#, &["questions[0].options: must list at least one entry"]);
    refused(
        r#"{ "questions": [ { "id": "q", "text": "Q?", "options": [ {} ] } ] }"#,
        &["questions[0].options[0].label: is required", "questions[0].options[0].points: is required"],
    );
    refused(r#"{ "bands": [ { "id": "z", "label": "Z" } ] }"#, &["bands[0].min_score: is required", "bands: must include a band with min_score 0"]);
    refused(r#"{ "bands": [ { "id": "z", "min_score": 0 } ] }"#, &["bands[0].label: is required"]);
    // `company` replaces the default as a whole, and needs a name.
    refused(r#"{ "company": {} }"#, &["company.name: is required"]);
    refused(r#"{ "company": { "name": "" } }"#, &["company.name: must not be empty"]);
}

#[test]
fn recommend_must_be_contract_or_payg() {
    refused(
        r#"{ "bands": [ { "id": "z", "min_score": 0, "label": "Z", "recommend": "maybe" } ] }"#,
        &[r#"bands[0].recommend: must be one of "contract", "payg", got "maybe""#],
    );
    refused(
        r#"{ "bands": [ { "id": "z", "min_score": 0, "label": "Z", "recommend": true } ] }"#,
        &[r#"bands[0].recommend: must be one of "contract", "payg", got "true""#],
    );
    refused(
        r#"{ "bands": [ { "id": "z", "min_score": 0, "label": "Z", "recommend": "PAYG" } ] }"#,
        &[r#"bands[0].recommend: must be one of "contract", "payg", got "PAYG""#],
    );
}

#[test]
fn band_min_score_rules() {
    refused(
        &format!(r#"{{ "bands": [ {BAND_0}, {{ "id": "other", "min_score": 0, "label": "Other" }} ] }}"#),
        &["bands[1].min_score: two bands start at min_score 0"],
    );
    refused(
        &format!(r#"{{ "bands": [ {BAND_0}, {{ "id": "a", "min_score": 50, "label": "A" }}, {{ "id": "b", "min_score": 50, "label": "B" }} ] }}"#),
        &["bands[2].min_score: two bands start at min_score 50"],
    );
    refused(&format!(r#"{{ "bands": [ {BAND_0}, {{ "id": "a", "min_score": 101, "label": "A" }} ] }}"#), &["bands[1].min_score: must be <= 100, got 101"]);
    // An out-of-range min_score is reported once, not also as a duplicate of 0.
    refused(&format!(r#"{{ "bands": [ {BAND_0}, {{ "id": "a", "min_score": -5, "label": "A" }} ] }}"#), &["bands[1].min_score: must be >= 0, got -5"]);
    refused(
        &format!(r#"{{ "bands": [ {BAND_0}, {{ "id": "zero", "min_score": 10, "label": "Again" }} ] }}"#),
        &[r#"bands[1].id: duplicate id "zero""#],
    );
}

#[test]
fn text_too_long() {
    let long = |n: usize| "x".repeat(n);
    refused(&one_plan("").replace(r#""name": "A""#, &format!(r#""name": "{}""#, long(121))), &["plans[0].name: must be at most 120 characters long"]);
    refused(&one_plan(&format!(r#""description": "{}""#, long(601))), &["plans[0].description: must be at most 600 characters long"]);
    refused(&one_plan(&format!(r#""features": ["{}"]"#, long(241))), &["plans[0].features[0]: must be at most 240 characters long"]);
    refused(&format!(r#"{{ "company": {{ "name": "{}" }} }}"#, long(121)), &["company.name: must be at most 120 characters long"]);
    refused(&format!(r#"{{ "company": {{ "name": "A", "phone": "{}" }} }}"#, long(41)), &["company.phone: must be at most 40 characters long"]);
    refused(
        &format!(r#"{{ "questions": [ {{ "id": "q", "text": "{}", "options": [ {{ "label": "x", "points": 1 }} ] }} ] }}"#, long(601)),
        &["questions[0].text: must be at most 600 characters long"],
    );
    refused(
        &format!(r#"{{ "questions": [ {{ "id": "q", "text": "Q?", "options": [ {{ "label": "{}", "points": 1 }} ] }} ] }}"#, long(241)),
        &["questions[0].options[0].label: must be at most 240 characters long"],
    );
    refused(
        &format!(r#"{{ "bands": [ {{ "id": "z", "min_score": 0, "label": "Z", "message": "{}" }} ] }}"#, long(601)),
        &["bands[0].message: must be at most 600 characters long"],
    );
    refused(&format!(r#"{{ "texts": {{ "widget.title": "{}" }} }}"#, long(2001)), &["texts.widget.title: must be at most 2000 characters long"]);
    // Length counts characters, not bytes.
    accepted(&one_plan("").replace(r#""name": "A""#, &format!(r#""name": "{}""#, "é".repeat(120))));
}

#[test]
fn lists_too_long() {
    let plans: Vec<String> = (0..13).map(|i| format!(r#"{{ "id": "p{i}", "name": "P", "response_hours": 4 }}"#)).collect();
    refused(&format!(r#"{{ "plans": [{}] }}"#, plans.join(",")), &["plans: must list at most 12 entries"]);
    accepted(&format!(r#"{{ "plans": [{}] }}"#, plans[..12].join(",")));
    let q = |i: usize| format!(r#"{{ "id": "q{i}", "text": "Q?", "options": [ {{ "label": "x", "points": 1 }} ] }}"#);
    let qs: Vec<String> = (0..21).map(q).collect();
    refused(&format!(r#"{{ "questions": [{}] }}"#, qs.join(",")), &["questions: must list at most 20 entries"]);
    accepted(&format!(r#"{{ "questions": [{}] }}"#, qs[..20].join(",")));
    let opts: Vec<String> = (0..11).map(|i| format!(r#"{{ "label": "o{i}", "points": {i} }}"#)).collect();
    refused(
        &format!(r#"{{ "questions": [ {{ "id": "q", "text": "Q?", "options": [{}] }} ] }}"#, opts.join(",")),
        &["questions[0].options: must list at most 10 entries"],
    );
    let bands: Vec<String> = (0..11).map(|i| format!(r#"{{ "id": "b{i}", "min_score": {}, "label": "B" }}"#, i * 10)).collect();
    refused(&format!(r#"{{ "bands": [{}] }}"#, bands.join(",")), &["bands: must list at most 10 entries"]);
    let features: Vec<String> = (0..21).map(|i| format!(r#""f{i}""#)).collect();
    refused(&one_plan(&format!(r#""features": [{}]"#, features.join(","))), &["plans[0].features: must list at most 20 entries"]);
}

#[test]
fn hours_and_points_ranges() {
    refused(&one_plan("").replace(r#""response_hours": 4"#, r#""response_hours": 0"#), &["plans[0].response_hours: must be >= 0.01, got 0"]);
    refused(&one_plan("").replace(r#""response_hours": 4"#, r#""response_hours": 8761"#), &["plans[0].response_hours: must be <= 8760, got 8761"]);
    refused(r#"{ "rates": { "payg_response_hours": 0 } }"#, &["rates.payg_response_hours: must be >= 0.01, got 0"]);
    refused(r#"{ "workload": { "hours_per_incident": 0 } }"#, &["workload.hours_per_incident: must be >= 0.01, got 0"]);
    refused(r#"{ "workload": { "hours_per_user": 1001 } }"#, &["workload.hours_per_user: must be <= 1000, got 1001"]);
    refused(r#"{ "workload": { "hours_per_server": -1 } }"#, &["workload.hours_per_server: must be >= 0, got -1"]);
    refused(
        r#"{ "questions": [ { "id": "q", "text": "Q?", "options": [ { "label": "x", "points": 101 } ] } ] }"#,
        &["questions[0].options[0].points: must be <= 100, got 101"],
    );
    refused(
        r#"{ "questions": [ { "id": "q", "text": "Q?", "options": [ { "label": "x", "points": 1.5 } ] } ] }"#,
        &["questions[0].options[0].points: must be a whole number, got 1.5"],
    );
    accepted(r#"{ "workload": { "hours_per_incident": 0.01 }, "rates": { "payg_response_hours": 8760 } }"#);
}

#[test]
fn min_answers_is_a_whole_number_from_1_to_the_number_of_questions() {
    // The shipped config asks six questions.
    refused(r#"{ "min_answers": 0 }"#, &["min_answers: must be >= 1, got 0"]);
    refused(r#"{ "min_answers": -1 }"#, &["min_answers: must be >= 1, got -1"]);
    refused(r#"{ "min_answers": 7 }"#, &["min_answers: must be <= 6, got 7"]);
    refused(r#"{ "min_answers": 1e9 }"#, &["min_answers: must be <= 6, got 1e9"]);
    refused(r#"{ "min_answers": 2.5 }"#, &["min_answers: must be a whole number, got 2.5"]);
    refused(r#"{ "min_answers": "3" }"#, &["min_answers: must be a number, got a string"]);
    refused(r#"{ "min_answers": null }"#, &["min_answers: must be a number, got null"]);
    // The bound follows the config's own questions.
    let two = r#"{ "id": "a", "text": "A?", "options": [ { "label": "x", "points": 1 } ] },
                 { "id": "b", "text": "B?", "options": [ { "label": "y", "points": 1 } ] }"#;
    refused(&format!(r#"{{ "questions": [ {two} ], "min_answers": 3 }}"#), &["min_answers: must be <= 2, got 3"]);
    assert_eq!(accepted(&format!(r#"{{ "questions": [ {two} ], "min_answers": 2 }}"#)).min_answers, 2);
    // A config that asks no questions takes none: min_answers is refused, whatever its value.
    for given in ["0", "1", "3", "\"x\""] {
        refused(
            &format!(r#"{{ "questions": [], "min_answers": {given} }}"#),
            &["min_answers: must be left out: the config asks no questions, so there is no verdict to wait for"],
        );
    }
    // Accepted values; by default every question.
    assert_eq!(accepted("{}").min_answers, 6);
    assert_eq!(accepted(r#"{ "questions": [] }"#).min_answers, 0);
    for (given, want) in [("1", 1), ("6", 6), ("3.0", 3), ("4e0", 4)] {
        assert_eq!(accepted(&format!(r#"{{ "min_answers": {given} }}"#)).min_answers, want, "{given}");
    }
    // With the other problems of a config, in its place (after the bands, before the texts).
    refused(
        r#"{ "min_answers": 0, "bands": [], "texts": { "nope": "x" } }"#,
        &["bands: must list at least one entry", "min_answers: must be >= 1, got 0", r#"texts.nope: unknown text key "nope""#],
    );
}

#[test]
fn min_answers_without_questions_is_refused_with_a_rule_the_value_breaks() {
    let problems = config_problems(r#"{ "questions": [], "min_answers": 0 }"#);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("min_answers: "), "{problems:?}");
    assert!(!problems[0].contains("must be <= 0, got 0"), "the message contradicts itself: {problems:?}");
}

#[test]
fn company_email_must_look_like_one() {
    let bad = |email: &str| format!(r#"company.email: must be one email address like "sales@example.com", got "{email}""#);
    refused(r#"{ "company": { "name": "Acme", "email": "sales at acme" } }"#, &[&bad("sales at acme")]);
    // Only `local@domain`: nothing that adds a header or cuts a `mailto:` link short.
    for email in [
        "sales@x.example?bcc=spy@evil.example",
        "sales@x.example#",
        "sales@x.example&cc=spy@evil.example",
        "sales@x.example, spy@evil.example",
        "a@b@c.example",
        "sales@localhost",
        "@x.example",
        "sales@",
        ".sales@x.example",
        "sa..les@x.example",
        "sales@-x.example",
        "sales@x.example\nBcc: spy@evil.example",
    ] {
        let json = format!(r#"{{ "company": {{ "name": "Acme", "email": {} }} }}"#, serde_json::to_string(email).unwrap());
        refused(&json, &[&bad(email.trim())]);
    }
    for email in ["sales@acme.example", "first.last+quote@sub.acme-it.example", "a_b%c@x.co"] {
        let json = format!(r#"{{ "company": {{ "name": "Acme", "email": "{email}" }} }}"#);
        assert_eq!(accepted(&json).company.email, email);
    }
    // The rule is public, for the widget's own checks.
    assert!(contract_fit::model::is_email("sales@acme.example"));
    assert!(!contract_fit::model::is_email("sales@acme.example?subject=x"));
}

#[test]
fn text_overrides_must_use_known_keys_and_placeholders() {
    accepted(r#"{ "texts": { "next.email": "Write to {company}", "widget.title": "Contract or not?" } }"#);
    // An unknown key names the known key closest to it.
    refused(r#"{ "texts": { "title": "Hello" } }"#, &[r#"texts.title: unknown text key "title"; did you mean "print.title"?"#]);
    refused(r#"{ "texts": { "widget.titel": "Hallo" } }"#, &[r#"texts.widget.titel: unknown text key "widget.titel"; did you mean "widget.title"?"#]);
    refused(r#"{ "texts": { "zzzz": "Hello" } }"#, &[r#"texts.zzzz: unknown text key "zzzz""#]);
    refused(
        r#"{ "texts": { "next.email": "Mail {firm}" } }"#,
        &["texts.next.email: uses {firm}, which is not one of {company}"],
    );
    refused(
        r#"{ "texts": { "next.copy": "Copy {what}" } }"#,
        &["texts.next.copy: uses {what}, but this text takes no placeholders"],
    );
}

#[test]
fn text_overrides_may_give_plural_forms() {
    use contract_fit::model::Plural;
    let c = accepted(r#"{ "texts": { "count.people": { "one": "{count} Person", "other": "{count} Personen" },
                                      "count.servers": "{count} Server" } }"#);
    assert_eq!(c.texts.plural(Key::CountPeople, Plural::One), "{count} Person");
    assert_eq!(c.texts.plural(Key::CountPeople, Plural::Other), "{count} Personen");
    // A form the config does not give falls back to its `other` form.
    assert_eq!(c.texts.plural(Key::CountPeople, Plural::Few), "{count} Personen");
    // One text for every count.
    assert_eq!(c.texts.plural(Key::CountServers, Plural::One), "{count} Server");
    // Keys left alone keep the English forms.
    assert_eq!(c.texts.plural(Key::CountComputers, Plural::One), "{count} computer");
    assert!(c.texts.is_overridden(Key::CountPeople) && !c.texts.is_overridden(Key::CountComputers));
    // `other` is required; a form must be a plural category; a text without plural forms takes a string.
    refused(r#"{ "texts": { "count.people": { "one": "{count} Person" } } }"#, &["texts.count.people.other: is required"]);
    refused(
        r#"{ "texts": { "count.people": { "single": "x", "other": "{count} Personen" } } }"#,
        &[r#"texts.count.people.single: has the form "single", which is not one of "zero", "one", "two", "few", "many", "other""#],
    );
    refused(
        r#"{ "texts": { "count.people": { "one": 1, "other": "{count} Personen" } } }"#,
        &["texts.count.people.one: must be a string, got a number"],
    );
    refused(
        r#"{ "texts": { "count.people": { "one": "{n} Person", "other": "{count} Personen" } } }"#,
        &["texts.count.people.one: uses {n}, which is not one of {count}"],
    );
    refused(r#"{ "texts": { "next.copy": { "other": "Kopieren" } } }"#, &["texts.next.copy: must be a string, got an object"]);
    refused(
        r#"{ "texts": { "count.people": ["x"] } }"#,
        &["texts.count.people: must be a string or an object of plural forms, got a list"],
    );
}

#[test]
fn text_keys_of_earlier_releases_are_still_read() {
    use contract_fit::model::Plural;
    // An old `…_one` key is the `one` form of the current key, in either order.
    let c = accepted(r#"{ "texts": { "plans.response": "Antwort in {hours} Stunden", "plans.response_one": "Antwort in 1 Stunde" } }"#);
    assert_eq!(c.texts.plural(Key::PlansResponse, Plural::One), "Antwort in 1 Stunde");
    assert_eq!(c.texts.plural(Key::PlansResponse, Plural::Other), "Antwort in {hours} Stunden");
    let c = accepted(r#"{ "texts": { "business.response.option_one": "Binnen 1 Stunde", "business.response.option": "Binnen {hours} Stunden" } }"#);
    assert_eq!(c.texts.plural(Key::ResponseOption, Plural::One), "Binnen 1 Stunde");
    assert_eq!(c.texts.plural(Key::ResponseOption, Plural::Other), "Binnen {hours} Stunden");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    // A retired key is accepted with a warning (an unknown field for `contract-fit check`).
    let c = accepted(r#"{ "texts": { "compare.savings": "Sie sparen", "widget.title": "Passt ein Vertrag?" } }"#);
    let warnings: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings, [r#"texts.compare.savings: unknown text key "compare.savings" (this text is no longer shown; remove it)"#]);
    assert_eq!(c.texts.get(Key::WidgetTitle), "Passt ein Vertrag?");
}

#[test]
fn theme_colours_and_logo_address() {
    refused(r#"{ "theme": { "accent": "red" } }"#, &[r##"theme.accent: must be a colour like "#1f5fbf" or "#fff", got "red""##]);
    refused(r##"{ "theme": { "accent_dark": "#12345" } }"##, &[r##"theme.accent_dark: must be a colour like "#1f5fbf" or "#fff", got "#12345""##]);
    refused(
        r##"{ "theme": { "accent": "#fff; background: url(x)" } }"##,
        &[r##"theme.accent: must be a colour like "#1f5fbf" or "#fff", got "#fff; background: url(x)""##],
    );
    refused(r#"{ "theme": "blue" }"#, &["theme: must be an object, got a string"]);
    refused(
        r#"{ "company": { "name": "A", "logo_url": "javascript:alert(1)" } }"#,
        &[r#"company.logo_url: must be a path on this site or an https: address, got "javascript:alert(1)" (like img/logo.svg or https://example.com/logo.png)"#],
    );
    // Nothing a browser reads as another host: protocol-relative, backslashes, plain http.
    for url in ["//host/logo.png", "/\\host/logo.png", "\\\\host\\logo.png", "http://a.example/logo.png", "https:///logo.png",
                "https:logo.png", "data:image/svg+xml,<svg/>", "img/logo.svg\"onerror=\"x", "img/ logo.svg"] {
        let json = format!(r#"{{ "company": {{ "name": "A", "logo_url": {} }} }}"#, serde_json::to_string(url).unwrap());
        let problems = config_problems(&json);
        assert_eq!(problems.len(), 1, "{url}: {problems:?}");
        assert!(problems[0].starts_with("company.logo_url: must be a path on this site or an https: address, got "), "{url}: {problems:?}");
        assert!(!contract_fit::model::is_safe_image_url(url), "{url}");
    }
    for url in ["img/logo.svg", "/logo.png", "./a/b.png", "https://a.example/logo.svg", "HTTPS://A.example/x.png", "logo.png?v=2#x"] {
        let json = format!(r#"{{ "company": {{ "name": "A", "logo_url": "{url}" }} }}"#);
        assert_eq!(accepted(&json).company.logo_url, url);
    }
    let c = accepted(r##"{ "theme": { "accent": "#1f5fbf", "accent_dark": "#8cf" },
                           "company": { "name": "A", "logo_url": "https://a.example/logo.svg" } }"##);
    assert_eq!((c.theme.accent.as_str(), c.theme.accent_dark.as_str()), ("#1f5fbf", "#8cf"));
    assert_eq!(accepted("{}").theme.accent, "");
}

#[test]
fn a_text_too_long_is_one_problem_not_two() {
    let long = "x".repeat(130);
    // Currency and locale already report only the length.
    refused(r#"{ "currency": "ABCD" }"#, &["currency: must be at most 3 characters long"]);
    refused(&format!(r#"{{ "locale": "en-x-{long}" }}"#), &["locale: must be at most 35 characters long"]);
    refused(&format!(r#"{{ "theme": {{ "accent": "{long}" }} }}"#), &["theme.accent: must be at most 40 characters long"]);
    refused(
        &format!(r#"{{ "company": {{ "name": "A", "email": "{long}", "website": "{long}", "logo_url": "//{}" }} }}"#, "x".repeat(600)),
        &[
            "company.email: must be at most 120 characters long",
            "company.website: must be at most 120 characters long",
            "company.logo_url: must be at most 500 characters long",
        ],
    );
}

#[test]
fn currency_without_minor_units_takes_its_own_decimals() {
    assert_eq!(accepted(r#"{ "currency": "JPY", "locale": "ja-JP" }"#).minor_units, 0);
    assert_eq!(accepted(r#"{ "currency": "KWD" }"#).minor_units, 3);
    assert_eq!(accepted(r#"{ "currency": "EUR" }"#).minor_units, 2);
    assert_eq!(accepted(r#"{ "currency": "JPY", "minor_units": 2 }"#).minor_units, 2);
    refused(
        r#"{ "currency": "JPY", "rates": { "hourly": 150.5 } }"#,
        &["rates.hourly: has more decimals than the currency's 0 minor units, got 150.5"],
    );
}

// ================================================================ all problems at once

#[test]
fn several_problems_are_all_reported_in_order() {
    let json = r#"{
      "currency": "usd",
      "minor_units": 7,
      "rates": { "hourly": -1, "priority_multiplier": 0.5 },
      "workload": { "emergency_share": 2 },
      "plans": [
        { "id": "a", "name": "A", "response_hours": 4, "per_user": -5 },
        { "id": "a", "name": "", "response_hours": 0 }
      ],
      "questions": [ { "id": "Q", "text": "Q?", "options": [] } ],
      "bands": [ { "id": "high", "min_score": 70, "label": "High", "recommend": "never" } ]
    }"#;
    refused(
        json,
        &[
            r#"currency: must be an ISO 4217 currency code like "USD" or "EUR", got "usd""#,
            "minor_units: must be <= 4, got 7",
            "rates.hourly: must be >= 0, got -1",
            "rates.priority_multiplier: must be >= 1, got 0.5",
            "workload.emergency_share: must be <= 1, got 2 (write 0.10 for 10%)",
            "plans[0].per_user: must be >= 0, got -5",
            "plans[1].name: must not be empty",
            "plans[1].response_hours: must be >= 0.01, got 0",
            r#"plans[1].id: duplicate id "a""#,
            r#"questions[0].id: must use only lowercase letters, digits, '-' and '_', got "Q""#,
            "questions[0].options: must list at least one entry",
            r#"bands[0].recommend: must be one of "contract", "payg", got "never""#,
            "bands: must include a band with min_score 0",
        ],
    );
}

#[test]
fn problems_carry_path_and_rule_separately() {
    let p = Config::from_json(r#"{ "rates": { "hourly": -1 } }"#).unwrap_err();
    let first = p.at("rates.hourly").expect("a problem at rates.hourly");
    assert_eq!(first.rule.to_string(), "must be >= 0, got -1");
    assert_eq!(p.to_string(), "rates.hourly: must be >= 0, got -1");
}

// ================================================================ good configs, defaults, warnings

#[test]
fn empty_object_is_the_shipped_config() {
    let c = accepted("{}");
    assert_eq!(c, Config::shipped());
    assert_eq!(c, accepted(DEFAULT_CONFIG_JSON));
    assert_eq!(c.company.name, "Northwind IT");
    assert_eq!((c.currency.as_ref(), c.minor_units, c.locale.as_str()), ("USD", 2, "en-US"));
    assert_eq!(c.plans.len(), 3);
    assert_eq!(c.questions.len(), 6);
    assert_eq!(c.bands.len(), 3);
}

#[test]
fn shipped_config_is_valid_without_warnings() {
    let c = Config::from_json(DEFAULT_CONFIG_JSON).expect("the shipped config is valid");
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert!(Config::shipped().warnings.is_empty());
    // The file on disk is the one compiled in.
    let on_disk = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config/default.json")).unwrap();
    assert_eq!(on_disk, DEFAULT_CONFIG_JSON);
}

#[test]
fn unknown_fields_are_warnings_not_errors() {
    let c = accepted(
        r#"{ "colour": "blue", "rates": { "hourly": 120, "hourlyy": 5 },
             "plans": [ { "id": "a", "name": "A", "response_hours": 4, "per_users": 10 } ],
             "questions": [ { "id": "q", "text": "Q?", "hint": "",
                              "options": [ { "label": "x", "points": 1, "why": "" } ] } ],
             "bands": [ { "id": "z", "min_score": 0, "label": "Z", "colour": "red" } ],
             "company": { "name": "Acme", "fax": "1" } }"#,
    );
    let warnings: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            // Each names the known field closest to it, when one is close.
            "colour: unknown field",
            "company.fax: unknown field",
            r#"rates.hourlyy: unknown field; did you mean "hourly"?"#,
            r#"plans[0].per_users: unknown field; did you mean "per_user"?"#,
            "questions[0].hint: unknown field",
            "questions[0].options[0].why: unknown field",
            "bands[0].colour: unknown field",
        ]
    );
    // The misspelt field is ignored: per_user keeps its item default of 0.
    assert_eq!(c.plans[0].per_user.minor(), 0);
    assert_eq!(c.rates.hourly.minor(), 12_000);
    // A misspelling at the top level, and the suggestion's path for a second-level one.
    let c = accepted(r#"{ "currncy": "EUR", "min_answer": 3, "workload": { "emergency_shares": 0.2 } }"#);
    let warnings: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            r#"currncy: unknown field; did you mean "currency"?"#,
            r#"min_answer: unknown field; did you mean "min_answers"?"#,
            r#"workload.emergency_shares: unknown field; did you mean "emergency_share"?"#,
        ]
    );
    // An object full of junk is told in short: the first twenty, then one line for the rest.
    let junk: Vec<String> = (0..1000).map(|i| format!(r#""junk{i}": {i}"#)).collect();
    let c = accepted(&format!(r#"{{ "rates": {{ {} }} }}"#, junk.join(", ")));
    assert_eq!(c.warnings.len(), 21, "{:?}", &c.warnings[..3]);
    assert!(c.warnings[..20].iter().all(|w| w.path.starts_with("rates.junk")));
    assert_eq!(c.warnings[20].path, "rates");
}

#[test]
fn objects_merge_field_by_field_lists_and_company_replace() {
    let shipped = Config::shipped();
    // rates: only hourly changes; the other rates keep the shipped values.
    let c = accepted(r#"{ "rates": { "hourly": 120 } }"#);
    assert_eq!(c.rates.hourly.minor(), 12_000);
    assert_eq!(c.rates.priority_multiplier, shipped.rates.priority_multiplier);
    assert_eq!(c.rates.payg_response_hours, shipped.rates.payg_response_hours);
    assert_eq!(c.workload, shipped.workload);
    // plans: the list replaces the shipped plans entirely; item fields take item defaults.
    let c = accepted(r#"{ "plans": [ { "id": "solo", "name": "Solo", "response_hours": 6 } ] }"#);
    assert_eq!(c.plans.len(), 1);
    let p = &c.plans[0];
    assert_eq!((p.per_user.minor(), p.per_computer.minor(), p.per_server.minor(), p.minimum_monthly.minor()), (0, 0, 0, 0));
    assert_eq!((p.description.as_ref(), p.features.len()), ("", 0));
    assert_eq!(c.questions, shipped.questions);
    // company: replaced as a whole, so no default contact detail leaks through.
    let c = accepted(r#"{ "company": { "name": "Acme IT" } }"#);
    assert_eq!(c.company.name, "Acme IT");
    assert_eq!((c.company.email.as_str(), c.company.phone.as_str(), c.company.website.as_str()), ("", "", ""));
    // Item defaults of questions and bands.
    let c = accepted(
        r#"{ "questions": [ { "id": "q", "text": "Q?", "options": [ { "label": "x", "points": 1 } ] } ],
             "bands": [ { "id": "z", "min_score": 0, "label": "Z" } ] }"#,
    );
    assert_eq!((c.questions[0].help.as_str(), c.questions[0].options[0].reason.as_ref()), ("", ""));
    assert_eq!(&*c.bands[0].message, "");
    assert_eq!(c.bands[0].recommend.as_str(), "contract");
    // A config may ask no questions.
    assert!(accepted(r#"{ "questions": [] }"#).questions.is_empty());
    // Texts are kept as given.
    assert_eq!(accepted(r#"{ "texts": { "widget.title": "Is a contract right for us?" } }"#).texts.get(Key::WidgetTitle), "Is a contract right for us?");
    // Null optional text is the same as leaving it out.
    assert_eq!(&*accepted(&one_plan(r#""description": null"#)).plans[0].description, "");
}

// ================================================================ answers

#[test]
fn answers_users_out_of_range() {
    answers_refused(r#"{ "users": 0 }"#, &["users: must be >= 1, got 0"]);
    answers_refused(r#"{ "users": 1000000 }"#, &["users: must be <= 10000, got 1000000"]);
    answers_refused(r#"{ "users": 1e300 }"#, &["users: must be <= 10000, got 1e300"]);
    answers_refused(r#"{ "users": -3 }"#, &["users: must be >= 1, got -3"]);
    answers_refused(r#"{ "users": 2.5 }"#, &["users: must be a whole number, got 2.5"]);
    answers_refused(r#"{}"#, &["users: is required"]);
    answers_refused(r#"{ "users": null }"#, &["users: must be a number, got null"]);
    assert_eq!(Answers::from_json(r#"{ "users": 10000 }"#, &Config::shipped()).unwrap().users, 10_000);
    assert_eq!(Answers::from_json(r#"{ "users": 1 }"#, &Config::shipped()).unwrap().users, 1);
}

#[test]
fn answers_negative_or_too_large_counts() {
    answers_refused(r#"{ "users": 5, "computers": -1 }"#, &["computers: must be >= 0, got -1"]);
    answers_refused(r#"{ "users": 5, "servers": -2 }"#, &["servers: must be >= 0, got -2"]);
    answers_refused(r#"{ "users": 5, "computers": 20001 }"#, &["computers: must be <= 20000, got 20001"]);
    answers_refused(r#"{ "users": 5, "servers": 2001 }"#, &["servers: must be <= 2000, got 2001"]);
    answers_refused(r#"{ "users": 5, "servers": 0.5 }"#, &["servers: must be a whole number, got 0.5"]);
}

#[test]
fn answers_non_numbers_and_wrong_types() {
    answers_refused(r#"{ "users": "20" }"#, &["users: must be a number, got a string"]);
    answers_refused(r#"{ "users": 5, "computers": [] }"#, &["computers: must be a number, got a list"]);
    answers_refused(r#"{ "users": 5, "existing_client": "yes" }"#, &["existing_client: must be true or false, got a string"]);
    answers_refused(r#"{ "users": 5, "required_response_hours": "4" }"#, &["required_response_hours: must be a number, got a string"]);
    answers_refused(r#"{ "users": 5, "downtime_cost_per_hour": {} }"#, &["downtime_cost_per_hour: must be a number, got an object"]);
    answers_refused(r#"{ "users": 5, "choices": [] }"#, &["choices: must be an object, got a list"]);
    answers_refused(r#"{ "users": 5, "choices": { "payment": "0" } }"#, &["choices.payment: must be an option index, got a string"]);
    answers_refused(r#"[ 20 ]"#, &["must be an object, got a list"]);
    answers_refused(r#"{ "users": "#, &["is not valid JSON: unexpected end of the file at line 1 column 12"]);
}

#[test]
fn answers_response_and_downtime_ranges() {
    answers_refused(r#"{ "users": 5, "required_response_hours": 0 }"#, &["required_response_hours: must be >= 0.01, got 0"]);
    answers_refused(r#"{ "users": 5, "required_response_hours": 9000 }"#, &["required_response_hours: must be <= 8760, got 9000"]);
    answers_refused(r#"{ "users": 5, "downtime_cost_per_hour": -1 }"#, &["downtime_cost_per_hour: must be >= 0, got -1"]);
    answers_refused(r#"{ "users": 5, "downtime_cost_per_hour": 100000000 }"#, &["downtime_cost_per_hour: must be <= 10000000, got 100000000"]);
    answers_refused(
        r#"{ "users": 5, "downtime_cost_per_hour": 12.345 }"#,
        &["downtime_cost_per_hour: has more decimals than the currency's 2 minor units, got 12.345"],
    );
}

#[test]
fn answers_option_index_that_does_not_exist() {
    answers_refused(r#"{ "users": 5, "choices": { "payment": 3 } }"#, &["choices.payment: must be an option index from 0 to 2, got 3"]);
    answers_refused(r#"{ "users": 5, "choices": { "payment": -1 } }"#, &["choices.payment: must be an option index from 0 to 2, got -1"]);
    answers_refused(r#"{ "users": 5, "choices": { "payment": 1.5 } }"#, &["choices.payment: must be an option index from 0 to 2, got 1.5"]);
    answers_refused(r#"{ "users": 5, "choices": { "colour": 0 } }"#, &[r#"choices.colour: no question has the id "colour""#]);
}

#[test]
fn answers_several_problems_all_reported() {
    answers_refused(
        r#"{ "users": 0, "computers": -1, "servers": "two", "existing_client": 1,
             "required_response_hours": -4, "downtime_cost_per_hour": "lots",
             "choices": { "payment": 9, "nope": 0, "trust": true } }"#,
        &[
            "users: must be >= 1, got 0",
            "computers: must be >= 0, got -1",
            "servers: must be a number, got a string",
            "existing_client: must be true or false, got a number",
            "required_response_hours: must be >= 0.01, got -4",
            "downtime_cost_per_hour: must be a number, got a string",
            "choices.payment: must be an option index from 0 to 2, got 9",
            r#"choices.nope: no question has the id "nope""#,
            "choices.trust: must be an option index, got a boolean",
        ],
    );
}

#[test]
fn answers_good_and_defaults() {
    let c = Config::shipped();
    let a = Answers::from_json(r#"{ "users": 3 }"#, &c).unwrap();
    assert_eq!((a.users, a.computers, a.servers, a.existing_client), (3, 0, 0, false));
    assert_eq!((a.required_response_hours, a.downtime_cost_per_hour), (None, None));
    assert!(a.choices.is_empty());
    // Unknown fields in answers are ignored.
    assert!(Answers::from_json(r#"{ "users": 3, "colour": "blue" }"#, &c).is_ok());
    // A null choice is "not answered"; a whole-number float is an index.
    let a = Answers::from_json(r#"{ "users": 3, "choices": { "payment": null, "trust": 1.0 } }"#, &c).unwrap();
    assert_eq!(a.choices.len(), 1);
    assert_eq!(a.choices.get("trust"), Some(&1));
    // Round trip through the documented JSON shape.
    let a = Answers::from_json(include_str!("../examples/answers.json"), &c).unwrap();
    assert_eq!(Answers::from_value(&a.to_json(c.minor_units), &c).unwrap(), a);
}

#[test]
fn answers_checked_against_the_given_config() {
    // Option indexes and question ids depend on the config.
    let c = accepted(r#"{ "questions": [ { "id": "only", "text": "Q?", "options": [ { "label": "x", "points": 1 } ] } ] }"#);
    assert!(Answers::from_json(r#"{ "users": 1, "choices": { "only": 0 } }"#, &c).is_ok());
    let p = Answers::from_json(r#"{ "users": 1, "choices": { "only": 1, "payment": 0 } }"#, &c).unwrap_err();
    let lines: Vec<String> = p.0.iter().map(ToString::to_string).collect();
    assert_eq!(lines, ["choices.only: must be an option index from 0 to 0, got 1", r#"choices.payment: no question has the id "payment""#]);
    // A currency without minor units refuses cents in the downtime cost.
    let jpy = accepted(r#"{ "currency": "JPY", "minor_units": 0, "locale": "ja-JP" }"#);
    let p = Answers::from_json(r#"{ "users": 1, "downtime_cost_per_hour": 10.5 }"#, &jpy).unwrap_err();
    assert_eq!(p.to_string(), "downtime_cost_per_hour: has more decimals than the currency's 0 minor units, got 10.5");
}
