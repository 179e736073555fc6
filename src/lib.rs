//! Contract Fit: the pure estimate model (`model`) and, in the browser only, the Yew widget (`ui`).

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod ui;
