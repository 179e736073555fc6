//! The browser widget: thin Yew components over the model, formatting through `Intl`, and the
//! browser services (storage, clipboard, URL) it uses. Compiled for WebAssembly only.

pub mod app;
pub mod browser;
pub mod chart;
pub mod compare;
pub mod details;
pub mod embed;
pub mod env;
pub mod explain;
pub mod form;
pub mod hooks;
pub mod host;
pub mod intl;
pub mod lead;
pub mod next_steps;
pub mod recover;
pub mod results;
pub mod state;

pub use app::{Widget, WidgetProps};
pub use embed::{mount, mount_load_error};
pub use host::HostEvents;
