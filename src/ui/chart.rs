//! The cost chart: the model's lines (yearly cost of each plan and of paying per job against
//! support hours, counting downtime or support work only) scaled to SVG, with markers at the
//! break-even hours the sentences quote, and the same facts as a table.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::env::{heading, Env};
use crate::model::{sort_few, Chart, ChartBasis, Decimal, Format, Key, Report};

const H: f64 = 300.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;

/// A coordinate to one decimal, written without float formatting code.
fn n(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    let (sign, t) = if tenths < 0 { ("-", -tenths) } else { ("", tenths) };
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// The cost chart `w` pixels wide (its container is `container`, whose width the caller
/// follows), on the basis `basis` holds, with its basis switch and its table equivalent.
pub fn cost_chart(env: &Env, r: &Report, basis: &UseStateHandle<ChartBasis>, container: NodeRef, w: f64) -> Html {
    let fmt = &env.fmt;
    let shown = **basis;
    let chart = Chart::new(&env.config, r, shown, w < 400.0);
    let px = |hours: f64| LEFT + hours / chart.x_max * (w - LEFT - RIGHT);
    let py = |cost: f64| TOP + (1.0 - cost / chart.y_max) * (H - TOP - BOTTOM);
    let title_id = env.id("chart-title");
    let desc_id = env.id("chart-desc");
    let x_max = Decimal::from_int(chart.x_max.round() as i64);
    let description = match shown {
        ChartBasis::Total => env.tf(Key::ChartDescription, &[("hours", &fmt.decimal(x_max))]),
        ChartBasis::Labour => env.tf(Key::ChartDescriptionLabour, &[("hours", &fmt.decimal(x_max))]),
    };
    let basis_name = env.id("chart-basis");
    let choice = |value: ChartBasis, key: Key, suffix: &str| {
        let id = format!("{basis_name}-{suffix}");
        let state = basis.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if input.checked() {
                state.set(value);
            }
        });
        html! {
            <span class="cf-pill">
                <input type="radio" class="cf-pill__input" id={id.clone()} name={basis_name.clone()}
                    checked={shown == value} {onchange} />
                <label class="cf-pill__label" for={id}>{ env.t(key) }</label>
            </span>
        }
    };
    // Plan names at the right end of their lines, pushed apart where lines end close together.
    let mut label_y: Vec<(usize, f64)> = chart.plans.iter().enumerate().map(|(i, l)| (i, py(l.at(l.end(chart.x_max, chart.y_max))) - 5.0)).collect();
    sort_few(&mut label_y, |l| l.1);
    // One line of the 12px label font, with its descenders ("Priority") clear of the next capital.
    const LABEL_GAP: f64 = 16.0;
    for k in 1..label_y.len() {
        if label_y[k].1 - label_y[k - 1].1 < LABEL_GAP {
            label_y[k].1 = label_y[k - 1].1 + LABEL_GAP;
        }
    }
    sort_few(&mut label_y, |l| l.0 as f64);
    let payg_end = chart.payg.end(chart.x_max, chart.y_max);
    let story = env.story();
    let break_even_of = |p: &crate::model::PlanReport| match shown {
        ChartBasis::Total => p.break_even_hours_with_downtime,
        ChartBasis::Labour => p.break_even_hours,
    };

    html! {
        <section class="cf-section cf-chart" aria-labelledby={title_id.clone()}>
            { heading(env, 1, Some(title_id.clone()), "cf-section__title", html! { { env.t(Key::ChartHeading) } }) }
            <fieldset class="cf-pills">
                <legend class="cf-pills__legend">{ env.t(Key::ChartBasis) }</legend>
                { choice(ChartBasis::Total, Key::ChartBasisTotal, "total") }
                { choice(ChartBasis::Labour, Key::ChartBasisLabour, "labour") }
            </fieldset>
            <p class="cf-help" id={desc_id.clone()}>{ description }</p>
            <div class="cf-chart__frame" ref={container}>
            <svg class="cf-chart__svg" viewBox={format!("0 0 {} {}", n(w), n(H))} role="img"
                aria-labelledby={title_id} aria-describedby={desc_id}>
                <g class="cf-chart__grid" aria-hidden="true">
                    { for chart.y_ticks.iter().map(|t| html! {
                        <>
                            <line x1={n(LEFT)} x2={n(w - RIGHT)} y1={n(py(t.0))} y2={n(py(t.0))} />
                            <text class="cf-chart__tick" x={n(LEFT - 6.0)} y={n(py(t.0) + 4.0)} text-anchor="end">{ fmt.money_compact(t.0) }</text>
                        </>
                    }) }
                    { for chart.x_ticks.iter().map(|t| html! {
                        <text class="cf-chart__tick" x={n(px(t.0))} y={n(H - BOTTOM + 16.0)} text-anchor="middle">{ fmt.count(t.0 as u64) }</text>
                    }) }
                    <text class="cf-chart__axis" x={n((LEFT + w - RIGHT) / 2.0)} y={n(H - 6.0)} text-anchor="middle">{ env.t(Key::ChartXAxis) }</text>
                </g>
                // SVG paints in document order: the pay-as-you-go line goes under the plans' names
                // and break-even marks, and the estimate marker last, so no line crosses its words.
                <g class="cf-chart__series cf-chart__series--payg" aria-hidden="true">
                    <line class="cf-chart__line" x1={n(px(0.0))} y1={n(py(0.0))} x2={n(px(payg_end))} y2={n(py(chart.payg.at(payg_end)))} />
                </g>
                { for chart.plans.iter().enumerate().map(|(i, line)| html! {
                    <g class={classes!("cf-chart__series", format!("cf-chart__series--{}", i % 6))} aria-hidden="true">
                        <line class="cf-chart__line" x1={n(px(0.0))} y1={n(py(line.at(0.0)))}
                            x2={n(px(line.end(chart.x_max, chart.y_max)))} y2={n(py(line.at(line.end(chart.x_max, chart.y_max))))} />
                        <text class="cf-chart__label" x={n(w - RIGHT - 4.0)} y={n(label_y[i].1)} text-anchor="end">{ &line.name }</text>
                        if let Some(h) = line.marker {
                            <circle class="cf-chart__point" cx={n(px(h))} cy={n(py(line.at(h)))} r="5" data-hours={n(h)} />
                        }
                    </g>
                }) }
                <g class="cf-chart__you" aria-hidden="true">
                    <line x1={n(px(chart.expected_hours))} x2={n(px(chart.expected_hours))} y1={n(TOP)} y2={n(H - BOTTOM)} />
                    <text x={n(px(chart.expected_hours) + 4.0)} y={n(TOP + 10.0)}>{ env.t(Key::ChartYou) }</text>
                </g>
            </svg>
            </div>
            <ul class="cf-legend" aria-hidden="true">
                { for r.plans.iter().enumerate().map(|(i, p)| html! {
                    <li class={classes!("cf-legend__item", format!("cf-legend__item--{}", i % 6))}>{ &p.name }</li>
                }) }
                <li class="cf-legend__item cf-legend__item--payg">{ env.t(Key::ComparePayg) }</li>
                <li class="cf-legend__item cf-legend__item--point">{ env.t(Key::ChartBreakEven) }</li>
            </ul>
            <details class="cf-chart__table">
                <summary>{ env.t(Key::ChartTableToggle) }</summary>
                <table class="cf-table">
                    <thead>
                        <tr>
                            <th scope="col">{ env.t(Key::ChartTablePlan) }</th>
                            <th scope="col">{ env.t(Key::ChartTableAnnual) }</th>
                            <th scope="col">{ env.t(Key::ChartTableBreakEven) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for r.plans.iter().map(|p| {
                            let cost = if shown == ChartBasis::Total { p.total } else { p.price.annual };
                            let break_even = match break_even_of(p) {
                                Some(h) => story.tn(Key::ChartTableHours, h, &[("hours", &fmt.decimal(h))]),
                                None => env.t(Key::ChartTableNever).to_string(),
                            };
                            html! {
                                <tr>
                                    <th scope="row">{ &p.name }</th>
                                    <td>{ fmt.money(cost) }</td>
                                    <td>{ break_even }</td>
                                </tr>
                            }
                        }) }
                        <tr>
                            <th scope="row">{ env.t(Key::ComparePayg) }</th>
                            <td>{ fmt.money(if shown == ChartBasis::Total { r.payg.total } else { r.payg.labour }) }</td>
                            <td>{ env.tf(Key::ChartTablePayg, &[("rate", &fmt.money(r.payg.blended_rate))]) }</td>
                        </tr>
                    </tbody>
                </table>
            </details>
        </section>
    }
}
