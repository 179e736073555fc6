//! The sections below the first screen: the plans, the comparison, the work mix, the chart, how
//! it is calculated and the next steps. They are a component of their own so that a keystroke,
//! which changes what the first screen shows at once and these a task later, does not rebuild
//! them until their own inputs change.

use yew::prelude::*;

use super::browser;
use super::chart::cost_chart;
use super::compare::compare_section;
use super::env::{use_env, Same};
use super::explain::how_calculated;
use super::hooks::use_element_width;
use super::host::{event_detail, HostEvents};
use super::next_steps::NextSteps;
use super::results::{plan_cards, work_mix};
use super::state::{Action, State};
use crate::model::{AnswerForm, Answers, ChartBasis, Report, Rule};

/// Properties of [`Details`].
#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    /// The report shown (it follows the answers a task late).
    pub report: Same<Report>,
    /// The answers behind it.
    pub answers: Same<Answers>,
    /// The form those answers were read from, for the share link.
    pub form: Same<AnswerForm>,
    /// The downtime cost as typed (empty: our estimate).
    pub downtime_text: AttrValue,
    /// The downtime field's problem, if any.
    pub downtime_error: Option<Rule>,
    /// Whether a field is invalid: then sending, copying, sharing and printing wait.
    pub blocked: bool,
    /// Whether "Start over" can be undone right now.
    pub can_undo: bool,
    /// Changes the widget's state.
    pub dispatch: UseReducerDispatcher<State>,
    /// Where the widget keeps answers.
    pub storage_key: Option<AttrValue>,
    /// The host page, told of next steps.
    pub events: HostEvents,
}

/// Everything below the first screen.
#[component]
pub fn Details(props: &DetailsProps) -> Html {
    let env = use_env();
    let (report, answers) = (&props.report.0, &props.answers.0);
    // The comparison's and the chart's own choices live here: as plain functions of the report
    // they need no component (and its code) of their own.
    let picked = use_state(|| None::<String>);
    let basis = use_state(ChartBasis::default);
    let container = use_node_ref();
    // Drawn at the container's own width so that text stays legible from phones to desktops.
    let width = use_element_width(container.clone(), 600.0).clamp(260.0, 1200.0);
    let dispatch = props.dispatch.to_callback();
    let on_step = {
        let (events, report, answers) = (props.events.clone(), report.clone(), answers.clone());
        Callback::from(move |action: &'static str| {
            events.emit("next-step", &event_detail(&report, &answers, Some(("action", action))));
        })
    };
    let on_reset = {
        let (dispatch, key) = (props.dispatch.clone(), props.storage_key.clone());
        Callback::from(move |()| {
            dispatch.dispatch(Action::Reset);
            if let Some(key) = &key {
                browser::remove(key);
            }
            if AnswerForm::from_fragment(&browser::fragment()).is_some() {
                browser::set_fragment("");
            }
        })
    };
    let on_undo = dispatch.reform(|()| Action::Undo);
    html! {
        <div class="cf-details">
            { plan_cards(&env, report) }
            { compare_section(&env, report, &picked, &props.downtime_text, props.downtime_error.as_ref(), &dispatch) }
            { work_mix(&env, report) }
            { cost_chart(&env, report, &basis, container, width) }
            { how_calculated(&env, report, answers) }
            <NextSteps report={report.clone()} answers={answers.clone()} form={props.form.0.clone()}
                blocked={props.blocked} can_undo={props.can_undo} {on_reset} {on_undo} {on_step}
                storage_key={props.storage_key.clone()} events={props.events.clone()} />
        </div>
    }
}
