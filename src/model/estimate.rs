//! The cost side of the estimate (model steps 1–6): workload, plan prices, pay-as-you-go labour,
//! downtime while waiting for help, totals and the break-even hours on both bases.

use super::answers::Answers;
use super::config::{Config, Plan};
use super::money::{div_round, Decimal, Money, DECIMAL_SCALE};

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
    /// N: emergencies per year (`He / hours_per_incident`), to six decimals.
    pub incidents: Decimal,
    /// e: the share of hours that are emergencies.
    pub emergency_share: Decimal,
    /// `1 - e`: the share that is routine upkeep.
    pub maintenance_share: Decimal,
}

impl Workload {
    /// Routine upkeep's share of the hours as a whole percentage (0 to 100, half away from zero),
    /// for a bar split in two: the emergencies' part is the rest, so the parts always add up.
    pub fn maintenance_percent(&self) -> u8 {
        let pct = div_round(self.maintenance_share.micros() * 100, S);
        pct.clamp(0, 100) as u8
    }

    /// Emergencies' share as the rest of [`Workload::maintenance_percent`]'s 100.
    pub fn emergency_percent(&self) -> u8 {
        100 - self.maintenance_percent()
    }
}

/// Step 1: `H = users*hours_per_user + computers*hours_per_computer + servers*hours_per_server`.
pub fn workload(config: &Config, answers: &Answers) -> Workload {
    let w = &config.workload;
    let hours = w.hours_per_user.times_count(answers.users)
        + w.hours_per_computer.times_count(answers.computers)
        + w.hours_per_server.times_count(answers.servers);
    let emergency_hours = hours.times(w.emergency_share);
    let incidents = Decimal::from_micros(div_round(emergency_hours.micros() * S, w.hours_per_incident.micros()));
    Workload {
        hours,
        maintenance_hours: hours - emergency_hours,
        emergency_hours,
        incidents,
        emergency_share: w.emergency_share,
        maintenance_share: Decimal::ONE - w.emergency_share,
    }
}

/// How the cost of an hour of downtime was estimated: people × cost per person-hour × the share
/// of staff an emergency stops.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DowntimeEstimate {
    /// The people who use computers.
    pub users: u32,
    /// What one person unable to work costs per hour (config).
    pub cost_per_user_hour: Money,
    /// The share of staff an average emergency stops (config).
    pub impact: Decimal,
    /// `users * cost_per_user_hour * impact`, rounded to the minor unit.
    pub cost_per_hour: Money,
}

/// The estimate of D from the config and the number of people, whatever the prospect entered.
pub fn downtime_estimate(config: &Config, answers: &Answers) -> DowntimeEstimate {
    let w = &config.workload;
    DowntimeEstimate {
        users: answers.users,
        cost_per_user_hour: w.downtime_cost_per_user_hour,
        impact: w.incident_impact,
        cost_per_hour: w.downtime_cost_per_user_hour.times_count(answers.users).times(w.incident_impact),
    }
}

/// Step 4: downtime per year while waiting `response_hours` for each emergency: `N * hours * D`.
pub fn downtime(config: &Config, load: &Workload, response_hours: Decimal, cost_per_hour: Money) -> Money {
    // N * r * D = (He / hpi) * r * D, computed as one fraction so that nothing is rounded twice.
    Money::rounded(
        &[
            load.emergency_hours.micros(),
            response_hours.micros(),
            cost_per_hour.minor(),
        ],
        config.workload.hours_per_incident.micros() * S,
    )
}

/// One line of a plan's monthly price: a count times a unit price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceLineKind {
    /// People times the price per person.
    Users,
    /// Computers times the price per computer.
    Computers,
    /// Servers times the price per server.
    Servers,
}

/// A part of the monthly price the prospect pays for (a count above zero at a price above zero).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriceLine {
    /// What is counted.
    pub kind: PriceLineKind,
    /// How many.
    pub count: u32,
    /// The plan's price for one.
    pub unit_price: Money,
    /// `count * unit_price`.
    pub amount: Money,
}

/// Step 2: one plan's monthly price before any discount, with its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanPrice {
    /// `users * per_user`.
    pub users_cost: Money,
    /// `computers * per_computer`.
    pub computers_cost: Money,
    /// `servers * per_server`.
    pub servers_cost: Money,
    /// The parts with a count and a price above zero, in the order users, computers, servers.
    pub lines: Vec<PriceLine>,
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
    let parts = [
        (PriceLineKind::Users, answers.users, plan.per_user),
        (PriceLineKind::Computers, answers.computers, plan.per_computer),
        (PriceLineKind::Servers, answers.servers, plan.per_server),
    ];
    let lines: Vec<PriceLine> = parts
        .iter()
        .filter(|(_, count, price)| *count > 0 && *price > Money::ZERO)
        .map(|(kind, count, price)| PriceLine { kind: *kind, count: *count, unit_price: *price, amount: price.times_count(*count) })
        .collect();
    let users_cost = plan.per_user.times_count(answers.users);
    let computers_cost = plan.per_computer.times_count(answers.computers);
    let servers_cost = plan.per_server.times_count(answers.servers);
    let sum = users_cost + computers_cost + servers_cost;
    let monthly_list = sum.max(plan.minimum_monthly);
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
        lines,
        monthly_list,
        minimum_applied: plan.minimum_monthly > sum,
        discount,
        monthly,
        annual: monthly.times_count(12),
    }
}

/// Step 3: pay-as-you-go labour per year, `Hm*R + He*R*M`.
pub fn payg_labour(config: &Config, load: &Workload) -> Money {
    let r = config.rates.hourly.minor();
    let m = config.rates.priority_multiplier.micros();
    let hm = load.maintenance_hours.micros();
    let he = load.emergency_hours.micros();
    // (Hm*S*R + He*R*M) / S^2: within the documented limits each product is below 10^31.
    let upkeep = hm.saturating_mul(S).saturating_mul(r);
    let urgent = he.saturating_mul(r).saturating_mul(m);
    Money::rounded(&[upkeep.saturating_add(urgent)], S * S)
}

/// A cost per support hour as an exact fraction of minor units (numerator, denominator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PerHour {
    /// The numerator, in minor units.
    pub num: i128,
    /// The denominator, always above zero.
    pub den: i128,
}

impl PerHour {
    /// The cost of one hour, rounded to the minor unit.
    pub fn per_hour(self) -> Money {
        Money::from_minor(div_round(self.num, self.den))
    }

    /// The value as a float, for drawing.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

/// What an average hour of pay-as-you-go work costs, `R * (1 - e + e*M)`.
pub fn blended_rate(config: &Config) -> PerHour {
    let e = config.workload.emergency_share.micros();
    let m = config.rates.priority_multiplier.micros();
    let r = config.rates.hourly.minor();
    PerHour { num: r * (S * S - e * S + e * m), den: S * S }
}

/// The downtime each support hour brings while waiting `response_hours` for help:
/// `(e / hours_per_incident) * response_hours * D`.
pub fn downtime_per_support_hour(config: &Config, response_hours: Decimal, d: Money) -> PerHour {
    let e = config.workload.emergency_share.micros();
    let hi = config.workload.hours_per_incident.micros();
    PerHour { num: e * response_hours.micros() * d.minor(), den: hi * S }
}

/// `annual / rate` hours, rounded half away from zero to two decimals; `None` when the rate is not
/// above zero (then the plan never catches up on this basis).
fn hours_to_cover(annual: Money, rate: PerHour) -> Option<Decimal> {
    if rate.num <= 0 {
        return None;
    }
    let hundredths = mul_div_round(annual.minor(), rate.den * 100, rate.num);
    hundredths.checked_mul(10_000).map(Decimal::from_micros)
}

/// Step 6: support hours per year above which the plan's fee is less than paying per job for
/// the same work, `annual / (R*(1 - e + e*M))`; `None` when paying per job costs nothing.
pub fn break_even_hours(config: &Config, annual: Money) -> Option<Decimal> {
    hours_to_cover(annual, blended_rate(config))
}

/// The support hours per year above which the plan's total (fee and downtime) is below paying per
/// job's total: `annual / (R*(1 - e + e*M) + (e/hi)*(W - r)*D)`; `None` when that divisor is not
/// above zero.
pub fn break_even_hours_with_downtime(config: &Config, annual: Money, response_hours: Decimal, d: Money) -> Option<Decimal> {
    let blend = blended_rate(config);
    let wait = config.rates.payg_response_hours - response_hours;
    let saved = downtime_per_support_hour(config, wait, d);
    // blend.num/blend.den + saved.num/saved.den over the common denominator S^2 * hi.
    let hi = saved.den / S;
    let rate = PerHour { num: blend.num * hi + saved.num * S, den: blend.den * hi };
    hours_to_cover(annual, rate)
}

/// `a * b / c` rounded half away from zero, exact even where `a * b` leaves the `i128` range.
pub fn mul_div_round(a: i128, b: i128, c: i128) -> i128 {
    if c == 0 {
        return 0;
    }
    if let Some(p) = a.checked_mul(b) {
        return div_round(p, c);
    }
    let negative = ((a < 0) != (b < 0)) != (c < 0);
    let (hi, lo) = wide_mul(a.unsigned_abs(), b.unsigned_abs());
    let d = c.unsigned_abs();
    let Some((q, rem)) = wide_div(hi, lo, d) else {
        return if negative { i128::MIN } else { i128::MAX };
    };
    // Half away from zero on magnitudes: up when the remainder is at least half the divisor.
    let q = if rem >= d - rem { q.saturating_add(1) } else { q };
    let q = i128::try_from(q).unwrap_or(i128::MAX);
    if negative {
        -q
    } else {
        q
    }
}

fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    let mask = u128::from(u64::MAX);
    let (a1, a0) = (a >> 64, a & mask);
    let (b1, b0) = (b >> 64, b & mask);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
    let lo = (p00 & mask) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// `(hi, lo) / d` by shift and subtract: the quotient and the remainder, or `None` when the
/// quotient does not fit in 128 bits.
fn wide_div(hi: u128, lo: u128, d: u128) -> Option<(u128, u128)> {
    if hi >= d {
        return None;
    }
    let (mut rem, mut q) = (hi, 0u128);
    for i in (0..128).rev() {
        let carry = rem >> 127;
        rem = (rem << 1) | ((lo >> i) & 1);
        q <<= 1;
        if carry == 1 || rem >= d {
            rem = rem.wrapping_sub(d);
            q |= 1;
        }
    }
    Some((q, rem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_multiply_divide_matches_the_narrow_one() {
        for (a, b, c) in [(7, 3, 2), (-7, 3, 2), (10, 10, 3), (1, 1, 3), (-5, 1, 2), (5, -1, -2)] {
            assert_eq!(mul_div_round(a, b, c), div_round(a * b, c), "{a}*{b}/{c}");
        }
        let big = 10i128.pow(30);
        assert_eq!(mul_div_round(big, big, big), big);
        assert_eq!(mul_div_round(big, 3 * big, 2 * big), 3 * big / 2);
        assert_eq!(mul_div_round(-big, big, 3 * big), -(big / 3));
        assert_eq!(mul_div_round(big, big + 1, big), big + 1);
        // Beyond i128 in the middle, rounded half away from zero at the end: 10^39 / (3 * 10^37)
        // is 33.3, 2 * 10^39 / (3 * 10^37) is 66.7.
        let c = 3 * 10i128.pow(37);
        assert_eq!(mul_div_round(big, 10i128.pow(9), c), 33);
        assert_eq!(mul_div_round(2 * big, 10i128.pow(9), c), 67);
        assert_eq!(mul_div_round(-2 * big, 10i128.pow(9), c), -67);
        assert_eq!(mul_div_round(3 * big, 5 * 10i128.pow(8), c), 50);
    }
}
