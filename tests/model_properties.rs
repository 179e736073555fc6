//! Properties of the engine over random valid configs and answers covering the whole allowed ranges
//! (prices 0 to 10,000,000, minor units 0 to 4, 1 to 12 plans, 0 to 20 questions, bands with gaps,
//! hours per incident down to 0.01, shares 0 and 1, multipliers 1 and 10, `min_answers` anywhere
//! in its range, ...), and over random, possibly invalid, JSON.
//!
//! `random_documents_never_panic_and_reports_add_up` is the fuzz target of the project: random JSON
//! documents, mutated valid configs and answers, and byte-mutated config text, through the readers
//! and the engine. Its case count comes from `CONTRACT_FIT_FUZZ_CASES` (default 5,000, about ten
//! seconds of CPU in a debug build). A long run (a million cases took 250 s of CPU, 7.5 minutes
//! on a busy two-core machine; the overrides give an optimised build without the size-tuned LTO
//! of the release profile, in a target dir of its own):
//!
//! ```text
//! CONTRACT_FIT_FUZZ_CASES=1000000 CARGO_TARGET_DIR=/tmp/cf-fuzz-target \
//!   CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
//!   cargo test --release --locked --test model_properties random_documents_never_panic_and_reports_add_up
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::cmp::Ordering;

use contract_fit::model::{evaluate, Answers, Basis, Config, Decimal, Money, PlanReport, Recommend, Report};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{json, Map, Value};

const CASES: u32 = 4096;

fn proptest_config(cases: u32) -> ProptestConfig {
    // No regression files: a failure prints its minimal input, which belongs in a unit test.
    ProptestConfig {
        failure_persistence: None,
        // XorShift: ChaCha is several times slower in an unoptimised test build.
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::with_cases(cases)
    }
}

/// The fuzz target's case count: `CONTRACT_FIT_FUZZ_CASES`, or a default that runs in seconds.
fn fuzz_cases() -> u32 {
    std::env::var("CONTRACT_FIT_FUZZ_CASES").ok().and_then(|v| v.trim().replace('_', "").parse().ok()).unwrap_or(5_000)
}

/// Fixed-point scale of decimals (six places).
const S: i128 = 1_000_000;

// ---------------------------------------------------------------- exact integers of any size

/// A signed integer of any size, for checking products that leave the `i128` range exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Big {
    negative: bool,
    /// Base 2^32 digits, least significant first, without leading zeros (zero is empty).
    digits: Vec<u32>,
}

impl Big {
    fn from(n: i128) -> Big {
        let mut m = n.unsigned_abs();
        let mut digits = Vec::new();
        while m > 0 {
            digits.push(m as u32);
            m >>= 32;
        }
        Big { negative: n < 0, digits }
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    fn trim(mut self) -> Big {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.negative = false;
        }
        self
    }

    fn cmp_magnitude(a: &[u32], b: &[u32]) -> Ordering {
        a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }

    fn add_magnitude(a: &[u32], b: &[u32]) -> Vec<u32> {
        let mut out = Vec::with_capacity(a.len().max(b.len()) + 1);
        let mut carry = 0u64;
        for i in 0..a.len().max(b.len()) {
            let s = u64::from(*a.get(i).unwrap_or(&0)) + u64::from(*b.get(i).unwrap_or(&0)) + carry;
            out.push(s as u32);
            carry = s >> 32;
        }
        if carry > 0 {
            out.push(carry as u32);
        }
        out
    }

    /// `a - b` for `a >= b`.
    fn sub_magnitude(a: &[u32], b: &[u32]) -> Vec<u32> {
        let mut out = Vec::with_capacity(a.len());
        let mut borrow = 0i64;
        for (i, ai) in a.iter().enumerate() {
            let mut d = i64::from(*ai) - i64::from(*b.get(i).unwrap_or(&0)) - borrow;
            borrow = 0;
            if d < 0 {
                d += 1 << 32;
                borrow = 1;
            }
            out.push(d as u32);
        }
        out
    }

    fn add(&self, o: &Big) -> Big {
        if self.negative == o.negative {
            return Big { negative: self.negative, digits: Big::add_magnitude(&self.digits, &o.digits) }.trim();
        }
        match Big::cmp_magnitude(&self.digits, &o.digits) {
            Ordering::Less => Big { negative: o.negative, digits: Big::sub_magnitude(&o.digits, &self.digits) }.trim(),
            _ => Big { negative: self.negative, digits: Big::sub_magnitude(&self.digits, &o.digits) }.trim(),
        }
    }

    fn neg(&self) -> Big {
        Big { negative: !self.negative && !self.is_zero(), digits: self.digits.clone() }
    }

    fn sub(&self, o: &Big) -> Big {
        self.add(&o.neg())
    }

    fn mul(&self, o: &Big) -> Big {
        let mut out = vec![0u32; self.digits.len() + o.digits.len()];
        for (i, a) in self.digits.iter().enumerate() {
            let mut carry = 0u64;
            for (j, b) in o.digits.iter().enumerate() {
                let t = u64::from(*a) * u64::from(*b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            let mut k = i + o.digits.len();
            while carry > 0 {
                let t = u64::from(out[k]) + carry;
                out[k] = t as u32;
                carry = t >> 32;
                k += 1;
            }
        }
        Big { negative: self.negative != o.negative, digits: out }.trim()
    }

    fn abs(&self) -> Big {
        Big { negative: false, digits: self.digits.clone() }
    }

    fn signum(&self) -> i32 {
        if self.is_zero() {
            0
        } else if self.negative {
            -1
        } else {
            1
        }
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        match self.sub(other).signum() {
            -1 => Ordering::Less,
            0 => Ordering::Equal,
            _ => Ordering::Greater,
        }
    }
}

/// The product of the factors, exactly.
fn product(factors: &[i128]) -> Big {
    factors.iter().fold(Big::from(1), |acc, f| acc.mul(&Big::from(*f)))
}

#[test]
fn big_integers_agree_with_i128_where_it_reaches() {
    let samples = [0i128, 1, -1, 7, -7, 1 << 40, -(1 << 62), i128::from(i64::MAX), 10i128.pow(30), -(10i128.pow(19) + 3)];
    for a in samples {
        for b in samples {
            assert_eq!(Big::from(a).add(&Big::from(b)), Big::from(a + b), "{a} + {b}");
            assert_eq!(Big::from(a).sub(&Big::from(b)), Big::from(a - b), "{a} - {b}");
            if let Some(p) = a.checked_mul(b) {
                assert_eq!(Big::from(a).mul(&Big::from(b)), Big::from(p), "{a} * {b}");
            }
            assert_eq!(Big::from(a).cmp(&Big::from(b)), a.cmp(&b), "{a} <> {b}");
        }
    }
    // Beyond i128: (10^30)^2 - (10^30)^2 = 0, and 10^60 > 10^59 * 9.
    let big = product(&[10i128.pow(30), 10i128.pow(30)]);
    assert!(big.sub(&big).is_zero());
    assert!(big > product(&[10i128.pow(29), 10i128.pow(30), 9]));
    assert!(big.neg() < Big::from(-1));
}

// ---------------------------------------------------------------- generators of valid input

/// An amount in ten-thousandths of a major unit, from 0 to `max_major`, extremes included.
/// It is cut to the config's minor units when the JSON is built.
fn amount(max_major: u64) -> impl Strategy<Value = u64> {
    let max = max_major * 10_000;
    prop_oneof![
        1 => Just(0u64),
        1 => Just(max),
        2 => 0..=max,
        2 => 0..=10_000_000u64, // up to 1,000 major: everyday prices
    ]
}

/// A quantity in millionths from `lo` to `hi`, extremes included.
fn micros(lo: i64, hi: i64) -> impl Strategy<Value = i64> {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 3 => lo..=hi]
}

/// Hours in hundredths, 0.01 to 8760 (response times).
fn response_hundredths() -> impl Strategy<Value = u32> {
    prop_oneof![1 => Just(1u32), 1 => Just(876_000u32), 2 => 1..=876_000u32, 3 => 100..=4_800u32]
}

#[derive(Debug, Clone)]
struct PlanGen {
    response: u32,
    per_user: u64,
    per_computer: u64,
    per_server: u64,
    minimum: u64,
}

#[derive(Debug, Clone)]
struct ConfigGen {
    minor_units: u32,
    hourly: u64,
    multiplier: i64,
    payg_response: u32,
    discount: i64,
    hours_per: [i64; 3],
    emergency_share: i64,
    hours_per_incident: i64,
    downtime_per_user_hour: u64,
    impact: i64,
    plans: Vec<PlanGen>,
    questions: Vec<Vec<i64>>,
    /// (min_score, recommends payg); always includes 0.
    bands: Vec<(u8, bool)>,
    /// `min_answers`, as a raw pick taken modulo the number of questions; `None` leaves it out.
    min_answers: Option<usize>,
}

fn plan_gen() -> impl Strategy<Value = PlanGen> {
    (response_hundredths(), amount(10_000_000), amount(10_000_000), amount(10_000_000), amount(10_000_000)).prop_map(
        |(response, per_user, per_computer, per_server, minimum)| PlanGen {
            response,
            per_user,
            per_computer,
            per_server,
            minimum,
        },
    )
}

/// SplitMix64: a question's points are drawn from one seed, which keeps generation cheap (a
/// config has up to 200 options) while the question list itself still shrinks.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn question_gen() -> impl Strategy<Value = Vec<i64>> {
    (0u8..5, any::<u64>()).prop_map(|(kind, seed)| {
        let mut st = seed;
        let mut draw = |n: u64| splitmix(&mut st) % n;
        match kind {
            // Points anywhere in -100..=100, 1 to 10 options.
            0..=2 => (0..=draw(10)).map(|_| draw(201) as i64 - 100).collect(),
            // Small points, as real configs use.
            3 => (0..=draw(4)).map(|_| draw(7) as i64 - 3).collect(),
            // All options worth the same.
            _ => vec![draw(201) as i64 - 100; 1 + draw(10) as usize],
        }
    })
}

fn bands_gen() -> impl Strategy<Value = Vec<(u8, bool)>> {
    // Up to 9 more bands anywhere in 1..=100: gaps of any size.
    (prop::collection::btree_set(1u8..=100, 0..=9), prop::collection::vec(any::<bool>(), 10)).prop_map(
        |(scores, payg)| {
            std::iter::once(0u8).chain(scores).zip(payg).collect()
        },
    )
}

fn config_gen() -> impl Strategy<Value = ConfigGen> {
    let rates = (0u32..=4, amount(1_000_000), micros(1_000_000, 10_000_000), response_hundredths(), micros(0, 1_000_000));
    let workload = (
        [micros(0, 1_000_000_000), micros(0, 1_000_000_000), micros(0, 1_000_000_000)],
        micros(0, 1_000_000),
        micros(10_000, 1_000_000_000),
        amount(1_000_000),
        micros(0, 1_000_000),
    );
    let lists = (
        prop::collection::vec(plan_gen(), 1..=12),
        prop::collection::vec(question_gen(), 0..=20),
        bands_gen(),
        prop::option::of(any::<usize>()),
    );
    (rates, workload, lists).prop_map(
        |(
            (minor_units, hourly, multiplier, payg_response, discount),
            (hours_per, emergency_share, hours_per_incident, downtime_per_user_hour, impact),
            (plans, questions, bands, min_answers),
        )| ConfigGen {
            minor_units,
            hourly,
            multiplier,
            payg_response,
            discount,
            hours_per,
            emergency_share,
            hours_per_incident,
            downtime_per_user_hour,
            impact,
            plans,
            questions,
            bands,
            min_answers,
        },
    )
}

/// Ten-thousandths of a major unit, cut to `minor_units` decimals, as a JSON number. (The float
/// holds the decimal exactly enough: it is written back as the shortest text that reads as it.)
fn money_json(ten_thousandths: u64, minor_units: u32) -> Value {
    let minor = ten_thousandths / 10u64.pow(4 - minor_units);
    json!(minor as f64 / 10f64.powi(minor_units as i32))
}

fn micros_json(m: i64) -> Value {
    json!(m as f64 / 1e6)
}

fn hundredths_json(h: u32) -> Value {
    json!(f64::from(h) / 100.0)
}

impl ConfigGen {
    fn to_json(&self) -> Value {
        let mu = self.minor_units;
        let plans: Vec<Value> = self
            .plans
            .iter()
            .enumerate()
            .map(|(i, p)| {
                json!({
                    "id": format!("p{i}"), "name": format!("Plan {i}"),
                    "response_hours": hundredths_json(p.response),
                    "per_user": money_json(p.per_user, mu),
                    "per_computer": money_json(p.per_computer, mu),
                    "per_server": money_json(p.per_server, mu),
                    "minimum_monthly": money_json(p.minimum, mu),
                })
            })
            .collect();
        let questions: Vec<Value> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, points)| {
                let options: Vec<Value> = points
                    .iter()
                    .enumerate()
                    .map(|(j, p)| json!({ "label": format!("o{j}"), "points": p, "reason": format!("r{i}.{j}") }))
                    .collect();
                json!({ "id": format!("q{i}"), "text": "?", "options": options })
            })
            .collect();
        let bands: Vec<Value> = self
            .bands
            .iter()
            .map(|(s, payg)| {
                json!({ "id": format!("b{s}"), "min_score": s, "label": "B",
                        "recommend": if *payg { "payg" } else { "contract" } })
            })
            .collect();
        let mut v = json!({
            "minor_units": mu,
            "rates": {
                "hourly": money_json(self.hourly, mu),
                "priority_multiplier": micros_json(self.multiplier),
                "payg_response_hours": hundredths_json(self.payg_response),
                "existing_client_discount": micros_json(self.discount),
            },
            "workload": {
                "hours_per_user": micros_json(self.hours_per[0]),
                "hours_per_computer": micros_json(self.hours_per[1]),
                "hours_per_server": micros_json(self.hours_per[2]),
                "emergency_share": micros_json(self.emergency_share),
                "hours_per_incident": micros_json(self.hours_per_incident),
                "downtime_cost_per_user_hour": money_json(self.downtime_per_user_hour, mu),
                "incident_impact": micros_json(self.impact),
            },
            "plans": plans,
            "questions": questions,
            "bands": bands,
        });
        if let (Some(pick), n) = (self.min_answers, self.questions.len()) {
            if n > 0 {
                v["min_answers"] = json!(1 + pick % n);
            }
        }
        v
    }

    fn config(&self) -> Config {
        let v = self.to_json();
        Config::from_json(&v.to_string()).unwrap_or_else(|p| panic!("generated config refused:\n{p}\n{v:#}"))
    }
}

#[derive(Debug, Clone)]
struct AnswersGen {
    users: u32,
    computers: u32,
    servers: u32,
    existing_client: bool,
    required: Option<u32>,
    downtime: Option<u64>,
    /// A raw option pick per question (taken modulo the option count), or unanswered.
    choices: Vec<Option<usize>>,
}

fn answers_gen() -> impl Strategy<Value = AnswersGen> {
    (
        prop_oneof![Just(1u32), Just(10_000u32), 1..=10_000u32, 1..=50u32],
        prop_oneof![Just(0u32), Just(20_000u32), 0..=20_000u32, 0..=60u32],
        prop_oneof![Just(0u32), Just(2_000u32), 0..=2_000u32, 0..=5u32],
        any::<bool>(),
        prop::option::of(response_hundredths()),
        prop::option::of(amount(10_000_000)),
        prop::collection::vec(prop::option::of(0usize..10), 20),
    )
        .prop_map(|(users, computers, servers, existing_client, required, downtime, choices)| AnswersGen {
            users,
            computers,
            servers,
            existing_client,
            required,
            downtime,
            choices,
        })
}

impl AnswersGen {
    fn to_json(&self, c: &ConfigGen) -> Value {
        let mut choices = Map::new();
        for (i, (q, pick)) in c.questions.iter().zip(&self.choices).enumerate() {
            if let Some(k) = pick {
                choices.insert(format!("q{i}"), json!(k % q.len()));
            }
        }
        json!({
            "users": self.users, "computers": self.computers, "servers": self.servers,
            "existing_client": self.existing_client,
            "required_response_hours": self.required.map(hundredths_json),
            "downtime_cost_per_hour": self.downtime.map(|d| money_json(d, c.minor_units)),
            "choices": choices,
        })
    }

    fn answers(&self, c: &ConfigGen, config: &Config) -> Answers {
        let v = self.to_json(c);
        Answers::from_json(&v.to_string(), config).unwrap_or_else(|p| panic!("generated answers refused:\n{p}\n{v:#}"))
    }
}

fn inputs() -> impl Strategy<Value = (ConfigGen, AnswersGen)> {
    (config_gen(), answers_gen())
}

/// Config, answers and report for one generated case.
fn run(c: &ConfigGen, a: &AnswersGen) -> (Config, Answers, Report) {
    let config = c.config();
    let answers = a.answers(c, &config);
    let report = evaluate(&config, &answers);
    (config, answers, report)
}

/// The report as serde_json.
fn json_of(r: &Report) -> Value {
    let text = r.to_json().to_json_string();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("the report is not JSON ({e}): {text}"))
}

// ---------------------------------------------------------------- properties of valid input
//
// Generating a config is the costly part of a case, so each generated case is checked against
// every property below (each property sees all 4096 cases). A failure names the property.

/// The score is 0 to 100 and picks the band the model says.
fn score_is_0_to_100_and_band_matches(config: &Config, r: &Report) -> Result<(), TestCaseError> {
    prop_assert!(r.score <= 100);
    prop_assert!(r.answered_questions <= config.questions.len());
    // The band is the one with the highest min_score not above the score.
    let want = config.bands.iter().filter(|b| b.min_score <= i64::from(r.score)).max_by_key(|b| b.min_score).unwrap();
    prop_assert_eq!(&r.band.id, &want.id);
    if r.answered_questions == 0 {
        prop_assert_eq!(r.score, 0);
    }
    Ok(())
}

/// A verdict needs the config to ask questions and `min_answers` of them answered; only then
/// does the report state one.
fn the_verdict_waits_for_enough_answers(config: &Config, r: &Report) -> Result<(), TestCaseError> {
    let n = config.questions.len();
    prop_assert_eq!(r.total_questions, n);
    prop_assert_eq!(r.min_answers, config.min_answers);
    if n == 0 {
        prop_assert_eq!(config.min_answers, 0);
    } else {
        prop_assert!((1..=n).contains(&config.min_answers), "min_answers {} of {}", config.min_answers, n);
    }
    prop_assert_eq!(r.verdict_ready, n > 0 && r.answered_questions >= config.min_answers);
    prop_assert_eq!(r.verdict().is_some(), r.verdict_ready);
    let needed = if n == 0 { 0 } else { config.min_answers.saturating_sub(r.answered_questions) };
    prop_assert_eq!(r.answers_needed(), needed);
    prop_assert_eq!(r.answers_needed() == 0, r.verdict_ready || n == 0);
    Ok(())
}

/// No amount is negative, except the savings.
fn amounts_are_never_negative_except_savings(r: &Report) -> Result<(), TestCaseError> {
    let z = Money::ZERO;
    prop_assert!(r.downtime_cost_per_hour >= z && r.downtime_estimate.cost_per_hour >= z);
    prop_assert!(r.payg.labour >= z && r.payg.downtime >= z && r.payg.total >= z);
    prop_assert!(r.payg.hourly_rate >= z && r.payg.emergency_rate >= z && r.payg.blended_rate >= z);
    for p in &r.plans {
        let q = &p.price;
        for m in [q.users_cost, q.computers_cost, q.servers_cost, q.monthly_list, q.discount, q.monthly, q.annual, p.downtime, p.total] {
            prop_assert!(m >= z, "negative amount in {:?}", p);
        }
        prop_assert!(q.discount <= q.monthly_list);
        for h in [p.break_even_hours, p.break_even_hours_with_downtime].into_iter().flatten() {
            prop_assert!(h >= Decimal::ZERO, "{}: {:?}", p.id, h);
        }
        // The breakdown lists exactly the parts paid for, and they add up to the parts.
        for l in &q.lines {
            prop_assert!(l.count > 0 && l.unit_price > z && l.amount == l.unit_price.times_count(l.count), "{:?}", l);
        }
        let listed: Money = q.lines.iter().map(|l| l.amount).sum();
        prop_assert_eq!(listed, q.users_cost + q.computers_cost + q.servers_cost);
    }
    prop_assert!(r.workload.hours >= Decimal::ZERO && r.workload.maintenance_hours >= Decimal::ZERO);
    prop_assert!(r.workload.emergency_hours >= Decimal::ZERO && r.workload.incidents >= Decimal::ZERO);
    Ok(())
}

/// The money adds up exactly (integer arithmetic, nothing rounded in between): totals are their
/// parts, each saving is a difference, and the two savings make the whole.
fn the_money_adds_up(r: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(r.payg.total, r.payg.labour + r.payg.downtime);
    for p in &r.plans {
        prop_assert_eq!(p.price.monthly, p.price.monthly_list - p.price.discount, "{}", p.id);
        prop_assert_eq!(p.price.annual, p.price.monthly.times_count(12), "{}", p.id);
        prop_assert_eq!(p.total, p.price.annual + p.downtime, "{}", p.id);
        prop_assert_eq!(p.labour_savings_vs_payg, r.payg.labour - p.price.annual, "{}", p.id);
        prop_assert_eq!(p.downtime_savings_vs_payg, r.payg.downtime - p.downtime, "{}", p.id);
        prop_assert_eq!(p.savings_vs_payg, r.payg.total - p.total, "{}", p.id);
        prop_assert_eq!(p.labour_savings_vs_payg + p.downtime_savings_vs_payg, p.savings_vs_payg, "{}", p.id);
        // Nothing comes near the edge of the integers that hold it.
        for m in [p.total, p.savings_vs_payg, p.labour_savings_vs_payg, p.downtime_savings_vs_payg] {
            prop_assert!(m.minor().unsigned_abs() < 10u128.pow(36), "{}: {:?}", p.id, m);
        }
    }
    Ok(())
}

/// Step 8: payg for a payg band, once there is a verdict; else the cheapest plan meeting the
/// required response (which therefore meets it whenever any plan does), else the fastest; with
/// no requirement the cheapest; ties to the faster, then the cheaper, then the first listed.
fn recommendation_follows_the_rules(config: &Config, answers: &Answers, r: &Report) -> Result<(), TestCaseError> {
    let band = config.bands.iter().find(|b| b.id == r.band.id).unwrap();
    if band.recommend == Recommend::Payg && r.verdict_ready {
        prop_assert_eq!(r.recommendation.plan_id.as_deref(), None);
        prop_assert_eq!(r.recommendation.basis, Basis::PoorFit);
        return Ok(());
    }
    // A payg band never recommends paying per job before there is a verdict.
    let chosen = r.recommended_plan().expect("without a payg verdict a plan is recommended");
    prop_assert!(r.recommendation.basis != Basis::PoorFit);
    let price_then_speed = |p: &PlanReport| (p.price.monthly, p.response_hours);
    match answers.required_response_hours {
        Some(req) => {
            let meeting: Vec<&PlanReport> = r.plans.iter().filter(|p| p.response_hours <= req).collect();
            if meeting.is_empty() {
                // None is fast enough: the fastest, ties to the cheaper.
                prop_assert_eq!(r.recommendation.basis, Basis::FastestAvailable);
                let best = r.plans.iter().map(|p| (p.response_hours, p.price.monthly)).min().unwrap();
                prop_assert_eq!((chosen.response_hours, chosen.price.monthly), best);
            } else {
                prop_assert_eq!(r.recommendation.basis, Basis::MeetsResponse);
                prop_assert!(chosen.response_hours <= req, "{} does not meet {:?}", chosen.id, req);
                let best = meeting.iter().map(|p| price_then_speed(p)).min().unwrap();
                prop_assert_eq!(price_then_speed(chosen), best);
            }
        }
        None => {
            prop_assert_eq!(r.recommendation.basis, Basis::Cheapest);
            let best = r.plans.iter().map(price_then_speed).min().unwrap();
            prop_assert_eq!(price_then_speed(chosen), best);
        }
    }
    // Among plans equal on price and response, the first listed.
    let first_equal = r.plans.iter().position(|p| price_then_speed(p) == price_then_speed(chosen));
    prop_assert_eq!(first_equal, r.plans.iter().position(|p| p.id == chosen.id));
    Ok(())
}

/// Checks hours `h` stated for `annual / (num / den)`, rounded to 2 decimals half away from zero:
/// `|annual - h * rate| <= 0.005 h * rate` exactly, with ties above, and the order flips 0.01 h
/// either side. `None` is right only when the rate is not positive (a break-even of absurd size is
/// still a number: `a_break_even_of_absurd_size_is_still_a_number` below).
fn check_break_even(what: &str, h: Option<Decimal>, annual: Money, num: &Big, den: &Big) -> Result<(), TestCaseError> {
    let a = Big::from(annual.minor());
    let a_s_den = a.mul(&Big::from(S)).mul(den);
    match h {
        None => {
            prop_assert!(num.signum() <= 0, "{}: null, though the rate {:?}/{:?} is positive", what, num, den);
        }
        Some(h) => {
            prop_assert!(num.signum() > 0, "{}: {:?} though the rate is not positive", what, h);
            prop_assert_eq!(h.micros() % 10_000, 0, "{}: {:?} has more than 2 decimals", what, h);
            let hm = Big::from(h.micros());
            // annual - h*rate, times S*den: the gap, and what 0.005 h costs on the same scale.
            let gap = a_s_den.sub(&hm.mul(num));
            let half = Big::from(5_000).mul(num);
            prop_assert!(gap.abs() <= half, "{}: {:?} h is more than 0.005 h from the break-even", what, h);
            if gap.abs() == half {
                prop_assert!(gap.signum() < 0, "{}: a tie rounds away from zero, up", what);
            }
            // 0.01 h below, the plan still costs more; 0.01 h above, less.
            if h.micros() >= 10_000 {
                let below = a_s_den.sub(&Big::from(h.micros() - 10_000).mul(num));
                prop_assert!(below.signum() > 0, "{}: at {:?} - 0.01 h the plan is not dearer", what, h);
            }
            let above = a_s_den.sub(&Big::from(h.micros() + 10_000).mul(num));
            prop_assert!(above.signum() < 0, "{}: at {:?} + 0.01 h the plan is not cheaper", what, h);
        }
    }
    Ok(())
}

/// Step 6 on both bases, against the formulas computed here exactly:
/// labour `annual / (R*(1 - e + e*M))`; with downtime
/// `annual / (R*(1 - e + e*M) + (e/hi)*(W - r)*D)`.
fn break_even_hours_are_where_the_costs_cross(config: &Config, r: &Report) -> Result<(), TestCaseError> {
    let rr = config.rates.hourly.minor();
    let e = config.workload.emergency_share.micros();
    let m = config.rates.priority_multiplier.micros();
    let hi = config.workload.hours_per_incident.micros();
    let w = config.rates.payg_response_hours.micros();
    let d = r.downtime_cost_per_hour.minor();
    // The blended rate R*(S^2 - e*S + e*M)/S^2, in minor units per hour.
    let blend = Big::from(rr).mul(&Big::from(S * S - e * S + e * m));
    let blend_den = Big::from(S * S);
    prop_assert_eq!(r.payg.blended_rate.minor(), {
        // Rounded half away from zero to the minor unit (the blend is never negative).
        let n = rr * (S * S - e * S + e * m);
        (2 * n + S * S) / (2 * S * S)
    });
    for p in &r.plans {
        check_break_even(&format!("{} labour", p.id), p.break_even_hours, p.price.annual, &blend, &blend_den)?;
        // Over the denominator S^2*hi: blend*hi + e*(W - r)*D*S.
        let rate = blend.mul(&Big::from(hi)).add(&product(&[e, w - p.response_hours.micros(), d, S]));
        let den = Big::from(S * S * hi);
        check_break_even(&format!("{} with downtime", p.id), p.break_even_hours_with_downtime, p.price.annual, &rate, &den)?;
        // The same crossing from the two totals as functions of the hours h:
        // plan(h) = annual + (e/hi)*h*r*D; payg(h) = h*R*(1 - e + e*M) + (e/hi)*h*W*D.
        // At the stated break-even they are equal within what 0.005 h costs, plus one minor unit.
        if let Some(h) = p.break_even_hours_with_downtime {
            // Both totals at hm millionths of an hour, times the common denominator hi*S^3.
            let k = Big::from(hi).mul(&Big::from(S * S * S));
            let plan = |hm: i128| Big::from(p.price.annual.minor()).mul(&k).add(&product(&[e, hm, p.response_hours.micros(), d, S]));
            let payg = |hm: i128| product(&[hm, hi]).mul(&blend).add(&product(&[e, hm, w, d, S]));
            let hm = h.micros();
            // 0.005 h at the rate the two totals part (rate/den per hour), on the same scale, and a minor unit.
            let allowed = Big::from(5_000).mul(&rate).add(&k);
            prop_assert!(plan(hm).sub(&payg(hm)).abs() <= allowed, "{}: totals differ at {:?} h", p.id, h);
            // 0.01 h either side the order flips: the plan dearer below, cheaper above.
            if hm >= 10_000 {
                prop_assert!(plan(hm - 10_000) > payg(hm - 10_000), "{}: plan not dearer below {:?} h", p.id, h);
            }
            prop_assert!(plan(hm + 10_000) < payg(hm + 10_000), "{}: plan not cheaper above {:?} h", p.id, h);
        }
    }
    Ok(())
}

/// Evaluates other answers under the same config.
fn report_for(config: &Config, answers: &Answers) -> Report {
    evaluate(config, answers)
}

/// An existing client never pays more, per plan, monthly and annually.
fn an_existing_client_never_pays_more(config: &Config, answers: &Answers) -> Result<(), TestCaseError> {
    let new = report_for(config, &Answers { existing_client: false, ..answers.clone() });
    let old = report_for(config, &Answers { existing_client: true, ..answers.clone() });
    for (pn, po) in new.plans.iter().zip(&old.plans) {
        let (pn, po) = (&pn.price, &po.price);
        prop_assert!(po.monthly <= pn.monthly, "monthly {:?} > {:?}", po, pn);
        prop_assert!(po.annual <= pn.annual, "annual {:?} > {:?}", po, pn);
        prop_assert_eq!(po.monthly_list, pn.monthly_list);
    }
    Ok(())
}

/// More users never lower a plan's monthly_list.
fn more_users_never_lower_a_plans_list_price(config: &Config, answers: &Answers, r: &Report, more: u32) -> Result<(), TestCaseError> {
    let bigger = report_for(config, &Answers { users: (answers.users + more).min(10_000), ..answers.clone() });
    for (ps, pb) in r.plans.iter().zip(&bigger.plans) {
        prop_assert!(pb.price.monthly_list >= ps.price.monthly_list, "{}: {:?} < {:?}", ps.id, pb.price, ps.price);
        prop_assert!(pb.price.monthly >= ps.price.monthly);
    }
    Ok(())
}

/// A higher hourly rate never lowers pay-as-you-go labour.
fn a_higher_hourly_rate_never_lowers_payg_labour(config: &Config, answers: &Answers, r: &Report, raise: Money) -> Result<(), TestCaseError> {
    let mut higher = config.clone();
    // The config allows up to 1,000,000 an hour.
    let max = Money::from_minor(1_000_000 * 10i128.pow(u32::from(config.minor_units)));
    higher.rates.hourly = Money::from_minor((config.rates.hourly + raise).minor().min(max.minor()));
    let hi = report_for(&higher, answers).payg.labour;
    prop_assert!(hi >= r.payg.labour, "labour {:?} at {:?} < {:?} at {:?}", hi, higher.rates.hourly, r.payg.labour, config.rates.hourly);
    Ok(())
}

proptest! {
    #![proptest_config(proptest_config(CASES))]

    #[test]
    fn valid_inputs_give_a_sound_report((c, a) in inputs(), more in 1u32..=10_000, raise in amount(1_000_000)) {
        let (config, answers, r) = run(&c, &a);
        score_is_0_to_100_and_band_matches(&config, &r)?;
        the_verdict_waits_for_enough_answers(&config, &r)?;
        amounts_are_never_negative_except_savings(&r)?;
        the_money_adds_up(&r)?;
        recommendation_follows_the_rules(&config, &answers, &r)?;
        break_even_hours_are_where_the_costs_cross(&config, &r)?;
        an_existing_client_never_pays_more(&config, &answers)?;
        more_users_never_lower_a_plans_list_price(&config, &answers, &r, more)?;
        let raise = Money::from_minor(i128::from(raise / 10u64.pow(4 - c.minor_units)));
        a_higher_hourly_rate_never_lowers_payg_labour(&config, &answers, &r, raise)?;
        // The JSON: numbers where numbers belong, null only where documented.
        check_json(&r, &json_of(&r))?;
    }
}

#[test]
fn a_break_even_of_absurd_size_is_still_a_number() {
    // R = 0.01, e = 0.15, M = 1.5: an average pay-per-job hour costs 0.01075. One plan at
    // 10,000,000 a person for 10,000 people costs 1.2e12 a year: it breaks even above
    // 1.2e12 / 0.01075 = 1.116e14 hours, a number (absurd, but documented), not null.
    let config = Config::from_json(
        r#"{ "rates": { "hourly": 0.01 }, "workload": { "downtime_cost_per_user_hour": 0 },
             "plans": [ { "id": "p", "name": "P", "response_hours": 4, "per_user": 10000000 } ] }"#,
    )
    .unwrap();
    let r = evaluate(&config, &Answers::from_json(r#"{ "users": 10000 }"#, &config).unwrap());
    assert_eq!(r.plans[0].price.annual, Money::from_minor(120_000_000_000_000));
    assert!(r.plans[0].break_even_hours.is_some(), "null break-even at hourly 0.01");
    // With no downtime cost, the same hours counting downtime.
    assert_eq!(r.plans[0].break_even_hours_with_downtime, r.plans[0].break_even_hours);
}

/// Every number the report promises is a JSON number; `null` appears only where documented.
fn check_json(r: &Report, j: &Value) -> Result<(), TestCaseError> {
    let number = |v: &Value, what: &str| -> Result<(), TestCaseError> {
        match v.as_f64() {
            Some(x) if x.is_finite() => Ok(()),
            _ => Err(TestCaseError::fail(format!("{what} is not a number: {v}"))),
        }
    };
    for k in ["score", "answered_questions", "total_questions", "min_answers", "minor_units", "downtime_cost_per_hour"] {
        number(&j[k], k)?;
    }
    prop_assert_eq!(&j["verdict_ready"], &Value::Bool(r.verdict_ready));
    for k in ["users", "cost_per_user_hour", "impact", "cost_per_hour"] {
        number(&j["downtime_estimate"][k], k)?;
    }
    for k in ["hours", "maintenance_hours", "emergency_hours", "incidents"] {
        number(&j["workload"][k], k)?;
    }
    for k in ["labour", "downtime", "total", "response_hours", "hourly_rate", "emergency_rate", "blended_rate"] {
        number(&j["payg"][k], k)?;
    }
    prop_assert_eq!(&j["payg"]["guaranteed"], &Value::Bool(false));
    let plans = j["plans"].as_array().unwrap();
    prop_assert_eq!(plans.len(), r.plans.len());
    for (p, pr) in plans.iter().zip(&r.plans) {
        for k in [
            "response_hours", "users_cost", "computers_cost", "servers_cost", "monthly_list", "discount",
            "monthly", "annual", "downtime", "total", "savings_vs_payg", "labour_savings_vs_payg",
            "downtime_savings_vs_payg",
        ] {
            number(&p[k], k)?;
        }
        // Null exactly where the report has no hours.
        prop_assert_eq!(p["break_even_hours"].is_null(), pr.break_even_hours.is_none());
        prop_assert_eq!(p["break_even_hours_with_downtime"].is_null(), pr.break_even_hours_with_downtime.is_none());
        for k in ["break_even_hours", "break_even_hours_with_downtime"] {
            if !p[k].is_null() {
                number(&p[k], k)?;
            }
        }
        prop_assert!(p["minimum_applied"].is_boolean());
    }
    let kind = j["recommendation"]["kind"].as_str().unwrap();
    prop_assert!(kind == "plan" || kind == "payg");
    prop_assert_eq!(j["recommendation"]["plan_id"].is_null(), kind == "payg");
    // No other null anywhere.
    fn nulls(v: &Value, path: String, out: &mut Vec<String>) {
        match v {
            Value::Null => out.push(path),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| nulls(x, format!("{path}/{i}"), out)),
            Value::Object(m) => m.iter().for_each(|(k, x)| nulls(x, format!("{path}/{k}"), out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    nulls(j, String::new(), &mut found);
    found.retain(|p| p != "/recommendation/plan_id" && !p.ends_with("/break_even_hours") && !p.ends_with("/break_even_hours_with_downtime"));
    prop_assert!(found.is_empty(), "unexpected null at {:?}", found);
    Ok(())
}

// ---------------------------------------------------------------- random, possibly invalid, JSON

const KEYS: &[&str] = &[
    "company", "name", "email", "phone", "website", "logo_url", "currency", "minor_units", "locale", "rates",
    "hourly", "priority_multiplier", "payg_response_hours", "existing_client_discount", "workload",
    "hours_per_user", "hours_per_computer", "hours_per_server", "emergency_share", "hours_per_incident",
    "downtime_cost_per_user_hour", "incident_impact", "plans", "id", "description", "response_hours", "per_user",
    "per_computer", "per_server", "minimum_monthly", "features", "questions", "text", "help", "options", "label",
    "points", "reason", "bands", "min_score", "message", "recommend", "min_answers", "texts", "theme", "accent",
    "widget.title", "next.email", "count.people", "one", "other", "plans.response_one", "compare.savings",
    "users", "computers", "servers", "existing_client", "required_response_hours", "downtime_cost_per_hour",
    "choices", "payment", "partner", "trust", "urgency", "upkeep", "today",
];

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            -1e300, -1.0, -0.5, 0.0, 0.001, 0.005, 0.01, 0.5, 1.0, 1.5, 2.0, 4.0, 10.0, 11.0, 100.0, 101.0,
            8760.0, 1e6, 1e7, 1e7 + 0.01, 9e12, 1e17, 1e300, 0.1 + 0.2,
        ])
        .prop_map(Value::from),
        prop::sample::select(vec![
            "", " ", "USD", "usd", "XYZ", "en-US", "en_US", "en-US-US", "contract", "payg", "a", "Gold Plan", "x@y.z",
            "sales@x.example?bcc=y@z.example", "//host/logo.png", "#1f5fbf", "{company}", "{nope}", "{count}", "12",
            "NaN", "é", "\u{feff}",
        ])
        .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ]
}

fn json_any() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop_oneof![4 => prop::sample::select(KEYS), 1 => Just("zz")], inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// Replaces the value at a random place in `doc` (chosen by `picks`) with `new`.
fn mutate(doc: &mut Value, picks: &[usize], new: Value) {
    let Some((pick, rest)) = picks.split_first() else {
        *doc = new;
        return;
    };
    match doc {
        Value::Object(m) if !m.is_empty() => {
            let key = m.keys().nth(pick % m.len()).unwrap().clone();
            mutate(m.get_mut(&key).unwrap(), rest, new);
        }
        Value::Array(a) if !a.is_empty() => {
            let n = a.len();
            mutate(&mut a[pick % n], rest, new);
        }
        _ => *doc = new,
    }
}

/// Whatever came in, a config the reader accepts evaluates cleanly, and its report adds up.
fn evaluate_if_valid(config: &Config, answers_text: &str) -> Result<(), TestCaseError> {
    if let Ok(answers) = Answers::from_json(answers_text, config) {
        let r = evaluate(config, &answers);
        prop_assert!(r.score <= 100);
        the_money_adds_up(&r)?;
        the_verdict_waits_for_enough_answers(config, &r)?;
        amounts_are_never_negative_except_savings(&r)?;
        let text = r.to_json().to_json_string();
        // serde_json refuses NaN, Infinity and anything else that is not JSON.
        let j: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        check_json(&r, &j)?;
    }
    Ok(())
}

/// A byte-level edit of a text: delete, insert or replace at a position, kept valid UTF-8.
fn edit_text(text: &str, edits: &[(usize, u8, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, kind, c) in edits {
        let i = if chars.is_empty() { 0 } else { at % (chars.len() + 1) };
        match kind % 3 {
            0 if i < chars.len() => {
                chars.remove(i);
            }
            1 => chars.insert(i, *c),
            _ if i < chars.len() => chars[i] = *c,
            _ => chars.push(*c),
        }
    }
    chars.into_iter().collect()
}

fn edit_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec!['{', '}', '[', ']', '"', ',', ':', '-', '.', 'e', '0', '9', ' ', '\\', 'n', 't', '\u{feff}']),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(proptest_config(CASES))]

    #[test]
    fn random_json_config_and_answers_never_panic(doc in json_any()) {
        let text = doc.to_string();
        if let Ok(config) = Config::from_json(&text) {
            evaluate_if_valid(&config, r#"{ "users": 10, "computers": 10, "servers": 1 }"#)?;
        }
        evaluate_if_valid(&Config::shipped(), &text)?;
    }

    #[test]
    fn mutated_configs_never_panic(
        c in config_gen(),
        picks in prop::collection::vec(any::<usize>(), 1..=4),
        new in json_any(),
        a in answers_gen(),
    ) {
        let mut doc = c.to_json();
        mutate(&mut doc, &picks, new);
        match Config::from_json(&doc.to_string()) {
            Ok(config) => evaluate_if_valid(&config, &a.to_json(&c).to_string())?,
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn mutated_answers_never_panic(
        (c, a) in inputs(),
        picks in prop::collection::vec(any::<usize>(), 1..=3),
        new in json_any(),
    ) {
        let config = c.config();
        let mut doc = a.to_json(&c);
        mutate(&mut doc, &picks, new);
        match Answers::from_json(&doc.to_string(), &config) {
            Ok(_) => evaluate_if_valid(&config, &doc.to_string())?,
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn random_text_never_panics_the_readers(text in prop_oneof![
        "\\PC{0,40}",
        json_any().prop_map(|v| v.to_string()),
        json_any().prop_map(|v| { let s = v.to_string(); s.chars().take(s.chars().count() / 2).collect() }),
    ]) {
        let _ = Config::from_json(&text);
        let _ = Answers::from_json(&text, &Config::shipped());
    }
}

// ---------------------------------------------------------------- the fuzz target

/// One fuzz case: what is fed to the readers.
#[derive(Debug, Clone)]
enum FuzzInput {
    /// A random JSON document, read as a config (then evaluated with fixed answers) and as
    /// answers to the shipped config.
    Document(Value),
    /// A valid config and answers, one value of each replaced at random.
    Mutated { config: Box<ConfigGen>, answers: AnswersGen, config_edit: (Vec<usize>, Value), answers_edit: Option<(Vec<usize>, Value)> },
    /// A valid config's text with characters deleted, inserted or replaced.
    Text { config: Box<ConfigGen>, edits: Vec<(usize, u8, char)> },
}

fn fuzz_input() -> impl Strategy<Value = FuzzInput> {
    let edit = || (prop::collection::vec(any::<usize>(), 0..=5), json_any());
    prop_oneof![
        2 => json_any().prop_map(FuzzInput::Document),
        3 => (inputs(), edit(), prop::option::of(edit())).prop_map(|((config, answers), config_edit, answers_edit)| {
            FuzzInput::Mutated { config: Box::new(config), answers, config_edit, answers_edit }
        }),
        1 => (config_gen(), prop::collection::vec((any::<usize>(), any::<u8>(), edit_char()), 1..=6))
            .prop_map(|(config, edits)| FuzzInput::Text { config: Box::new(config), edits }),
    ]
}

proptest! {
    #![proptest_config(proptest_config(fuzz_cases()))]

    /// The fuzz substitute: no input of any kind panics a reader or the engine, and every report
    /// the engine gives adds up exactly and is JSON without NaN or Infinity.
    #[test]
    fn random_documents_never_panic_and_reports_add_up(input in fuzz_input()) {
        match input {
            FuzzInput::Document(doc) => {
                let text = doc.to_string();
                if let Ok(config) = Config::from_json(&text) {
                    evaluate_if_valid(&config, r#"{ "users": 10, "computers": 10, "servers": 1, "choices": {} }"#)?;
                }
                evaluate_if_valid(&Config::shipped(), &text)?;
            }
            FuzzInput::Mutated { config, answers, config_edit, answers_edit } => {
                let mut doc = config.to_json();
                mutate(&mut doc, &config_edit.0, config_edit.1);
                let mut adoc = answers.to_json(&config);
                if let Some((picks, new)) = answers_edit {
                    mutate(&mut adoc, &picks, new);
                }
                match Config::from_json(&doc.to_string()) {
                    Ok(c) => evaluate_if_valid(&c, &adoc.to_string())?,
                    Err(problems) => {
                        prop_assert!(!problems.is_empty());
                        prop_assert!(problems.lines().len() <= contract_fit::model::LISTED_PROBLEMS + 1);
                    }
                }
            }
            FuzzInput::Text { config, edits } => {
                let text = edit_text(&serde_json::to_string_pretty(&config.to_json()).unwrap(), &edits);
                if let Ok(c) = Config::from_json(&text) {
                    evaluate_if_valid(&c, r#"{ "users": 3 }"#)?;
                }
            }
        }
    }
}
