//! What every component of one widget shares: its config, formatters, the sentences composed
//! from them, and the id prefix.

use std::rc::Rc;

use yew::prelude::*;

use super::intl::Formats;
use crate::model::{Config, Key, Story};

/// The shared, read-only surroundings of one widget instance.
pub struct Env {
    /// The consultancy's config (its `texts` are the widget's wording).
    pub config: Rc<Config>,
    /// Formatters for the config's locale and currency.
    pub fmt: Formats,
    /// A prefix that keeps element ids unique when a page hosts several widgets.
    pub id_prefix: String,
    /// The level of the widget's title (1 on a page of its own, 2 inside a host page).
    pub heading_level: u8,
}

impl Env {
    /// The surroundings for one widget with this config.
    pub fn new(config: Rc<Config>, id_prefix: &str, heading_level: u8) -> Env {
        Env {
            fmt: Formats::new(&config.locale, &config.currency, config.minor_units),
            config,
            id_prefix: id_prefix.to_string(),
            heading_level,
        }
    }

    /// The sentences of the estimate, in this widget's wording and locale.
    pub fn story(&self) -> Story<'_> {
        Story { texts: &self.config.texts, fmt: &self.fmt, company: &self.config.company, tax: self.config.tax.as_ref() }
    }

    /// A text by key.
    pub fn t(&self, key: Key) -> &str {
        self.config.texts.get(key)
    }

    /// A text by key with its placeholders filled.
    pub fn tf(&self, key: Key, values: &[(&str, &str)]) -> String {
        self.config.texts.fill(key, values)
    }

    /// An element id unique to this widget.
    pub fn id(&self, name: &str) -> String {
        let mut id = String::with_capacity(self.id_prefix.len() + name.len() + 1);
        id.push_str(&self.id_prefix);
        id.push('-');
        id.push_str(name);
        id
    }
}

/// A shared value compared by identity, for hook dependencies, properties and context: the same
/// `Rc` is the same value, and no field-by-field comparison is compiled in.
pub struct Same<T>(pub Rc<T>);

// By hand: a derived `Clone` would ask `T: Clone`, and cloning the `Rc` never clones a `T`.
impl<T> Clone for Same<T> {
    fn clone(&self) -> Same<T> {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Same<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Same<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The handle components receive through context; equal when it is the same widget.
pub type EnvHandle = Same<Env>;

/// The widget's surroundings, from context.
///
/// Every component renders inside the widget's provider; a component rendered elsewhere (a
/// test) gets the default config instead of a panic.
#[hook]
pub fn use_env() -> EnvHandle {
    use_context::<EnvHandle>()
        .unwrap_or_else(|| Same(Rc::new(Env::new(Rc::new(Config::shipped()), "cf", 2))))
}

/// A heading whose level follows the page: the widget's title is `h1` on a page of its own and
/// `h2` inside a host page, and every heading below it (`depth` levels down) shifts with it.
/// Headings with an id can take focus from an in-page link.
pub fn heading(env: &Env, depth: u8, id: Option<String>, class: &'static str, content: Html) -> Html {
    let level = (env.heading_level + depth).clamp(1, 6);
    let tag = ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level - 1)];
    let focusable = id.is_some().then_some("-1");
    html! {
        <@{tag} id={id} class={class} tabindex={focusable}>{ content }</@>
    }
}
