//! A small JSON reader and writer for configs, answers and reports.
//!
//! Numbers keep the exact text they were written with, so amounts are read as decimals, never
//! through a float, and are written back exactly from integer minor units. Objects keep their
//! fields in the order written (a list, not a map). The reader names the line and column of a
//! syntax error and refuses documents nested deeper than [`MAX_DEPTH`].

use std::fmt::Write as _;

/// How deeply lists and objects may nest before a document is refused (no stack can overflow).
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as the exact text of a valid JSON number literal.
    Number(Number),
    /// A string.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object, its fields in document order.
    Object(Object),
}

/// A JSON number kept as its literal text (`-12.50`, `1e3`): no precision is lost on the way in
/// or out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

/// An object: its fields in document order. A repeated key is kept; [`Object::get`] finds the
/// last, as JavaScript's `JSON.parse` does.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object(pub Vec<(String, Value)>);

/// Why a number cannot be read at the scale asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// It has more decimals than the scale keeps.
    TooManyDecimals,
    /// It is too large to hold.
    TooLarge,
}

impl Number {
    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A whole number.
    pub fn from_int(n: i128) -> Number {
        Number(n.to_string())
    }

    /// `units / 10^scale` written exactly: `from_scaled(12345, 2)` is `123.45`, `from_scaled(200, 2)`
    /// is `2`. With `keep_point`, whole values keep one decimal (`188.0`), as hours always have.
    pub fn from_scaled(units: i128, scale: u32, keep_point: bool) -> Number {
        let mut out = String::new();
        if units < 0 {
            out.push('-');
        }
        let digits = units.unsigned_abs().to_string();
        let scale = scale as usize;
        let (int, frac) = if digits.len() > scale {
            digits.split_at(digits.len() - scale)
        } else {
            ("0", digits.as_str())
        };
        out.push_str(int);
        let padded = format!("{frac:0>scale$}");
        let frac = padded.trim_end_matches('0');
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        } else if keep_point {
            out.push_str(".0");
        }
        if out == "-0" || out == "-0.0" {
            out.remove(0);
        }
        Number(out)
    }

    /// The number times `10^scale` as an exact integer: `12.5` at scale 2 is `1250`.
    ///
    /// Digits beyond the scale are refused (`TooManyDecimals`) unless `round` is set, in which
    /// case the value is rounded half away from zero. Values beyond about 10^36 are `TooLarge`.
    pub fn to_scaled(&self, scale: u32, round: bool) -> Result<i128, NumberError> {
        let s = self.0.as_str();
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (mantissa, exponent) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], parse_exponent(&s[i + 1..])),
            None => (s, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        // The value is digits × 10^(shift), digits being int and frac run together.
        let shift = exponent.saturating_add(i64::from(scale)).saturating_sub(frac.len() as i64);
        let all = int.bytes().chain(frac.bytes());
        let digits: Vec<u8> = all.map(|b| b - b'0').skip_while(|d| *d == 0).collect();
        if digits.is_empty() {
            return Ok(0);
        }
        let (keep, dropped): (&[u8], &[u8]) = if shift >= 0 {
            (&digits, &[])
        } else {
            let cut = (-shift).min(digits.len() as i64 + 1) as usize;
            if cut > digits.len() {
                (&[], &[])
            } else {
                digits.split_at(digits.len() - cut)
            }
        };
        let dropped_nonzero = dropped.iter().any(|d| *d != 0) || (shift < 0 && (-shift) as usize > digits.len());
        if dropped_nonzero && !round {
            return Err(NumberError::TooManyDecimals);
        }
        // 36 significant digits always fit in an i128 (about 1.7 × 10^38).
        let zeros = shift.max(0);
        if keep.len() as i64 + zeros > 36 {
            return Err(NumberError::TooLarge);
        }
        let mut value: i128 = 0;
        for d in keep {
            value = value * 10 + i128::from(*d);
        }
        for _ in 0..zeros {
            value *= 10;
        }
        if round && dropped.first().is_some_and(|d| *d >= 5) {
            value += 1;
        }
        Ok(if negative { -value } else { value })
    }

    /// Whether the number has no fractional part (`2`, `2.0`, `2e3`; not `2.5`).
    pub fn is_whole(&self) -> bool {
        self.to_scaled(0, false).is_ok()
    }

    /// Whether the number is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-') && !matches!(self.to_scaled(9, true), Ok(0))
    }
}

/// The exponent after `e`, held within ±10^9 so that no arithmetic on it overflows.
fn parse_exponent(s: &str) -> i64 {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut e: i64 = 0;
    for b in digits.bytes() {
        e = (e * 10 + i64::from(b - b'0')).min(1_000_000_000);
    }
    if negative {
        -e
    } else {
        e
    }
}

impl Object {
    /// The value of the field `key` (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether the object has a field `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The field names, in document order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Sets `key` to `value`, replacing an existing field in place or adding it at the end.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().rev().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// Adds a field (builder style).
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Object {
        self.insert(key, value);
        self
    }

    /// How many fields the object has.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the object has no fields.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Value {
    /// The value at `key` when this is an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A whole, non-negative number that fits in `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.to_scaled(0, false).ok().and_then(|v| u64::try_from(v).ok()),
            _ => None,
        }
    }

    /// The value as compact JSON text.
    pub fn to_json_string(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, None, 0);
        out
    }

    /// The value as JSON text indented by two spaces, one field per line.
    pub fn to_pretty_string(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(2), 0);
        out
    }
}

impl std::fmt::Display for Value {
    /// Compact JSON text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_json_string())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::String(s.clone())
    }
}
impl From<Number> for Value {
    fn from(n: Number) -> Value {
        Value::Number(n)
    }
}
impl From<Object> for Value {
    fn from(o: Object) -> Value {
        Value::Object(o)
    }
}
impl From<Vec<Value>> for Value {
    fn from(a: Vec<Value>) -> Value {
        Value::Array(a)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Value {
        o.map_or(Value::Null, Into::into)
    }
}
macro_rules! from_int {
    ($($t:ty),*) => { $( impl From<$t> for Value {
        fn from(n: $t) -> Value { Value::Number(Number::from_int(n as i128)) }
    } )* };
}
from_int!(u8, u16, u32, u64, usize, i32, i64, i128);

fn write_value(out: &mut String, v: &Value, indent: Option<usize>, depth: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n.as_str()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, depth + 1);
                write_value(out, item, indent, depth + 1);
            }
            newline(out, indent, depth);
            out.push(']');
        }
        Value::Object(o) => {
            if o.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, item)) in o.0.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, depth + 1);
                write_string(out, k);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, item, indent, depth + 1);
            }
            newline(out, indent, depth);
            out.push('}');
        }
    }
}

fn newline(out: &mut String, indent: Option<usize>, depth: usize) {
    if let Some(width) = indent {
        out.push('\n');
        for _ in 0..width * depth {
            out.push(' ');
        }
    }
}

/// Writes a JSON string literal; `<`, `>` and `&` are escaped too, so the text is safe inside an
/// HTML `<script>` element.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A syntax error: what is wrong and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong, in a few words ("expected `,` or `}`").
    pub what: String,
    /// The line, counting from 1.
    pub line: usize,
    /// The column, counting characters from 1.
    pub column: usize,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

/// Parses JSON text. A byte order mark at the start is ignored, as browsers ignore it.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser { s: text.as_bytes(), text, i: 0 };
    p.skip_ws();
    let v = p.value(0)?;
    p.skip_ws();
    if p.i < p.s.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> SyntaxError {
        let before = &self.text[..self.i.min(self.text.len())];
        // `i` is always on a character boundary except inside a string, where the error is
        // reported at the string's own position.
        let before = if self.text.is_char_boundary(before.len()) { before } else { "" };
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        SyntaxError { what: what.to_string(), line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn expect_word(&mut self, word: &str, v: Value) -> Result<Value, SyntaxError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            None => Err(self.error("unexpected end of the file")),
            Some(b'n') => self.expect_word("null", Value::Null),
            Some(b't') => self.expect_word("true", Value::Bool(true)),
            Some(b'f') => self.expect_word("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.i += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("unexpected end of the file")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.i += 1;
        let mut fields = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(Object(fields)));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("unexpected end of the file")),
                Some(_) => return Err(self.error("expected a field name in double quotes")),
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.i += 1;
            self.skip_ws();
            let v = self.value(depth + 1)?;
            fields.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(Object(fields)));
                }
                None => return Err(self.error("unexpected end of the file")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.error("invalid number"));
        }
        Ok(Value::Number(Number(self.text[start..self.i].to_string())))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let hex = self.s.get(self.i..self.i + 4).ok_or_else(|| self.error("invalid escape"))?;
        let mut v = 0u32;
        for b in hex {
            let d = (*b as char).to_digit(16).ok_or_else(|| self.error("invalid escape"))?;
            v = v * 16 + d;
        }
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let start = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            // Copy the run of plain characters in one go; the text is valid UTF-8 already.
            let run = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[run..self.i]);
            match self.peek() {
                None => {
                    self.i = start;
                    return Err(self.error("unterminated string"));
                }
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err(self.error("lone surrogate in \\u escape"));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error("lone surrogate in \\u escape"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else if (0xDC00..0xE000).contains(&hi) {
                                return Err(self.error("lone surrogate in \\u escape"));
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    out.push(c);
                    self.i += 1;
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Number {
        match parse(s).unwrap() {
            Value::Number(n) => n,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn numbers_scale_exactly() {
        assert_eq!(num("125.5").to_scaled(2, false), Ok(12550));
        assert_eq!(num("0.1").to_scaled(2, false), Ok(10));
        assert_eq!(num("-5").to_scaled(2, false), Ok(-500));
        assert_eq!(num("1e3").to_scaled(0, false), Ok(1000));
        assert_eq!(num("1.5E-1").to_scaled(2, false), Ok(15));
        assert_eq!(num("0.125").to_scaled(2, false), Err(NumberError::TooManyDecimals));
        assert_eq!(num("0.125").to_scaled(2, true), Ok(13));
        assert_eq!(num("-0.125").to_scaled(2, true), Ok(-13));
        assert_eq!(num("0.1234564").to_scaled(6, true), Ok(123_456));
        assert_eq!(num("1e300").to_scaled(0, false), Err(NumberError::TooLarge));
        assert_eq!(num("1e-300").to_scaled(2, true), Ok(0));
        assert_eq!(num("1e-300").to_scaled(2, false), Err(NumberError::TooManyDecimals));
        assert_eq!(num("0e999999999999").to_scaled(2, false), Ok(0));
        assert_eq!(num("10000.001").to_scaled(2, false), Err(NumberError::TooManyDecimals));
        assert!(num("99999999999999999999999999999999999").to_scaled(0, false).is_ok());
    }

    #[test]
    fn numbers_are_written_exactly() {
        assert_eq!(Number::from_scaled(12345, 2, false).as_str(), "123.45");
        assert_eq!(Number::from_scaled(200, 2, false).as_str(), "2");
        assert_eq!(Number::from_scaled(337250, 2, false).as_str(), "3372.5");
        assert_eq!(Number::from_scaled(-5, 2, false).as_str(), "-0.05");
        assert_eq!(Number::from_scaled(188_000_000, 6, true).as_str(), "188.0");
        assert_eq!(Number::from_scaled(0, 6, true).as_str(), "0.0");
        let huge = i128::MAX;
        assert_eq!(Number::from_scaled(huge, 2, false).as_str(), "1701411834604692317316873037158841057.27");
    }

    #[test]
    fn parses_and_writes_round_trip() {
        let text = r#"{"a":[1,2.50,{"b":null}],"c":"x\"y\u00e9\ud83d\ude00","d":true}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.get("c").and_then(Value::as_str), Some("x\"yé😀"));
        assert_eq!(parse(&v.to_json_string()).unwrap(), v);
        assert_eq!(parse(&v.to_pretty_string()).unwrap(), v);
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!(e.to_string(), "trailing comma at line 3 column 1");
        assert_eq!(parse("").unwrap_err().what, "unexpected end of the file");
        assert_eq!(parse("[1 2]").unwrap_err().to_string(), "expected `,` or `]` at line 1 column 4");
        assert!(parse("01").is_err());
        assert!(parse("1.").is_err());
        assert!(parse("\"\\ud800\"").is_err());
        assert!(parse("\"a\nb\"").is_err());
        assert!(parse("{} x").is_err());
        assert!(parse("NaN").is_err());
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().what, "nested too deeply");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        assert_eq!(parse("\u{feff}{}").unwrap(), Value::Object(Object::default()));
    }

    #[test]
    fn strings_are_safe_inside_html() {
        let v = Value::from("</script><b>&");
        assert_eq!(v.to_json_string(), "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"");
    }
}
