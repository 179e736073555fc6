//! The widget's root: it holds the state, restores and saves answers, announces changes, and lays
//! out the questions beside the live results.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::chart::CostChart;
use super::env::{Env, EnvHandle, Heading};
use super::form::{BusinessFields, FitQuestions};
use super::next_steps::{recommendation_sentence, NextSteps};
use super::results::{CompareTable, FitSummary, PlanCards, RecommendationCard, WorkMix};
use super::explain::HowCalculated;
use super::embed::HostEvents;
use super::state::{Action, State};
use crate::model::estimate::downtime_cost_per_hour;
use crate::model::form::AnswerForm;
use crate::model::config::readable_text_on;
use crate::model::{Answers, Config, Report};

/// Properties of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The consultancy's validated config.
    pub config: Rc<Config>,
    /// A prefix for element ids, unique per widget on the page.
    #[prop_or(AttrValue::Static("cf"))]
    pub id_prefix: AttrValue,
    /// The level of the widget's title: 1 on a page of its own, 2 inside a host page.
    #[prop_or(1)]
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
}

/// The detail of a host event: the report and the answers behind it, plus anything extra.
fn event_detail(report: &Report, answers: &Answers, extra: Option<(&str, &str)>) -> serde_json::Value {
    let mut detail = serde_json::json!({
        "report": report.to_json(),
        "answers": answers.to_json(report.minor_units),
    });
    if let (Some((k, v)), Some(map)) = (extra, detail.as_object_mut()) {
        map.insert(k.to_string(), v.into());
    }
    detail
}

/// The answers to start from: a shared link first, then saved answers, then the defaults.
fn initial_form(read_fragment: bool, storage_key: Option<&str>) -> AnswerForm {
    let from_link = read_fragment.then(|| AnswerForm::from_fragment(&browser::fragment())).flatten();
    let saved = || storage_key.and_then(browser::load).and_then(|t| AnswerForm::from_json(&t));
    from_link.or_else(saved).unwrap_or_default()
}

/// The prospect's calculator.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let env = {
        let (prefix, level) = (props.id_prefix.to_string(), props.heading_level);
        use_memo(props.config.clone(), move |c| EnvHandle(Rc::new(Env::new(c.clone(), &prefix, level))))
    };
    let state = {
        let (config, sep) = (props.config.clone(), env.fmt.decimal_separator);
        let (read_fragment, key) = (props.read_fragment, props.storage_key.clone());
        // Storage and the URL are read once, when the widget starts, not on every render.
        use_reducer(move || State::new(config, initial_form(read_fragment, key.as_deref()), sep))
    };
    let status = use_state(String::new);

    // Saving is a side effect of the form changing, kept out of the reducer.
    {
        let key = props.storage_key.clone();
        use_effect_with(state.form.clone(), move |form| {
            if let Some(key) = key {
                browser::save(&key, &form.to_json().to_string());
            }
        });
    }

    // The host page hears of a new report once the prospect pauses, not on every keystroke.
    {
        let events = props.events.clone();
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        let answers = state.answers.clone();
        use_effect_with(state.report.clone(), move |report| {
            if events.target.is_some() || events.parent_origin.is_some() {
                let report = report.clone();
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(400, move || {
                    events.emit("report", &event_detail(&report, &answers, None));
                }));
            }
        });
    }

    // The consultancy's colours, set through the CSS object model so that a strict CSP holds.
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
            }
        });
    }

    let on_step = {
        let (events, report, answers) = (props.events.clone(), state.report.clone(), state.answers.clone());
        Callback::from(move |action: &'static str| {
            events.emit("next-step", &event_detail(&report, &answers, Some(("action", action))));
        })
    };

    let dispatch = state.dispatcher().to_callback();
    let on_reset = {
        let (dispatch, key, status) = (state.dispatcher(), props.storage_key.clone(), status.clone());
        let done = env.t("next.reset_done").to_string();
        Callback::from(move |()| {
            dispatch.dispatch(Action::Reset);
            if let Some(key) = &key {
                browser::remove(key);
            }
            if AnswerForm::from_fragment(&browser::fragment()).is_some() {
                browser::set_fragment("");
            }
            status.set(done.clone());
        })
    };
    let on_status = {
        let status = status.clone();
        Callback::from(move |s: String| status.set(s))
    };

    let today = use_memo(props.config.locale.clone(), |locale| browser::today(locale));
    let report = state.report.clone();
    let answers = Rc::new(state.answers.clone());
    let config = &env.config;
    let estimated = downtime_cost_per_hour(config, &Answers { downtime_cost_per_hour: None, ..state.answers.clone() });
    // What a screen reader hears after each change: the verdict once there is one, else the price.
    let announcement = if report.answered_questions > 0 {
        let recommendation = recommendation_sentence(&env, &report);
        env.tf("announce.result", &[("band", &report.band.label), ("recommendation", &recommendation)])
    } else {
        let cheapest = report.plans.iter().map(|p| p.price.monthly).min().unwrap_or_default();
        env.tf("announce.prices", &[("price", &env.fmt.money(cheapest))])
    };

    html! {
        <ContextProvider<EnvHandle> context={(*env).clone()}>
            <div class="cf-widget" lang={config.locale.clone()} ref={root}>
                <header class="cf-header">
                    if !config.company.logo_url.is_empty() {
                        <img class="cf-logo" src={config.company.logo_url.clone()}
                            alt={env.tf("widget.logo_alt", &[("company", &config.company.name)])} />
                    }
                    <p class="cf-print-only cf-print-header">{ env.tf("print.title", &[("company", &config.company.name)]) }
                        { " · " }{ env.tf("print.date", &[("date", &today)]) }</p>
                    <Heading class="cf-title">{ env.t("widget.title") }</Heading>
                    <p class="cf-intro">{ env.tf("widget.intro", &[("company", &config.company.name)]) }</p>
                    <p class="cf-print-only cf-print-business">{ env.tf("summary.business", &[
                        ("users", &env.fmt.number(f64::from(state.answers.users))),
                        ("computers", &env.fmt.number(f64::from(state.answers.computers))),
                        ("servers", &env.fmt.number(f64::from(state.answers.servers))),
                    ]) }</p>
                </header>
                <div class="cf-layout">
                    <form class="cf-questions-pane" novalidate={true} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        <BusinessFields form={state.form.clone()} errors={state.errors.clone()}
                            estimated_downtime={estimated} dispatch={dispatch.clone()} />
                        <FitQuestions choices={state.form.choices.clone()} dispatch={dispatch} />
                    </form>
                    <div class="cf-results-pane">
                        if !state.errors.is_empty() {
                            <p class="cf-notice" role="status">{ env.t("error.kept") }</p>
                        }
                        <div class="cf-summary-cards">
                            <FitSummary report={report.clone()} answers={answers.clone()} />
                            <RecommendationCard report={report.clone()} answers={answers.clone()} />
                        </div>
                    </div>
                </div>
                <div class="cf-details">
                    <PlanCards report={report.clone()} answers={answers.clone()} />
                    <CompareTable report={report.clone()} />
                    <WorkMix report={report.clone()} />
                    <CostChart report={report.clone()} />
                    <HowCalculated report={report.clone()} answers={answers.clone()} />
                    <NextSteps report={report.clone()} answers={answers} form={state.form.clone()} {on_reset} {on_status} {on_step} />
                </div>
                <p class="cf-live" aria-live="polite" aria-atomic="true">{ announcement }</p>
                <p class="cf-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            </div>
        </ContextProvider<EnvHandle>>
    }
}
