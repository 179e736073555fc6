//! The eight model steps of `docs/MODEL.md`, one at a time, through the public API.
//!
//! Every config here is JSON read by `Config::from_json`: fields left out take the shipped default
//! config's values, lists (plans, questions, bands) replace the default lists. The model's steps
//! are private; each is observed in the report `evaluate` returns.

use contract_fit::model::{
    evaluate, Answers, Basis, Config, Decimal, Money, PlanPrice, Reason, Recommend, Report, Workload,
};
use serde_json::Value;

fn config(json: &str) -> Config {
    Config::from_json(json).unwrap_or_else(|p| panic!("test config refused:\n{p}"))
}

fn answers(config: &Config, json: &str) -> Answers {
    Answers::from_json(json, config).unwrap_or_else(|p| panic!("test answers refused:\n{p}"))
}

fn cents(minor: i128) -> Money {
    Money::from_minor(minor)
}

/// A decimal from its text, read exactly, for exact comparisons (`dec("15.5")`).
fn dec(text: &str) -> Decimal {
    match contract_fit::model::json::parse(text) {
        Ok(contract_fit::model::json::Value::Number(n)) => Decimal::from_number(&n).unwrap(),
        other => panic!("{text}: {other:?}"),
    }
}

/// The report as serde_json, to index it.
fn json_of(r: &Report) -> Value {
    serde_json::from_str(&r.to_json().to_json_string()).expect("the report is JSON")
}

/// Step 1, as the report states it.
fn workload(c: &Config, a: &Answers) -> Workload {
    evaluate(c, a).workload
}

/// Step 2 for the plan at `index`, as the report states it.
fn plan_price(c: &Config, index: usize, a: &Answers) -> PlanPrice {
    evaluate(c, a).plans[index].price.clone()
}

/// Step 3, as the report states it.
fn payg_labour(c: &Config, a: &Answers) -> Money {
    evaluate(c, a).payg.labour
}

/// One small, round config used by most tests below.
///
/// R = 100, M = 2, W = 10, d = 0.1; 4 h per user, 1 per computer, 10 per server, e = 0.25,
/// 2 h per incident, downtime 40 per user-hour at impact 0.5.
const BASE: &str = r#"{
  "rates": { "hourly": 100, "priority_multiplier": 2, "payg_response_hours": 10,
             "existing_client_discount": 0.1 },
  "workload": { "hours_per_user": 4, "hours_per_computer": 1, "hours_per_server": 10,
                "emergency_share": 0.25, "hours_per_incident": 2,
                "downtime_cost_per_user_hour": 40, "incident_impact": 0.5 },
  "plans": [
    { "id": "basic", "name": "Basic", "response_hours": 8,
      "per_user": 50, "per_computer": 10, "per_server": 100, "minimum_monthly": 300 },
    { "id": "fast", "name": "Fast", "response_hours": 2,
      "per_user": 80, "per_computer": 10, "per_server": 150, "minimum_monthly": 500 },
    { "id": "deluxe", "name": "Deluxe", "response_hours": 1, "per_user": 500 }
  ],
  "questions": [],
  "bands": [ { "id": "any", "min_score": 0, "label": "Any", "recommend": "contract" } ]
}"#;

/// 10 users, 12 computers, 1 server: H = 10*4 + 12*1 + 1*10 = 62.
const OFFICE: &str = r#"{ "users": 10, "computers": 12, "servers": 1 }"#;

fn base() -> Config {
    config(BASE)
}

/// BASE with some fields replaced (a shallow merge of the top-level objects given).
fn base_with(patch: &str) -> Config {
    let mut v: Value = serde_json::from_str(BASE).unwrap();
    let p: Value = serde_json::from_str(patch).unwrap();
    for (k, pv) in p.as_object().unwrap() {
        match (v.get_mut(k), pv) {
            (Some(Value::Object(target)), Value::Object(fields)) => {
                for (fk, fv) in fields {
                    target.insert(fk.clone(), fv.clone());
                }
            }
            _ => {
                v[k] = pv.clone();
            }
        }
    }
    Config::from_json(&v.to_string()).unwrap_or_else(|p| panic!("test config refused:\n{p}"))
}

// ---------------------------------------------------------------- step 1: workload

#[test]
fn step1_workload_splits_hours_into_upkeep_and_emergencies() {
    let c = base();
    let a = answers(&c, OFFICE);
    let w = workload(&c, &a);
    // H = 10*4 + 12*1 + 1*10 = 62; He = 62*0.25 = 15.5; Hm = 62 - 15.5 = 46.5; N = 15.5/2 = 7.75.
    assert_eq!(w.hours, dec("62"));
    assert_eq!(w.emergency_hours, dec("15.5"));
    assert_eq!(w.maintenance_hours, dec("46.5"));
    assert_eq!(w.incidents, dec("7.75"));
}

#[test]
fn step1_fractional_hours_per_item() {
    let c = base_with(r#"{ "workload": { "hours_per_user": 1.5, "hours_per_computer": 0.25,
                                          "hours_per_server": 0.75, "emergency_share": 0.2,
                                          "hours_per_incident": 0.5 } }"#);
    let a = answers(&c, r#"{ "users": 3, "computers": 4, "servers": 2 }"#);
    let w = workload(&c, &a);
    // H = 3*1.5 + 4*0.25 + 2*0.75 = 4.5 + 1 + 1.5 = 7; He = 1.4; Hm = 5.6; N = 1.4/0.5 = 2.8.
    assert_eq!(w.hours, dec("7"));
    assert_eq!(w.emergency_hours, dec("1.4"));
    assert_eq!(w.maintenance_hours, dec("5.6"));
    assert_eq!(w.incidents, dec("2.8"));
}

#[test]
fn step1_zero_computers_and_servers() {
    let c = base();
    let a = answers(&c, r#"{ "users": 5, "computers": 0, "servers": 0 }"#);
    let w = workload(&c, &a);
    // H = 5*4 = 20; He = 5; Hm = 15; N = 2.5.
    assert_eq!(w.hours, dec("20"));
    assert_eq!(w.emergency_hours, dec("5"));
    assert_eq!(w.maintenance_hours, dec("15"));
    assert_eq!(w.incidents, dec("2.5"));
    // Left out, computers and servers default to 0.
    let b = answers(&c, r#"{ "users": 5 }"#);
    assert_eq!(b.computers, 0);
    assert_eq!(b.servers, 0);
    assert_eq!(workload(&c, &b), w);
}

#[test]
fn step1_emergency_share_extremes() {
    let none = base_with(r#"{ "workload": { "emergency_share": 0 } }"#);
    let all = base_with(r#"{ "workload": { "emergency_share": 1 } }"#);
    let a = answers(&none, OFFICE);
    let w0 = workload(&none, &a);
    assert_eq!((w0.emergency_hours, w0.maintenance_hours, w0.incidents), (Decimal::ZERO, dec("62"), Decimal::ZERO));
    let w1 = workload(&all, &a);
    assert_eq!((w1.emergency_hours, w1.maintenance_hours, w1.incidents), (dec("62"), Decimal::ZERO, dec("31")));
}

// ---------------------------------------------------------------- step 2: plan price

#[test]
fn step2_price_is_users_computers_and_servers() {
    let c = base();
    let a = answers(&c, OFFICE);
    let p = plan_price(&c, 0, &a);
    // 10*50 + 12*10 + 1*100 = 500 + 120 + 100 = 720 > minimum 300.
    assert_eq!(p.users_cost, cents(50_000));
    assert_eq!(p.computers_cost, cents(12_000));
    assert_eq!(p.servers_cost, cents(10_000));
    assert_eq!(p.monthly_list, cents(72_000));
    assert!(!p.minimum_applied);
    assert_eq!(p.discount, Money::ZERO);
    assert_eq!(p.monthly, cents(72_000));
    assert_eq!(p.annual, cents(864_000));
}

#[test]
fn step2_zero_computers_and_servers_cost_nothing() {
    let c = base();
    let a = answers(&c, r#"{ "users": 8 }"#);
    let p = plan_price(&c, 1, &a);
    // 8*80 = 640 > minimum 500.
    assert_eq!((p.users_cost, p.computers_cost, p.servers_cost), (cents(64_000), Money::ZERO, Money::ZERO));
    assert_eq!(p.monthly_list, cents(64_000));
    assert!(!p.minimum_applied);
}

#[test]
fn step2_minimum_monthly_binds() {
    let c = base();
    let a = answers(&c, r#"{ "users": 2 }"#);
    let p = plan_price(&c, 0, &a);
    // 2*50 = 100 < minimum 300: the minimum sets the price; the parts are still reported.
    assert_eq!(p.users_cost, cents(10_000));
    assert_eq!(p.monthly_list, cents(30_000));
    assert!(p.minimum_applied);
    assert_eq!(p.annual, cents(360_000));
    // Exactly at the minimum, the minimum did not "apply": the parts already reach it.
    let a6 = answers(&c, r#"{ "users": 6 }"#);
    let p6 = plan_price(&c, 0, &a6);
    assert_eq!(p6.monthly_list, cents(30_000));
    assert!(!p6.minimum_applied);
    // In the report JSON too.
    let r = json_of(&evaluate(&c, &a));
    assert_eq!(r["plans"][0]["minimum_applied"], Value::Bool(true));
    assert_eq!(r["plans"][0]["monthly_list"], serde_json::json!(300));
    assert_eq!(r["plans"][0]["users_cost"], serde_json::json!(100));
}

#[test]
fn step2_existing_client_discount() {
    let c = base();
    let a = answers(&c, r#"{ "users": 10, "computers": 12, "servers": 1, "existing_client": true }"#);
    let p = plan_price(&c, 0, &a);
    // list 720; discount 720*0.1 = 72; monthly 648; annual 7776.
    assert_eq!(p.monthly_list, cents(72_000));
    assert_eq!(p.discount, cents(7_200));
    assert_eq!(p.monthly, cents(64_800));
    assert_eq!(p.annual, cents(777_600));
    // The minimum is discounted too: the discount applies to the list price, whatever set it.
    let small = answers(&c, r#"{ "users": 1, "existing_client": true }"#);
    let q = plan_price(&c, 0, &small);
    assert!(q.minimum_applied);
    assert_eq!((q.monthly_list, q.discount, q.monthly), (cents(30_000), cents(3_000), cents(27_000)));
}

#[test]
fn step2_discount_rounds_half_away_from_zero_to_the_minor_unit() {
    // d = 0.05. One user at 19.99: 1999 cents * 0.05 = 99.95 cents -> 100 cents.
    let c = base_with(r#"{ "rates": { "existing_client_discount": 0.05 },
        "plans": [ { "id": "p", "name": "P", "response_hours": 4, "per_user": 19.99 } ] }"#);
    let a = answers(&c, r#"{ "users": 1, "existing_client": true }"#);
    let p = plan_price(&c, 0, &a);
    assert_eq!((p.discount, p.monthly, p.annual), (cents(100), cents(1_899), cents(22_788)));

    // Exactly half a cent: 10 cents * 0.05 = 0.5 cents -> 1 cent (not 0, as half-to-even would).
    let c = base_with(r#"{ "rates": { "existing_client_discount": 0.05 },
        "plans": [ { "id": "p", "name": "P", "response_hours": 4, "per_user": 0.1 } ] }"#);
    let p = plan_price(&c, 0, &a);
    assert_eq!((p.discount, p.monthly), (cents(1), cents(9)));
    // 9 cents * 0.05 = 0.45 cents -> 0.
    let c = base_with(r#"{ "rates": { "existing_client_discount": 0.05 },
        "plans": [ { "id": "p", "name": "P", "response_hours": 4, "per_user": 0.09 } ] }"#);
    let p = plan_price(&c, 0, &a);
    assert_eq!((p.discount, p.monthly), (Money::ZERO, cents(9)));
    // 30 cents * 0.05 = 1.5 cents -> 2 cents (half-to-even would also give 2; 0.5 above is the test).
    let c = base_with(r#"{ "rates": { "existing_client_discount": 0.05 },
        "plans": [ { "id": "p", "name": "P", "response_hours": 4, "per_user": 0.3 } ] }"#);
    let p = plan_price(&c, 0, &a);
    assert_eq!((p.discount, p.monthly), (cents(2), cents(28)));
}

#[test]
fn step2_discount_in_a_currency_without_minor_units() {
    // JPY: minor_units 0, so the minor unit is one yen. 1999 * 0.05 = 99.95 -> 100.
    let c = base_with(r#"{ "currency": "JPY", "minor_units": 0, "locale": "ja-JP",
        "rates": { "existing_client_discount": 0.05 },
        "workload": { "downtime_cost_per_user_hour": 5000 },
        "plans": [ { "id": "p", "name": "P", "response_hours": 4, "per_user": 1999 } ] }"#);
    let a = answers(&c, r#"{ "users": 1, "existing_client": true }"#);
    let p = plan_price(&c, 0, &a);
    assert_eq!((p.discount, p.monthly), (Money::from_minor(100), Money::from_minor(1_899)));
    let r = json_of(&evaluate(&c, &a));
    assert_eq!(r["plans"][0]["monthly"], serde_json::json!(1899));
    assert_eq!(r["minor_units"], serde_json::json!(0));
    assert_eq!(r["currency"], serde_json::json!("JPY"));
}

#[test]
fn step2_no_discount_for_a_new_client_or_a_zero_rate() {
    let c = base_with(r#"{ "rates": { "existing_client_discount": 0 } }"#);
    let a = answers(&c, r#"{ "users": 10, "existing_client": true }"#);
    let p = plan_price(&c, 0, &a);
    assert_eq!((p.discount, p.monthly), (Money::ZERO, p.monthly_list));
    // A 100% discount makes the plan free, never negative.
    let c = base_with(r#"{ "rates": { "existing_client_discount": 1 } }"#);
    let p = plan_price(&c, 0, &a);
    assert_eq!((p.discount, p.monthly, p.annual), (p.monthly_list, Money::ZERO, Money::ZERO));
}

// ---------------------------------------------------------------- step 3: pay-as-you-go labour

#[test]
fn step3_payg_labour_bills_emergencies_at_the_priority_rate() {
    let c = base();
    let a = answers(&c, OFFICE);
    // Hm*R + He*R*M = 46.5*100 + 15.5*100*2 = 4650 + 3100 = 7750.
    assert_eq!(payg_labour(&c, &a), cents(775_000));
}

#[test]
fn step3_payg_labour_is_rounded_once_half_away_from_zero() {
    // R = 0.01 (one cent), H = 1 hour, e = 0.5, M = 1: 0.5*1 + 0.5*1*1 = 1 cent. Rounding each
    // part first would give 1 + 1 = 2 cents.
    let c = base_with(r#"{ "rates": { "hourly": 0.01, "priority_multiplier": 1 },
        "workload": { "hours_per_user": 1, "emergency_share": 0.5 } }"#);
    let a = answers(&c, r#"{ "users": 1 }"#);
    assert_eq!(payg_labour(&c, &a), cents(1));
    // H = 0.5 hour at one cent, no emergencies: 0.5 cents -> 1 cent.
    let c = base_with(r#"{ "rates": { "hourly": 0.01 },
        "workload": { "hours_per_user": 0.5, "emergency_share": 0 } }"#);
    assert_eq!(payg_labour(&c, &a), cents(1));
    // H = 0.4 hour: 0.4 cents -> 0.
    let c = base_with(r#"{ "rates": { "hourly": 0.01 },
        "workload": { "hours_per_user": 0.4, "emergency_share": 0 } }"#);
    assert_eq!(payg_labour(&c, &a), Money::ZERO);
}

#[test]
fn step3_payg_rates_in_the_report() {
    let c = base();
    let r = evaluate(&c, &answers(&c, OFFICE));
    assert_eq!(r.payg.hourly_rate, cents(10_000));
    // R*M = 100*2 = 200.
    assert_eq!(r.payg.emergency_rate, cents(20_000));
}

// ---------------------------------------------------------------- step 4: downtime

#[test]
fn step4_downtime_estimated_from_the_config() {
    let c = base();
    let a = answers(&c, OFFICE);
    // D = users * downtime_cost_per_user_hour * incident_impact = 10*40*0.5 = 200.
    let r = evaluate(&c, &a);
    assert_eq!(r.downtime_estimate.cost_per_hour, cents(20_000));
    assert_eq!((r.downtime_estimate.users, r.downtime_estimate.cost_per_user_hour, r.downtime_estimate.impact), (10, cents(4_000), dec("0.5")));
    assert!(r.downtime_cost_estimated);
    assert_eq!(r.downtime_cost_per_hour, cents(20_000));
    // Contract: N*response_hours*D. Basic 7.75*8*200 = 12400; Fast 7.75*2*200 = 3100;
    // Deluxe 7.75*1*200 = 1550.
    assert_eq!(r.plans[0].downtime, cents(1_240_000));
    assert_eq!(r.plans[1].downtime, cents(310_000));
    assert_eq!(r.plans[2].downtime, cents(155_000));
    // Pay-as-you-go: N*W*D = 7.75*10*200 = 15500.
    assert_eq!(r.payg.downtime, cents(1_550_000));
    assert_eq!(r.payg.response_hours, dec("10"));
}

#[test]
fn step4_downtime_cost_given_by_the_prospect() {
    let c = base();
    let a = answers(&c, r#"{ "users": 10, "computers": 12, "servers": 1, "downtime_cost_per_hour": 100 }"#);
    let r = evaluate(&c, &a);
    assert!(!r.downtime_cost_estimated);
    assert_eq!(r.downtime_cost_per_hour, cents(10_000));
    // 7.75*8*100 = 6200; payg 7.75*10*100 = 7750.
    assert_eq!(r.plans[0].downtime, cents(620_000));
    assert_eq!(r.payg.downtime, cents(775_000));
    // A downtime cost of 0 is an answer, not "estimate it".
    let z = answers(&c, r#"{ "users": 10, "downtime_cost_per_hour": 0 }"#);
    let r = evaluate(&c, &z);
    assert!(!r.downtime_cost_estimated);
    assert_eq!((r.plans[0].downtime, r.payg.downtime), (Money::ZERO, Money::ZERO));
    // null means "estimate it".
    let n = answers(&c, r#"{ "users": 10, "downtime_cost_per_hour": null }"#);
    assert!(evaluate(&c, &n).downtime_cost_estimated);
}

#[test]
fn step4_downtime_is_rounded_once() {
    // He = 1 h (H = 1, e = 1), hours_per_incident 3 -> N = 1/3; response 1 h; D = 1.00:
    // 1/3 * 1 * 100 cents = 33.33 cents -> 33 cents. W = 2: 66.67 -> 67 cents.
    let c = base_with(r#"{ "rates": { "payg_response_hours": 2 },
        "workload": { "hours_per_user": 1, "emergency_share": 1, "hours_per_incident": 3 },
        "plans": [ { "id": "p", "name": "P", "response_hours": 1 } ] }"#);
    let a = answers(&c, r#"{ "users": 1, "downtime_cost_per_hour": 1 }"#);
    let r = evaluate(&c, &a);
    assert_eq!(r.plans[0].downtime, cents(33));
    assert_eq!(r.payg.downtime, cents(67));
}

// ---------------------------------------------------------------- step 5: totals and savings

#[test]
fn step5_totals_and_savings() {
    let c = base();
    let r = evaluate(&c, &answers(&c, OFFICE));
    // Pay-as-you-go: 7750 + 15500 = 23250.
    assert_eq!(r.payg.labour, cents(775_000));
    assert_eq!(r.payg.total, cents(2_325_000));
    // Basic: annual 720*12 = 8640, + downtime 12400 = 21040; savings 23250 - 21040 = 2210.
    assert_eq!(r.plans[0].price.annual, cents(864_000));
    assert_eq!(r.plans[0].total, cents(2_104_000));
    assert_eq!(r.plans[0].savings_vs_payg, cents(221_000));
    // Fast: 10*80 + 12*10 + 150 = 1070/month, 12840/year, + 3100 = 15940; savings 7310.
    assert_eq!(r.plans[1].price.monthly, cents(107_000));
    assert_eq!(r.plans[1].total, cents(1_594_000));
    assert_eq!(r.plans[1].savings_vs_payg, cents(731_000));
}

#[test]
fn step5_savings_are_negative_when_the_plan_costs_more() {
    let c = base();
    let r = evaluate(&c, &answers(&c, OFFICE));
    // Deluxe: 10*500 = 5000/month, 60000/year, + 1550 = 61550; savings 23250 - 61550 = -38300.
    assert_eq!(r.plans[2].total, cents(6_155_000));
    assert_eq!(r.plans[2].savings_vs_payg, cents(-3_830_000));
    assert_eq!(json_of(&r)["plans"][2]["savings_vs_payg"], serde_json::json!(-38300));
}

// ---------------------------------------------------------------- step 6: break-even

#[test]
fn step6_break_even_hours() {
    let c = base();
    let r = evaluate(&c, &answers(&c, OFFICE));
    // Blended rate R*(1 - e + e*M) = 100*(1 - 0.25 + 0.5) = 125 per hour.
    // Basic: 8640/125 = 69.12 h; Fast: 12840/125 = 102.72 h; Deluxe: 60000/125 = 480 h.
    let be: Vec<Option<Decimal>> = r.plans.iter().map(|p| p.break_even_hours).collect();
    assert_eq!(be, [Some(dec("69.12")), Some(dec("102.72")), Some(dec("480"))]);
    // At exactly the break-even hours, paying per job costs the plan's annual price.
    assert_eq!(r.payg.blended_rate, cents(12_500));
}

#[test]
fn step6_break_even_is_null_when_hourly_work_is_free() {
    let c = base_with(r#"{ "rates": { "hourly": 0 } }"#);
    let r = evaluate(&c, &answers(&c, OFFICE));
    assert!(r.plans.iter().all(|p| p.break_even_hours.is_none()));
    assert_eq!(json_of(&r)["plans"][0]["break_even_hours"], Value::Null);
    assert_eq!(r.payg.labour, Money::ZERO);
}

#[test]
fn step6_break_even_of_a_free_plan_is_zero() {
    let c = base_with(r#"{ "plans": [ { "id": "free", "name": "Free", "response_hours": 8 } ] }"#);
    let r = evaluate(&c, &answers(&c, OFFICE));
    assert_eq!(r.plans[0].price.annual, Money::ZERO);
    assert_eq!(r.plans[0].break_even_hours, Some(Decimal::ZERO));
    assert_eq!(r.plans[0].break_even_hours_with_downtime, Some(Decimal::ZERO));
}

#[test]
fn step5_savings_split_into_labour_and_downtime() {
    let c = base();
    let r = evaluate(&c, &answers(&c, OFFICE));
    // Pay per job: labour 7750, downtime 15500.
    // Basic:  labour 7750 - 8640 = -890;    downtime 15500 - 12400 = 3100;  -890 + 3100 = 2210.
    // Fast:   labour 7750 - 12840 = -5090;  downtime 15500 - 3100 = 12400;  -5090 + 12400 = 7310.
    // Deluxe: labour 7750 - 60000 = -52250; downtime 15500 - 1550 = 13950; -52250 + 13950 = -38300.
    let got: Vec<_> = r.plans.iter().map(|p| (p.labour_savings_vs_payg, p.downtime_savings_vs_payg, p.savings_vs_payg)).collect();
    assert_eq!(
        got,
        [
            (cents(-89_000), cents(310_000), cents(221_000)),
            (cents(-509_000), cents(1_240_000), cents(731_000)),
            (cents(-5_225_000), cents(1_395_000), cents(-3_830_000)),
        ]
    );
    let j = json_of(&r);
    assert_eq!(j["plans"][0]["labour_savings_vs_payg"], serde_json::json!(-890));
    assert_eq!(j["plans"][0]["downtime_savings_vs_payg"], serde_json::json!(3100));
}

#[test]
fn step6_break_even_hours_counting_downtime() {
    let c = base();
    let r = evaluate(&c, &answers(&c, OFFICE));
    // Each support hour brings e/hi = 0.25/2 = 0.125 emergencies; paying per job each waits W - r
    // hours longer, at D = 200 an hour. Blended rate 125.
    // Basic:  125 + 0.125*(10 - 8)*200 = 125 + 50 = 175;  8640/175 = 49.371... -> 49.37.
    // Fast:   125 + 0.125*(10 - 2)*200 = 125 + 200 = 325; 12840/325 = 39.507... -> 39.51.
    // Deluxe: 125 + 0.125*(10 - 1)*200 = 125 + 225 = 350; 60000/350 = 171.428... -> 171.43.
    let be: Vec<Option<Decimal>> = r.plans.iter().map(|p| p.break_even_hours_with_downtime).collect();
    assert_eq!(be, [Some(dec("49.37")), Some(dec("39.51")), Some(dec("171.43"))]);
    let j = json_of(&r);
    assert_eq!(j["plans"][2]["break_even_hours_with_downtime"], serde_json::json!(171.43));
    // Labour alone: 8640/125 = 69.12, so counting the downtime a plan avoids it pays for itself sooner.
    assert!(r.plans.iter().all(|p| p.break_even_hours_with_downtime < p.break_even_hours));
}

#[test]
fn step6_break_even_counting_downtime_is_null_when_the_divisor_is_not_positive() {
    // Pay-per-job work is free (R = 0), so only the downtime a plan avoids can pay for it.
    let c = base_with(r#"{ "rates": { "hourly": 0 }, "plans": [
        { "id": "faster", "name": "Faster", "response_hours": 8, "per_user": 50, "per_computer": 10, "per_server": 100 },
        { "id": "same", "name": "Same", "response_hours": 10, "per_user": 50 },
        { "id": "slower", "name": "Slower", "response_hours": 12, "per_user": 50 } ] }"#);
    let r = evaluate(&c, &answers(&c, OFFICE));
    // Faster: 0 + 0.125*(10 - 8)*200 = 50 an hour; annual 8640/50 = 172.8 h.
    // Same:   0 + 0.125*(10 - 10)*200 = 0: never. Slower: 0 + 0.125*(10 - 12)*200 = -50: never.
    let be: Vec<Option<Decimal>> = r.plans.iter().map(|p| p.break_even_hours_with_downtime).collect();
    assert_eq!(be, [Some(dec("172.8")), None, None]);
    assert!(r.plans.iter().all(|p| p.break_even_hours.is_none()), "R = 0: never on labour alone either");
    let j = json_of(&r);
    assert_eq!(j["plans"][0]["break_even_hours_with_downtime"], serde_json::json!(172.8));
    assert_eq!(j["plans"][1]["break_even_hours_with_downtime"], Value::Null);
    assert_eq!(j["plans"][2]["break_even_hours_with_downtime"], Value::Null);
    // The slower plan's downtime costs more than paying per job's: a negative downtime saving.
    // Its downtime is 7.75*12*200 = 18600 against 15500.
    assert_eq!(r.plans[2].downtime_savings_vs_payg, cents(-310_000));

    // With R = 100 a slower plan can still catch up, unless its extra waiting outweighs the rate.
    // Both plans cost 10*50 = 500 a month, 6000 a year. Response 12: 125 + 0.125*(10 - 12)*200 = 75
    // an hour, 6000/75 = 80 h; response 16: 125 + 0.125*(10 - 16)*200 = -25: never.
    let c = base_with(r#"{ "plans": [
        { "id": "slower", "name": "Slower", "response_hours": 12, "per_user": 50 },
        { "id": "slowest", "name": "Slowest", "response_hours": 16, "per_user": 50 } ] }"#);
    let r = evaluate(&c, &answers(&c, OFFICE));
    let be: Vec<Option<Decimal>> = r.plans.iter().map(|p| p.break_even_hours_with_downtime).collect();
    assert_eq!(be, [Some(dec("80")), None]);
    assert_eq!(r.plans[1].break_even_hours, Some(dec("48")), "6000/125 on labour alone");
}

#[test]
fn step6_break_even_rounds_half_away_from_zero_to_two_decimals() {
    // R = 80, e = 0: an average hour costs 80. One user at 6.70 a month: annual 80.40, and
    // 80.40/80 = 1.005 hours exactly -> 1.01 (half-to-even, or a float, would give 1.00).
    let c = base_with(r#"{ "rates": { "hourly": 80 }, "workload": { "emergency_share": 0 },
        "plans": [ { "id": "p", "name": "P", "response_hours": 4, "per_user": 6.7 } ] }"#);
    let r = evaluate(&c, &answers(&c, r#"{ "users": 1 }"#));
    assert_eq!(r.plans[0].price.annual, cents(8_040));
    assert_eq!(r.plans[0].break_even_hours, Some(dec("1.01")));
    assert_eq!(json_of(&r)["plans"][0]["break_even_hours"], serde_json::json!(1.01));
    // e = 0 means no emergencies, so no downtime either: the same hours on both bases.
    assert_eq!(r.plans[0].break_even_hours_with_downtime, Some(dec("1.01")));
    // Just below the half: 6.69 a month, annual 80.28, 80.28/80 = 1.0035 -> 1.00, written 1.0.
    let c = base_with(r#"{ "rates": { "hourly": 80 }, "workload": { "emergency_share": 0 },
        "plans": [ { "id": "p", "name": "P", "response_hours": 4, "per_user": 6.69 } ] }"#);
    let r = evaluate(&c, &answers(&c, r#"{ "users": 1 }"#));
    assert_eq!(r.plans[0].break_even_hours, Some(dec("1")));
    assert_eq!(json_of(&r)["plans"][0]["break_even_hours"], serde_json::json!(1.0));
    assert!(r.to_json().to_json_string().contains(r#""break_even_hours":1.0,"#));
}

// ---------------------------------------------------------------- step 7: fit score, band, reasons

/// Questions in an order that is not alphabetical, so that "question order" is tested for real.
const FIT: &str = r#"{
  "questions": [
    { "id": "urgency", "text": "U?", "options": [
        { "label": "u0", "points": 3, "reason": "U+" },
        { "label": "u1", "points": -2, "reason": "U-" },
        { "label": "u2", "points": -3, "reason": "U--" } ] },
    { "id": "budget", "text": "B?", "options": [
        { "label": "b0", "points": 2, "reason": "B+" },
        { "label": "b1", "points": -1, "reason": "B-" },
        { "label": "b2", "points": 2 } ] },
    { "id": "same", "text": "S?", "options": [
        { "label": "s0", "points": 1, "reason": "S1" },
        { "label": "s1", "points": 1, "reason": "S2" } ] },
    { "id": "alpha", "text": "A?", "options": [
        { "label": "a0", "points": 3, "reason": "A+" },
        { "label": "a1", "points": 0, "reason": "A0" },
        { "label": "a2", "points": -3, "reason": "A-" } ] }
  ],
  "bands": [
    { "id": "strong", "min_score": 70, "label": "Strong" },
    { "id": "poor", "min_score": 0, "label": "Poor", "recommend": "payg" },
    { "id": "maybe", "min_score": 45, "label": "Maybe" }
  ]
}"#;

/// Step 7's result, as the report states it.
struct Fit {
    score: u8,
    answered: usize,
    reasons_for: Vec<Reason>,
    reasons_against: Vec<Reason>,
}

fn fit_of(config_json: &str, choices: &str) -> Fit {
    let c = config(config_json);
    let a = answers(&c, &format!(r#"{{ "users": 5, "choices": {choices} }}"#));
    let r = evaluate(&c, &a);
    Fit { score: r.score, answered: r.answered_questions, reasons_for: r.reasons_for, reasons_against: r.reasons_against }
}

/// The band a score falls in under `config_json`'s bands: its questions are replaced by one
/// question whose third option scores exactly `score` (points 0, 100 and `score`).
fn band_at(config_json: &str, score: u8) -> String {
    let mut v: Value = serde_json::from_str(config_json).unwrap();
    v["questions"] = serde_json::json!([{ "id": "probe", "text": "?", "options": [
        { "label": "low", "points": 0 }, { "label": "high", "points": 100 }, { "label": "this", "points": score } ] }]);
    let c = config(&v.to_string());
    let r = evaluate(&c, &answers(&c, r#"{ "users": 5, "choices": { "probe": 2 } }"#));
    assert_eq!(r.score, score);
    r.band.id.to_string()
}

#[test]
fn step7_no_question_answered_scores_zero() {
    let f = fit_of(FIT, "{}");
    assert_eq!((f.score, f.answered), (0, 0));
    assert!(f.reasons_for.is_empty() && f.reasons_against.is_empty());
    // An explicit null is "not answered" too.
    let f = fit_of(FIT, r#"{ "urgency": null }"#);
    assert_eq!((f.score, f.answered), (0, 0));
    // A config without questions: every prospect scores 0.
    let f = fit_of(r#"{ "questions": [] }"#, "{}");
    assert_eq!((f.score, f.answered), (0, 0));
}

#[test]
fn step7_score_formula() {
    // All best: sum 3+2+1+3 = 9 = max; min -3-1+1-3 = -6 -> 100.
    assert_eq!(fit_of(FIT, r#"{ "urgency": 0, "budget": 0, "same": 0, "alpha": 0 }"#).score, 100);
    // All worst: sum -3-1+1-3 = -6 = min -> 0.
    assert_eq!(fit_of(FIT, r#"{ "urgency": 2, "budget": 1, "same": 1, "alpha": 2 }"#).score, 0);
    // Only urgency (3) and alpha (0) answered: sum 3, min -6, max 6 -> 100*9/12 = 75.
    let f = fit_of(FIT, r#"{ "urgency": 0, "alpha": 1 }"#);
    assert_eq!((f.score, f.answered), (75, 2));
    // urgency -2, budget 2: sum 0, min -4, max 5 -> 100*4/9 = 44.4 -> 44.
    assert_eq!(fit_of(FIT, r#"{ "urgency": 1, "budget": 0 }"#).score, 44);
    // urgency 3, budget -1: sum 2, min -4, max 5 -> 100*6/9 = 66.7 -> 67.
    assert_eq!(fit_of(FIT, r#"{ "urgency": 0, "budget": 1 }"#).score, 67);
}

#[test]
fn step7_score_rounds_half_away_from_zero() {
    // One question with points 0..=8: choosing k gives 100*k/8.
    let opts: Vec<String> =
        (0..=8).map(|k| format!(r#"{{ "label": "o{k}", "points": {k} }}"#)).collect();
    let cfg = format!(r#"{{ "questions": [ {{ "id": "q", "text": "Q?", "options": [{}] }} ] }}"#, opts.join(","));
    // 12.5 -> 13, 37.5 -> 38, 62.5 -> 63, 87.5 -> 88 (half-to-even would give 12, 38, 62, 88).
    for (k, want) in [(0, 0), (1, 13), (2, 25), (3, 38), (4, 50), (5, 63), (6, 75), (7, 88), (8, 100)] {
        assert_eq!(fit_of(&cfg, &format!(r#"{{ "q": {k} }}"#)).score, want, "option {k}");
    }
    // Negative points: -4..=4 shifted the same way (points -3 -> 1/8 of the range -> 13).
    let opts: Vec<String> =
        (-4..=4).map(|k| format!(r#"{{ "label": "o{k}", "points": {k} }}"#)).collect();
    let cfg = format!(r#"{{ "questions": [ {{ "id": "q", "text": "Q?", "options": [{}] }} ] }}"#, opts.join(","));
    assert_eq!(fit_of(&cfg, r#"{ "q": 1 }"#).score, 13);
    assert_eq!(fit_of(&cfg, r#"{ "q": 5 }"#).score, 63);
}

#[test]
fn step7_question_whose_options_all_have_equal_points() {
    // Alone, its range is empty: score 0, though the question counts as answered.
    let f = fit_of(FIT, r#"{ "same": 1 }"#);
    assert_eq!((f.score, f.answered), (0, 1));
    // With others, it shifts sum, min and max alike and changes nothing:
    // alpha at 0 points alone -> 100*(0+3)/6 = 50; with "same" answered: sum 1, min -2, max 4 -> 50.
    assert_eq!(fit_of(FIT, r#"{ "alpha": 1 }"#).score, 50);
    assert_eq!(fit_of(FIT, r#"{ "alpha": 1, "same": 0 }"#).score, 50);
    // Its positive points with a reason still make a reason for.
    let f = fit_of(FIT, r#"{ "same": 1 }"#);
    assert_eq!(f.reasons_for.len(), 1);
    assert_eq!(&*f.reasons_for[0].text, "S2");
    // All options at 0 points: nothing to say for or against.
    let f = fit_of(
        r#"{ "questions": [ { "id": "z", "text": "Z?", "options": [
            { "label": "a", "points": 0, "reason": "r" }, { "label": "b", "points": 0 } ] } ] }"#,
        r#"{ "z": 0 }"#,
    );
    assert_eq!((f.score, f.reasons_for.len(), f.reasons_against.len()), (0, 0, 0));
}

#[test]
fn step7_band_is_the_highest_min_score_not_above_the_score() {
    let c = config(FIT);
    // Bands are listed out of order in FIT; the config keeps them sorted highest first.
    let ids: Vec<&str> = c.bands.iter().map(|b| b.id.as_ref()).collect();
    assert_eq!(ids, ["strong", "maybe", "poor"]);
    for (score, want) in [(0, "poor"), (44, "poor"), (45, "maybe"), (69, "maybe"), (70, "strong"), (100, "strong")] {
        assert_eq!(band_at(FIT, score), want, "score {score}");
    }
}

#[test]
fn step7_band_list_with_gaps() {
    let gaps = r#"{ "bands": [
        { "id": "top", "min_score": 80, "label": "Top" },
        { "id": "rest", "min_score": 0, "label": "Rest", "recommend": "payg" } ] }"#;
    for (score, want) in [(0, "rest"), (50, "rest"), (79, "rest"), (80, "top"), (100, "top")] {
        assert_eq!(band_at(gaps, score), want, "score {score}");
    }
    // A single band at 0 takes every score.
    let all = r#"{ "bands": [ { "id": "all", "min_score": 0, "label": "All" } ] }"#;
    assert!((0..=100).all(|s| band_at(all, s) == "all"));
}

#[test]
fn step7_band_in_the_report() {
    let c = config(FIT);
    let a = answers(&c, r#"{ "users": 5, "choices": { "urgency": 0, "budget": 1 } }"#);
    let r = evaluate(&c, &a);
    // Score 67 -> "maybe" (45..69).
    assert_eq!((r.score, r.band.id.as_ref(), r.band.label.as_ref()), (67, "maybe", "Maybe"));
    assert_eq!(r.band.recommend, Recommend::Contract);
    assert_eq!(r.answered_questions, 2);
}

#[test]
fn step7_reasons_strongest_first_ties_in_question_order() {
    // urgency 3 (U+), budget 2 (B+), same 1 (S1), alpha 3 (A+): for = U+, A+ (3, question order:
    // urgency is asked before alpha), B+ (2), S1 (1).
    let f = fit_of(FIT, r#"{ "alpha": 0, "budget": 0, "same": 0, "urgency": 0 }"#);
    let texts: Vec<&str> = f.reasons_for.iter().map(|r| r.text.as_ref()).collect();
    assert_eq!(texts, ["U+", "A+", "B+", "S1"]);
    let ids: Vec<&str> = f.reasons_for.iter().map(|r| r.question_id.as_ref()).collect();
    assert_eq!(ids, ["urgency", "alpha", "budget", "same"]);
    assert_eq!(f.reasons_for.iter().map(|r| r.points).collect::<Vec<_>>(), [3, 3, 2, 1]);
    assert!(f.reasons_against.is_empty());

    // Against, strongest (most negative) first: urgency -3 (U--) and alpha -3 (A-) tie, in
    // question order; then budget -1 (B-).
    let f = fit_of(FIT, r#"{ "alpha": 2, "budget": 1, "urgency": 2 }"#);
    let texts: Vec<&str> = f.reasons_against.iter().map(|r| r.text.as_ref()).collect();
    assert_eq!(texts, ["U--", "A-", "B-"]);
    assert_eq!(f.reasons_against.iter().map(|r| r.points).collect::<Vec<_>>(), [-3, -3, -1]);

    // Mixed: urgency -2 against, budget +2 for.
    let f = fit_of(FIT, r#"{ "urgency": 1, "budget": 0 }"#);
    assert_eq!(f.reasons_for.iter().map(|r| r.text.as_ref()).collect::<Vec<_>>(), ["B+"]);
    assert_eq!(f.reasons_against.iter().map(|r| r.text.as_ref()).collect::<Vec<_>>(), ["U-"]);
}

#[test]
fn step7_options_without_a_reason_or_points_give_no_reason() {
    // budget option 2: +2 points but no reason; alpha option 1: a reason but 0 points.
    let f = fit_of(FIT, r#"{ "budget": 2, "alpha": 1 }"#);
    assert!(f.reasons_for.is_empty(), "{:?}", f.reasons_for);
    assert!(f.reasons_against.is_empty(), "{:?}", f.reasons_against);
    // They still count in the score: sum 2, min -4, max 5 -> 100*6/9 = 67.
    assert_eq!(f.score, 67);
}

#[test]
fn step7_reasons_in_the_report_json() {
    let c = config(FIT);
    let a = answers(&c, r#"{ "users": 5, "choices": { "urgency": 1, "budget": 0 } }"#);
    let j = json_of(&evaluate(&c, &a));
    assert_eq!(j["reasons_for"], serde_json::json!([{ "question_id": "budget", "text": "B+", "points": 2 }]));
    assert_eq!(j["reasons_against"], serde_json::json!([{ "question_id": "urgency", "text": "U-", "points": -2 }]));
}

// ---------------------------------------------------------------- step 8: recommendation

fn recommendation(c: &Config, answers_json: &str) -> (Option<String>, Basis) {
    let r = evaluate(c, &answers(c, answers_json));
    (r.recommendation.plan_id.map(|id| id.to_string()), r.recommendation.basis)
}

fn plan_is(id: &str, basis: Basis) -> (Option<String>, Basis) {
    (Some(id.to_string()), basis)
}

#[test]
fn step8_cheapest_plan_meeting_the_required_response() {
    let c = base();
    // Basic 720/8 h, Fast 1070/2 h, Deluxe 5000/1 h.
    assert_eq!(recommendation(&c, r#"{ "users": 10, "computers": 12, "servers": 1, "required_response_hours": 8 }"#),
        plan_is("basic", Basis::MeetsResponse));
    assert_eq!(recommendation(&c, r#"{ "users": 10, "computers": 12, "servers": 1, "required_response_hours": 4 }"#),
        plan_is("fast", Basis::MeetsResponse));
    assert_eq!(recommendation(&c, r#"{ "users": 10, "computers": 12, "servers": 1, "required_response_hours": 2 }"#),
        plan_is("fast", Basis::MeetsResponse));
    assert_eq!(recommendation(&c, r#"{ "users": 10, "computers": 12, "servers": 1, "required_response_hours": 1 }"#),
        plan_is("deluxe", Basis::MeetsResponse));
}

#[test]
fn step8_no_plan_fast_enough_gives_the_fastest() {
    let c = base();
    // Required 0.5 h: faster than every plan -> Deluxe (1 h), the most expensive.
    assert_eq!(recommendation(&c, r#"{ "users": 10, "required_response_hours": 0.5 }"#),
        plan_is("deluxe", Basis::FastestAvailable));
    let j = json_of(&evaluate(&c, &answers(&c, r#"{ "users": 10, "required_response_hours": 0.5 }"#)));
    assert_eq!(j["recommendation"], serde_json::json!({ "kind": "plan", "plan_id": "deluxe", "basis": "fastest_available" }));
}

#[test]
fn step8_no_required_response_gives_the_cheapest() {
    let c = base();
    assert_eq!(recommendation(&c, OFFICE), plan_is("basic", Basis::Cheapest));
    // Cheapest by monthly price, minimum included: for 1 user Basic costs its minimum 300,
    // Deluxe 1*500 = 500, Fast its minimum 500.
    assert_eq!(recommendation(&c, r#"{ "users": 1 }"#), plan_is("basic", Basis::Cheapest));
    // A plan whose minimum lifts it above another becomes the dearer one.
    let c = base_with(r#"{ "plans": [
        { "id": "a", "name": "A", "response_hours": 8, "per_user": 10, "minimum_monthly": 1000 },
        { "id": "b", "name": "B", "response_hours": 8, "per_user": 50 } ] }"#);
    assert_eq!(recommendation(&c, r#"{ "users": 10 }"#), plan_is("b", Basis::Cheapest)); // 1000 vs 500
    assert_eq!(recommendation(&c, r#"{ "users": 30 }"#), plan_is("a", Basis::Cheapest)); // 1000 vs 1500
}

#[test]
fn step8_ties_go_to_faster_then_cheaper_then_first_listed() {
    // Same price, different response: the faster one.
    let c = base_with(r#"{ "plans": [
        { "id": "slow", "name": "Slow", "response_hours": 8, "per_user": 50 },
        { "id": "quick", "name": "Quick", "response_hours": 4, "per_user": 50 },
        { "id": "pricey", "name": "Pricey", "response_hours": 1, "per_user": 90 } ] }"#);
    assert_eq!(recommendation(&c, r#"{ "users": 10 }"#), plan_is("quick", Basis::Cheapest));
    assert_eq!(recommendation(&c, r#"{ "users": 10, "required_response_hours": 8 }"#), plan_is("quick", Basis::MeetsResponse));
    // Same price and response: the first listed.
    let c = base_with(r#"{ "plans": [
        { "id": "first", "name": "First", "response_hours": 4, "per_user": 50 },
        { "id": "second", "name": "Second", "response_hours": 4, "per_user": 50 } ] }"#);
    assert_eq!(recommendation(&c, r#"{ "users": 10 }"#), plan_is("first", Basis::Cheapest));
    assert_eq!(recommendation(&c, r#"{ "users": 10, "required_response_hours": 4 }"#), plan_is("first", Basis::MeetsResponse));
    assert_eq!(recommendation(&c, r#"{ "users": 10, "required_response_hours": 1 }"#), plan_is("first", Basis::FastestAvailable));
    // Fastest available, two equally fast: the cheaper, whatever the order.
    let c = base_with(r#"{ "plans": [
        { "id": "dear", "name": "Dear", "response_hours": 2, "per_user": 90 },
        { "id": "cheap", "name": "Cheap", "response_hours": 2, "per_user": 60 },
        { "id": "slow", "name": "Slow", "response_hours": 8, "per_user": 10 } ] }"#);
    assert_eq!(recommendation(&c, r#"{ "users": 10, "required_response_hours": 1 }"#), plan_is("cheap", Basis::FastestAvailable));
    // Meeting the response, two equally cheap: the faster.
    let c = base_with(r#"{ "plans": [
        { "id": "four", "name": "Four", "response_hours": 4, "per_user": 50 },
        { "id": "two", "name": "Two", "response_hours": 2, "per_user": 50 },
        { "id": "cheap-slow", "name": "Cheap but slow", "response_hours": 24, "per_user": 10 } ] }"#);
    assert_eq!(recommendation(&c, r#"{ "users": 10, "required_response_hours": 4 }"#), plan_is("two", Basis::MeetsResponse));
}

#[test]
fn step8_ties_use_the_discounted_monthly_price() {
    // Existing clients get the same discount on every plan, so the order is kept; the prices
    // compared are `monthly` (after the discount): 10*50*0.9 = 450 vs 10*60*0.9 = 540.
    let c = base_with(r#"{ "plans": [
        { "id": "b", "name": "B", "response_hours": 4, "per_user": 60 },
        { "id": "a", "name": "A", "response_hours": 4, "per_user": 50 } ] }"#);
    assert_eq!(recommendation(&c, r#"{ "users": 10, "existing_client": true }"#), plan_is("a", Basis::Cheapest));
}

#[test]
fn step8_payg_band_recommends_paying_per_job() {
    let c = base_with(r#"{ "questions": [ { "id": "q", "text": "Q?", "options": [
            { "label": "yes", "points": 1 }, { "label": "no", "points": -1 } ] } ],
        "bands": [ { "id": "good", "min_score": 50, "label": "Good" },
                   { "id": "poor", "min_score": 0, "label": "Poor", "message": "Pay per job.", "recommend": "payg" } ] }"#);
    let r = evaluate(&c, &answers(&c, r#"{ "users": 10, "required_response_hours": 4, "choices": { "q": 1 } }"#));
    assert_eq!((r.score, r.band.id.as_ref()), (0, "poor"));
    assert_eq!((r.recommendation.plan_id.clone(), r.recommendation.basis), (None, Basis::PoorFit));
    assert!(r.recommended_plan().is_none());
    let j = json_of(&r);
    assert_eq!(j["recommendation"], serde_json::json!({ "kind": "payg", "plan_id": null, "basis": "poor_fit" }));
    assert_eq!(j["band"]["recommend"], serde_json::json!("payg"));
    assert_eq!(j["band"]["message"], serde_json::json!("Pay per job."));
    // Plans are still priced for comparison.
    assert_eq!(j["plans"].as_array().unwrap().len(), 3);
    // A good fit gets a plan.
    let r = evaluate(&c, &answers(&c, r#"{ "users": 10, "choices": { "q": 0 } }"#));
    assert_eq!((r.score, r.recommendation.plan_id.as_deref()), (100, Some("basic")));
    // With no question answered the score is 0 and falls in the payg band, but there is no
    // verdict yet (version 2): the plan rules apply, so the prospect sees what a plan would cost.
    let r = evaluate(&c, &answers(&c, r#"{ "users": 10 }"#));
    assert_eq!((r.score, r.band.id.as_ref(), r.verdict_ready), (0, "poor", false));
    assert_eq!((r.recommendation.plan_id.as_deref(), r.recommendation.basis), (Some("basic"), Basis::Cheapest));
    assert_eq!(r.verdict(), None);
}

#[test]
fn step8_the_band_decides_payg_only_with_a_verdict() {
    // The same prices and answers under a contract band and under a payg band.
    let c = base();
    let a = r#"{ "users": 10, "computers": 12, "servers": 1, "required_response_hours": 3 }"#;
    let r = evaluate(&c, &answers(&c, a));
    // No questions, so no verdict: the plan rules (Basic 8 h is too slow; Fast 2 h meets 3 h).
    assert!(!r.verdict_ready);
    assert_eq!((r.recommendation.plan_id.as_deref(), r.recommendation.basis), (Some("fast"), Basis::MeetsResponse));
    // A config that asks no questions never has a verdict, so even a payg band recommends a plan.
    let payg = base_with(r#"{ "bands": [ { "id": "p", "min_score": 0, "label": "P", "recommend": "payg" } ] }"#);
    let r = evaluate(&payg, &answers(&payg, a));
    assert_eq!((r.band.id.as_ref(), r.verdict_ready), ("p", false));
    assert_eq!((r.recommendation.plan_id.as_deref(), r.recommendation.basis), (Some("fast"), Basis::MeetsResponse));
    // With a question answered there is a verdict, and the payg band recommends paying per job.
    let asked = base_with(r#"{ "questions": [ { "id": "q", "text": "Q?", "options": [ { "label": "x", "points": 1 } ] } ],
        "bands": [ { "id": "p", "min_score": 0, "label": "P", "recommend": "payg" } ] }"#);
    let r = evaluate(&asked, &answers(&asked, &a.replace(" }", r#", "choices": { "q": 0 } }"#)));
    assert!(r.verdict_ready);
    assert_eq!((r.recommendation.plan_id, r.recommendation.basis), (None, Basis::PoorFit));
}

// ---------------------------------------------------------------- the bars the screen draws

#[test]
fn work_mix_bar_splits_into_whole_percentages_that_add_up() {
    let a = answers(&base(), OFFICE);
    for (share, upkeep) in [("0", 100), ("0.25", 75), ("1", 0), ("0.125", 88), ("0.333333", 67), ("0.995", 1), ("0.005", 100)] {
        let c = base_with(&format!(r#"{{ "workload": {{ "emergency_share": {share} }} }}"#));
        let w = workload(&c, &a);
        assert_eq!(w.maintenance_percent(), upkeep, "emergency share {share}");
        assert_eq!(u16::from(w.maintenance_percent()) + u16::from(w.emergency_percent()), 100, "emergency share {share}");
    }
}

#[test]
fn progress_bar_is_full_only_with_a_verdict() {
    let c = base();
    let mut r = evaluate(&c, &answers(&c, OFFICE));
    for (answered, needed, pct) in [(0, 6, 0), (1, 6, 16), (2, 3, 66), (5, 6, 83), (199, 200, 99), (6, 6, 100), (9, 6, 100), (0, 0, 0)] {
        r.answered_questions = answered;
        r.min_answers = needed;
        assert_eq!(r.progress_percent(), pct, "{answered} of {needed}");
    }
}
