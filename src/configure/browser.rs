//! The browser services the configurator uses beyond the widget's: its saved work, downloads,
//! reading a file, and moving focus to a field. Each may be missing or refuse; none may stop the
//! configurator.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::ui::browser as widget_browser;

/// Where the configurator keeps its work (under the widget's `contract-fit:v1:` prefix).
pub mod keys {
    /// The document being edited.
    pub const DRAFT: &str = "configure:draft";
    /// What the last start or import replaced.
    pub const UNDO: &str = "configure:undo";
    /// The snippet settings.
    pub const EMBED: &str = "configure:embed";
    /// The preview's sample prospect (the widget's own saved answers).
    pub const PREVIEW: &str = "configure:preview";
}

/// The saved value for `key`.
pub fn load(key: &str) -> Option<String> {
    widget_browser::load(key)
}

/// Saves `value` under `key`; a full or missing storage is ignored.
pub fn save(key: &str, value: &str) {
    widget_browser::save(key, value);
}

/// Removes `key`.
pub fn remove(key: &str) {
    widget_browser::remove(key);
}

/// Copies text to the clipboard; `done` hears whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    widget_browser::copy_text(text, done);
}

/// Offers `text` as a file to save: a Blob address on a link with `download` (allowed under a
/// strict Content-Security-Policy, unlike a `data:` address in a script).
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.set_class_name("cfg-visually-hidden");
        document.body()?.append_child(&link).ok()?;
        link.click();
        link.remove();
        // The address is freed once the download has started.
        later(1_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        Some(())
    };
    run().is_some()
}

/// Runs `f` after `ms` milliseconds.
pub fn later(ms: i32, f: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), ms);
    }
}

/// The text of a file the consultancy chose or dropped.
pub async fn file_text(file: web_sys::File) -> Result<String, String> {
    let promise = file.text();
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(v) => v.as_string().ok_or_else(|| "the file is not text".to_string()),
        Err(e) => Err(js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| "the browser could not read it".into())),
    }
}

/// Moves focus to the first of `ids` that is on the page, after the next render; an element that
/// does not take focus (a group) is made to take it. A closed `<details>` around it opens.
pub fn focus_later(ids: Vec<String>) {
    later(0, move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        for id in ids {
            let Some(el) = document.get_element_by_id(&id) else { continue };
            if let Ok(Some(details)) = el.closest("details") {
                let _ = details.set_attribute("open", "");
            }
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                if el.tab_index() < 0 && !el.has_attribute("tabindex") {
                    let _ = el.set_attribute("tabindex", "-1");
                }
                let _ = el.focus();
                el.scroll_into_view_with_bool(false);
                if let Some(active) = document.active_element() {
                    if active == *el.as_ref() {
                        return;
                    }
                }
            }
        }
    });
}

/// This page's origin (`http://127.0.0.1:8080`).
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// This page's address.
pub fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}
