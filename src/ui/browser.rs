//! The few browser services the widget uses — storage, the URL fragment, the clipboard, printing —
//! each of which may be missing or refuse, and none of which may stop the calculator.

use wasm_bindgen::JsValue;

/// The prefix of every key the widget writes to `localStorage`.
pub const STORAGE_PREFIX: &str = "contract-fit:v1:";

fn local_storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` itself throws when storage is disabled (privacy modes, sandboxed frames).
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved value for `key`, or `None` when there is none or storage is unavailable.
pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(&format!("{STORAGE_PREFIX}{key}")).ok().flatten()
}

/// Saves `value` under `key`; a full or unavailable storage is ignored.
pub fn save(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(&format!("{STORAGE_PREFIX}{key}"), value);
    }
}

/// Removes `key`; an unavailable storage is ignored.
pub fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(&format!("{STORAGE_PREFIX}{key}"));
    }
}

/// The page's URL fragment without `#`, decoded as typed.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The page's URL without its fragment.
pub fn url_without_fragment() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// Replaces the fragment without adding a history entry or scrolling.
pub fn set_fragment(fragment: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let url = if fragment.is_empty() {
        url_without_fragment()
    } else {
        format!("{}#{fragment}", url_without_fragment())
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// Copies text to the clipboard; calls `done` with whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Percent-encodes text for a `mailto:` link.
pub fn encode_component(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// Today's date in the locale's long form, for the printed quote.
pub fn today(locale: &str) -> String {
    let d = js_sys::Date::new_0();
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"long".into());
    d.to_locale_date_string(locale, &opts).into()
}
