//! The estimate model: pure Rust, no browser APIs, compiled and tested natively.
//!
//! A consultancy's [`Config`] and a prospect's [`Answers`] go in; a [`Report`] comes out through
//! [`evaluate`]. Bad input is a [`Problems`] value naming each field path and rule; nothing panics.
//! The submodules are private: the widget sees the surface re-exported here, so a view that
//! starts doing estimate arithmetic of its own does not compile.

mod answers;
mod chart;
mod config;
mod estimate;
mod fit;
mod form;
pub mod json;
mod lead;
mod locale;
mod money;
mod order;
mod problem;
mod read;
mod report;
mod schema;
mod story;
mod texts;

pub use answers::{Answers, Choices, Field, NumberSyntax, COMPUTERS_MAX, SERVERS_MAX, USERS_MAX};
pub use chart::{Basis as ChartBasis, Chart, ChartLine, Tick};
pub use config::{
    accent_ink_on_dark, is_email, is_safe_image_url, is_web_address, readable_text_on, Band, ChoiceOption, Company, Config,
    Plan, Question, Rates, Recommend, Scheme, Theme, THEME_PROPERTIES, Workload as WorkloadConfig, DEFAULT_CONFIG_JSON, Text,
};
pub use estimate::{DowntimeEstimate, PlanPrice, PriceLine, PriceLineKind, Workload};
pub use fit::{Basis, Reason};
pub use form::{AnswerForm, Dropped, FieldErrors};
pub use lead::{body as lead_body, is_lead_endpoint, payload as lead_payload, Ask, ContactField, ContactForm, Lead, LeadContext, LeadFormat, PageInfo, Utm, VERSION};
pub use locale::{currency_minor_units, is_currency, locale_problem};
#[cfg(feature = "configure")]
pub(crate) use locale::CURRENCIES;
pub use money::{Decimal, Money};
pub use order::sort_few;
pub use problem::{more_line, Problem, Problems, Rule, LISTED_PROBLEMS};
pub use report::{evaluate, BandReport, PaygReport, PlanReport, RecommendationReport, Report};
pub use schema::{config_schema, config_schema_text, SCHEMA_FILE};
pub use story::{Format, MoneyStory, PlainFormat, Story};
pub use texts::{fill, placeholders, reference_markdown as texts_reference, Key, Plural, TextDef, Texts, TEXTS};
