//! The prospect's answers: the size of the business, what it needs and how it works, read from JSON
//! or from the widget's form fields, each problem named by its field.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::config::Config;
use super::money::{Decimal, Money};
use super::problem::{join, Problems, Rule};
use super::read::{parse_json, type_name, Range, Reader};

/// The most people a prospect can enter; larger businesses need a conversation, not a calculator.
pub const USERS_MAX: u32 = 10_000;
/// The most computers a prospect can enter.
pub const COMPUTERS_MAX: u32 = 20_000;
/// The most servers a prospect can enter.
pub const SERVERS_MAX: u32 = 2_000;
/// The largest downtime cost per hour a prospect can enter, in major units.
pub const DOWNTIME_MAX: f64 = 10_000_000.0;

/// The allowed range of each count field.
pub fn count_range(field: &str) -> Range {
    match field {
        "users" => Range::closed(1.0, f64::from(USERS_MAX)),
        "computers" => Range::closed(0.0, f64::from(COMPUTERS_MAX)),
        _ => Range::closed(0.0, f64::from(SERVERS_MAX)),
    }
}

/// What a prospect told us about their business.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    /// People who use computers.
    pub users: u32,
    /// Computers (desktops and laptops).
    pub computers: u32,
    /// Servers.
    pub servers: u32,
    /// Whether the prospect already pays the consultancy per job.
    pub existing_client: bool,
    /// How fast someone must respond when something breaks; `None` for no particular need.
    pub required_response_hours: Option<Decimal>,
    /// What an hour of downtime costs; `None` means "estimate it".
    pub downtime_cost_per_hour: Option<Money>,
    /// The chosen option index per question id; unanswered questions are left out.
    pub choices: BTreeMap<String, usize>,
}

impl Default for Answers {
    /// A starting point for the form: a small office with nothing else said.
    fn default() -> Answers {
        Answers {
            users: 10,
            computers: 10,
            servers: 1,
            existing_client: false,
            required_response_hours: None,
            downtime_cost_per_hour: None,
            choices: BTreeMap::new(),
        }
    }
}

const FIELDS: &[&str] = &[
    "users", "computers", "servers", "existing_client", "required_response_hours",
    "downtime_cost_per_hour", "choices",
];

impl Answers {
    /// Reads answers from JSON text, checked against the config's questions.
    pub fn from_json(text: &str, config: &Config) -> Result<Answers, Problems> {
        Answers::from_value(&parse_json(text)?, config)
    }

    /// Reads answers from a parsed JSON document, checked against the config's questions.
    pub fn from_value(v: &Value, config: &Config) -> Result<Answers, Problems> {
        let mut r = Reader::default();
        let Some(m) = r.object(v, "") else {
            return Err(r.problems);
        };
        r.note_unknown(m, "", FIELDS);
        let count = |r: &mut Reader, key: &str, default: Option<i64>| {
            u32::try_from(r.integer(m, "", key, default, count_range(key))).unwrap_or(0)
        };
        let users = count(&mut r, "users", None);
        let computers = count(&mut r, "computers", Some(0));
        let servers = count(&mut r, "servers", Some(0));
        let existing_client = r.boolean(m, "", "existing_client", false);
        let required_response_hours = match m.get("required_response_hours") {
            None | Some(Value::Null) => None,
            Some(_) => Some(r.decimal(m, "", "required_response_hours", None, Range::closed(0.01, 8_760.0))),
        };
        let downtime_cost_per_hour = match m.get("downtime_cost_per_hour") {
            None | Some(Value::Null) => None,
            Some(_) => Some(r.money(
                m,
                "",
                "downtime_cost_per_hour",
                None,
                Range::closed(0.0, DOWNTIME_MAX),
                config.minor_units,
            )),
        };
        let choices = read_choices(&mut r, m.get("choices"), config);
        let answers = Answers {
            users,
            computers,
            servers,
            existing_client,
            required_response_hours,
            downtime_cost_per_hour,
            choices,
        };
        r.problems.into_result(answers)
    }

    /// The answers as JSON, in the documented shape.
    pub fn to_json(&self, minor_units: u8) -> Value {
        let choices: Map<String, Value> =
            self.choices.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
        json!({
            "users": self.users,
            "computers": self.computers,
            "servers": self.servers,
            "existing_client": self.existing_client,
            "required_response_hours": self.required_response_hours.map(Decimal::to_f64),
            "downtime_cost_per_hour": self.downtime_cost_per_hour.map(|m| m.to_json(minor_units)),
            "choices": choices,
        })
    }

    /// Keeps only choices that the config still asks, so that answers saved against an older
    /// config never block the calculator.
    pub fn retain_known_choices(&mut self, config: &Config) {
        self.choices.retain(|id, i| config.question(id).is_some_and(|q| *i < q.options.len()));
    }
}

fn read_choices(r: &mut Reader, v: Option<&Value>, config: &Config) -> BTreeMap<String, usize> {
    let mut choices = BTreeMap::new();
    let Some(v) = v else { return choices };
    let Some(m) = r.object(v, "choices") else { return choices };
    for (id, iv) in m {
        let path = join("choices", id);
        let Some(q) = config.question(id) else {
            r.problem(path, Rule::UnknownQuestion { id: id.clone() });
            continue;
        };
        match iv {
            Value::Null => {}
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if x.fract() == 0.0 && x >= 0.0 && (x as usize) < q.options.len() {
                    choices.insert(id.clone(), x as usize);
                } else {
                    r.problem(path, Rule::UnknownOption { index: x, count: q.options.len() });
                }
            }
            other => r.problem(path, Rule::WrongType { expected: "an option index", got: type_name(other) }),
        }
    }
    choices
}

/// Reads a count typed into a form field (`"12"`), with the field's own range.
///
/// Spaces around the number are allowed; letters, decimals, negatives and empty text are refused
/// with the rule they break.
pub fn parse_count_text(text: &str, field: &str) -> Result<u32, Rule> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Rule::Required);
    }
    let x: f64 = t.parse().map_err(|_| Rule::NotANumber { text: t.to_string() })?;
    if !x.is_finite() {
        return Err(Rule::NotANumber { text: t.to_string() });
    }
    if x.fract() != 0.0 {
        return Err(Rule::NotWhole { got: x });
    }
    if let Some(rule) = count_range(field).check(x) {
        return Err(rule);
    }
    Ok(x as u32)
}

/// Reads an amount typed into a form field; empty text means "not given".
///
/// `decimal_separator` is the locale's (`.` or `,`); the other of the two, spaces and apostrophes
/// are taken as digit grouping, so `1,234.50` (en) and `1.234,50` (de) both read as 1234.5.
pub fn parse_amount_text(text: &str, decimal_separator: char, minor_units: u8) -> Result<Option<Money>, Rule> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let mut normal = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            c if c.is_ascii_digit() => normal.push(c),
            '-' if normal.is_empty() => normal.push('-'),
            c if c == decimal_separator => normal.push('.'),
            '.' | ',' | ' ' | '\'' | '\u{a0}' | '\u{202f}' => {}
            _ => return Err(Rule::NotANumber { text: t.to_string() }),
        }
    }
    let x: f64 = normal.parse().map_err(|_| Rule::NotANumber { text: t.to_string() })?;
    if let Some(rule) = Range::closed(0.0, DOWNTIME_MAX).check(x) {
        return Err(rule);
    }
    Money::from_major(x, minor_units)
        .map(Some)
        .ok_or(Rule::TooManyDecimals { allowed: minor_units, got: x })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_text_refuses_what_is_not_a_whole_count() {
        assert_eq!(parse_count_text(" 12 ", "users"), Ok(12));
        assert_eq!(parse_count_text("", "users"), Err(Rule::Required));
        assert_eq!(parse_count_text("abc", "users"), Err(Rule::NotANumber { text: "abc".into() }));
        assert_eq!(parse_count_text("2.5", "computers"), Err(Rule::NotWhole { got: 2.5 }));
        assert_eq!(parse_count_text("-1", "servers"), Err(Rule::AtLeast { min: 0.0, got: -1.0 }));
        assert_eq!(parse_count_text("0", "users"), Err(Rule::AtLeast { min: 1.0, got: 0.0 }));
        assert_eq!(parse_count_text("1e9", "users"), Err(Rule::AtMost { max: 10_000.0, got: 1e9 }));
        assert_eq!(parse_count_text("inf", "users"), Err(Rule::NotANumber { text: "inf".into() }));
        assert_eq!(parse_count_text("NaN", "users"), Err(Rule::NotANumber { text: "NaN".into() }));
    }

    #[test]
    fn amount_text_reads_both_grouping_styles() {
        assert_eq!(parse_amount_text("1,234.50", '.', 2), Ok(Some(Money::from_minor(123_450))));
        assert_eq!(parse_amount_text("1.234,50", ',', 2), Ok(Some(Money::from_minor(123_450))));
        assert_eq!(parse_amount_text("  ", '.', 2), Ok(None));
        assert_eq!(parse_amount_text("12.345", '.', 2), Err(Rule::TooManyDecimals { allowed: 2, got: 12.345 }));
        assert_eq!(parse_amount_text("-5", '.', 2), Err(Rule::AtLeast { min: 0.0, got: -5.0 }));
        assert_eq!(parse_amount_text("ten", '.', 2), Err(Rule::NotANumber { text: "ten".into() }));
    }
}
