//! The contact form that sends a prospect's estimate to the consultancy's own endpoint: checked
//! before it leaves the browser, sent once per click with a time limit, kept in storage until it
//! is sent, and every failure told to the prospect in plain words and to the site owner, with its
//! technical cause, in the console.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::browser;
use super::env::{heading, use_env, Env};
use super::host::HostEvents;
use crate::model::json::{Object, Value};
use crate::model::{
    lead_body, lead_payload, Answers, Ask, ContactField, ContactForm, Key, Lead, LeadContext, PageInfo, Report, Rule,
};

/// How long a lead may take before the prospect is told it did not go through.
pub const TIMEOUT_MS: u32 = 15_000;
/// A form sent sooner than this after it appeared was not filled in by a person.
const MIN_FILL_MS: f64 = 3_000.0;

/// Why a lead did not reach the consultancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The browser is offline.
    Offline,
    /// The server answered with a status other than 2xx.
    Refused(u16),
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
    /// The request never reached the server: CORS, the page's CSP, or an unreachable host.
    Blocked {
        /// Whether the page's Content-Security-Policy blocked it.
        csp: bool,
    },
}

impl Failure {
    /// The word used in the `contract-fit:lead-failed` event.
    pub fn cause(self) -> &'static str {
        match self {
            Failure::Offline => "offline",
            Failure::Refused(_) => "refused",
            Failure::Timeout => "timeout",
            Failure::Blocked { csp: true } => "csp",
            Failure::Blocked { csp: false } => "blocked",
        }
    }

    /// What the site owner reads in the console.
    fn technical(self, endpoint: &str) -> String {
        match self {
            Failure::Offline => format!("contract-fit: the lead to {endpoint} was not sent: the browser is offline."),
            Failure::Refused(status) => {
                format!("contract-fit: the lead to {endpoint} was refused: the endpoint answered HTTP {status} (only 2xx counts as received).")
            }
            Failure::Timeout => format!("contract-fit: the lead to {endpoint} timed out after {} s without an answer.", TIMEOUT_MS / 1000),
            Failure::Blocked { csp: true } => format!(
                "contract-fit: the lead to {endpoint} was blocked by this page's Content-Security-Policy: add the endpoint's origin to connect-src."
            ),
            Failure::Blocked { csp: false } => format!(
                "contract-fit: the lead to {endpoint} did not reach the server: it is unreachable, or it does not allow this origin (CORS: it must answer the request, and an OPTIONS preflight for JSON, with Access-Control-Allow-Origin), or connect-src blocks it."
            ),
        }
    }
}

/// The message the prospect reads.
fn reason(env: &Env, failure: Failure) -> String {
    let why = env.t(match failure {
        Failure::Offline => Key::LeadFailedOffline,
        Failure::Refused(_) => Key::LeadFailedRefused,
        Failure::Timeout => Key::LeadFailedTimeout,
        Failure::Blocked { .. } => Key::LeadFailedBlocked,
    });
    match failure {
        // The request went out and only the answer is missing: it may well have arrived.
        Failure::Timeout => env.tf(Key::LeadUnconfirmed, &[("company", &env.config.company.name), ("reason", why)]),
        _ => env.tf(Key::LeadFailed, &[("reason", why)]),
    }
}

/// Posts `body` to `endpoint` with a time limit; `Ok(())` on a 2xx answer.
async fn post(endpoint: String, content_type: &'static str, body: String) -> Result<(), Failure> {
    let response = send_lead(&endpoint, content_type, &body).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(Failure::Refused(response.status()))
    }
}

/// Sends a lead exactly as the widget sends every lead (the configurator's test lead too): a
/// CORS `POST` without credentials, a time limit of [`TIMEOUT_MS`]. Gives the server's response
/// whatever its status, or why there was none (never [`Failure::Refused`]).
pub async fn send_lead(endpoint: &str, content_type: &str, body: &str) -> Result<web_sys::Response, Failure> {
    let window = web_sys::window().ok_or(Failure::Blocked { csp: false })?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_body(&JsValue::from_str(body));
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Content-Type", content_type);
        // Asks form services for a JSON answer instead of a redirect to their own thank-you page
        // (which a browser cannot read across origins); Accept adds no CORS preflight.
        let _ = headers.set("Accept", "application/json");
        init.set_headers(&headers);
    }
    // A CSP block shows up only as a `securitypolicyviolation` event on the document.
    let csp_hit = Rc::new(Cell::new(false));
    let document = window.document();
    let listener = {
        let (csp_hit, endpoint) = (csp_hit.clone(), endpoint.to_string());
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let blocked = Reflect::get(&e, &"blockedURI".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            if !blocked.is_empty() && (endpoint.starts_with(&blocked) || blocked.starts_with(&endpoint)) {
                csp_hit.set(true);
            }
        })
    };
    if let Some(d) = &document {
        let _ = d.add_event_listener_with_callback("securitypolicyviolation", listener.as_ref().unchecked_ref());
    }
    let result = fetch_within(endpoint, &init, TIMEOUT_MS).await;
    // Give a CSP report, which is queued as a task, the chance to arrive.
    if result.is_err() {
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        }))
        .await;
    }
    if let Some(d) = &document {
        let _ = d.remove_event_listener_with_callback("securitypolicyviolation", listener.as_ref().unchecked_ref());
    }
    match result {
        Ok(response) => Ok(response),
        Err(true) => Err(Failure::Timeout),
        Err(false) if !window.navigator().on_line() => Err(Failure::Offline),
        Err(false) => Err(Failure::Blocked { csp: csp_hit.get() }),
    }
}

/// One request with a time limit: the response, or `Err(true)` when it timed out and
/// `Err(false)` when it failed (or `fetch` is missing) before that.
pub async fn fetch_within(url: &str, init: &web_sys::RequestInit, ms: u32) -> Result<web_sys::Response, bool> {
    let window = web_sys::window().ok_or(false)?;
    let controller = web_sys::AbortController::new().ok();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        gloo::timers::callback::Timeout::new(ms, move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    // Looked up, not called directly: a page may have removed or replaced `fetch`.
    let Some(fetch) = Reflect::get(&window, &"fetch".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return Err(false);
    };
    let answer = match fetch.call2(&window, &JsValue::from_str(url), init) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await,
        Err(e) => Err(e),
    };
    match answer.map(|v| v.dyn_into::<web_sys::Response>()) {
        Ok(Ok(response)) => Ok(response),
        _ => Err(timed_out.get()),
    }
}

/// Where the lead form is.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    /// Being filled in; `checked` once the prospect tried to send, so problems show.
    Editing { checked: bool },
    /// On its way; a second click does nothing.
    Sending,
    /// Received by the endpoint.
    Sent,
    /// Not received, and why.
    Failed(Failure),
}

/// Properties of [`LeadForm`].
#[derive(Properties, PartialEq)]
pub struct LeadFormProps {
    /// The config's lead section.
    pub lead: Lead,
    /// The current report.
    pub report: Rc<Report>,
    /// The answers behind it.
    pub answers: Rc<Answers>,
    /// The plain-text summary the email carries.
    pub summary: AttrValue,
    /// Whether a field of the calculator is invalid (then nothing can be sent).
    pub blocked: bool,
    /// Where what the prospect typed is kept until it is sent; `None` keeps it in the page only.
    pub storage_key: Option<AttrValue>,
    /// The host page, for the `lead` events and the page's address.
    pub events: HostEvents,
}

fn page_info(events: &HostEvents) -> PageInfo {
    // In an iframe the embedding page passes its own address in (the frame's is embed.html).
    let attr = |name: &str| events.target.as_ref().and_then(|t| t.get_attribute(name)).filter(|s| !s.is_empty());
    let window = web_sys::window();
    PageInfo {
        url: attr("data-page-url")
            .or_else(|| window.as_ref().and_then(|w| w.location().href().ok()))
            .unwrap_or_default(),
        referrer: attr("data-page-referrer")
            .or_else(|| window.as_ref().and_then(|w| w.document()).map(|d| d.referrer()))
            .unwrap_or_default(),
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The contact form that sends the estimate.
#[component]
pub fn LeadForm(props: &LeadFormProps) -> Html {
    let env = use_env();
    let store_key = props.storage_key.as_ref().map(|k| format!("lead:{k}"));
    let restored = use_memo((), {
        let key = store_key.clone();
        move |()| key.as_deref().and_then(browser::load).map(|t| ContactForm::from_json(&t))
    });
    let form = use_state({
        let restored = restored.clone();
        move || (*restored).clone().unwrap_or_default()
    });
    let phase = use_state(|| Phase::Editing { checked: false });
    let trap = use_state(String::new);
    let shown_at = use_memo((), |()| now_ms());
    let in_flight = use_mut_ref(|| false);
    let lead = &props.lead;
    let company = env.config.company.name.as_str();

    // What the prospect typed is kept until it is sent, then cleared.
    {
        let key = store_key.clone();
        use_effect_with(((*form).clone(), (*phase).clone()), move |(form, phase)| {
            if let Some(key) = key {
                if *phase == Phase::Sent {
                    browser::remove(&key);
                } else if *form != ContactForm::default() {
                    browser::save(&key, &form.to_json().to_json_string());
                }
            }
        });
    }

    let problems = form.problems(lead);
    let checked = matches!(*phase, Phase::Editing { checked: true } | Phase::Failed(_));
    let message_for = |field: Option<ContactField>| -> Option<String> {
        if !checked {
            return None;
        }
        problems.iter().find(|(f, _)| *f == field).map(|(f, rule)| match (f, rule) {
            (None, _) => env.t(Key::LeadErrorConsent).to_string(),
            (Some(f), Rule::Required) => env.tf(Key::LeadErrorRequired, &[("field", label(&env, *f))]),
            (Some(f), Rule::TooLong { max }) => env.tf(Key::LeadErrorTooLong, &[("field", label(&env, *f)), ("max", &max.to_string())]),
            _ => env.t(Key::LeadErrorEmail).to_string(),
        })
    };

    let send = {
        let (form, phase, trap, in_flight) = (form.clone(), phase.clone(), trap.clone(), in_flight.clone());
        let (lead, report, answers, summary) = (lead.clone(), props.report.clone(), props.answers.clone(), props.summary.clone());
        let events = props.events.clone();
        let (shown_at, restored) = (*shown_at, restored.is_some());
        let blocked = props.blocked;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // One lead per click: a second click while one is on its way does nothing.
            if blocked || *in_flight.borrow() || *phase == Phase::Sent {
                return;
            }
            if !form.problems(&lead).is_empty() {
                phase.set(Phase::Editing { checked: true });
                focus_first_invalid(&e);
                return;
            }
            // A filled trap field, or a form sent within seconds of appearing (no person reads,
            // fills in and ticks that fast), is a bot: it is told "sent" and nothing leaves.
            if !trap.is_empty() || (!restored && now_ms() - shown_at < MIN_FILL_MS) {
                phase.set(Phase::Sent);
                return;
            }
            *in_flight.borrow_mut() = true;
            phase.set(Phase::Sending);
            let page = page_info(&events);
            let submitted_at: String = js_sys::Date::new_0().to_iso_string().into();
            let cx = LeadContext { page: &page, submitted_at: &submitted_at, summary: &summary };
            let document = lead_payload(&lead, &form, &answers, &report, &cx);
            let (content_type, body) = lead_body(&lead, &document, &report);
            let (phase, in_flight, events, endpoint) = (phase.clone(), in_flight.clone(), events.clone(), lead.endpoint.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = post(endpoint.clone(), content_type, body).await;
                *in_flight.borrow_mut() = false;
                match outcome {
                    Ok(()) => {
                        events.emit("lead", &document);
                        phase.set(Phase::Sent);
                    }
                    Err(failure) => {
                        web_sys::console::warn_1(&failure.technical(&endpoint).into());
                        let mut detail = Object::default().with("cause", failure.cause()).with("endpoint", endpoint.as_str());
                        if let Failure::Refused(status) = failure {
                            detail.insert("status", u32::from(status));
                        }
                        events.emit("lead-failed", &Value::Object(detail.with("lead", document)));
                        phase.set(Phase::Failed(failure));
                    }
                }
            });
        })
    };

    let heading_id = env.id("lead-title");
    // Once sent, focus moves to the confirmation's heading, so keyboard and screen-reader users
    // land on what happened instead of on the page's top.
    let sent_ref = use_node_ref();
    {
        let sent_ref = sent_ref.clone();
        use_effect_with((*phase).clone(), move |phase| {
            if *phase == Phase::Sent {
                let heading = sent_ref.cast::<web_sys::Element>().and_then(|s| s.query_selector("[tabindex]").ok().flatten());
                if let Some(h) = heading.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = h.focus();
                }
            }
        });
    }
    if *phase == Phase::Sent {
        return html! {
            <section class="cf-lead cf-lead--sent" aria-labelledby={heading_id.clone()} ref={sent_ref}>
                { heading(&env, 2, Some(heading_id.clone()), "cf-lead__title", html! { { env.tf(Key::LeadHeading, &[("company", company)]) } }) }
                <p class="cf-lead__sent" role="status">{ env.tf(Key::LeadSent, &[("company", company)]) }</p>
                if !lead.booking_url.is_empty() {
                    <a class="cf-button cf-button--primary" href={lead.booking_url.clone()} target="_blank" rel="noopener noreferrer">
                        { env.tf(Key::LeadBooking, &[("company", company)]) }
                    </a>
                }
            </section>
        };
    }

    let sending = *phase == Phase::Sending;
    let on_text = |field: ContactField| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| e.target_dyn_into::<HtmlTextAreaElement>().map(|t| t.value()))
                .unwrap_or_default();
            let mut next = (*form).clone();
            next.set(field, value);
            form.set(next);
        })
    };
    let on_consent = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            next.consent = input.checked();
            form.set(next);
        })
    };
    let on_trap = {
        let trap = trap.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            trap.set(input.value());
        })
    };
    let consent_id = env.id("lead-consent");
    let consent_error = message_for(None);
    let blocked_id = env.id("next-blocked");

    html! {
        <section class="cf-lead" aria-labelledby={heading_id.clone()}>
            { heading(&env, 2, Some(heading_id.clone()), "cf-lead__title", html! { { env.tf(Key::LeadHeading, &[("company", company)]) } }) }
            <p class="cf-help">{ env.tf(Key::LeadIntro, &[("company", company)]) }</p>
            <form class="cf-lead__form" novalidate={true} onsubmit={send} aria-busy={sending.then_some("true")}>
                { for ContactField::ALL.into_iter().filter(|f| lead.ask(*f) != Ask::Hidden).map(|f| {
                    let id = env.id(&format!("lead-{}", f.name()));
                    let error = message_for(Some(f));
                    let error_id = format!("{id}-error");
                    let required = lead.ask(f) == Ask::Required;
                    let (kind, autocomplete) = match f {
                        ContactField::Email => ("email", "email"),
                        ContactField::Phone => ("tel", "tel"),
                        ContactField::Name => ("text", "name"),
                        ContactField::Company => ("text", "organization"),
                        ContactField::Message => ("text", "off"),
                    };
                    html! {
                        <div class={classes!("cf-field", error.is_some().then_some("cf-field--invalid"))}>
                            <label class="cf-label" for={id.clone()}>
                                { label(&env, f) }
                                if !required {
                                    <span class="cf-optional">{ " " }{ env.t(Key::LeadOptional) }</span>
                                }
                            </label>
                            if f == ContactField::Message {
                                <textarea id={id.clone()} class="cf-input cf-lead__message" rows="4" name={f.name()}
                                    value={form.get(f).to_string()} aria-invalid={error.is_some().then_some("true")}
                                    aria-describedby={error.is_some().then(|| error_id.clone())} readonly={sending}
                                    oninput={on_text(f)} />
                            } else {
                                <input id={id.clone()} class="cf-input" type={kind} name={f.name()} autocomplete={autocomplete}
                                    value={form.get(f).to_string()} aria-required={required.then_some("true")}
                                    aria-invalid={error.is_some().then_some("true")}
                                    aria-describedby={error.is_some().then(|| error_id.clone())} readonly={sending}
                                    oninput={on_text(f)} />
                            }
                            if let Some(error) = error {
                                <p class="cf-error" id={error_id}>{ error }</p>
                            }
                        </div>
                    }
                }) }
                <div class="cf-lead__trap" aria-hidden="true">
                    <label for={env.id("lead-website")}>{ env.t(Key::LeadTrap) }</label>
                    <input id={env.id("lead-website")} type="text" name="website" tabindex="-1" autocomplete="off"
                        value={(*trap).clone()} oninput={on_trap} />
                </div>
                if !lead.consent.is_empty() {
                    <div class={classes!("cf-field", "cf-field--check", consent_error.is_some().then_some("cf-field--invalid"))}>
                        <input id={consent_id.clone()} class="cf-checkbox" type="checkbox" checked={form.consent}
                            aria-invalid={consent_error.is_some().then_some("true")}
                            aria-describedby={consent_error.is_some().then(|| format!("{consent_id}-error"))}
                            disabled={sending} onchange={on_consent} />
                        <label class="cf-label cf-lead__consent" for={consent_id.clone()}>
                            { &lead.consent }
                            if !lead.privacy_url.is_empty() {
                                { " " }
                                <a href={lead.privacy_url.clone()} target="_blank" rel="noopener noreferrer">{ env.t(Key::LeadPrivacy) }</a>
                            }
                        </label>
                    </div>
                    if let Some(error) = consent_error {
                        <p class="cf-error" id={format!("{consent_id}-error")}>{ error }</p>
                    }
                }
                if checked && !problems.is_empty() {
                    <p class="cf-error" role="alert">{ env.t(Key::LeadErrorsSummary) }</p>
                }
                if let Phase::Failed(failure) = *phase {
                    <p class="cf-notice cf-lead__failed" role="alert">{ reason(&env, failure) }</p>
                }
                <div class="cf-actions">
                    <button type="submit" class="cf-button cf-button--primary" disabled={sending || props.blocked}
                        aria-describedby={props.blocked.then_some(blocked_id)}>
                        { match *phase {
                            Phase::Sending => env.t(Key::LeadSending),
                            Phase::Failed(_) => env.t(Key::LeadRetry),
                            _ => env.t(Key::LeadSend),
                        } }
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The label of a contact field, in the config's wording.
fn label(env: &Env, field: ContactField) -> &str {
    env.t(match field {
        ContactField::Name => Key::LeadName,
        ContactField::Email => Key::LeadEmail,
        ContactField::Phone => Key::LeadPhone,
        ContactField::Company => Key::LeadCompany,
        ContactField::Message => Key::LeadMessage,
    })
}

/// Moves focus to the first field marked invalid after the next render.
fn focus_first_invalid(e: &SubmitEvent) {
    let Some(form) = e.target_dyn_into::<web_sys::Element>() else { return };
    let task = Closure::once_into_js(move || {
        if let Ok(Some(el)) = form.query_selector("[aria-invalid=\"true\"]") {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    }
}
