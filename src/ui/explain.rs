//! "How is this calculated?": the estimate explained with the prospect's own numbers.

use yew::prelude::*;

use super::env::Env;
use crate::model::{Answers, Format, Key, Report};

/// A disclosure that walks through the estimate step by step.
pub fn how_calculated(env: &Env, r: &Report, a: &Answers) -> Html {
    let story = env.story();
    let c = &env.config;
    let fmt = &env.fmt;
    let count = |n: u32| fmt.count(u64::from(n));
    let w = &c.workload;
    let source = if r.downtime_cost_estimated {
        let e = &r.downtime_estimate;
        env.tf(Key::ExplainDowntimeEstimated, &[
            ("people", &story.people(e.users)),
            ("users", &count(e.users)),
            ("per_user", &fmt.money(e.cost_per_user_hour)),
            ("impact", &fmt.percent(e.impact)),
        ])
    } else {
        env.t(Key::ExplainDowntimeGiven).to_string()
    };
    html! {
        <details class="cf-explain">
            <summary>{ env.t(Key::ExplainToggle) }</summary>
            <ol class="cf-explain__steps">
                <li>{ env.tf(Key::ExplainWorkload, &[
                    ("people", &story.people(a.users)), ("users", &count(a.users)), ("hpu", &fmt.decimal(w.hours_per_user)),
                    ("computer_count", &story.counted(Key::CountComputers, a.computers)), ("computers", &count(a.computers)),
                    ("hpc", &fmt.decimal(w.hours_per_computer)),
                    ("server_count", &story.counted(Key::CountServers, a.servers)), ("servers", &count(a.servers)),
                    ("hps", &fmt.decimal(w.hours_per_server)),
                    ("hours", &fmt.decimal(r.workload.hours)), ("share", &fmt.percent(r.workload.emergency_share)),
                    ("emergency", &fmt.decimal(r.workload.emergency_hours)),
                ]) }</li>
                <li>{ env.t(Key::ExplainPlan) }</li>
                <li>{ env.tf(Key::ExplainPayg, &[
                    ("maintenance", &fmt.decimal(r.workload.maintenance_hours)), ("rate", &fmt.money(r.payg.hourly_rate)),
                    ("emergency", &fmt.decimal(r.workload.emergency_hours)), ("emergency_rate", &fmt.money(r.payg.emergency_rate)),
                    ("labour", &fmt.money(r.payg.labour)),
                ]) }</li>
                <li>{ env.tf(Key::ExplainDowntime, &[
                    ("incidents", &fmt.decimal(r.workload.incidents)),
                    ("cost", &fmt.money(r.downtime_cost_per_hour)),
                    ("source", &source),
                ]) }</li>
                if r.total_questions > 0 {
                    <li>{ env.t(Key::ExplainFit) }</li>
                }
            </ol>
            <p class="cf-help">{ env.tf(Key::ExplainNote, &[("company", &c.company.name)]) }</p>
        </details>
    }
}
