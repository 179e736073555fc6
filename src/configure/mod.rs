//! The configurator (`configure.html`): a consultancy sets up its calculator in the browser, field
//! by field, with a live preview, and takes away a `config.json` that `contract-fit check`
//! accepts and the snippet for its website.
//!
//! The document logic is pure and tested natively: the config as a JSON document edited by path
//! (`doc`), what check says about it (`check`), where to start (`start`), the embed snippets
//! (`snippet`) and the words for a test lead's outcome (`endpoint`). The Yew app is compiled only
//! into the configurator's own WebAssembly (feature `configure`), never into the widget's.

pub mod check;
pub mod doc;
pub mod endpoint;
pub mod snippet;
pub mod start;

#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod app;
#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod browser;
#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod fields;
#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod lead_test;
#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod lists;
#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod panels;
#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod preview;
#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod sections;
#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod state;

#[cfg(all(target_arch = "wasm32", feature = "configure"))]
pub use app::mount;
