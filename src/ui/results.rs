//! The results the prospect sees change as they type: progress or the fit verdict, the
//! recommendation, the plans, the work mix, and the compact summary that stays in view on a phone.

use yew::prelude::*;

use super::browser;
use super::env::{heading, Env};
use crate::model::{Key, PlanReport, Reason, Report};

/// An in-page link: a link-styled button that moves focus to the element `target` of this widget
/// (and scrolls there), without touching the host page's URL.
pub fn jump(target: String, class: &'static str, text: String) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        browser::focus_in_widget(e.target_dyn_into::<web_sys::Element>(), &target);
    });
    html! { <button type="button" {class} {onclick}>{ text }</button> }
}

/// Progress before there are enough answers; the gauge, verdict and reasons after.
pub fn fit_summary(env: &Env, r: &Report) -> Html {
    let story = env.story();
    // A consultancy that asks no fit questions gets prices and comparisons without a verdict.
    if r.total_questions == 0 {
        return html! {};
    }
    let title = html! {
        { heading(env, 1, Some(env.id("fit-title")), "cf-card__title", html! { { env.t(Key::FitHeading) } }) }
    };
    let Some(band) = r.verdict() else {
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
                        width={r.progress_percent().to_string()} />
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
                    <p class="cf-fit__band" data-band={band.id.to_string()}>{ &band.label }</p>
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
                { reason_group(env, "for", env.t(Key::FitFor), &r.reasons_for) }
                { reason_group(env, "against", env.t(Key::FitAgainst), &r.reasons_against) }
            </div>
        </section>
    }
}

/// One list of reasons ("for" or "against") under its heading; nothing when it is empty.
fn reason_group(env: &Env, side: &'static str, title: &str, reasons: &[Reason]) -> Html {
    if reasons.is_empty() {
        return html! {};
    }
    html! {
        <div class={classes!("cf-reasons__group", format!("cf-reasons__group--{side}"))}>
            { heading(env, 2, None, "cf-reasons__title", html! { { title.to_string() } }) }
            <ul class="cf-reasons__list">
                { for reasons.iter().map(|x| html! { <li>{ &x.text }</li> }) }
            </ul>
        </div>
    }
}

/// The recommendation (or, before a verdict, the plan that would suit "if a contract suits
/// you"), or pay-as-you-go said plainly.
pub fn recommendation_card(env: &Env, r: &Report) -> Html {
    let story = env.story();
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
            { heading(env, 1, Some(env.id("recommend-title")), "cf-card__title", html! { { env.t(Key::RecommendHeading) } }) }
            { body }
            { jump(env.id("compare-title"), "cf-link-button", env.t(Key::RecommendCompareLink).to_string()) }
            if env.config.lead.is_some() {
                { jump(env.id("lead-title"), "cf-link-button", env.tf(Key::LeadLink, &[("company", &env.config.company.name)])) }
            }
        </section>
    }
}

/// The compact summary a phone keeps in view while the prospect answers: progress or the
/// verdict, the recommended monthly price, and a link to the full results.
pub fn summary_bar(env: &Env, r: &Report) -> Html {
    let story = env.story();
    let (status, price) = story.bar(r);
    html! {
        <aside class="cf-bar" aria-label={env.t(Key::BarHeading).to_string()}>
            if !status.is_empty() {
                <p class="cf-bar__status">{ status }</p>
            }
            <p class="cf-bar__price">{ price }</p>
            { jump(env.id("results-title"), "cf-bar__link", env.t(Key::BarLink).to_string()) }
        </aside>
    }
}

fn plan_card(env: &Env, r: &Report, plan: &PlanReport, recommended: bool) -> Html {
    let story = env.story();
    let p = &plan.price;
    let title_id = env.id(&format!("plan-{}", plan.id));
    let lines = story.plan_lines(r, plan);
    html! {
        <li class={classes!("cf-plan", recommended.then_some("cf-plan--recommended"))} aria-labelledby={title_id.clone()}>
            if recommended {
                <p class="cf-badge">{ env.t(Key::PlansRecommended) }</p>
            }
            { heading(env, 2, Some(title_id), "cf-plan__name", html! { { &plan.name } }) }
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
                { heading(env, 3, None, "cf-plan__features-title", html! { { env.t(Key::PlansFeatures) } }) }
                <ul class="cf-plan__features">
                    { for plan.features.iter().map(|f| html! { <li>{ f }</li> }) }
                </ul>
            }
        </li>
    }
}

/// Every plan side by side, the recommended one highlighted once there is a verdict.
pub fn plan_cards(env: &Env, r: &Report) -> Html {
    let recommended = r.recommendation.plan_id.as_deref().filter(|_| r.verdict_ready || r.total_questions == 0);
    html! {
        <section class="cf-section cf-plans" aria-labelledby={env.id("plans-title")}>
            { heading(env, 1, Some(env.id("plans-title")), "cf-section__title", html! { { env.t(Key::PlansHeading) } }) }
            if !r.verdict_ready && r.total_questions > 0 {
                <p class="cf-help">{ env.t(Key::PlansIfSuits) }</p>
            }
            if let Some(note) = env.story().tax_note() {
                <p class="cf-help cf-tax-note">{ note }</p>
            }
            <ul class="cf-plans__list">
                { for r.plans.iter().map(|p| plan_card(env, r, p, recommended == Some(&*p.id))) }
            </ul>
        </section>
    }
}

/// Expected support hours split into routine upkeep and emergencies, in plain words.
pub fn work_mix(env: &Env, r: &Report) -> Html {
    let w = &r.workload;
    let story = env.story();
    // The bar's two parts as whole percentages of its width, drawn in SVG (no inline styles).
    let upkeep_pct = w.maintenance_percent();
    html! {
        <section class="cf-section cf-mix" aria-labelledby={env.id("mix-title")}>
            { heading(env, 1, Some(env.id("mix-title")), "cf-section__title", html! { { env.t(Key::MixHeading) } }) }
            <p>{ story.tn(Key::MixSummary, w.incidents, &[
                ("hours", &story.fmt.decimal(w.hours)),
                ("maintenance", &story.fmt.decimal(w.maintenance_hours)),
                ("maintenance_share", &story.fmt.percent(w.maintenance_share)),
                ("emergency", &story.fmt.decimal(w.emergency_hours)),
                ("emergency_share", &story.fmt.percent(w.emergency_share)),
                ("incidents", &story.fmt.decimal(w.incidents)),
            ]) }</p>
            <svg class="cf-mix__bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                <rect class="cf-mix__upkeep" x="0" y="0" height="6" width={upkeep_pct.to_string()} />
                <rect class="cf-mix__emergency" x={upkeep_pct.to_string()} y="0" height="6" width={w.emergency_percent().to_string()} />
            </svg>
            <ul class="cf-legend" aria-hidden="true">
                <li class="cf-legend__item cf-legend__item--upkeep">{ env.t(Key::MixMaintenance) }</li>
                <li class="cf-legend__item cf-legend__item--emergency">{ env.t(Key::MixEmergency) }</li>
            </ul>
        </section>
    }
}
