//! The documentation stays true: the README's worked example shows what the engine computes, and
//! the text-key reference is the one the code generates.

use contract_fit::model::{evaluate, Answers, Config};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md is readable")
}

/// `1234.5` → `1,234.5`; whole numbers without decimals, as the README writes them.
fn grouped(x: f64) -> String {
    let text = if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x}") };
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{out}.{f}"),
        None => out,
    }
}

#[test]
fn the_readme_worked_example_shows_what_the_engine_computes() {
    let config = Config::shipped();
    let answers_text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/answers.json")).unwrap();
    let report = evaluate(&config, &Answers::from_json(&answers_text, &config).unwrap());
    let readme = readme();
    let mu = report.minor_units;
    let mut expected = vec![
        format!("**{} hours**", grouped(report.workload.hours.to_f64())),
        format!("**{}** emergency hours", grouped(report.workload.emergency_hours.to_f64())),
        format!("**{}** upkeep hours", grouped(report.workload.maintenance_hours.to_f64())),
        format!("**{}** emergencies a year", grouped(report.workload.incidents.to_f64())),
        format!("**{}** an hour", grouped(report.downtime_cost_per_hour.to_major(mu))),
        format!("**{}** a year", grouped(report.payg.labour.to_major(mu))),
        format!("**{}**", grouped(report.payg.downtime.to_major(mu))),
        format!("**{}** a year", grouped(report.payg.total.to_major(mu))),
        format!("**{}**", grouped(report.payg.emergency_rate.to_major(mu))),
        format!("round(93.55) = **{}**", report.score),
        format!("the band is **{}**", report.band.label),
    ];
    for p in &report.plans {
        expected.push(format!("**{}** | **{}**", grouped(p.price.monthly.to_major(mu)), grouped(p.price.annual.to_major(mu))));
        expected.push(format!("**{}** | {} − {} = **{}**",
            grouped(p.total.to_major(mu)), grouped(report.payg.total.to_major(mu)),
            grouped(p.total.to_major(mu)), grouped(p.savings_vs_payg.to_major(mu))));
        let break_even = p.break_even_hours.unwrap().round_to(1).to_f64();
        expected.push(format!("**{} hours**", grouped(break_even)));
    }
    let recommended = report.recommended_plan().unwrap();
    expected.push(format!("the cheaper is **{}**", recommended.name));
    for e in expected {
        assert!(readme.contains(&e), "the README's worked example should show {e:?}");
    }
}

#[test]
fn the_text_key_reference_is_current() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/texts.md")).unwrap();
    assert!(
        doc == contract_fit::model::texts_reference(),
        "docs/texts.md is out of date: run `cargo run --bin contract-fit -- texts > docs/texts.md`"
    );
}

#[test]
fn the_readme_opens_with_the_two_commands() {
    let readme = readme();
    let opening: Vec<&str> = readme.lines().take(6).collect();
    assert!(opening.iter().any(|l| l.starts_with("bash scripts/serve.sh")), "{opening:?}");
    assert!(opening.iter().any(|l| l.starts_with("bash scripts/test.sh")), "{opening:?}");
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(ci.contains("scripts/test.sh"), ".ci/run must run the README's test command");
}
