//! The browser entry point: mounts the calculator with the shipped default config.

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("contract-fit"));
    if let Some(root) = root {
        contract_fit::ui::mount_default(root);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("contract-fit-web runs in the browser: build it with `trunk build --release`.");
}
