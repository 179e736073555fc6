//! "How is this calculated?": the estimate explained with the prospect's own numbers.

use yew::prelude::*;

use super::env::use_env;
use super::results::ReportProps;

/// A disclosure that walks through the estimate step by step.
#[component]
pub fn HowCalculated(props: &ReportProps) -> Html {
    let env = use_env();
    let (r, a, c) = (&props.report, &props.answers, &env.config);
    let fmt = &env.fmt;
    let count = |n: u32| fmt.number(f64::from(n));
    let w = &c.workload;
    let source = if r.downtime_cost_estimated {
        env.tf("explain.downtime_estimated", &[
            ("users", &count(a.users)),
            ("per_user", &fmt.money(w.downtime_cost_per_user_hour)),
            ("impact", &fmt.percent(w.incident_impact)),
        ])
    } else {
        env.t("explain.downtime_given").to_string()
    };
    html! {
        <details class="cf-explain">
            <summary>{ env.t("explain.toggle") }</summary>
            <ol class="cf-explain__steps">
                <li>{ env.tf("explain.workload", &[
                    ("users", &count(a.users)), ("hpu", &fmt.hours(w.hours_per_user)),
                    ("computers", &count(a.computers)), ("hpc", &fmt.hours(w.hours_per_computer)),
                    ("servers", &count(a.servers)), ("hps", &fmt.hours(w.hours_per_server)),
                    ("hours", &fmt.hours(r.workload.hours)), ("share", &fmt.percent(w.emergency_share)),
                    ("emergency", &fmt.hours(r.workload.emergency_hours)),
                ]) }</li>
                <li>{ env.t("explain.plan") }</li>
                <li>{ env.tf("explain.payg", &[
                    ("maintenance", &fmt.hours(r.workload.maintenance_hours)), ("rate", &fmt.money(r.payg.hourly_rate)),
                    ("emergency", &fmt.hours(r.workload.emergency_hours)), ("emergency_rate", &fmt.money(r.payg.emergency_rate)),
                    ("labour", &fmt.money(r.payg.labour)),
                ]) }</li>
                <li>{ env.tf("explain.downtime", &[
                    ("incidents", &fmt.number(r.workload.incidents)),
                    ("cost", &fmt.money(r.downtime_cost_per_hour)),
                    ("source", &source),
                ]) }</li>
                <li>{ env.t("explain.fit") }</li>
            </ol>
            <p class="cf-help">{ env.tf("explain.note", &[("company", &c.company.name)]) }</p>
        </details>
    }
}
