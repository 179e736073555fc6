//! Every word the widget shows or speaks, with its English default: a consultancy overrides any
//! of them in the config's `texts` object, and `{placeholders}` are filled in by the widget.
//!
//! Keys are a Rust enum ([`Key`]), so a misspelt key is a compile error, not a rendered key.
//! Texts that count something have plural forms (`one`, `other`, and `zero`, `two`, `few`,
//! `many` where a language has them); the widget picks the form with `Intl.PluralRules`.

use super::json::Value;
use super::problem::{closest, join, Problem, Rule};
use super::read::{type_name, Reader};

/// A plural category, as `Intl.PluralRules` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// `zero` (Arabic, Latvian, …).
    Zero,
    /// `one`: "1 person".
    One,
    /// `two` (Arabic, Welsh, …).
    Two,
    /// `few` (Polish 2–4, Czech, …).
    Few,
    /// `many` (Polish 5+, Arabic, …).
    Many,
    /// `other`: every other number, and the form used when no other fits.
    Other,
}

impl Plural {
    /// Every category, in the order `Intl` lists them.
    pub const ALL: [Plural; 6] = [Plural::Zero, Plural::One, Plural::Two, Plural::Few, Plural::Many, Plural::Other];

    /// The category's name (`one`).
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    /// The category with this name; `Other` for anything unknown.
    pub fn from_name(name: &str) -> Plural {
        Plural::ALL.into_iter().find(|p| p.name() == name).unwrap_or(Plural::Other)
    }

    /// English rules, for the command line and native tests: `one` for exactly 1.
    pub fn english(n_micros: i128) -> Plural {
        if n_micros == 1_000_000 {
            Plural::One
        } else {
            Plural::Other
        }
    }
}

/// One text the widget uses.
#[derive(Debug, Clone, Copy)]
pub struct TextDef {
    /// The key a config uses to override it.
    pub key: &'static str,
    /// The English default (the `other` form of a text with plural forms).
    pub default: &'static str,
    /// The English `one` form, for a text that counts something.
    pub one: Option<&'static str>,
    /// The placeholders it may contain, without braces.
    pub placeholders: &'static [&'static str],
}

impl TextDef {
    /// Whether the text has plural forms.
    pub fn is_plural(&self) -> bool {
        self.one.is_some()
    }
}

macro_rules! texts {
    (@one) => { None };
    (@one $one:literal) => { Some($one) };
    ($( $name:ident $key:literal => $default:literal $(, one $one:literal)? $([ $($ph:literal),* ])? ;)*) => {
        /// A text key. Each variant is one entry of [`TEXTS`], in the same order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Key { $($name),* }

        /// Every text key with its English default and placeholders, in the order the widget
        /// shows them.
        pub const TEXTS: &[TextDef] = &[
            $( TextDef { key: $key, default: $default, one: texts!(@one $($one)?), placeholders: &[ $( $($ph),* )? ] } ),*
        ];
    };
}

texts! {
    WidgetTitle "widget.title" => "Is an IT service contract right for you?";
    WidgetIntro "widget.intro" => "Answer a few questions to see how well a contract with {company} fits your business, what it would cost, and how it compares with paying per job." ["company"];
    WidgetLogoAlt "widget.logo_alt" => "{company} logo" ["company"];

    CountPeople "count.people" => "{count} people", one "{count} person" ["count"];
    CountComputers "count.computers" => "{count} computers", one "{count} computer" ["count"];
    CountServers "count.servers" => "{count} servers", one "{count} server" ["count"];
    CountHours "count.hours" => "{count} hours", one "{count} hour" ["count"];
    ListAnd "list.and" => "{first} and {last}" ["first", "last"];

    BusinessHeading "business.heading" => "About your business";
    UsersLabel "business.users.label" => "People who use computers";
    UsersHelp "business.users.help" => "Everyone who needs IT to do their job, including part-time staff.";
    ComputersLabel "business.computers.label" => "Computers";
    ComputersHelp "business.computers.help" => "Desktops and laptops used for work.";
    ServersLabel "business.servers.label" => "Servers";
    ServersHelp "business.servers.help" => "Machines that run shared files, email or business software. Enter 0 if you use only cloud services.";
    ExistingLabel "business.existing.label" => "We already work with {company}" ["company"];
    ResponseLabel "business.response.label" => "When something breaks, how fast must someone respond?";
    ResponseNone "business.response.none" => "No particular need";
    ResponseOption "business.response.option" => "Within {hours} hours", one "Within {hours} hour" ["hours"];
    DowntimeLabel "business.downtime.label" => "What does an hour of downtime cost you? (optional)";
    DowntimeHelp "business.downtime.help" => "We estimate {amount} an hour: {basis}. Leave it empty to use our estimate, or enter your own figure." ["amount", "basis"];
    DowntimeBasis "business.downtime.basis" => "{people} × {per_person} an hour × {impact} of staff stopped by a typical emergency" ["people", "per_person", "impact", "users"];

    QuestionsHeading "questions.heading" => "How you work";
    QuestionsIntro "questions.intro" => "There are no wrong answers: they tell us whether a contract would really suit you.";

    ErrorRequired "error.required" => "Please enter a number.";
    ErrorAtLeast "error.at_least" => "Please enter {min} or more." ["min"];
    ErrorAtMost "error.at_most" => "Please enter {max} or less. For a larger business, please contact us directly." ["max"];
    ErrorRange "error.range" => "Please enter a number from {min} to {max}." ["min", "max"];
    ErrorCount "error.count" => "Please enter a whole number from {min} to {max}, using digits." ["min", "max"];
    ErrorDecimals "error.decimals" => "Please enter the amount with at most {decimals} decimals." ["decimals"];
    ErrorWholeAmount "error.whole_amount" => "Please enter a whole amount, without decimals.";
    ErrorAmountAtMost "error.amount_at_most" => "Please enter {max} or less." ["max"];
    ErrorNumberFormat "error.number_format" => "Please write the number like {example}." ["example"];
    ErrorKept "error.kept" => "Showing the results for {business} — fix the highlighted field." ["business"];

    ResultsHeading "results.heading" => "Your results";
    RestoreResponse "restore.response" => "Your saved answers asked for a response within {hours} hours, which none of our plans offers; please choose again." ["hours"];
    RestoreChoices "restore.choices" => "Some saved answers no longer match our questions and were left out; please check “How you work”.";
    FitHeading "fit.heading" => "How well a contract fits";
    FitScore "fit.score" => "Fit score {score} out of 100" ["score"];
    FitPending "fit.pending" => "Answer the questions under “How you work” to see how well a contract fits you.";
    FitProgress "fit.progress" => "{answered} of {total} answered — {remaining} more to see whether a contract suits you.", one "{answered} of {total} answered — 1 more to see whether a contract suits you." ["answered", "total", "remaining"];
    FitPartial "fit.partial" => "Based on {answered} of {total} questions." ["answered", "total"];
    FitFor "fit.for" => "What speaks for a contract";
    FitAgainst "fit.against" => "What speaks against it";

    RecommendHeading "recommend.heading" => "Our recommendation";
    RecommendConditional "recommend.conditional" => "If a contract suits you";
    RecommendPlan "recommend.plan" => "{plan} plan" ["plan"];
    RecommendPlanDetail "recommend.plan_detail" => "{price} a month, with a guaranteed response within {hours} hours.", one "{price} a month, with a guaranteed response within {hours} hour." ["price", "hours"];
    RecommendMeetsResponse "recommend.meets_response" => "The most affordable plan that responds as fast as you need.";
    RecommendFastestAvailable "recommend.fastest_available" => "No plan responds within the time you asked for; this is our fastest.";
    RecommendCheapest "recommend.cheapest" => "The most affordable plan for your business.";
    RecommendPayg "recommend.payg" => "Pay per job, for now";
    RecommendPaygDetail "recommend.payg_detail" => "A contract wouldn’t serve you well yet. Call {company} when you need help: routine work costs {rate} an hour and urgent work {emergency_rate} an hour, with no monthly fee. Response times are not guaranteed; help typically arrives within {hours} hours." ["company", "rate", "emergency_rate", "hours"];
    RecommendCompareLink "recommend.compare_link" => "Compare with paying per job";

    BarHeading "bar.heading" => "Your estimate so far";
    BarProgress "bar.progress" => "{answered} of {total} questions answered" ["answered", "total"];
    BarPrice "bar.price" => "{plan}: {price} a month" ["plan", "price"];
    BarPriceConditional "bar.price_conditional" => "If a contract suits you: {plan}, {price} a month" ["plan", "price"];
    BarLink "bar.link" => "See your results";

    TaxExcluded "tax.excluded" => "{price} + {tax}" ["price", "tax"];
    TaxIncluded "tax.included" => "{price} incl. {tax}" ["price", "tax"];
    TaxNoteExcluded "tax.note_excluded" => "All prices exclude {tax}." ["tax"];
    TaxNoteIncluded "tax.note_included" => "All prices include {tax}." ["tax"];

    PlansHeading "plans.heading" => "Plans for your business";
    PlansIfSuits "plans.if_suits" => "Prices if a contract suits you.";
    PlansRecommended "plans.recommended" => "Recommended";
    PlansPerMonth "plans.per_month" => "per month";
    PlansPerYear "plans.per_year" => "{amount} a year" ["amount"];
    PlansResponse "plans.response" => "Guaranteed response within {hours} hours", one "Guaranteed response within {hours} hour" ["hours"];
    PlansBreakdown "plans.breakdown" => "How the price is made up";
    PlansLineUsers "plans.line_users" => "{count} people × {price}", one "{count} person × {price}" ["count", "price"];
    PlansLineComputers "plans.line_computers" => "{count} computers × {price}", one "{count} computer × {price}" ["count", "price"];
    PlansLineServers "plans.line_servers" => "{count} servers × {price}", one "{count} server × {price}" ["count", "price"];
    PlansLineMinimum "plans.line_minimum" => "Minimum monthly fee applies";
    PlansLineList "plans.line_list" => "Price before the discount";
    PlansLineDiscount "plans.line_discount" => "Existing-client discount ({percent})" ["percent"];
    PlansLineTotal "plans.line_total" => "Your monthly price";
    PlansFeatures "plans.features" => "Included";

    CompareHeading "compare.heading" => "A contract compared with paying per job";
    CompareIntro "compare.intro" => "What the next year could cost with the {plan} plan, and paying per job." ["plan"];
    CompareChoose "compare.choose" => "Compare with plan";
    CompareRow "compare.row" => "Per year";
    CompareContract "compare.contract" => "{plan} contract" ["plan"];
    ComparePayg "compare.payg" => "Pay as you go";
    CompareLabour "compare.labour" => "IT support";
    CompareLabourContract "compare.labour_contract" => "{amount} (upkeep and emergencies included)" ["amount"];
    CompareEmergencyHour "compare.emergency_hour" => "An urgent hour of work";
    CompareIncluded "compare.included" => "Included";
    CompareEmergencyPayg "compare.emergency_payg" => "{amount} ({rate} × {multiplier})" ["amount", "rate", "multiplier"];
    CompareResponse "compare.response" => "Response time";
    CompareResponseContract "compare.response_contract" => "Guaranteed within {hours} h" ["hours"];
    CompareResponsePayg "compare.response_payg" => "Not guaranteed, typically {hours} h" ["hours"];
    CompareDowntime "compare.downtime" => "Expected cost of downtime while waiting";
    CompareTotal "compare.total" => "Total";
    CompareLabourCheaper "compare.labour_cheaper" => "On support work alone, the {plan} plan costs about {amount} a year less than paying per job." ["plan", "amount"];
    CompareLabourDearer "compare.labour_dearer" => "On support work alone, the {plan} plan costs about {amount} a year more than paying per job." ["plan", "amount"];
    CompareLabourSame "compare.labour_same" => "On support work alone, the {plan} plan costs about the same as paying per job." ["plan"];
    CompareTotalSaves "compare.total_saves" => "Counting the downtime a response guaranteed within {response} avoids, you save about {amount} a year." ["plan", "amount", "response"];
    CompareTotalCosts "compare.total_costs" => "Even counting the downtime a response guaranteed within {response} avoids, the {plan} plan costs about {amount} a year more; what you buy is peace of mind and the upkeep." ["plan", "amount", "response"];
    CompareTotalSame "compare.total_same" => "Counting the downtime a response guaranteed within {response} avoids, the {plan} plan costs about the same as paying per job." ["plan", "response"];
    CompareTotalSavesNoSooner "compare.total_saves_no_sooner" => "Counting downtime too, you save about {amount} a year, though a response guaranteed within {response} comes no sooner than paying per job’s usual {payg_response}." ["plan", "amount", "response", "payg_response"];
    CompareTotalCostsNoSooner "compare.total_costs_no_sooner" => "Counting downtime too, the {plan} plan costs about {amount} a year more: a response guaranteed within {response} comes no sooner than paying per job’s usual {payg_response}. What you buy is the guarantee and the upkeep." ["plan", "amount", "response", "payg_response"];
    CompareTotalSameNoSooner "compare.total_same_no_sooner" => "Counting downtime too, the {plan} plan costs about the same as paying per job: a response guaranteed within {response} comes no sooner than its usual {payg_response}." ["plan", "response", "payg_response"];
    CompareBreakEven "compare.break_even" => "On support work alone, the contract pays for itself once you need more than {hours} hours of support a year; we expect about {expected} hours for your business." ["hours", "expected", "plan"];
    CompareBreakEvenNever "compare.break_even_never" => "Pay-as-you-go work is free here, so the contract never pays for itself on support work alone." ["plan"];
    CompareBreakEvenTotal "compare.break_even_total" => "Counting downtime, it pays for itself above {hours} hours of support a year." ["hours", "expected", "plan"];
    CompareBreakEvenTotalNever "compare.break_even_total_never" => "Counting downtime, it never becomes cheaper than paying per job, however much support you need." ["plan"];
    CompareDowntimeHeading "compare.downtime_heading" => "What waiting for help costs you";
    CompareDowntimeYours "compare.downtime_yours" => "We use your figure: {amount} for an hour of downtime." ["amount"];

    MixHeading "mix.heading" => "Where the work goes";
    MixSummary "mix.summary" => "A business like yours needs about {hours} hours of IT work a year. About {maintenance} hours ({maintenance_share}) is routine upkeep: updates, antivirus, new laptops, email and phones. About {emergency} hours ({emergency_share}) is emergencies, from roughly {incidents} incidents a year.", one "A business like yours needs about {hours} hours of IT work a year. About {maintenance} hours ({maintenance_share}) is routine upkeep: updates, antivirus, new laptops, email and phones. About {emergency} hours ({emergency_share}) is emergencies, from roughly {incidents} incident a year." ["hours", "maintenance", "maintenance_share", "emergency", "emergency_share", "incidents"];
    MixMaintenance "mix.maintenance" => "Routine upkeep";
    MixEmergency "mix.emergency" => "Emergencies";

    ChartHeading "chart.heading" => "Cost against support hours";
    ChartDescription "chart.description" => "Yearly cost of each plan and of paying per job, counting the downtime while you wait for help, for 0 to {hours} hours of support a year. Where the pay-as-you-go line crosses a plan’s line, that plan becomes the cheaper choice." ["hours"];
    ChartDescriptionLabour "chart.description_labour" => "Yearly cost of support work alone, for each plan and for paying per job, for 0 to {hours} hours of support a year. Where the pay-as-you-go line crosses a plan’s line, that plan becomes the cheaper choice." ["hours"];
    ChartBasis "chart.basis" => "Show";
    ChartBasisTotal "chart.basis_total" => "Counting downtime";
    ChartBasisLabour "chart.basis_labour" => "Support work only";
    ChartXAxis "chart.x_axis" => "Support hours per year";
    ChartYAxis "chart.y_axis" => "Cost per year";
    ChartYou "chart.you" => "Your estimate";
    ChartBreakEven "chart.break_even" => "Break-even";
    ChartTableToggle "chart.table_toggle" => "Show the chart as a table";
    ChartTablePlan "chart.table_plan" => "Option";
    ChartTableAnnual "chart.table_annual" => "Cost per year for your business";
    ChartTableBreakEven "chart.table_break_even" => "Cheaper than paying per job above";
    ChartTableHours "chart.table_hours" => "{hours} hours a year", one "{hours} hour a year" ["hours"];
    ChartTableNever "chart.table_never" => "Never";
    ChartTablePayg "chart.table_payg" => "{rate} per hour on average" ["rate"];

    ExplainToggle "explain.toggle" => "How is this calculated?";
    ExplainWorkload "explain.workload" => "Support hours: {people} × {hpu} h + {computer_count} × {hpc} h + {server_count} × {hps} h = {hours} hours a year, of which {share} are emergencies ({emergency} h)." ["users", "hpu", "computers", "hpc", "servers", "hps", "hours", "share", "emergency", "people", "computer_count", "server_count"];
    ExplainPlan "explain.plan" => "Plan price: people, computers and servers times the plan’s prices, at least the plan’s monthly minimum, less any existing-client discount, times 12.";
    ExplainPayg "explain.payg" => "Paying per job: {maintenance} upkeep hours × {rate} + {emergency} urgent hours × {emergency_rate} = {labour} a year." ["maintenance", "rate", "emergency", "emergency_rate", "labour"];
    ExplainDowntime "explain.downtime" => "Downtime: about {incidents} emergencies a year, each stopping work while you wait for help, at {cost} an hour ({source})." ["incidents", "cost", "source"];
    ExplainDowntimeEstimated "explain.downtime_estimated" => "our estimate: {people} × {per_user} × {impact} of staff affected" ["users", "per_user", "impact", "people"];
    ExplainDowntimeGiven "explain.downtime_given" => "your figure";
    ExplainFit "explain.fit" => "Fit score: your answers’ points, scaled from the lowest possible (0) to the highest possible (100).";
    ExplainNote "explain.note" => "This is an estimate to help you decide, not a quote. {company} will confirm the price after a short conversation." ["company"];

    LeadHeading "lead.heading" => "Send your estimate to {company}" ["company"];
    LeadIntro "lead.intro" => "{company} receives your answers and this estimate, and gets back to you." ["company"];
    LeadLink "lead.link" => "Send this estimate to {company}" ["company"];
    LeadName "lead.name" => "Name";
    LeadEmail "lead.email" => "Email";
    LeadPhone "lead.phone" => "Phone";
    LeadCompany "lead.company" => "Company";
    LeadMessage "lead.message" => "Message";
    LeadOptional "lead.optional" => "(optional)";
    LeadPrivacy "lead.privacy" => "Privacy notice";
    LeadSend "lead.send" => "Send my estimate";
    LeadSending "lead.sending" => "Sending…";
    LeadSent "lead.sent" => "Thank you! {company} has your estimate and will get back to you soon." ["company"];
    LeadBooking "lead.booking" => "Book a call with {company}" ["company"];
    LeadFailed "lead.failed" => "Your estimate was not sent: {reason}. Nothing you typed is lost. Try again, or email or copy the estimate below." ["reason"];
    LeadFailedOffline "lead.failed_offline" => "there is no internet connection";
    LeadFailedRefused "lead.failed_refused" => "our server did not accept it";
    LeadFailedTimeout "lead.failed_timeout" => "our server took too long to answer";
    LeadFailedBlocked "lead.failed_blocked" => "our server could not be reached";
    LeadUnconfirmed "lead.unconfirmed" => "We could not confirm that {company} received your estimate: {reason}. Nothing you typed is lost. Try again (they may then get it twice), or email or copy the estimate below." ["company", "reason"];
    LeadRetry "lead.retry" => "Try again";
    LeadErrorRequired "lead.error_required" => "Please fill in “{field}”." ["field"];
    LeadErrorEmail "lead.error_email" => "Please enter an email address like name@example.com.";
    LeadErrorTooLong "lead.error_too_long" => "Please shorten “{field}” to at most {max} characters." ["field", "max"];
    LeadErrorConsent "lead.error_consent" => "Please tick the box, so that we may contact you.";
    LeadErrorsSummary "lead.errors_summary" => "Please check the highlighted fields.";
    LeadTrap "lead.trap" => "Leave this field empty";

    NextHeading "next.heading" => "Next step";
    NextEmail "next.email" => "Email this estimate to {company}" ["company"];
    NextCopy "next.copy" => "Copy summary";
    NextPrint "next.print" => "Print or save as PDF";
    NextShare "next.share" => "Share link";
    NextReset "next.reset" => "Start over";
    NextUndo "next.undo" => "Undo";
    NextCopied "next.copied" => "Summary copied to the clipboard.";
    NextCopyFailed "next.copy_failed" => "Copying isn’t allowed here; select the summary below and copy it.";
    NextLinkCopied "next.link_copied" => "Link copied. Anyone who opens it sees these results.";
    NextLinkReady "next.link_ready" => "Here is your link; select it and copy it to share these results.";
    NextLinkLabel "next.link_label" => "Link to these results";
    NextResetDone "next.reset_done" => "Your answers were cleared.";
    NextUndone "next.undone" => "Your answers are back.";
    NextDisabled "next.disabled" => "Fix the highlighted field first: until then there is nothing to send.";
    NextCall "next.call" => "Or call us: {phone}" ["phone"];

    SummarySubject "summary.subject" => "IT service contract estimate for {people}" ["users", "people"];
    SummaryIntro "summary.intro" => "Hello {company}, here is the estimate I made on your website." ["company"];
    SummaryBusiness "summary.business" => "Business: {business}." ["users", "computers", "servers", "business"];
    SummaryExisting "summary.existing" => "We already work with you.";
    SummaryResponse "summary.response" => "Required response: {response}." ["response"];
    SummaryFit "summary.fit" => "Fit: {band} ({score}/100)." ["band", "score"];
    SummaryFitPending "summary.fit_pending" => "Fit: not decided yet ({answered} of {total} questions answered)." ["answered", "total"];
    SummaryRecommendPlan "summary.recommend_plan" => "Recommended: {plan}, {price} a month." ["plan", "price"];
    SummaryRecommendConditional "summary.recommend_conditional" => "If a contract suits us: {plan}, {price} a month." ["plan", "price"];
    SummaryRecommendPayg "summary.recommend_payg" => "Recommended: pay per job for now.";
    SummaryPlanLine "summary.plan_line" => "- {plan}: {monthly} a month, {annual} a year, response within {hours} h" ["plan", "monthly", "annual", "hours"];
    SummaryPaygLine "summary.payg_line" => "- Pay as you go: about {labour} a year, response not guaranteed" ["labour"];
    SummaryLink "summary.link" => "See it again: {link}" ["link"];

    PrintTitle "print.title" => "Estimate from {company}" ["company"];
    PrintDate "print.date" => "Prepared on {date}" ["date"];

    AnnounceResult "announce.result" => "Updated: {band}. {recommendation}" ["band", "recommendation"];
    AnnounceProgress "announce.progress" => "Updated: {progress} {recommendation}" ["progress", "recommendation"];
    AnnounceIfSuits "announce.if_suits" => "If a contract suits you: {plan}, {price} a month." ["plan", "price"];
    AnnouncePrices "announce.prices" => "Updated: plans from {price} a month." ["price"];
}

/// Keys of earlier releases whose text now lives in the `one` form of another key.
pub(crate) const ALIASES: &[(&str, Key)] = &[
    ("business.response.option_one", Key::ResponseOption),
    ("recommend.plan_detail_one", Key::RecommendPlanDetail),
    ("plans.response_one", Key::PlansResponse),
];

/// Keys of earlier releases the widget no longer shows; a config may still name them.
pub(crate) const RETIRED: &[&str] = &[
    "compare.savings", "compare.costs_more", "recommend.pending", "error.not_a_number", "error.not_whole",
];

impl Key {
    /// The key's definition.
    pub fn def(self) -> &'static TextDef {
        &TEXTS[self as usize]
    }

    /// The key as a config names it (`widget.title`).
    pub fn name(self) -> &'static str {
        self.def().key
    }
}

/// A consultancy's text for one key: the same for every count, or one per plural form.
#[derive(Debug, Clone, PartialEq)]
enum Override {
    Plain(String),
    Forms(Vec<(Plural, String)>),
}

/// The wording for one widget: the config's overrides over the English defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Texts {
    overrides: Vec<Option<Override>>,
}

impl Default for Texts {
    fn default() -> Texts {
        Texts { overrides: vec![None; TEXTS.len()] }
    }
}

impl Texts {
    /// The text for `key` (its `other` form, for a text with plural forms).
    pub fn get(&self, key: Key) -> &str {
        self.plural(key, Plural::Other)
    }

    /// The text for `key` in the plural form `n` needs; a form the config does not give falls
    /// back to its `other` form, then to the English default's.
    pub fn plural(&self, key: Key, form: Plural) -> &str {
        let def = key.def();
        match &self.overrides[key as usize] {
            Some(Override::Plain(s)) => s,
            Some(Override::Forms(forms)) => forms
                .iter()
                .find(|(p, _)| *p == form)
                .or_else(|| forms.iter().find(|(p, _)| *p == Plural::Other))
                .map_or(def.default, |(_, s)| s.as_str()),
            None => match (form, def.one) {
                (Plural::One, Some(one)) => one,
                _ => def.default,
            },
        }
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: Key, values: &[(&str, &str)]) -> String {
        fill(self.get(key), values)
    }

    /// The plural form of `key` with each `{name}` replaced by its value.
    pub fn fill_plural(&self, key: Key, form: Plural, values: &[(&str, &str)]) -> String {
        fill(self.plural(key, form), values)
    }

    /// Whether the consultancy gave its own text for `key`.
    pub fn is_overridden(&self, key: Key) -> bool {
        self.overrides[key as usize].is_some()
    }

    /// Whether the consultancy gave any text of its own (else every text is the English default).
    pub fn has_overrides(&self) -> bool {
        self.overrides.iter().any(Option::is_some)
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

/// The longest text a config may give for one key (or one plural form).
pub(crate) const TEXT_LEN: usize = 2_000;

/// The most text overrides one config may give (there are fewer keys than this).
const OVERRIDES_MAX: usize = 1_000;

/// Reads a config's `texts` object: unknown keys and placeholders a key does not offer are
/// problems; keys of earlier releases are accepted, retired ones with a warning.
pub fn read(r: &mut Reader, v: Option<&Value>) -> Texts {
    let mut texts = Texts::default();
    let Some(v) = v else { return texts };
    let Some(m) = r.object(v, "texts") else { return texts };
    if m.len() > OVERRIDES_MAX {
        r.problem("texts", Rule::TooMany { max: OVERRIDES_MAX });
        return texts;
    }
    let known: Vec<&'static str> = TEXTS.iter().map(|t| t.key).collect();
    for (name, value) in &m.0 {
        let path = join("texts", name);
        if RETIRED.contains(&name.as_str()) {
            r.unknown.push(Problem {
                path,
                rule: Rule::UnknownTextKey { key: name.clone(), suggestion: None },
                hint: Some("this text is no longer shown; remove it"),
            });
            continue;
        }
        let alias = ALIASES.iter().find(|(old, _)| old == name).map(|(_, k)| *k);
        let Some(index) = alias.map(|k| k as usize).or_else(|| TEXTS.iter().position(|t| t.key == name)) else {
            r.problem(path, Rule::UnknownTextKey { key: name.clone(), suggestion: closest(name, &known) });
            continue;
        };
        let def = &TEXTS[index];
        let Some(given) = read_override(r, &path, value, def) else { continue };
        texts.overrides[index] = Some(match (alias, given, texts.overrides[index].take()) {
            // An old `…_one` key: its text is the `one` form of the new key.
            (Some(_), Override::Plain(one), Some(Override::Forms(mut forms))) => {
                forms.retain(|(p, _)| *p != Plural::One);
                forms.push((Plural::One, one));
                Override::Forms(forms)
            }
            (Some(_), Override::Plain(one), Some(Override::Plain(other))) => {
                Override::Forms(vec![(Plural::One, one), (Plural::Other, other)])
            }
            (Some(_), Override::Plain(one), None) => {
                Override::Forms(vec![(Plural::One, one), (Plural::Other, def.default.to_string())])
            }
            // The new key after an old `…_one` key: keep the `one` form given before.
            (None, Override::Plain(other), Some(Override::Forms(forms))) => {
                let mut forms: Vec<(Plural, String)> = forms.into_iter().filter(|(p, _)| *p == Plural::One).collect();
                forms.push((Plural::Other, other));
                Override::Forms(forms)
            }
            (_, given, _) => given,
        });
    }
    texts
}

fn read_override(r: &mut Reader, path: &str, value: &Value, def: &TextDef) -> Option<Override> {
    let check_text = |r: &mut Reader, path: &str, s: &str| -> bool {
        if s.chars().count() > TEXT_LEN {
            r.problem(path, Rule::TooLong { max: TEXT_LEN });
            return false;
        }
        let mut ok = true;
        for name in placeholders(s) {
            if !def.placeholders.contains(&name) {
                r.problem(path, Rule::UnknownPlaceholder { name: name.to_string(), allowed: def.placeholders.to_vec() });
                ok = false;
            }
        }
        ok
    };
    match value {
        Value::String(s) => check_text(r, path, s).then(|| Override::Plain(s.clone())),
        Value::Object(forms) if def.is_plural() => {
            let mut out = Vec::new();
            for (form, text) in &forms.0 {
                let fpath = join(path, form);
                let Some(plural) = Plural::ALL.into_iter().find(|p| p.name() == form) else {
                    r.problem(fpath, Rule::UnknownPluralForm { got: form.clone() });
                    continue;
                };
                match text {
                    Value::String(s) => {
                        if check_text(r, &fpath, s) {
                            out.push((plural, s.clone()));
                        }
                    }
                    other => r.problem(fpath, Rule::WrongType { expected: "a string", got: type_name(other) }),
                }
            }
            if !out.iter().any(|(p, _)| *p == Plural::Other) {
                r.problem(join(path, "other"), Rule::Required);
            }
            Some(Override::Forms(out))
        }
        other => {
            let expected = if def.is_plural() { "a string or an object of plural forms" } else { "a string" };
            r.problem(path, Rule::WrongType { expected, got: type_name(other) });
            None
        }
    }
}

/// Every text key as a Markdown reference for site owners: key, English default, placeholders.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Text keys\n\nEvery text the calculator shows, by key, with its English default. Override any of them \
         in your config's `texts` object; a text may use only the placeholders listed for its key. \
         Texts that count something have plural forms: give one text for every count, or an object \
         of forms such as `{ \"one\": \"{count} person\", \"other\": \"{count} people\" }` (`zero`, `one`, \
         `two`, `few`, `many`, `other`, as your language uses them; `other` is required). \
         This page is generated by `contract-fit texts`.\n\n| Key | English default | Placeholders |\n|---|---|---|\n",
    );
    for t in TEXTS {
        let placeholders: Vec<String> = t.placeholders.iter().map(|p| format!("`{{{p}}}`")).collect();
        let default = match t.one {
            Some(one) => format!("one: {} <br> other: {}", one.replace('|', "\\|"), t.default.replace('|', "\\|")),
            None => t.default.replace('|', "\\|"),
        };
        out.push_str(&format!("| `{}` | {} | {} |\n", t.key, default, placeholders.join(", ")));
    }
    out.push_str("\nKeys of earlier releases that are still accepted: ");
    let old: Vec<String> = ALIASES.iter().map(|(old, new)| format!("`{old}` (the `one` form of `{}`)", new.name())).collect();
    out.push_str(&old.join(", "));
    out.push_str(". No longer shown, accepted with a warning: ");
    let retired: Vec<String> = RETIRED.iter().map(|k| format!("`{k}`")).collect();
    out.push_str(&retired.join(", "));
    out.push_str(".\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_texts(json: &str) -> (Texts, Reader) {
        let mut r = Reader::default();
        let v = super::super::json::parse(json).unwrap();
        let t = read(&mut r, Some(&v));
        (t, r)
    }

    #[test]
    fn keys_are_unique_and_defaults_use_only_their_placeholders() {
        let mut seen = std::collections::HashSet::new();
        for t in TEXTS {
            assert!(seen.insert(t.key), "duplicate key {}", t.key);
            for form in [Some(t.default), t.one].into_iter().flatten() {
                for p in placeholders(form) {
                    assert!(t.placeholders.contains(&p), "{} uses {{{p}}} it does not declare", t.key);
                }
            }
        }
        assert_eq!(Key::AnnouncePrices as usize, TEXTS.len() - 1);
        assert_eq!(Key::WidgetTitle.name(), "widget.title");
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_others() {
        assert_eq!(fill("Hi {name}, {x} {", &[("name", "Ann")]), "Hi Ann, {x} {");
        assert_eq!(fill("{a}{a}", &[("a", "1")]), "11");
    }

    #[test]
    fn plural_forms_fall_back_to_other_then_english() {
        let (t, r) = read_texts(r#"{"count.people": {"one": "{count} Person", "other": "{count} Personen"},
            "count.servers": "{count} Server", "next.copy": "Kopieren"}"#);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(t.plural(Key::CountPeople, Plural::One), "{count} Person");
        assert_eq!(t.plural(Key::CountPeople, Plural::Few), "{count} Personen");
        assert_eq!(t.plural(Key::CountServers, Plural::One), "{count} Server");
        assert_eq!(t.plural(Key::CountComputers, Plural::One), "{count} computer");
        assert_eq!(t.get(Key::NextCopy), "Kopieren");
        assert_eq!(Texts::default().get(Key::NextPrint), "Print or save as PDF");
    }

    #[test]
    fn old_one_keys_become_the_one_form() {
        let (t, r) = read_texts(r#"{"plans.response": "Antwort in {hours} Stunden",
            "plans.response_one": "Antwort in 1 Stunde"}"#);
        assert!(r.problems.is_empty());
        assert_eq!(t.plural(Key::PlansResponse, Plural::One), "Antwort in 1 Stunde");
        assert_eq!(t.plural(Key::PlansResponse, Plural::Other), "Antwort in {hours} Stunden");
        let (t, _) = read_texts(r#"{"plans.response_one": "Eine", "plans.response": "Viele"}"#);
        assert_eq!(t.plural(Key::PlansResponse, Plural::One), "Eine");
        assert_eq!(t.plural(Key::PlansResponse, Plural::Other), "Viele");
    }

    #[test]
    fn unknown_keys_placeholders_and_forms_are_problems() {
        let (_, r) = read_texts(r#"{"next.copyy": "x", "next.email": "Mail {firm}", "widget.intro": "About {company}",
            "count.people": {"single": "x", "one": "1"}, "next.print": {"one": "x"}, "compare.savings": "old"}"#);
        let shown: Vec<String> = r.problems.0.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "texts.next.copyy: unknown text key \"next.copyy\"; did you mean \"next.copy\"?".to_string(),
                "texts.next.email: uses {firm}, which is not one of {company}".to_string(),
                "texts.count.people.single: has the form \"single\", which is not one of \"zero\", \"one\", \"two\", \"few\", \"many\", \"other\"".to_string(),
                "texts.count.people.other: is required".to_string(),
                "texts.next.print: must be a string, got an object".to_string(),
            ]
        );
        assert_eq!(r.unknown.len(), 1, "a retired key is a warning");
    }
}
