//! The configurator's WebAssembly entry (`configure.html`): the function its loader,
//! `configure.js`, calls. A binary of its own, built with the `configure` feature, so that none
//! of the configurator's code reaches the widget's visitors.

#[cfg(all(target_arch = "wasm32", feature = "configure"))]
mod exports {
    use wasm_bindgen::prelude::*;
    use web_sys::Element;

    /// Starts the configurator in `host`.
    #[wasm_bindgen]
    pub fn mount_configurator(host: Element) {
        contract_fit::configure::mount(host);
    }
}

fn main() {}
