//! Never a dead widget: a panic (which aborts the WebAssembly instance every widget on the page
//! shares) is logged for the site owner and reported to the loader as a `contract-fit:panic`
//! event on the window, and the loader restarts a fresh instance and mounts every widget again,
//! each restoring the prospect's answers from storage.

use std::sync::Once;

/// Installs the panic hook, once per instance.
pub fn install_panic_hook() {
    // Setting a hook while a panic unwinds would itself panic inside the `Once`, poisoning it.
    if std::thread::panicking() {
        return;
    }
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| report_panic(&info.to_string())));
    });
}

/// Tells the site owner (console) and the loader (an event it restarts the widgets on).
pub fn report_panic(message: &str) {
    web_sys::console::error_1(&format!("contract-fit: the calculator stopped unexpectedly and restarts: {message}").into());
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&message.into());
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("contract-fit:panic", &init) {
        let _ = window.dispatch_event(&event);
    }
}
