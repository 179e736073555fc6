//! The cost chart's content: each plan's and paying per job's yearly cost as a line over support
//! hours, on either basis (with or without the downtime each emergency causes), with markers at
//! exactly the break-even hours the report states, and round axis ticks. The widget only scales
//! these to pixels.

use super::config::{Config, Text};
use super::estimate::{blended_rate, downtime_per_support_hour};
use super::money::Decimal;
use super::report::Report;

/// What the chart counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Basis {
    /// Support work and the downtime while waiting for help (the default).
    #[default]
    Total,
    /// Support work only.
    Labour,
}

/// One straight line: a yearly cost of `start + slope * hours`, in major units.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLine {
    /// The plan's id, or `None` for paying per job.
    pub plan_id: Option<Text>,
    /// The name shown beside the line.
    pub name: Text,
    /// The cost at zero support hours.
    pub start: f64,
    /// The cost of each further support hour.
    pub slope: f64,
    /// Where paying per job crosses this plan (the report's break-even on this basis), when it
    /// does within the chart.
    pub marker: Option<f64>,
}

impl ChartLine {
    /// The line's cost at `hours`.
    pub fn at(&self, hours: f64) -> f64 {
        self.start + self.slope * hours
    }

    /// Where the line leaves a chart `x_max` wide and `y_max` tall: `x_max`, or earlier where it
    /// reaches the top.
    pub fn end(&self, x_max: f64, y_max: f64) -> f64 {
        if self.slope > 0.0 && self.at(x_max) > y_max {
            // `max`/`min`, not `f64::clamp`: clamp's check of its bounds formats floats when it
            // fails, which alone would pull float formatting into the WebAssembly.
            ((y_max - self.start) / self.slope).max(0.0).min(x_max)
        } else {
            x_max
        }
    }
}

/// A tick on an axis: its value, in hours or in major units of money.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick(pub f64);

/// Everything the chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The basis drawn.
    pub basis: Basis,
    /// The largest support hours drawn.
    pub x_max: f64,
    /// The largest cost drawn.
    pub y_max: f64,
    /// Hour ticks, from 0 to `x_max`.
    pub x_ticks: Vec<Tick>,
    /// Cost ticks, from 0 to `y_max`.
    pub y_ticks: Vec<Tick>,
    /// The support hours this business is expected to need.
    pub expected_hours: f64,
    /// One line per plan, in the config's order.
    pub plans: Vec<ChartLine>,
    /// Paying per job.
    pub payg: ChartLine,
}

/// A round step (1, 2 or 5 times a power of ten) that splits `range` into about `parts` ticks.
fn nice_step(range: f64, parts: f64) -> f64 {
    if !(range.is_finite() && range > 0.0) {
        return 1.0;
    }
    let raw = range / parts;
    let magnitude = 10f64.powf(raw.log10().floor());
    let n = raw / magnitude;
    let nice = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks from 0 in steps that make about `parts` intervals, the last at or above `top`.
fn ticks(top: f64, parts: f64) -> (f64, Vec<Tick>) {
    let step = nice_step(top, parts);
    let count = (top / step).ceil().clamp(1.0, 50.0) as usize;
    ((count as f64) * step, (0..=count).map(|i| Tick(i as f64 * step)).collect())
}

impl Chart {
    /// The chart for a report, on `basis`; `narrow` asks for fewer hour ticks (a phone).
    pub fn new(config: &Config, report: &Report, basis: Basis, narrow: bool) -> Chart {
        let unit = 10f64.powi(i32::from(report.minor_units));
        let d = report.downtime_cost_per_hour;
        let blend = blended_rate(config).to_f64() / unit;
        let with_downtime = |response: Decimal| match basis {
            Basis::Total => downtime_per_support_hour(config, response, d).to_f64() / unit,
            Basis::Labour => 0.0,
        };
        let expected = report.workload.hours.to_f64();
        let marker_of = |p: &super::report::PlanReport| match basis {
            Basis::Total => p.break_even_hours_with_downtime,
            Basis::Labour => p.break_even_hours,
        };
        let furthest = report.plans.iter().filter_map(marker_of).map(Decimal::to_f64).fold(0.0, f64::max);
        let (x_max, x_ticks) = ticks((expected * 2.0).max(furthest * 1.15).max(10.0), if narrow { 3.0 } else { 5.0 });
        let plans: Vec<ChartLine> = report
            .plans
            .iter()
            .map(|p| ChartLine {
                plan_id: Some(p.id.clone()),
                name: p.name.clone(),
                start: p.price.annual.to_major(report.minor_units),
                slope: with_downtime(p.response_hours),
                marker: marker_of(p).map(Decimal::to_f64).filter(|h| *h <= x_max),
            })
            .collect();
        let payg = ChartLine {
            plan_id: None,
            name: Text::from(""),
            start: 0.0,
            slope: blend + with_downtime(report.payg.response_hours),
            marker: None,
        };
        // Tall enough for every plan across the chart and for paying per job at the estimate; the
        // steeper pay-per-job line may leave through the top beyond that (see `payg_end`).
        let top = plans
            .iter()
            .map(|l| l.at(x_max))
            .chain(std::iter::once(payg.at(expected)))
            .chain(plans.iter().filter_map(|l| l.marker.map(|h| l.at(h))))
            .fold(1.0, f64::max);
        let (y_max, y_ticks) = ticks(top * 1.1, 4.0);
        Chart { basis, x_max, y_max, x_ticks, y_ticks, expected_hours: expected, plans, payg }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, Answers};

    fn worked() -> (Config, Report) {
        let config = Config::shipped();
        let answers = Answers { users: 20, computers: 22, servers: 2, ..Answers::default() };
        let report = evaluate(&config, &answers);
        (config, report)
    }

    #[test]
    fn markers_sit_where_the_lines_cross_at_the_reported_break_even() {
        let (config, report) = worked();
        for basis in [Basis::Total, Basis::Labour] {
            let chart = Chart::new(&config, &report, basis, false);
            for line in &chart.plans {
                if let Some(h) = line.marker {
                    let gap = (line.at(h) - chart.payg.at(h)).abs();
                    // The report rounds hours to 0.01; the lines then differ by at most that much work.
                    assert!(gap <= (chart.payg.slope + line.slope) * 0.005 + 0.01, "{basis:?} {}: {gap}", line.name);
                }
            }
        }
    }

    #[test]
    fn the_total_basis_rises_with_each_plans_own_downtime() {
        let (config, report) = worked();
        let chart = Chart::new(&config, &report, Basis::Total, false);
        let slopes: Vec<f64> = chart.plans.iter().map(|l| l.slope).collect();
        assert!(slopes[0] > slopes[1] && slopes[1] > slopes[2], "slower response, steeper line: {slopes:?}");
        assert!(chart.payg.slope > slopes[0]);
        // At the expected hours the total line passes through the plan's total.
        let essential = &chart.plans[0];
        let at_expected = essential.at(chart.expected_hours);
        assert!((at_expected - report.plans[0].total.to_major(2)).abs() < 0.01, "{at_expected}");
        let labour = Chart::new(&config, &report, Basis::Labour, false);
        assert!(labour.plans.iter().all(|l| l.slope == 0.0));
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        let (max, t) = ticks(376.0, 5.0);
        assert_eq!(max, 400.0);
        assert_eq!(t.first(), Some(&Tick(0.0)));
        assert_eq!(t.len(), 5);
    }
}
