//! The report: everything the engine computes from a config and answers, and its JSON shape.

use serde_json::{json, Value};

use super::answers::Answers;
use super::config::{Config, Recommend};
use super::estimate::{self, PlanPrice, Workload};
use super::fit::{self, Basis, Reason};
use super::money::{Decimal, Money};

/// The band the score falls in.
#[derive(Debug, Clone, PartialEq)]
pub struct BandReport {
    /// The band's id.
    pub id: String,
    /// Its label ("Strong fit").
    pub label: String,
    /// Its message.
    pub message: String,
    /// What it recommends.
    pub recommend: Recommend,
}

/// One plan, priced for this prospect.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanReport {
    /// The plan's id.
    pub id: String,
    /// The plan's name.
    pub name: String,
    /// The guaranteed response time in hours.
    pub response_hours: Decimal,
    /// The monthly price and its parts.
    pub price: PlanPrice,
    /// Expected downtime cost per year while waiting for the guaranteed response.
    pub downtime: Money,
    /// `annual + downtime`.
    pub total: Money,
    /// Support hours per year above which the plan beats paying per job; `None` when paying per
    /// job costs nothing.
    pub break_even_hours: Option<f64>,
    /// `payg.total - total`; negative when the plan costs more.
    pub savings_vs_payg: Money,
}

/// Paying per job, for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct PaygReport {
    /// Labour per year: upkeep at the hourly rate, emergencies at the priority rate.
    pub labour: Money,
    /// Expected downtime cost per year while waiting the typical, unguaranteed time.
    pub downtime: Money,
    /// `labour + downtime`.
    pub total: Money,
    /// The typical wait; never guaranteed.
    pub response_hours: Decimal,
    /// The standard hourly rate R.
    pub hourly_rate: Money,
    /// What an emergency hour costs without a contract, `R * M`.
    pub emergency_rate: Money,
}

/// What the estimate recommends, in report form.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendationReport {
    /// The recommended plan's id, or `None` for pay-as-you-go.
    pub plan_id: Option<String>,
    /// Why.
    pub basis: Basis,
}

/// Everything the engine computes for one prospect.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The config's currency code.
    pub currency: String,
    /// The currency's decimals, for reading amounts.
    pub minor_units: u8,
    /// The fit score, 0 to 100.
    pub score: u8,
    /// How many fit questions were answered.
    pub answered_questions: usize,
    /// The band the score falls in.
    pub band: BandReport,
    /// Reasons for a contract, strongest first.
    pub reasons_for: Vec<Reason>,
    /// Reasons against a contract, strongest first.
    pub reasons_against: Vec<Reason>,
    /// Support hours per year.
    pub workload: Workload,
    /// D: the downtime cost per hour used.
    pub downtime_cost_per_hour: Money,
    /// Whether D was estimated from the config rather than given.
    pub downtime_cost_estimated: bool,
    /// Every plan, in the config's order.
    pub plans: Vec<PlanReport>,
    /// Paying per job.
    pub payg: PaygReport,
    /// The recommendation.
    pub recommendation: RecommendationReport,
}

/// Computes the report: model steps 1 to 8.
///
/// Total over any validated config and answers: nothing panics, overflows or yields NaN.
pub fn evaluate(config: &Config, answers: &Answers) -> Report {
    let load = estimate::workload(config, answers);
    let d = estimate::downtime_cost_per_hour(config, answers);
    let payg_labour = estimate::payg_labour(config, &load);
    let payg_downtime = estimate::downtime(config, &load, config.rates.payg_response_hours, d);
    let payg_total = payg_labour + payg_downtime;

    let priced: Vec<_> = config.plans.iter().map(|p| (p, estimate::plan_price(config, p, answers))).collect();
    let plans = priced
        .iter()
        .map(|(plan, price)| {
            let downtime = estimate::downtime(config, &load, plan.response_hours, d);
            let total = price.annual + downtime;
            PlanReport {
                id: plan.id.clone(),
                name: plan.name.clone(),
                response_hours: plan.response_hours,
                price: *price,
                downtime,
                total,
                break_even_hours: estimate::break_even_hours(config, price.annual),
                savings_vs_payg: payg_total - total,
            }
        })
        .collect();

    let fit = fit::fit(config, answers);
    let band = fit::band(config, fit.score);
    let recommendation = fit::recommend(band, &priced, answers);
    let band = band.map_or_else(
        || BandReport { id: String::new(), label: String::new(), message: String::new(), recommend: Recommend::Contract },
        |b| BandReport { id: b.id.clone(), label: b.label.clone(), message: b.message.clone(), recommend: b.recommend },
    );

    Report {
        currency: config.currency.clone(),
        minor_units: config.minor_units,
        score: fit.score,
        answered_questions: fit.answered,
        band,
        reasons_for: fit.reasons_for,
        reasons_against: fit.reasons_against,
        workload: load,
        downtime_cost_per_hour: d,
        downtime_cost_estimated: answers.downtime_cost_per_hour.is_none(),
        plans,
        payg: PaygReport {
            labour: payg_labour,
            downtime: payg_downtime,
            total: payg_total,
            response_hours: config.rates.payg_response_hours,
            hourly_rate: config.rates.hourly,
            emergency_rate: config.rates.hourly.times(config.rates.priority_multiplier),
        },
        recommendation: RecommendationReport {
            plan_id: recommendation.plan.map(|i| config.plans[i].id.clone()),
            basis: recommendation.basis,
        },
    }
}

impl Report {
    /// The recommended plan's report, if a plan is recommended.
    pub fn recommended_plan(&self) -> Option<&PlanReport> {
        let id = self.recommendation.plan_id.as_deref()?;
        self.plans.iter().find(|p| p.id == id)
    }

    /// The report as JSON, field names as documented; money in major units.
    pub fn to_json(&self) -> Value {
        let mu = self.minor_units;
        let money = |m: Money| m.to_json(mu);
        let reasons = |rs: &[Reason]| -> Value {
            rs.iter()
                .map(|r| json!({ "question_id": r.question_id, "text": r.text, "points": r.points }))
                .collect()
        };
        let plans: Vec<Value> = self
            .plans
            .iter()
            .map(|p| {
                json!({
                    "id": p.id,
                    "name": p.name,
                    "response_hours": p.response_hours.to_f64(),
                    "users_cost": money(p.price.users_cost),
                    "computers_cost": money(p.price.computers_cost),
                    "servers_cost": money(p.price.servers_cost),
                    "minimum_applied": p.price.minimum_applied,
                    "monthly_list": money(p.price.monthly_list),
                    "discount": money(p.price.discount),
                    "monthly": money(p.price.monthly),
                    "annual": money(p.price.annual),
                    "downtime": money(p.downtime),
                    "total": money(p.total),
                    "break_even_hours": p.break_even_hours,
                    "savings_vs_payg": money(p.savings_vs_payg),
                })
            })
            .collect();
        json!({
            "currency": self.currency,
            "minor_units": self.minor_units,
            "score": self.score,
            "answered_questions": self.answered_questions,
            "band": {
                "id": self.band.id,
                "label": self.band.label,
                "message": self.band.message,
                "recommend": self.band.recommend.as_str(),
            },
            "reasons_for": reasons(&self.reasons_for),
            "reasons_against": reasons(&self.reasons_against),
            "workload": {
                "hours": self.workload.hours.to_f64(),
                "maintenance_hours": self.workload.maintenance_hours.to_f64(),
                "emergency_hours": self.workload.emergency_hours.to_f64(),
                "incidents": self.workload.incidents,
            },
            "downtime_cost_per_hour": money(self.downtime_cost_per_hour),
            "downtime_cost_estimated": self.downtime_cost_estimated,
            "plans": plans,
            "payg": {
                "labour": money(self.payg.labour),
                "downtime": money(self.payg.downtime),
                "total": money(self.payg.total),
                "response_hours": self.payg.response_hours.to_f64(),
                "guaranteed": false,
                "hourly_rate": money(self.payg.hourly_rate),
                "emergency_rate": money(self.payg.emergency_rate),
            },
            "recommendation": {
                "kind": if self.recommendation.plan_id.is_some() { "plan" } else { "payg" },
                "plan_id": self.recommendation.plan_id,
                "basis": self.recommendation.basis.as_str(),
            },
        })
    }
}
