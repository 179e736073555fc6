//! The fit side of the estimate (model steps 7–8): score, band, reasons for and against, and the
//! recommendation.

use super::answers::Answers;
use super::config::{Band, Config, Plan, Recommend, Text};
use super::estimate::PlanPrice;
use super::order::sort_few;

/// One reason the prospect's answers give for or against a contract.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The question it answers.
    pub question_id: Text,
    /// The reason, in the prospect's words.
    pub text: Text,
    /// How strongly it counts (positive for, negative against).
    pub points: i64,
}

/// The fit score and its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// 0 to 100.
    pub score: u8,
    /// How many questions were answered.
    pub answered: usize,
    /// Reasons for a contract, strongest first.
    pub reasons_for: Vec<Reason>,
    /// Reasons against a contract, strongest first.
    pub reasons_against: Vec<Reason>,
}

/// Step 7: the score over answered questions, and the reasons.
pub fn fit(config: &Config, answers: &Answers) -> Fit {
    let (mut sum, mut lo, mut hi) = (0i64, 0i64, 0i64);
    let mut answered = 0;
    // At most one reason per question: one allocation each, never a regrowth.
    let mut reasons_for = Vec::with_capacity(config.questions.len());
    let mut reasons_against = Vec::with_capacity(config.questions.len());
    for q in &config.questions {
        let Some(option) = answers.choices.get(&q.id).and_then(|i| q.options.get(*i)) else {
            continue;
        };
        answered += 1;
        sum += option.points;
        lo += q.options.iter().map(|o| o.points).min().unwrap_or(0);
        hi += q.options.iter().map(|o| o.points).max().unwrap_or(0);
        if option.reason.is_empty() {
            continue;
        }
        let reason = Reason { question_id: q.id.clone(), text: option.reason.clone(), points: option.points };
        if option.points > 0 {
            reasons_for.push(reason);
        } else if option.points < 0 {
            reasons_against.push(reason);
        }
    }
    // The config's question order breaks ties among equally strong reasons.
    // The sort is stable: equally strong reasons keep the config's question order.
    sort_few(&mut reasons_for, |r| -r.points);
    sort_few(&mut reasons_against, |r| r.points);
    let range = hi - lo;
    let score = if range <= 0 {
        0
    } else {
        // round(100 * (sum - lo) / range), half away from zero; the value is never negative.
        ((200 * (sum - lo) + range) / (2 * range)).clamp(0, 100) as u8
    };
    Fit { score, answered, reasons_for, reasons_against }
}

/// The band with the highest `min_score` not above the score.
pub fn band(config: &Config, score: u8) -> Option<&Band> {
    config
        .bands
        .iter()
        .filter(|b| b.min_score <= i64::from(score))
        .max_by_key(|b| b.min_score)
}

/// Why the recommendation is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The band recommends paying per job.
    PoorFit,
    /// The cheapest plan that meets the required response.
    MeetsResponse,
    /// No plan meets the required response; this one responds fastest.
    FastestAvailable,
    /// No response was required; the cheapest plan.
    Cheapest,
}

impl Basis {
    /// The word used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::PoorFit => "poor_fit",
            Basis::MeetsResponse => "meets_response",
            Basis::FastestAvailable => "fastest_available",
            Basis::Cheapest => "cheapest",
        }
    }
}

/// What the estimate recommends.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// The recommended plan's index in the config, or `None` for pay-as-you-go.
    pub plan: Option<usize>,
    /// Why.
    pub basis: Basis,
}

/// Step 8: pay-as-you-go when the band says so and there is a verdict; otherwise the cheapest
/// plan that responds fast enough, else the fastest; ties go to the faster response, then the
/// cheaper, then the first listed.
pub fn recommend(
    band: Option<&Band>,
    verdict_ready: bool,
    plans: &[(&Plan, PlanPrice)],
    answers: &Answers,
) -> Recommendation {
    let payg_verdict = verdict_ready && band.is_some_and(|b| b.recommend == Recommend::Payg);
    if payg_verdict || plans.is_empty() {
        return Recommendation { plan: None, basis: Basis::PoorFit };
    }
    let by_price = |i: &usize| (plans[*i].1.monthly, plans[*i].0.response_hours, *i);
    let by_speed = |i: &usize| (plans[*i].0.response_hours, plans[*i].1.monthly, *i);
    let all = 0..plans.len();
    let (plan, basis) = match answers.required_response_hours {
        None => (all.min_by_key(by_price), Basis::Cheapest),
        Some(required) => {
            let meeting = all.clone().filter(|i| plans[*i].0.response_hours <= required).min_by_key(by_price);
            match meeting {
                Some(i) => (Some(i), Basis::MeetsResponse),
                None => (all.min_by_key(by_speed), Basis::FastestAvailable),
            }
        }
    };
    Recommendation { plan, basis }
}
