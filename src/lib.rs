//! Contract Fit: the pure estimate model (`model`); in the browser only, the Yew widget (`ui`); and
//! the configurator (`configure`), whose document logic is pure and tested natively and whose Yew
//! app is compiled only into its own WebAssembly (feature `configure`), never the widget's.

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(any(feature = "configure", not(target_arch = "wasm32")))]
pub mod configure;
