//! The cost side of the estimate (model steps 1–6): workload, plan prices, pay-as-you-go labour,
//! downtime while waiting for help, totals and break-even hours.

use super::answers::Answers;
use super::config::{Config, Plan};
use super::money::{Decimal, Money, DECIMAL_SCALE};

const S: i128 = DECIMAL_SCALE as i128;

/// Expected support hours per year, split into routine upkeep and emergencies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Workload {
    /// H: all support hours.
    pub hours: Decimal,
    /// Hm: routine upkeep hours (`H - He`).
    pub maintenance_hours: Decimal,
    /// He: emergency hours (`H * e`).
    pub emergency_hours: Decimal,
    /// N: emergencies per year (`He / hours_per_incident`).
    pub incidents: f64,
}

/// Step 1: `H = users*hours_per_user + computers*hours_per_computer + servers*hours_per_server`.
pub fn workload(config: &Config, answers: &Answers) -> Workload {
    let w = &config.workload;
    let hours = w.hours_per_user.times_count(answers.users)
        + w.hours_per_computer.times_count(answers.computers)
        + w.hours_per_server.times_count(answers.servers);
    let emergency_hours = hours.times(w.emergency_share);
    let incidents = if w.hours_per_incident.micros() > 0 {
        emergency_hours.micros() as f64 / w.hours_per_incident.micros() as f64
    } else {
        0.0
    };
    Workload { hours, maintenance_hours: hours - emergency_hours, emergency_hours, incidents }
}

/// D: what an hour of downtime costs, as the prospect said or as estimated from the config.
pub fn downtime_cost_per_hour(config: &Config, answers: &Answers) -> Money {
    answers.downtime_cost_per_hour.unwrap_or_else(|| {
        config
            .workload
            .downtime_cost_per_user_hour
            .times_count(answers.users)
            .times(config.workload.incident_impact)
    })
}

/// Step 4: downtime per year while waiting `response_hours` for each emergency: `N * hours * D`.
pub fn downtime(config: &Config, load: &Workload, response_hours: Decimal, cost_per_hour: Money) -> Money {
    // N * r * D = (He / hpi) * r * D, computed as one fraction so that nothing is rounded twice.
    Money::rounded(
        &[
            i128::from(load.emergency_hours.micros()),
            i128::from(response_hours.micros()),
            i128::from(cost_per_hour.minor()),
        ],
        i128::from(config.workload.hours_per_incident.micros()) * S,
    )
}

/// Step 2: one plan's monthly price before any discount, with its parts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanPrice {
    /// `users * per_user`.
    pub users_cost: Money,
    /// `computers * per_computer`.
    pub computers_cost: Money,
    /// `servers * per_server`.
    pub servers_cost: Money,
    /// `max(sum of the parts, minimum_monthly)`.
    pub monthly_list: Money,
    /// Whether the plan's minimum set the price.
    pub minimum_applied: bool,
    /// The existing-client discount (`monthly_list * d`), or zero.
    pub discount: Money,
    /// `monthly_list - discount`.
    pub monthly: Money,
    /// `12 * monthly`.
    pub annual: Money,
}

/// Step 2 for one plan.
pub fn plan_price(config: &Config, plan: &Plan, answers: &Answers) -> PlanPrice {
    let users_cost = plan.per_user.times_count(answers.users);
    let computers_cost = plan.per_computer.times_count(answers.computers);
    let servers_cost = plan.per_server.times_count(answers.servers);
    let parts = users_cost + computers_cost + servers_cost;
    let monthly_list = parts.max(plan.minimum_monthly);
    let discount = if answers.existing_client {
        monthly_list.times(config.rates.existing_client_discount)
    } else {
        Money::ZERO
    };
    let monthly = monthly_list - discount;
    PlanPrice {
        users_cost,
        computers_cost,
        servers_cost,
        monthly_list,
        minimum_applied: plan.minimum_monthly > parts,
        discount,
        monthly,
        annual: monthly.times_count(12),
    }
}

/// Step 3: pay-as-you-go labour per year, `Hm*R + He*R*M`.
pub fn payg_labour(config: &Config, load: &Workload) -> Money {
    let r = i128::from(config.rates.hourly.minor());
    let m = i128::from(config.rates.priority_multiplier.micros());
    let hm = i128::from(load.maintenance_hours.micros());
    let he = i128::from(load.emergency_hours.micros());
    // (Hm*S*R + He*R*M) / S^2, each product saturating rather than overflowing.
    let upkeep = hm.saturating_mul(S).saturating_mul(r);
    let urgent = he.saturating_mul(r).saturating_mul(m);
    Money::rounded(&[upkeep.saturating_add(urgent)], S * S)
}

/// The hourly rate of pay-as-you-go work averaged over upkeep and emergencies,
/// `R * (1 - e + e*M)`, as a fraction of minor units per hour (numerator, denominator).
pub fn blended_rate(config: &Config) -> (i128, i128) {
    let e = i128::from(config.workload.emergency_share.micros());
    let m = i128::from(config.rates.priority_multiplier.micros());
    let r = i128::from(config.rates.hourly.minor());
    (r * (S * S - e * S + e * m), S * S)
}

/// Step 6: support hours per year above which the plan costs less than paying per job,
/// `annual / (R*(1 - e + e*M))`; `None` when pay-as-you-go work costs nothing.
pub fn break_even_hours(config: &Config, annual: Money) -> Option<f64> {
    let (num, den) = blended_rate(config);
    if num <= 0 {
        return None;
    }
    Some(annual.minor() as f64 * den as f64 / num as f64)
}
