//! The browser widget: thin Yew components over the model, formatting through `Intl`, and the
//! browser services (storage, clipboard, URL) it uses. Compiled for WebAssembly only.

pub mod app;
pub mod browser;
pub mod chart;
pub mod env;
pub mod explain;
pub mod form;
pub mod hooks;
pub mod intl;
pub mod next_steps;
pub mod results;
pub mod state;

pub use app::{Widget, WidgetProps};

use std::rc::Rc;

use crate::model::Config;

/// Mounts the widget with the shipped default config into `root`.
pub fn mount_default(root: web_sys::Element) {
    let props = WidgetProps {
        config: Rc::new(Config::shipped()),
        id_prefix: "cf".into(),
        heading_level: 1,
        storage_key: Some("answers".into()),
        read_fragment: true,
    };
    // The page shows a loading line until now; the widget replaces it.
    root.set_inner_html("");
    yew::Renderer::<Widget>::with_root_and_props(root, props).render();
}
