//! The worked example of `docs/MODEL.md` and the README: `examples/answers.json` against the shipped
//! default config (`config/default.json`). Every number below is checked by hand from the formulas.
//!
//! Config: R = 150, M = 1.5, W = 24, d = 0.05; 6 h per user, 2 per computer, 12 per server,
//! e = 0.15, 2 h per incident, downtime 50 per user-hour, incident impact 0.25.
//! Answers: 20 users, 22 computers, 2 servers, not an existing client, response needed within 4 h,
//! downtime cost left to estimate; all six questions answered.

use contract_fit::model::{evaluate, Answers, Basis, Config, Decimal, Money, Report};
use serde_json::Value;

const ANSWERS: &str = include_str!("../examples/answers.json");

fn report() -> Report {
    let config = Config::shipped();
    let answers = Answers::from_json(ANSWERS, &config).expect("examples/answers.json is valid");
    evaluate(&config, &answers)
}

fn dollars(major: i128) -> Money {
    Money::from_minor(major * 100)
}

fn dollars_cents(minor: i128) -> Money {
    Money::from_minor(minor)
}

/// Hours (or any decimal) from their exact text (`dec("148.84")`).
fn dec(text: &str) -> Decimal {
    match contract_fit::model::json::parse(text) {
        Ok(contract_fit::model::json::Value::Number(n)) => Decimal::from_number(&n).unwrap(),
        other => panic!("{text}: {other:?}"),
    }
}

/// The report as serde_json, to index it by pointer.
fn json_of(r: &Report) -> Value {
    serde_json::from_str(&r.to_json().to_json_string()).expect("the report is JSON")
}

/// A number in the report JSON, by JSON pointer.
fn num(j: &Value, pointer: &str) -> f64 {
    j.pointer(pointer).and_then(Value::as_f64).unwrap_or_else(|| panic!("no number at {pointer}"))
}

#[test]
fn answers_read_as_written() {
    let config = Config::shipped();
    let a = Answers::from_json(ANSWERS, &config).unwrap();
    assert_eq!((a.users, a.computers, a.servers, a.existing_client), (20, 22, 2, false));
    assert_eq!(a.required_response_hours, Decimal::from_f64(4.0));
    assert_eq!(a.downtime_cost_per_hour, None);
    assert_eq!(a.choices.len(), 6);
}

#[test]
fn step1_workload() {
    let r = report();
    // H  = 20*6 + 22*2 + 2*12 = 120 + 44 + 24 = 188 hours a year.
    // He = 188 * 0.15 = 28.2 emergency hours; Hm = 188 - 28.2 = 159.8 upkeep hours.
    // N  = 28.2 / 2 = 14.1 emergencies a year.
    assert_eq!(r.workload.hours, Decimal::from_f64(188.0).unwrap());
    assert_eq!(r.workload.emergency_hours, Decimal::from_f64(28.2).unwrap());
    assert_eq!(r.workload.maintenance_hours, Decimal::from_f64(159.8).unwrap());
    assert_eq!(r.workload.incidents, dec("14.1"));
}

#[test]
fn step2_plan_prices() {
    let r = report();
    let p: Vec<_> = r.plans.iter().map(|p| (p.id.as_ref(), &p.price)).collect();
    assert_eq!(p.iter().map(|(id, _)| *id).collect::<Vec<_>>(), ["essential", "priority", "premium"]);
    // Essential: 20*85 + 22*0 + 2*150 = 1700 + 0 + 300 = 2000 (minimum 600 does not bind).
    let e = p[0].1;
    // The breakdown lists only what is paid for: no computers line at 0 a computer.
    let lines: Vec<(u32, Money, Money)> = e.lines.iter().map(|l| (l.count, l.unit_price, l.amount)).collect();
    assert_eq!(lines, [(20, dollars(85), dollars(1700)), (2, dollars(150), dollars(300))]);
    assert_eq!((e.users_cost, e.computers_cost, e.servers_cost), (dollars(1700), dollars(0), dollars(300)));
    assert_eq!((e.monthly_list, e.minimum_applied, e.discount), (dollars(2000), false, dollars(0)));
    // Not an existing client: no discount; annual = 12*2000 = 24000.
    assert_eq!((e.monthly, e.annual), (dollars(2000), dollars(24_000)));
    // Priority: 20*115 + 2*200 = 2300 + 400 = 2700; annual 32400.
    let pr = p[1].1;
    assert_eq!((pr.users_cost, pr.servers_cost), (dollars(2300), dollars(400)));
    assert_eq!((pr.monthly_list, pr.monthly, pr.annual), (dollars(2700), dollars(2700), dollars(32_400)));
    // Premium: 20*150 + 2*275 = 3000 + 550 = 3550; annual 42600.
    let pm = p[2].1;
    assert_eq!((pm.users_cost, pm.servers_cost), (dollars(3000), dollars(550)));
    assert_eq!((pm.monthly_list, pm.monthly, pm.annual), (dollars(3550), dollars(3550), dollars(42_600)));
}

#[test]
fn step2_as_an_existing_client() {
    let config = Config::shipped();
    let text = ANSWERS.replace(r#""existing_client": false"#, r#""existing_client": true"#);
    let r = evaluate(&config, &Answers::from_json(&text, &config).unwrap());
    // Essential: discount 2000*0.05 = 100; monthly 1900; annual 22800.
    // Priority: 2700*0.05 = 135; 2565; 30780. Premium: 3550*0.05 = 177.50; 3372.50; 40470.
    let got: Vec<_> = r.plans.iter().map(|p| (p.price.discount, p.price.monthly, p.price.annual)).collect();
    assert_eq!(
        got,
        [
            (dollars(100), dollars(1900), dollars(22_800)),
            (dollars(135), dollars(2565), dollars(30_780)),
            (dollars_cents(17_750), dollars_cents(337_250), dollars(40_470)),
        ]
    );
}

#[test]
fn step3_to_5_payg() {
    let r = report();
    // Labour = Hm*R + He*R*M = 159.8*150 + 28.2*150*1.5 = 23970 + 6345 = 30315.
    assert_eq!(r.payg.labour, dollars(30_315));
    // D = 20 * 50 * 0.25 = 250 per hour (estimated).
    assert_eq!(r.downtime_cost_per_hour, dollars(250));
    assert!(r.downtime_cost_estimated);
    // Downtime = N*W*D = 14.1 * 24 * 250 = 84600.
    assert_eq!(r.payg.downtime, dollars(84_600));
    // Total = 30315 + 84600 = 114915.
    assert_eq!(r.payg.total, dollars(114_915));
    assert_eq!(r.payg.hourly_rate, dollars(150));
    // Emergency rate R*M = 150*1.5 = 225.
    assert_eq!(r.payg.emergency_rate, dollars(225));
}

#[test]
fn step4_to_5_plans() {
    let r = report();
    let got: Vec<_> = r.plans.iter().map(|p| (p.downtime, p.total, p.savings_vs_payg)).collect();
    assert_eq!(
        got,
        [
            // Essential: 14.1*8*250 = 28200; 24000 + 28200 = 52200; 114915 - 52200 = 62715.
            (dollars(28_200), dollars(52_200), dollars(62_715)),
            // Priority: 14.1*4*250 = 14100; 32400 + 14100 = 46500; 114915 - 46500 = 68415.
            (dollars(14_100), dollars(46_500), dollars(68_415)),
            // Premium: 14.1*1*250 = 3525; 42600 + 3525 = 46125; 114915 - 46125 = 68790.
            (dollars(3_525), dollars(46_125), dollars(68_790)),
        ]
    );
}

#[test]
fn step6_break_even_hours() {
    let r = report();
    // Blended rate R*(1 - e + e*M) = 150*(1 - 0.15 + 0.15*1.5) = 150*1.075 = 161.25 per hour.
    assert_eq!(r.payg.blended_rate, dollars_cents(16_125));
    // Essential 24000/161.25 = 148.837... -> 148.84; Priority 32400/161.25 = 200.930... -> 200.93;
    // Premium 42600/161.25 = 264.186... -> 264.19 (2 decimals, half away from zero).
    let be: Vec<Option<Decimal>> = r.plans.iter().map(|p| p.break_even_hours).collect();
    assert_eq!(be, [Some(dec("148.84")), Some(dec("200.93")), Some(dec("264.19"))]);
    // This business needs 188 h a year: above Essential's break-even (the plan's fee is less than
    // paying per job for the same hours), below Priority's and Premium's.
    let h = r.workload.hours;
    assert!(be[0].unwrap() < h && be[1].unwrap() > h && be[2].unwrap() > h);
}

#[test]
fn step6_break_even_hours_counting_downtime() {
    let r = report();
    // Each support hour brings e/hi = 0.15/2 = 0.075 emergencies; paying per job, each waits
    // W - r hours longer than with the plan, at D = 250 an hour:
    // Essential: 161.25 + 0.075*(24 - 8)*250 = 161.25 + 300 = 461.25; 24000/461.25 = 52.032... -> 52.03.
    // Priority:  161.25 + 0.075*(24 - 4)*250 = 161.25 + 375 = 536.25; 32400/536.25 = 60.419... -> 60.42.
    // Premium:   161.25 + 0.075*(24 - 1)*250 = 161.25 + 431.25 = 592.5; 42600/592.5 = 71.898... -> 71.90.
    let be: Vec<Option<Decimal>> = r.plans.iter().map(|p| p.break_even_hours_with_downtime).collect();
    assert_eq!(be, [Some(dec("52.03")), Some(dec("60.42")), Some(dec("71.9"))]);
    // Counting downtime every plan pays for itself long before the 188 hours this business needs.
    assert!(be.iter().all(|b| b.unwrap() < r.workload.hours));
}

#[test]
fn step5_savings_in_two_parts() {
    let r = report();
    let got: Vec<_> = r.plans.iter().map(|p| (p.labour_savings_vs_payg, p.downtime_savings_vs_payg, p.savings_vs_payg)).collect();
    assert_eq!(
        got,
        [
            // Essential: labour 30315 - 24000 = 6315; downtime 84600 - 28200 = 56400; 6315 + 56400 = 62715.
            (dollars(6_315), dollars(56_400), dollars(62_715)),
            // Priority: 30315 - 32400 = -2085 (the work alone costs more); 84600 - 14100 = 70500;
            // -2085 + 70500 = 68415.
            (dollars(-2_085), dollars(70_500), dollars(68_415)),
            // Premium: 30315 - 42600 = -12285; 84600 - 3525 = 81075; -12285 + 81075 = 68790.
            (dollars(-12_285), dollars(81_075), dollars(68_790)),
        ]
    );
}

#[test]
fn step4_downtime_estimate_is_explained() {
    let r = report();
    // D = 20 people * 50 per person-hour * 0.25 of the staff = 250.
    let e = &r.downtime_estimate;
    assert_eq!((e.users, e.cost_per_user_hour, e.impact, e.cost_per_hour), (20, dollars(50), dec("0.25"), dollars(250)));
}

#[test]
fn the_verdict_is_ready_with_every_question_answered() {
    let r = report();
    // Six questions, min_answers defaults to all six, six answered.
    assert_eq!((r.answered_questions, r.total_questions, r.min_answers), (6, 6, 6));
    assert!(r.verdict_ready);
    assert_eq!(r.answers_needed(), 0);
    assert_eq!(r.verdict().map(|b| b.id.as_ref()), Some("strong"));
    assert_eq!(r.plan("priority").map(|p| p.name.as_ref()), Some("Priority"));
}

#[test]
fn step7_score_band_reasons() {
    let r = report();
    // Chosen points: partner 3, trust 1, payment 3, urgency 3, upkeep 3, today 2 -> sum 15.
    // Lowest possible: -3 -2 -3 -2 -2 -2 = -14; highest: 3+3+3+3+3+2 = 17.
    // score = round(100*(15 - -14)/(17 - -14)) = round(100*29/31) = round(93.55) = 94.
    assert_eq!((r.score, r.answered_questions), (94, 6));
    // 94 >= 70: "strong".
    assert_eq!((r.band.id.as_ref(), r.band.label.as_ref()), ("strong", "Strong fit"));
    // Reasons for, strongest first; the four 3-point reasons in question order
    // (partner, payment, urgency, upkeep), then today (2), then trust (1). None against.
    let ids: Vec<&str> = r.reasons_for.iter().map(|x| x.question_id.as_ref()).collect();
    assert_eq!(ids, ["partner", "payment", "urgency", "upkeep", "today", "trust"]);
    assert!(r.reasons_against.is_empty());
}

#[test]
fn step8_recommendation() {
    let r = report();
    // Response needed within 4 h: Priority (4 h, 2700) and Premium (1 h, 3550) meet it;
    // the cheaper is Priority.
    assert_eq!(r.recommendation.plan_id.as_deref(), Some("priority"));
    assert_eq!(r.recommendation.basis, Basis::MeetsResponse);
    assert_eq!(&*r.recommended_plan().unwrap().name, "Priority");
}

#[test]
fn report_json_numbers() {
    let j = json_of(&report());
    let expect = [
        ("/score", 94.0),
        ("/answered_questions", 6.0),
        ("/minor_units", 2.0),
        ("/workload/hours", 188.0),
        ("/workload/maintenance_hours", 159.8),
        ("/workload/emergency_hours", 28.2),
        ("/workload/incidents", 14.1),
        ("/downtime_cost_per_hour", 250.0),
        ("/payg/labour", 30_315.0),
        ("/payg/downtime", 84_600.0),
        ("/payg/total", 114_915.0),
        ("/payg/response_hours", 24.0),
        ("/payg/hourly_rate", 150.0),
        ("/payg/emergency_rate", 225.0),
        ("/plans/0/response_hours", 8.0),
        ("/plans/0/users_cost", 1_700.0),
        ("/plans/0/computers_cost", 0.0),
        ("/plans/0/servers_cost", 300.0),
        ("/plans/0/monthly_list", 2_000.0),
        ("/plans/0/discount", 0.0),
        ("/plans/0/monthly", 2_000.0),
        ("/plans/0/annual", 24_000.0),
        ("/plans/0/downtime", 28_200.0),
        ("/plans/0/total", 52_200.0),
        ("/plans/0/savings_vs_payg", 62_715.0),
        ("/plans/1/response_hours", 4.0),
        ("/plans/1/monthly_list", 2_700.0),
        ("/plans/1/monthly", 2_700.0),
        ("/plans/1/annual", 32_400.0),
        ("/plans/1/downtime", 14_100.0),
        ("/plans/1/total", 46_500.0),
        ("/plans/1/savings_vs_payg", 68_415.0),
        ("/plans/2/response_hours", 1.0),
        ("/plans/2/monthly_list", 3_550.0),
        ("/plans/2/monthly", 3_550.0),
        ("/plans/2/annual", 42_600.0),
        ("/plans/2/downtime", 3_525.0),
        ("/plans/2/total", 46_125.0),
        ("/plans/2/savings_vs_payg", 68_790.0),
        // Version 2.
        ("/total_questions", 6.0),
        ("/min_answers", 6.0),
        ("/downtime_estimate/users", 20.0),
        ("/downtime_estimate/cost_per_user_hour", 50.0),
        ("/downtime_estimate/impact", 0.25),
        ("/downtime_estimate/cost_per_hour", 250.0),
        ("/payg/blended_rate", 161.25),
        ("/plans/0/break_even_hours", 148.84),
        ("/plans/0/break_even_hours_with_downtime", 52.03),
        ("/plans/0/labour_savings_vs_payg", 6_315.0),
        ("/plans/0/downtime_savings_vs_payg", 56_400.0),
        ("/plans/1/break_even_hours", 200.93),
        ("/plans/1/break_even_hours_with_downtime", 60.42),
        ("/plans/1/labour_savings_vs_payg", -2_085.0),
        ("/plans/1/downtime_savings_vs_payg", 70_500.0),
        ("/plans/2/break_even_hours", 264.19),
        ("/plans/2/break_even_hours_with_downtime", 71.9),
        ("/plans/2/labour_savings_vs_payg", -12_285.0),
        ("/plans/2/downtime_savings_vs_payg", 81_075.0),
    ];
    for (pointer, want) in expect {
        assert_eq!(num(&j, pointer), want, "{pointer}");
    }
    // Whole amounts are written as whole JSON numbers (2000, not 2000.0); hours always with a
    // decimal (188.0); exact decimals, never a float's digits (148.84, not 148.837209...).
    assert!(j["plans"][0]["monthly"].is_i64());
    assert!(j["plans"][1]["labour_savings_vs_payg"].is_i64());
    let text = report().to_json().to_json_string();
    for exact in [
        r#""hours":188.0"#, r#""incidents":14.1"#, r#""break_even_hours":148.84"#,
        r#""break_even_hours_with_downtime":71.9"#, r#""monthly":2000,"#, r#""blended_rate":161.25"#,
    ] {
        assert!(text.contains(exact), "{exact} in {text}");
    }
    assert_eq!(j["verdict_ready"], true);
    assert_eq!(j["currency"], "USD");
    assert_eq!(j["downtime_cost_estimated"], true);
    assert_eq!(j["payg"]["guaranteed"], false);
    assert_eq!(j["band"]["id"], "strong");
    assert_eq!(j["band"]["recommend"], "contract");
    assert_eq!(j["plans"][0]["minimum_applied"], false);
    assert_eq!(j["recommendation"], serde_json::json!({ "kind": "plan", "plan_id": "priority", "basis": "meets_response" }));
    assert_eq!(j["reasons_for"][0], serde_json::json!({
        "question_id": "partner",
        "text": "You want a long-term partner who knows your systems.",
        "points": 3
    }));
}

#[test]
fn report_json_matches_the_fixture() {
    // The complete report, as the README shows it and as `contract-fit evaluate` prints it.
    let fixture = include_str!("fixtures/worked_example_report.json");
    let want: Value = serde_json::from_str(fixture).unwrap();
    assert_eq!(json_of(&report()), want);
    // Field for field in the same order, written the same way.
    assert_eq!(format!("{}\n", report().to_json().to_pretty_string()), fixture);
}
