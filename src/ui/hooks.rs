//! Hooks for browser measurements the components need, and for values that may follow a task late.

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

/// `value`, a task late: after each change it follows in a zero-delay timer, and a newer change
/// before then replaces the pending one.
///
/// What the prospect watches while typing renders from the current value in the keystroke's own
/// task; what renders from this one is redrawn in the next task, so that task stays short, the
/// answer the prospect is looking at paints first, and a burst of typing redraws the rest once.
/// `V`'s equality should be cheap (identity, as with [`super::env::Same`]).
#[hook]
pub fn use_deferred<V: Clone + PartialEq + 'static>(value: V) -> V {
    let shown = use_state(|| value.clone());
    {
        let shown = shown.clone();
        use_effect_with(value, move |latest| {
            let timer = (*shown != *latest).then(|| {
                let latest = latest.clone();
                gloo::timers::callback::Timeout::new(0, move || shown.set(latest))
            });
            move || drop(timer)
        });
    }
    (*shown).clone()
}
