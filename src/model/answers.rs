//! The prospect's answers: the size of the business, what it needs and how it works, read from JSON
//! or from the widget's form fields, each problem named by its field.

use super::config::Config;
use super::json::{Object, Value};
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
pub const DOWNTIME_MAX: i64 = 10_000_000;

/// A field of the answers form (the fit questions are keyed by their ids instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// People who use computers.
    Users,
    /// Computers.
    Computers,
    /// Servers.
    Servers,
    /// "We already work with you".
    ExistingClient,
    /// How fast someone must respond.
    RequiredResponse,
    /// What an hour of downtime costs.
    DowntimeCost,
}

impl Field {
    /// The three counts, in the order the form asks them.
    pub const COUNTS: [Field; 3] = [Field::Users, Field::Computers, Field::Servers];

    /// The field's name in the answers JSON and in element ids.
    pub fn name(self) -> &'static str {
        match self {
            Field::Users => "users",
            Field::Computers => "computers",
            Field::Servers => "servers",
            Field::ExistingClient => "existing_client",
            Field::RequiredResponse => "required_response_hours",
            Field::DowntimeCost => "downtime_cost_per_hour",
        }
    }

    /// The smallest and largest value a count field takes.
    pub fn count_range(self) -> (u32, u32) {
        match self {
            Field::Users => (1, USERS_MAX),
            Field::Computers => (0, COMPUTERS_MAX),
            _ => (0, SERVERS_MAX),
        }
    }

    fn range(self) -> Range {
        let (lo, hi) = self.count_range();
        Range::closed(i64::from(lo), i64::from(hi))
    }
}

/// The chosen option per question id, kept in id order: a small list rather than a tree map,
/// since a config asks at most twenty questions (and the WebAssembly stays smaller).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choices(Vec<(String, usize)>);

impl Choices {
    /// The option chosen for question `id`.
    pub fn get(&self, id: &str) -> Option<&usize> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    /// Chooses option `index` for question `id`, replacing an earlier choice.
    pub fn insert(&mut self, id: String, index: usize) {
        match self.0.iter().position(|(k, _)| *k >= id) {
            Some(i) if self.0[i].0 == id => self.0[i].1 = index,
            Some(i) => self.0.insert(i, (id, index)),
            None => self.0.push((id, index)),
        }
    }

    /// Keeps the choices `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut usize) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    /// The choices, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &usize)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The question ids answered, in id order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// Whether question `id` is answered.
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// How many questions are answered.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no question is answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, usize)> for Choices {
    fn from_iter<I: IntoIterator<Item = (String, usize)>>(iter: I) -> Choices {
        let mut c = Choices::default();
        for (k, v) in iter {
            c.insert(k, v);
        }
        c
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
    pub choices: Choices,
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
            choices: Choices::default(),
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
        let count = |r: &mut Reader, field: Field, default: Option<i64>| {
            u32::try_from(r.integer(m, "", field.name(), default, field.range())).unwrap_or(0)
        };
        let users = count(&mut r, Field::Users, None);
        let computers = count(&mut r, Field::Computers, Some(0));
        let servers = count(&mut r, Field::Servers, Some(0));
        let existing_client = r.boolean(m, "", "existing_client", false);
        let required_response_hours = match m.get("required_response_hours") {
            None | Some(Value::Null) => None,
            Some(_) => Some(r.decimal(m, "", "required_response_hours", None, Range::micros(10_000, 8_760_000_000))),
        };
        let downtime_cost_per_hour = match m.get("downtime_cost_per_hour") {
            None | Some(Value::Null) => None,
            Some(_) => Some(r.money(m, "", "downtime_cost_per_hour", true, Range::closed(0, DOWNTIME_MAX), config.minor_units)),
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
        let choices = Object(self.choices.iter().map(|(k, v)| (k.clone(), Value::from(*v))).collect());
        Value::Object(
            Object::default()
                .with("users", self.users)
                .with("computers", self.computers)
                .with("servers", self.servers)
                .with("existing_client", self.existing_client)
                .with("required_response_hours", self.required_response_hours.map(Decimal::to_json))
                .with("downtime_cost_per_hour", self.downtime_cost_per_hour.map(|m| m.to_json(minor_units)))
                .with("choices", choices),
        )
    }

    /// Keeps only choices that the config still asks, so that answers saved against an older
    /// config never block the calculator.
    pub fn retain_known_choices(&mut self, config: &Config) {
        self.choices.retain(|id, i| config.question(id).is_some_and(|q| *i < q.options.len()));
    }

    /// Unknown top-level fields, for the site owner (ignored when reading).
    pub fn unknown_fields(v: &Value) -> Vec<String> {
        v.as_object()
            .map(|m| m.keys().filter(|k| !FIELDS.contains(k)).map(str::to_string).collect())
            .unwrap_or_default()
    }
}

fn read_choices(r: &mut Reader, v: Option<&Value>, config: &Config) -> Choices {
    let mut choices = Choices::default();
    let Some(v) = v else { return choices };
    let Some(m) = r.object(v, "choices") else { return choices };
    for (id, iv) in &m.0 {
        let path = join("choices", id);
        let Some(q) = config.question(id) else {
            r.problem(path, Rule::UnknownQuestion { id: id.clone() });
            continue;
        };
        match iv {
            Value::Null => {}
            Value::Number(n) => match n.to_scaled(0, false).ok().and_then(|x| usize::try_from(x).ok()) {
                Some(i) if i < q.options.len() => {
                    choices.insert(id.clone(), i);
                }
                _ => r.problem(path, Rule::UnknownOption { index: n.as_str().to_string(), count: q.options.len() }),
            },
            other => r.problem(path, Rule::WrongType { expected: "an option index", got: type_name(other) }),
        }
    }
    choices
}

/// How numbers are written in a locale: its digits and its two separators, as the browser's
/// `Intl.NumberFormat` writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberSyntax {
    /// The locale's digits 0 to 9 (`٠` … `٩` in Arabic); ASCII digits are always read too.
    pub digits: [char; 10],
    /// The decimal separator (`.` in English, `,` in German, `٫` in Arabic).
    pub decimal: char,
    /// The digit grouping separator (`,` in English, `.` in German, a narrow space in French).
    pub group: char,
}

impl Default for NumberSyntax {
    /// English: `1,234.5`.
    fn default() -> NumberSyntax {
        NumberSyntax { digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], decimal: '.', group: ',' }
    }
}

/// Spaces that locales use to group digits (and people type for them).
fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

impl NumberSyntax {
    /// The syntax with a decimal and a group separator, ASCII digits.
    pub fn new(decimal: char, group: char) -> NumberSyntax {
        NumberSyntax { decimal, group, ..NumberSyntax::default() }
    }

    fn digit(&self, c: char) -> Option<u8> {
        if c.is_ascii_digit() {
            return Some(c as u8 - b'0');
        }
        self.digits.iter().position(|d| *d == c).map(|i| i as u8)
    }

    fn is_group(&self, c: char) -> bool {
        c == self.group
            || (is_space_group(c) && (is_space_group(self.group) || self.group == '\''))
            || (matches!(c, '\'' | '’') && matches!(self.group, '\'' | '’'))
    }

    /// A `.` typed where the locale writes another decimal sign that is not `,` (Arabic `٫`):
    /// read as the decimal point, since it cannot be meant as grouping there.
    fn is_decimal(&self, c: char) -> bool {
        c == self.decimal || (c == '.' && self.decimal != ',' && self.group != '.')
    }

    /// Reads a number as typed: the locale's (or ASCII) digits, its decimal sign, and its group
    /// separator only between groups of three digits (or two, as India groups). Returns the
    /// value as plain ASCII decimal text (`-1234.5`), or `None` when the text is not a number
    /// written this way (`1,5` in English, `1.5` in German, `1e9` anywhere).
    pub fn normalise(&self, text: &str) -> Option<String> {
        let t = text.trim();
        let (negative, t) = match t.strip_prefix(['-', '\u{2212}']) {
            Some(rest) => (true, rest.trim_start()),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let mut int_groups: Vec<String> = vec![String::new()];
        let mut frac: Option<String> = None;
        for c in t.chars() {
            if let Some(d) = self.digit(c) {
                let ch = char::from(b'0' + d);
                match &mut frac {
                    Some(f) => f.push(ch),
                    None => int_groups.last_mut()?.push(ch),
                }
            } else if self.is_decimal(c) && frac.is_none() {
                frac = Some(String::new());
            } else if self.is_group(c) && frac.is_none() {
                int_groups.push(String::new());
            } else {
                return None;
            }
        }
        let first = &int_groups[0];
        if int_groups.len() > 1 {
            let last = int_groups.last()?;
            let middle_ok = int_groups[1..int_groups.len() - 1].iter().all(|g| g.len() == 2 || g.len() == 3);
            if first.is_empty() || first.len() > 3 || last.len() != 3 || !middle_ok {
                return None;
            }
        }
        let int: String = int_groups.concat();
        // "007" is seven, as a person means it (JSON, which reads the result, refuses it).
        let int = match int.trim_start_matches('0') {
            "" if !int.is_empty() => "0".to_string(),
            rest => rest.to_string(),
        };
        if int.is_empty() && frac.as_deref().is_none_or(str::is_empty) {
            return None;
        }
        if frac.as_deref() == Some("") {
            return None;
        }
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        out.push_str(if int.is_empty() { "0" } else { &int });
        if let Some(f) = frac {
            out.push('.');
            out.push_str(&f);
        }
        Some(out)
    }
}

/// The exact value of plain decimal text made by [`NumberSyntax::normalise`].
fn number_of(plain: &str) -> Option<super::json::Number> {
    match super::json::parse(plain) {
        Ok(Value::Number(n)) => Some(n),
        _ => None,
    }
}

/// Reads a count typed into a form field (`"12"`, `"1,200"`), with the field's own range.
///
/// Letters, decimals, negatives, exponents and empty text are refused with the rule they break.
pub fn parse_count_text(text: &str, field: Field, syntax: &NumberSyntax) -> Result<u32, Rule> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Rule::Required);
    }
    let not_a_number = || Rule::NotANumber { text: t.to_string() };
    let plain = syntax.normalise(t).ok_or_else(not_a_number)?;
    let n = number_of(&plain).ok_or_else(not_a_number)?;
    if let Some(rule) = field.range().check_number(&n) {
        return Err(match rule {
            Rule::AtLeast { min, .. } => Rule::AtLeast { min, got: t.to_string() },
            Rule::AtMost { max, .. } => Rule::AtMost { max, got: t.to_string() },
            other => other,
        });
    }
    // Any decimal part is refused, zeros too: "1.000" is a thousand where the dot groups
    // digits, so reading it as one person would silently misquote.
    if !n.is_whole() || plain.contains('.') {
        return Err(Rule::NotWhole { got: t.to_string() });
    }
    n.to_scaled(0, false).ok().and_then(|v| u32::try_from(v).ok()).ok_or_else(not_a_number)
}

/// A currency sign people type with an amount: `$`, `€`, `£`, `¥`, `₹` and the rest of
/// Unicode's currency symbols.
fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '¢' | '£' | '¤' | '¥' | '֏' | '؋' | '৲' | '৳' | '฿' | '៛' | '﷼' | '＄' | '￠' | '￡' | '￥' | '\u{20a0}'..='\u{20c0}')
}

/// The amount without one currency sign before it (`$500`, `US$ 500`, `R$500`) or after it
/// (`500 €`): the field asks for money, so the sign says nothing the config does not.
fn without_currency_sign(t: &str) -> &str {
    if let Some(rest) = t.strip_suffix(is_currency_sign) {
        return rest.trim_end();
    }
    let letters = t.len() - t.trim_start_matches(|c: char| c.is_ascii_alphabetic()).len();
    match t[letters..].strip_prefix(is_currency_sign) {
        Some(rest) if letters <= 3 => rest.trim_start(),
        _ => t,
    }
}

/// Reads an amount typed into a form field; empty text means "not given".
pub fn parse_amount_text(text: &str, syntax: &NumberSyntax, minor_units: u8) -> Result<Option<Money>, Rule> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let not_a_number = || Rule::NotANumber { text: t.to_string() };
    let plain = syntax.normalise(without_currency_sign(t)).ok_or_else(not_a_number)?;
    let n = number_of(&plain).ok_or_else(not_a_number)?;
    if let Some(rule) = Range::closed(0, DOWNTIME_MAX).check_number(&n) {
        return Err(match rule {
            Rule::AtLeast { min, .. } => Rule::AtLeast { min, got: t.to_string() },
            Rule::AtMost { max, .. } => Rule::AtMost { max, got: t.to_string() },
            other => other,
        });
    }
    // More decimals than the currency has, zeros too, is refused: "1,000" in German or
    // "1.000" in Japanese yen is a thousand written the other way round, never one.
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len());
    if decimals > usize::from(minor_units) {
        return Err(Rule::TooManyDecimals { allowed: minor_units, got: t.to_string() });
    }
    Money::from_number(&n, minor_units)
        .map(Some)
        .ok_or(Rule::TooManyDecimals { allowed: minor_units, got: t.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: NumberSyntax = NumberSyntax { digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], decimal: '.', group: ',' };
    const DE: NumberSyntax = NumberSyntax { decimal: ',', group: '.', ..EN };
    const AR: NumberSyntax = NumberSyntax { digits: ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'], decimal: '٫', group: '٬' };
    const FA: NumberSyntax = NumberSyntax { digits: ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'], decimal: '٫', group: '٬' };
    const FR: NumberSyntax = NumberSyntax { decimal: ',', group: '\u{202f}', ..EN };

    #[test]
    fn count_text_refuses_what_is_not_a_whole_count() {
        assert_eq!(parse_count_text(" 12 ", Field::Users, &EN), Ok(12));
        assert_eq!(parse_count_text("1,200", Field::Users, &EN), Ok(1200));
        assert_eq!(parse_count_text("", Field::Users, &EN), Err(Rule::Required));
        assert_eq!(parse_count_text("abc", Field::Users, &EN), Err(Rule::NotANumber { text: "abc".into() }));
        assert_eq!(parse_count_text("1O", Field::Users, &EN), Err(Rule::NotANumber { text: "1O".into() }));
        assert_eq!(parse_count_text("1e9", Field::Users, &EN), Err(Rule::NotANumber { text: "1e9".into() }));
        assert_eq!(parse_count_text("2.5", Field::Computers, &EN), Err(Rule::NotWhole { got: "2.5".into() }));
        assert_eq!(parse_count_text("-1", Field::Servers, &EN), Err(Rule::AtLeast { min: Decimal::ZERO, got: "-1".into() }));
        assert_eq!(parse_count_text("0", Field::Users, &EN), Err(Rule::AtLeast { min: Decimal::ONE, got: "0".into() }));
        assert_eq!(
            parse_count_text("1000000000", Field::Users, &EN),
            Err(Rule::AtMost { max: Decimal::from_int(10_000), got: "1000000000".into() })
        );
        assert_eq!(
            parse_count_text("99999999999999999999999999999999999999999", Field::Users, &EN),
            Err(Rule::AtMost { max: Decimal::from_int(10_000), got: "99999999999999999999999999999999999999999".into() })
        );
        assert_eq!(parse_count_text("inf", Field::Users, &EN), Err(Rule::NotANumber { text: "inf".into() }));
        assert_eq!(parse_count_text("NaN", Field::Users, &EN), Err(Rule::NotANumber { text: "NaN".into() }));
    }

    #[test]
    fn amounts_are_read_with_the_locales_own_separators() {
        assert_eq!(parse_amount_text("1,234.50", &EN, 2), Ok(Some(Money::from_minor(123_450))));
        assert_eq!(parse_amount_text("1.234,50", &DE, 2), Ok(Some(Money::from_minor(123_450))));
        assert_eq!(parse_amount_text("1\u{202f}234,5", &FR, 2), Ok(Some(Money::from_minor(123_450))));
        assert_eq!(parse_amount_text("1 234,5", &FR, 2), Ok(Some(Money::from_minor(123_450))));
        assert_eq!(parse_amount_text("  ", &EN, 2), Ok(None));
        assert_eq!(parse_amount_text("12.345", &EN, 2), Err(Rule::TooManyDecimals { allowed: 2, got: "12.345".into() }));
        assert_eq!(parse_amount_text("-5", &EN, 2), Err(Rule::AtLeast { min: Decimal::ZERO, got: "-5".into() }));
        assert_eq!(parse_amount_text("ten", &EN, 2), Err(Rule::NotANumber { text: "ten".into() }));
    }

    #[test]
    fn the_other_locales_separators_are_refused_not_misread() {
        // Before, these read as 15 and 123450.
        assert!(parse_amount_text("1,5", &EN, 2).is_err());
        assert!(parse_amount_text("1.5", &DE, 2).is_err());
        assert!(parse_amount_text("1.234,50", &EN, 2).is_err());
        assert!(parse_amount_text("1,234.50", &DE, 2).is_err());
        assert!(parse_amount_text("12,34,5", &EN, 2).is_err());
    }

    #[test]
    fn native_digits_and_separators_are_read() {
        assert_eq!(parse_amount_text("١٫٥", &AR, 2), Ok(Some(Money::from_minor(150))));
        assert_eq!(parse_amount_text("١٬٢٣٤٫٥٠", &AR, 2), Ok(Some(Money::from_minor(123_450))));
        assert_eq!(parse_amount_text("۱۲۳۴٫۵", &FA, 2), Ok(Some(Money::from_minor(123_450))));
        // A Latin keyboard's `.` is the decimal point where the locale's own sign is `٫`.
        assert_eq!(parse_amount_text("1.5", &AR, 2), Ok(Some(Money::from_minor(150))));
        assert!(parse_amount_text("1,234.50", &AR, 2).is_err());
        assert_eq!(parse_count_text("١٢", Field::Users, &AR), Ok(12));
        let thai = NumberSyntax { digits: ['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙'], ..EN };
        assert_eq!(parse_amount_text("๑,๒๓๔.๕", &thai, 2), Ok(Some(Money::from_minor(123_450))));
    }

    #[test]
    fn counts_with_leading_zeros_are_read_and_any_decimal_part_refused() {
        assert_eq!(parse_count_text("007", Field::Users, &EN), Ok(7));
        assert_eq!(parse_count_text("0,012", Field::Users, &EN), Ok(12));
        assert_eq!(parse_count_text("00", Field::Servers, &EN), Ok(0));
        assert_eq!(parse_count_text("00", Field::Users, &EN), Err(Rule::AtLeast { min: Decimal::ONE, got: "00".into() }));
        // A thousand written with a dot, in a locale whose dot is the decimal sign.
        assert_eq!(parse_count_text("1.000", Field::Users, &EN), Err(Rule::NotWhole { got: "1.000".into() }));
        assert_eq!(parse_count_text("3.0", Field::Computers, &EN), Err(Rule::NotWhole { got: "3.0".into() }));
        assert_eq!(parse_count_text("1.000", Field::Users, &DE), Ok(1000));
        assert_eq!(parse_amount_text("0050", &EN, 2), Ok(Some(Money::from_minor(5_000))));
        assert_eq!(parse_amount_text("0.5", &EN, 2), Ok(Some(Money::from_minor(50))));
        assert_eq!(parse_amount_text(".5", &EN, 2), Ok(Some(Money::from_minor(50))));
    }

    #[test]
    fn a_thousand_written_the_other_way_round_is_refused_not_read_as_one() {
        assert_eq!(parse_amount_text("1,000", &DE, 2), Err(Rule::TooManyDecimals { allowed: 2, got: "1,000".into() }));
        assert_eq!(parse_amount_text("1.000", &EN, 2), Err(Rule::TooManyDecimals { allowed: 2, got: "1.000".into() }));
        assert_eq!(parse_amount_text("1.000", &EN, 0), Err(Rule::TooManyDecimals { allowed: 0, got: "1.000".into() }));
        assert_eq!(parse_amount_text("1.0", &EN, 0), Err(Rule::TooManyDecimals { allowed: 0, got: "1.0".into() }));
        assert_eq!(parse_count_text("1,000", Field::Users, &DE), Err(Rule::NotWhole { got: "1,000".into() }));
        // As many decimals as the currency has, zeros included, are read.
        assert_eq!(parse_amount_text("1,00", &DE, 2), Ok(Some(Money::from_minor(100))));
        assert_eq!(parse_amount_text("1.500", &EN, 3), Ok(Some(Money::from_minor(1_500))));
    }

    #[test]
    fn amounts_may_carry_one_currency_sign() {
        assert_eq!(parse_amount_text("$500", &EN, 2), Ok(Some(Money::from_minor(50_000))));
        assert_eq!(parse_amount_text(" $ 1,250.50 ", &EN, 2), Ok(Some(Money::from_minor(125_050))));
        assert_eq!(parse_amount_text("US$500", &EN, 2), Ok(Some(Money::from_minor(50_000))));
        assert_eq!(parse_amount_text("500 €", &DE, 2), Ok(Some(Money::from_minor(50_000))));
        assert_eq!(parse_amount_text("€1.500,00", &DE, 2), Ok(Some(Money::from_minor(150_000))));
        assert_eq!(parse_amount_text("£80", &EN, 2), Ok(Some(Money::from_minor(8_000))));
        assert_eq!(parse_amount_text("¥5000", &EN, 0), Ok(Some(Money::from_minor(5_000))));
        assert_eq!(parse_amount_text("₹1,23,456", &EN, 2), Ok(Some(Money::from_minor(12_345_600))));
        // One sign, and nothing else that is not a number.
        assert!(parse_amount_text("$$500", &EN, 2).is_err());
        assert!(parse_amount_text("$500$", &EN, 2).is_err());
        assert!(parse_amount_text("$", &EN, 2).is_err());
        assert!(parse_amount_text("USDX$5", &EN, 2).is_err());
        assert!(parse_amount_text("500 dollars", &EN, 2).is_err());
        assert_eq!(parse_amount_text("$-5", &EN, 2), Err(Rule::AtLeast { min: Decimal::ZERO, got: "$-5".into() }));
    }

    #[test]
    fn indian_grouping_is_read() {
        assert_eq!(parse_amount_text("1,23,456", &EN, 2), Ok(Some(Money::from_minor(12_345_600))));
    }
}
