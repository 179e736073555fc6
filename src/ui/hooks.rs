//! Hooks for browser measurements the components need.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// The width in CSS pixels of the element behind `node`, kept current as it resizes.
///
/// Returns `fallback` until the first measurement, and keeps it where `ResizeObserver` is missing.
#[hook]
pub fn use_element_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let last = Rc::new(Cell::new(fallback));
            let observer = node.cast::<web_sys::Element>().and_then(|el| {
                let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() else { return };
                    let measured = entry.content_rect().width().round();
                    // Redraw only on a real change, so that sub-pixel jitter cannot loop.
                    if measured > 0.0 && (measured - last.get()).abs() >= 1.0 {
                        last.set(measured);
                        width.set(measured);
                    }
                });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _on_resize)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}
