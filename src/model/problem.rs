//! Problems found in a config or in answers: each names the field path and the rule it breaks.

use std::fmt;

/// The rule a value breaks. The English wording lives in `Display`; the widget may word it in the
/// prospect's language from the same data.
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
        /// The value as given.
        got: f64,
    },
    /// The value must be at least `min`.
    AtLeast {
        /// The smallest allowed value.
        min: f64,
        /// The value as given.
        got: f64,
    },
    /// The value must be strictly greater than `min`.
    Above {
        /// The bound the value must exceed.
        min: f64,
        /// The value as given.
        got: f64,
    },
    /// The value must be at most `max`.
    AtMost {
        /// The largest allowed value.
        max: f64,
        /// The value as given.
        got: f64,
    },
    /// A money amount has more decimals than the currency's minor units.
    TooManyDecimals {
        /// The currency's minor units.
        allowed: u8,
        /// The value as given.
        got: f64,
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
    /// A currency code is not three capital letters.
    BadCurrency {
        /// The code as given.
        got: String,
    },
    /// A locale is not a BCP 47 language tag.
    BadLocale {
        /// The tag as given.
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
        /// The index as given.
        index: f64,
        /// How many options the question has.
        count: usize,
    },
    /// Text that cannot be read as JSON.
    InvalidJson {
        /// The parser's own words, with line and column.
        detail: String,
    },
    /// A field the model does not know; it is ignored (usually a typo).
    UnknownField,
    /// A text override uses a key the widget does not know.
    UnknownTextKey {
        /// The key as given.
        key: String,
    },
    /// A text override uses a placeholder its key does not offer.
    UnknownPlaceholder {
        /// The placeholder, without braces.
        name: String,
        /// The placeholders this key offers.
        allowed: Vec<&'static str>,
    },
}

/// Formats a number as people write it: `-5`, `0.15`, `1000000`.
pub fn format_number(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else if x.is_finite() && x.abs() >= 1e15 {
        // `1e300`, not three hundred digits.
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |x: &f64| format_number(*x);
        match self {
            Rule::Required => write!(f, "is required"),
            Rule::WrongType { expected, got } => write!(f, "must be {expected}, got {got}"),
            Rule::NotANumber { text } => write!(f, "must be a number, got \"{text}\""),
            Rule::NotWhole { got } => write!(f, "must be a whole number, got {}", n(got)),
            Rule::AtLeast { min, got } => write!(f, "must be >= {}, got {}", n(min), n(got)),
            Rule::Above { min, got } => write!(f, "must be > {}, got {}", n(min), n(got)),
            Rule::AtMost { max, got } => write!(f, "must be <= {}, got {}", n(max), n(got)),
            Rule::TooManyDecimals { allowed, got } => write!(
                f,
                "has more decimals than the currency's {allowed} minor units, got {}",
                n(got)
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
                let list: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
                write!(f, "must be one of {}, got \"{got}\"", list.join(", "))
            }
            Rule::BadCurrency { got } => {
                write!(f, "must be an ISO 4217 code of three capital letters, got \"{got}\"")
            }
            Rule::BadLocale { got } => {
                write!(f, "must be a BCP 47 language tag like \"en-US\", got \"{got}\"")
            }
            Rule::NoZeroBand => write!(f, "must include a band with min_score 0"),
            Rule::DuplicateMinScore { score } => {
                write!(f, "two bands start at min_score {score}")
            }
            Rule::UnknownQuestion { id } => write!(f, "no question has the id \"{id}\""),
            Rule::UnknownOption { index, count } => write!(
                f,
                "must be an option index from 0 to {}, got {}",
                count.saturating_sub(1),
                n(index)
            ),
            Rule::InvalidJson { detail } => write!(f, "is not valid JSON: {detail}"),
            Rule::UnknownField => write!(f, "is not a known field and is ignored"),
            Rule::UnknownTextKey { key } => write!(f, "unknown text key \"{key}\""),
            Rule::UnknownPlaceholder { name, allowed } => {
                if allowed.is_empty() {
                    write!(f, "uses {{{name}}}, but this text takes no placeholders")
                } else {
                    let list: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
                    write!(f, "uses {{{name}}}, which is not one of {}", list.join(", "))
                }
            }
        }
    }
}

/// One problem: where it is and what rule it breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The field path, as `plans[1].per_user`; empty for the document as a whole.
    pub path: String,
    /// The rule the value breaks.
    pub rule: Rule,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.rule)
        } else {
            write!(f, "{}: {}", self.path, self.rule)
        }
    }
}

/// Every problem found in one document, in the order they appear.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Records a problem at `path`.
    pub fn push(&mut self, path: impl Into<String>, rule: Rule) {
        self.0.push(Problem { path: path.into(), rule });
    }

    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
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
        format!("{parent}.{key}")
    }
}

/// Appends a list index: `plans` + 1 → `plans[1]`.
pub fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}
