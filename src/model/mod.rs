//! The estimate model: pure Rust, no browser APIs, compiled and tested natively.
//!
//! A consultancy's [`Config`] and a prospect's [`Answers`] go in; a [`Report`] comes out through
//! [`evaluate`]. Bad input is a [`Problems`] value naming each field path and rule; nothing panics.

pub mod answers;
pub mod config;
pub mod estimate;
pub mod fit;
pub mod form;
pub mod money;
pub mod problem;
pub mod read;
pub mod report;
pub mod texts;

pub use answers::Answers;
pub use config::{Config, DEFAULT_CONFIG_JSON};
pub use money::{Decimal, Money};
pub use problem::{Problem, Problems, Rule};
pub use report::{evaluate, Report};
