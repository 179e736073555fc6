//! The events the widget sends to the host page: DOM events on the host element (they bubble and
//! cross shadow roots) and, inside an iframe, messages to the parent page's verified origin.

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::model::json::{Object, Value};
use crate::model::{Answers, Report};

/// Where the widget tells the host page what happened.
#[derive(Clone, PartialEq, Default)]
pub struct HostEvents {
    /// The element that receives `contract-fit:*` events.
    pub target: Option<Element>,
    /// Inside an iframe: the parent page's origin, the only one messages are sent to.
    pub parent_origin: Option<String>,
    /// The element this widget is drawn in. After a restart the loader replaces it, and an old
    /// instance that is still alive (its timers, a pending send) must not speak for the new one.
    pub container: Option<Element>,
}

impl HostEvents {
    /// Whether anyone can hear the events.
    pub fn is_heard(&self) -> bool {
        self.target.is_some() || self.parent_origin.is_some()
    }

    /// Sends `contract-fit:<kind>` with `detail` to the host page.
    pub fn emit(&self, kind: &str, detail: &Value) {
        if self.container.as_ref().is_some_and(|c| !c.is_connected()) {
            return;
        }
        let Ok(detail_js) = js_sys::JSON::parse(&detail.to_json_string()) else { return };
        if let Some(target) = &self.target {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail_js);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("contract-fit:{kind}"), &init) {
                let _ = target.dispatch_event(&event);
            }
        }
        if let (Some(origin), Some(parent)) = (&self.parent_origin, parent_window()) {
            let message = js_sys::Object::new();
            let _ = Reflect::set(&message, &"source".into(), &"contract-fit".into());
            let _ = Reflect::set(&message, &"type".into(), &kind.into());
            let _ = Reflect::set(&message, &"detail".into(), &detail_js);
            let _ = parent.post_message(&JsValue::from(message), origin);
        }
    }
}

/// The detail of a host event: the report as it may leave the widget (no verdict before there
/// is one) and the answers behind it, plus anything extra.
pub fn event_detail(report: &Report, answers: &Answers, extra: Option<(&str, &str)>) -> Value {
    let mut detail = Object::default()
        .with("report", report.to_shared_json())
        .with("answers", answers.to_json(report.minor_units));
    if let Some((k, v)) = extra {
        detail.insert(k, v);
    }
    Value::Object(detail)
}

/// The parent window when the widget runs inside a frame.
fn parent_window() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    let parent = w.parent().ok().flatten()?;
    // `parent` is the window itself at the top level.
    (!js_sys::Object::is(&parent, &w)).then_some(parent)
}
