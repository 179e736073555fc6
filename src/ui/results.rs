//! The results the prospect sees change as they type: progress or the fit verdict, the
//! recommendation, the plans, the work mix, and the compact summary that stays in view on a phone.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::env::{use_env, Heading};
use crate::model::{Key, PlanReport, Reason, Report};

/// Properties shared by the result components.
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// The current report.
    pub report: Rc<Report>,
}

/// A link-styled button that moves focus to the element `target` of this widget (and scrolls
/// there), without touching the host page's URL.
#[derive(Properties, PartialEq)]
pub struct JumpProps {
    /// The id of the element to move to.
    pub target: AttrValue,
    /// CSS classes.
    #[prop_or(classes!("cf-link-button"))]
    pub class: Classes,
    /// The link's text.
    pub children: Html,
}

/// An in-page link: moves focus to its target, not only the view.
#[component]
pub fn Jump(props: &JumpProps) -> Html {
    let target = props.target.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        browser::focus_in_widget(e.target_dyn_into::<web_sys::Element>(), &target);
    });
    html! { <button type="button" class={props.class.clone()} {onclick}>{ props.children.clone() }</button> }
}

/// Progress before there are enough answers; the gauge, verdict and reasons after.
#[component]
pub fn FitSummary(props: &ReportProps) -> Html {
    let env = use_env();
    let story = env.story();
    let r = &props.report;
    // A consultancy that asks no fit questions gets prices and comparisons without a verdict.
    if r.total_questions == 0 {
        return html! {};
    }
    let title = html! {
        <Heading depth={1} class="cf-card__title" id={AttrValue::from(env.id("fit-title"))}>{ env.t(Key::FitHeading) }</Heading>
    };
    let Some(band) = r.verdict() else {
        let answered = r.answered_questions as f64;
        let needed = r.min_answers.max(1) as f64;
        return html! {
            <section class="cf-card cf-fit cf-fit--pending" aria-labelledby={env.id("fit-title")}>
                { title }
                if r.answered_questions == 0 {
                    <p>{ env.t(Key::FitPending) }</p>
                }
                <p class="cf-fit__progress">{ story.progress(r) }</p>
                <svg class="cf-progress" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
                    <rect class="cf-progress__track" x="0" y="0" width="100" height="4" />
                    <rect class="cf-progress__value" x="0" y="0" height="4"
                        width={(((answered / needed) * 100.0).min(100.0).round() as i64).to_string()} />
                </svg>
            </section>
        };
    };
    let score_text = story.score(r).unwrap_or_default();
    html! {
        <section class={classes!("cf-card", "cf-fit", format!("cf-fit--{}", band.recommend.as_str()))}
            aria-labelledby={env.id("fit-title")}>
            { title }
            <div class="cf-fit__head">
                <svg class="cf-gauge" viewBox="0 0 120 70" role="img" aria-label={score_text.clone()}>
                    <path class="cf-gauge__track" d="M 10 60 A 50 50 0 0 1 110 60" pathLength="100" />
                    if r.score > 0 {
                        <path class="cf-gauge__value" d="M 10 60 A 50 50 0 0 1 110 60" pathLength="100"
                            stroke-dasharray={format!("{} 100", r.score)} />
                    }
                    <text class="cf-gauge__number" x="60" y="56" text-anchor="middle" aria-hidden="true">{ r.score }</text>
                </svg>
                <div>
                    <p class="cf-fit__band" data-band={band.id.clone()}>{ &band.label }</p>
                    <p class="cf-fit__score">{ score_text }</p>
                </div>
            </div>
            if !band.message.is_empty() {
                <p class="cf-fit__message">{ &band.message }</p>
            }
            if let Some(partial) = story.partial(r) {
                <p class="cf-help">{ partial }</p>
            }
            <div class="cf-reasons">
                { reason_group("for", env.t(Key::FitFor), &r.reasons_for) }
                { reason_group("against", env.t(Key::FitAgainst), &r.reasons_against) }
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

/// The recommendation (or, before a verdict, the plan that would suit "if a contract suits
/// you"), or pay-as-you-go said plainly.
#[component]
pub fn RecommendationCard(props: &ReportProps) -> Html {
    let env = use_env();
    let story = env.story();
    let r = &props.report;
    let conditional = !r.verdict_ready && r.total_questions > 0;
    let body = match r.recommended_plan() {
        Some(plan) => html! {
            <>
                if conditional {
                    <p class="cf-recommend__condition">{ env.t(Key::RecommendConditional) }</p>
                }
                <p class="cf-recommend__name">{ env.tf(Key::RecommendPlan, &[("plan", &plan.name)]) }</p>
                <p class="cf-recommend__detail" data-bench="first-price">{ story.plan_detail(plan) }</p>
                <p class="cf-help">{ story.recommendation_basis(r) }</p>
            </>
        },
        None => html! {
            <>
                <p class="cf-recommend__name">{ env.t(Key::RecommendPayg) }</p>
                <p class="cf-recommend__detail">{ story.payg_detail(r) }</p>
            </>
        },
    };
    let kind = if r.recommendation.plan_id.is_some() { "plan" } else { "payg" };
    html! {
        <section class={classes!("cf-card", "cf-recommend", format!("cf-recommend--{kind}"))}
            aria-labelledby={env.id("recommend-title")}>
            <Heading depth={1} class="cf-card__title" id={AttrValue::from(env.id("recommend-title"))}>{ env.t(Key::RecommendHeading) }</Heading>
            { body }
            <Jump target={AttrValue::from(env.id("compare-title"))}>{ env.t(Key::RecommendCompareLink) }</Jump>
            if env.config.lead.is_some() {
                <Jump target={AttrValue::from(env.id("lead-title"))}>{ env.tf(Key::LeadLink, &[("company", &env.config.company.name)]) }</Jump>
            }
        </section>
    }
}

/// The compact summary a phone keeps in view while the prospect answers: progress or the
/// verdict, the recommended monthly price, and a link to the full results.
#[component]
pub fn SummaryBar(props: &ReportProps) -> Html {
    let env = use_env();
    let story = env.story();
    let (status, price) = story.bar(&props.report);
    html! {
        <aside class="cf-bar" aria-label={env.t(Key::BarHeading).to_string()}>
            if !status.is_empty() {
                <p class="cf-bar__status">{ status }</p>
            }
            <p class="cf-bar__price">{ price }</p>
            <Jump target={AttrValue::from(env.id("results-title"))} class={classes!("cf-bar__link")}>{ env.t(Key::BarLink) }</Jump>
        </aside>
    }
}

fn plan_card(env: &super::env::Env, r: &Report, plan: &PlanReport, recommended: bool) -> Html {
    let story = env.story();
    let p = &plan.price;
    let title_id = env.id(&format!("plan-{}", plan.id));
    let lines = story.plan_lines(r, plan);
    html! {
        <li class={classes!("cf-plan", recommended.then_some("cf-plan--recommended"))} aria-labelledby={title_id.clone()}>
            if recommended {
                <p class="cf-badge">{ env.t(Key::PlansRecommended) }</p>
            }
            <Heading depth={2} class="cf-plan__name" id={AttrValue::from(title_id)}>{ &plan.name }</Heading>
            if !plan.description.is_empty() {
                <p class="cf-plan__description">{ &plan.description }</p>
            }
            <p class="cf-plan__price">
                <span class="cf-plan__monthly">{ story.fmt.money(p.monthly) }</span>
                <span class="cf-plan__period">{ " " }{ env.t(Key::PlansPerMonth) }</span>
            </p>
            <p class="cf-plan__annual">{ env.tf(Key::PlansPerYear, &[("amount", &story.price(p.annual))]) }</p>
            <p class="cf-plan__response">{ story.plan_response(plan.response_hours) }</p>
            if !lines.is_empty() {
                <details class="cf-breakdown" open={true}>
                    <summary>{ env.t(Key::PlansBreakdown) }</summary>
                    <dl class="cf-breakdown__list">
                        { for lines.into_iter().map(|(label, amount, kind)| html! {
                            <div class={classes!("cf-breakdown__line", format!("cf-breakdown__line--{kind}"))}>
                                <dt>{ label }</dt>
                                <dd>{ amount }</dd>
                            </div>
                        }) }
                    </dl>
                </details>
            }
            if !plan.features.is_empty() {
                <Heading depth={3} class="cf-plan__features-title">{ env.t(Key::PlansFeatures) }</Heading>
                <ul class="cf-plan__features">
                    { for plan.features.iter().map(|f| html! { <li>{ f }</li> }) }
                </ul>
            }
        </li>
    }
}

/// Every plan side by side, the recommended one highlighted once there is a verdict.
#[component]
pub fn PlanCards(props: &ReportProps) -> Html {
    let env = use_env();
    let r = &props.report;
    let recommended = r.recommendation.plan_id.as_deref().filter(|_| r.verdict_ready || r.total_questions == 0);
    html! {
        <section class="cf-section cf-plans" aria-labelledby={env.id("plans-title")}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(env.id("plans-title"))}>{ env.t(Key::PlansHeading) }</Heading>
            if !r.verdict_ready && r.total_questions > 0 {
                <p class="cf-help">{ env.t(Key::PlansIfSuits) }</p>
            }
            if let Some(note) = env.story().tax_note() {
                <p class="cf-help cf-tax-note">{ note }</p>
            }
            <ul class="cf-plans__list">
                { for r.plans.iter().map(|p| plan_card(&env, r, p, recommended == Some(p.id.as_str()))) }
            </ul>
        </section>
    }
}

/// Expected support hours split into routine upkeep and emergencies, in plain words.
#[component]
pub fn WorkMix(props: &ReportProps) -> Html {
    let env = use_env();
    let w = &props.report.workload;
    let story = env.story();
    // The bar's two parts as whole percentages of its width, drawn in SVG (no inline styles).
    let upkeep_pct = (w.maintenance_share.to_f64() * 100.0).round() as i64;
    html! {
        <section class="cf-section cf-mix" aria-labelledby={env.id("mix-title")}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(env.id("mix-title"))}>{ env.t(Key::MixHeading) }</Heading>
            <p>{ env.tf(Key::MixSummary, &[
                ("hours", &story.fmt.decimal(w.hours)),
                ("maintenance", &story.fmt.decimal(w.maintenance_hours)),
                ("maintenance_share", &story.fmt.percent(w.maintenance_share)),
                ("emergency", &story.fmt.decimal(w.emergency_hours)),
                ("emergency_share", &story.fmt.percent(w.emergency_share)),
                ("incidents", &story.fmt.decimal(w.incidents)),
            ]) }</p>
            <svg class="cf-mix__bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                <rect class="cf-mix__upkeep" x="0" y="0" height="6" width={upkeep_pct.to_string()} />
                <rect class="cf-mix__emergency" x={upkeep_pct.to_string()} y="0" height="6" width={(100 - upkeep_pct).to_string()} />
            </svg>
            <ul class="cf-legend" aria-hidden="true">
                <li class="cf-legend__item cf-legend__item--upkeep">{ env.t(Key::MixMaintenance) }</li>
                <li class="cf-legend__item cf-legend__item--emergency">{ env.t(Key::MixEmergency) }</li>
            </ul>
        </section>
    }
}
