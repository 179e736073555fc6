//! Leads: the `lead` config section (where and how the widget sends a prospect's estimate), the
//! contact form as the prospect typed it with one problem per field, and the payload in the two
//! documented formats. Sending itself is the widget's; everything it sends is decided here.

use super::answers::Answers;
use super::config::{fields, is_email, is_web_address, limits};
use super::form::encode;
use super::json::{Object, Value};
use super::problem::{join, Rule};
use super::read::Reader;
use super::report::Report;

/// How the widget posts a lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadFormat {
    /// `application/json`: the whole payload as one document.
    Json,
    /// `application/x-www-form-urlencoded`: flat keys, for form services and simple scripts.
    Form,
}

/// Whether a contact field is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Shown, and must be filled in.
    Required,
    /// Shown, may be left empty.
    Optional,
    /// Not shown.
    Hidden,
}

/// A field of the contact form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    /// The prospect's name.
    Name,
    /// Their email address (always required: it is how the consultancy replies).
    Email,
    /// Their phone number.
    Phone,
    /// Their company.
    Company,
    /// A message.
    Message,
}

impl ContactField {
    /// Every field, in the order the form shows them.
    pub const ALL: [ContactField; 5] =
        [ContactField::Name, ContactField::Email, ContactField::Phone, ContactField::Company, ContactField::Message];

    /// The field's name in the config and the payload.
    pub fn name(self) -> &'static str {
        match self {
            ContactField::Name => "name",
            ContactField::Email => "email",
            ContactField::Phone => "phone",
            ContactField::Company => "company",
            ContactField::Message => "message",
        }
    }

    /// The longest text the field takes.
    pub fn max_len(self) -> usize {
        match self {
            ContactField::Message => 2_000,
            _ => 200,
        }
    }
}

/// The `lead` section: where a prospect's estimate is sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    /// The address the widget POSTs to (`https:`, or `http:` on `localhost`/`127.0.0.1`).
    pub endpoint: String,
    /// The body's format.
    pub format: LeadFormat,
    /// Which contact fields are asked for, in [`ContactField::ALL`] order.
    pub fields: [Ask; 5],
    /// When not empty, a checkbox with this sentence must be ticked before sending.
    pub consent: String,
    /// The consultancy's privacy notice, linked beside the consent.
    pub privacy_url: String,
    /// A "book a call" link shown with the result; may be empty.
    pub booking_url: String,
}

impl Lead {
    /// How the form asks for `field`.
    pub fn ask(&self, field: ContactField) -> Ask {
        self.fields[field as usize]
    }
}

/// An address the widget may post a lead to: `https:` anywhere, `http:` only on this machine
/// (for testing).
pub fn is_lead_endpoint(s: &str) -> bool {
    if !is_web_address(s) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    match lower.strip_prefix("http://") {
        None => true,
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
            let name = if host.starts_with('[') { host } else { host.split(':').next().unwrap_or("") };
            name == "localhost" || name == "127.0.0.1"
        }
    }
}

/// Reads the `lead` section; `None` when the config has none (no form is shown then).
pub fn read(r: &mut Reader, v: Option<&Value>) -> Option<Lead> {
    const KNOWN: &[&str] = fields::LEAD;
    let v = v?;
    if matches!(v, Value::Null) {
        return None;
    }
    let m = r.object(v, "lead")?;
    r.note_unknown(m, "lead", KNOWN);
    let endpoint = r.text(m, "lead", "endpoint", true, limits::ADDRESS_LEN);
    if !endpoint.is_empty() && !is_lead_endpoint(&endpoint) {
        r.problem_with_hint(
            "lead.endpoint",
            Rule::BadAddress { expected: "an https: address", got: endpoint.clone() },
            Some("http: only on localhost or 127.0.0.1, for testing"),
        );
    }
    let format = match r.word(m, "lead", "format", fields::LEAD_FORMATS, 0) {
        1 => LeadFormat::Form,
        _ => LeadFormat::Json,
    };
    let mut fields = [Ask::Required, Ask::Required, Ask::Optional, Ask::Optional, Ask::Optional];
    if let Some(fv) = m.get("fields") {
        if let Some(fm) = r.object(fv, "lead.fields") {
            let names: Vec<&'static str> = ContactField::ALL.iter().map(|f| f.name()).collect();
            r.note_unknown(fm, "lead.fields", &names);
            for f in ContactField::ALL {
                let default = fields[f as usize] as usize;
                fields[f as usize] = match r.word(fm, "lead.fields", f.name(), fields::ASK, default) {
                    0 => Ask::Required,
                    1 => Ask::Optional,
                    _ => Ask::Hidden,
                };
            }
            if fields[ContactField::Email as usize] != Ask::Required {
                r.problem_with_hint(
                    "lead.fields.email",
                    Rule::OneOf { allowed: &["required"], got: ["required", "optional", "hidden"][fields[1] as usize].to_string() },
                    Some("a lead needs an email address to reply to"),
                );
            }
        }
    }
    let consent = r.text(m, "lead", "consent", false, 600);
    let url = |r: &mut Reader, key: &str| {
        let value = r.text(m, "lead", key, false, limits::ADDRESS_LEN);
        if !value.is_empty() && !is_web_address(&value) {
            r.problem(join("lead", key), Rule::BadAddress { expected: "an https: or http: address", got: value.clone() });
        }
        value
    };
    let privacy_url = url(r, "privacy_url");
    let booking_url = url(r, "booking_url");
    Some(Lead { endpoint, format, fields, consent, privacy_url, booking_url })
}

/// The contact form as the prospect typed it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactForm {
    /// The text of each field, in [`ContactField::ALL`] order.
    pub values: [String; 5],
    /// Whether the consent box is ticked.
    pub consent: bool,
}

impl ContactForm {
    /// The text typed into `field`.
    pub fn get(&self, field: ContactField) -> &str {
        &self.values[field as usize]
    }

    /// Sets the text of `field`.
    pub fn set(&mut self, field: ContactField, text: String) {
        self.values[field as usize] = text;
    }

    /// The problems that keep this form from being sent, one per field (and the consent), in
    /// the order the form shows them; empty when it can be sent.
    pub fn problems(&self, lead: &Lead) -> Vec<(Option<ContactField>, Rule)> {
        let mut out = Vec::new();
        for f in ContactField::ALL {
            let ask = lead.ask(f);
            if ask == Ask::Hidden {
                continue;
            }
            let text = self.get(f).trim();
            if text.is_empty() {
                if ask == Ask::Required {
                    out.push((Some(f), Rule::Required));
                }
                continue;
            }
            if text.chars().count() > f.max_len() {
                out.push((Some(f), Rule::TooLong { max: f.max_len() }));
            } else if f == ContactField::Email && !is_email(text) {
                out.push((Some(f), Rule::BadEmail { got: text.to_string() }));
            }
        }
        if !lead.consent.is_empty() && !self.consent {
            out.push((None, Rule::Required));
        }
        out
    }

    /// The form as JSON, for keeping what was typed until it is sent.
    pub fn to_json(&self) -> Value {
        let mut o = Object::default();
        for f in ContactField::ALL {
            o.insert(f.name(), self.get(f));
        }
        Value::Object(o.with("consent", self.consent))
    }

    /// Reads a kept form; anything unreadable gives an empty form.
    pub fn from_json(text: &str) -> ContactForm {
        let Ok(v) = super::json::parse(text) else { return ContactForm::default() };
        let mut form = ContactForm::default();
        for f in ContactField::ALL {
            if let Some(s) = v.get(f.name()).and_then(Value::as_str) {
                form.set(f, s.chars().take(f.max_len()).collect());
            }
        }
        form.consent = v.get("consent").and_then(Value::as_bool).unwrap_or(false);
        form
    }
}

/// The UTM parameters of the host page's address.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Utm {
    /// `utm_source`.
    pub source: String,
    /// `utm_medium`.
    pub medium: String,
    /// `utm_campaign`.
    pub campaign: String,
    /// `utm_term`.
    pub term: String,
    /// `utm_content`.
    pub content: String,
}

impl Utm {
    /// The UTM parameters in a URL's query (before any `#`).
    pub fn from_url(url: &str) -> Utm {
        let query = url.split('#').next().unwrap_or("").split_once('?').map_or("", |(_, q)| q);
        let mut utm = Utm::default();
        for pair in query.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v: String = super::form::decode(v).chars().take(200).collect();
            match k {
                "utm_source" => utm.source = v,
                "utm_medium" => utm.medium = v,
                "utm_campaign" => utm.campaign = v,
                "utm_term" => utm.term = v,
                "utm_content" => utm.content = v,
                _ => {}
            }
        }
        utm
    }

    fn pairs(&self) -> [(&'static str, &str); 5] {
        [
            ("source", &self.source),
            ("medium", &self.medium),
            ("campaign", &self.campaign),
            ("term", &self.term),
            ("content", &self.content),
        ]
    }
}

/// The host page a lead came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageInfo {
    /// The page's address.
    pub url: String,
    /// The page that linked to it.
    pub referrer: String,
}

/// Everything a lead carries besides the estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadContext<'a> {
    /// The host page.
    pub page: &'a PageInfo,
    /// When the prospect sent it, ISO 8601 in UTC.
    pub submitted_at: &'a str,
    /// The plain-text summary the email carries.
    pub summary: &'a str,
}

/// The version written into every lead.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The lead as the documented JSON document.
pub fn payload(lead: &Lead, form: &ContactForm, answers: &Answers, report: &Report, cx: &LeadContext) -> Value {
    let mut contact = Object::default();
    for f in ContactField::ALL {
        let text = if lead.ask(f) == Ask::Hidden { "" } else { form.get(f).trim() };
        contact.insert(f.name(), text);
    }
    let utm = Utm::from_url(&cx.page.url);
    let mut utm_obj = Object::default();
    for (k, v) in utm.pairs() {
        utm_obj.insert(k, v);
    }
    Value::Object(
        Object::default()
            .with("contact", contact)
            // `null` when the consultancy asked for no consent: no box was shown, none was given.
            .with("consent", if lead.consent.is_empty() { Value::Null } else { Value::Bool(form.consent) })
            .with("answers", answers.to_json(report.minor_units))
            .with("report", report.to_shared_json())
            .with("summary", cx.summary)
            .with(
                "page",
                Object::default()
                    .with("url", cx.page.url.as_str())
                    .with("referrer", cx.page.referrer.as_str())
                    .with("utm", utm_obj),
            )
            .with("submitted_at", cx.submitted_at)
            .with("version", VERSION),
    )
}

/// The body to post and its content type, in the configured format.
pub fn body(lead: &Lead, document: &Value, report: &Report) -> (&'static str, String) {
    match lead.format {
        LeadFormat::Json => ("application/json", document.to_json_string()),
        LeadFormat::Form => ("application/x-www-form-urlencoded", form_body(document, report)),
    }
}

/// The flat keys of the form format, from the JSON document.
fn form_body(doc: &Value, report: &Report) -> String {
    let text = |v: Option<&Value>| -> String {
        match v {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_json_string(),
        }
    };
    let get = |path: &[&str]| -> Option<&Value> { path.iter().try_fold(doc, |v, k| v.get(k)) };
    let recommended = report.recommended_plan();
    let verdict = report.verdict();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for f in ContactField::ALL {
        pairs.push((f.name().to_string(), text(get(&["contact", f.name()]))));
    }
    pairs.push(("consent".into(), text(get(&["consent"]))));
    pairs.push(("summary".into(), text(get(&["summary"]))));
    pairs.push(("score".into(), if verdict.is_some() { report.score.to_string() } else { String::new() }));
    pairs.push(("band".into(), verdict.map(|b| b.id.to_string()).unwrap_or_default()));
    pairs.push(("recommendation".into(), if recommended.is_some() { "plan".into() } else { "payg".into() }));
    pairs.push(("plan_id".into(), recommended.map(|p| p.id.to_string()).unwrap_or_default()));
    pairs.push((
        "monthly".into(),
        recommended.map(|p| p.price.monthly.to_major_text(report.minor_units)).unwrap_or_default(),
    ));
    pairs.push(("currency".into(), report.currency.to_string()));
    for k in ["users", "computers", "servers"] {
        pairs.push((k.into(), text(get(&["answers", k]))));
    }
    pairs.push(("page_url".into(), text(get(&["page", "url"]))));
    pairs.push(("referrer".into(), text(get(&["page", "referrer"]))));
    for k in ["source", "medium", "campaign", "term", "content"] {
        pairs.push((format!("utm_{k}"), text(get(&["page", "utm", k]))));
    }
    pairs.push(("submitted_at".into(), text(get(&["submitted_at"]))));
    pairs.push(("version".into(), text(get(&["version"]))));
    pairs.push(("report_json".into(), get(&["report"]).map(Value::to_json_string).unwrap_or_default()));
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, json, Config};

    fn config(lead: &str) -> Result<Config, crate::model::Problems> {
        Config::from_json(&format!(r#"{{"lead": {lead}}}"#))
    }

    #[test]
    fn endpoints_are_https_or_this_machine() {
        assert!(is_lead_endpoint("https://forms.example.net/f/abc123"));
        assert!(is_lead_endpoint("http://localhost:8787/lead"));
        assert!(is_lead_endpoint("http://127.0.0.1/lead"));
        assert!(!is_lead_endpoint("http://example.com/lead"));
        assert!(!is_lead_endpoint("http://localhost.example.com/lead"));
        assert!(!is_lead_endpoint("http://user@example.com@localhost.evil/"));
        assert!(!is_lead_endpoint("javascript:alert(1)"));
        assert!(!is_lead_endpoint("//forms.example.net/f"));
        assert!(!is_lead_endpoint("ftp://x.example/"));
    }

    #[test]
    fn the_section_is_read_with_its_defaults_and_checked() {
        let c = config(r#"{"endpoint": "https://f.example/x"}"#).unwrap();
        let lead = c.lead.unwrap();
        assert_eq!(lead.format, LeadFormat::Json);
        assert_eq!(lead.ask(ContactField::Name), Ask::Required);
        assert_eq!(lead.ask(ContactField::Phone), Ask::Optional);
        assert!(Config::from_json("{}").unwrap().lead.is_none());
        let bad = config(r#"{"endpoint": "javascript:alert(1)", "format": "xml", "fields": {"email": "hidden", "phone": "maybe"},
            "privacy_url": "javascript:x"}"#)
        .unwrap_err()
        .to_string();
        assert!(bad.contains("lead.endpoint: must be an https: address, got \"javascript:alert(1)\""), "{bad}");
        assert!(bad.contains("lead.format: must be one of \"json\", \"form\", got \"xml\""), "{bad}");
        assert!(bad.contains("lead.fields.email: must be one of \"required\""), "{bad}");
        assert!(bad.contains("lead.fields.phone: must be one of \"required\", \"optional\", \"hidden\", got \"maybe\""), "{bad}");
        assert!(bad.contains("lead.privacy_url"), "{bad}");
        assert!(config(r#"{"format": "json"}"#).unwrap_err().to_string().contains("lead.endpoint: is required"));
        assert!(config(r#"{"endpoint": "http://example.com/x"}"#).is_err());
    }

    #[test]
    fn a_form_is_sent_only_complete_with_a_real_email_and_consent() {
        let lead = config(r#"{"endpoint": "https://f.example/x", "consent": "I agree."}"#).unwrap().lead.unwrap();
        let mut f = ContactForm::default();
        let fields: Vec<Option<ContactField>> = f.problems(&lead).iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec![Some(ContactField::Name), Some(ContactField::Email), None]);
        f.set(ContactField::Name, "Ann".into());
        f.set(ContactField::Email, "ann@example".into());
        f.consent = true;
        assert_eq!(f.problems(&lead), vec![(Some(ContactField::Email), Rule::BadEmail { got: "ann@example".into() })]);
        f.set(ContactField::Email, "ann@dental.example".into());
        assert!(f.problems(&lead).is_empty());
        assert_eq!(ContactForm::from_json(&f.to_json().to_json_string()), f);
    }

    #[test]
    fn utm_parameters_come_from_the_host_address() {
        let utm = Utm::from_url("https://x.example/p?a=1&utm_source=news%20letter&utm_medium=email&utm_campaign=spring#utm_term=no");
        assert_eq!(utm.source, "news letter");
        assert_eq!(utm.medium, "email");
        assert_eq!(utm.campaign, "spring");
        assert_eq!(utm.term, "");
    }

    #[test]
    fn the_payload_has_every_documented_field_in_both_formats() {
        let c = config(r#"{"endpoint": "https://f.example/x", "format": "form", "consent": "OK?", "fields": {"company": "hidden"}}"#).unwrap();
        let lead = c.lead.clone().unwrap();
        let answers = Answers { users: 12, ..Answers::default() };
        let report = evaluate(&c, &answers);
        let mut f = ContactForm::default();
        f.set(ContactField::Name, "Ann Lee".into());
        f.set(ContactField::Email, "ann@dental.example".into());
        f.set(ContactField::Company, "should not be sent".into());
        f.consent = true;
        let page = PageInfo { url: "https://x.example/?utm_source=ads".into(), referrer: "https://search.example/".into() };
        let cx = LeadContext { page: &page, submitted_at: "2026-11-22T10:00:00.000Z", summary: "Hello" };
        let doc = payload(&lead, &f, &answers, &report, &cx);
        let parsed = json::parse(&doc.to_json_string()).unwrap();
        assert_eq!(parsed.get("contact").and_then(|c| c.get("name")).and_then(Value::as_str), Some("Ann Lee"));
        assert_eq!(parsed.get("contact").and_then(|c| c.get("company")).and_then(Value::as_str), Some(""));
        assert_eq!(parsed.get("consent").and_then(Value::as_bool), Some(true));
        assert_eq!(parsed.get("page").and_then(|p| p.get("utm")).and_then(|u| u.get("source")).and_then(Value::as_str), Some("ads"));
        assert_eq!(parsed.get("version").and_then(Value::as_str), Some(VERSION));
        assert!(parsed.get("report").and_then(|r| r.get("band")).is_some_and(|b| *b == Value::Null), "no verdict yet");
        let (content_type, body) = body(&lead, &doc, &report);
        assert_eq!(content_type, "application/x-www-form-urlencoded");
        for key in ["name=Ann%20Lee", "email=ann%40dental.example", "consent=true", "summary=Hello", "score=&", "band=&",
            "recommendation=plan", "plan_id=essential", "monthly=1170", "currency=USD", "users=12", "utm_source=ads",
            "submitted_at=2026-11-22T10%3A00%3A00.000Z", "report_json=%7B"] {
            assert!(body.contains(key), "{key} missing from {body}");
        }
    }
}
