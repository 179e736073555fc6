//! The widget's root: it holds the state, restores and saves answers, announces changes, and lays
//! out the questions beside the live results.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;
use super::details::Details;
use super::env::{heading, Env, EnvHandle, Same};
use super::hooks::use_deferred;
use super::form::{business_fields, fit_questions};
use super::host::{event_detail, HostEvents};
use super::results::{fit_summary, recommendation_card, summary_bar};
use super::state::State;
use crate::model::{accent_ink_on_dark, readable_text_on, AnswerForm, Dropped, Field, Key, Scheme};

/// Properties of [`Widget`].
#[derive(Properties)]
pub struct WidgetProps {
    /// The consultancy's validated config.
    pub config: Rc<crate::model::Config>,
    /// A prefix for element ids, unique per widget on the page.
    #[prop_or(AttrValue::Static("cf"))]
    pub id_prefix: AttrValue,
    /// The level of the widget's title: 1 on a page of its own, 2 inside a host page.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Where answers are saved in the browser (under the widget's prefix); `None` saves nothing.
    #[prop_or(Some(AttrValue::Static("answers")))]
    pub storage_key: Option<AttrValue>,
    /// Whether answers in the page's URL fragment (a shared link) are read.
    #[prop_or(true)]
    pub read_fragment: bool,
    /// Where the widget reports changes and next steps to the host page.
    #[prop_or_default]
    pub events: HostEvents,
    /// What the site owner should fix in a config that still works (unknown fields), shown only
    /// in the owner's view.
    #[prop_or_default]
    pub owner_notes: Vec<String>,
    /// The address a relative logo resolves against (the embedding page, in an iframe); `None`
    /// leaves it to the document, which is the embedding page in the other ways.
    #[prop_or_default]
    pub logo_base: Option<AttrValue>,
}

// The config is compared by identity: a changed config always arrives in a new `Rc`, and comparing
// two configs field by field would only put a deep comparison in the WebAssembly.
impl PartialEq for WidgetProps {
    fn eq(&self, other: &WidgetProps) -> bool {
        Rc::ptr_eq(&self.config, &other.config)
            && self.id_prefix == other.id_prefix
            && self.heading_level == other.heading_level
            && self.storage_key == other.storage_key
            && self.read_fragment == other.read_fragment
            && self.events == other.events
            && self.owner_notes == other.owner_notes
            && self.logo_base == other.logo_base
    }
}

/// How much of the widget is drawn, in the order it is drawn.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    /// The header, the business questions, the verdict and the price.
    FirstScreen,
    /// And the fit questions.
    Questions,
    /// And the sections below the first screen.
    Complete,
}

impl Stage {
    /// The stage drawn in the task after this one.
    fn next(self) -> Option<Stage> {
        match self {
            Stage::FirstScreen => Some(Stage::Questions),
            Stage::Questions => Some(Stage::Complete),
            Stage::Complete => None,
        }
    }
}

/// The logo's address: as written, or resolved against `base` when it is not absolute.
fn logo_src(logo: &str, base: Option<&str>) -> String {
    match base {
        Some(base) if !logo.to_ascii_lowercase().starts_with("https:") => {
            web_sys::Url::new_with_base(logo, base).map(|u| u.href()).unwrap_or_else(|_| logo.to_string())
        }
        _ => logo.to_string(),
    }
}

/// The answers to start from: a shared link first, then saved answers, then the config's
/// starting values.
fn initial_form(config: &crate::model::Config, read_fragment: bool, storage_key: Option<&str>) -> AnswerForm {
    let from_link = read_fragment.then(|| AnswerForm::from_fragment(&browser::fragment())).flatten();
    let saved = || storage_key.and_then(browser::load).and_then(|t| AnswerForm::from_json(&t));
    from_link.or_else(saved).unwrap_or_else(|| AnswerForm::starting(config))
}

/// The prospect's calculator.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let env = {
        let (prefix, level) = (props.id_prefix.to_string(), props.heading_level);
        use_memo(Same(props.config.clone()), move |c| Same(Rc::new(Env::new(c.0.clone(), &prefix, level))))
    };
    let state = {
        let (config, syntax) = (props.config.clone(), env.fmt.syntax);
        let (read_fragment, key) = (props.read_fragment, props.storage_key.clone());
        // Storage and the URL are read once, when the widget starts, not on every render.
        use_reducer(move || {
            let form = initial_form(&config, read_fragment, key.as_deref());
            State::new(config, form, syntax)
        })
    };

    // Only answers valid as a whole are saved: a typo never becomes what reopens next time.
    {
        let key = props.storage_key.clone();
        use_effect_with(state.valid_form.clone(), move |form| {
            if let Some(key) = key {
                browser::save(&key, &form.to_json().to_json_string());
            }
        });
    }

    // The host page hears nothing until the prospect acts on this page (answers saved earlier
    // are not sent anywhere by merely opening it): then `start` once, a new report each time
    // the prospect pauses, and `verdict` the first time there is one.
    let started = use_mut_ref(|| false);
    {
        let events = props.events.clone();
        let (started, first) = (started.clone(), use_mut_ref(|| None::<AnswerForm>));
        let report = state.report.clone();
        let answers = state.answers.clone();
        use_effect_with(state.form.clone(), move |form| {
            let mut first = first.borrow_mut();
            match &*first {
                None => *first = Some(form.clone()),
                Some(initial) if !*started.borrow() && initial != form => {
                    *started.borrow_mut() = true;
                    events.emit("start", &event_detail(&report, &answers, None));
                }
                _ => {}
            }
        });
    }
    {
        let events = props.events.clone();
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        let told_verdict = use_mut_ref(|| false);
        let started = started.clone();
        let answers = state.answers.clone();
        use_effect_with(state.report.clone(), move |report| {
            if events.is_heard() && *started.borrow() {
                if report.verdict_ready && !*told_verdict.borrow() {
                    *told_verdict.borrow_mut() = true;
                    events.emit("verdict", &event_detail(report, &answers, None));
                }
                let report = report.clone();
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(400, move || {
                    events.emit("report", &event_detail(&report, &answers, None));
                }));
            }
        });
    }

    // The consultancy's look from the config, set through the CSS object model so that a strict
    // CSP holds: accent colours with readable text (and ink for the dark scheme), and any custom
    // properties the config names (which is how theming reaches into the iframe mode).
    let root = use_node_ref();
    {
        let theme = env.config.theme.clone();
        use_effect_with((root.clone(), theme), |(root, theme)| {
            if let Some(el) = root.cast::<web_sys::HtmlElement>() {
                let style = el.style();
                for (name, value) in [("--cf-theme-accent", &theme.accent), ("--cf-theme-accent-dark", &theme.accent_dark)] {
                    if !value.is_empty() {
                        let _ = style.set_property(name, value);
                        let _ = style.set_property(&format!("{name}-text"), readable_text_on(value));
                    }
                }
                let ink_from = if theme.accent_dark.is_empty() { &theme.accent } else { &theme.accent_dark };
                if !ink_from.is_empty() {
                    let _ = style.set_property("--cf-theme-accent-ink-dark", &accent_ink_on_dark(ink_from));
                }
                for (name, value) in &theme.properties {
                    let _ = style.set_property(&format!("--cf-{name}"), value);
                }
            }
        });
    }

    // A select the prospect once changed by hand no longer follows its options' `selected`
    // attribute, so after "Start over" or "Undo" its value is set to the form's.
    {
        let root = root.clone();
        use_effect_with(state.form.required_response.clone(), move |response| {
            let select = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector("select[name=\"response\"]").ok().flatten())
                .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok());
            if let Some(select) = select {
                if select.value() != *response {
                    select.set_value(response);
                }
            }
        });
    }

    let dispatch = state.dispatcher().to_callback();

    // The widget is drawn in three tasks, so the first price paints sooner and no single task
    // blocks the page for long: first what the first screen shows (the business questions, the
    // verdict and the price), then the fit questions, then the sections below the first screen.
    let stage = use_state(|| Stage::FirstScreen);
    {
        let stage = stage.clone();
        use_effect_with(*stage, move |now| {
            let timer = now.next().map(|next| gloo::timers::callback::Timeout::new(0, move || stage.set(next)));
            move || drop(timer)
        });
    }
    // Only the printed quote shows the date, and a page's first date format costs milliseconds.
    let today = use_memo((props.config.locale.clone(), *stage == Stage::Complete), |(locale, complete)| {
        if *complete {
            browser::today(locale)
        } else {
            String::new()
        }
    });
    let report = state.report.clone();
    let answers = state.answers.clone();
    // The questions, the verdict and the price follow each keystroke in its own task; the
    // sections below the first screen (plans, comparison, chart, next steps) follow a task later.
    let (details, details_answers, details_form) =
        use_deferred((Same(report.clone()), Same(answers.clone()), Same(state.valid_form.clone())));
    let config = &env.config;
    let story = env.story();
    let company = &config.company;
    let contact: Vec<&str> = [company.email.as_str(), company.phone.as_str(), company.website.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let blocked = !state.errors.is_empty();
    let notes: Vec<String> = state
        .dropped
        .iter()
        .map(|d| match d {
            Dropped::Response(h) => env.tf(Key::RestoreResponse, &[("hours", h)]),
            Dropped::Choice(_) => env.t(Key::RestoreChoices).to_string(),
        })
        .fold(Vec::new(), |mut acc, note| {
            if !acc.contains(&note) {
                acc.push(note);
            }
            acc
        });

    html! {
        <ContextProvider<EnvHandle> context={(*env).clone()}>
            <div class={classes!("cf-widget", match config.theme.scheme {
                Scheme::Auto => None,
                Scheme::Light => Some("cf-scheme-light"),
                Scheme::Dark => Some("cf-scheme-dark"),
            })} lang={config.locale.clone()} dir={config.text_direction()} ref={root}>
                if !props.owner_notes.is_empty() {
                    <div class="cf-owner-notes" role="note">
                        <p>{ "For the site owner (visitors do not see this): the configuration has fields the calculator does not know, and ignores:" }</p>
                        <ul class="cf-config-error__list">
                            { for props.owner_notes.iter().map(|n| html! { <li><code>{ n }</code></li> }) }
                        </ul>
                    </div>
                }
                <header class="cf-header">
                    if !company.logo_url.is_empty() {
                        <img class="cf-logo" src={logo_src(&company.logo_url, props.logo_base.as_deref())}
                            alt={env.tf(Key::WidgetLogoAlt, &[("company", &company.name)])} />
                    }
                    <div class="cf-print-only cf-print-header">
                        <p class="cf-print-header__company">{ env.tf(Key::PrintTitle, &[("company", &company.name)]) }</p>
                        if !contact.is_empty() {
                            <p class="cf-print-header__contact">{ contact.join(" · ") }</p>
                        }
                        if !today.is_empty() {
                            <p class="cf-print-header__date">{ env.tf(Key::PrintDate, &[("date", &today)]) }</p>
                        }
                    </div>
                    { heading(&env, 0, None, "cf-title", html! { { env.t(Key::WidgetTitle) } }) }
                    <p class="cf-intro">{ env.tf(Key::WidgetIntro, &[("company", &company.name)]) }</p>
                    <p class="cf-print-only cf-print-business">{ env.tf(Key::SummaryBusiness, &[
                        ("business", &story.business(&answers)),
                        ("users", &answers.users.to_string()),
                        ("computers", &answers.computers.to_string()),
                        ("servers", &answers.servers.to_string()),
                    ]) }</p>
                </header>
                <div class="cf-layout">
                    <form class="cf-questions-pane" novalidate={true} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { business_fields(&env, &state.form, &state.errors, &dispatch) }
                        if *stage != Stage::FirstScreen {
                            { fit_questions(&env, &state.form.choices, &dispatch) }
                        }
                    </form>
                    { summary_bar(&env, &report) }
                    <div class="cf-results-pane">
                        { heading(&env, 1, Some(env.id("results-title")), "cf-visually-hidden", html! { { env.t(Key::ResultsHeading) } }) }
                        { for notes.into_iter().map(|n| html! { <p class="cf-notice" role="status">{ n }</p> }) }
                        if blocked {
                            <p class="cf-notice cf-notice--kept" role="status">{ story.kept_notice(&answers) }</p>
                        }
                        <div class="cf-summary-cards">
                            { fit_summary(&env, &report) }
                            { recommendation_card(&env, &report) }
                        </div>
                    </div>
                </div>
                if *stage == Stage::Complete {
                    <Details report={details} answers={details_answers} form={details_form}
                        downtime_text={state.form.downtime_cost.clone()} downtime_error={state.error(Field::DowntimeCost).cloned()}
                        {blocked} can_undo={state.undo.is_some()} dispatch={state.dispatcher()}
                        storage_key={props.storage_key.clone()} events={props.events.clone()} />
                }
                <p class="cf-live" aria-live="polite" aria-atomic="true">{ story.announcement(&report) }</p>
            </div>
        </ContextProvider<EnvHandle>>
    }
}
