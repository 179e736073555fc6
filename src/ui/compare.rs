//! A contract compared with paying per job, for a plan the prospect picks: the yearly figures
//! side by side, the saving in its two parts (support work alone, and counting downtime) each
//! with its break-even, and the downtime assumption behind it, which can be changed right there.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::env::{heading, Env};
use super::form::{field_message, number_field, NumberInput};
use super::state::Action;
use crate::model::{Field, Format, Key, Report, Rule};

/// The comparison section (its heading names what is compared, never a plan) for the plan
/// `picked` holds, or the recommended one; the downtime field shows `downtime_text` as typed.
pub fn compare_section(
    env: &Env,
    r: &Report,
    picked: &UseStateHandle<Option<String>>,
    downtime_text: &str,
    downtime_error: Option<&Rule>,
    dispatch: &Callback<Action>,
) -> Html {
    let story = env.story();
    let default_id = r
        .recommendation
        .plan_id
        .clone()
        .or_else(|| r.plans.first().map(|p| p.id.clone()))
        .unwrap_or_default();
    let chosen_id = (**picked).clone().filter(|id| r.plan(id).is_some()).unwrap_or_else(|| default_id.to_string());
    let Some(plan) = r.plan(&chosen_id) else {
        return html! {};
    };
    let fmt = &env.fmt;
    let contract = env.tf(Key::CompareContract, &[("plan", &plan.name)]);
    let money = story.money_story(r, plan);
    let name = env.id("compare-plan");
    let row = |label: &str, a: String, b: String, class: &'static str| html! {
        <tr class={class}>
            <th scope="row">{ label }</th>
            <td>{ a }</td>
            <td>{ b }</td>
        </tr>
    };
    let downtime_help = if r.downtime_cost_estimated {
        story.downtime_help(r)
    } else {
        env.tf(Key::CompareDowntimeYours, &[("amount", &fmt.money(r.downtime_cost_per_hour))])
    };
    let downtime_error = downtime_error.map(|rule| field_message(env, Field::DowntimeCost, rule));
    html! {
        <section class="cf-section cf-compare" aria-labelledby={env.id("compare-title")}>
            { heading(env, 1, Some(env.id("compare-title")), "cf-section__title", html! { { env.t(Key::CompareHeading) } }) }
            <p class="cf-help">{ env.tf(Key::CompareIntro, &[("plan", &plan.name)]) }</p>
            if let Some(note) = story.tax_note() {
                <p class="cf-help cf-tax-note">{ note }</p>
            }
            if r.plans.len() > 1 {
                <fieldset class="cf-pills">
                    <legend class="cf-pills__legend">{ env.t(Key::CompareChoose) }</legend>
                    { for r.plans.iter().map(|p| {
                        let id = format!("{name}-{}", p.id);
                        let pid = p.id.clone();
                        let picked = picked.clone();
                        let onchange = Callback::from(move |e: Event| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            if input.checked() {
                                picked.set(Some(pid.to_string()));
                            }
                        });
                        html! {
                            <span class="cf-pill">
                                <input type="radio" class="cf-pill__input" id={id.clone()} name={name.clone()}
                                    checked={*p.id == *chosen_id} {onchange} />
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
                            <th scope="col">{ env.t(Key::CompareRow) }</th>
                            <th scope="col">{ &contract }</th>
                            <th scope="col">{ env.t(Key::ComparePayg) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { row(env.t(Key::CompareLabour),
                            env.tf(Key::CompareLabourContract, &[("amount", &fmt.money(plan.price.annual))]),
                            fmt.money(r.payg.labour), "cf-compare__labour") }
                        { row(env.t(Key::CompareEmergencyHour), env.t(Key::CompareIncluded).to_string(),
                            env.tf(Key::CompareEmergencyPayg, &[("amount", &fmt.money(r.payg.emergency_rate)),
                                ("rate", &fmt.money(r.payg.hourly_rate)), ("multiplier", &fmt.decimal(r.payg.priority_multiplier))]),
                            "cf-compare__emergency") }
                        { row(env.t(Key::CompareResponse),
                            env.tf(Key::CompareResponseContract, &[("hours", &fmt.decimal(plan.response_hours))]),
                            env.tf(Key::CompareResponsePayg, &[("hours", &fmt.decimal(r.payg.response_hours))]), "cf-compare__response") }
                        { row(env.t(Key::CompareDowntime), fmt.money(plan.downtime), fmt.money(r.payg.downtime), "cf-compare__downtime") }
                        { row(env.t(Key::CompareTotal), fmt.money(plan.total), fmt.money(r.payg.total), "cf-compare__total") }
                    </tbody>
                </table>
            </div>
            <div class="cf-story">
                <p class="cf-story__labour">{ money.labour }</p>
                <p class="cf-story__labour-break-even">{ money.labour_break_even }</p>
                <p class="cf-story__total">{ money.total }</p>
                <p class="cf-story__total-break-even">{ money.total_break_even }</p>
            </div>
            if env.config.form.downtime.show {
            <div class="cf-downtime">
                { heading(env, 2, None, "cf-downtime__title", html! { { env.t(Key::CompareDowntimeHeading) } }) }
                { number_field(env, NumberInput {
                    field: Field::DowntimeCost,
                    label: env.t(Key::DowntimeLabel),
                    help: downtime_help,
                    value: downtime_text,
                    placeholder: fmt.amount(r.downtime_estimate.cost_per_hour),
                    error: downtime_error,
                    inputmode: "decimal",
                }, dispatch) }
            </div>
            }
        </section>
    }
}
