//! The sentences the widget states, composed from the report and the consultancy's wording: the
//! progress or the verdict, the recommendation, the saving and the break-even on each basis, the
//! plain-text summary the email and the copy carry. The engine decides what is said; the widget
//! (through [`Format`], backed by `Intl`) only decides how numbers look.

use super::answers::{Answers, Field};
use super::config::{Company, Tax};
use super::estimate::PriceLineKind;
use super::fit::Basis;
use super::money::{Decimal, Money};
use super::problem::Rule;
use super::report::{PlanReport, Report};
use super::texts::{Key, Plural, Texts};

/// How numbers look to people: the widget implements it with `Intl`; [`PlainFormat`] is
/// English for the command line and tests.
pub trait Format {
    /// An amount with its minor units: `$1,234.50`.
    fn money(&self, m: Money) -> String;
    /// An approximate amount in whole units: `$24,300`.
    fn money_about(&self, m: Money) -> String;
    /// A short amount for chart axes, in major units: `$12K`.
    fn money_compact(&self, major: f64) -> String;
    /// A whole count: `1,234`.
    fn count(&self, n: u64) -> String;
    /// Hours and similar figures, with at most one decimal: `148.8`.
    fn decimal(&self, d: Decimal) -> String;
    /// A share as a percentage: `15%`.
    fn percent(&self, share: Decimal) -> String;
    /// The plural category of a number in the locale.
    fn plural(&self, n: Decimal) -> Plural;
}

/// English formatting without a browser: `$` amounts with grouping, for the command line and
/// native tests.
#[derive(Debug, Clone, Copy)]
pub struct PlainFormat {
    /// The currency's decimals.
    pub minor_units: u8,
}

fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl PlainFormat {
    fn grouped(&self, plain: &str) -> String {
        let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |r| ("-", r));
        let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
        if frac.is_empty() {
            format!("{sign}{}", group(int))
        } else {
            format!("{sign}{}.{frac}", group(int))
        }
    }
}

impl Format for PlainFormat {
    fn money(&self, m: Money) -> String {
        let plain = m.to_major_text(self.minor_units);
        let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
        let digits = usize::from(self.minor_units);
        let frac = format!("{frac:0<digits$}");
        let (sign, int) = int.strip_prefix('-').map_or(("", int), |r| ("-", r));
        if digits == 0 {
            format!("{sign}${}", group(int))
        } else {
            format!("{sign}${}.{frac}", group(int))
        }
    }
    fn money_about(&self, m: Money) -> String {
        let unit = 10i128.pow(u32::from(self.minor_units));
        let whole = Money::from_minor(super::money::div_round(m.minor(), unit) * unit);
        let text = PlainFormat { minor_units: self.minor_units }.money(whole);
        text.split_once('.').map_or(text.clone(), |(i, _)| i.to_string())
    }
    fn money_compact(&self, major: f64) -> String {
        if major >= 1_000_000.0 {
            format!("${}M", (major / 100_000.0).round() / 10.0)
        } else if major >= 1_000.0 {
            format!("${}K", (major / 100.0).round() / 10.0)
        } else {
            format!("${}", major.round())
        }
    }
    fn count(&self, n: u64) -> String {
        group(&n.to_string())
    }
    fn decimal(&self, d: Decimal) -> String {
        self.grouped(&d.round_to(1).to_plain())
    }
    fn percent(&self, share: Decimal) -> String {
        format!("{}%", Decimal::from_micros(share.micros().saturating_mul(100)).round_to(1).to_plain())
    }
    fn plural(&self, n: Decimal) -> Plural {
        Plural::english(n.micros())
    }
}

/// The money sentences for one plan against paying per job, each with its basis.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyStory {
    /// Support work alone: cheaper, dearer or about the same.
    pub labour: String,
    /// Support work alone: the hours above which the plan pays for itself.
    pub labour_break_even: String,
    /// Counting downtime: the saving, or what the plan costs more.
    pub total: String,
    /// Counting downtime: the hours above which the plan pays for itself.
    pub total_break_even: String,
}

/// How a saving compares, once amounts are rounded to whole units as they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compared {
    /// The plan costs less by about this much.
    Cheaper(Money),
    /// The plan costs more by about this much.
    Dearer(Money),
    /// Within one whole unit of currency.
    Same,
}

/// How `savings` (pay-per-job minus plan) compares, in whole units of a currency with
/// `minor_units` decimals.
pub fn compared(savings: Money, minor_units: u8) -> Compared {
    let unit = 10i128.pow(u32::from(minor_units));
    if savings.minor().abs() < unit {
        Compared::Same
    } else if savings > Money::ZERO {
        Compared::Cheaper(savings)
    } else {
        Compared::Dearer(-savings)
    }
}

/// Composes the widget's sentences for one config's wording and one locale's formatting.
pub struct Story<'a> {
    /// The wording.
    pub texts: &'a Texts,
    /// The formatting.
    pub fmt: &'a dyn Format,
    /// The consultancy.
    pub company: &'a Company,
    /// How prices relate to a sales tax, when the config says.
    pub tax: Option<&'a Tax>,
}

impl Story<'_> {
    /// A text by key.
    pub fn t(&self, key: Key) -> &str {
        self.texts.get(key)
    }

    /// A text by key with its placeholders filled.
    pub fn tf(&self, key: Key, values: &[(&str, &str)]) -> String {
        self.texts.fill(key, values)
    }

    /// A text in the plural form `n` needs, with its placeholders filled: by the locale's rules
    /// for the consultancy's own texts, by English rules for the built-in English.
    pub fn tn(&self, key: Key, n: Decimal, values: &[(&str, &str)]) -> String {
        // The built-in wording is English, so its forms follow English rules in any locale:
        // Japanese has only `other`, which would give "1 servers".
        let form = if self.texts.is_overridden(key) { self.fmt.plural(n) } else { Plural::english(n.micros()) };
        self.texts.fill_plural(key, form, values)
    }

    /// A counted phrase: "1 person", "12 people".
    pub fn counted(&self, key: Key, n: u32) -> String {
        self.tn(key, Decimal::from_int(i64::from(n)), &[("count", &self.fmt.count(u64::from(n)))])
    }

    /// A price as quoted: with "+ VAT" or "incl. VAT" where the config names a tax.
    pub fn price(&self, m: Money) -> String {
        let amount = self.fmt.money(m);
        match self.tax {
            Some(tax) => self.tf(if tax.included { Key::TaxIncluded } else { Key::TaxExcluded }, &[("price", &amount), ("tax", &tax.label)]),
            None => amount,
        }
    }

    /// "All prices exclude VAT.", where the config names a tax.
    pub fn tax_note(&self) -> Option<String> {
        self.tax.map(|tax| self.tf(if tax.included { Key::TaxNoteIncluded } else { Key::TaxNoteExcluded }, &[("tax", &tax.label)]))
    }

    /// "12 people".
    pub fn people(&self, n: u32) -> String {
        self.counted(Key::CountPeople, n)
    }

    /// "4 hours", "1 hour".
    pub fn hours_phrase(&self, h: Decimal) -> String {
        self.tn(Key::CountHours, h, &[("count", &self.fmt.decimal(h))])
    }

    /// "10 people, 10 computers and 1 server".
    pub fn business(&self, a: &Answers) -> String {
        let parts = [
            self.counted(Key::CountPeople, a.users),
            self.counted(Key::CountComputers, a.computers),
            self.counted(Key::CountServers, a.servers),
        ];
        self.tf(Key::ListAnd, &[("first", &parts[..2].join(", ")), ("last", &parts[2])])
    }

    /// "Within 4 hours": a response time to choose.
    pub fn response_option(&self, h: Decimal) -> String {
        self.tn(Key::ResponseOption, h, &[("hours", &self.fmt.decimal(h))])
    }

    /// "Guaranteed response within 4 hours".
    pub fn plan_response(&self, h: Decimal) -> String {
        self.tn(Key::PlansResponse, h, &[("hours", &self.fmt.decimal(h))])
    }

    /// "3 of 6 answered — 3 more to see whether a contract suits you."
    pub fn progress(&self, r: &Report) -> String {
        let remaining = r.answers_needed();
        self.tn(Key::FitProgress, Decimal::from_int(remaining as i64), &[
            ("answered", &self.fmt.count(r.answered_questions as u64)),
            ("total", &self.fmt.count(r.total_questions as u64)),
            ("remaining", &self.fmt.count(remaining as u64)),
        ])
    }

    /// "Based on 4 of 6 questions." once there is a verdict on fewer than every question.
    pub fn partial(&self, r: &Report) -> Option<String> {
        (r.verdict_ready && r.answered_questions < r.total_questions).then(|| {
            self.tf(Key::FitPartial, &[
                ("answered", &self.fmt.count(r.answered_questions as u64)),
                ("total", &self.fmt.count(r.total_questions as u64)),
            ])
        })
    }

    /// "Fit score 94 out of 100", only with a verdict.
    pub fn score(&self, r: &Report) -> Option<String> {
        r.verdict().map(|_| self.tf(Key::FitScore, &[("score", &r.score.to_string())]))
    }

    /// The recommended plan's price and response: "$2,700.00 a month, with a guaranteed response
    /// within 4 hours."
    pub fn plan_detail(&self, p: &PlanReport) -> String {
        self.tn(Key::RecommendPlanDetail, p.response_hours, &[
            ("price", &self.price(p.price.monthly)),
            ("hours", &self.fmt.decimal(p.response_hours)),
        ])
    }

    /// Why this plan: the rule that decided.
    pub fn recommendation_basis(&self, r: &Report) -> &str {
        self.t(match r.recommendation.basis {
            Basis::MeetsResponse => Key::RecommendMeetsResponse,
            Basis::FastestAvailable => Key::RecommendFastestAvailable,
            _ => Key::RecommendCheapest,
        })
    }

    /// Paying per job, said plainly, with its rates.
    pub fn payg_detail(&self, r: &Report) -> String {
        self.tf(Key::RecommendPaygDetail, &[
            ("company", &self.company.name),
            ("rate", &self.fmt.money(r.payg.hourly_rate)),
            ("emergency_rate", &self.fmt.money(r.payg.emergency_rate)),
            ("hours", &self.fmt.decimal(r.payg.response_hours)),
        ])
    }

    /// The recommendation in one sentence: a plan, a plan "if a contract suits us" before there
    /// is a verdict, or paying per job.
    pub fn recommendation_sentence(&self, r: &Report) -> String {
        match r.recommended_plan() {
            Some(p) => {
                let key = if r.verdict_ready || r.total_questions == 0 {
                    Key::SummaryRecommendPlan
                } else {
                    Key::SummaryRecommendConditional
                };
                self.tf(key, &[("plan", &p.name), ("price", &self.price(p.price.monthly))])
            }
            None => self.t(Key::SummaryRecommendPayg).to_string(),
        }
    }

    /// What a screen reader hears after a change: the verdict once there is one, before that the
    /// progress and the price if a contract suits; with no questions, the starting price.
    pub fn announcement(&self, r: &Report) -> String {
        if let Some(band) = r.verdict() {
            let recommendation = self.recommendation_sentence(r);
            self.tf(Key::AnnounceResult, &[("band", &band.label), ("recommendation", &recommendation)])
        } else if r.total_questions > 0 {
            // Spoken on the page, so addressed to the prospect ("suits you"); the summary's
            // conditional sentence is written in the prospect's own voice ("suits us").
            let recommendation = match r.recommended_plan() {
                Some(p) => self.tf(Key::AnnounceIfSuits, &[("plan", &p.name), ("price", &self.price(p.price.monthly))]),
                None => self.recommendation_sentence(r),
            };
            self.tf(Key::AnnounceProgress, &[("progress", &self.progress(r)), ("recommendation", &recommendation)])
        } else {
            let cheapest = r.plans.iter().map(|p| p.price.monthly).min().unwrap_or_default();
            self.tf(Key::AnnouncePrices, &[("price", &self.fmt.money(cheapest))])
        }
    }

    /// The lines of a plan's price breakdown, each a label and an amount (a discount negative).
    pub fn plan_lines(&self, r: &Report, p: &PlanReport) -> Vec<(String, String, &'static str)> {
        let mut lines: Vec<(String, String, &'static str)> = p
            .price
            .lines
            .iter()
            .map(|l| {
                let key = match l.kind {
                    PriceLineKind::Users => Key::PlansLineUsers,
                    PriceLineKind::Computers => Key::PlansLineComputers,
                    PriceLineKind::Servers => Key::PlansLineServers,
                };
                let label = self.tn(key, Decimal::from_int(i64::from(l.count)), &[
                    ("count", &self.fmt.count(u64::from(l.count))),
                    ("price", &self.fmt.money(l.unit_price)),
                ]);
                (label, self.fmt.money(l.amount), "part")
            })
            .collect();
        if p.price.minimum_applied {
            lines.push((self.t(Key::PlansLineMinimum).to_string(), self.fmt.money(p.price.monthly_list), "minimum"));
        }
        if p.price.discount > Money::ZERO {
            // The minimum's line already shows the price before the discount.
            if !p.price.minimum_applied {
                lines.push((self.t(Key::PlansLineList).to_string(), self.fmt.money(p.price.monthly_list), "list"));
            }
            lines.push((
                self.tf(Key::PlansLineDiscount, &[("percent", &self.fmt.percent(r.existing_client_discount))]),
                format!("−{}", self.fmt.money(p.price.discount)),
                "discount",
            ));
            lines.push((self.t(Key::PlansLineTotal).to_string(), self.fmt.money(p.price.monthly), "total"));
        }
        lines
    }

    /// The saving and the break-even for `p`, on support work alone and counting downtime.
    ///
    /// Each sentence names its basis, and the two never contradict: "costs more on support work
    /// alone" goes with "pays for itself above N hours; we expect M" where M < N.
    pub fn money_story(&self, r: &Report, p: &PlanReport) -> MoneyStory {
        let mu = r.minor_units;
        let response = self.hours_phrase(p.response_hours);
        let expected = self.fmt.decimal(r.workload.hours);
        let labour = match compared(p.labour_savings_vs_payg, mu) {
            Compared::Cheaper(m) => self.tf(Key::CompareLabourCheaper, &[("plan", &p.name), ("amount", &self.fmt.money_about(m))]),
            Compared::Dearer(m) => self.tf(Key::CompareLabourDearer, &[("plan", &p.name), ("amount", &self.fmt.money_about(m))]),
            Compared::Same => self.tf(Key::CompareLabourSame, &[("plan", &p.name)]),
        };
        // A guarantee no faster than paying per job's usual wait avoids no downtime: saying it
        // does would contradict the downtime row above the sentence.
        let no_sooner = p.response_hours >= r.payg.response_hours;
        let payg_response = self.hours_phrase(r.payg.response_hours);
        let total = match compared(p.savings_vs_payg, mu) {
            Compared::Cheaper(m) if no_sooner => self.tf(Key::CompareTotalSavesNoSooner, &[
                ("plan", &p.name),
                ("amount", &self.fmt.money_about(m)),
                ("response", &response),
                ("payg_response", &payg_response),
            ]),
            Compared::Dearer(m) if no_sooner => self.tf(Key::CompareTotalCostsNoSooner, &[
                ("plan", &p.name),
                ("amount", &self.fmt.money_about(m)),
                ("response", &response),
                ("payg_response", &payg_response),
            ]),
            Compared::Same if no_sooner => {
                self.tf(Key::CompareTotalSameNoSooner, &[("plan", &p.name), ("response", &response), ("payg_response", &payg_response)])
            }
            Compared::Cheaper(m) => self.tf(Key::CompareTotalSaves, &[
                ("plan", &p.name),
                ("amount", &self.fmt.money_about(m)),
                ("response", &response),
            ]),
            Compared::Dearer(m) => self.tf(Key::CompareTotalCosts, &[
                ("plan", &p.name),
                ("amount", &self.fmt.money_about(m)),
                ("response", &response),
            ]),
            Compared::Same => self.tf(Key::CompareTotalSame, &[("plan", &p.name), ("response", &response)]),
        };
        let labour_break_even = match p.break_even_hours {
            Some(h) => self.tf(Key::CompareBreakEven, &[("hours", &self.fmt.decimal(h)), ("expected", &expected), ("plan", &p.name)]),
            None => self.tf(Key::CompareBreakEvenNever, &[("plan", &p.name)]),
        };
        let total_break_even = match p.break_even_hours_with_downtime {
            Some(h) => self.tf(Key::CompareBreakEvenTotal, &[("hours", &self.fmt.decimal(h)), ("expected", &expected), ("plan", &p.name)]),
            None => self.tf(Key::CompareBreakEvenTotalNever, &[("plan", &p.name)]),
        };
        MoneyStory { labour, labour_break_even, total, total_break_even }
    }

    /// "12 people × $50.00 an hour × 25% of staff stopped by a typical emergency".
    pub fn downtime_basis(&self, r: &Report) -> String {
        let e = &r.downtime_estimate;
        self.tf(Key::DowntimeBasis, &[
            ("people", &self.people(e.users)),
            ("users", &self.fmt.count(u64::from(e.users))),
            ("per_person", &self.fmt.money(e.cost_per_user_hour)),
            ("impact", &self.fmt.percent(e.impact)),
        ])
    }

    /// The help under the downtime field: our estimate and how it is made.
    pub fn downtime_help(&self, r: &Report) -> String {
        self.tf(Key::DowntimeHelp, &[
            ("amount", &self.fmt.money(r.downtime_estimate.cost_per_hour)),
            ("basis", &self.downtime_basis(r)),
        ])
    }

    /// "Showing the results for 10 people, … — fix the highlighted field."
    pub fn kept_notice(&self, shown: &Answers) -> String {
        self.tf(Key::ErrorKept, &[("business", &self.business(shown))])
    }

    /// The message for a form field's problem, naming the range where there is one.
    /// `example` is how a number looks in the locale (`1,234.50`).
    pub fn field_message(&self, field: Field, rule: &Rule, minor_units: u8, example: &str) -> String {
        let count_range = || {
            let (lo, hi) = field.count_range();
            self.tf(Key::ErrorRange, &[("min", &self.fmt.count(u64::from(lo))), ("max", &self.fmt.count(u64::from(hi)))])
        };
        match (field, rule) {
            (_, Rule::Required) => self.t(Key::ErrorRequired).to_string(),
            (Field::DowntimeCost, Rule::AtMost { max, .. }) => {
                self.tf(Key::ErrorAmountAtMost, &[("max", &self.fmt.decimal(*max))])
            }
            (Field::DowntimeCost, Rule::AtLeast { min, .. }) => self.tf(Key::ErrorAtLeast, &[("min", &self.fmt.decimal(*min))]),
            (Field::DowntimeCost, Rule::TooManyDecimals { .. }) if minor_units == 0 => self.t(Key::ErrorWholeAmount).to_string(),
            (Field::DowntimeCost, Rule::TooManyDecimals { allowed, .. }) => {
                self.tf(Key::ErrorDecimals, &[("decimals", &allowed.to_string())])
            }
            (Field::DowntimeCost, _) => self.tf(Key::ErrorNumberFormat, &[("example", example)]),
            (_, Rule::AtLeast { .. } | Rule::AtMost { .. } | Rule::Above { .. }) => count_range(),
            // Letters, decimals, exponents: say what the field takes, range included.
            _ => {
                let (lo, hi) = field.count_range();
                self.tf(Key::ErrorCount, &[("min", &self.fmt.count(u64::from(lo))), ("max", &self.fmt.count(u64::from(hi)))])
            }
        }
    }

    /// The phone's compact summary: progress or the verdict, and the recommended monthly price
    /// (conditional before a verdict) or paying per job.
    pub fn bar(&self, r: &Report) -> (String, String) {
        let status = match r.verdict() {
            Some(band) => band.label.to_string(),
            None if r.total_questions > 0 => self.tf(Key::BarProgress, &[
                ("answered", &self.fmt.count(r.answered_questions as u64)),
                ("total", &self.fmt.count(r.total_questions as u64)),
            ]),
            None => String::new(),
        };
        let price = match r.recommended_plan() {
            Some(p) => {
                let key = if r.verdict_ready || r.total_questions == 0 { Key::BarPrice } else { Key::BarPriceConditional };
                self.tf(key, &[("plan", &p.name), ("price", &self.price(p.price.monthly))])
            }
            None => self.t(Key::RecommendPayg).to_string(),
        };
        (status, price)
    }

    /// A plain-text summary of the estimate, for email, the clipboard and a sent lead.
    ///
    /// It states a verdict only when there is one; before that it says how far the prospect got.
    pub fn summary(&self, r: &Report, a: &Answers, link: &str) -> String {
        let fmt = self.fmt;
        let mut lines = vec![
            self.tf(Key::SummaryIntro, &[("company", &self.company.name)]),
            String::new(),
            self.tf(Key::SummaryBusiness, &[
                ("business", &self.business(a)),
                ("users", &fmt.count(u64::from(a.users))),
                ("computers", &fmt.count(u64::from(a.computers))),
                ("servers", &fmt.count(u64::from(a.servers))),
            ]),
        ];
        if a.existing_client {
            lines.push(self.t(Key::SummaryExisting).to_string());
        }
        let response = match a.required_response_hours {
            Some(h) => self.response_option(h),
            None => self.t(Key::ResponseNone).to_string(),
        };
        lines.push(self.tf(Key::SummaryResponse, &[("response", &response)]));
        if let Some(band) = r.verdict() {
            lines.push(self.tf(Key::SummaryFit, &[("band", &band.label), ("score", &r.score.to_string())]));
        } else if r.total_questions > 0 {
            lines.push(self.tf(Key::SummaryFitPending, &[
                ("answered", &fmt.count(r.answered_questions as u64)),
                ("total", &fmt.count(r.total_questions as u64)),
            ]));
        }
        lines.push(self.recommendation_sentence(r));
        if let Some(p) = r.recommended_plan() {
            let story = self.money_story(r, p);
            lines.push(story.labour);
            lines.push(story.total);
        }
        lines.push(String::new());
        for p in &r.plans {
            lines.push(self.tf(Key::SummaryPlanLine, &[
                ("plan", &p.name),
                ("monthly", &self.price(p.price.monthly)),
                ("annual", &self.price(p.price.annual)),
                ("hours", &fmt.decimal(p.response_hours)),
            ]));
        }
        lines.push(self.tf(Key::SummaryPaygLine, &[("labour", &fmt.money_about(r.payg.labour))]));
        if !link.is_empty() {
            lines.push(String::new());
            lines.push(self.tf(Key::SummaryLink, &[("link", link)]));
        }
        lines.join("\n")
    }

    /// The email subject: "IT service contract estimate for 12 people".
    pub fn subject(&self, a: &Answers) -> String {
        self.tf(Key::SummarySubject, &[("people", &self.people(a.users)), ("users", &self.fmt.count(u64::from(a.users)))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, Config};

    fn story_for(config: &Config, f: impl FnOnce(&Story)) {
        let fmt = PlainFormat { minor_units: config.minor_units };
        f(&Story { texts: &config.texts, fmt: &fmt, company: &config.company, tax: config.tax.as_ref() });
    }

    fn worked(choices: &[(&str, usize)]) -> (Config, Answers, Report) {
        let config = Config::shipped();
        let answers = Answers {
            users: 20,
            computers: 22,
            servers: 2,
            required_response_hours: Some(Decimal::from_int(4)),
            choices: choices.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..Answers::default()
        };
        let report = evaluate(&config, &answers);
        (config, answers, report)
    }

    const ALL: &[(&str, usize)] = &[("payment", 0), ("partner", 0), ("trust", 1), ("urgency", 0), ("upkeep", 0), ("today", 0)];

    #[test]
    fn plain_format_writes_english_amounts() {
        let f = PlainFormat { minor_units: 2 };
        assert_eq!(f.money(Money::from_minor(123_450)), "$1,234.50");
        assert_eq!(f.money(Money::from_minor(-5)), "-$0.05");
        assert_eq!(f.money_about(Money::from_minor(2_430_049)), "$24,300");
        assert_eq!(f.decimal(Decimal::from_micros(148_840_000)), "148.8");
        assert_eq!(f.percent(Decimal::from_micros(250_000)), "25%");
        assert_eq!(PlainFormat { minor_units: 0 }.money(Money::from_minor(1899)), "$1,899");
    }

    #[test]
    fn the_worked_example_tells_one_story_about_money() {
        let (config, _, report) = worked(ALL);
        story_for(&config, |s| {
            let priority = report.plan("priority").unwrap();
            let m = s.money_story(&report, priority);
            assert_eq!(m.labour, "On support work alone, the Priority plan costs about $2,085 a year more than paying per job.");
            assert_eq!(m.labour_break_even, "On support work alone, the contract pays for itself once you need more than 200.9 hours of support a year; we expect about 188 hours for your business.");
            assert_eq!(m.total, "Counting the downtime a response guaranteed within 4 hours avoids, you save about $68,415 a year.");
            assert_eq!(m.total_break_even, "Counting downtime, it pays for itself above 60.4 hours of support a year.");
        });
    }

    #[test]
    fn before_the_verdict_nothing_states_one() {
        let (config, answers, report) = worked(&[("payment", 0)]);
        assert!(!report.verdict_ready);
        story_for(&config, |s| {
            assert_eq!(s.progress(&report), "1 of 6 answered — 5 more to see whether a contract suits you.");
            assert_eq!(s.score(&report), None);
            let summary = s.summary(&report, &answers, "");
            assert!(summary.contains("Fit: not decided yet (1 of 6 questions answered)."), "{summary}");
            assert!(summary.contains("If a contract suits us: Priority, $2,700.00 a month."), "{summary}");
            assert!(!summary.contains("/100"), "{summary}");
            let said = s.announcement(&report);
            assert!(said.starts_with("Updated: 1 of 6 answered"), "{said}");
        });
        let (config, answers, report) = worked(ALL);
        story_for(&config, |s| {
            assert_eq!(s.score(&report).as_deref(), Some("Fit score 94 out of 100"));
            let summary = s.summary(&report, &answers, "https://x.example/#a");
            assert!(summary.contains("Fit: Strong fit (94/100)."), "{summary}");
            assert!(summary.contains("Recommended: Priority, $2,700.00 a month."), "{summary}");
            assert!(summary.ends_with("See it again: https://x.example/#a"), "{summary}");
        });
    }

    #[test]
    fn counts_read_in_the_singular_where_there_is_one() {
        let config = Config::shipped();
        let a = Answers { users: 1, computers: 1, servers: 1, ..Answers::default() };
        let report = evaluate(&config, &a);
        story_for(&config, |s| {
            assert_eq!(s.business(&a), "1 person, 1 computer and 1 server");
            assert_eq!(s.response_option(Decimal::ONE), "Within 1 hour");
            assert_eq!(s.plan_response(Decimal::from_int(8)), "Guaranteed response within 8 hours");
            let lines = s.plan_lines(&report, &report.plans[0]);
            assert_eq!(lines[0].0, "1 person × $85.00");
            assert_eq!(s.subject(&a), "IT service contract estimate for 1 person");
        });
    }

    #[test]
    fn a_discounted_minimum_fee_shows_its_amount_once() {
        let config = Config::shipped();
        let a = Answers { users: 1, computers: 1, servers: 0, existing_client: true, ..Answers::default() };
        let report = evaluate(&config, &a);
        story_for(&config, |s| {
            let lines = s.plan_lines(&report, &report.plans[0]);
            let kinds: Vec<&str> = lines.iter().map(|l| l.2).collect();
            assert_eq!(kinds, ["part", "minimum", "discount", "total"], "{lines:?}");
            assert_eq!(lines[1], ("Minimum monthly fee applies".to_string(), "$600.00".to_string(), "minimum"));
            assert_eq!(lines[3], ("Your monthly price".to_string(), "$570.00".to_string(), "total"));
        });
    }

    #[test]
    fn no_line_for_zero_of_anything() {
        let config = Config::shipped();
        let a = Answers { users: 3, computers: 3, servers: 0, ..Answers::default() };
        let report = evaluate(&config, &a);
        story_for(&config, |s| {
            for p in &report.plans {
                let lines = s.plan_lines(&report, p);
                assert!(lines.iter().all(|(label, _, _)| !label.starts_with("0 ")), "{lines:?}");
            }
        });
    }

    #[test]
    fn quoted_prices_say_how_tax_is_counted() {
        let config = Config::from_json(r#"{"tax": {"label": "VAT"}}"#).unwrap();
        let report = evaluate(&config, &Answers::default());
        story_for(&config, |s| {
            assert_eq!(s.price(Money::from_minor(100_000)), "$1,000.00 + VAT");
            assert_eq!(s.tax_note().as_deref(), Some("All prices exclude VAT."));
            assert!(s.plan_detail(&report.plans[0]).starts_with("$1,000.00 + VAT a month"));
        });
        let config = Config::from_json(r#"{"tax": {"label": "GST", "included": true}}"#).unwrap();
        story_for(&config, |s| assert_eq!(s.price(Money::from_minor(100)), "$1.00 incl. GST"));
    }

    #[test]
    fn field_messages_name_the_range() {
        let config = Config::shipped();
        story_for(&config, |s| {
            let rule = Rule::AtMost { max: Decimal::from_int(10_000), got: "100000".into() };
            assert_eq!(s.field_message(Field::Users, &rule, 2, "1,234.50"), "Please enter a number from 1 to 10,000.");
            let rule = Rule::NotANumber { text: "1,5".into() };
            assert_eq!(s.field_message(Field::DowntimeCost, &rule, 2, "1,234.50"), "Please write the number like 1,234.50.");
        });
    }
}
