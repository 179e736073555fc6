//! How long the native `evaluate` takes for one report: the default config and the worked
//! example's answers, timed with the standard library only (no bench framework to pin or build).
//!
//! `cargo bench --bench evaluate` prints ns per report; scripts/bench.sh adds
//! `-- --json target/bench/native.json` and, for its quick mode, `--quick`.

use std::hint::black_box;
use std::time::Instant;

use contract_fit::model::{evaluate, Answers, Config};

struct Options {
    rounds: usize,
    iterations: u32,
    json: Option<String>,
}

fn options() -> Options {
    let mut o = Options { rounds: 15, iterations: 200_000, json: None };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => {
                o.rounds = 3;
                o.iterations = 20_000;
            }
            "--rounds" => o.rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(o.rounds),
            "--iterations" => o.iterations = args.next().and_then(|v| v.parse().ok()).unwrap_or(o.iterations),
            "--json" => o.json = args.next(),
            // `cargo bench` passes `--bench` to every bench target; other flags belong to libtest.
            _ => {}
        }
    }
    o
}

fn main() {
    let o = options();
    let config = Config::shipped();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/answers.json");
    let text = std::fs::read_to_string(path).expect("examples/answers.json is readable");
    let answers = Answers::from_json(&text, &config).expect("examples/answers.json is valid for the default config");

    // Warm-up: caches, branch predictors and the allocator's free lists reach their steady state,
    // which is the state a prospect's every keystroke finds them in.
    let warm_up = Instant::now();
    while warm_up.elapsed().as_millis() < 300 {
        black_box(evaluate(black_box(&config), black_box(&answers)));
    }

    let mut per_report_ns: Vec<f64> = (0..o.rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..o.iterations {
                black_box(evaluate(black_box(&config), black_box(&answers)));
            }
            start.elapsed().as_nanos() as f64 / f64::from(o.iterations)
        })
        .collect();
    per_report_ns.sort_by(f64::total_cmp);
    // The median round: a round the OS interrupted moves the mean, not the median.
    let median = per_report_ns[per_report_ns.len() / 2];
    let (min, max) = (per_report_ns[0], per_report_ns[per_report_ns.len() - 1]);

    println!(
        "evaluate: {median:.0} ns per report (median of {} rounds of {} reports; fastest {min:.0} ns, slowest {max:.0} ns)",
        o.rounds, o.iterations
    );
    if let Some(out) = o.json {
        let json = format!(
            "{{\"ns_per_report\": {median:.1}, \"min_ns\": {min:.1}, \"max_ns\": {max:.1}, \"rounds\": {}, \"iterations\": {}}}\n",
            o.rounds, o.iterations
        );
        if let Some(dir) = std::path::Path::new(&out).parent() {
            std::fs::create_dir_all(dir).expect("the output folder can be made");
        }
        std::fs::write(&out, json).expect("the JSON result can be written");
    }
}
