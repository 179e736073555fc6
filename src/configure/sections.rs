//! The form's sections that are not lists: company and contact, currency and locale (with a live
//! sample of how amounts look), rates, workload, the verdict threshold, lead sending, the form's
//! controls, the tax note and the theme. Each field says what it does and its default, in the
//! words of the README's config reference.

use std::sync::OnceLock;

use yew::prelude::*;

use super::doc::{self, Path};
use super::fields::{self, checkbox, colour, number, section, select, text, Cx, TextOpts};
use super::lead_test::LeadTest;
use super::start::Start;
use super::state::Action;
use crate::model::json::{Object, Value};
use crate::model::{currency_minor_units, is_currency, locale_problem, Config, Format, Money, CURRENCIES};
use crate::ui::intl::Formats;

/// The shipped default config as a document, for the defaults fields show.
fn defaults() -> &'static Value {
    static DEFAULTS: OnceLock<Value> = OnceLock::new();
    DEFAULTS.get_or_init(|| Start::Default.document())
}

/// "150 (default)": the default at `path`, for a placeholder.
fn default_at(path: &Path) -> String {
    match doc::get(defaults(), path) {
        Some(v) => format!("{} (default)", doc::shown(v)),
        None => String::new(),
    }
}

/// Locales a consultancy is likely to want; any tag a browser accepts works.
const LOCALES: &[&str] = &[
    "en-US", "en-GB", "en-CA", "en-AU", "en-IE", "en-NZ", "en-ZA", "en-IN", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-CA",
    "fr-CH", "fr-BE", "it-IT", "it-CH", "es-ES", "es-MX", "es-419", "pt-PT", "pt-BR", "nl-NL", "nl-BE", "sv-SE", "da-DK",
    "nb-NO", "fi-FI", "pl-PL", "cs-CZ", "ja-JP", "zh-CN", "zh-TW", "ko-KR", "ar-SA", "he-IL", "tr-TR",
];

/// Company and contact.
pub fn company(cx: &Cx) -> Html {
    let p = Path::of(&["company"]);
    let body = html! {
        <div class="cfg-grid">
            { text(cx, &p.key("name"), "Company name", "Shown to prospects; required.", TextOpts::default()) }
            { text(cx, &p.key("email"), "Sales email", "Where \"Email this estimate\" writes to. Leave it empty to hide that button.",
                TextOpts { kind: "email", ..TextOpts::default() }) }
            { text(cx, &p.key("phone"), "Phone", "Shown beside the next steps: digits, spaces and + - ( ).",
                TextOpts { kind: "tel", ..TextOpts::default() }) }
            { text(cx, &p.key("website"), "Website", "An https: address.", TextOpts { kind: "url", ..TextOpts::default() }) }
        </div>
    };
    section(cx, "cfg-company", "Company and contact", "Who offers the contract. Your company replaces the default one as a whole, so none of its details appear on your page.", Some(&p), body)
}

/// Currency and locale, with how an amount looks in them.
pub fn currency(cx: &Cx) -> Html {
    let code = cx.text(&Path::of(&["currency"]));
    let code = if cx.get(&Path::of(&["currency"])).is_none() { "USD".to_string() } else { code };
    let locale = match cx.get(&Path::of(&["locale"])) {
        None => "en-US".to_string(),
        Some(_) => cx.text(&Path::of(&["locale"])),
    };
    let own_minor = match cx.get(&Path::of(&["minor_units"])) {
        Some(Value::Number(n)) => n.as_str().parse::<u8>().ok().filter(|m| *m <= 4),
        _ => None,
    };
    let sample = if is_currency(&code) && locale_problem(&locale).is_none() {
        let mu = own_minor.unwrap_or_else(|| currency_minor_units(&code));
        let fmt = Formats::new(&locale, &code, mu);
        let unit = 10i128.pow(u32::from(mu));
        let m = Money::from_minor(123_456_789 * unit / 100);
        Some(format!("{} is shown as {}", m.to_major_text(mu), fmt.money(m)))
    } else {
        None
    };
    let body = html! {
        <>
            <div class="cfg-grid">
                { text(cx, &Path::of(&["currency"]), "Currency", "An ISO 4217 code: USD, EUR, GBP, CHF, …",
                    TextOpts { placeholder: "USD (default)", list: Some("cfg-currencies"), remove_empty: true, ..TextOpts::default() }) }
                { number(cx, &Path::of(&["minor_units"]), "Decimals of the currency",
                    "How many decimals amounts have: leave empty for the currency's own (0 for JPY, 3 for KWD, 2 for most).",
                    &format!("{} (the currency's own)", if is_currency(&code) { currency_minor_units(&code) } else { 2 })) }
                { text(cx, &Path::of(&["locale"]), "Locale", "How numbers and amounts are written, and the page's language: en-US, de-CH, es-419, …",
                    TextOpts { placeholder: "en-US (default)", list: Some("cfg-locales"), remove_empty: true, ..TextOpts::default() }) }
            </div>
            <datalist id="cfg-currencies">{ for CURRENCIES.iter().map(|c| html! { <option value={*c} /> }) }</datalist>
            <datalist id="cfg-locales">{ for LOCALES.iter().map(|l| html! { <option value={*l} /> }) }</datalist>
            <p class="cfg-sample" aria-live="polite">
                { match sample {
                    Some(s) => html! { <>{ "Sample: " }<strong>{ s }</strong></> },
                    None => html! { { "Sample: fix the currency or the locale to see how amounts look." } },
                } }
            </p>
        </>
    };
    section(cx, "cfg-currency", "Currency and locale", "", None, body)
}

/// Rates.
pub fn rates(cx: &Cx) -> Html {
    let p = Path::of(&["rates"]);
    let n = |key: &str, label: &str, help: &str| number(cx, &p.key(key), label, help, &default_at(&p.key(key)));
    let body = html! {
        <div class="cfg-grid">
            { n("hourly", "Hourly rate", "R: the standard pay-per-job rate, in your currency.") }
            { n("priority_multiplier", "Priority multiplier", "M: urgent pay-per-job work costs the hourly rate × this (1 to 10).") }
            { n("payg_response_hours", "Typical wait without a contract (hours)", "W: how long a pay-per-job client usually waits for help; never guaranteed.") }
            { n("existing_client_discount", "Existing-client discount", "Taken off every plan's monthly price for existing clients: 0.05 is 5%.") }
        </div>
    };
    section(cx, "cfg-rates", "Rates", "Leave a field empty to use its default.", Some(&p), body)
}

/// Workload assumptions.
pub fn workload(cx: &Cx) -> Html {
    let p = Path::of(&["workload"]);
    let n = |key: &str, label: &str, help: &str| number(cx, &p.key(key), label, help, &default_at(&p.key(key)));
    let body = html! {
        <div class="cfg-grid">
            { n("hours_per_user", "Support hours a year per person", "0 to 1,000.") }
            { n("hours_per_computer", "Support hours a year per computer", "0 to 1,000.") }
            { n("hours_per_server", "Support hours a year per server", "0 to 1,000.") }
            { n("emergency_share", "Share of hours that are emergencies", "e: 0.15 is 15%.") }
            { n("hours_per_incident", "Hours per emergency", "The average length of one emergency.") }
            { n("downtime_cost_per_user_hour", "Downtime cost per person-hour", "What one person unable to work costs per hour, in your currency.") }
            { n("incident_impact", "Share of staff an emergency stops", "0.25 is a quarter of the staff.") }
        </div>
    };
    section(cx, "cfg-workload", "Workload assumptions", "How much support a business needs per year: the estimate's starting point.", Some(&p), body)
}

/// How many answers a verdict needs.
pub fn threshold(cx: &Cx, config: Option<&Config>) -> Html {
    let questions = doc::list(&cx.doc, &Path::of(&["questions"])).map(<[Value]>::len).or(config.map(|c| c.questions.len()));
    let placeholder = match questions {
        Some(0) => "no questions, no verdict".to_string(),
        Some(n) => format!("{n}: every question (default)"),
        None => "every question (default)".to_string(),
    };
    let body = number(
        cx,
        &Path::of(&["min_answers"]),
        "Answers needed for a verdict",
        "How many questions a prospect must answer before the calculator says whether a contract suits them; until then it shows progress and prices. Leave empty for every question.",
        &placeholder,
    );
    section(cx, "cfg-threshold", "Verdict threshold", "", None, body)
}

/// Lead sending, with the test of the endpoint.
#[derive(Properties, PartialEq)]
pub struct LeadSectionProps {
    /// The controls' surroundings.
    pub cx: Cx,
    /// The config that works, if the document is one (the test sends with it).
    pub config: Option<std::rc::Rc<Config>>,
}

/// The `lead` section: on or off, where and how leads go, and a test.
#[component]
pub fn LeadSection(props: &LeadSectionProps) -> Html {
    let cx = &props.cx;
    let p = Path::of(&["lead"]);
    let on = matches!(cx.get(&p), Some(v) if !matches!(v, Value::Null));
    // What was typed before the form was switched off comes back when it is switched on.
    let stash = use_mut_ref(|| None::<Value>);
    let toggle = {
        let (dispatch, stash, current) = (cx.dispatch.clone(), stash.clone(), cx.get(&p).cloned());
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            if checked {
                let restored = stash.borrow_mut().take().unwrap_or_else(|| {
                    Value::Object(Object::default().with("endpoint", "").with("format", "json"))
                });
                dispatch.emit(Action::Set(Path::of(&["lead"]), Some(restored)));
            } else {
                *stash.borrow_mut() = current.clone();
                dispatch.emit(Action::Set(Path::of(&["lead"]), None));
            }
        })
    };
    let asks = [("required", "Required"), ("optional", "Optional"), ("hidden", "Hidden")];
    let endpoint = cx.text(&p.key("endpoint"));
    let body = html! {
        <>
            <div class="cfg-field cfg-field--check">
                <input id="cfg-lead-on" class="cfg-checkbox" type="checkbox" checked={on} onchange={toggle}
                    aria-describedby="cfg-lead-on-help" />
                <label class="cfg-label" for="cfg-lead-on">{ "Send leads to your own endpoint (adds a contact form)" }</label>
                <p class="cfg-help" id="cfg-lead-on-help">{ "The prospect's browser posts the estimate straight to an address you own: your form handler, a form service or your CRM's form endpoint. Without it, prospects email, copy, print or share." }</p>
            </div>
            if on {
                <div class="cfg-grid">
                    { text(cx, &p.key("endpoint"), "Endpoint", "An https: address (http: only on localhost or 127.0.0.1, for testing).",
                        TextOpts { kind: "url", ..TextOpts::default() }) }
                    { select(cx, &p.key("format"), "Format", "JSON sends one document (and a CORS preflight); form sends flat form fields, which form services take as they are.",
                        &[("json", "JSON (application/json)"), ("form", "Form fields (application/x-www-form-urlencoded)")], "json") }
                </div>
                <fieldset class="cfg-subgroup">
                    <legend>{ "Contact fields" }</legend>
                    <div class="cfg-grid">
                        { select(cx, &p.key("fields").key("name"), "Name", "", &asks, "required") }
                        { select(cx, &p.key("fields").key("email"), "Email", "Always required: it is how you reply.", &asks[..1], "required") }
                        { select(cx, &p.key("fields").key("phone"), "Phone", "", &asks, "optional") }
                        { select(cx, &p.key("fields").key("company"), "Company", "", &asks, "optional") }
                        { select(cx, &p.key("fields").key("message"), "Message", "", &asks, "optional") }
                    </div>
                </fieldset>
                { text(cx, &p.key("consent"), "Consent sentence", "When set, a checkbox with this sentence must be ticked before sending.",
                    TextOpts { multiline: true, ..TextOpts::default() }) }
                <div class="cfg-grid">
                    { text(cx, &p.key("privacy_url"), "Privacy notice", "Linked beside the consent.", TextOpts { kind: "url", ..TextOpts::default() }) }
                    { text(cx, &p.key("booking_url"), "Booking link", "A \"book a call\" link shown once the lead is sent.", TextOpts { kind: "url", ..TextOpts::default() }) }
                </div>
                <LeadTest config={props.config.clone()} endpoint={endpoint} />
            }
        </>
    };
    section(cx, "cfg-lead", "Lead sending", "", Some(&p), body)
}

/// Which business fields prospects see, and what they start at.
pub fn form_controls(cx: &Cx, config: Option<&Config>) -> Html {
    let p = Path::of(&["form"]);
    let count = |key: &str, label: &str, start: &str, max: &str| {
        let f = p.key(key);
        html! {
            <fieldset class="cfg-subgroup">
                <legend>{ label }</legend>
                <div id={f.field_id()}>{ fields::problem_list(&f.field_id(), &cx.problems(&f)) }</div>
                <div class="cfg-grid">
                    { checkbox(cx, &f.key("show"), "Shown", "A hidden field keeps its starting value.", true) }
                    { number(cx, &f.key("start"), "Starts at", max, &format!("{start} (default)")) }
                    if key == "computers" {
                        { checkbox(cx, &f.key("follow_users"), "One per person while hidden", "While this field is hidden, the number of computers is the number of people.", false) }
                    }
                </div>
            </fieldset>
        }
    };
    let choices: Vec<(String, String)> = config
        .map(|c| c.response_choices().iter().map(|h| (h.to_plain(), format!("Within {} hours", h.to_plain()))).collect())
        .unwrap_or_default();
    let response = p.key("response").key("start");
    let current = match cx.get(&response) {
        None | Some(Value::Null) => String::new(),
        Some(v) => doc::shown(v),
    };
    let on_response = cx.setter(&response, |e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Some(if v.is_empty() { Value::Null } else { fields::number_value(&v).unwrap_or(Value::Null) })
    });
    let response_id = response.field_id();
    let response_problems = cx.problems(&response);
    let known = current.is_empty() || choices.iter().any(|(v, _)| *v == current);
    let body = html! {
        <>
            { count("users", "People who use computers", "10", "1 to 10,000.") }
            { count("computers", "Computers", "10", "0 to 20,000.") }
            { count("servers", "Servers", "1", "0 to 2,000.") }
            <fieldset class="cfg-subgroup">
                <legend>{ "We already work with you" }</legend>
                <div class="cfg-grid">
                    { checkbox(cx, &p.key("existing_client").key("show"), "Shown", "", true) }
                    { checkbox(cx, &p.key("existing_client").key("start"), "Starts ticked", "", false) }
                </div>
            </fieldset>
            <fieldset class="cfg-subgroup">
                <legend>{ "Required response time" }</legend>
                <div class="cfg-grid">
                    { checkbox(cx, &p.key("response").key("show"), "Shown", "", true) }
                    <div class={classes!("cfg-field", (!response_problems.is_empty()).then_some("cfg-field--invalid"))}>
                        <label class="cfg-label" for={response_id.clone()}>{ "Starts at" }</label>
                        <select id={response_id.clone()} class="cfg-input cfg-select" onchange={on_response}
                            aria-invalid={(!response_problems.is_empty()).then_some("true")}
                            aria-describedby={fields::described_by(&response_id, true, response_problems.len())}>
                            <option value="" selected={current.is_empty()}>{ "No particular need (default)" }</option>
                            if !known {
                                <option value={current.clone()} selected={true}>{ format!("{current} hours (no plan offers it)") }</option>
                            }
                            { for choices.iter().map(|(v, l)| html! { <option value={v.clone()} selected={*v == current}>{ l }</option> }) }
                        </select>
                        <p class="cfg-help" id={format!("{response_id}-help")}>{ "One of your plans' response times." }</p>
                        { fields::problem_list(&response_id, &response_problems) }
                    </div>
                </div>
            </fieldset>
            <fieldset class="cfg-subgroup">
                <legend>{ "Downtime cost" }</legend>
                { checkbox(cx, &p.key("downtime").key("show"), "Shown", "Prospects may enter what an hour of downtime costs them; it starts empty (your estimate).", true) }
            </fieldset>
        </>
    };
    section(cx, "cfg-form", "Form controls", "Which business fields prospects see, and what they start at.", Some(&p), body)
}

/// The tax note.
#[component]
pub fn TaxSection(props: &CxProps) -> Html {
    let cx = &props.cx;
    let p = Path::of(&["tax"]);
    let on = matches!(cx.get(&p), Some(v) if !matches!(v, Value::Null));
    let stash = use_mut_ref(|| None::<Value>);
    let toggle = {
        let (dispatch, stash, current) = (cx.dispatch.clone(), stash.clone(), cx.get(&p).cloned());
        Callback::from(move |e: Event| {
            if e.target_unchecked_into::<web_sys::HtmlInputElement>().checked() {
                let restored = stash.borrow_mut().take().unwrap_or_else(|| {
                    Value::Object(Object::default().with("label", "VAT").with("included", false))
                });
                dispatch.emit(Action::Set(Path::of(&["tax"]), Some(restored)));
            } else {
                *stash.borrow_mut() = current.clone();
                dispatch.emit(Action::Set(Path::of(&["tax"]), None));
            }
        })
    };
    let body = html! {
        <>
            <div class="cfg-field cfg-field--check">
                <input id="cfg-tax-on" class="cfg-checkbox" type="checkbox" checked={on} onchange={toggle} aria-describedby="cfg-tax-on-help" />
                <label class="cfg-label" for="cfg-tax-on">{ "Say how prices relate to a tax" }</label>
                <p class="cfg-help" id="cfg-tax-on-help">{ "Quoted prices read \"$1,170.00 + VAT\" (or \"incl. VAT\"); no amount changes." }</p>
            </div>
            if on {
                <div class="cfg-grid">
                    { text(cx, &p.key("label"), "Tax name", "As prospects know it: VAT, GST, sales tax.", TextOpts::default()) }
                    { checkbox(cx, &p.key("included"), "Prices include it", "", false) }
                </div>
            }
        </>
    };
    section(cx, "cfg-tax", "Tax note", "", Some(&p), body)
}

/// Properties of a section that needs only the controls' surroundings.
#[derive(Properties, PartialEq)]
pub struct CxProps {
    /// The controls' surroundings.
    pub cx: Cx,
}

/// The theme: accent colours, scheme and logo.
pub fn theme(cx: &Cx) -> Html {
    let p = Path::of(&["theme"]);
    let body = html! {
        <div class="cfg-grid">
            { colour(cx, &p.key("accent"), "Accent colour", "Buttons and highlights, kept in both schemes (#rgb or #rrggbb). Empty keeps the widget's own blue.") }
            { colour(cx, &p.key("accent_dark"), "Accent colour in the dark scheme", "Only when it should differ from the accent.") }
            { select(cx, &p.key("scheme"), "Colour scheme", "Auto follows each visitor's preference.",
                &[("auto", "Auto (the visitor's preference)"), ("light", "Always light"), ("dark", "Always dark")], "auto") }
            { text(cx, &Path::of(&["company", "logo_url"]), "Logo", "A path on your own site (img/logo.svg) or an https: address; shown above the calculator. In this preview, a path is read from this page's folder.",
                TextOpts { kind: "url", ..TextOpts::default() }) }
        </div>
    };
    section(cx, "cfg-theme", "Theme", "Your page's CSS can set more (see Theming in the README); the theme's other properties in your file are kept as they are.", Some(&p), body)
}
