//! The panic hook's report reaches the page: `report_panic` (what the hook installed by
//! `install_panic_hook` calls) dispatches `contract-fit:panic` on the window, with the message as
//! its detail, and the loader (web/contract-fit.js) restarts every widget on that event. The
//! restart itself is tested end to end in tests/e2e/reliability.spec.ts.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every `contract-fit:panic` detail the window hears while `f` runs.
fn heard_while(f: impl FnOnce()) -> Vec<String> {
    let window = web_sys::window().expect("a window");
    let heard = Rc::new(RefCell::new(Vec::new()));
    let listener = {
        let heard = heard.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            heard.borrow_mut().push(e.detail().as_string().unwrap_or_default());
        })
    };
    window
        .add_event_listener_with_callback("contract-fit:panic", listener.as_ref().unchecked_ref())
        .expect("a listener");
    f();
    window
        .remove_event_listener_with_callback("contract-fit:panic", listener.as_ref().unchecked_ref())
        .expect("the listener removed");
    let out = heard.borrow().clone();
    out
}

#[wasm_bindgen_test]
fn report_panic_tells_the_window_with_the_message() {
    let heard = heard_while(|| contract_fit::ui::recover::report_panic("x"));
    assert_eq!(heard, vec!["x".to_string()]);
}

#[wasm_bindgen_test]
fn each_report_is_one_event() {
    let heard = heard_while(|| {
        contract_fit::ui::recover::report_panic("first");
        contract_fit::ui::recover::report_panic("second");
    });
    assert_eq!(heard, vec!["first".to_string(), "second".to_string()]);
}

#[wasm_bindgen_test]
fn installing_the_hook_twice_is_harmless() {
    contract_fit::ui::recover::install_panic_hook();
    contract_fit::ui::recover::install_panic_hook();
    let heard = heard_while(|| contract_fit::ui::recover::report_panic("still one"));
    assert_eq!(heard, vec!["still one".to_string()]);
}
