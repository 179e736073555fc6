//! The browser entry point: the functions the page's loader (`contract-fit.js`) calls to start a
//! widget in each host element. They live in this binary so that the wasm module exports them.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;
    use web_sys::Element;

    /// Starts a widget in `host` with a config given as JSON text (`null` for the default).
    #[wasm_bindgen]
    pub fn mount(host: Element, config_json: Option<String>, options: JsValue) {
        contract_fit::ui::embed::mount(host, config_json, options);
    }

    /// Shows that the config at `source` could not be loaded, and why (in full to the site
    /// owner, as a way forward to visitors).
    #[wasm_bindgen]
    pub fn mount_load_error(host: Element, source: String, reason: String, options: JsValue) {
        contract_fit::ui::embed::mount_load_error(host, source, reason, options);
    }
}

fn main() {}
