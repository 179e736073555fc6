//! The widget's form as the prospect typed it: text kept exactly as entered (so nothing typed is
//! lost), turned into [`Answers`] only when every field is valid, saved as JSON and shared as a
//! URL fragment. Answers saved or shared against another config are reconciled with what this
//! config offers, and every change is said, never applied silently.

use super::answers::{parse_amount_text, parse_count_text, Answers, Choices, Field, NumberSyntax};
use super::config::Config;
use super::json::{self, Object, Value};
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
    pub choices: Choices,
}

impl Default for AnswerForm {
    fn default() -> AnswerForm {
        AnswerForm::from_answers(&Answers::default(), 2)
    }
}

/// A problem with one field of the form.
pub type FieldErrors = Vec<(Field, Rule)>;

/// Something a saved or shared answer asked for that this config does not offer, and was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dropped {
    /// A response time no plan offers (hours as given).
    Response(String),
    /// A question this config does not ask, or an option it does not have.
    Choice(String),
}

impl AnswerForm {
    /// The form that shows these answers.
    pub fn from_answers(a: &Answers, minor_units: u8) -> AnswerForm {
        AnswerForm {
            users: a.users.to_string(),
            computers: a.computers.to_string(),
            servers: a.servers.to_string(),
            existing_client: a.existing_client,
            required_response: a.required_response_hours.map(Decimal::to_plain).unwrap_or_default(),
            downtime_cost: a.downtime_cost_per_hour.map(|m| m.to_major_text(minor_units)).unwrap_or_default(),
            choices: a.choices.clone(),
        }
    }

    /// The form a prospect starts from: the config's starting values.
    pub fn starting(config: &Config) -> AnswerForm {
        let f = &config.form;
        let answers = Answers {
            users: f.users.start,
            computers: if f.computers_follow_users && !f.computers.show { f.users.start } else { f.computers.start },
            servers: f.servers.start,
            existing_client: f.existing_client.start,
            required_response_hours: f.response.start,
            downtime_cost_per_hour: None,
            choices: Choices::default(),
        };
        AnswerForm::from_answers(&answers, config.minor_units)
    }

    /// The text typed into a text field.
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Users => &self.users,
            Field::Computers => &self.computers,
            Field::Servers => &self.servers,
            Field::DowntimeCost => &self.downtime_cost,
            Field::RequiredResponse => &self.required_response,
            Field::ExistingClient => "",
        }
    }

    /// Sets the text of a text field (the checkbox is set through `existing_client`).
    pub fn set_text(&mut self, field: Field, text: String) {
        match field {
            Field::Users => self.users = text,
            Field::Computers => self.computers = text,
            Field::Servers => self.servers = text,
            Field::DowntimeCost => self.downtime_cost = text,
            Field::RequiredResponse => self.required_response = text,
            Field::ExistingClient => {}
        }
    }

    /// Reads the form: the answers when every field is valid, else the rule each invalid field
    /// breaks. Choices and a response time the config does not offer are left out (see
    /// [`AnswerForm::reconcile`]).
    pub fn to_answers(&self, config: &Config, syntax: &NumberSyntax) -> Result<Answers, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut count = |field: Field| match parse_count_text(self.text(field), field, syntax) {
            Ok(n) => n,
            Err(rule) => {
                errors.push((field, rule));
                0
            }
        };
        let users = count(Field::Users);
        // Computers that follow people (the field hidden) are one per person.
        let follows = config.form.computers_follow_users && !config.form.computers.show;
        let computers = if follows { users } else { count(Field::Computers) };
        let servers = count(Field::Servers);
        let downtime_cost_per_hour = match parse_amount_text(&self.downtime_cost, syntax, config.minor_units) {
            Ok(m) => m,
            Err(rule) => {
                errors.push((Field::DowntimeCost, rule));
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut answers = Answers {
            users,
            computers,
            servers,
            existing_client: self.existing_client,
            required_response_hours: offered_response(config, &self.required_response),
            downtime_cost_per_hour,
            choices: self.choices.clone(),
        };
        answers.retain_known_choices(config);
        Ok(answers)
    }

    /// Drops what this config does not offer (a response time no plan has, a question it does
    /// not ask, an option it does not have) and says what was dropped, so that what the form
    /// shows is what the estimate computes.
    pub fn reconcile(&mut self, config: &Config) -> Vec<Dropped> {
        // A field the consultancy hides keeps its configured value, whatever a link says.
        let start = AnswerForm::starting(config);
        let f = &config.form;
        if !f.users.show {
            self.users = start.users.clone();
        }
        if !f.computers.show && !f.computers_follow_users {
            self.computers = start.computers.clone();
        }
        if !f.servers.show {
            self.servers = start.servers.clone();
        }
        if !f.existing_client.show {
            self.existing_client = start.existing_client;
        }
        if !f.response.show {
            self.required_response = start.required_response.clone();
        }
        if !f.downtime.show {
            self.downtime_cost.clear();
        }
        let mut dropped = Vec::new();
        let response = self.required_response.trim();
        if !response.is_empty() && offered_response(config, response).is_none() {
            dropped.push(Dropped::Response(response.chars().take(12).collect()));
            self.required_response.clear();
        }
        let before: Vec<String> = self.choices.keys().cloned().collect();
        self.choices.retain(|id, i| config.question(id).is_some_and(|q| *i < q.options.len()));
        for id in before {
            if !self.choices.contains_key(&id) {
                dropped.push(Dropped::Choice(id.chars().take(40).collect()));
            }
        }
        dropped
    }

    /// The form as JSON, for saving in the browser.
    pub fn to_json(&self) -> Value {
        let choices = Object(self.choices.iter().map(|(k, v)| (k.clone(), Value::from(*v))).collect());
        Value::Object(
            Object::default()
                .with("users", self.users.as_str())
                .with("computers", self.computers.as_str())
                .with("servers", self.servers.as_str())
                .with("existing_client", self.existing_client)
                .with("required_response", self.required_response.as_str())
                .with("downtime_cost", self.downtime_cost.as_str())
                .with("choices", choices),
        )
    }

    /// Reads a saved form; anything unreadable (an older format, a corrupt entry) gives `None`
    /// or, field by field, the default.
    pub fn from_json(text: &str) -> Option<AnswerForm> {
        let v = json::parse(text).ok()?;
        let m = v.as_object()?;
        let base = AnswerForm::default();
        let text_field = |key: &str, default: &str| -> String {
            match m.get(key) {
                Some(Value::String(s)) => s.chars().take(40).collect(),
                Some(Value::Number(n)) => n.as_str().chars().take(40).collect(),
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
        for (id, i) in self.choices.iter() {
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
        // A fragment is typed or tampered with by anyone: read a bounded number of pairs.
        for pair in f.split('&').take(64) {
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
                        form.choices.insert(decode(id).chars().take(40).collect(), i);
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

/// The response time in `text` when one of the config's plans offers it.
fn offered_response(config: &Config, text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let Ok(Value::Number(n)) = json::parse(t) else { return None };
    let hours = Decimal::from_number(&n)?;
    config.response_choices().contains(&hours).then_some(hours)
}

fn read_choices(v: Option<&Value>) -> Choices {
    let mut out = Choices::default();
    if let Some(Value::Object(m)) = v {
        for (k, v) in m.0.iter().take(64) {
            if let Some(i) = v.as_u64().and_then(|i| usize::try_from(i).ok()) {
                out.insert(k.chars().take(40).collect(), i);
            }
        }
    }
    out
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Reverses [`encode`]; malformed escapes are kept as they are.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
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
        let odd = AnswerForm { users: "1 0%&=".into(), ..form() };
        assert_eq!(AnswerForm::from_fragment(&odd.to_fragment()), Some(odd));
    }

    #[test]
    fn saved_json_round_trips_and_corrupt_is_ignored() {
        let f = form();
        assert_eq!(AnswerForm::from_json(&f.to_json().to_json_string()), Some(f));
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
    fn any_invalid_field_means_no_answers_and_each_is_named() {
        let config = Config::shipped();
        let mut f = form();
        assert!(f.to_answers(&config, &NumberSyntax::default()).is_ok());
        f.users = "abc".into();
        f.servers = "-1".into();
        let errors = f.to_answers(&config, &NumberSyntax::default()).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec![Field::Users, Field::Servers]);
    }

    #[test]
    fn choices_and_responses_the_config_does_not_offer_are_dropped_and_said() {
        let config = Config::shipped();
        let mut f = form();
        f.choices.insert("gone".into(), 1);
        f.choices.insert("payment".into(), 99);
        f.required_response = "2".into();
        let a = f.to_answers(&config, &NumberSyntax::default()).unwrap();
        assert_eq!(a.choices.len(), 1);
        assert_eq!(a.choices.get("partner"), Some(&2));
        assert_eq!(a.required_response_hours, None, "2 hours is not offered, so it is not computed");
        let dropped = f.reconcile(&config);
        assert_eq!(
            dropped,
            vec![Dropped::Response("2".into()), Dropped::Choice("gone".into()), Dropped::Choice("payment".into())]
        );
        assert_eq!(f.required_response, "");
        assert_eq!(f.reconcile(&config), vec![]);
    }

    #[test]
    fn decoding_never_panics_on_malformed_escapes() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%41%e9"), "A\u{fffd}");
        assert_eq!(decode("a+b"), "a b");
    }
}
