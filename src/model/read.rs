//! Reads typed values out of a parsed JSON document, recording every problem with its path
//! instead of stopping at the first.

use serde_json::{Map, Value};

use super::money::{Decimal, Money};
use super::problem::{join, Problem, Problems, Rule};

/// The JSON type of a value, in the words a message uses.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Parses JSON text, naming the line and column of a syntax error.
pub fn parse_json(text: &str) -> Result<Value, Problems> {
    serde_json::from_str(text).map_err(|e| {
        let mut p = Problems::default();
        p.push("", Rule::InvalidJson { detail: e.to_string() });
        p
    })
}

/// The allowed range of a number: `min` (inclusive or not) to `max` (inclusive).
#[derive(Debug, Clone, Copy)]
pub struct Range {
    /// The lower bound.
    pub min: f64,
    /// Whether `min` itself is allowed.
    pub min_inclusive: bool,
    /// The upper bound, inclusive.
    pub max: f64,
}

impl Range {
    /// `min <= x <= max`.
    pub const fn closed(min: f64, max: f64) -> Range {
        Range { min, min_inclusive: true, max }
    }

    /// `min < x <= max`.
    pub const fn above(min: f64, max: f64) -> Range {
        Range { min, min_inclusive: false, max }
    }

    /// The rule `x` breaks, if any.
    pub fn check(&self, x: f64) -> Option<Rule> {
        if !x.is_finite() {
            return Some(Rule::AtMost { max: self.max, got: x });
        }
        if self.min_inclusive && x < self.min {
            return Some(Rule::AtLeast { min: self.min, got: x });
        }
        if !self.min_inclusive && x <= self.min {
            return Some(Rule::Above { min: self.min, got: x });
        }
        if x > self.max {
            return Some(Rule::AtMost { max: self.max, got: x });
        }
        None
    }
}

/// Walks one document, collecting problems and unknown fields as it goes.
#[derive(Default)]
pub struct Reader {
    /// Problems that make the document unusable.
    pub problems: Problems,
    /// Fields the model does not know, reported but ignored.
    pub unknown: Vec<Problem>,
}

impl Reader {
    /// Records a problem.
    pub fn problem(&mut self, path: impl Into<String>, rule: Rule) {
        self.problems.push(path, rule);
    }

    /// Reports keys of `obj` that are not in `known` (typos a site owner will want to hear of).
    pub fn note_unknown(&mut self, obj: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in obj.keys() {
            if !known.contains(&key.as_str()) {
                self.unknown.push(Problem {
                    path: join(path, key),
                    rule: Rule::UnknownField,
                });
            }
        }
    }

    /// The object at `path`, or `None` (with a problem when it has another type).
    pub fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.problem(path, Rule::WrongType { expected: "an object", got: type_name(other) });
                None
            }
        }
    }

    /// The list under `key`, or `None` when missing (with a problem when required) or not a list.
    pub fn list<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        parent: &str,
        key: &str,
        required: bool,
    ) -> Option<&'v Vec<Value>> {
        let path = join(parent, key);
        match obj.get(key) {
            None if required => {
                self.problem(path, Rule::Required);
                None
            }
            None => None,
            Some(Value::Array(a)) => Some(a),
            Some(other) => {
                self.problem(path, Rule::WrongType { expected: "a list", got: type_name(other) });
                None
            }
        }
    }

    /// A number under `key` within `range`; `default` when missing (a problem when it is `None`).
    pub fn number(
        &mut self,
        obj: &Map<String, Value>,
        parent: &str,
        key: &str,
        default: Option<f64>,
        range: Range,
    ) -> Option<f64> {
        let path = join(parent, key);
        let x = match obj.get(key) {
            None => match default {
                Some(d) => return Some(d),
                None => {
                    self.problem(path, Rule::Required);
                    return None;
                }
            },
            Some(Value::Number(n)) => n.as_f64().unwrap_or(f64::INFINITY),
            Some(other) => {
                self.problem(path, Rule::WrongType { expected: "a number", got: type_name(other) });
                return None;
            }
        };
        if let Some(rule) = range.check(x) {
            self.problem(path, rule);
            return None;
        }
        Some(x)
    }

    /// A fixed-point decimal under `key` (rates, shares, hours).
    pub fn decimal(
        &mut self,
        obj: &Map<String, Value>,
        parent: &str,
        key: &str,
        default: Option<f64>,
        range: Range,
    ) -> Decimal {
        self.number(obj, parent, key, default, range)
            .and_then(Decimal::from_f64)
            .unwrap_or(Decimal::ZERO)
    }

    /// A whole number under `key`.
    pub fn integer(
        &mut self,
        obj: &Map<String, Value>,
        parent: &str,
        key: &str,
        default: Option<i64>,
        range: Range,
    ) -> i64 {
        let Some(x) = self.number(obj, parent, key, default.map(|d| d as f64), range) else {
            return default.unwrap_or(0);
        };
        if x.fract() != 0.0 {
            self.problem(join(parent, key), Rule::NotWhole { got: x });
            // As for a value out of range: carry on with the default, so that a fractional
            // `minor_units` does not also fail every amount with decimals.
            return default.unwrap_or(0);
        }
        x as i64
    }

    /// An amount of money in major units under `key`, checked against the currency's decimals.
    pub fn money(
        &mut self,
        obj: &Map<String, Value>,
        parent: &str,
        key: &str,
        default: Option<f64>,
        range: Range,
        minor_units: u8,
    ) -> Money {
        let Some(x) = self.number(obj, parent, key, default, range) else {
            return Money::ZERO;
        };
        match Money::from_major(x, minor_units) {
            Some(m) => m,
            None => {
                self.problem(join(parent, key), Rule::TooManyDecimals { allowed: minor_units, got: x });
                Money::ZERO
            }
        }
    }

    /// A string under `key`: trimmed, at most `max_len` characters, not empty when `required`.
    pub fn text(
        &mut self,
        obj: &Map<String, Value>,
        parent: &str,
        key: &str,
        required: bool,
        max_len: usize,
    ) -> String {
        let path = join(parent, key);
        match obj.get(key) {
            None | Some(Value::Null) if !required => String::new(),
            None => {
                self.problem(path, Rule::Required);
                String::new()
            }
            Some(Value::String(s)) => {
                let s = s.trim();
                if required && s.is_empty() {
                    self.problem(path, Rule::Empty);
                } else if s.chars().count() > max_len {
                    self.problem(path, Rule::TooLong { max: max_len });
                }
                s.to_string()
            }
            Some(other) => {
                self.problem(path, Rule::WrongType { expected: "a string", got: type_name(other) });
                String::new()
            }
        }
    }

    /// A boolean under `key`, `default` when missing.
    pub fn boolean(&mut self, obj: &Map<String, Value>, parent: &str, key: &str, default: bool) -> bool {
        match obj.get(key) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.problem(join(parent, key), Rule::WrongType { expected: "true or false", got: type_name(other) });
                default
            }
        }
    }

    /// An id under `key`: lowercase letters, digits, `-` and `_`, 1 to 40 characters.
    pub fn id(&mut self, obj: &Map<String, Value>, parent: &str) -> String {
        let before = self.problems.0.len();
        let id = self.text(obj, parent, "id", true, 40);
        let well_formed = id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if self.problems.0.len() == before && !well_formed {
            self.problem(join(parent, "id"), Rule::BadId { id: id.clone() });
        }
        id
    }
}
