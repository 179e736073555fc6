//! The widget's form as the prospect typed it: text kept exactly as entered (so nothing typed is
//! lost), turned into [`Answers`] with one problem per field, saved as JSON and shared as a URL
//! fragment.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::answers::{parse_amount_text, parse_count_text, Answers};
use super::config::Config;
use super::money::Decimal;
use super::problem::Rule;

/// The form fields, each as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerForm {
    /// People who use computers, as typed.
    pub users: String,
    /// Computers, as typed.
    pub computers: String,
    /// Servers, as typed.
    pub servers: String,
    /// "We already work with you".
    pub existing_client: bool,
    /// The chosen response time in hours (`"4"`), or empty for no particular need.
    pub required_response: String,
    /// The cost of an hour of downtime, as typed; empty means "use the estimate".
    pub downtime_cost: String,
    /// The chosen option per question id.
    pub choices: BTreeMap<String, usize>,
}

impl Default for AnswerForm {
    fn default() -> AnswerForm {
        AnswerForm::from_answers(&Answers::default(), 2)
    }
}

impl AnswerForm {
    /// The form that shows these answers.
    pub fn from_answers(a: &Answers, minor_units: u8) -> AnswerForm {
        AnswerForm {
            users: a.users.to_string(),
            computers: a.computers.to_string(),
            servers: a.servers.to_string(),
            existing_client: a.existing_client,
            required_response: a.required_response_hours.map(format_hours).unwrap_or_default(),
            downtime_cost: a
                .downtime_cost_per_hour
                .map(|m| format_plain(m.to_major(minor_units)))
                .unwrap_or_default(),
            choices: a.choices.clone(),
        }
    }

    /// Reads the form: the answers, or the rule each field breaks (by field name).
    ///
    /// `decimal_separator` is the locale's, for the downtime amount.
    pub fn to_answers(&self, config: &Config, decimal_separator: char) -> Result<Answers, BTreeMap<&'static str, Rule>> {
        let (answers, errors) = self.apply_to(&Answers::default(), config, decimal_separator);
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(errors)
        }
    }

    /// The answers in `last_good` with every valid field of the form applied, and the rule each
    /// invalid field breaks: a typo in one field never holds back the others.
    pub fn apply_to(
        &self,
        last_good: &Answers,
        config: &Config,
        decimal_separator: char,
    ) -> (Answers, BTreeMap<&'static str, Rule>) {
        let mut errors = BTreeMap::new();
        let mut count = |field: &'static str, text: &str, last: u32| match parse_count_text(text, field) {
            Ok(n) => n,
            Err(rule) => {
                errors.insert(field, rule);
                last
            }
        };
        let users = count("users", &self.users, last_good.users);
        let computers = count("computers", &self.computers, last_good.computers);
        let servers = count("servers", &self.servers, last_good.servers);
        let downtime_cost_per_hour =
            match parse_amount_text(&self.downtime_cost, decimal_separator, config.minor_units) {
                Ok(m) => m,
                Err(rule) => {
                    errors.insert("downtime_cost", rule);
                    last_good.downtime_cost_per_hour
                }
            };
        // The response choice comes from a list the widget built, so an unreadable one means
        // "no particular need" rather than an error the prospect could not fix.
        let required_response_hours = self
            .required_response
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|h| *h >= 0.01 && *h <= 8_760.0)
            .and_then(Decimal::from_f64);
        let mut answers = Answers {
            users,
            computers,
            servers,
            existing_client: self.existing_client,
            required_response_hours,
            downtime_cost_per_hour,
            choices: self.choices.clone(),
        };
        answers.retain_known_choices(config);
        (answers, errors)
    }

    /// The form as JSON, for saving in the browser.
    pub fn to_json(&self) -> Value {
        let choices: Map<String, Value> = self.choices.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
        json!({
            "users": self.users,
            "computers": self.computers,
            "servers": self.servers,
            "existing_client": self.existing_client,
            "required_response": self.required_response,
            "downtime_cost": self.downtime_cost,
            "choices": choices,
        })
    }

    /// Reads a saved form; anything unreadable (an older format, a corrupt entry) gives `None`
    /// or, field by field, the default.
    pub fn from_json(text: &str) -> Option<AnswerForm> {
        let v: Value = serde_json::from_str(text).ok()?;
        let m = v.as_object()?;
        let base = AnswerForm::default();
        let text_field = |key: &str, default: &str| -> String {
            match m.get(key) {
                Some(Value::String(s)) => s.chars().take(40).collect(),
                Some(Value::Number(n)) => n.to_string(),
                _ => default.to_string(),
            }
        };
        Some(AnswerForm {
            users: text_field("users", &base.users),
            computers: text_field("computers", &base.computers),
            servers: text_field("servers", &base.servers),
            existing_client: m.get("existing_client").and_then(Value::as_bool).unwrap_or(false),
            required_response: text_field("required_response", ""),
            downtime_cost: text_field("downtime_cost", ""),
            choices: read_choices(m.get("choices")),
        })
    }

    /// The answers as a URL fragment (`users=20&computers=22&…&q.payment=0`), readable and short.
    pub fn to_fragment(&self) -> String {
        let mut parts = vec![
            format!("users={}", encode(&self.users)),
            format!("computers={}", encode(&self.computers)),
            format!("servers={}", encode(&self.servers)),
            format!("client={}", u8::from(self.existing_client)),
        ];
        if !self.required_response.is_empty() {
            parts.push(format!("response={}", encode(&self.required_response)));
        }
        if !self.downtime_cost.is_empty() {
            parts.push(format!("downtime={}", encode(&self.downtime_cost)));
        }
        for (id, i) in &self.choices {
            parts.push(format!("q.{}={i}", encode(id)));
        }
        parts.join("&")
    }

    /// Reads a fragment made by [`AnswerForm::to_fragment`] (with or without the leading `#`);
    /// `None` when it carries no answers.
    pub fn from_fragment(fragment: &str) -> Option<AnswerForm> {
        let f = fragment.trim_start_matches('#');
        if f.is_empty() {
            return None;
        }
        let mut form = AnswerForm::default();
        let mut any = false;
        for pair in f.split('&') {
            let Some((k, v)) = pair.split_once('=') else { continue };
            let v: String = decode(v).chars().take(40).collect();
            let slot = match k {
                "users" => &mut form.users,
                "computers" => &mut form.computers,
                "servers" => &mut form.servers,
                "response" => &mut form.required_response,
                "downtime" => &mut form.downtime_cost,
                "client" => {
                    form.existing_client = v == "1";
                    any = true;
                    continue;
                }
                _ => {
                    // A question's choice; anything else in the fragment belongs to the host page.
                    if let (Some(id), Ok(i)) = (k.strip_prefix("q."), v.parse::<usize>()) {
                        form.choices.insert(decode(id), i);
                        any = true;
                    }
                    continue;
                }
            };
            *slot = v;
            any = true;
        }
        any.then_some(form)
    }
}

fn read_choices(v: Option<&Value>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    if let Some(Value::Object(m)) = v {
        for (k, v) in m {
            if let Some(i) = v.as_u64().and_then(|i| usize::try_from(i).ok()) {
                out.insert(k.clone(), i);
            }
        }
    }
    out
}

/// Hours as a short plain number: `4`, `0.5`.
pub fn format_hours(h: Decimal) -> String {
    format_plain(h.to_f64())
}

fn format_plain(x: f64) -> String {
    super::problem::format_number(x)
}

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`encode`]; malformed escapes are kept as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> AnswerForm {
        AnswerForm {
            users: "20".into(),
            computers: "22".into(),
            servers: "2".into(),
            existing_client: true,
            required_response: "4".into(),
            downtime_cost: "1,250.50".into(),
            choices: [("payment".to_string(), 0), ("partner".to_string(), 2)].into_iter().collect(),
        }
    }

    #[test]
    fn fragment_round_trips() {
        let f = form();
        assert_eq!(AnswerForm::from_fragment(&format!("#{}", f.to_fragment())), Some(f));
    }

    #[test]
    fn saved_json_round_trips_and_corrupt_is_ignored() {
        let f = form();
        assert_eq!(AnswerForm::from_json(&f.to_json().to_string()), Some(f));
        assert_eq!(AnswerForm::from_json("{not json"), None);
        assert_eq!(AnswerForm::from_json("[1,2]"), None);
        let partial = AnswerForm::from_json(r#"{"users": 7, "choices": {"x": "bad"}}"#).unwrap();
        assert_eq!(partial.users, "7");
        assert!(partial.choices.is_empty());
    }

    #[test]
    fn empty_or_foreign_fragment_carries_no_answers() {
        assert_eq!(AnswerForm::from_fragment(""), None);
        assert_eq!(AnswerForm::from_fragment("#"), None);
        assert_eq!(AnswerForm::from_fragment("#section-2"), None);
    }

    #[test]
    fn invalid_fields_are_reported_by_name_and_valid_ones_parse() {
        let config = Config::shipped();
        let mut f = form();
        assert!(f.to_answers(&config, '.').is_ok());
        f.users = "abc".into();
        f.servers = "-1".into();
        let errors = f.to_answers(&config, '.').unwrap_err();
        assert_eq!(errors.keys().copied().collect::<Vec<_>>(), vec!["servers", "users"]);
    }

    #[test]
    fn a_typo_in_one_field_keeps_its_last_good_value_and_applies_the_rest() {
        let config = Config::shipped();
        let last = form().to_answers(&config, '.').unwrap();
        let mut f = form();
        f.users = "2o".into();
        f.computers = "30".into();
        let (answers, errors) = f.apply_to(&last, &config, '.');
        assert_eq!(answers.users, 20);
        assert_eq!(answers.computers, 30);
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn choices_the_config_no_longer_asks_are_dropped() {
        let config = Config::shipped();
        let mut f = form();
        f.choices.insert("gone".into(), 1);
        f.choices.insert("payment".into(), 99);
        let a = f.to_answers(&config, '.').unwrap();
        assert_eq!(a.choices.len(), 1);
        assert_eq!(a.choices.get("partner"), Some(&2));
    }
}
