//! The consultancy's config: company, currency, rates, workload, plans, fit questions and bands,
//! read from JSON with every problem named by its path, and the default config shipped with the
//! product.

use std::sync::{Arc, OnceLock};

use super::json::{Object, Value};
use super::answers::Field;
use super::lead::Lead;
use super::locale::{currency_minor_units, is_currency, locale_problem, text_direction};
use super::money::{Decimal, Money};
use super::order::sort_few;
use super::problem::{closest, index, join, Problem, Problems, Rule};
use super::read::{parse_json, type_name, Range, Reader};
use super::texts::{self, Texts};

/// Text from the config that every report repeats (plan names, reasons, band verdicts): shared,
/// so a report holds the config's text instead of a copy made for each prospect's every answer.
pub type Text = Arc<str>;

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

/// How one business field of the form is asked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldControl<T> {
    /// Whether the prospect sees the field; a hidden field keeps its starting value.
    pub show: bool,
    /// The value the field starts with.
    pub start: T,
}

/// Which business fields the form shows, and what they start at.
#[derive(Debug, Clone, PartialEq)]
pub struct FormControls {
    /// People who use computers.
    pub users: FieldControl<u32>,
    /// Computers.
    pub computers: FieldControl<u32>,
    /// Whether the number of computers follows the number of people (one each) while the
    /// computers field is hidden.
    pub computers_follow_users: bool,
    /// Servers.
    pub servers: FieldControl<u32>,
    /// "We already work with you".
    pub existing_client: FieldControl<bool>,
    /// The required response time (`None`: no particular need).
    pub response: FieldControl<Option<Decimal>>,
    /// The downtime cost field (it starts empty: the estimate).
    pub downtime: FieldControl<()>,
}

impl Default for FormControls {
    fn default() -> FormControls {
        FormControls {
            users: FieldControl { show: true, start: 10 },
            computers: FieldControl { show: true, start: 10 },
            computers_follow_users: false,
            servers: FieldControl { show: true, start: 1 },
            existing_client: FieldControl { show: true, start: false },
            response: FieldControl { show: true, start: None },
            downtime: FieldControl { show: true, start: () },
        }
    }
}

/// How prices relate to a sales tax, shown beside them (display only: amounts do not change).
#[derive(Debug, Clone, PartialEq)]
pub struct Tax {
    /// The tax's name as prospects know it ("VAT", "GST", "tax").
    pub label: String,
    /// Whether the prices include it.
    pub included: bool,
}

/// Which colour scheme the widget uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// The visitor's preference (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Scheme {
    /// The word used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Auto => "auto",
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }
}

/// The custom properties a config's `theme.properties` may set (without `--cf-`).
pub const THEME_PROPERTIES: &[&str] = &[
    "font", "font-size", "radius", "space", "bg", "surface", "text", "muted", "border", "accent", "accent-text",
    "accent-soft", "focus", "good", "good-soft", "bad", "bad-soft", "payg", "series-0", "series-1", "series-2",
    "series-3", "series-4", "series-5", "bg-dark", "surface-dark", "text-dark", "muted-dark", "border-dark",
    "accent-dark", "accent-text-dark", "accent-soft-dark", "focus-dark", "good-dark", "good-soft-dark", "bad-dark",
    "bad-soft-dark", "payg-dark",
];

/// The widget's look, where the consultancy sets it in the config; a host page may also set the
/// same custom properties in its own CSS.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Theme {
    /// The accent colour (`#1f5fbf`), kept in both schemes; empty keeps the widget's own.
    pub accent: String,
    /// The accent colour for the dark scheme, when it should differ; empty keeps `accent`.
    pub accent_dark: String,
    /// The colour scheme.
    pub scheme: Scheme,
    /// Custom properties to set (`radius` → `--cf-radius`), in the order given.
    pub properties: Vec<(String, String)>,
}

/// A custom property value the widget may set: plain CSS values (lengths, colours, font lists),
/// nothing that loads a resource or escapes its declaration.
fn is_safe_css_value(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    !v.is_empty()
        && v.chars().count() <= limits::CSS_VALUE_LEN
        && !v.chars().any(|c| c.is_control() || ";{}<>\\`".contains(c))
        && !["url(", "image(", "image-set(", "expression(", "@import", "/*"].iter().any(|bad| lower.contains(bad))
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
    pub id: Text,
    /// The name shown to prospects.
    pub name: Text,
    /// One line saying who the plan is for; may be empty.
    pub description: Text,
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
    pub features: Arc<[Text]>,
}

/// One answer a prospect can give to a fit question.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// The answer as the prospect reads it.
    pub label: String,
    /// How much this answer speaks for (positive) or against (negative) a contract.
    pub points: i64,
    /// Why, in the prospect's words; shown among the reasons for or against.
    pub reason: Text,
}

/// One fit question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// A stable id, used as the key in `choices`.
    pub id: Text,
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
    pub id: Text,
    /// The lowest score in this band.
    pub min_score: i64,
    /// The verdict shown to prospects ("Strong fit").
    pub label: Text,
    /// A sentence or two that explains the verdict.
    pub message: Text,
    /// Whether this band recommends a contract or paying per job.
    pub recommend: Recommend,
}

/// A consultancy's complete, validated config.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Who is offering the contract.
    pub company: Company,
    /// ISO 4217 currency code.
    pub currency: Text,
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
    /// How many questions a prospect must answer before the widget states a verdict.
    pub min_answers: usize,
    /// The widget's wording: the config's overrides over the English defaults.
    pub texts: Texts,
    /// Where a prospect's estimate is sent; `None` when the config has no `lead` section.
    pub lead: Option<Lead>,
    /// Which business fields the form shows, and their starting values.
    pub form: FormControls,
    /// Whether prices include a tax, and its name; `None` says nothing about tax.
    pub tax: Option<Tax>,
    /// Colours the consultancy sets.
    pub theme: Theme,
    /// Fields that were not understood and are ignored by the widget; `contract-fit check`
    /// refuses them unless told to allow them.
    pub warnings: Vec<Problem>,
}

/// Limits that keep every figure of the estimate in range.
pub(crate) mod limits {
    pub const MONEY_MAX: i64 = 10_000_000;
    pub const HOURS_MAX: i64 = 8_760;
    pub const WORK_HOURS_MAX: i64 = 1_000;
    pub const PLANS_MAX: usize = 12;
    pub const QUESTIONS_MAX: usize = 20;
    pub const OPTIONS_MAX: usize = 10;
    pub const FEATURES_MAX: usize = 20;
    pub const BANDS_MAX: usize = 10;
    pub const POINTS_MAX: i64 = 100;
    pub const SHORT: usize = 120;
    pub const LONG: usize = 600;
    /// Hourly rates and downtime costs per person, in major units.
    pub const RATE_MAX: i64 = 1_000_000;
    pub const MULTIPLIER_MAX: i64 = 10;
    /// The shortest time a response or an incident may take: 0.01 hours, in millionths.
    pub const MIN_HOURS_MICROS: i64 = 10_000;
    pub const SCORE_MAX: i64 = 100;
    pub const MINOR_UNITS_MAX: i64 = 4;
    pub const ID_LEN: usize = 40;
    pub const LOCALE_LEN: usize = 35;
    pub const PHONE_LEN: usize = 40;
    pub const COLOUR_LEN: usize = 40;
    pub const TAX_LABEL_LEN: usize = 40;
    pub const ADDRESS_LEN: usize = 500;
    pub const CSS_VALUE_LEN: usize = 200;
}

/// The fields each object of a config may have: the reader notes any other as unknown, and the
/// JSON Schema (`schema.rs`) lists exactly these, so the two cannot drift apart.
pub(crate) mod fields {
    pub const TOP: &[&str] = &[
        "$schema", "company", "currency", "minor_units", "locale", "rates", "workload", "plans", "questions",
        "bands", "min_answers", "texts", "theme", "lead", "form", "tax",
    ];
    pub const COMPANY: &[&str] = &["name", "email", "phone", "website", "logo_url"];
    pub const RATES: &[&str] = &["hourly", "priority_multiplier", "payg_response_hours", "existing_client_discount"];
    pub const WORKLOAD: &[&str] = &[
        "hours_per_user", "hours_per_computer", "hours_per_server", "emergency_share",
        "hours_per_incident", "downtime_cost_per_user_hour", "incident_impact",
    ];
    pub const PLAN: &[&str] = &[
        "id", "name", "description", "response_hours", "per_user", "per_computer", "per_server",
        "minimum_monthly", "features",
    ];
    pub const QUESTION: &[&str] = &["id", "text", "help", "options"];
    pub const OPTION: &[&str] = &["label", "points", "reason"];
    pub const BAND: &[&str] = &["id", "min_score", "label", "message", "recommend"];
    pub const THEME: &[&str] = &["accent", "accent_dark", "scheme", "properties"];
    pub const FORM: &[&str] = &["users", "computers", "servers", "existing_client", "response", "downtime"];
    pub const FORM_COUNT: &[&str] = &["show", "start"];
    pub const FORM_COMPUTERS: &[&str] = &["show", "start", "follow_users"];
    pub const FORM_EXISTING: &[&str] = &["show", "start"];
    pub const FORM_RESPONSE: &[&str] = &["show", "start"];
    pub const FORM_DOWNTIME: &[&str] = &["show"];
    pub const TAX: &[&str] = &["label", "included"];
    pub const LEAD: &[&str] = &["endpoint", "format", "fields", "consent", "privacy_url", "booking_url"];
    pub const SCHEMES: &[&str] = &["auto", "light", "dark"];
    pub const RECOMMEND: &[&str] = &["contract", "payg"];
    pub const LEAD_FORMATS: &[&str] = &["json", "form"];
    pub const ASK: &[&str] = &["required", "optional", "hidden"];
}

fn default_json() -> &'static Value {
    static DEFAULT: OnceLock<Value> = OnceLock::new();
    DEFAULT.get_or_init(|| super::json::parse(DEFAULT_CONFIG_JSON).unwrap_or_default())
}

/// Lays the consultancy's fields over the default config: objects merge field by field, lists and
/// values replace. `company` replaces as a whole so that no default contact details leak into a
/// consultancy's own page.
fn overlay(base: &Value, own: &Value) -> Value {
    match (base, own) {
        (Value::Object(b), Value::Object(o)) => {
            // The default's few fields, each merged with the consultancy's value where it has one;
            // then the consultancy's other fields as they are. Linear in the consultancy's
            // fields, so an object of a hundred thousand (unknown) fields is read in no time.
            let mut fields: Vec<(String, Value)> = b
                .0
                .iter()
                .map(|(k, bv)| {
                    let merged = match o.get(k) {
                        Some(v) if k != "company" => overlay(bv, v),
                        Some(v) => v.clone(),
                        None => bv.clone(),
                    };
                    (k.clone(), merged)
                })
                .collect();
            fields.extend(o.0.iter().filter(|(k, _)| !b.contains_key(k)).cloned());
            Value::Object(Object(fields))
        }
        _ => own.clone(),
    }
}

impl Config {
    /// The direction the widget's text runs, set as its `dir`: right to left when the locale
    /// writes that way and the config gives its own wording. The built-in wording is English,
    /// which a right-to-left direction would garble ("?Is a contract right for you").
    pub fn text_direction(&self) -> &'static str {
        if self.texts.has_overrides() {
            text_direction(&self.locale)
        } else {
            "ltr"
        }
    }

    /// The default config shipped with the product.
    pub fn shipped() -> Config {
        static SHIPPED: OnceLock<Config> = OnceLock::new();
        SHIPPED
            .get_or_init(|| {
                // A test proves the shipped config valid; a static message keeps the problems'
                // Debug formatting (and its code) out of the WebAssembly.
                Config::from_value(default_json()).unwrap_or_else(|_| panic!("the shipped default config is invalid"))
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
        r.note_unknown(own_obj, "", fields::TOP);
        let merged = overlay(default_json(), own);
        let Value::Object(obj) = &merged else {
            return Err(r.problems);
        };

        let company = read_company(&mut r, obj);
        // A currency or locale of the wrong type, missing or too long has its problem already.
        let before = r.problems.len();
        let currency = r.text(obj, "", "currency", true, 3);
        if r.problems.len() == before && !is_currency(&currency) {
            r.problem("currency", Rule::BadCurrency { got: currency.clone() });
        }
        // A config that names its currency but not its decimals gets the currency's own (JPY 0, KWD 3).
        let own_minor_units = own_obj.contains_key("minor_units") || !own_obj.contains_key("currency");
        let minor_units = if own_minor_units {
            r.integer(obj, "", "minor_units", Some(2), Range::closed(0, limits::MINOR_UNITS_MAX)) as u8
        } else {
            currency_minor_units(&currency)
        };
        let before = r.problems.len();
        let locale = r.text(obj, "", "locale", true, limits::LOCALE_LEN);
        if r.problems.len() == before {
            if let Some(why) = locale_problem(&locale) {
                r.problem("locale", Rule::BadLocale { got: locale.clone(), why });
            }
        }
        let rates = read_rates(&mut r, obj, minor_units);
        let workload = read_workload(&mut r, obj, minor_units);
        let plans = read_plans(&mut r, obj, minor_units);
        let questions = read_questions(&mut r, obj);
        let bands = read_bands(&mut r, obj);
        let min_answers = read_min_answers(&mut r, obj, questions.len());
        let texts = texts::read(&mut r, obj.get("texts"));
        let theme = read_theme(&mut r, obj);
        let lead = super::lead::read(&mut r, obj.get("lead"));
        let form = read_form(&mut r, obj, &plans, minor_units);
        let tax = read_tax(&mut r, obj);

        let warnings = std::mem::take(&mut r.unknown);
        r.problems.into_result(Config {
            company,
            currency: currency.into(),
            minor_units,
            locale,
            rates,
            workload,
            plans,
            questions,
            bands,
            min_answers,
            texts,
            lead,
            form,
            tax,
            theme,
            warnings,
        })
    }

    /// The consultancy's contact details from config text that could not be used as a whole,
    /// where they can be read: so that a visitor who meets a broken calculator still finds a way
    /// to reach the consultancy. Only a name, a valid email and a phone of sane length are taken.
    pub fn contact_from_text(text: &str) -> Option<Company> {
        let v = super::json::parse(text).ok()?;
        let c = v.get("company")?.as_object()?;
        let field = |key: &str, max: usize| -> String {
            c.get(key).and_then(Value::as_str).map(str::trim).filter(|s| s.chars().count() <= max).unwrap_or("").to_string()
        };
        let company = Company {
            name: field("name", limits::SHORT),
            email: Some(field("email", limits::SHORT)).filter(|e| is_email(e)).unwrap_or_default(),
            phone: field("phone", limits::PHONE_LEN),
            website: Some(field("website", limits::SHORT)).filter(|w| is_web_address(w)).unwrap_or_default(),
            logo_url: String::new(),
        };
        (!company.name.is_empty() || !company.email.is_empty() || !company.phone.is_empty()).then_some(company)
    }

    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| &*p.id == id)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| &*q.id == id)
    }

    /// The distinct response times the plans guarantee, fastest first: the choices a prospect
    /// is offered for "how fast must someone respond".
    pub fn response_choices(&self) -> Vec<Decimal> {
        let mut hours: Vec<Decimal> = self.plans.iter().map(|p| p.response_hours).collect();
        sort_few(&mut hours, |h| *h);
        hours.dedup();
        hours
    }
}

/// The object under `key`, reporting a wrong type and its unknown fields.
fn section<'v>(r: &mut Reader, obj: &'v Object, key: &str, known: &[&'static str]) -> Option<&'v Object> {
    let v = obj.get(key)?;
    let m = r.object(v, key)?;
    r.note_unknown(m, key, known);
    Some(m)
}

/// A colour the widget can use safely in CSS: `#rgb` or `#rrggbb`.
fn is_hex_colour(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|h| (h.len() == 3 || h.len() == 6) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Black or white, whichever reads better on the `#rgb`/`#rrggbb` colour `hex` (WCAG luminance).
pub fn readable_text_on(hex: &str) -> &'static str {
    let Some(c) = rgb(hex) else { return "#ffffff" };
    let luminance = luminance(c);
    // Contrast with white is 1.05/(L+0.05), with black (L+0.05)/0.05: pick the larger.
    if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 { "#ffffff" } else { "#000000" }
}

/// The colour as `(r, g, b)` from `#rgb` or `#rrggbb`.
fn rgb(hex: &str) -> Option<[f64; 3]> {
    let h = hex.strip_prefix('#')?;
    let v: Vec<f64> = match h.len() {
        3 => h.chars().filter_map(|c| c.to_digit(16)).map(|d| f64::from(d * 17)).collect(),
        6 => (0..3).filter_map(|i| u8::from_str_radix(h.get(i * 2..i * 2 + 2)?, 16).ok()).map(f64::from).collect(),
        _ => return None,
    };
    (v.len() == 3).then(|| [v[0], v[1], v[2]])
}

/// WCAG's relative luminance of a colour given as 0-255 channels.
fn luminance(c: [f64; 3]) -> f64 {
    let ch = |x: f64| {
        let x = x / 255.0;
        if x <= 0.03928 { x / 12.92 } else { pow_2_4((x + 0.055) / 1.055) }
    };
    0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
}

/// `x` to the power 2.4 for `x` in 0..=1, as `x² · (x²)^(1/5)` with the fifth root found by
/// Newton's method: the same value as `powf(2.4)` to the last bit or two, without the general
/// `pow` routine in the WebAssembly (2 KB) for one exponent.
fn pow_2_4(x: f64) -> f64 {
    let a = x * x;
    // From 1, each step comes down towards the root and ten reach it for every channel value.
    let mut r = 1.0;
    for _ in 0..10 {
        let r2 = r * r;
        r = (4.0 * r + a / (r2 * r2)) / 5.0;
    }
    a * r
}

/// The accent as text on the dark scheme's background (`#12161c`): the accent itself when it
/// reads well there (contrast at least 4.5:1), else mixed with white just until it does.
pub fn accent_ink_on_dark(hex: &str) -> String {
    let Some(c) = rgb(hex) else { return "#8cb8ff".to_string() };
    let bg = luminance([18.0, 22.0, 28.0]);
    for step in 0..=20 {
        let t = f64::from(step) / 20.0;
        let mixed = [c[0] + (255.0 - c[0]) * t, c[1] + (255.0 - c[1]) * t, c[2] + (255.0 - c[2]) * t];
        if (luminance(mixed) + 0.05) / (bg + 0.05) >= 4.5 {
            let [r, g, b] = mixed.map(|x| x.round() as u8);
            return format!("#{r:02x}{g:02x}{b:02x}");
        }
    }
    "#ffffff".to_string()
}

/// An image address the widget may load: a path on the same site (`img/logo.svg`, `/logo.png`)
/// or an `https:` address. Never protocol-relative (`//host`) or with a backslash (`/\host`),
/// which browsers read as another host.
pub fn is_safe_image_url(s: &str) -> bool {
    if s.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control() || "\"<>'`\\".contains(c)) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any `/`, `?` or `#` starts a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            lower.starts_with("https://") && lower.len() > "https://".len() && !lower[8..].starts_with('/')
        }
        _ => !s.starts_with("//"),
    }
}

/// An `http:` or `https:` address of a web page.
pub fn is_web_address(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || "\"<>'`\\".contains(c))
}

/// One email address, `local@domain` and nothing else: no `?`, `#`, `&` or spaces, which would
/// add headers or cut a `mailto:` link short.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

fn read_theme(r: &mut Reader, obj: &Object) -> Theme {
    const KNOWN: &[&str] = fields::THEME;
    let Some(t) = section(r, obj, "theme", KNOWN) else {
        return Theme::default();
    };
    let scheme = match r.word(t, "theme", "scheme", fields::SCHEMES, 0) {
        1 => Scheme::Light,
        2 => Scheme::Dark,
        _ => Scheme::Auto,
    };
    let mut properties = Vec::new();
    if let Some(pv) = t.get("properties") {
        if let Some(pm) = r.object(pv, "theme.properties") {
            for (name, value) in pm.0.iter().take(THEME_PROPERTIES.len() + 20) {
                let path = join("theme.properties", name);
                let bare = name.strip_prefix("--cf-").unwrap_or(name);
                let Some(known) = THEME_PROPERTIES.iter().find(|p| **p == bare) else {
                    r.problem(path, Rule::UnknownField { suggestion: closest(bare, THEME_PROPERTIES) });
                    continue;
                };
                match value {
                    Value::String(v) if is_safe_css_value(v.trim()) => properties.push(((*known).to_string(), v.trim().to_string())),
                    Value::String(v) => r.problem_with_hint(
                        path,
                        Rule::BadAddress { expected: "a plain CSS value", got: v.clone() },
                        Some("like 4px, #1f5fbf or \"Inter\", sans-serif; no url()"),
                    ),
                    other => r.problem(path, Rule::WrongType { expected: "a string", got: type_name(other) }),
                }
            }
        }
    }
    let colour = |r: &mut Reader, key: &str| {
        let before = r.problems.len();
        let value = r.text(t, "theme", key, false, limits::COLOUR_LEN);
        if r.problems.len() == before && !value.is_empty() && !is_hex_colour(&value) {
            r.problem(join("theme", key), Rule::BadColour { got: value.clone() });
            return String::new();
        }
        value
    };
    Theme { accent: colour(r, "accent"), accent_dark: colour(r, "accent_dark"), scheme, properties }
}

fn read_company(r: &mut Reader, obj: &Object) -> Company {
    const KNOWN: &[&str] = fields::COMPANY;
    let Some(c) = section(r, obj, "company", KNOWN) else {
        return Company::default();
    };
    // Each field's form is checked only when it was read without a problem: one problem a field.
    let clean = |r: &mut Reader, key: &str, max: usize| {
        let before = r.problems.len();
        let value = r.text(c, "company", key, key == "name", max);
        let ok = r.problems.len() == before;
        (value, ok)
    };
    let (name, _) = clean(r, "name", limits::SHORT);
    let (email, email_ok) = clean(r, "email", limits::SHORT);
    let (phone, phone_ok) = clean(r, "phone", limits::PHONE_LEN);
    let (website, website_ok) = clean(r, "website", limits::SHORT);
    let (logo_url, logo_ok) = clean(r, "logo_url", limits::ADDRESS_LEN);
    let company = Company { name, email, phone, website, logo_url };
    if logo_ok && !company.logo_url.is_empty() && !is_safe_image_url(&company.logo_url) {
        r.problem_with_hint(
            "company.logo_url",
            Rule::BadAddress { expected: "a path on this site or an https: address", got: company.logo_url.clone() },
            Some("like img/logo.svg or https://example.com/logo.png"),
        );
    }
    if email_ok && !company.email.is_empty() && !is_email(&company.email) {
        r.problem("company.email", Rule::BadEmail { got: company.email.clone() });
    }
    if website_ok && !company.website.is_empty() && !is_web_address(&company.website) {
        r.problem(
            "company.website",
            Rule::BadAddress { expected: "an https: or http: address", got: company.website.clone() },
        );
    }
    let phone_chars_ok = company.phone.chars().all(|c| c.is_ascii_digit() || " +-().,/#*xX".contains(c) || c.is_alphabetic());
    if phone_ok && !phone_chars_ok {
        r.problem_with_hint(
            "company.phone",
            Rule::BadAddress { expected: "a phone number", got: company.phone.clone() },
            Some("digits, spaces and + - ( ) only"),
        );
    }
    company
}

fn read_rates(r: &mut Reader, obj: &Object, mu: u8) -> Rates {
    const KNOWN: &[&str] = fields::RATES;
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
        hourly: r.money(s, p, "hourly", true, Range::closed(0, limits::RATE_MAX), mu),
        priority_multiplier: r.decimal(s, p, "priority_multiplier", None, Range::closed(1, limits::MULTIPLIER_MAX)),
        payg_response_hours: r.decimal(s, p, "payg_response_hours", None, Range::micros(limits::MIN_HOURS_MICROS, limits::HOURS_MAX * 1_000_000)),
        existing_client_discount: r.decimal(s, p, "existing_client_discount", None, Range::share()),
    }
}

fn read_workload(r: &mut Reader, obj: &Object, mu: u8) -> Workload {
    const KNOWN: &[&str] = fields::WORKLOAD;
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
    let hours = Range::closed(0, limits::WORK_HOURS_MAX);
    Workload {
        hours_per_user: r.decimal(s, p, "hours_per_user", None, hours),
        hours_per_computer: r.decimal(s, p, "hours_per_computer", None, hours),
        hours_per_server: r.decimal(s, p, "hours_per_server", None, hours),
        emergency_share: r.decimal(s, p, "emergency_share", None, Range::share()),
        hours_per_incident: r.decimal(s, p, "hours_per_incident", None, Range::micros(limits::MIN_HOURS_MICROS, limits::WORK_HOURS_MAX * 1_000_000)),
        downtime_cost_per_user_hour: r.money(s, p, "downtime_cost_per_user_hour", true, Range::closed(0, limits::RATE_MAX), mu),
        incident_impact: r.decimal(s, p, "incident_impact", None, Range::share()),
    }
}

/// Checks that a list is present, not empty and not too long; yields its first `max` entries with
/// their paths (a list that is too long is refused anyway, and is not read to its end).
fn entries<'v>(r: &mut Reader, obj: &'v Object, key: &str, max: usize) -> Vec<(String, &'v Object)> {
    let Some(list) = r.list(obj, "", key, true) else {
        return Vec::new();
    };
    if list.is_empty() {
        r.problem(key, Rule::EmptyList);
    } else if list.len() > max {
        r.problem(key, Rule::TooMany { max });
    }
    list.iter()
        .take(max)
        .enumerate()
        .filter_map(|(i, v)| {
            let path = index(key, i);
            r.object(v, &path).map(|m| (path, m))
        })
        .collect()
}

/// Reports ids that appear more than once, at the later entry.
fn check_unique(r: &mut Reader, ids: &[(String, String)]) {
    for (i, (path, id)) in ids.iter().enumerate() {
        if !id.is_empty() && ids[..i].iter().any(|(_, earlier)| earlier == id) {
            r.problem(join(path, "id"), Rule::Duplicate { id: id.clone() });
        }
    }
}

fn read_plans(r: &mut Reader, obj: &Object, mu: u8) -> Vec<Plan> {
    const KNOWN: &[&str] = fields::PLAN;
    let price = Range::closed(0, limits::MONEY_MAX);
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
            for (i, f) in list.iter().take(limits::FEATURES_MAX).enumerate() {
                let fpath = index(&join(&path, "features"), i);
                match f {
                    Value::String(s) if s.chars().count() <= limits::SHORT * 2 => features.push(Text::from(s.trim())),
                    Value::String(_) => r.problem(fpath, Rule::TooLong { max: limits::SHORT * 2 }),
                    other => r.problem(fpath, Rule::WrongType { expected: "a string", got: type_name(other) }),
                }
            }
        }
        plans.push(Plan {
            id: id.into(),
            name: r.text(m, &path, "name", true, limits::SHORT).into(),
            description: r.text(m, &path, "description", false, limits::LONG).into(),
            response_hours: r.decimal(m, &path, "response_hours", None, Range::micros(limits::MIN_HOURS_MICROS, limits::HOURS_MAX * 1_000_000)),
            per_user: r.money(m, &path, "per_user", false, price, mu),
            per_computer: r.money(m, &path, "per_computer", false, price, mu),
            per_server: r.money(m, &path, "per_server", false, price, mu),
            minimum_monthly: r.money(m, &path, "minimum_monthly", false, price, mu),
            features: features.into(),
        });
    }
    check_unique(r, &ids);
    plans
}

fn read_questions(r: &mut Reader, obj: &Object) -> Vec<Question> {
    const KNOWN: &[&str] = fields::QUESTION;
    const OPTION_KNOWN: &[&str] = fields::OPTION;
    let mut questions = Vec::new();
    let mut ids = Vec::new();
    // A config may ask no fit questions at all; then every prospect scores 0.
    let Some(list) = r.list(obj, "", "questions", false) else {
        return questions;
    };
    if list.len() > limits::QUESTIONS_MAX {
        r.problem("questions", Rule::TooMany { max: limits::QUESTIONS_MAX });
    }
    for (i, v) in list.iter().take(limits::QUESTIONS_MAX).enumerate() {
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
            for (j, ov) in opts.iter().take(limits::OPTIONS_MAX).enumerate() {
                let p = index(&opath, j);
                let Some(o) = r.object(ov, &p) else { continue };
                r.note_unknown(o, &p, OPTION_KNOWN);
                options.push(ChoiceOption {
                    label: r.text(o, &p, "label", true, limits::SHORT * 2),
                    points: r.integer(o, &p, "points", None, Range::closed(-limits::POINTS_MAX, limits::POINTS_MAX)),
                    reason: r.text(o, &p, "reason", false, limits::LONG).into(),
                });
            }
        }
        questions.push(Question { id: id.into(), text, help, options });
    }
    check_unique(r, &ids);
    questions
}

fn read_bands(r: &mut Reader, obj: &Object) -> Vec<Band> {
    const KNOWN: &[&str] = fields::BAND;
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
        let before = r.problems.len();
        let min_score = r.integer(m, &path, "min_score", None, Range::closed(0, limits::SCORE_MAX));
        if r.problems.len() == before {
            if scores.contains(&min_score) {
                r.problem(join(&path, "min_score"), Rule::DuplicateMinScore { score: min_score });
            }
            scores.push(min_score);
        }
        let recommend = match r.word(m, &path, "recommend", fields::RECOMMEND, 0) {
            1 => Recommend::Payg,
            _ => Recommend::Contract,
        };
        bands.push(Band {
            id: id.into(),
            min_score,
            label: r.text(m, &path, "label", true, limits::SHORT).into(),
            message: r.text(m, &path, "message", false, limits::LONG).into(),
            recommend,
        });
    }
    check_unique(r, &ids);
    if any_listed && !scores.contains(&0) {
        r.problem("bands", Rule::NoZeroBand);
    }
    sort_few(&mut bands, |b| std::cmp::Reverse(b.min_score));
    bands
}

/// The `form` section: each business field's `show` and `start`.
fn read_form(r: &mut Reader, obj: &Object, plans: &[Plan], _minor_units: u8) -> FormControls {
    const KNOWN: &[&str] = fields::FORM;
    let mut form = FormControls::default();
    let Some(f) = section(r, obj, "form", KNOWN) else { return form };
    let field = |r: &mut Reader, key: &str, known: &[&'static str]| -> Option<&Object> {
        let v = f.get(key)?;
        let path = join("form", key);
        let m = r.object(v, &path)?;
        r.note_unknown(m, &path, known);
        Some(m)
    };
    let counts: [(&str, Field, &mut FieldControl<u32>); 3] = [
        ("users", Field::Users, &mut form.users),
        ("computers", Field::Computers, &mut form.computers),
        ("servers", Field::Servers, &mut form.servers),
    ];
    for (key, kind, control) in counts {
        let known: &[&'static str] = if key == "computers" { fields::FORM_COMPUTERS } else { fields::FORM_COUNT };
        let Some(m) = field(r, key, known) else { continue };
        let path = join("form", key);
        let (lo, hi) = kind.count_range();
        control.show = r.boolean(m, &path, "show", true);
        control.start = u32::try_from(r.integer(m, &path, "start", Some(i64::from(control.start)), Range::closed(i64::from(lo), i64::from(hi))))
            .unwrap_or(control.start);
        if key == "computers" {
            form.computers_follow_users = r.boolean(m, &path, "follow_users", false);
        }
    }
    if let Some(m) = field(r, "existing_client", fields::FORM_EXISTING) {
        form.existing_client.show = r.boolean(m, "form.existing_client", "show", true);
        form.existing_client.start = r.boolean(m, "form.existing_client", "start", false);
    }
    if let Some(m) = field(r, "response", fields::FORM_RESPONSE) {
        form.response.show = r.boolean(m, "form.response", "show", true);
        if !matches!(m.get("start"), None | Some(Value::Null)) {
            let hours = r.decimal(m, "form.response", "start", None, Range::micros(limits::MIN_HOURS_MICROS, limits::HOURS_MAX * 1_000_000));
            let offered = plans.iter().any(|p| p.response_hours == hours);
            if hours != Decimal::ZERO && !offered {
                let mut choices: Vec<Decimal> = plans.iter().map(|p| p.response_hours).collect();
                sort_few(&mut choices, |h| *h);
                choices.dedup();
                r.problem(
                    "form.response.start",
                    Rule::NotOffered { got: hours.to_plain(), offered: choices.iter().map(|h| h.to_plain()).collect::<Vec<_>>().join(", ") },
                );
            }
            form.response.start = offered.then_some(hours);
        }
    }
    if let Some(m) = field(r, "downtime", fields::FORM_DOWNTIME) {
        form.downtime.show = r.boolean(m, "form.downtime", "show", true);
    }
    form
}

/// The `tax` section: its label and whether prices include it.
fn read_tax(r: &mut Reader, obj: &Object) -> Option<Tax> {
    let t = section(r, obj, "tax", fields::TAX)?;
    Some(Tax { label: r.text(t, "tax", "label", true, limits::TAX_LABEL_LEN), included: r.boolean(t, "tax", "included", false) })
}

/// `min_answers`: 1 to the number of questions; by default every question.
fn read_min_answers(r: &mut Reader, obj: &Object, questions: usize) -> usize {
    if !obj.contains_key("min_answers") {
        return questions;
    }
    if questions == 0 {
        r.problem("min_answers", Rule::NotAllowed { why: "the config asks no questions, so there is no verdict to wait for" });
        return 0;
    }
    let before = r.problems.len();
    let n = r.integer(obj, "", "min_answers", None, Range::closed(1, questions as i64));
    if r.problems.len() == before {
        usize::try_from(n).unwrap_or(questions)
    } else {
        questions
    }
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
    fn the_widget_runs_right_to_left_only_with_its_own_right_to_left_wording() {
        let arabic = r#"{"locale": "ar-EG", "currency": "EGP", "texts": {"widget.title": "هل يناسبك عقد خدمات تقنية؟"}}"#;
        assert_eq!(Config::from_json(arabic).unwrap().text_direction(), "rtl");
        // Arabic numbers in the built-in English wording: English still reads left to right.
        assert_eq!(Config::from_json(r#"{"locale": "ar-EG", "currency": "EGP"}"#).unwrap().text_direction(), "ltr");
        let german = r#"{"locale": "de-DE", "texts": {"widget.title": "Passt ein Vertrag?"}}"#;
        assert_eq!(Config::from_json(german).unwrap().text_direction(), "ltr");
        assert_eq!(Config::shipped().text_direction(), "ltr");
    }

    #[test]
    fn a_hundred_thousand_unknown_fields_are_read_at_once() {
        let fields: Vec<String> = (0..100_000).map(|i| format!("\"x{i}\": 1")).collect();
        let text = format!("{{ {}, \"rates\": {{ {} }} }}", fields.join(", "), fields.join(", "));
        let start = std::time::Instant::now();
        let config = Config::from_json(&text).unwrap();
        assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}", start.elapsed());
        // Listed in short: twenty per object, then that there are more.
        assert_eq!(config.warnings.len(), 42);
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
    fn the_power_used_for_luminance_is_pow_itself() {
        // Every channel value above the linear part, and colours mixed part-way to white.
        for step in 0..=2550 {
            let c = f64::from(step) / 10.0;
            let x = (c / 255.0 + 0.055) / 1.055;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-14, "{c}");
        }
        assert_eq!(pow_2_4(1.0), 1.0);
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
