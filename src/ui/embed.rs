//! How a host page starts the widget: the mount options (read once, with their defaults, in one
//! place), the functions the loader calls, and the two faces of a config that cannot be used —
//! every problem for the site owner, a short way forward for visitors.

use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;
use yew::prelude::*;

use super::app::{Widget, WidgetProps};
use super::host::HostEvents;
use crate::model::{Company, Config, Problems};

/// How one widget is started: everything the loader passes, with the defaults a caller that
/// passes nothing gets.
#[derive(Clone, PartialEq)]
pub struct MountOptions {
    /// A prefix for element ids, unique per widget on the page.
    pub id_prefix: String,
    /// The level of the widget's title (1 to 5).
    pub heading_level: u8,
    /// Where answers are kept in the browser; `None` keeps nothing.
    pub storage_key: Option<String>,
    /// Whether a shared link in the page's address is read.
    pub read_fragment: bool,
    /// Where host events go.
    pub events: HostEvents,
    /// Where the config came from, named to the site owner.
    pub config_source: Option<String>,
    /// Whether the site owner is looking (this machine, `#contract-fit-debug`, `data-debug`):
    /// then problems are listed in full on the page, not only in the console.
    pub debug: bool,
    /// The consultancy's email for visitors when the config cannot be read.
    pub contact_email: Option<String>,
    /// The consultancy's phone for visitors when the config cannot be read.
    pub contact_phone: Option<String>,
    /// In an iframe: the embedding page's address, which a relative logo resolves against.
    pub logo_base: Option<String>,
}

impl Default for MountOptions {
    fn default() -> MountOptions {
        MountOptions {
            id_prefix: "cf".into(),
            heading_level: 2,
            storage_key: Some("answers".into()),
            read_fragment: true,
            events: HostEvents::default(),
            config_source: None,
            debug: false,
            contact_email: None,
            contact_phone: None,
            logo_base: None,
        }
    }
}

impl MountOptions {
    /// Reads the loader's options object; a key that is missing or of another type keeps its
    /// default.
    pub fn from_js(options: &JsValue) -> MountOptions {
        let get = |key: &str| Reflect::get(options, &key.into()).ok().filter(|v| !v.is_undefined());
        let text = |key: &str| get(key).and_then(|v| v.as_string()).filter(|s| !s.is_empty());
        let d = MountOptions::default();
        MountOptions {
            id_prefix: text("idPrefix").unwrap_or(d.id_prefix),
            heading_level: get("headingLevel").and_then(|v| v.as_f64()).map_or(d.heading_level, |l| l.clamp(1.0, 5.0) as u8),
            storage_key: match get("storageKey") {
                Some(v) if v.is_null() => None,
                Some(v) => v.as_string().or(d.storage_key),
                None => d.storage_key,
            },
            read_fragment: get("readFragment").and_then(|v| v.as_bool()).unwrap_or(d.read_fragment),
            events: HostEvents {
                target: get("eventTarget").and_then(|v| v.dyn_into::<Element>().ok()),
                parent_origin: text("parentOrigin"),
                container: None,
            },
            config_source: text("configSource"),
            debug: get("debug").and_then(|v| v.as_bool()).unwrap_or(d.debug),
            contact_email: text("contactEmail"),
            contact_phone: text("contactPhone"),
            logo_base: text("logoBase"),
        }
    }
}

fn console_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Starts a widget in `host`.
///
/// `config_json` is the consultancy's config as JSON text, or `None` for the compiled-in default.
/// A config that cannot be used shows the site owner every problem (and always logs them to the
/// console), and visitors a short message with the consultancy's contact.
pub fn mount(host: Element, config_json: Option<String>, options: JsValue) {
    super::recover::install_panic_hook();
    let mut options = MountOptions::from_js(&options);
    options.events.container = Some(host.clone());
    let config = match config_json.as_deref().map(Config::from_json) {
        None => Ok(Config::shipped()),
        Some(result) => result,
    };
    match config {
        Ok(config) => {
            let warnings: Vec<String> = config.warnings.iter().map(ToString::to_string).collect();
            if !warnings.is_empty() {
                let source = options.config_source.as_deref().unwrap_or("the configuration");
                web_sys::console::warn_1(
                    &format!("contract-fit: {source} has fields the calculator does not know (they are ignored):\n{}", warnings.join("\n")).into(),
                );
            }
            let props = WidgetProps {
                config: Rc::new(config),
                id_prefix: options.id_prefix.into(),
                heading_level: options.heading_level,
                storage_key: options.storage_key.map(AttrValue::from),
                read_fragment: options.read_fragment,
                events: options.events,
                owner_notes: if options.debug { warnings } else { Vec::new() },
                logo_base: options.logo_base.map(AttrValue::from),
            };
            // Reading the config is one task, the first render the next: together they would
            // keep the page from answering a tap for their sum.
            gloo::timers::callback::Timeout::new(0, move || {
                host.set_inner_html("");
                yew::Renderer::<Widget>::with_root_and_props(host, props).render();
            })
            .forget();
        }
        Err(problems) => {
            let company = config_json.as_deref().and_then(Config::contact_from_text);
            show_problems(host, &options, config_problem_lines(&problems), company);
        }
    }
}

/// Shows that the config at `source` could not be loaded, and why.
pub fn mount_load_error(host: Element, source: String, reason: String, options: JsValue) {
    super::recover::install_panic_hook();
    let options = MountOptions::from_js(&options);
    let line = format!("The configuration file {source} could not be loaded: {reason}.");
    show_problems(host, &MountOptions { config_source: None, ..options }, vec![line], None);
}

fn config_problem_lines(problems: &Problems) -> Vec<String> {
    problems.lines()
}

fn show_problems(host: Element, options: &MountOptions, problems: Vec<String>, company: Option<Company>) {
    let source = options.config_source.clone();
    console_error(&format!(
        "contract-fit: the calculator cannot be shown: {}\n{}",
        source.as_deref().map_or(String::from("its configuration has problems"), |s| format!("the configuration {s} has problems")),
        problems.join("\n")
    ));
    host.set_inner_html("");
    if options.debug {
        yew::Renderer::<ConfigProblems>::with_root_and_props(host, ConfigProblemsProps { source, problems }).render();
    } else {
        let company = company.unwrap_or_default();
        let props = VisitorNoticeProps {
            company: company.name,
            email: options.contact_email.clone().or(Some(company.email)).filter(|e| crate::model::is_email(e)),
            phone: options.contact_phone.clone().or(Some(company.phone)).filter(|p| !p.is_empty()),
        };
        yew::Renderer::<VisitorNotice>::with_root_and_props(host, props).render();
    }
}

/// Properties of [`ConfigProblems`].
#[derive(Properties, PartialEq)]
pub struct ConfigProblemsProps {
    /// Where the config came from (a URL, or `#id` of an inline script), when known.
    pub source: Option<String>,
    /// One line per problem, each with its path (at most a hundred, then how many more).
    pub problems: Vec<String>,
}

/// The panel a site owner sees instead of the calculator when the config cannot be used.
///
/// Written for the site owner in English: the config's own wording cannot be trusted here.
#[component]
pub fn ConfigProblems(props: &ConfigProblemsProps) -> Html {
    html! {
        <div class="cf-widget cf-config-error" role="alert">
            <h2 class="cf-section__title">{ "This calculator’s configuration has problems" }</h2>
            <p>{ "Only you see this list (this page runs on your own machine, or has #contract-fit-debug in its address, or data-debug on the calculator's element). Visitors see a short message with your contact details instead." }</p>
            if let Some(source) = &props.source {
                <p class="cf-help">{ "Configuration: " }<code>{ source }</code></p>
            }
            <ul class="cf-config-error__list">
                { for props.problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }
            </ul>
            <p class="cf-help">{ "Check a config file before publishing it with: contract-fit check CONFIG.json" }</p>
        </div>
    }
}

/// Properties of [`VisitorNotice`].
#[derive(Properties, PartialEq)]
pub struct VisitorNoticeProps {
    /// The consultancy's name, if known.
    pub company: String,
    /// An email address to write to instead.
    pub email: Option<String>,
    /// A phone number to call instead.
    pub phone: Option<String>,
}

/// What a visitor sees when the calculator cannot be shown: a short apology and a way to reach
/// the consultancy, never the owner's problem list.
#[component]
pub fn VisitorNotice(props: &VisitorNoticeProps) -> Html {
    let who = if props.company.is_empty() { "us".to_string() } else { props.company.clone() };
    html! {
        <div class="cf-widget cf-unavailable" role="status">
            <p class="cf-unavailable__title">{ "The cost calculator is not available right now." }</p>
            <p>{ format!("Please get in touch with {who} for an estimate") }
                if props.email.is_some() || props.phone.is_some() { { ":" } } else { { "." } }
            </p>
            if props.email.is_some() || props.phone.is_some() {
                <ul class="cf-unavailable__contact">
                    if let Some(email) = &props.email {
                        <li><a href={format!("mailto:{email}")} target="_top">{ email }</a></li>
                    }
                    if let Some(phone) = &props.phone {
                        <li><a href={format!("tel:{}", phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())} target="_top">{ phone }</a></li>
                    }
                </ul>
            }
        </div>
    }
}
