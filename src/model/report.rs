//! The report: everything the engine computes from a config and answers, and its JSON shape.
//! Everything the widget states is a field of it or a function of the model's public surface.

use super::answers::Answers;
use std::sync::Arc;

use super::config::{Config, Recommend, Text};
use super::estimate::{self, DowntimeEstimate, PlanPrice, Workload};
use super::fit::{self, Basis, Reason};
use super::json::{Object, Value};
use super::money::{Decimal, Money};

/// The band the score falls in.
#[derive(Debug, Clone, PartialEq)]
pub struct BandReport {
    /// The band's id.
    pub id: Text,
    /// Its label ("Strong fit").
    pub label: Text,
    /// Its message.
    pub message: Text,
    /// What it recommends.
    pub recommend: Recommend,
}

/// One plan, priced for this prospect.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanReport {
    /// The plan's id.
    pub id: Text,
    /// The plan's name.
    pub name: Text,
    /// One line saying who the plan is for (not in the JSON report).
    pub description: Text,
    /// What the plan includes (not in the JSON report).
    pub features: Arc<[Text]>,
    /// The guaranteed response time in hours.
    pub response_hours: Decimal,
    /// The monthly price and its parts.
    pub price: PlanPrice,
    /// Expected downtime cost per year while waiting for the guaranteed response.
    pub downtime: Money,
    /// `annual + downtime`.
    pub total: Money,
    /// Support hours per year above which the plan's fee beats paying per job for the same work,
    /// to two decimals; `None` when paying per job costs nothing.
    pub break_even_hours: Option<Decimal>,
    /// Support hours per year above which the plan's total (fee and downtime) beats paying per
    /// job's total, to two decimals; `None` when it never does.
    pub break_even_hours_with_downtime: Option<Decimal>,
    /// `payg.labour - annual`: what the support work alone costs less (negative: more).
    pub labour_savings_vs_payg: Money,
    /// `payg.downtime - downtime`: what the guaranteed response saves in waiting.
    pub downtime_savings_vs_payg: Money,
    /// `payg.total - total`, the sum of the two savings; negative when the plan costs more.
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
    /// The priority multiplier M.
    pub priority_multiplier: Decimal,
    /// What an average hour of work costs, `R * (1 - e + e*M)`, rounded to the minor unit.
    pub blended_rate: Money,
}

/// What the estimate recommends, in report form.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendationReport {
    /// The recommended plan's id, or `None` for pay-as-you-go.
    pub plan_id: Option<Text>,
    /// Why.
    pub basis: Basis,
}

/// Everything the engine computes for one prospect.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The config's currency code.
    pub currency: Text,
    /// The currency's decimals, for reading amounts.
    pub minor_units: u8,
    /// The fit score, 0 to 100.
    pub score: u8,
    /// How many fit questions were answered.
    pub answered_questions: usize,
    /// How many fit questions the config asks.
    pub total_questions: usize,
    /// How many answers a verdict needs (the config's `min_answers`).
    pub min_answers: usize,
    /// Whether there are enough answers for a verdict: only then is a score, a band or a
    /// "fits / does not fit" sentence stated anywhere.
    pub verdict_ready: bool,
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
    /// How D is estimated for this business (used when the prospect gives no figure).
    pub downtime_estimate: DowntimeEstimate,
    /// The existing-client discount d the config offers.
    pub existing_client_discount: Decimal,
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
    let estimate_d = estimate::downtime_estimate(config, answers);
    let d = answers.downtime_cost_per_hour.unwrap_or(estimate_d.cost_per_hour);
    let payg_labour = estimate::payg_labour(config, &load);
    let payg_downtime = estimate::downtime(config, &load, config.rates.payg_response_hours, d);
    let payg_total = payg_labour + payg_downtime;

    let priced: Vec<_> = config.plans.iter().map(|p| (p, estimate::plan_price(config, p, answers))).collect();
    let fit = fit::fit(config, answers);
    let total_questions = config.questions.len();
    let verdict_ready = total_questions > 0 && fit.answered >= config.min_answers;
    let band = fit::band(config, fit.score);
    let recommendation = fit::recommend(band, verdict_ready, &priced, answers);
    // The recommendation has read the prices; each plan's report now takes its own.
    let plans = priced
        .into_iter()
        .map(|(plan, price)| {
            let downtime = estimate::downtime(config, &load, plan.response_hours, d);
            let total = price.annual + downtime;
            PlanReport {
                id: plan.id.clone(),
                name: plan.name.clone(),
                description: plan.description.clone(),
                features: plan.features.clone(),
                response_hours: plan.response_hours,
                downtime,
                total,
                break_even_hours: estimate::break_even_hours(config, price.annual),
                break_even_hours_with_downtime: estimate::break_even_hours_with_downtime(
                    config,
                    price.annual,
                    plan.response_hours,
                    d,
                ),
                labour_savings_vs_payg: payg_labour - price.annual,
                downtime_savings_vs_payg: payg_downtime - downtime,
                savings_vs_payg: payg_total - total,
                price,
            }
        })
        .collect();

    let band = band.map_or_else(
        || BandReport { id: Text::from(""), label: Text::from(""), message: Text::from(""), recommend: Recommend::Contract },
        |b| BandReport { id: b.id.clone(), label: b.label.clone(), message: b.message.clone(), recommend: b.recommend },
    );

    Report {
        currency: config.currency.clone(),
        minor_units: config.minor_units,
        score: fit.score,
        answered_questions: fit.answered,
        total_questions,
        min_answers: config.min_answers,
        verdict_ready,
        band,
        reasons_for: fit.reasons_for,
        reasons_against: fit.reasons_against,
        workload: load,
        downtime_cost_per_hour: d,
        downtime_cost_estimated: answers.downtime_cost_per_hour.is_none(),
        downtime_estimate: estimate_d,
        existing_client_discount: config.rates.existing_client_discount,
        plans,
        payg: PaygReport {
            labour: payg_labour,
            downtime: payg_downtime,
            total: payg_total,
            response_hours: config.rates.payg_response_hours,
            hourly_rate: config.rates.hourly,
            emergency_rate: config.rates.hourly.times(config.rates.priority_multiplier),
            priority_multiplier: config.rates.priority_multiplier,
            blended_rate: estimate::blended_rate(config).per_hour(),
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
        self.plans.iter().find(|p| &*p.id == id)
    }

    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<&PlanReport> {
        self.plans.iter().find(|p| &*p.id == id)
    }

    /// The verdict (band) when there are enough answers for one; `None` before.
    ///
    /// The one rule for "is there a verdict", used by the screen, the announcements, the summary,
    /// the email, share links and host events alike.
    pub fn verdict(&self) -> Option<&BandReport> {
        self.verdict_ready.then_some(&self.band)
    }

    /// How many more answers a verdict needs (0 once there is one).
    pub fn answers_needed(&self) -> usize {
        if self.total_questions == 0 {
            0
        } else {
            self.min_answers.saturating_sub(self.answered_questions)
        }
    }

    /// How far the prospect is towards a verdict, as a whole percentage of the answers a verdict
    /// needs, rounded down: 100 only once there is a verdict, so a full bar never comes early.
    pub fn progress_percent(&self) -> u8 {
        let needed = self.min_answers.max(1);
        let answered = self.answered_questions.min(needed);
        // At most 100, so the narrowing is exact.
        (answered * 100 / needed) as u8
    }

    /// The report as it leaves the widget (host events, a sent lead): before there is a verdict,
    /// `score` and `band` are `null` and there are no reasons, so that nothing downstream can
    /// read a verdict the prospect was never shown.
    pub fn to_shared_json(&self) -> Value {
        let mut v = self.to_json();
        if !self.verdict_ready {
            if let Value::Object(o) = &mut v {
                o.insert("score", Value::Null);
                o.insert("band", Value::Null);
                o.insert("reasons_for", Value::Array(Vec::new()));
                o.insert("reasons_against", Value::Array(Vec::new()));
            }
        }
        v
    }

    /// The report as JSON, field names as documented; money in major units, written exactly.
    pub fn to_json(&self) -> Value {
        let mu = self.minor_units;
        let money = |m: Money| Value::Number(m.to_json(mu));
        let hours = |d: Decimal| Value::Number(d.to_json());
        let reasons = |rs: &[Reason]| -> Value {
            Value::Array(
                rs.iter()
                    .map(|r| {
                        Value::Object(
                            Object::default()
                                .with("question_id", r.question_id.as_ref())
                                .with("text", r.text.as_ref())
                                .with("points", r.points),
                        )
                    })
                    .collect(),
            )
        };
        let plans: Vec<Value> = self
            .plans
            .iter()
            .map(|p| {
                Value::Object(
                    Object::default()
                        .with("id", p.id.as_ref())
                        .with("name", p.name.as_ref())
                        .with("response_hours", hours(p.response_hours))
                        .with("users_cost", money(p.price.users_cost))
                        .with("computers_cost", money(p.price.computers_cost))
                        .with("servers_cost", money(p.price.servers_cost))
                        .with("minimum_applied", p.price.minimum_applied)
                        .with("monthly_list", money(p.price.monthly_list))
                        .with("discount", money(p.price.discount))
                        .with("monthly", money(p.price.monthly))
                        .with("annual", money(p.price.annual))
                        .with("downtime", money(p.downtime))
                        .with("total", money(p.total))
                        .with("break_even_hours", p.break_even_hours.map(hours))
                        .with("break_even_hours_with_downtime", p.break_even_hours_with_downtime.map(hours))
                        .with("labour_savings_vs_payg", money(p.labour_savings_vs_payg))
                        .with("downtime_savings_vs_payg", money(p.downtime_savings_vs_payg))
                        .with("savings_vs_payg", money(p.savings_vs_payg)),
                )
            })
            .collect();
        let e = &self.downtime_estimate;
        Value::Object(
            Object::default()
                .with("currency", self.currency.as_ref())
                .with("minor_units", self.minor_units)
                .with("score", self.score)
                .with("answered_questions", self.answered_questions)
                .with("total_questions", self.total_questions)
                .with("min_answers", self.min_answers)
                .with("verdict_ready", self.verdict_ready)
                .with(
                    "band",
                    Object::default()
                        .with("id", self.band.id.as_ref())
                        .with("label", self.band.label.as_ref())
                        .with("message", self.band.message.as_ref())
                        .with("recommend", self.band.recommend.as_str()),
                )
                .with("reasons_for", reasons(&self.reasons_for))
                .with("reasons_against", reasons(&self.reasons_against))
                .with(
                    "workload",
                    Object::default()
                        .with("hours", hours(self.workload.hours))
                        .with("maintenance_hours", hours(self.workload.maintenance_hours))
                        .with("emergency_hours", hours(self.workload.emergency_hours))
                        .with("incidents", hours(self.workload.incidents)),
                )
                .with("downtime_cost_per_hour", money(self.downtime_cost_per_hour))
                .with("downtime_cost_estimated", self.downtime_cost_estimated)
                .with(
                    "downtime_estimate",
                    Object::default()
                        .with("users", e.users)
                        .with("cost_per_user_hour", money(e.cost_per_user_hour))
                        .with("impact", hours(e.impact))
                        .with("cost_per_hour", money(e.cost_per_hour)),
                )
                .with("plans", plans)
                .with(
                    "payg",
                    Object::default()
                        .with("labour", money(self.payg.labour))
                        .with("downtime", money(self.payg.downtime))
                        .with("total", money(self.payg.total))
                        .with("response_hours", hours(self.payg.response_hours))
                        .with("guaranteed", false)
                        .with("hourly_rate", money(self.payg.hourly_rate))
                        .with("emergency_rate", money(self.payg.emergency_rate))
                        .with("blended_rate", money(self.payg.blended_rate)),
                )
                .with(
                    "recommendation",
                    Object::default()
                        .with("kind", if self.recommendation.plan_id.is_some() { "plan" } else { "payg" })
                        .with("plan_id", self.recommendation.plan_id.as_deref())
                        .with("basis", self.recommendation.basis.as_str()),
                ),
        )
    }
}
