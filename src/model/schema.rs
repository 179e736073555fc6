//! The config's JSON Schema (`config.schema.json`), generated from the reader's own field lists,
//! limits, text keys, currencies and default config, so that an editor autocompletes and checks
//! a config as it is typed. `contract-fit check` stays the authority: a schema cannot say
//! everything (unique ids, a band at 0, decimals per currency, placeholders in plural forms of
//! earlier keys), and where the two differ the schema is the stricter.

use super::config::{fields, limits, THEME_PROPERTIES};
use super::json::{Number, Object, Value};
use super::lead::ContactField;
use super::locale::CURRENCIES;
use super::money::Decimal;
use super::texts::{Plural, TextDef, ALIASES, TEXTS, TEXT_LEN};

/// The file name the build ships the schema under, and that configs name in `$schema`.
pub const SCHEMA_FILE: &str = "config.schema.json";

/// One node of the schema under construction.
struct Node(Object);

impl Node {
    fn of_type(kind: &str, description: &str) -> Node {
        let mut o = Object::default();
        o.insert("type", kind);
        if !description.is_empty() {
            o.insert("description", description);
        }
        Node(o)
    }

    fn with(mut self, key: &str, value: impl Into<Value>) -> Node {
        self.0.insert(key, value);
        self
    }

    /// The default config's value at `path`, shown by editors on hover.
    fn default_from(self, path: &[&str]) -> Node {
        match path.iter().try_fold(default_config(), |v, k| v.get(k)) {
            Some(v) => self.with("default", v.clone()),
            None => self,
        }
    }

    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

fn default_config() -> &'static Value {
    use std::sync::OnceLock;
    static DEFAULT: OnceLock<Value> = OnceLock::new();
    DEFAULT.get_or_init(|| super::json::parse(super::config::DEFAULT_CONFIG_JSON).unwrap_or_default())
}

fn decimal(d: Decimal) -> Value {
    Value::Number(d.to_json())
}

fn int(n: i64) -> Value {
    Value::Number(Number::from_int(i128::from(n)))
}

fn words(list: &[&str]) -> Value {
    Value::Array(list.iter().map(|w| Value::from(*w)).collect())
}

/// A text: `required` ones must not be empty; optional ones may also be `null` ("left out").
fn text(max: usize, required: bool, description: &str) -> Node {
    if required {
        // Not empty once the spaces at both ends are removed, as the reader trims.
        Node::of_type("string", description).with("minLength", 1).with("maxLength", max).with("pattern", "\\S")
    } else {
        Node(Object::default().with("type", words(&["string", "null"])).with("description", description)).with("maxLength", max)
    }
}

/// A number from `min` to `max` inclusive, bounds in millionths.
fn number(min_micros: i64, max_micros: i64, description: &str) -> Node {
    Node::of_type("number", description)
        .with("minimum", decimal(Decimal::from_micros(i128::from(min_micros))))
        .with("maximum", decimal(Decimal::from_micros(i128::from(max_micros))))
}

fn whole(min: i64, max: i64, description: &str) -> Node {
    Node::of_type("integer", description).with("minimum", int(min)).with("maximum", int(max))
}

/// An amount in major units; its decimals per currency are `contract-fit check`'s to judge.
fn amount(max: i64, description: &str) -> Node {
    Node::of_type("number", description).with("minimum", 0).with("maximum", int(max))
}

fn one_of(allowed: &[&str], description: &str) -> Node {
    Node::of_type("string", description).with("enum", words(allowed))
}

fn boolean(description: &str) -> Node {
    Node::of_type("boolean", description)
}

/// An object with exactly the fields `known` (each described by `field`), as the reader knows
/// them: any other field is refused, as `contract-fit check` refuses it.
fn object(known: &[&str], required: &[&str], description: &str, field: impl Fn(&str) -> Value) -> Node {
    let mut properties = Object::default();
    for name in known {
        properties.insert(*name, field(name));
    }
    let mut node = Node::of_type("object", description).with("properties", properties).with("additionalProperties", false);
    if !required.is_empty() {
        node = node.with("required", words(required));
    }
    node
}

fn list(items: Value, min: usize, max: usize, description: &str) -> Node {
    let mut node = Node::of_type("array", description).with("items", items).with("maxItems", max);
    if min > 0 {
        node = node.with("minItems", min);
    }
    node
}

/// Patterns are ECMAScript regular expressions without look-around, readable by every editor.
mod patterns {
    pub const ID: &str = "^[a-z0-9_-]+$";
    pub const COLOUR: &str = "^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})?$";
    pub const EMAIL: &str = "^([A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,})?$";
    pub const WEB: &str = "^((https?|HTTPS?)://[^/\\s\"<>'`\\\\][^\\s\"<>'`\\\\]*)?$";
    pub const ENDPOINT: &str = "^(https://[^/\\s\"<>'`\\\\]|http://(localhost|127\\.0\\.0\\.1)([:/?#]|$))[^\\s\"<>'`\\\\]*$";
    pub const LOGO: &str =
        "^(https://[^/\\s\"<>'`\\\\][^\\s\"<>'`\\\\]*|/([^/\\s\"<>'`\\\\][^\\s\"<>'`\\\\]*)?|[^/:\\s\"<>'`\\\\][^:/\\s\"<>'`\\\\]*(/[^\\s\"<>'`\\\\]*)?)?$";
    pub const LOCALE: &str = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";
    /// Letters of any script are allowed (extensions such as "ext."), markup is not.
    pub const PHONE: &str = "^[0-9A-Za-z +().,/#*xX\\u0080-\\uffff-]*$";
    pub const CSS_VALUE: &str = "^[^;{}<>\\\\`]*$";
}

fn company() -> Node {
    object(fields::COMPANY, &["name"], "Who offers the contract. Replaces the default company as a whole: give at least its name.", |f| {
        match f {
            "name" => text(limits::SHORT, true, "The name shown to prospects."),
            "email" => text(limits::SHORT, false, "Where \"Email this estimate\" writes to: one address local@domain.tld; empty hides that button.")
                .with("pattern", patterns::EMAIL),
            "phone" => text(limits::PHONE_LEN, false, "A phone number shown beside the next steps: digits, spaces and + - ( ).")
                .with("pattern", patterns::PHONE),
            "website" => text(limits::SHORT, false, "The consultancy's website, an https: or http: address.").with("pattern", patterns::WEB),
            _ => text(limits::ADDRESS_LEN, false, "A logo above the calculator: a path on your own site (img/logo.svg) or an https: address.")
                .with("pattern", patterns::LOGO),
        }
        .done()
    })
}

fn rates() -> Node {
    object(fields::RATES, &[], "Time-and-materials rates and the terms of paying per job.", |f| {
        let hours_max = limits::HOURS_MAX * 1_000_000;
        match f {
            "hourly" => amount(limits::RATE_MAX, "R: the standard hourly rate, in major units of the currency."),
            "priority_multiplier" => number(1_000_000, limits::MULTIPLIER_MAX * 1_000_000, "M: urgent pay-per-job work costs R × M."),
            "payg_response_hours" => number(limits::MIN_HOURS_MICROS, hours_max, "W: the typical wait for help without a contract, in hours (never guaranteed)."),
            _ => number(0, 1_000_000, "d: taken off every plan's monthly price for existing clients; 0.05 is 5%."),
        }
        .default_from(&["rates", f])
        .done()
    })
}

fn workload() -> Node {
    object(fields::WORKLOAD, &[], "How much support a business needs per year.", |f| {
        let hours = limits::WORK_HOURS_MAX * 1_000_000;
        match f {
            "hours_per_user" => number(0, hours, "Support hours a year per person who uses a computer."),
            "hours_per_computer" => number(0, hours, "Support hours a year per computer."),
            "hours_per_server" => number(0, hours, "Support hours a year per server."),
            "emergency_share" => number(0, 1_000_000, "e: the share of support hours that are emergencies (0.15 is 15%)."),
            "hours_per_incident" => number(limits::MIN_HOURS_MICROS, hours, "The average length of one emergency, in hours."),
            "downtime_cost_per_user_hour" => amount(limits::RATE_MAX, "What one person unable to work costs per hour."),
            _ => number(0, 1_000_000, "The share of the staff an average emergency stops."),
        }
        .default_from(&["workload", f])
        .done()
    })
}

fn plan() -> Node {
    object(fields::PLAN, &["id", "name", "response_hours"], "One contract plan.", |f| {
        let price = |d: &str| amount(limits::MONEY_MAX, d);
        match f {
            "id" => id("A stable id (essential), used in answers and reports; unique among the plans."),
            "name" => text(limits::SHORT, true, "The plan's name shown to prospects."),
            "description" => text(limits::LONG, false, "One line saying who the plan is for."),
            "response_hours" => number(limits::MIN_HOURS_MICROS, limits::HOURS_MAX * 1_000_000, "The guaranteed response time, in hours."),
            "per_user" => price("Monthly price per person who uses a computer."),
            "per_computer" => price("Monthly price per computer."),
            "per_server" => price("Monthly price per server."),
            "minimum_monthly" => price("The least the plan costs per month."),
            _ => list(Node::of_type("string", "").with("maxLength", limits::SHORT * 2).done(), 0, limits::FEATURES_MAX, "What the plan includes, one line each."),
        }
        .done()
    })
}

fn id(description: &str) -> Node {
    Node::of_type("string", description).with("minLength", 1).with("maxLength", limits::ID_LEN).with("pattern", patterns::ID)
}

fn question() -> Node {
    let option = object(fields::OPTION, &["label", "points"], "One answer a prospect can give.", |f| {
        match f {
            "label" => text(limits::SHORT * 2, true, "The answer as the prospect reads it."),
            "points" => whole(-limits::POINTS_MAX, limits::POINTS_MAX, "Positive speaks for a contract, negative against."),
            _ => text(limits::LONG, false, "Why, in the prospect's words; shown among the reasons for or against. Empty for a neutral answer."),
        }
        .done()
    });
    object(fields::QUESTION, &["id", "text", "options"], "One fit question.", move |f| {
        match f {
            "id" => id("A stable id, the key in the answers' choices; unique among the questions."),
            "text" => text(limits::LONG, true, "The question."),
            "help" => text(limits::LONG, false, "A line of help under the question."),
            _ => list(Node(option.0.clone()).done(), 1, limits::OPTIONS_MAX, "The answers to choose from."),
        }
        .done()
    })
}

fn band() -> Node {
    object(fields::BAND, &["id", "min_score", "label"], "A range of fit scores with its verdict.", |f| {
        match f {
            "id" => id("A stable id (strong); unique among the bands."),
            "min_score" => whole(0, limits::SCORE_MAX, "The lowest score in this band; unique, and one band must start at 0."),
            "label" => text(limits::SHORT, true, "The verdict shown to prospects (Strong fit)."),
            "message" => text(limits::LONG, false, "A sentence or two that explains the verdict."),
            _ => one_of(fields::RECOMMEND, "Whether this band recommends a contract or paying per job."),
        }
        .done()
    })
}

/// A text override: a string, or for a text that counts something an object of plural forms.
fn text_key(def: &TextDef) -> Value {
    let placeholders = if def.placeholders.is_empty() {
        "takes no placeholders".to_string()
    } else {
        let names: Vec<String> = def.placeholders.iter().map(|p| format!("{{{p}}}")).collect();
        format!("may use {}", names.join(", "))
    };
    let default = match def.one {
        Some(one) => format!("one: \"{one}\", other: \"{}\"", def.default),
        None => format!("\"{}\"", def.default),
    };
    let description = format!("Default: {default}. It {placeholders}.");
    let plain = Node::of_type("string", "").with("maxLength", TEXT_LEN).with("pattern", placeholder_pattern(def));
    if !def.is_plural() {
        return Node(plain.0).with("description", description).done();
    }
    let forms: Vec<&str> = Plural::ALL.iter().map(|p| p.name()).collect();
    let form_object = object(&forms, &["other"], "One text per plural form; other is required.", |_| Node(plain.0.clone()).done());
    Node(Object::default())
        .with("description", description)
        .with("anyOf", Value::Array(vec![Node(plain.0.clone()).done(), form_object.done()]))
        .done()
}

/// Text whose every `{name}` is one of the key's placeholders (a `{` never closed is plain text).
fn placeholder_pattern(def: &TextDef) -> String {
    let mut allowed = String::new();
    for (i, p) in def.placeholders.iter().enumerate() {
        if i > 0 {
            allowed.push('|');
        }
        allowed.push_str(p);
    }
    if allowed.is_empty() {
        "^([^{]|\\{[^}]*$)*$".to_string()
    } else {
        format!("^([^{{]|\\{{({allowed})\\}}|\\{{[^}}]*$)*$")
    }
}

fn texts() -> Node {
    let mut properties = Object::default();
    for def in TEXTS {
        properties.insert(def.key, text_key(def));
    }
    for (old, key) in ALIASES {
        let mut node = Node::of_type("string", &format!("An earlier name for the one form of {}.", key.name()))
            .with("maxLength", TEXT_LEN)
            .with("pattern", placeholder_pattern(key.def()));
        node = node.with("deprecated", true);
        properties.insert(*old, node.done());
    }
    Node::of_type("object", "The widget's wording: any key replaces its English default (contract-fit texts lists them).")
        .with("properties", properties)
        .with("additionalProperties", false)
}

fn theme() -> Node {
    let css_value = || {
        Node::of_type("string", "A plain CSS value (4px, #1f5fbf, \"Inter\", sans-serif); no url().")
            .with("minLength", 1)
            .with("maxLength", limits::CSS_VALUE_LEN)
            .with("pattern", patterns::CSS_VALUE)
    };
    let mut names: Vec<String> = THEME_PROPERTIES.iter().map(|p| (*p).to_string()).collect();
    names.extend(THEME_PROPERTIES.iter().map(|p| format!("--cf-{p}")));
    let mut properties = Object::default();
    for p in THEME_PROPERTIES {
        properties.insert(*p, css_value().with("description", format!("Sets --cf-{p}.")).done());
    }
    let custom = Node::of_type("object", "Custom properties of the theming table, without --cf-.")
        .with("properties", properties)
        .with("propertyNames", Node(Object::default()).with("enum", Value::Array(names.into_iter().map(Value::from).collect())).done())
        .with("additionalProperties", css_value().done());
    object(fields::THEME, &[], "The widget's look.", move |f| {
        match f {
            "accent" => text(limits::COLOUR_LEN, false, "The accent colour, #rgb or #rrggbb, kept in both schemes.").with("pattern", patterns::COLOUR),
            "accent_dark" => text(limits::COLOUR_LEN, false, "The accent colour for the dark scheme, when it should differ.").with("pattern", patterns::COLOUR),
            "scheme" => one_of(fields::SCHEMES, "auto follows the visitor's preference; light or dark fixes it."),
            _ => Node(custom.0.clone()),
        }
        .done()
    })
}

fn lead() -> Node {
    let names: Vec<&str> = ContactField::ALL.iter().map(|f| f.name()).collect();
    let contact = object(&names, &[], "Which contact fields the form asks for.", |f| {
        if f == "email" {
            one_of(&["required"], "A lead needs an email address to reply to.").done()
        } else {
            one_of(fields::ASK, "Required, optional, or hidden.").done()
        }
    });
    object(fields::LEAD, &["endpoint"], "Where the widget sends a prospect's estimate; without it there is no contact form.", move |f| {
        match f {
            "endpoint" => Node::of_type("string", "An https: address (http: only on localhost or 127.0.0.1, for testing).")
                .with("maxLength", limits::ADDRESS_LEN)
                .with("pattern", patterns::ENDPOINT),
            "format" => one_of(fields::LEAD_FORMATS, "json (application/json) or form (application/x-www-form-urlencoded, flat keys)."),
            "fields" => Node(contact.0.clone()),
            "consent" => text(limits::LONG, false, "When set, a checkbox with this sentence must be ticked before sending."),
            "privacy_url" => text(limits::ADDRESS_LEN, false, "Your privacy notice, linked beside the consent.").with("pattern", patterns::WEB),
            _ => text(limits::ADDRESS_LEN, false, "A \"book a call\" link shown once the lead is sent.").with("pattern", patterns::WEB),
        }
        .done()
    })
}

fn form() -> Node {
    use super::answers::Field;
    let show = || boolean("Whether the prospect sees the field; a hidden field keeps its starting value.").done();
    let count = |field: Field, known: &[&str]| {
        let (lo, hi) = field.count_range();
        object(known, &[], "", |f| match f {
            "show" => show(),
            "start" => whole(i64::from(lo), i64::from(hi), "The value the field starts with.").done(),
            _ => boolean("While the computers field is hidden, the number of computers is the number of people.").done(),
        })
    };
    object(fields::FORM, &[], "Which business fields the prospect sees, and what they start at.", move |f| {
        match f {
            "users" => count(Field::Users, fields::FORM_COUNT),
            "computers" => count(Field::Computers, fields::FORM_COMPUTERS),
            "servers" => count(Field::Servers, fields::FORM_COUNT),
            "existing_client" => object(fields::FORM_EXISTING, &[], "", |f| match f {
                "show" => show(),
                _ => boolean("Whether the box starts ticked.").done(),
            }),
            "response" => object(fields::FORM_RESPONSE, &[], "", |f| match f {
                "show" => show(),
                _ => Node(Object::default().with("type", words(&["number", "null"])))
                    .with("description", "One of the plans' response_hours, or null for no particular need.")
                    .with("minimum", decimal(Decimal::from_micros(i128::from(limits::MIN_HOURS_MICROS))))
                    .with("maximum", int(limits::HOURS_MAX))
                    .done(),
            }),
            _ => object(fields::FORM_DOWNTIME, &[], "", |_| show()),
        }
        .done()
    })
}

fn tax() -> Node {
    object(fields::TAX, &["label"], "How prices relate to a sales tax (display only: amounts do not change).", |f| {
        match f {
            "label" => text(limits::TAX_LABEL_LEN, true, "The tax's name as prospects know it (VAT, GST)."),
            _ => boolean("Whether the prices include it."),
        }
        .done()
    })
}

/// The JSON Schema of a config file (draft-07, which every common editor reads).
pub fn config_schema() -> Value {
    let top = object(fields::TOP, &[], "", |f| {
        match f {
            "$schema" => Node::of_type("string", "Where editors find this schema."),
            "company" => company(),
            "currency" => one_of(CURRENCIES, "An ISO 4217 currency code.").default_from(&["currency"]),
            "minor_units" => whole(0, limits::MINOR_UNITS_MAX, "How many decimals the currency has; by default the currency's own.")
                .default_from(&["minor_units"]),
            "locale" => Node::of_type("string", "A language tag browsers accept (en-US, de-CH, es-419), for numbers and the page language.")
                .with("maxLength", limits::LOCALE_LEN)
                .with("pattern", patterns::LOCALE)
                .default_from(&["locale"]),
            "rates" => rates(),
            "workload" => workload(),
            "plans" => list(plan().done(), 1, limits::PLANS_MAX, "The contract plans, in the order shown. Replaces the default plans."),
            "questions" => list(question().done(), 0, limits::QUESTIONS_MAX, "The fit questions, in the order asked. Replaces the default questions."),
            "bands" => list(band().done(), 1, limits::BANDS_MAX, "The verdicts by fit score. Replaces the default bands; one must start at 0."),
            "min_answers" => whole(1, limits::QUESTIONS_MAX as i64, "How many questions a prospect must answer before there is a verdict (at most the number of questions; by default all)."),
            "texts" => texts(),
            "theme" => theme(),
            "lead" => lead(),
            "form" => form(),
            _ => tax(),
        }
        .done()
    });
    let mut schema = Object::default();
    schema.insert("$schema", "http://json-schema.org/draft-07/schema#");
    schema.insert("title", "Contract Fit config");
    schema.insert(
        "description",
        "A consultancy's config for the Contract Fit calculator. Every field is optional: {} is the shipped default. \
         Generated by `contract-fit schema`; `contract-fit check` is the authority on what the calculator accepts.",
    );
    for (k, v) in top.0 .0 {
        if k != "description" {
            schema.insert(k, v);
        }
    }
    Value::Object(schema)
}

/// The schema as the shipped file's text.
pub fn config_schema_text() -> String {
    let mut text = config_schema().to_pretty_string();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_object_lists_the_fields_the_reader_knows() {
        let schema = config_schema();
        let names = |v: &Value| -> Vec<String> { v.get("properties").and_then(Value::as_object).map(|o| o.keys().map(String::from).collect()).unwrap_or_default() };
        let props = |v: &Value, k: &str| v.get("properties").and_then(|p| p.get(k)).cloned().unwrap_or_default();
        assert_eq!(names(&schema), fields::TOP);
        assert_eq!(names(&props(&schema, "rates")), fields::RATES);
        assert_eq!(names(&props(&schema, "workload")), fields::WORKLOAD);
        assert_eq!(names(&props(&schema, "company")), fields::COMPANY);
        let plans = props(&schema, "plans");
        assert_eq!(names(plans.get("items").unwrap()), fields::PLAN);
        assert_eq!(names(&props(&schema, "lead")), fields::LEAD);
        assert_eq!(names(&props(&schema, "texts")).len(), TEXTS.len() + ALIASES.len());
    }

    #[test]
    fn placeholder_patterns_name_only_the_keys_placeholders() {
        assert_eq!(placeholder_pattern(&TEXTS[0]), "^([^{]|\\{[^}]*$)*$");
        assert_eq!(placeholder_pattern(&TEXTS[1]), "^([^{]|\\{(company)\\}|\\{[^}]*$)*$");
    }
}
