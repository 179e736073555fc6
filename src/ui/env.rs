//! What every component of one widget shares: its config, wording, formatters and id prefix.

use std::rc::Rc;

use yew::prelude::*;

use super::intl::Formats;
use crate::model::texts::Texts;
use crate::model::Config;

/// The shared, read-only surroundings of one widget instance.
pub struct Env {
    /// The consultancy's config.
    pub config: Rc<Config>,
    /// The wording, with the config's overrides.
    pub texts: Texts,
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
            texts: Texts::new(&config.texts),
            fmt: Formats::new(&config.locale, &config.currency, config.minor_units),
            config,
            id_prefix: id_prefix.to_string(),
            heading_level,
        }
    }

    /// A text by key.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts.get(key)
    }

    /// A text by key with its placeholders filled.
    pub fn tf(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.texts.fill(key, values)
    }

    /// An element id unique to this widget.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.id_prefix)
    }
}

/// The handle components receive through context; equal when it is the same widget.
#[derive(Clone)]
pub struct EnvHandle(pub Rc<Env>);

impl PartialEq for EnvHandle {
    fn eq(&self, other: &EnvHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for EnvHandle {
    type Target = Env;
    fn deref(&self) -> &Env {
        &self.0
    }
}

/// The widget's surroundings, from context.
#[hook]
pub fn use_env() -> EnvHandle {
    use_context::<EnvHandle>().expect("components render inside the widget's context provider")
}

/// Properties of [`Heading`].
#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// Depth below the widget's title: 0 for the title, 1 for sections, 2 below them.
    #[prop_or_default]
    pub depth: u8,
    /// The element id, for `aria-labelledby`.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// CSS classes.
    #[prop_or_default]
    pub class: Classes,
    /// The heading's content.
    pub children: Html,
}

/// A heading whose level follows the page: the widget's title is `h1` on a page of its own and
/// `h2` inside a host page, and every heading below it shifts with it.
#[component]
pub fn Heading(props: &HeadingProps) -> Html {
    let env = use_env();
    let level = (env.heading_level + props.depth).clamp(1, 6);
    html! {
        <@{format!("h{level}")} id={props.id.clone()} class={props.class.clone()}>{ props.children.clone() }</@>
    }
}
