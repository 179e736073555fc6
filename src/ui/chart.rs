//! The cost chart: yearly cost of each plan and of paying per job against support hours, drawn
//! as SVG with the break-even points marked, and the same facts as a table.

use yew::prelude::*;

use super::env::{use_env, Heading};
use super::hooks::use_element_width;
use super::results::CompareProps;
use crate::model::estimate::blended_rate;
use crate::model::Money;

const H: f64 = 300.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;

/// A round step (1, 2 or 5 times a power of ten) that splits `range` into about `parts` ticks.
fn nice_step(range: f64, parts: f64) -> f64 {
    if !(range.is_finite() && range > 0.0) {
        return 1.0;
    }
    let raw = range / parts;
    let magnitude = 10f64.powf(raw.log10().floor());
    let n = raw / magnitude;
    let nice = if n <= 1.0 { 1.0 } else if n <= 2.0 { 2.0 } else if n <= 5.0 { 5.0 } else { 10.0 };
    nice * magnitude
}

/// The smallest multiple of `step` at or above `x`.
fn ceil_to(x: f64, step: f64) -> f64 {
    (x / step).ceil().max(1.0) * step
}

/// The cost chart with its table equivalent.
#[component]
pub fn CostChart(props: &CompareProps) -> Html {
    let env = use_env();
    let container = use_node_ref();
    // Drawn at the container's own width so that text stays legible from phones to desktops.
    let w = use_element_width(container.clone(), 600.0).clamp(260.0, 1200.0);
    let r = &props.report;
    let fmt = &env.fmt;
    let unit = 10f64.powi(i32::from(r.minor_units));
    let (num, den) = blended_rate(&env.config);
    let rate = num as f64 / den as f64 / unit; // pay-as-you-go cost per support hour, major units
    let expected = r.workload.hours.to_f64();
    let furthest_break_even = r.plans.iter().filter_map(|p| p.break_even_hours).fold(0.0, f64::max);
    let x_step = nice_step((expected * 2.0).max(furthest_break_even * 1.15).max(10.0), if w < 400.0 { 3.0 } else { 5.0 });
    let x_max = ceil_to((expected * 2.0).max(furthest_break_even * 1.15).max(10.0), x_step);
    let top_cost = r.plans.iter().map(|p| p.price.annual.to_major(r.minor_units)).fold(rate * x_max, f64::max);
    let y_step = nice_step(top_cost.max(1.0) * 1.05, 4.0);
    let y_max = ceil_to(top_cost.max(1.0) * 1.05, y_step);

    let px = |hours: f64| LEFT + hours / x_max * (w - LEFT - RIGHT);
    let py = |cost: f64| TOP + (1.0 - cost / y_max) * (H - TOP - BOTTOM);
    let n = |x: f64| format!("{x:.1}");

    let x_ticks: Vec<f64> = (0..=((x_max / x_step).round() as usize)).map(|i| i as f64 * x_step).collect();
    let y_ticks: Vec<f64> = (0..=((y_max / y_step).round() as usize)).map(|i| i as f64 * y_step).collect();
    let title_id = env.id("chart-title");
    let desc_id = env.id("chart-desc");
    let description = env.tf("chart.description", &[("hours", &fmt.number(x_max))]);

    html! {
        <section class="cf-section cf-chart" aria-labelledby={title_id.clone()}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(title_id.clone())}>{ env.t("chart.heading") }</Heading>
            <p class="cf-help" id={desc_id.clone()}>{ description }</p>
            <div class="cf-chart__frame" ref={container}>
            <svg class="cf-chart__svg" viewBox={format!("0 0 {} {H}", n(w))} role="img"
                aria-labelledby={title_id} aria-describedby={desc_id}>
                <g class="cf-chart__grid" aria-hidden="true">
                    { for y_ticks.iter().map(|y| html! {
                        <>
                            <line x1={n(LEFT)} x2={n(w - RIGHT)} y1={n(py(*y))} y2={n(py(*y))} />
                            <text class="cf-chart__tick" x={n(LEFT - 6.0)} y={n(py(*y) + 4.0)} text-anchor="end">{ fmt.money_compact(*y) }</text>
                        </>
                    }) }
                    { for x_ticks.iter().map(|x| html! {
                        <text class="cf-chart__tick" x={n(px(*x))} y={n(H - BOTTOM + 16.0)} text-anchor="middle">{ fmt.number(*x) }</text>
                    }) }
                    <text class="cf-chart__axis" x={n((LEFT + w - RIGHT) / 2.0)} y={n(H - 6.0)} text-anchor="middle">{ env.t("chart.x_axis") }</text>
                </g>
                <g class="cf-chart__you" aria-hidden="true">
                    <line x1={n(px(expected))} x2={n(px(expected))} y1={n(TOP)} y2={n(H - BOTTOM)} />
                    <text x={n(px(expected) + 4.0)} y={n(TOP + 10.0)}>{ env.t("chart.you") }</text>
                </g>
                { for r.plans.iter().enumerate().map(|(i, p)| {
                    let cost = p.price.annual.to_major(r.minor_units);
                    let y = py(cost);
                    html! {
                        <g class={classes!("cf-chart__series", format!("cf-chart__series--{}", i % 6))} aria-hidden="true">
                            <line class="cf-chart__line" x1={n(LEFT)} x2={n(w - RIGHT)} y1={n(y)} y2={n(y)} />
                            <text class="cf-chart__label" x={n(w - RIGHT - 4.0)} y={n(y - 5.0)} text-anchor="end">{ &p.name }</text>
                            if let Some(be) = p.break_even_hours.filter(|h| *h <= x_max) {
                                <circle class="cf-chart__point" cx={n(px(be))} cy={n(y)} r="5" />
                            }
                        </g>
                    }
                }) }
                <g class="cf-chart__series cf-chart__series--payg" aria-hidden="true">
                    <line class="cf-chart__line" x1={n(px(0.0))} y1={n(py(0.0))} x2={n(px(x_max))} y2={n(py(rate * x_max))} />
                </g>
            </svg>
            </div>
            <ul class="cf-legend" aria-hidden="true">
                { for r.plans.iter().enumerate().map(|(i, p)| html! {
                    <li class={classes!("cf-legend__item", format!("cf-legend__item--{}", i % 6))}>{ &p.name }</li>
                }) }
                <li class="cf-legend__item cf-legend__item--payg">{ env.t("compare.payg") }</li>
                <li class="cf-legend__item cf-legend__item--point">{ env.t("chart.break_even") }</li>
            </ul>
            <details class="cf-chart__table">
                <summary>{ env.t("chart.table_toggle") }</summary>
                <table class="cf-table">
                    <thead>
                        <tr>
                            <th scope="col">{ env.t("chart.table_plan") }</th>
                            <th scope="col">{ env.t("chart.table_annual") }</th>
                            <th scope="col">{ env.t("chart.table_break_even") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for r.plans.iter().map(|p| html! {
                            <tr>
                                <th scope="row">{ &p.name }</th>
                                <td>{ fmt.money(p.price.annual) }</td>
                                <td>{ p.break_even_hours.map(|h| env.tf("chart.table_hours", &[("hours", &fmt.number(h.round()))])).unwrap_or_else(|| "—".into()) }</td>
                            </tr>
                        }) }
                        <tr>
                            <th scope="row">{ env.t("compare.payg") }</th>
                            <td>{ env.tf("chart.table_payg", &[("rate", &fmt.money(Money::rounded(&[num], den)))]) }</td>
                            <td>{ "—" }</td>
                        </tr>
                    </tbody>
                </table>
            </details>
        </section>
    }
}
