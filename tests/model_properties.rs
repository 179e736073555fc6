//! Properties of the engine over random valid configs and answers covering the whole allowed ranges
//! (prices 0 to 10,000,000, minor units 0 to 4, 1 to 12 plans, 0 to 20 questions, bands with gaps,
//! hours per incident down to 0.01, shares 0 and 1, multipliers 1 and 10, ...), and over random,
//! possibly invalid, JSON.
#![cfg(not(target_arch = "wasm32"))]

use contract_fit::model::fit::Basis;
use contract_fit::model::report::PlanReport;
use contract_fit::model::{evaluate, estimate, Answers, Config, Money, Report};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{json, Map, Value};

const CASES: u32 = 4096;

fn proptest_config() -> ProptestConfig {
    // No regression files: a failure prints its minimal input, which belongs in a unit test.
    ProptestConfig {
        failure_persistence: None,
        // XorShift: ChaCha is several times slower in an unoptimised test build.
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::with_cases(CASES)
    }
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
    );
    (rates, workload, lists).prop_map(
        |(
            (minor_units, hourly, multiplier, payg_response, discount),
            (hours_per, emergency_share, hours_per_incident, downtime_per_user_hour, impact),
            (plans, questions, bands),
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
        },
    )
}

/// Ten-thousandths of a major unit, cut to `minor_units` decimals, as a JSON number.
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
        json!({
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
        })
    }

    fn config(&self) -> Config {
        let v = self.to_json();
        Config::from_value(&v).unwrap_or_else(|p| panic!("generated config refused:\n{p}\n{v:#}"))
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
        Answers::from_value(&v, config).unwrap_or_else(|p| panic!("generated answers refused:\n{p}\n{v:#}"))
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

/// No amount is negative, except savings_vs_payg.
fn amounts_are_never_negative_except_savings(r: &Report) -> Result<(), TestCaseError> {
    let z = Money::ZERO;
    prop_assert!(r.downtime_cost_per_hour >= z);
    prop_assert!(r.payg.labour >= z && r.payg.downtime >= z && r.payg.total >= z);
    prop_assert!(r.payg.hourly_rate >= z && r.payg.emergency_rate >= z);
    for p in &r.plans {
        let q = &p.price;
        for m in [q.users_cost, q.computers_cost, q.servers_cost, q.monthly_list, q.discount, q.monthly, q.annual, p.downtime, p.total] {
            prop_assert!(m >= z, "negative amount in {:?}", p);
        }
        prop_assert!(q.discount <= q.monthly_list);
        prop_assert!(p.break_even_hours.is_none_or(|h| h >= 0.0 && h.is_finite()));
    }
    prop_assert!(r.workload.hours.micros() >= 0 && r.workload.maintenance_hours.micros() >= 0);
    prop_assert!(r.workload.emergency_hours.micros() >= 0);
    prop_assert!(r.workload.incidents >= 0.0 && r.workload.incidents.is_finite());
    Ok(())
}

/// Step 8: payg for a payg band; else the cheapest plan meeting the required response (which
/// therefore meets it whenever any plan does), else the fastest; with no requirement the cheapest;
/// ties to the faster, then the cheaper, then the first listed.
fn recommendation_follows_the_rules(config: &Config, answers: &Answers, r: &Report) -> Result<(), TestCaseError> {
    let band = config.bands.iter().find(|b| b.id == r.band.id).unwrap();
    if band.recommend.as_str() == "payg" {
        prop_assert_eq!(r.recommendation.plan_id.as_deref(), None);
        prop_assert_eq!(r.recommendation.basis, Basis::PoorFit);
        return Ok(());
    }
    let chosen = r.recommended_plan().expect("a contract band recommends a plan");
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

/// break_even_hours × R*(1 - e + e*M) is the plan's annual price.
fn break_even_hours_times_blended_rate_is_the_annual_price(config: &Config, r: &Report) -> Result<(), TestCaseError> {
    let (num, den) = estimate::blended_rate(config);
    // R*(1 - e + e*M) in minor units per hour.
    let blended = num as f64 / den as f64;
    for p in &r.plans {
        let annual = p.price.annual.minor() as f64;
        match p.break_even_hours {
            None => prop_assert_eq!(config.rates.hourly, Money::ZERO),
            Some(h) => {
                // Within one minor unit; beyond 10^14 minor units a float (and so a JSON number)
                // cannot hold the hours that precisely, so the limit is then 1e-14 relative.
                let tolerance = 1f64.max(annual * 1e-14);
                prop_assert!((h * blended - annual).abs() <= tolerance,
                    "{}: {} h * {} = {} vs annual {}", p.id, h, blended, h * blended, annual);
            }
        }
    }
    Ok(())
}

/// An existing client never pays more, per plan, monthly and annually.
fn an_existing_client_never_pays_more(config: &Config, answers: &Answers) -> Result<(), TestCaseError> {
    let new = Answers { existing_client: false, ..answers.clone() };
    let old = Answers { existing_client: true, ..answers.clone() };
    for p in &config.plans {
        let (pn, po) = (estimate::plan_price(config, p, &new), estimate::plan_price(config, p, &old));
        prop_assert!(po.monthly <= pn.monthly, "{} monthly {:?} > {:?}", p.id, po, pn);
        prop_assert!(po.annual <= pn.annual, "{} annual {:?} > {:?}", p.id, po, pn);
        prop_assert_eq!(po.monthly_list, pn.monthly_list);
    }
    Ok(())
}

/// More users never lower a plan's monthly_list.
fn more_users_never_lower_a_plans_list_price(config: &Config, answers: &Answers, more: u32) -> Result<(), TestCaseError> {
    let bigger = Answers { users: (answers.users + more).min(10_000), ..answers.clone() };
    for p in &config.plans {
        let (ps, pb) = (estimate::plan_price(config, p, answers), estimate::plan_price(config, p, &bigger));
        prop_assert!(pb.monthly_list >= ps.monthly_list, "{}: {:?} < {:?}", p.id, pb, ps);
        prop_assert!(pb.monthly >= ps.monthly);
    }
    Ok(())
}

/// A higher hourly rate never lowers pay-as-you-go labour.
fn a_higher_hourly_rate_never_lowers_payg_labour(config: &Config, answers: &Answers, raise: Money) -> Result<(), TestCaseError> {
    let mut higher = config.clone();
    // The config allows up to 1,000,000 an hour.
    let max = Money::from_minor(1_000_000 * 10i64.pow(u32::from(config.minor_units)));
    higher.rates.hourly = Money::from_minor((config.rates.hourly + raise).minor().min(max.minor()));
    let load = estimate::workload(config, answers);
    let (lo, hi) = (estimate::payg_labour(config, &load), estimate::payg_labour(&higher, &load));
    prop_assert!(hi >= lo, "labour {:?} at {:?} < {:?} at {:?}", hi, higher.rates.hourly, lo, config.rates.hourly);
    Ok(())
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn valid_inputs_give_a_sound_report((c, a) in inputs(), more in 1u32..=10_000, raise in amount(1_000_000)) {
        let (config, answers, r) = run(&c, &a);
        score_is_0_to_100_and_band_matches(&config, &r)?;
        amounts_are_never_negative_except_savings(&r)?;
        recommendation_follows_the_rules(&config, &answers, &r)?;
        break_even_hours_times_blended_rate_is_the_annual_price(&config, &r)?;
        an_existing_client_never_pays_more(&config, &answers)?;
        more_users_never_lower_a_plans_list_price(&config, &answers, more)?;
        let raise = Money::from_minor((raise / 10u64.pow(4 - c.minor_units)) as i64);
        a_higher_hourly_rate_never_lowers_payg_labour(&config, &answers, raise)?;
        // The JSON: numbers where numbers belong, null only where documented.
        check_json(&r.to_json(), config.rates.hourly == Money::ZERO)?;
    }
}

/// Every number the report promises is a finite JSON number; `null` appears only where documented.
fn check_json(j: &Value, free_hourly: bool) -> Result<(), TestCaseError> {
    let number = |v: &Value, what: &str| -> Result<(), TestCaseError> {
        match v.as_f64() {
            Some(x) if x.is_finite() => Ok(()),
            _ => Err(TestCaseError::fail(format!("{what} is not a number: {v}"))),
        }
    };
    for k in ["score", "answered_questions", "minor_units", "downtime_cost_per_hour"] {
        number(&j[k], k)?;
    }
    for k in ["hours", "maintenance_hours", "emergency_hours", "incidents"] {
        number(&j["workload"][k], k)?;
    }
    for k in ["labour", "downtime", "total", "response_hours", "hourly_rate", "emergency_rate"] {
        number(&j["payg"][k], k)?;
    }
    prop_assert_eq!(&j["payg"]["guaranteed"], &Value::Bool(false));
    for p in j["plans"].as_array().unwrap() {
        for k in [
            "response_hours", "users_cost", "computers_cost", "servers_cost", "monthly_list", "discount",
            "monthly", "annual", "downtime", "total", "savings_vs_payg",
        ] {
            number(&p[k], k)?;
        }
        if free_hourly {
            prop_assert!(p["break_even_hours"].is_null());
        } else {
            number(&p["break_even_hours"], "break_even_hours")?;
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
    found.retain(|p| p != "/recommendation/plan_id" && !(free_hourly && p.ends_with("/break_even_hours")));
    prop_assert!(found.is_empty(), "unexpected null at {:?}", found);
    Ok(())
}

// ---------------------------------------------------------------- random, possibly invalid, JSON

const KEYS: &[&str] = &[
    "company", "name", "email", "phone", "website", "currency", "minor_units", "locale", "rates", "hourly",
    "priority_multiplier", "payg_response_hours", "existing_client_discount", "workload", "hours_per_user",
    "hours_per_computer", "hours_per_server", "emergency_share", "hours_per_incident",
    "downtime_cost_per_user_hour", "incident_impact", "plans", "id", "description", "response_hours", "per_user",
    "per_computer", "per_server", "minimum_monthly", "features", "questions", "text", "help", "options", "label",
    "points", "reason", "bands", "min_score", "message", "recommend", "texts", "widget.title", "next.email",
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
            "", " ", "USD", "usd", "en-US", "en_US", "contract", "payg", "a", "Gold Plan", "x@y.z", "{company}",
            "{nope}", "12", "NaN", "é",
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

/// Whatever came in, a config the reader accepts evaluates cleanly.
fn evaluate_if_valid(config: &Config, answers_doc: &Value) {
    if let Ok(answers) = Answers::from_value(answers_doc, config) {
        let r = evaluate(config, &answers);
        assert!(r.score <= 100);
        check_json(&r.to_json(), config.rates.hourly == Money::ZERO).unwrap();
    }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn random_json_config_and_answers_never_panic(doc in json_any()) {
        if let Ok(config) = Config::from_value(&doc) {
            evaluate_if_valid(&config, &json!({ "users": 10, "computers": 10, "servers": 1 }));
        }
        evaluate_if_valid(&Config::shipped(), &doc);
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
        match Config::from_value(&doc) {
            Ok(config) => evaluate_if_valid(&config, &a.to_json(&c)),
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
        match Answers::from_value(&doc, &config) {
            Ok(answers) => {
                let r = evaluate(&config, &answers);
                prop_assert!(r.score <= 100);
            }
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

