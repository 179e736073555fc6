//! What `contract-fit check` says about the document being edited, in its own words, and where
//! each problem belongs: the field at its path.

use crate::model::json::Value;
use crate::model::{more_line, Config, Problem, LISTED_PROBLEMS};

/// The verdict on one version of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// Problems that keep the config from working, in the order check lists them.
    pub problems: Vec<Problem>,
    /// Fields the calculator does not know: the widget ignores them, check refuses them.
    pub unknown: Vec<Problem>,
    /// The config, when it works (with its unknown fields, if any).
    pub config: Option<Config>,
}

/// Checks the document as `contract-fit check` checks a file.
pub fn check(doc: &Value) -> Checked {
    match Config::from_value(doc) {
        Ok(config) => Checked { problems: Vec::new(), unknown: config.warnings.clone(), config: Some(config) },
        Err(problems) => Checked { problems: problems.0, unknown: Vec::new(), config: None },
    }
}

impl Checked {
    /// Whether `contract-fit check` says `ok`.
    pub fn is_ok(&self) -> bool {
        self.config.is_some() && self.unknown.is_empty()
    }

    /// Every problem and unknown field, as check prints them (without the file name), at most
    /// a hundred and then how many more.
    pub fn lines(&self) -> Vec<String> {
        let all: Vec<&Problem> = self.problems.iter().chain(&self.unknown).collect();
        let mut lines: Vec<String> = all.iter().take(LISTED_PROBLEMS).map(ToString::to_string).collect();
        if all.len() > LISTED_PROBLEMS {
            lines.push(more_line(all.len() - LISTED_PROBLEMS));
        }
        lines
    }

    /// The problems at exactly `path`, in check's words.
    pub fn at(&self, path: &str) -> Vec<String> {
        self.problems.iter().chain(&self.unknown).filter(|p| p.path == path).map(ToString::to_string).collect()
    }

    /// How many problems and unknown fields there are.
    pub fn count(&self) -> usize {
        self.problems.len() + self.unknown.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::parse;

    #[test]
    fn problems_are_checks_own_lines_and_land_on_their_paths() {
        let c = check(&parse(r#"{"plans": [{"id": "a", "name": "A", "response_hours": 4, "per_user": -5}], "rates": {"hourlyy": 1}}"#).unwrap());
        assert_eq!(c.lines(), vec!["plans[0].per_user: must be >= 0, got -5".to_string()]);
        assert_eq!(c.at("plans[0].per_user"), c.lines());
        assert!(!c.is_ok());
        let unknown = check(&parse(r#"{"rates": {"hourlyy": 1}}"#).unwrap());
        assert!(unknown.config.is_some() && !unknown.is_ok());
        assert_eq!(unknown.at("rates.hourlyy"), vec!["rates.hourlyy: unknown field; did you mean \"hourly\"?".to_string()]);
        assert!(check(&parse("{}").unwrap()).is_ok());
    }
}
