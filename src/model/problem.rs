//! Problems found in a config or in answers: each names the field path, the rule it breaks, the
//! value as written and, where it helps, the form the value should take.

use std::fmt;

use super::money::Decimal;

/// How many problems a listing shows before it says "and N more".
pub const LISTED_PROBLEMS: usize = 100;

/// The rule a value breaks. The English wording lives in `Display`; the widget words the
/// prospect's own problems from the same data.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// The field must be present (and, for text typed by a prospect, not empty).
    Required,
    /// The JSON value has the wrong type.
    WrongType {
        /// What the field takes: "a number", "a string", …
        expected: &'static str,
        /// What was found, in the same words.
        got: &'static str,
    },
    /// Text typed where a number is needed.
    NotANumber {
        /// The text as typed.
        text: String,
    },
    /// A count (people, computers) must be a whole number.
    NotWhole {
        /// The value as written.
        got: String,
    },
    /// The value must be at least `min`.
    AtLeast {
        /// The smallest allowed value.
        min: Decimal,
        /// The value as written.
        got: String,
    },
    /// The value must be strictly greater than `min`.
    Above {
        /// The bound the value must exceed.
        min: Decimal,
        /// The value as written.
        got: String,
    },
    /// The value must be at most `max`.
    AtMost {
        /// The largest allowed value.
        max: Decimal,
        /// The value as written.
        got: String,
    },
    /// A money amount has more decimals than the currency's minor units.
    TooManyDecimals {
        /// The currency's minor units.
        allowed: u8,
        /// The value as written.
        got: String,
    },
    /// A string field must not be empty.
    Empty,
    /// A string is longer than allowed.
    TooLong {
        /// The longest allowed length, in characters.
        max: usize,
    },
    /// A list must not be empty.
    EmptyList,
    /// A list has more entries than allowed.
    TooMany {
        /// The most entries allowed.
        max: usize,
    },
    /// An id appears twice in one list.
    Duplicate {
        /// The repeated id.
        id: String,
    },
    /// An id uses characters other than lowercase letters, digits, `-` and `_`.
    BadId {
        /// The id as given.
        id: String,
    },
    /// A value is not one of the allowed words.
    OneOf {
        /// The allowed words.
        allowed: &'static [&'static str],
        /// The value as given.
        got: String,
    },
    /// A currency code is not on the ISO 4217 list.
    BadCurrency {
        /// The code as given.
        got: String,
    },
    /// A locale is not a language tag the browser accepts.
    BadLocale {
        /// The tag as given.
        got: String,
        /// Why, in a few words.
        why: &'static str,
    },
    /// A colour is not `#rgb` or `#rrggbb`.
    BadColour {
        /// The value as given.
        got: String,
    },
    /// An address is not of the kind the field takes.
    BadAddress {
        /// What the field takes ("a path on this site or an https: address").
        expected: &'static str,
        /// The value as given.
        got: String,
    },
    /// An email address is not `local@domain`.
    BadEmail {
        /// The value as given.
        got: String,
    },
    /// The band list has no band starting at score 0.
    NoZeroBand,
    /// Two bands start at the same score.
    DuplicateMinScore {
        /// The repeated score.
        score: i64,
    },
    /// A choice names a question the config does not have.
    UnknownQuestion {
        /// The id as given.
        id: String,
    },
    /// A choice picks an option the question does not have.
    UnknownOption {
        /// The index as written.
        index: String,
        /// How many options the question has.
        count: usize,
    },
    /// Text that cannot be read as JSON.
    InvalidJson {
        /// What is wrong, with line and column.
        detail: String,
    },
    /// A field the model does not know (usually a typo).
    UnknownField {
        /// The known field whose name is closest, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A text override uses a key the widget does not know.
    UnknownTextKey {
        /// The key as given.
        key: String,
        /// The known key whose name is closest, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A text override uses a placeholder its key does not offer.
    UnknownPlaceholder {
        /// The placeholder, without braces.
        name: String,
        /// The placeholders this key offers.
        allowed: Vec<&'static str>,
    },
    /// The field must be left out here.
    NotAllowed {
        /// Why, in a few words.
        why: &'static str,
    },
    /// A value must be one the config offers elsewhere (a plan's response time).
    NotOffered {
        /// The value as given.
        got: String,
        /// The values on offer, as a list.
        offered: String,
    },
    /// A text key with plural forms names a form that is not a plural category.
    UnknownPluralForm {
        /// The form as given.
        got: String,
    },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Required => write!(f, "is required"),
            Rule::WrongType { expected, got } => write!(f, "must be {expected}, got {got}"),
            Rule::NotANumber { text } => write!(f, "must be a number, got \"{text}\""),
            Rule::NotWhole { got } => write!(f, "must be a whole number, got {got}"),
            Rule::AtLeast { min, got } => write!(f, "must be >= {}, got {got}", min.to_plain()),
            Rule::Above { min, got } => write!(f, "must be > {}, got {got}", min.to_plain()),
            Rule::AtMost { max, got } => write!(f, "must be <= {}, got {got}", max.to_plain()),
            Rule::TooManyDecimals { allowed, got } => write!(
                f,
                "has more decimals than the currency's {allowed} minor units, got {got}"
            ),
            Rule::Empty => write!(f, "must not be empty"),
            Rule::TooLong { max } => write!(f, "must be at most {max} characters long"),
            Rule::EmptyList => write!(f, "must list at least one entry"),
            Rule::TooMany { max } => write!(f, "must list at most {max} entries"),
            Rule::Duplicate { id } => write!(f, "duplicate id \"{id}\""),
            Rule::BadId { id } => write!(
                f,
                "must use only lowercase letters, digits, '-' and '_', got \"{id}\""
            ),
            Rule::OneOf { allowed, got } => {
                write!(f, "must be one of ")?;
                for (i, a) in allowed.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "\"{a}\"")?;
                }
                write!(f, ", got \"{got}\"")
            }
            Rule::BadCurrency { got } => {
                write!(f, "must be an ISO 4217 currency code like \"USD\" or \"EUR\", got \"{got}\"")
            }
            Rule::BadLocale { got, why } => {
                write!(f, "must be a language tag like \"en-US\" or \"de-DE\" ({why}), got \"{got}\"")
            }
            Rule::BadColour { got } => write!(f, "must be a colour like \"#1f5fbf\" or \"#fff\", got \"{got}\""),
            Rule::BadAddress { expected, got } => write!(f, "must be {expected}, got \"{got}\""),
            Rule::BadEmail { got } => {
                write!(f, "must be one email address like \"sales@example.com\", got \"{got}\"")
            }
            Rule::NoZeroBand => write!(f, "must include a band with min_score 0"),
            Rule::DuplicateMinScore { score } => write!(f, "two bands start at min_score {score}"),
            Rule::UnknownQuestion { id } => write!(f, "no question has the id \"{id}\""),
            Rule::UnknownOption { index, count } => write!(
                f,
                "must be an option index from 0 to {}, got {index}",
                count.saturating_sub(1)
            ),
            Rule::InvalidJson { detail } => write!(f, "is not valid JSON: {detail}"),
            Rule::UnknownField { suggestion: Some(s) } => write!(f, "unknown field; did you mean \"{s}\"?"),
            Rule::UnknownField { suggestion: None } => write!(f, "unknown field"),
            Rule::UnknownTextKey { key, suggestion } => {
                write!(f, "unknown text key \"{key}\"")?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean \"{s}\"?"),
                    None => Ok(()),
                }
            }
            Rule::UnknownPlaceholder { name, allowed } => {
                if allowed.is_empty() {
                    write!(f, "uses {{{name}}}, but this text takes no placeholders")
                } else {
                    write!(f, "uses {{{name}}}, which is not one of ")?;
                    for (i, a) in allowed.iter().enumerate() {
                        if i > 0 {
                            write!(f, ", ")?;
                        }
                        write!(f, "{{{a}}}")?;
                    }
                    Ok(())
                }
            }
            Rule::NotAllowed { why } => write!(f, "must be left out: {why}"),
            Rule::NotOffered { got, offered } => write!(
                f,
                "must be one of the plans' response times ({offered}) or null for no particular need, got {got}"
            ),
            Rule::UnknownPluralForm { got } => write!(
                f,
                "has the form \"{got}\", which is not one of \"zero\", \"one\", \"two\", \"few\", \"many\", \"other\""
            ),
        }
    }
}

/// One problem: where it is, what rule it breaks, and a hint at the right form when one helps.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The field path, as `plans[1].per_user`; empty for the document as a whole.
    pub path: String,
    /// The rule the value breaks.
    pub rule: Rule,
    /// How to write the value instead (`write 0.10 for 10%`), when the rule alone does not say.
    pub hint: Option<&'static str>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.rule)?;
        if let Some(hint) = self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// Every problem found in one document, in the order they appear.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Records a problem at `path`.
    pub fn push(&mut self, path: impl Into<String>, rule: Rule) {
        self.0.push(Problem { path: path.into(), rule, hint: None });
    }

    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problem recorded for exactly this path, if any.
    pub fn at(&self, path: &str) -> Option<&Problem> {
        self.0.iter().find(|p| p.path == path)
    }

    /// `Ok(value)` when nothing was recorded, else every problem.
    pub fn into_result<T>(self, value: T) -> Result<T, Problems> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// One line per problem, at most [`LISTED_PROBLEMS`] of them, then "and N more problems".
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.0.iter().take(LISTED_PROBLEMS).map(ToString::to_string).collect();
        if self.0.len() > LISTED_PROBLEMS {
            lines.push(more_line(self.0.len() - LISTED_PROBLEMS));
        }
        lines
    }
}

/// "and 3 more problems": the last line of a listing cut at [`LISTED_PROBLEMS`].
pub fn more_line(n: usize) -> String {
    if n == 1 {
        "and 1 more problem".to_string()
    } else {
        format!("and {n} more problems")
    }
}

impl fmt::Display for Problems {
    /// The listing of [`Problems::lines`], one per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, line) in self.lines().iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// Joins a parent path and a field name: `rates` + `hourly` → `rates.hourly`.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        let mut s = String::with_capacity(parent.len() + key.len() + 1);
        s.push_str(parent);
        s.push('.');
        s.push_str(key);
        s
    }
}

/// Appends a list index: `plans` + 1 → `plans[1]`.
pub fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// The known name closest to `name`, when it is close enough to be the one meant: at most a
/// third of its letters differ (by edit distance), or one contains the other.
pub fn closest(name: &str, known: &[&'static str]) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        .filter(|(d, k)| {
            let longest = lower.chars().count().max(k.chars().count());
            *d * 3 <= longest || (lower.len() >= 3 && (k.contains(lower.as_str()) || lower.contains(k)))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_known_field_is_suggested() {
        let known = &["hourly", "priority_multiplier", "payg_response_hours", "existing_client_discount"];
        assert_eq!(closest("hourlyy", known), Some("hourly"));
        assert_eq!(closest("Hourly", known), Some("hourly"));
        assert_eq!(closest("priority", known), Some("priority_multiplier"));
        assert_eq!(closest("banana", known), None);
        assert_eq!(closest("per_usr", &["per_user", "per_computer", "per_server"]), Some("per_user"));
    }

    #[test]
    fn listings_stop_at_a_hundred_and_say_how_many_more() {
        let mut p = Problems::default();
        for i in 0..250 {
            p.push(index("plans", i), Rule::Required);
        }
        let lines = p.lines();
        assert_eq!(lines.len(), LISTED_PROBLEMS + 1);
        assert_eq!(lines.last().map(String::as_str), Some("and 150 more problems"));
    }

    #[test]
    fn a_hint_follows_the_rule() {
        let p = Problem {
            path: "rates.existing_client_discount".into(),
            rule: Rule::AtMost { max: Decimal::ONE, got: "10".into() },
            hint: Some("write 0.10 for 10%"),
        };
        assert_eq!(p.to_string(), "rates.existing_client_discount: must be <= 1, got 10 (write 0.10 for 10%)");
    }
}
