//! Where a consultancy starts: the shipped default, the German or the British example, or a blank
//! config with placeholders. Each is a complete config that `contract-fit check` accepts.

use crate::model::json::{self, Value};
use crate::model::{DEFAULT_CONFIG_JSON, SCHEMA_FILE};

/// A starting point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The shipped default: a US consultancy, three plans, six questions.
    Default,
    /// The German example: EUR, every text in German.
    German,
    /// The British example: GBP, British wording.
    British,
    /// One plan, one verdict, no questions, and placeholders to replace.
    Blank,
}

impl Start {
    /// Every starting point, in the order offered.
    pub const ALL: [Start; 4] = [Start::Default, Start::German, Start::British, Start::Blank];

    /// What the button says.
    pub fn label(self) -> &'static str {
        match self {
            Start::Default => "The default (Northwind IT, US dollars)",
            Start::German => "The German example (Rheinwerk IT, euros)",
            Start::British => "The British example (pounds sterling)",
            Start::Blank => "A blank config with placeholders",
        }
    }

    /// The name used in notices ("Started from the German example").
    pub fn name(self) -> &'static str {
        match self {
            Start::Default => "the default",
            Start::German => "the German example",
            Start::British => "the British example",
            Start::Blank => "a blank config",
        }
    }

    /// The config's JSON text as shipped.
    pub fn text(self) -> &'static str {
        match self {
            Start::Default => DEFAULT_CONFIG_JSON,
            Start::German => include_str!("../../config/examples/de-DE.json"),
            Start::British => include_str!("../../config/examples/en-GB.json"),
            Start::Blank => include_str!("../../config/blank.json"),
        }
    }

    /// The config as a document to edit. Its `$schema` names the schema beside the widget's files,
    /// where an exported `config.json` is usually put.
    pub fn document(self) -> Value {
        let mut doc = json::parse(self.text()).unwrap_or_default();
        if let Value::Object(o) = &mut doc {
            o.insert("$schema", SCHEMA_FILE);
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Config;

    #[test]
    fn every_start_is_a_config_check_accepts() {
        for start in Start::ALL {
            let config = Config::from_value(&start.document()).unwrap_or_else(|p| panic!("{}: {p}", start.name()));
            assert!(config.warnings.is_empty(), "{}", start.name());
            assert_eq!(start.document().get("$schema").and_then(Value::as_str), Some("config.schema.json"));
        }
    }
}
