//! The results the prospect sees change as they type: fit, recommendation, plans, the priority
//! service comparison and the work mix.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::env::{use_env, Heading, Env};
use crate::model::fit::{Basis, Reason};
use crate::model::report::{PlanReport, Report};
use crate::model::{Answers, Decimal, Money};

/// Properties shared by the result components.
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// The current report.
    pub report: Rc<Report>,
    /// The answers it was computed from.
    pub answers: Rc<Answers>,
}

/// "Within N hours" for a plan, with the singular where the language needs it.
pub fn guaranteed_response(env: &Env, hours: Decimal) -> String {
    if hours == Decimal::ONE {
        env.t("plans.response_one").to_string()
    } else {
        env.tf("plans.response", &[("hours", &env.fmt.hours(hours))])
    }
}

/// The fit gauge, verdict and reasons.
#[component]
pub fn FitSummary(props: &ReportProps) -> Html {
    let env = use_env();
    let r = &props.report;
    let total = env.config.questions.len();
    // A consultancy that asks no fit questions gets prices and comparisons without a verdict.
    if total == 0 {
        return html! {};
    }
    if r.answered_questions == 0 {
        return html! {
            <section class="cf-card cf-fit cf-fit--pending" aria-labelledby={env.id("fit-title")}>
                <Heading depth={1} class="cf-card__title" id={AttrValue::from(env.id("fit-title"))}>{ env.t("fit.heading") }</Heading>
                <p>{ env.t("fit.pending") }</p>
            </section>
        };
    }
    // A half circle of length 100: the score is the drawn length.
    let score = f64::from(r.score);
    let score_text = env.tf("fit.score", &[("score", &r.score.to_string())]);
    html! {
        <section class={classes!("cf-card", "cf-fit", format!("cf-fit--{}", r.band.recommend.as_str()))}
            aria-labelledby={env.id("fit-title")}>
            <Heading depth={1} class="cf-card__title" id={AttrValue::from(env.id("fit-title"))}>{ env.t("fit.heading") }</Heading>
            <div class="cf-fit__head">
                <svg class="cf-gauge" viewBox="0 0 120 70" role="img" aria-label={score_text.clone()}>
                    <path class="cf-gauge__track" d="M 10 60 A 50 50 0 0 1 110 60" pathLength="100" />
                    if r.score > 0 {
                        <path class="cf-gauge__value" d="M 10 60 A 50 50 0 0 1 110 60" pathLength="100"
                            stroke-dasharray={format!("{score} 100")} />
                    }
                    <text class="cf-gauge__number" x="60" y="56" text-anchor="middle" aria-hidden="true">{ r.score }</text>
                </svg>
                <div>
                    <p class="cf-fit__band" data-band={r.band.id.clone()}>{ &r.band.label }</p>
                    <p class="cf-fit__score">{ score_text }</p>
                </div>
            </div>
            <p class="cf-fit__message">{ &r.band.message }</p>
            if r.answered_questions < total {
                <p class="cf-help">{ env.tf("fit.partial", &[("answered", &r.answered_questions.to_string()), ("total", &total.to_string())]) }</p>
            }
            <div class="cf-reasons">
                { reason_group("for", env.t("fit.for"), &r.reasons_for) }
                { reason_group("against", env.t("fit.against"), &r.reasons_against) }
            </div>
        </section>
    }
}

/// One list of reasons ("for" or "against") under its heading; nothing when it is empty.
fn reason_group(side: &'static str, title: &str, reasons: &[Reason]) -> Html {
    if reasons.is_empty() {
        return html! {};
    }
    html! {
        <div class={classes!("cf-reasons__group", format!("cf-reasons__group--{side}"))}>
            <Heading depth={2} class="cf-reasons__title">{ title.to_string() }</Heading>
            <ul class="cf-reasons__list">
                { for reasons.iter().map(|x| html! { <li>{ &x.text }</li> }) }
            </ul>
        </div>
    }
}

/// The recommendation, or pay-as-you-go said plainly, or a prompt to answer the questions first.
#[component]
pub fn RecommendationCard(props: &ReportProps) -> Html {
    let env = use_env();
    let r = &props.report;
    let company = env.config.company.name.as_str();
    let body = if r.answered_questions == 0 && !env.config.questions.is_empty() {
        html! { <p>{ env.t("recommend.pending") }</p> }
    } else if let Some(plan) = r.recommended_plan() {
        let why = match r.recommendation.basis {
            Basis::MeetsResponse => "recommend.meets_response",
            Basis::FastestAvailable => "recommend.fastest_available",
            _ => "recommend.cheapest",
        };
        html! {
            <>
                <p class="cf-recommend__name">{ env.tf("recommend.plan", &[("plan", &plan.name)]) }</p>
                <p class="cf-recommend__detail">{
                    if plan.response_hours == Decimal::ONE {
                        env.tf("recommend.plan_detail_one", &[("price", &env.fmt.money(plan.price.monthly))])
                    } else {
                        env.tf("recommend.plan_detail", &[
                            ("price", &env.fmt.money(plan.price.monthly)),
                            ("hours", &env.fmt.hours(plan.response_hours)),
                        ])
                    }
                }</p>
                <p class="cf-help">{ env.t(why) }</p>
            </>
        }
    } else {
        html! {
            <>
                <p class="cf-recommend__name">{ env.t("recommend.payg") }</p>
                <p class="cf-recommend__detail">{ env.tf("recommend.payg_detail", &[
                    ("company", company),
                    ("rate", &env.fmt.money(r.payg.hourly_rate)),
                    ("emergency_rate", &env.fmt.money(r.payg.emergency_rate)),
                    ("hours", &env.fmt.hours(r.payg.response_hours)),
                ]) }</p>
            </>
        }
    };
    let kind = if r.recommendation.plan_id.is_some() { "plan" } else { "payg" };
    // Scrolls within the widget's own tree, so it works inside a shadow root and never touches
    // the host page's URL.
    let compare_id = env.id("compare-title");
    let to_compare = Callback::from(move |e: MouseEvent| {
        let target = e.target_dyn_into::<web_sys::Element>();
        let heading = target
            .and_then(|t| t.closest(".cf-widget").ok().flatten())
            .and_then(|root| root.query_selector(&format!("#{compare_id}")).ok().flatten());
        if let Some(heading) = heading {
            heading.scroll_into_view();
        }
    });
    html! {
        <section class={classes!("cf-card", "cf-recommend", format!("cf-recommend--{kind}"))}
            aria-labelledby={env.id("recommend-title")}>
            <Heading depth={1} class="cf-card__title" id={AttrValue::from(env.id("recommend-title"))}>{ env.t("recommend.heading") }</Heading>
            { body }
            <button type="button" class="cf-link-button" onclick={to_compare}>{ env.t("recommend.compare_link") }</button>
        </section>
    }
}

/// One line of a price breakdown.
fn line(label: String, amount: String, class: &'static str) -> Html {
    html! {
        <div class={classes!("cf-breakdown__line", class)}>
            <dt>{ label }</dt>
            <dd>{ amount }</dd>
        </div>
    }
}

fn plan_card(env: &Env, plan: &PlanReport, answers: &Answers, recommended: bool) -> Html {
    let config_plan = env.config.plan(&plan.id);
    let p = &plan.price;
    let count = |n: u32| env.fmt.number(f64::from(n));
    let mut lines = Vec::new();
    if let Some(cp) = config_plan {
        if cp.per_user > Money::ZERO {
            lines.push(line(
                env.tf("plans.line_users", &[("count", &count(answers.users)), ("price", &env.fmt.money(cp.per_user))]),
                env.fmt.money(p.users_cost), "cf-breakdown__line--part"));
        }
        if cp.per_computer > Money::ZERO {
            lines.push(line(
                env.tf("plans.line_computers", &[("count", &count(answers.computers)), ("price", &env.fmt.money(cp.per_computer))]),
                env.fmt.money(p.computers_cost), "cf-breakdown__line--part"));
        }
        if cp.per_server > Money::ZERO {
            lines.push(line(
                env.tf("plans.line_servers", &[("count", &count(answers.servers)), ("price", &env.fmt.money(cp.per_server))]),
                env.fmt.money(p.servers_cost), "cf-breakdown__line--part"));
        }
    }
    if p.minimum_applied {
        lines.push(line(env.t("plans.line_minimum").to_string(), env.fmt.money(p.monthly_list), "cf-breakdown__line--minimum"));
    }
    if p.discount > Money::ZERO {
        lines.push(line(env.t("plans.line_list").to_string(), env.fmt.money(p.monthly_list), "cf-breakdown__line--list"));
        lines.push(line(
            env.tf("plans.line_discount", &[("percent", &env.fmt.percent(env.config.rates.existing_client_discount))]),
            format!("−{}", env.fmt.money(p.discount)), "cf-breakdown__line--discount"));
    }
    let title_id = env.id(&format!("plan-{}", plan.id));
    html! {
        <li class={classes!("cf-plan", recommended.then_some("cf-plan--recommended"))} aria-labelledby={title_id.clone()}>
            if recommended {
                <p class="cf-badge">{ env.t("plans.recommended") }</p>
            }
            <Heading depth={2} class="cf-plan__name" id={AttrValue::from(title_id)}>{ &plan.name }</Heading>
            if let Some(d) = config_plan.map(|c| &c.description).filter(|d| !d.is_empty()) {
                <p class="cf-plan__description">{ d }</p>
            }
            <p class="cf-plan__price">
                <span class="cf-plan__monthly">{ env.fmt.money(p.monthly) }</span>
                <span class="cf-plan__period">{ " " }{ env.t("plans.per_month") }</span>
            </p>
            <p class="cf-plan__annual">{ env.tf("plans.per_year", &[("amount", &env.fmt.money(p.annual))]) }</p>
            <p class="cf-plan__response">{ guaranteed_response(env, plan.response_hours) }</p>
            <details class="cf-breakdown" open={true}>
                <summary>{ env.t("plans.breakdown") }</summary>
                <dl class="cf-breakdown__list">{ for lines }</dl>
            </details>
            if let Some(features) = config_plan.map(|c| &c.features).filter(|f| !f.is_empty()) {
                <Heading depth={3} class="cf-plan__features-title">{ env.t("plans.features") }</Heading>
                <ul class="cf-plan__features">
                    { for features.iter().map(|f| html! { <li>{ f }</li> }) }
                </ul>
            }
        </li>
    }
}

/// Every plan side by side, the recommended one highlighted.
#[component]
pub fn PlanCards(props: &ReportProps) -> Html {
    let env = use_env();
    let recommended = props.report.recommendation.plan_id.as_deref();
    let show_recommended = props.report.answered_questions > 0 || env.config.questions.is_empty();
    html! {
        <section class="cf-section cf-plans" aria-labelledby={env.id("plans-title")}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(env.id("plans-title"))}>{ env.t("plans.heading") }</Heading>
            <ul class="cf-plans__list">
                { for props.report.plans.iter().map(|p| {
                    plan_card(&env, p, &props.answers, show_recommended && recommended == Some(p.id.as_str()))
                }) }
            </ul>
        </section>
    }
}

/// Properties of [`CompareTable`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The current report.
    pub report: Rc<Report>,
}

/// Contract priority service against pay-as-you-go, for a plan the prospect picks (the
/// recommended one to start with).
#[component]
pub fn CompareTable(props: &CompareProps) -> Html {
    let env = use_env();
    let r = &props.report;
    let picked = use_state(|| None::<String>);
    let default_id = r
        .recommendation
        .plan_id
        .clone()
        .or_else(|| r.plans.first().map(|p| p.id.clone()))
        .unwrap_or_default();
    let chosen_id = (*picked).clone().filter(|id| r.plans.iter().any(|p| &p.id == id)).unwrap_or(default_id);
    let Some(plan) = r.plans.iter().find(|p| p.id == chosen_id) else {
        return html! {};
    };
    let fmt = &env.fmt;
    let contract = env.tf("compare.contract", &[("plan", &plan.name)]);
    let payg = env.t("compare.payg");
    let rates = &env.config.rates;
    let multiplier = fmt.number(rates.priority_multiplier.to_f64());
    let verdict = if plan.savings_vs_payg >= Money::ZERO {
        env.tf("compare.savings", &[("amount", &fmt.money(plan.savings_vs_payg))])
    } else {
        env.tf("compare.costs_more", &[("amount", &fmt.money(-plan.savings_vs_payg))])
    };
    let break_even = match plan.break_even_hours {
        Some(h) => env.tf("compare.break_even", &[("hours", &fmt.number(h.round())), ("expected", &fmt.hours(r.workload.hours))]),
        None => env.t("compare.break_even_never").to_string(),
    };
    let name = env.id("compare-plan");
    let row = |label: &str, a: String, b: String, class: &'static str| html! {
        <tr class={class}>
            <th scope="row">{ label }</th>
            <td>{ a }</td>
            <td>{ b }</td>
        </tr>
    };
    html! {
        <section class="cf-section cf-compare" aria-labelledby={env.id("compare-title")}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(env.id("compare-title"))}>{ env.t("compare.heading") }</Heading>
            <p class="cf-help">{ env.tf("compare.intro", &[("plan", &plan.name)]) }</p>
            if r.plans.len() > 1 {
                <fieldset class="cf-pills">
                    <legend class="cf-pills__legend">{ env.t("compare.choose") }</legend>
                    { for r.plans.iter().map(|p| {
                        let id = format!("{name}-{}", p.id);
                        let pid = p.id.clone();
                        let picked = picked.clone();
                        let onchange = Callback::from(move |e: Event| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            if input.checked() {
                                picked.set(Some(pid.clone()));
                            }
                        });
                        html! {
                            <span class="cf-pill">
                                <input type="radio" class="cf-pill__input" id={id.clone()} name={name.clone()}
                                    checked={p.id == chosen_id} {onchange} />
                                <label class="cf-pill__label" for={id}>{ &p.name }</label>
                            </span>
                        }
                    }) }
                </fieldset>
            }
            <div class="cf-table-wrap">
                <table class="cf-table">
                    <thead>
                        <tr>
                            <th scope="col">{ env.t("compare.row") }</th>
                            <th scope="col">{ &contract }</th>
                            <th scope="col">{ payg }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { row(env.t("compare.labour"),
                            env.tf("compare.labour_contract", &[("amount", &fmt.money(plan.price.annual))]),
                            fmt.money(r.payg.labour), "cf-compare__labour") }
                        { row(env.t("compare.emergency_hour"), env.t("compare.included").to_string(),
                            env.tf("compare.emergency_payg", &[("amount", &fmt.money(r.payg.emergency_rate)),
                                ("rate", &fmt.money(r.payg.hourly_rate)), ("multiplier", &multiplier)]), "cf-compare__emergency") }
                        { row(env.t("compare.response"),
                            env.tf("compare.response_contract", &[("hours", &fmt.hours(plan.response_hours))]),
                            env.tf("compare.response_payg", &[("hours", &fmt.hours(r.payg.response_hours))]), "cf-compare__response") }
                        { row(env.t("compare.downtime"), fmt.money(plan.downtime), fmt.money(r.payg.downtime), "cf-compare__downtime") }
                        { row(env.t("compare.total"), fmt.money(plan.total), fmt.money(r.payg.total), "cf-compare__total") }
                    </tbody>
                </table>
            </div>
            <p class="cf-compare__verdict">{ verdict }</p>
            <p class="cf-compare__break-even">{ break_even }</p>
        </section>
    }
}

/// Expected support hours split into routine upkeep and emergencies, in plain words.
#[component]
pub fn WorkMix(props: &CompareProps) -> Html {
    let env = use_env();
    let w = &props.report.workload;
    let fmt = &env.fmt;
    let share = env.config.workload.emergency_share;
    let upkeep_share = Decimal::ONE - share;
    // The bar's two parts as whole percentages of its width, drawn in SVG (no inline styles).
    let upkeep_pct = (upkeep_share.to_f64() * 100.0).round();
    html! {
        <section class="cf-section cf-mix" aria-labelledby={env.id("mix-title")}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(env.id("mix-title"))}>{ env.t("mix.heading") }</Heading>
            <p>{ env.tf("mix.summary", &[
                ("hours", &fmt.hours(w.hours)),
                ("maintenance", &fmt.hours(w.maintenance_hours)),
                ("maintenance_share", &fmt.percent(upkeep_share)),
                ("emergency", &fmt.hours(w.emergency_hours)),
                ("emergency_share", &fmt.percent(share)),
                ("incidents", &fmt.number(w.incidents)),
            ]) }</p>
            <svg class="cf-mix__bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                <rect class="cf-mix__upkeep" x="0" y="0" height="6" width={upkeep_pct.to_string()} />
                <rect class="cf-mix__emergency" x={upkeep_pct.to_string()} y="0" height="6" width={(100.0 - upkeep_pct).to_string()} />
            </svg>
            <ul class="cf-legend" aria-hidden="true">
                <li class="cf-legend__item cf-legend__item--upkeep">{ env.t("mix.maintenance") }</li>
                <li class="cf-legend__item cf-legend__item--emergency">{ env.t("mix.emergency") }</li>
            </ul>
        </section>
    }
}
