//! The few browser services the widget uses — storage, the URL fragment, the clipboard, printing,
//! focus — each of which may be missing, refuse or throw, and none of which may stop the
//! calculator. Calls that can throw go through `Reflect`, which turns an exception into an `Err`.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The prefix of every key the widget writes to `localStorage`.
pub const STORAGE_PREFIX: &str = "contract-fit:v1:";

fn local_storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` itself throws when storage is disabled (privacy modes, sandboxed frames).
    web_sys::window()?.local_storage().ok().flatten()
}

fn prefixed(key: &str) -> String {
    let mut k = String::from(STORAGE_PREFIX);
    k.push_str(key);
    k
}

/// The saved value for `key`, or `None` when there is none or storage is unavailable.
pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(&prefixed(key)).ok().flatten()
}

/// Saves `value` under `key`; a full or unavailable storage is ignored.
pub fn save(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(&prefixed(key), value);
    }
}

/// Removes `key`; an unavailable storage is ignored.
pub fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(&prefixed(key));
    }
}

/// The page's URL fragment without `#`.
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

/// The address a share link starts from: the embedding page's (which the frame is told in
/// iframe mode, as `data-page-url` on its host element), else this page's, without fragment.
pub fn share_base(host: Option<&web_sys::Element>) -> String {
    match host.and_then(|h| h.get_attribute("data-page-url")).filter(|u| u.starts_with("http")) {
        Some(url) => url.split('#').next().unwrap_or_default().to_string(),
        None => url_without_fragment(),
    }
}

/// Replaces the fragment without adding a history entry or scrolling.
pub fn set_fragment(fragment: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let mut url = url_without_fragment();
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// Copies text to the clipboard; calls `done` with whether it worked. Where there is no
/// Clipboard API (any plain-http page) or it refuses, `done(false)` lets the caller offer the
/// text to select instead.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = (|| {
        let window: JsValue = web_sys::window()?.into();
        let navigator = Reflect::get(&window, &"navigator".into()).ok()?;
        let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object())?;
        let write: Function = Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into().ok()?;
        write.call1(&clipboard, &text.into()).ok()?.dyn_into::<Promise>().ok()
    })();
    match promise {
        Some(p) => wasm_bindgen_futures::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(p).await.is_ok());
        }),
        None => done(false),
    }
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

/// Today's date in the locale's long form, for the printed quote; empty if `Intl` refuses.
pub fn today(locale: &str) -> String {
    (|| {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let ctor: Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
        let opts = js_sys::Object::new();
        Reflect::set(&opts, &"dateStyle".into(), &"long".into()).ok()?;
        let dtf = [locale, "en-US"]
            .iter()
            .find_map(|l| Reflect::construct(&ctor, &js_sys::Array::of2(&(*l).into(), &opts)).ok())?;
        let format: Function = Reflect::get(&dtf, &"format".into()).ok()?.dyn_into().ok()?;
        format.call1(&dtf, &js_sys::Date::new_0()).ok()?.as_string()
    })()
    .unwrap_or_default()
}

/// Moves focus to the element with `id` inside the widget that contains `from` (which works in a
/// shadow root, where `document.getElementById` does not reach), and scrolls it into view.
pub fn focus_in_widget(from: Option<web_sys::Element>, id: &str) {
    let target = from
        .and_then(|el| el.closest(".cf-widget").ok().flatten())
        .and_then(|root| root.query_selector(&format!("[id=\"{id}\"]")).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        el.scroll_into_view();
        let _ = el.focus();
    }
}
