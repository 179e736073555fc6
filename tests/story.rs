//! The sentences a prospect reads (`Story`), for three prospects of the shipped config: a dental
//! office of 12 that wants peace of mind, a shop of 3 that only wants break-fix work, and an
//! existing client with 25 people. Whatever the plan, no saving sentence contradicts a break-even
//! sentence, and before there is a verdict nothing mentions a score or a band.

use contract_fit::model::{evaluate, Answers, Config, Decimal, Format, Key, Money, MoneyStory, PlainFormat, PlanReport, Plural, Report, Story};

/// A prospect: a name for messages, their answers as JSON, and the choices in the order given.
struct Prospect {
    name: &'static str,
    business: &'static str,
    choices: &'static [(&'static str, usize)],
}

const DENTAL: Prospect = Prospect {
    name: "dental office of 12 that wants peace of mind",
    business: r#""users": 12, "computers": 14, "servers": 1, "existing_client": false, "required_response_hours": 4"#,
    // A partner, hand it over, a monthly fee, downtime is critical, keep everything current,
    // today they wait their turn.
    choices: &[("partner", 0), ("trust", 0), ("payment", 0), ("urgency", 0), ("upkeep", 0), ("today", 0)],
};

const SHOP: Prospect = Prospect {
    name: "shop of 3 that only wants break-fix",
    business: r#""users": 3, "computers": 3, "servers": 0, "existing_client": false, "required_response_hours": null"#,
    // Whoever is cheapest, keep control, pay only when something breaks, can wait days, deal with
    // things when they break, hardly anything breaks.
    choices: &[("partner", 2), ("trust", 2), ("payment", 2), ("urgency", 2), ("upkeep", 2), ("today", 2)],
};

const CLIENT: Prospect = Prospect {
    name: "existing client with 25 people",
    business: r#""users": 25, "computers": 27, "servers": 2, "existing_client": true, "required_response_hours": 8"#,
    // Someone reliable, approve the bigger changes, a small fee and extras, can manage for a day,
    // handle some upkeep themselves, a colleague fixes things today.
    choices: &[("partner", 1), ("trust", 1), ("payment", 1), ("urgency", 1), ("upkeep", 1), ("today", 1)],
};

const PROSPECTS: [&Prospect; 3] = [&DENTAL, &SHOP, &CLIENT];

impl Prospect {
    /// The prospect's answers with only the first `answered` choices given.
    fn answers(&self, config: &Config, answered: usize) -> Answers {
        let choices: Vec<String> = self.choices[..answered].iter().map(|(q, i)| format!(r#""{q}": {i}"#)).collect();
        let json = format!(r#"{{ {}, "downtime_cost_per_hour": null, "choices": {{ {} }} }}"#, self.business, choices.join(", "));
        Answers::from_json(&json, config).unwrap_or_else(|p| panic!("{}: {p}", self.name))
    }
}

fn with_story<T>(config: &Config, f: impl FnOnce(&Story) -> T) -> T {
    let fmt = PlainFormat { minor_units: config.minor_units };
    f(&Story { texts: &config.texts, fmt: &fmt, company: &config.company, tax: config.tax.as_ref() })
}

/// The hours figures in a sentence, as a prospect reads them ("more than 200.9 hours ...
/// about 188 hours" gives [200.9, 188.0]).
fn hours_in(sentence: &str) -> Vec<f64> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| w[1].trim_end_matches(|c: char| !c.is_alphabetic()) == "hours")
        .map(|w| w[0].replace(',', "").parse::<f64>().unwrap_or_else(|_| panic!("not a number before hours: {sentence}")))
        .collect()
}

/// What a saving sentence says: the plan costs less, more, or about the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Says {
    Less,
    More,
    Same,
}

fn labour_says(s: &MoneyStory) -> Says {
    if s.labour.contains("a year less than paying per job") {
        Says::Less
    } else if s.labour.contains("a year more than paying per job") {
        Says::More
    } else {
        assert!(s.labour.contains("about the same"), "{}", s.labour);
        Says::Same
    }
}

fn total_says(s: &MoneyStory) -> Says {
    if s.total.contains("you save about") {
        Says::Less
    } else if s.total.contains("a year more") {
        Says::More
    } else {
        assert!(s.total.contains("about the same"), "{}", s.total);
        Says::Same
    }
}

/// No saving sentence contradicts a break-even sentence, for one plan: on support work alone
/// "costs more" exactly when the expected hours are below the break-even, and counting downtime
/// "you save" exactly when they are above it; in the report's numbers and in the figures the
/// sentences show.
fn check_one_story(who: &str, r: &Report, p: &PlanReport, s: &MoneyStory) {
    let h = r.workload.hours;
    let ctx = format!("{who}, {}: {s:#?}", p.id);
    // Each sentence names its basis.
    assert!(s.labour.starts_with("On support work alone") && s.labour_break_even.starts_with("On support work alone"), "{ctx}");
    assert!(s.total.contains("downtime") && s.total_break_even.contains("downtime"), "{ctx}");

    let labour = labour_says(s);
    match p.break_even_hours {
        Some(be) => {
            assert_ne!(labour, Says::Same, "{ctx}: the prospects are not at the break-even");
            assert_eq!(labour == Says::More, h < be, "{ctx}");
            assert_eq!(labour == Says::Less, h > be, "{ctx}");
            // As the prospect reads it: "pays for itself once you need more than X hours; we
            // expect about Y hours", with Y < X exactly when the plan costs more.
            let shown = hours_in(&s.labour_break_even);
            assert_eq!(shown.len(), 2, "{ctx}");
            let (shown_be, shown_expected) = (shown[0], shown[1]);
            assert_eq!(shown_expected, h.round_to(1).to_f64(), "{ctx}");
            assert_eq!(shown_be, be.round_to(1).to_f64(), "{ctx}");
            assert_eq!(labour == Says::More, shown_expected < shown_be, "{ctx}");
        }
        None => assert!(s.labour_break_even.contains("never"), "{ctx}"),
    }

    let total = total_says(s);
    match p.break_even_hours_with_downtime {
        Some(be) => {
            assert_ne!(total, Says::Same, "{ctx}: the prospects are not at the break-even");
            assert_eq!(total == Says::Less, h > be, "{ctx}");
            assert_eq!(total == Says::More, h < be, "{ctx}");
            let shown = hours_in(&s.total_break_even);
            assert_eq!(shown[0], be.round_to(1).to_f64(), "{ctx}");
            assert_eq!(total == Says::Less, h.round_to(1).to_f64() > shown[0], "{ctx}");
        }
        None => assert!(s.total_break_even.contains("never"), "{ctx}"),
    }
    // The sentences agree with the report's own signs too.
    assert_eq!(labour == Says::More, p.labour_savings_vs_payg.minor() < 0, "{ctx}");
    assert_eq!(total == Says::Less, p.savings_vs_payg.minor() > 0, "{ctx}");
}

#[test]
fn no_saving_sentence_contradicts_a_break_even_sentence() {
    let config = Config::shipped();
    for prospect in PROSPECTS {
        let r = evaluate(&config, &prospect.answers(&config, prospect.choices.len()));
        with_story(&config, |story| {
            for p in &r.plans {
                check_one_story(prospect.name, &r, p, &story.money_story(&r, p));
            }
        });
    }
}

#[test]
fn no_saving_sentence_contradicts_a_break_even_sentence_at_any_size() {
    // The same rule for businesses of every size around the break-even hours of each plan, under
    // the shipped config (an average hour costs 161.25, so a whole unit of money is 0.006 h).
    let config = Config::shipped();
    for users in (1..=60).chain([100, 250, 1_000, 10_000]) {
        for (computers, servers) in [(0, 0), (users, 0), (users + 2, 1), (users / 2, 3)] {
            let json = format!(r#"{{ "users": {users}, "computers": {computers}, "servers": {servers} }}"#);
            let r = evaluate(&config, &Answers::from_json(&json, &config).unwrap());
            with_story(&config, |story| {
                for p in &r.plans {
                    let s = story.money_story(&r, p);
                    let h = r.workload.hours;
                    let labour = labour_says(&s);
                    let total = total_says(&s);
                    if let Some(be) = p.break_even_hours {
                        assert!(labour != Says::More || h < be, "{json} {}: {s:#?}", p.id);
                        assert!(labour != Says::Less || h > be, "{json} {}: {s:#?}", p.id);
                    }
                    if let Some(be) = p.break_even_hours_with_downtime {
                        assert!(total != Says::Less || h > be, "{json} {}: {s:#?}", p.id);
                        assert!(total != Says::More || h < be, "{json} {}: {s:#?}", p.id);
                    }
                }
            });
        }
    }
}

#[test]
fn the_three_prospects_are_told_what_suits_them() {
    let config = Config::shipped();
    let dental = evaluate(&config, &DENTAL.answers(&config, 6));
    assert_eq!((dental.score, dental.band.id.as_ref()), (100, "strong"));
    // A 4-hour response: Priority, the cheapest plan that fast: 12*115 + 1*200 = 1580 a month.
    assert_eq!(dental.recommendation.plan_id.as_deref(), Some("priority"));
    let shop = evaluate(&config, &SHOP.answers(&config, 6));
    assert_eq!((shop.score, shop.band.id.as_ref()), (0, "poor"));
    assert_eq!(shop.recommendation.plan_id, None, "a poor fit is told to pay per job");
    let client = evaluate(&config, &CLIENT.answers(&config, 6));
    assert!(client.plans.iter().all(|p| p.price.discount.minor() > 0), "an existing client gets the discount");
    with_story(&config, |s| {
        assert_eq!(s.recommendation_sentence(&dental), "Recommended: Priority, $1,580.00 a month.");
        assert_eq!(s.recommendation_sentence(&shop), "Recommended: pay per job for now.");
        let summary = s.summary(&shop, &SHOP.answers(&config, 6), "");
        assert!(summary.contains("Fit: Not a fit yet (0/100)."), "{summary}");
        assert!(summary.contains("Business: 3 people, 3 computers and 0 servers."), "{summary}");
        let summary = s.summary(&client, &CLIENT.answers(&config, 6), "");
        assert!(summary.contains("We already work with you."), "{summary}");
        assert_eq!(s.subject(&DENTAL.answers(&config, 6)), "IT service contract estimate for 12 people");
    });
}

/// Everything the story states about a report, as one text per sentence.
fn everything_said(config: &Config, r: &Report, a: &Answers) -> Vec<String> {
    with_story(config, |s| {
        let mut said = vec![
            s.progress(r),
            s.recommendation_sentence(r),
            s.announcement(r),
            s.summary(r, a, "https://x.example/#q"),
            s.subject(a),
            s.downtime_help(r),
            s.business(a),
        ];
        said.extend(s.partial(r));
        said.extend(s.score(r));
        let (status, price) = s.bar(r);
        said.push(status);
        said.push(price);
        if r.recommended_plan().is_none() {
            said.push(s.payg_detail(r));
        } else {
            said.push(s.recommendation_basis(r).to_string());
        }
        for p in &r.plans {
            let m = s.money_story(r, p);
            said.extend([m.labour, m.labour_break_even, m.total, m.total_break_even]);
            said.push(s.plan_detail(p));
            said.extend(s.plan_lines(r, p).into_iter().map(|(label, amount, _)| format!("{label} {amount}")));
        }
        said
    })
}

#[test]
fn before_the_verdict_nothing_mentions_a_score_or_a_band() {
    let config = Config::shipped();
    let labels: Vec<&str> = config.bands.iter().map(|b| b.label.as_ref()).collect();
    for prospect in PROSPECTS {
        for answered in 0..=prospect.choices.len() {
            let a = prospect.answers(&config, answered);
            let r = evaluate(&config, &a);
            assert_eq!(r.verdict_ready, answered == 6, "{}: {answered} answers", prospect.name);
            let said = everything_said(&config, &r, &a);
            if r.verdict_ready {
                // With a verdict the band is said, in the summary at least.
                assert!(said.iter().any(|t| t.contains(&*r.band.label)), "{}: {said:#?}", prospect.name);
                continue;
            }
            for text in &said {
                let lower = text.to_lowercase();
                assert!(!lower.contains("score") && !text.contains("/100"), "{} after {answered}: {text}", prospect.name);
                for label in &labels {
                    assert!(!text.contains(label), "{} after {answered} answers says {label:?}: {text}", prospect.name);
                }
                // Nor a verdict in other words, nor "pay per job" as the recommendation.
                assert!(!lower.contains("fit:") || lower.contains("not decided yet"), "{}: {text}", prospect.name);
                assert!(!text.contains("Recommended: pay per job"), "{} after {answered}: {text}", prospect.name);
            }
            // Before the verdict the payg band still shows what a plan would cost.
            assert!(r.recommended_plan().is_some(), "{} after {answered} answers", prospect.name);
            with_story(&config, |s| {
                let remaining = 6 - answered;
                let progress = s.progress(&r);
                assert!(progress.starts_with(&format!("{answered} of 6 answered")), "{progress}");
                assert!(progress.contains(&format!("{remaining} more")) || (remaining == 1 && progress.contains("1 more")), "{progress}");
                assert_eq!(s.score(&r), None);
                // Spoken to the prospect on the page; written in their own voice in the summary.
                let announced = s.announcement(&r);
                assert!(announced.contains("If a contract suits you: "), "{announced}");
                assert!(!announced.contains("suits us"), "{announced}");
                assert!(s.summary(&r, &a, "").contains("If a contract suits us: "));
            });
        }
    }
}

#[test]
fn a_verdict_on_fewer_answers_when_the_config_asks_for_fewer() {
    // min_answers 4: the verdict comes after four answers, and says on how many it rests.
    let config = Config::from_json(r#"{ "min_answers": 4 }"#).unwrap();
    let a = SHOP.answers(&config, 4);
    let r = evaluate(&config, &a);
    assert!(r.verdict_ready);
    assert_eq!((r.score, r.band.id.as_ref()), (0, "poor"));
    assert_eq!(r.recommendation.plan_id, None, "the payg band now decides");
    with_story(&config, |s| {
        assert_eq!(s.partial(&r).as_deref(), Some("Based on 4 of 6 questions."));
        assert_eq!(s.score(&r).as_deref(), Some("Fit score 0 out of 100"));
    });
    // One answer fewer: no verdict, and a plan's price instead of "pay per job".
    let r = evaluate(&config, &SHOP.answers(&config, 3));
    assert!(!r.verdict_ready);
    assert_eq!(r.answers_needed(), 1);
    assert!(r.recommended_plan().is_some());
    with_story(&config, |s| {
        assert_eq!(s.progress(&r), "3 of 6 answered — 1 more to see whether a contract suits you.");
    });
}

#[test]
fn hours_are_read_from_sentences_as_shown() {
    assert_eq!(hours_in("once you need more than 1,200.5 hours of support a year; we expect about 188 hours."), [1200.5, 188.0]);
    assert_eq!(hours_in("above 60.4 hours of support a year."), [60.4]);
    assert_eq!(Decimal::from_micros(60_420_000).round_to(1).to_f64(), 60.4);
}


/// A break-fix office of 40 that answers against a contract on every question.
const OFFICE: Prospect = Prospect {
    name: "office of 40 that only wants break-fix",
    business: r#""users": 40, "computers": 40, "servers": 3, "existing_client": false, "required_response_hours": null"#,
    choices: &[("partner", 2), ("trust", 2), ("payment", 2), ("urgency", 2), ("upkeep", 2), ("today", 2)],
};

#[test]
fn a_pay_per_job_verdict_claims_nothing_about_price() {
    // The verdict follows the answers, the price comparison the figures. An office of 40 that
    // wants break-fix work is told to pay per job, while every plan costs it less: a verdict that
    // called paying per job "the better deal" would contradict the figures printed under it.
    let money_claim = ["deal", "cheap", "value", "save", "saving", "cost", "afford", "money"];
    let gb = Config::from_json(include_str!("../config/examples/en-GB.json")).expect("the British example loads");
    for (name, config) in [("the shipped config", Config::shipped()), ("the British example", gb)] {
        let r = evaluate(&config, &OFFICE.answers(&config, 6));
        assert_eq!(r.recommendation.plan_id, None, "{name}: the office is told to pay per job");
        assert!(r.plans.iter().all(|p| p.savings_vs_payg.minor() > 0), "{name}: yet every plan costs it less");
        let message = r.band.message.to_lowercase();
        for word in money_claim {
            assert!(!message.split(|c: char| !c.is_alphabetic()).any(|w| w == word), "{name}: the verdict says \"{word}\": {message}");
        }
    }
}

#[test]
fn a_guarantee_no_sooner_than_paying_per_job_is_not_said_to_avoid_downtime() {
    // A cheap check-up plan that answers within 48 hours, where paying per job usually takes 24.
    let config = Config::from_json(
        r#"{ "plans": [
            { "id": "checkup", "name": "Check-up", "response_hours": 48, "per_user": 10, "minimum_monthly": 50 },
            { "id": "fast", "name": "Fast", "response_hours": 4, "per_user": 90 },
            { "id": "equal", "name": "Equal", "response_hours": 24, "per_user": 3000 } ] }"#,
    )
    .unwrap();
    for prospect in PROSPECTS {
        let a = prospect.answers(&config, 6);
        let r = evaluate(&config, &a);
        with_story(&config, |s| {
            for p in &r.plans {
                let story = s.money_story(&r, p);
                check_one_story(prospect.name, &r, p, &story);
                let no_sooner = p.id.as_ref() != "fast";
                assert_eq!(!story.total.contains("avoids"), no_sooner, "{}: {}", p.name, story.total);
                assert_eq!(story.total.contains("comes no sooner than"), no_sooner, "{}: {}", p.name, story.total);
                if no_sooner {
                    assert!(story.total.contains("usual 24 hours"), "{}", story.total);
                }
            }
        });
    }
}

/// Japanese, as `Intl.PluralRules` sees it: every number is `other`.
struct JapaneseRules(PlainFormat);

impl Format for JapaneseRules {
    fn money(&self, m: Money) -> String {
        self.0.money(m)
    }
    fn money_about(&self, m: Money) -> String {
        self.0.money_about(m)
    }
    fn money_compact(&self, major: f64) -> String {
        self.0.money_compact(major)
    }
    fn count(&self, n: u64) -> String {
        self.0.count(n)
    }
    fn decimal(&self, d: Decimal) -> String {
        self.0.decimal(d)
    }
    fn percent(&self, share: Decimal) -> String {
        self.0.percent(share)
    }
    fn plural(&self, _: Decimal) -> Plural {
        Plural::Other
    }
}

#[test]
fn the_built_in_english_counts_in_english_whatever_the_locale() {
    let japanese = Config::from_json(r#"{"locale": "ja-JP", "currency": "JPY",
        "texts": {"count.people": {"other": "{count}人"}}}"#)
    .unwrap();
    let fmt = JapaneseRules(PlainFormat { minor_units: 0 });
    let story = Story { texts: &japanese.texts, fmt: &fmt, company: &japanese.company, tax: None };
    // English text: "1 server", never "1 servers".
    assert_eq!(story.counted(Key::CountServers, 1), "1 server");
    assert_eq!(story.counted(Key::CountServers, 2), "2 servers");
    // The consultancy's own text follows its locale's rules.
    assert_eq!(story.counted(Key::CountPeople, 1), "1人");
}
