//! How a host page starts the widget: the functions the JavaScript loader calls, the panel a site
//! owner sees when the config is wrong, and the events the widget sends to the host page.

use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;
use yew::prelude::*;

use super::app::{Widget, WidgetProps};
use super::host::HostEvents;
use crate::model::{Config, Problems};

fn string_option(options: &JsValue, key: &str) -> Option<String> {
    Reflect::get(options, &key.into()).ok().and_then(|v| v.as_string()).filter(|s| !s.is_empty())
}

/// Starts a widget in `host`.
///
/// `config_json` is the consultancy's config as JSON text, or `None` for the compiled-in default.
/// `options` (all optional): `idPrefix`, `headingLevel` (1 or 2), `storageKey` (`null` to save
/// nothing), `readFragment`, `eventTarget` (an element), `parentOrigin` (inside an iframe),
/// `configSource` (where the config came from, named in the problems panel).
/// An invalid config shows the site owner every problem instead of the calculator.
pub fn mount(host: Element, config_json: Option<String>, options: JsValue) {
    host.set_inner_html("");
    let config = match config_json.as_deref().map(Config::from_json) {
        None => Ok(Config::shipped()),
        Some(result) => result,
    };
    match config {
        Ok(config) => {
            let heading_level = Reflect::get(&options, &"headingLevel".into())
                .ok()
                .and_then(|v| v.as_f64())
                .map_or(2, |l| l.clamp(1.0, 5.0) as u8);
            let storage_key = match Reflect::get(&options, &"storageKey".into()) {
                Ok(v) if v.is_null() => None,
                Ok(v) => Some(v.as_string().unwrap_or_else(|| "answers".into())),
                Err(_) => Some("answers".into()),
            };
            let read_fragment = Reflect::get(&options, &"readFragment".into()).ok().and_then(|v| v.as_bool()).unwrap_or(true);
            let events = HostEvents {
                target: Reflect::get(&options, &"eventTarget".into()).ok().and_then(|v| v.dyn_into::<Element>().ok()),
                parent_origin: string_option(&options, "parentOrigin"),
            };
            let props = WidgetProps {
                config: Rc::new(config),
                id_prefix: string_option(&options, "idPrefix").unwrap_or_else(|| "cf".into()).into(),
                heading_level,
                storage_key: storage_key.map(AttrValue::from),
                read_fragment,
                events,
            };
            yew::Renderer::<Widget>::with_root_and_props(host, props).render();
        }
        Err(problems) => show_problems(host, string_option(&options, "configSource"), config_problem_lines(&problems)),
    }
}

/// Shows the site owner that the config could not be loaded from `source`, and why.
pub fn mount_load_error(host: Element, source: String, reason: String) {
    host.set_inner_html("");
    let line = format!("The configuration file {source} could not be loaded: {reason}.");
    show_problems(host, None, vec![line]);
}

fn config_problem_lines(problems: &Problems) -> Vec<String> {
    problems.lines()
}

fn show_problems(host: Element, source: Option<String>, problems: Vec<String>) {
    yew::Renderer::<ConfigProblems>::with_root_and_props(host, ConfigProblemsProps { source, problems }).render();
}

/// Properties of [`ConfigProblems`].
#[derive(Properties, PartialEq)]
pub struct ConfigProblemsProps {
    /// Where the config came from (a URL, or `#id` of an inline script), when known.
    pub source: Option<String>,
    /// One line per problem, each with its path.
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
            <p>{ "The site owner needs to fix these before the calculator can be shown:" }</p>
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
