//! Every word the widget shows or speaks, with its English default: a consultancy overrides any
//! of them in the config's `texts` object, and `{placeholders}` are filled in by the widget.

use std::collections::BTreeMap;

use super::problem::{join, Problem, Rule};

/// One text the widget uses.
#[derive(Debug, Clone, Copy)]
pub struct TextDef {
    /// The key a config uses to override it.
    pub key: &'static str,
    /// The English default.
    pub default: &'static str,
    /// The placeholders it may contain, without braces.
    pub placeholders: &'static [&'static str],
}

macro_rules! texts {
    ($( $key:literal => $default:literal $( [ $($ph:literal),* ] )? ),* $(,)?) => {
        /// Every text key with its English default and placeholders, in the order the widget shows them.
        pub const TEXTS: &[TextDef] = &[
            $( TextDef { key: $key, default: $default, placeholders: &[ $( $($ph),* )? ] } ),*
        ];
    };
}

texts! {
    "widget.title" => "Is an IT service contract right for you?",
    "widget.intro" => "Answer a few questions to see how well a contract with {company} fits your business, what it would cost, and how it compares with paying per job." ["company"],
    "widget.logo_alt" => "{company} logo" ["company"],

    "business.heading" => "About your business",
    "business.users.label" => "People who use computers",
    "business.users.help" => "Everyone who needs IT to do their job, including part-time staff.",
    "business.computers.label" => "Computers",
    "business.computers.help" => "Desktops and laptops used for work.",
    "business.servers.label" => "Servers",
    "business.servers.help" => "Machines that run shared files, email or business software. Enter 0 if you use only cloud services.",
    "business.existing.label" => "We already work with {company}" ["company"],
    "business.response.label" => "When something breaks, how fast must someone respond?",
    "business.response.none" => "No particular need",
    "business.response.option" => "Within {hours} hours" ["hours"],
    "business.response.option_one" => "Within 1 hour",
    "business.downtime.label" => "What does an hour of downtime cost you? (optional)",
    "business.downtime.help" => "We estimate {amount} an hour for your business. Leave it empty to use our estimate, or enter your own figure." ["amount"],

    "questions.heading" => "How you work",
    "questions.intro" => "There are no wrong answers: they tell us whether a contract would really suit you.",

    "error.required" => "Please enter a number.",
    "error.not_a_number" => "Please enter a number using digits, for example 12.",
    "error.not_whole" => "Please enter a whole number.",
    "error.at_least" => "Please enter {min} or more." ["min"],
    "error.at_most" => "Please enter {max} or less. For a larger business, please contact us directly." ["max"],
    "error.decimals" => "Please enter the amount with at most {decimals} decimals." ["decimals"],
    "error.whole_amount" => "Please enter a whole amount, without decimals.",
    "error.amount_at_most" => "Please enter {max} or less." ["max"],
    "error.kept" => "Showing the results for your last valid answers.",

    "results.heading" => "Your results",
    "fit.heading" => "How well a contract fits",
    "fit.score" => "Fit score {score} out of 100" ["score"],
    "fit.pending" => "Answer the questions under “How you work” to see how well a contract fits you.",
    "fit.partial" => "Based on {answered} of {total} questions." ["answered", "total"],
    "fit.for" => "What speaks for a contract",
    "fit.against" => "What speaks against it",

    "recommend.heading" => "Our recommendation",
    "recommend.plan" => "{plan} plan" ["plan"],
    "recommend.plan_detail" => "{price} a month, with a guaranteed response within {hours} hours." ["price", "hours"],
    "recommend.plan_detail_one" => "{price} a month, with a guaranteed response within 1 hour." ["price"],
    "recommend.meets_response" => "The most affordable plan that responds as fast as you need.",
    "recommend.fastest_available" => "No plan responds within the time you asked for; this is our fastest.",
    "recommend.cheapest" => "The most affordable plan for your business.",
    "recommend.payg" => "Pay per job, for now",
    "recommend.payg_detail" => "A contract wouldn’t serve you well yet. Call {company} when you need help: routine work costs {rate} an hour and urgent work {emergency_rate} an hour, with no monthly fee. Response times are not guaranteed; help typically arrives within {hours} hours." ["company", "rate", "emergency_rate", "hours"],
    "recommend.compare_link" => "Compare with paying per job",
    "recommend.pending" => "Answer the questions under “How you work” and we’ll recommend a plan, or tell you honestly if paying per job suits you better.",

    "plans.heading" => "Plans for your business",
    "plans.recommended" => "Recommended",
    "plans.per_month" => "per month",
    "plans.per_year" => "{amount} a year" ["amount"],
    "plans.response" => "Guaranteed response within {hours} hours" ["hours"],
    "plans.response_one" => "Guaranteed response within 1 hour",
    "plans.breakdown" => "How the price is made up",
    "plans.line_users" => "{count} people × {price}" ["count", "price"],
    "plans.line_computers" => "{count} computers × {price}" ["count", "price"],
    "plans.line_servers" => "{count} servers × {price}" ["count", "price"],
    "plans.line_minimum" => "Minimum monthly fee applies",
    "plans.line_list" => "Monthly price",
    "plans.line_discount" => "Existing-client discount ({percent})" ["percent"],
    "plans.features" => "Included",

    "compare.heading" => "Priority service compared",
    "compare.intro" => "What the next year could cost with a {plan} contract, and paying per job." ["plan"],
    "compare.choose" => "Compare with plan",
    "compare.row" => "Per year",
    "compare.contract" => "{plan} contract" ["plan"],
    "compare.payg" => "Pay as you go",
    "compare.labour" => "IT support",
    "compare.labour_contract" => "{amount} (upkeep and emergencies included)" ["amount"],
    "compare.emergency_hour" => "An urgent hour of work",
    "compare.included" => "Included",
    "compare.emergency_payg" => "{amount} ({rate} × {multiplier})" ["amount", "rate", "multiplier"],
    "compare.response" => "Response time",
    "compare.response_contract" => "Guaranteed within {hours} h" ["hours"],
    "compare.response_payg" => "Not guaranteed, typically {hours} h" ["hours"],
    "compare.downtime" => "Expected cost of downtime while waiting",
    "compare.total" => "Total",
    "compare.savings" => "With the contract you save about {amount} a year." ["amount"],
    "compare.costs_more" => "The contract costs about {amount} a year more than paying per job; what you buy is the guaranteed response and the upkeep." ["amount"],
    "compare.break_even" => "The contract pays for itself once you need more than {hours} hours of support a year; we expect about {expected} hours for your business." ["hours", "expected"],
    "compare.break_even_never" => "Pay-as-you-go work is free here, so the contract never pays for itself on labour alone.",

    "mix.heading" => "Where the work goes",
    "mix.summary" => "A business like yours needs about {hours} hours of IT work a year. About {maintenance} hours ({maintenance_share}) is routine upkeep: updates, antivirus, new laptops, email and phones. About {emergency} hours ({emergency_share}) is emergencies, roughly {incidents} a year." ["hours", "maintenance", "maintenance_share", "emergency", "emergency_share", "incidents"],
    "mix.maintenance" => "Routine upkeep",
    "mix.emergency" => "Emergencies",

    "chart.heading" => "Cost against support hours",
    "chart.description" => "Yearly cost of each plan and of paying per job, for 0 to {hours} hours of support a year. Where the pay-as-you-go line crosses a plan, that plan becomes the cheaper choice." ["hours"],
    "chart.x_axis" => "Support hours per year",
    "chart.y_axis" => "Cost per year",
    "chart.you" => "Your estimate",
    "chart.break_even" => "Break-even",
    "chart.table_toggle" => "Show the chart as a table",
    "chart.table_plan" => "Option",
    "chart.table_annual" => "Cost per year",
    "chart.table_break_even" => "Cheaper than paying per job above",
    "chart.table_hours" => "{hours} hours a year" ["hours"],
    "chart.table_payg" => "{rate} per hour on average" ["rate"],

    "explain.toggle" => "How is this calculated?",
    "explain.workload" => "Support hours: {users} people × {hpu} h + {computers} computers × {hpc} h + {servers} servers × {hps} h = {hours} hours a year, of which {share} are emergencies ({emergency} h)." ["users", "hpu", "computers", "hpc", "servers", "hps", "hours", "share", "emergency"],
    "explain.plan" => "Plan price: people, computers and servers times the plan’s prices, at least the plan’s monthly minimum, less any existing-client discount, times 12." ,
    "explain.payg" => "Paying per job: {maintenance} upkeep hours × {rate} + {emergency} urgent hours × {emergency_rate} = {labour} a year." ["maintenance", "rate", "emergency", "emergency_rate", "labour"],
    "explain.downtime" => "Downtime: about {incidents} emergencies a year, each stopping work while you wait for help, at {cost} an hour ({source})." ["incidents", "cost", "source"],
    "explain.downtime_estimated" => "our estimate: {users} people × {per_user} × {impact} of staff affected" ["users", "per_user", "impact"],
    "explain.downtime_given" => "your figure",
    "explain.fit" => "Fit score: your answers’ points, scaled from the lowest possible (0) to the highest possible (100).",
    "explain.note" => "This is an estimate to help you decide, not a quote. {company} will confirm the price after a short conversation." ["company"],

    "next.heading" => "Next step",
    "next.email" => "Email this estimate to {company}" ["company"],
    "next.copy" => "Copy summary",
    "next.print" => "Print or save as PDF",
    "next.share" => "Share link",
    "next.reset" => "Start over",
    "next.copied" => "Summary copied to the clipboard.",
    "next.copy_failed" => "Copying isn’t allowed here; select the summary below and copy it.",
    "next.link_copied" => "Link copied. Anyone who opens it sees these results.",
    "next.link_label" => "Link to these results",
    "next.reset_done" => "Your answers were cleared.",
    "next.call" => "Or call us: {phone}" ["phone"],

    "summary.subject" => "IT service contract estimate for {users} people" ["users"],
    "summary.intro" => "Hello {company}, here is the estimate I made on your website." ["company"],
    "summary.business" => "Business: {users} people, {computers} computers, {servers} servers." ["users", "computers", "servers"],
    "summary.existing" => "We already work with you.",
    "summary.response" => "Required response: {response}." ["response"],
    "summary.fit" => "Fit: {band} ({score}/100)." ["band", "score"],
    "summary.recommend_plan" => "Recommended: {plan}, {price} a month." ["plan", "price"],
    "summary.recommend_payg" => "Recommended: pay per job for now.",
    "summary.plan_line" => "- {plan}: {monthly} a month, {annual} a year, response within {hours} h" ["plan", "monthly", "annual", "hours"],
    "summary.payg_line" => "- Pay as you go: about {labour} a year, response not guaranteed" ["labour"],
    "summary.link" => "See it again: {link}" ["link"],

    "print.title" => "Estimate from {company}" ["company"],
    "print.date" => "Prepared on {date}" ["date"],

    "announce.result" => "Updated: {band}. {recommendation}" ["band", "recommendation"],
    "announce.prices" => "Updated: plans from {price} a month." ["price"],
}

/// The wording for one widget: the config's overrides over the English defaults.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Texts {
    overrides: BTreeMap<String, String>,
}

impl Texts {
    /// The texts for a config's `texts` object.
    pub fn new(overrides: &BTreeMap<String, String>) -> Texts {
        Texts { overrides: overrides.clone() }
    }

    /// The text for `key`; an unknown key shows itself, so a missing text is visible, not blank.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        if let Some(s) = self.overrides.get(key) {
            return s;
        }
        TEXTS.iter().find(|t| t.key == key).map_or(key, |t| t.default)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.get(key), values)
    }
}

/// Replaces each `{name}` in `template` with its value; unknown placeholders stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders a template uses, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        found.push(&after[..end]);
        rest = &after[end + 1..];
    }
    found
}

/// Every text key as a Markdown reference for site owners: key, English default, placeholders.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Text keys\n\nEvery text the calculator shows, by key, with its English default. Override any of them \
         in your config's `texts` object; a text may use only the placeholders listed for its key. \
         This page is generated by `contract-fit texts`.\n\n| Key | English default | Placeholders |\n|---|---|---|\n",
    );
    for t in TEXTS {
        let placeholders: Vec<String> = t.placeholders.iter().map(|p| format!("`{{{p}}}`")).collect();
        let default = t.default.replace('|', "\\|");
        out.push_str(&format!("| `{}` | {} | {} |\n", t.key, default, placeholders.join(", ")));
    }
    out
}

/// Problems with a config's text overrides: unknown keys and placeholders the key does not offer.
pub fn check(overrides: &BTreeMap<String, String>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (key, text) in overrides {
        let path = join("texts", key);
        let Some(def) = TEXTS.iter().find(|t| t.key == key) else {
            problems.push(Problem { path, rule: Rule::UnknownTextKey { key: key.clone() } });
            continue;
        };
        for name in placeholders(text) {
            if !def.placeholders.contains(&name) {
                problems.push(Problem {
                    path: path.clone(),
                    rule: Rule::UnknownPlaceholder { name: name.to_string(), allowed: def.placeholders.to_vec() },
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_defaults_use_only_their_placeholders() {
        let mut seen = std::collections::HashSet::new();
        for t in TEXTS {
            assert!(seen.insert(t.key), "duplicate key {}", t.key);
            for p in placeholders(t.default) {
                assert!(t.placeholders.contains(&p), "{} uses {{{p}}} it does not declare", t.key);
            }
        }
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_others() {
        assert_eq!(fill("Hi {name}, {x} {", &[("name", "Ann")]), "Hi Ann, {x} {");
        assert_eq!(fill("{a}{a}", &[("a", "1")]), "11");
    }

    #[test]
    fn overrides_win_and_unknown_keys_show_themselves() {
        let mut o = BTreeMap::new();
        o.insert("next.copy".to_string(), "Kopieren".to_string());
        let t = Texts::new(&o);
        assert_eq!(t.get("next.copy"), "Kopieren");
        assert_eq!(t.get("next.print"), "Print or save as PDF");
        assert_eq!(t.get("no.such.key"), "no.such.key");
    }

    #[test]
    fn check_reports_unknown_keys_and_placeholders() {
        let mut o = BTreeMap::new();
        o.insert("next.copyy".to_string(), "x".to_string());
        o.insert("next.email".to_string(), "Mail {firm}".to_string());
        o.insert("widget.intro".to_string(), "About {company}".to_string());
        let problems = check(&o);
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "texts.next.copyy: unknown text key \"next.copyy\"".to_string(),
                "texts.next.email: uses {firm}, which is not one of {company}".to_string(),
            ]
        );
    }
}
