//! The consultancy's config: company, currency, rates, workload, plans, fit questions and bands,
//! read from JSON with every problem named by its path, and the default config shipped with the
//! product.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::money::{Decimal, Money};
use super::problem::{index, join, Problem, Problems, Rule};
use super::read::{parse_json, Range, Reader};

/// The shipped default config, as the JSON text a consultancy can start from.
pub const DEFAULT_CONFIG_JSON: &str = include_str!("../../config/default.json");

/// Who is offering the contract.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Company {
    /// The name shown to prospects ("Northwind IT").
    pub name: String,
    /// Where "Email this estimate" writes to; empty hides that button.
    pub email: String,
    /// A phone number shown beside the next steps; may be empty.
    pub phone: String,
    /// The consultancy's website; may be empty.
    pub website: String,
    /// A logo shown above the calculator (same origin, or `https:`); may be empty.
    pub logo_url: String,
}

/// The widget's colours, where the consultancy sets them; everything else is themed in CSS.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Theme {
    /// The accent colour on light backgrounds (`#1f5fbf`); empty keeps the widget's own.
    pub accent: String,
    /// The accent colour on dark backgrounds; empty keeps the widget's own.
    pub accent_dark: String,
}

/// Time-and-materials rates and the terms of pay-as-you-go work.
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    /// R: the standard hourly rate.
    pub hourly: Money,
    /// M: emergency work without a contract is billed at `hourly * priority_multiplier`.
    pub priority_multiplier: Decimal,
    /// W: the typical wait for a response without a contract (never guaranteed).
    pub payg_response_hours: Decimal,
    /// d: the discount an existing client gets for converting to a contract.
    pub existing_client_discount: Decimal,
}

/// How much support a business needs, per year.
#[derive(Debug, Clone, PartialEq)]
pub struct Workload {
    /// Support hours per person who uses a computer.
    pub hours_per_user: Decimal,
    /// Support hours per computer.
    pub hours_per_computer: Decimal,
    /// Support hours per server.
    pub hours_per_server: Decimal,
    /// e: the share of support hours that are emergencies.
    pub emergency_share: Decimal,
    /// The average length of one emergency, in hours.
    pub hours_per_incident: Decimal,
    /// The cost of one person unable to work for an hour.
    pub downtime_cost_per_user_hour: Money,
    /// The share of the staff an average emergency stops.
    pub incident_impact: Decimal,
}

/// One contract plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// A stable id (`essential`), used in answers and reports.
    pub id: String,
    /// The name shown to prospects.
    pub name: String,
    /// One line saying who the plan is for; may be empty.
    pub description: String,
    /// The guaranteed response time, in hours.
    pub response_hours: Decimal,
    /// Monthly price per person who uses a computer.
    pub per_user: Money,
    /// Monthly price per computer.
    pub per_computer: Money,
    /// Monthly price per server.
    pub per_server: Money,
    /// The least the plan costs per month.
    pub minimum_monthly: Money,
    /// What the plan includes, one line each.
    pub features: Vec<String>,
}

/// One answer a prospect can give to a fit question.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// The answer as the prospect reads it.
    pub label: String,
    /// How much this answer speaks for (positive) or against (negative) a contract.
    pub points: i64,
    /// Why, in the prospect's words; shown among the reasons for or against.
    pub reason: String,
}

/// One fit question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// A stable id, used as the key in `choices`.
    pub id: String,
    /// The question.
    pub text: String,
    /// A line of help under the question; may be empty.
    pub help: String,
    /// The answers to choose from.
    pub options: Vec<ChoiceOption>,
}

/// What a band recommends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recommend {
    /// Recommend a contract plan.
    Contract,
    /// Recommend paying per job, said plainly.
    Payg,
}

impl Recommend {
    /// The word used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Recommend::Contract => "contract",
            Recommend::Payg => "payg",
        }
    }
}

/// A range of fit scores with its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// A stable id (`strong`).
    pub id: String,
    /// The lowest score in this band.
    pub min_score: i64,
    /// The verdict shown to prospects ("Strong fit").
    pub label: String,
    /// A sentence or two that explains the verdict.
    pub message: String,
    /// Whether this band recommends a contract or paying per job.
    pub recommend: Recommend,
}

/// A consultancy's complete, validated config.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Who is offering the contract.
    pub company: Company,
    /// ISO 4217 currency code.
    pub currency: String,
    /// How many decimals the currency has.
    pub minor_units: u8,
    /// BCP 47 locale for formatting and the page language.
    pub locale: String,
    /// Hourly rates and pay-as-you-go terms.
    pub rates: Rates,
    /// The support workload model.
    pub workload: Workload,
    /// The contract plans, in the order shown.
    pub plans: Vec<Plan>,
    /// The fit questions, in the order asked.
    pub questions: Vec<Question>,
    /// The fit bands (any order in the file; kept sorted by `min_score`, highest first).
    pub bands: Vec<Band>,
    /// Overrides for the widget's wording, by text key.
    pub texts: BTreeMap<String, String>,
    /// Colours the consultancy sets.
    pub theme: Theme,
    /// Fields that were not understood and are ignored, for the site owner to review.
    pub warnings: Vec<Problem>,
}

/// Limits that keep every figure of the estimate in range.
mod limits {
    pub const MONEY_MAX: f64 = 10_000_000.0;
    pub const HOURS_MAX: f64 = 8_760.0;
    pub const WORK_HOURS_MAX: f64 = 1_000.0;
    pub const PLANS_MAX: usize = 12;
    pub const QUESTIONS_MAX: usize = 20;
    pub const OPTIONS_MAX: usize = 10;
    pub const FEATURES_MAX: usize = 20;
    pub const BANDS_MAX: usize = 10;
    pub const POINTS_MAX: f64 = 100.0;
    pub const SHORT: usize = 120;
    pub const LONG: usize = 600;
}

const TOP_FIELDS: &[&str] = &[
    "company", "currency", "minor_units", "locale", "rates", "workload", "plans", "questions",
    "bands", "texts", "theme",
];

fn default_json() -> &'static Value {
    static DEFAULT: OnceLock<Value> = OnceLock::new();
    DEFAULT.get_or_init(|| serde_json::from_str(DEFAULT_CONFIG_JSON).unwrap_or(Value::Null))
}

/// Lays the consultancy's fields over the default config: objects merge field by field, lists and
/// values replace. `company` replaces as a whole so that no default contact details leak into a
/// consultancy's own page.
fn overlay(base: &Value, own: &Value) -> Value {
    match (base, own) {
        (Value::Object(b), Value::Object(o)) => {
            let mut out = b.clone();
            for (k, v) in o {
                let merged = match b.get(k) {
                    Some(bv) if k != "company" => overlay(bv, v),
                    _ => v.clone(),
                };
                out.insert(k.clone(), merged);
            }
            Value::Object(out)
        }
        _ => own.clone(),
    }
}

impl Config {
    /// The default config shipped with the product.
    pub fn shipped() -> Config {
        static SHIPPED: OnceLock<Config> = OnceLock::new();
        SHIPPED
            .get_or_init(|| {
                Config::from_value(default_json())
                    .expect("the shipped default config is valid (a test proves it)")
            })
            .clone()
    }

    /// Reads a config from JSON text: every problem, with its path, or the config.
    pub fn from_json(text: &str) -> Result<Config, Problems> {
        Config::from_value(&parse_json(text)?)
    }

    /// Reads a config from a parsed JSON document; missing fields take the default config's values.
    pub fn from_value(own: &Value) -> Result<Config, Problems> {
        let mut r = Reader::default();
        let Some(own_obj) = r.object(own, "") else {
            return Err(r.problems);
        };
        r.note_unknown(own_obj, "", TOP_FIELDS);
        let merged = overlay(default_json(), own);
        let obj = match &merged {
            Value::Object(m) => m,
            _ => return Err(r.problems),
        };

        let company = read_company(&mut r, obj);
        // A currency or locale of the wrong type, missing or too long has its problem already.
        let before = r.problems.0.len();
        let currency = r.text(obj, "", "currency", true, 3);
        if r.problems.0.len() == before && !(currency.len() == 3 && currency.chars().all(|c| c.is_ascii_uppercase())) {
            r.problem("currency", Rule::BadCurrency { got: currency.clone() });
        }
        // A config that names its currency but not its decimals gets the currency's own (JPY 0, KWD 3).
        let own_minor_units = own_obj.contains_key("minor_units") || !own_obj.contains_key("currency");
        let minor_units = if own_minor_units {
            r.integer(obj, "", "minor_units", Some(2), Range::closed(0.0, 4.0)) as u8
        } else {
            currency_minor_units(&currency)
        };
        let before = r.problems.0.len();
        let locale = r.text(obj, "", "locale", true, 35);
        if r.problems.0.len() == before && !is_language_tag(&locale) {
            r.problem("locale", Rule::BadLocale { got: locale.clone() });
        }
        let rates = read_rates(&mut r, obj, minor_units);
        let workload = read_workload(&mut r, obj, minor_units);
        let plans = read_plans(&mut r, obj, minor_units);
        let questions = read_questions(&mut r, obj);
        let bands = read_bands(&mut r, obj);
        let texts = read_texts(&mut r, obj);
        r.problems.0.extend(super::texts::check(&texts));
        let theme = read_theme(&mut r, obj);

        let warnings = std::mem::take(&mut r.unknown);
        r.problems.into_result(Config {
            company,
            currency,
            minor_units,
            locale,
            rates,
            workload,
            plans,
            questions,
            bands,
            texts,
            theme,
            warnings,
        })
    }

    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// A loose BCP 47 check: letter subtags then letter/digit subtags, joined by `-`.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The object under `key`, reporting a wrong type and its unknown fields.
fn section<'v>(
    r: &mut Reader,
    obj: &'v Map<String, Value>,
    key: &str,
    known: &[&str],
) -> Option<&'v Map<String, Value>> {
    let v = obj.get(key)?;
    let m = r.object(v, key)?;
    r.note_unknown(m, key, known);
    Some(m)
}

/// The decimals of a currency per ISO 4217, for configs that do not say; 2 for all others.
pub fn currency_minor_units(code: &str) -> u8 {
    match code {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        "CLF" | "UYW" => 4,
        _ => 2,
    }
}

/// A colour the widget can use safely in CSS: `#rgb` or `#rrggbb`.
fn is_hex_colour(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|h| (h.len() == 3 || h.len() == 6) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Black or white, whichever reads better on the `#rgb`/`#rrggbb` colour `hex` (WCAG luminance).
pub fn readable_text_on(hex: &str) -> &'static str {
    let h = hex.trim_start_matches('#');
    let digits: Vec<u8> = match h.len() {
        3 => h.chars().filter_map(|c| c.to_digit(16)).map(|d| (d * 17) as u8).collect(),
        6 => (0..3).filter_map(|i| u8::from_str_radix(h.get(i * 2..i * 2 + 2)?, 16).ok()).collect(),
        _ => Vec::new(),
    };
    let [r, g, b] = digits[..] else { return "#ffffff" };
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    // Contrast with white is (1.05)/(L+0.05); with black (L+0.05)/0.05: pick the larger.
    if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 { "#ffffff" } else { "#000000" }
}

/// A URL the widget may load an image from: a path on the same site, or `https:`.
fn is_safe_image_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let has_scheme = lower.split_once(':').is_some_and(|(scheme, _)| !scheme.contains('/'));
    !s.chars().any(|c| c.is_whitespace() || "\"<>'`".contains(c)) && (!has_scheme || lower.starts_with("https:"))
}

fn read_theme(r: &mut Reader, obj: &Map<String, Value>) -> Theme {
    const KNOWN: &[&str] = &["accent", "accent_dark"];
    let Some(t) = section(r, obj, "theme", KNOWN) else {
        return Theme::default();
    };
    let colour = |r: &mut Reader, key: &str| {
        let value = r.text(t, "theme", key, false, 7);
        if !value.is_empty() && !is_hex_colour(&value) {
            r.problem(join("theme", key), Rule::WrongType { expected: "a colour like \"#1f5fbf\"", got: "something else" });
        }
        value
    };
    Theme { accent: colour(r, "accent"), accent_dark: colour(r, "accent_dark") }
}

fn read_company(r: &mut Reader, obj: &Map<String, Value>) -> Company {
    const KNOWN: &[&str] = &["name", "email", "phone", "website", "logo_url"];
    let Some(c) = section(r, obj, "company", KNOWN) else {
        return Company::default();
    };
    let company = Company {
        name: r.text(c, "company", "name", true, limits::SHORT),
        email: r.text(c, "company", "email", false, limits::SHORT),
        phone: r.text(c, "company", "phone", false, 40),
        website: r.text(c, "company", "website", false, limits::SHORT),
        logo_url: r.text(c, "company", "logo_url", false, 500),
    };
    if !company.logo_url.is_empty() && !is_safe_image_url(&company.logo_url) {
        r.problem(
            "company.logo_url",
            Rule::WrongType { expected: "a path on this site or an https: address", got: "another kind of address" },
        );
    }
    if !company.email.is_empty() && !looks_like_email(&company.email) {
        r.problem(
            "company.email",
            Rule::WrongType { expected: "an email address", got: "text without one" },
        );
    }
    company
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && host.contains('.') && !s.chars().any(|c| c.is_whitespace() || "<>,;\"".contains(c))
        }
        None => false,
    }
}

fn read_rates(r: &mut Reader, obj: &Map<String, Value>, mu: u8) -> Rates {
    const KNOWN: &[&str] = &["hourly", "priority_multiplier", "payg_response_hours", "existing_client_discount"];
    // A `rates` that is not an object has its problem already; its fields are not "required" too.
    let Some(s) = section(r, obj, "rates", KNOWN) else {
        return Rates {
            hourly: Money::ZERO,
            priority_multiplier: Decimal::ONE,
            payg_response_hours: Decimal::ONE,
            existing_client_discount: Decimal::ZERO,
        };
    };
    let p = "rates";
    Rates {
        hourly: r.money(s, p, "hourly", None, Range::closed(0.0, 1_000_000.0), mu),
        priority_multiplier: r.decimal(s, p, "priority_multiplier", None, Range::closed(1.0, 10.0)),
        payg_response_hours: r.decimal(s, p, "payg_response_hours", None, Range::closed(0.01, limits::HOURS_MAX)),
        existing_client_discount: r.decimal(s, p, "existing_client_discount", None, Range::closed(0.0, 1.0)),
    }
}

fn read_workload(r: &mut Reader, obj: &Map<String, Value>, mu: u8) -> Workload {
    const KNOWN: &[&str] = &[
        "hours_per_user", "hours_per_computer", "hours_per_server", "emergency_share",
        "hours_per_incident", "downtime_cost_per_user_hour", "incident_impact",
    ];
    // As for `rates`: one problem for a `workload` that is not an object.
    let Some(s) = section(r, obj, "workload", KNOWN) else {
        return Workload {
            hours_per_user: Decimal::ZERO,
            hours_per_computer: Decimal::ZERO,
            hours_per_server: Decimal::ZERO,
            emergency_share: Decimal::ZERO,
            hours_per_incident: Decimal::ONE,
            downtime_cost_per_user_hour: Money::ZERO,
            incident_impact: Decimal::ZERO,
        };
    };
    let p = "workload";
    let hours = Range::closed(0.0, limits::WORK_HOURS_MAX);
    Workload {
        hours_per_user: r.decimal(s, p, "hours_per_user", None, hours),
        hours_per_computer: r.decimal(s, p, "hours_per_computer", None, hours),
        hours_per_server: r.decimal(s, p, "hours_per_server", None, hours),
        emergency_share: r.decimal(s, p, "emergency_share", None, Range::closed(0.0, 1.0)),
        hours_per_incident: r.decimal(s, p, "hours_per_incident", None, Range::closed(0.01, limits::WORK_HOURS_MAX)),
        downtime_cost_per_user_hour: r.money(s, p, "downtime_cost_per_user_hour", None, Range::closed(0.0, 1_000_000.0), mu),
        incident_impact: r.decimal(s, p, "incident_impact", None, Range::closed(0.0, 1.0)),
    }
}

/// Checks that a list is present, not empty and not too long; yields its entries with paths.
fn entries<'v>(
    r: &mut Reader,
    obj: &'v Map<String, Value>,
    key: &str,
    max: usize,
) -> Vec<(String, &'v Map<String, Value>)> {
    let Some(list) = r.list(obj, "", key, true) else {
        return Vec::new();
    };
    if list.is_empty() {
        r.problem(key, Rule::EmptyList);
    } else if list.len() > max {
        r.problem(key, Rule::TooMany { max });
    }
    list.iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let path = index(key, i);
            r.object(v, &path).map(|m| (path, m))
        })
        .collect()
}

/// Reports ids that appear more than once, at the later entry.
fn check_unique(r: &mut Reader, ids: impl Iterator<Item = (String, String)>) {
    let mut seen = HashSet::new();
    for (path, id) in ids {
        if !id.is_empty() && !seen.insert(id.clone()) {
            r.problem(join(&path, "id"), Rule::Duplicate { id });
        }
    }
}

fn read_plans(r: &mut Reader, obj: &Map<String, Value>, mu: u8) -> Vec<Plan> {
    const KNOWN: &[&str] = &[
        "id", "name", "description", "response_hours", "per_user", "per_computer", "per_server",
        "minimum_monthly", "features",
    ];
    let price = Range::closed(0.0, limits::MONEY_MAX);
    let mut plans = Vec::new();
    let mut ids = Vec::new();
    for (path, m) in entries(r, obj, "plans", limits::PLANS_MAX) {
        r.note_unknown(m, &path, KNOWN);
        let id = r.id(m, &path);
        ids.push((path.clone(), id.clone()));
        let mut features = Vec::new();
        if let Some(list) = r.list(m, &path, "features", false) {
            if list.len() > limits::FEATURES_MAX {
                r.problem(join(&path, "features"), Rule::TooMany { max: limits::FEATURES_MAX });
            }
            for (i, f) in list.iter().enumerate() {
                let fpath = index(&join(&path, "features"), i);
                match f {
                    Value::String(s) if s.chars().count() <= limits::SHORT * 2 => features.push(s.trim().to_string()),
                    Value::String(_) => r.problem(fpath, Rule::TooLong { max: limits::SHORT * 2 }),
                    other => r.problem(fpath, Rule::WrongType { expected: "a string", got: super::read::type_name(other) }),
                }
            }
        }
        plans.push(Plan {
            id,
            name: r.text(m, &path, "name", true, limits::SHORT),
            description: r.text(m, &path, "description", false, limits::LONG),
            response_hours: r.decimal(m, &path, "response_hours", None, Range::closed(0.01, limits::HOURS_MAX)),
            per_user: r.money(m, &path, "per_user", Some(0.0), price, mu),
            per_computer: r.money(m, &path, "per_computer", Some(0.0), price, mu),
            per_server: r.money(m, &path, "per_server", Some(0.0), price, mu),
            minimum_monthly: r.money(m, &path, "minimum_monthly", Some(0.0), price, mu),
            features,
        });
    }
    check_unique(r, ids.into_iter());
    plans
}

fn read_questions(r: &mut Reader, obj: &Map<String, Value>) -> Vec<Question> {
    const KNOWN: &[&str] = &["id", "text", "help", "options"];
    const OPTION_KNOWN: &[&str] = &["label", "points", "reason"];
    let mut questions = Vec::new();
    let mut ids = Vec::new();
    // A config may ask no fit questions at all; then every prospect scores 0.
    let Some(list) = r.list(obj, "", "questions", false) else {
        return questions;
    };
    if list.len() > limits::QUESTIONS_MAX {
        r.problem("questions", Rule::TooMany { max: limits::QUESTIONS_MAX });
    }
    for (i, v) in list.iter().enumerate() {
        let path = index("questions", i);
        let Some(m) = r.object(v, &path) else { continue };
        r.note_unknown(m, &path, KNOWN);
        let id = r.id(m, &path);
        ids.push((path.clone(), id.clone()));
        let text = r.text(m, &path, "text", true, limits::LONG);
        let help = r.text(m, &path, "help", false, limits::LONG);
        let mut options = Vec::new();
        let opath = join(&path, "options");
        if let Some(opts) = r.list(m, &path, "options", true) {
            if opts.is_empty() {
                r.problem(opath.clone(), Rule::EmptyList);
            } else if opts.len() > limits::OPTIONS_MAX {
                r.problem(opath.clone(), Rule::TooMany { max: limits::OPTIONS_MAX });
            }
            for (j, ov) in opts.iter().enumerate() {
                let p = index(&opath, j);
                let Some(o) = r.object(ov, &p) else { continue };
                r.note_unknown(o, &p, OPTION_KNOWN);
                options.push(ChoiceOption {
                    label: r.text(o, &p, "label", true, limits::SHORT * 2),
                    points: r.integer(o, &p, "points", None, Range::closed(-limits::POINTS_MAX, limits::POINTS_MAX)),
                    reason: r.text(o, &p, "reason", false, limits::LONG),
                });
            }
        }
        questions.push(Question { id, text, help, options });
    }
    check_unique(r, ids.into_iter());
    questions
}

fn read_bands(r: &mut Reader, obj: &Map<String, Value>) -> Vec<Band> {
    const KNOWN: &[&str] = &["id", "min_score", "label", "message", "recommend"];
    let mut bands = Vec::new();
    let mut ids = Vec::new();
    let listed = entries(r, obj, "bands", limits::BANDS_MAX);
    let any_listed = !listed.is_empty();
    // The scores read without a problem: an unreadable min_score is neither a duplicate nor a 0.
    let mut scores: Vec<i64> = Vec::new();
    for (path, m) in listed {
        r.note_unknown(m, &path, KNOWN);
        let id = r.id(m, &path);
        ids.push((path.clone(), id.clone()));
        let before = r.problems.0.len();
        let min_score = r.integer(m, &path, "min_score", None, Range::closed(0.0, 100.0));
        if r.problems.0.len() == before {
            if scores.contains(&min_score) {
                r.problem(join(&path, "min_score"), Rule::DuplicateMinScore { score: min_score });
            }
            scores.push(min_score);
        }
        let recommend = match m.get("recommend") {
            None => Recommend::Contract,
            Some(Value::String(s)) if s == "contract" => Recommend::Contract,
            Some(Value::String(s)) if s == "payg" => Recommend::Payg,
            Some(other) => {
                let got = match other {
                    Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                r.problem(join(&path, "recommend"), Rule::OneOf { allowed: &["contract", "payg"], got });
                Recommend::Contract
            }
        };
        bands.push(Band {
            id,
            min_score,
            label: r.text(m, &path, "label", true, limits::SHORT),
            message: r.text(m, &path, "message", false, limits::LONG),
            recommend,
        });
    }
    check_unique(r, ids.into_iter());
    if any_listed && !scores.contains(&0) {
        r.problem("bands", Rule::NoZeroBand);
    }
    bands.sort_by_key(|b| std::cmp::Reverse(b.min_score));
    bands
}

fn read_texts(r: &mut Reader, obj: &Map<String, Value>) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    let Some(v) = obj.get("texts") else { return texts };
    let Some(m) = r.object(v, "texts") else { return texts };
    for (k, v) in m {
        let path = join("texts", k);
        match v {
            Value::String(s) if s.chars().count() <= 2_000 => {
                texts.insert(k.clone(), s.clone());
            }
            Value::String(_) => r.problem(path, Rule::TooLong { max: 2_000 }),
            other => r.problem(path, Rule::WrongType { expected: "a string", got: super::read::type_name(other) }),
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_currency_without_minor_units_gets_its_own_decimals() {
        assert_eq!(Config::from_json(r#"{"currency": "JPY"}"#).unwrap().minor_units, 0);
        assert_eq!(Config::from_json(r#"{"currency": "KWD"}"#).unwrap().minor_units, 3);
        assert_eq!(Config::from_json(r#"{"currency": "EUR"}"#).unwrap().minor_units, 2);
        assert_eq!(Config::from_json(r#"{"currency": "JPY", "minor_units": 2}"#).unwrap().minor_units, 2);
        // The default plans' prices are whole numbers, so they read in any currency.
        assert_eq!(Config::from_json("{}").unwrap().minor_units, 2);
    }

    #[test]
    fn accent_text_is_whichever_of_black_or_white_reads_better() {
        assert_eq!(readable_text_on("#1f5fbf"), "#ffffff");
        assert_eq!(readable_text_on("#ffeb3b"), "#000000");
        assert_eq!(readable_text_on("#fff"), "#000000");
        assert_eq!(readable_text_on("#000"), "#ffffff");
        assert_eq!(readable_text_on("nonsense"), "#ffffff");
    }

    #[test]
    fn theme_colours_and_logo_addresses_are_checked() {
        let ok = Config::from_json(r##"{"theme": {"accent": "#0a7", "accent_dark": "#88ccff"},
            "company": {"name": "A", "logo_url": "img/logo.svg"}}"##)
        .unwrap();
        assert_eq!(ok.theme.accent, "#0a7");
        assert_eq!(ok.company.logo_url, "img/logo.svg");
        let bad = Config::from_json(r#"{"theme": {"accent": "red; background: url(x)"},
            "company": {"name": "A", "logo_url": "javascript:alert(1)"}}"#)
        .unwrap_err()
        .to_string();
        assert!(bad.contains("theme.accent: must be a colour"), "{bad}");
        assert!(bad.contains("company.logo_url: must be a path on this site or an https: address"), "{bad}");
        assert!(Config::from_json(r#"{"company": {"name": "A", "logo_url": "http://x.example/l.png"}}"#).is_err());
        assert!(Config::from_json(r#"{"company": {"name": "A", "logo_url": "https://x.example/l.png"}}"#).is_ok());
    }
}
