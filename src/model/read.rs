//! Reads typed values out of a parsed JSON document, recording every problem with its path
//! instead of stopping at the first, and every unknown field with the known name closest to it.

use super::json::{self, Number, NumberError, Object, Value};
use super::money::{Decimal, Money};
use super::problem::{closest, join, Problem, Problems, Rule};

/// The most unknown fields reported for one object; a document full of junk is told in short.
const UNKNOWN_LISTED: usize = 20;

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
    json::parse(text).map_err(|e| {
        let mut p = Problems::default();
        p.push("", Rule::InvalidJson { detail: e.to_string() });
        p
    })
}

/// The allowed range of a number: `min` (inclusive or not) to `max` (inclusive), and a hint at the
/// right form for values outside it.
#[derive(Debug, Clone, Copy)]
pub struct Range {
    /// The lower bound.
    pub min: Decimal,
    /// Whether `min` itself is allowed.
    pub min_inclusive: bool,
    /// The upper bound, inclusive.
    pub max: Decimal,
    /// Said after a value outside the range (`write 0.10 for 10%`).
    pub hint: Option<&'static str>,
}

impl Range {
    /// `min <= x <= max`, in whole units.
    pub const fn closed(min: i64, max: i64) -> Range {
        Range { min: Decimal::from_int(min), min_inclusive: true, max: Decimal::from_int(max), hint: None }
    }

    /// `min <= x <= max` with bounds in millionths.
    pub const fn micros(min: i64, max: i64) -> Range {
        Range { min: Decimal::from_micros(min as i128), min_inclusive: true, max: Decimal::from_micros(max as i128), hint: None }
    }

    /// A share from 0 to 1, with the hint for people who write percentages.
    pub const fn share() -> Range {
        Range { hint: Some("write 0.10 for 10%"), ..Range::closed(0, 1) }
    }

    /// The rule `x` breaks, if any; `text` is the value as written, quoted in the message.
    pub fn check(&self, x: Decimal, text: &str) -> Option<Rule> {
        let got = text.to_string();
        if self.min_inclusive && x < self.min {
            return Some(Rule::AtLeast { min: self.min, got });
        }
        if !self.min_inclusive && x <= self.min {
            return Some(Rule::Above { min: self.min, got });
        }
        if x > self.max {
            return Some(Rule::AtMost { max: self.max, got });
        }
        None
    }

    /// The rule a JSON number breaks, if any: the range, or a size no decimal holds.
    pub fn check_number(&self, n: &Number) -> Option<Rule> {
        match Decimal::from_number(n) {
            Some(x) => self.check(x, n.as_str()),
            None if n.is_negative() => Some(Rule::AtLeast { min: self.min, got: n.as_str().to_string() }),
            None => Some(Rule::AtMost { max: self.max, got: n.as_str().to_string() }),
        }
    }
}

/// Walks one document, collecting problems and unknown fields as it goes.
#[derive(Default)]
pub struct Reader {
    /// Problems that make the document unusable.
    pub problems: Problems,
    /// Fields the model does not know, each with the closest known name.
    pub unknown: Vec<Problem>,
}

impl Reader {
    /// Records a problem.
    pub fn problem(&mut self, path: impl Into<String>, rule: Rule) {
        self.problems.push(path, rule);
    }

    /// Records a problem with a hint at the right form.
    pub fn problem_with_hint(&mut self, path: impl Into<String>, rule: Rule, hint: Option<&'static str>) {
        self.problems.0.push(Problem { path: path.into(), rule, hint });
    }

    /// Records keys of `obj` that are not in `known` (usually typos), naming the closest known one.
    pub fn note_unknown(&mut self, obj: &Object, path: &str, known: &[&'static str]) {
        let unknown: Vec<&str> = obj.keys().filter(|k| !known.contains(k)).collect();
        for key in unknown.iter().take(UNKNOWN_LISTED) {
            self.unknown.push(Problem {
                path: join(path, key),
                rule: Rule::UnknownField { suggestion: closest(key, known) },
                hint: None,
            });
        }
        if unknown.len() > UNKNOWN_LISTED {
            self.unknown.push(Problem {
                path: path.to_string(),
                rule: Rule::UnknownField { suggestion: None },
                hint: Some(if unknown.len() - UNKNOWN_LISTED == 1 { "and 1 more" } else { "and more" }),
            });
        }
    }

    /// The object at `path`, or `None` (with a problem when it has another type).
    pub fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Object> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.problem(path, Rule::WrongType { expected: "an object", got: type_name(other) });
                None
            }
        }
    }

    /// The list under `key`, or `None` when missing (with a problem when required) or not a list.
    pub fn list<'v>(&mut self, obj: &'v Object, parent: &str, key: &str, required: bool) -> Option<&'v [Value]> {
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

    /// The number under `key` within `range`: `Ok(None)` when missing and not required, `Err(())`
    /// when there is a problem (already recorded).
    fn number<'v>(&mut self, obj: &'v Object, parent: &str, key: &str, required: bool, range: Range) -> Result<Option<&'v Number>, ()> {
        let path = join(parent, key);
        match obj.get(key) {
            None if required => {
                self.problem(path, Rule::Required);
                Err(())
            }
            None => Ok(None),
            Some(Value::Number(n)) => match range.check_number(n) {
                Some(rule) => {
                    self.problem_with_hint(path, rule, range.hint);
                    Err(())
                }
                None => Ok(Some(n)),
            },
            Some(other) => {
                self.problem(path, Rule::WrongType { expected: "a number", got: type_name(other) });
                Err(())
            }
        }
    }

    /// A fixed-point decimal under `key` (rates, shares, hours); `default` when missing (required
    /// when `None`).
    pub fn decimal(&mut self, obj: &Object, parent: &str, key: &str, default: Option<Decimal>, range: Range) -> Decimal {
        match self.number(obj, parent, key, default.is_none(), range) {
            Ok(Some(n)) => Decimal::from_number(n).unwrap_or(Decimal::ZERO),
            Ok(None) => default.unwrap_or(Decimal::ZERO),
            Err(()) => default.unwrap_or(Decimal::ZERO),
        }
    }

    /// A whole number under `key`; `default` when missing (required when `None`).
    pub fn integer(&mut self, obj: &Object, parent: &str, key: &str, default: Option<i64>, range: Range) -> i64 {
        let fallback = default.unwrap_or(0);
        match self.number(obj, parent, key, default.is_none(), range) {
            Ok(Some(n)) => match n.to_scaled(0, false) {
                Ok(v) => i64::try_from(v).unwrap_or(fallback),
                Err(_) => {
                    // As for a value out of range: carry on with the default, so that a fractional
                    // `minor_units` does not also fail every amount with decimals.
                    self.problem(join(parent, key), Rule::NotWhole { got: n.as_str().to_string() });
                    fallback
                }
            },
            Ok(None) | Err(()) => fallback,
        }
    }

    /// An amount of money in major units under `key`, checked against the currency's decimals;
    /// zero when missing and not required.
    pub fn money(&mut self, obj: &Object, parent: &str, key: &str, required: bool, range: Range, minor_units: u8) -> Money {
        match self.number(obj, parent, key, required, range) {
            Ok(Some(n)) => match n.to_scaled(u32::from(minor_units), false) {
                Ok(units) => Money::from_minor(units),
                Err(NumberError::TooManyDecimals) => {
                    self.problem(join(parent, key), Rule::TooManyDecimals { allowed: minor_units, got: n.as_str().to_string() });
                    Money::ZERO
                }
                Err(NumberError::TooLarge) => {
                    self.problem(join(parent, key), Rule::AtMost { max: range.max, got: n.as_str().to_string() });
                    Money::ZERO
                }
            },
            Ok(None) | Err(()) => Money::ZERO,
        }
    }

    /// A string under `key`: trimmed, at most `max_len` characters, not empty when `required`.
    pub fn text(&mut self, obj: &Object, parent: &str, key: &str, required: bool, max_len: usize) -> String {
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
    pub fn boolean(&mut self, obj: &Object, parent: &str, key: &str, default: bool) -> bool {
        match obj.get(key) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.problem(join(parent, key), Rule::WrongType { expected: "true or false", got: type_name(other) });
                default
            }
        }
    }

    /// One of `allowed` under `key`, as its index; `default` when missing.
    pub fn word(&mut self, obj: &Object, parent: &str, key: &str, allowed: &'static [&'static str], default: usize) -> usize {
        match obj.get(key) {
            None => default,
            Some(Value::String(s)) => match allowed.iter().position(|a| a == s) {
                Some(i) => i,
                None => {
                    self.problem(join(parent, key), Rule::OneOf { allowed, got: s.clone() });
                    default
                }
            },
            Some(other) => {
                self.problem(join(parent, key), Rule::OneOf { allowed, got: other.to_json_string() });
                default
            }
        }
    }

    /// An id under `key`: lowercase letters, digits, `-` and `_`, 1 to 40 characters.
    pub fn id(&mut self, obj: &Object, parent: &str) -> String {
        let before = self.problems.0.len();
        let id = self.text(obj, parent, "id", true, super::config::limits::ID_LEN);
        let well_formed = id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if self.problems.0.len() == before && !well_formed {
            self.problem(join(parent, "id"), Rule::BadId { id: id.clone() });
        }
        id
    }
}
