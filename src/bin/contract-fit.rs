//! `contract-fit`: checks a consultancy's config and evaluates answers from the command line.

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    cli::run(&args)
}

// The crate's tests also build for the browser; there the command line has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::FAILURE
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs;
    use std::process::ExitCode;

    use contract_fit::model::{evaluate, more_line, Answers, Config, Problem, Problems, DEFAULT_CONFIG_JSON, LISTED_PROBLEMS};

    const USAGE: &str = "\
usage:
  contract-fit check [--allow-unknown] CONFIG.json
      Checks a config: prints \"ok\", or every problem with its path (exit 1). A field the
      calculator does not know (often a typo) is a problem too, unless --allow-unknown.
  contract-fit evaluate [--config CONFIG.json] --answers ANSWERS.json
      Prints the report as JSON; without --config the shipped default config is used.
  contract-fit default-config
      Prints the shipped default config.
  contract-fit texts
      Prints every text key with its English default and placeholders (Markdown).
  contract-fit schema
      Prints the config's JSON Schema (config.schema.json), for editors that autocomplete and check.";

    /// Runs one command and says how it went.
    pub fn run(args: &[String]) -> ExitCode {
        match args.first().map(String::as_str) {
            Some("check") => match args.get(1..).unwrap_or_default() {
                [path] if !path.starts_with("--") => check(path, false),
                [flag, path] | [path, flag] if flag == "--allow-unknown" => check(path, true),
                _ => usage_error("check takes one config file, and optionally --allow-unknown"),
            },
            Some("evaluate") => evaluate_command(&args[1..]),
            Some("default-config") if args.len() == 1 => {
                print!("{DEFAULT_CONFIG_JSON}");
                ExitCode::SUCCESS
            }
            Some("default-config") => usage_error("default-config takes no arguments"),
            Some("texts") if args.len() == 1 => {
                print!("{}", contract_fit::model::texts_reference());
                ExitCode::SUCCESS
            }
            Some("texts") => usage_error("texts takes no arguments"),
            Some("schema") if args.len() == 1 => {
                print!("{}", contract_fit::model::config_schema_text());
                ExitCode::SUCCESS
            }
            Some("schema") => usage_error("schema takes no arguments"),
            Some("-h" | "--help" | "help") => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            Some(other) => usage_error(&format!("unknown command \"{other}\"")),
            None => usage_error("no command given"),
        }
    }

    fn usage_error(why: &str) -> ExitCode {
        eprintln!("contract-fit: {why}\n{USAGE}");
        ExitCode::from(2)
    }

    /// Reads a file, or says in one line why it cannot.
    fn read(path: &str) -> Result<String, String> {
        fs::read_to_string(path).map_err(|e| format!("{path}: cannot read the file: {e}"))
    }

    /// One line per problem, the first hundred, then how many more: a file with a million
    /// mistakes is told in a screenful.
    fn print_problems(file: &str, problems: &[Problem], prefix: &str) {
        for p in problems.iter().take(LISTED_PROBLEMS) {
            eprintln!("{file}: {prefix}{p}");
        }
        if problems.len() > LISTED_PROBLEMS {
            eprintln!("{file}: {}", more_line(problems.len() - LISTED_PROBLEMS));
        }
    }

    fn load_config(path: &str) -> Result<Config, ExitCode> {
        let text = read(path).map_err(|e| {
            eprintln!("{e}");
            ExitCode::FAILURE
        })?;
        Config::from_json(&text).map_err(|problems: Problems| {
            print_problems(path, &problems.0, "");
            ExitCode::FAILURE
        })
    }

    fn check(path: &str, allow_unknown: bool) -> ExitCode {
        match load_config(path) {
            Ok(config) if config.warnings.is_empty() => {
                println!("ok");
                ExitCode::SUCCESS
            }
            Ok(config) if allow_unknown => {
                print_problems(path, &config.warnings, "warning: ");
                println!("ok");
                ExitCode::SUCCESS
            }
            Ok(config) => {
                print_problems(path, &config.warnings, "");
                eprintln!("{path}: the widget ignores unknown fields; fix them, or pass --allow-unknown if they are meant for something else");
                ExitCode::FAILURE
            }
            Err(code) => code,
        }
    }

    fn evaluate_command(args: &[String]) -> ExitCode {
        let (mut config_path, mut answers_path) = (None, None);
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let slot = match flag.as_str() {
                "--config" => &mut config_path,
                "--answers" => &mut answers_path,
                other => return usage_error(&format!("unknown option \"{other}\"")),
            };
            match it.next() {
                Some(v) => *slot = Some(v.clone()),
                None => return usage_error(&format!("{flag} needs a file")),
            }
        }
        let Some(answers_path) = answers_path else {
            return usage_error("evaluate needs --answers ANSWERS.json");
        };
        let config = match config_path {
            Some(p) => match load_config(&p) {
                Ok(c) => c,
                Err(code) => return code,
            },
            None => Config::shipped(),
        };
        let text = match read(&answers_path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        match Answers::from_json(&text, &config) {
            Ok(answers) => {
                println!("{}", evaluate(&config, &answers).to_json().to_pretty_string());
                ExitCode::SUCCESS
            }
            Err(problems) => {
                print_problems(&answers_path, &problems.0, "");
                ExitCode::FAILURE
            }
        }
    }
}
