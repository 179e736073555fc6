//! "Send a test lead": one sample lead, built by the model exactly as the widget builds a
//! prospect's, posted from this page to the consultancy's endpoint, and the outcome told in plain
//! words (`endpoint.rs`): received, refused with its status, or blocked by CORS or a
//! Content-Security-Policy.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::endpoint::Outcome;
use super::preview::sample_answers;
use crate::model::{evaluate, lead_body, lead_payload, Config, ContactField, ContactForm, LeadContext, PageInfo, Story};
use crate::ui::intl::Formats;
use crate::ui::lead::{fetch_within, send_lead, Failure, TIMEOUT_MS};

/// Sends a test lead with `config` and says how it went.
async fn send(config: Rc<Config>) -> Outcome {
    let Some(lead) = config.lead.clone() else { return Outcome::Unreachable };
    let answers = sample_answers(&config);
    let report = evaluate(&config, &answers);
    let fmt = Formats::new(&config.locale, &config.currency, config.minor_units);
    let story = Story { texts: &config.texts, fmt: &fmt, company: &config.company, tax: config.tax.as_ref() };
    let summary = story.summary(&report, &answers, "");
    let mut form = ContactForm::default();
    form.set(ContactField::Name, "Test lead from the Contract Fit configurator".into());
    form.set(ContactField::Email, "test@example.com".into());
    form.set(ContactField::Company, "Contract Fit configurator".into());
    form.set(ContactField::Message, "A test sent while setting up the calculator, to check that leads arrive. You can delete it.".into());
    form.consent = true;
    let page = PageInfo { url: browser::page_url(), referrer: String::new() };
    let submitted_at: String = js_sys::Date::new_0().to_iso_string().into();
    let cx = LeadContext { page: &page, submitted_at: &submitted_at, summary: &summary };
    let document = lead_payload(&lead, &form, &answers, &report, &cx);
    let (content_type, body) = lead_body(&lead, &document, &report);

    // The request the widget sends for a prospect, so that what passes here passes there.
    match send_lead(&lead.endpoint, content_type, &body).await {
        Ok(response) if response.ok() => Outcome::Received { status: response.status() },
        Ok(response) => Outcome::Refused { status: response.status(), text: response.status_text() },
        Err(Failure::Timeout) => Outcome::Timeout { seconds: TIMEOUT_MS / 1000 },
        Err(Failure::Offline) => Outcome::Offline,
        Err(Failure::Blocked { csp: true }) => Outcome::Csp,
        Err(_) => {
            // An opaque answer to a request that needs no CORS means a server is there, and
            // refused this page's origin.
            let probe = web_sys::RequestInit::new();
            probe.set_method("HEAD");
            probe.set_mode(web_sys::RequestMode::NoCors);
            probe.set_credentials(web_sys::RequestCredentials::Omit);
            match fetch_within(&lead.endpoint, &probe, 5_000).await {
                Ok(_) => Outcome::Cors,
                Err(_) => Outcome::Unreachable,
            }
        }
    }
}

/// Properties of [`LeadTest`].
#[derive(Properties, PartialEq)]
pub struct LeadTestProps {
    /// The config that works, if the document is one.
    pub config: Option<Rc<Config>>,
    /// The endpoint as typed.
    pub endpoint: String,
}

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Sending,
    Done { outcome: Outcome, endpoint: String },
}

/// The test button and what it found.
#[component]
pub fn LeadTest(props: &LeadTestProps) -> Html {
    let phase = use_state(|| Phase::Idle);
    // A result is about the address it was sent to: another address clears it.
    {
        let phase = phase.clone();
        use_effect_with(props.endpoint.clone(), move |_| {
            if matches!(*phase, Phase::Done { .. }) {
                phase.set(Phase::Idle);
            }
        });
    }
    let ready = props.config.as_ref().is_some_and(|c| c.lead.as_ref().is_some_and(|l| l.endpoint == props.endpoint.trim()));
    let onclick = {
        let (phase, config) = (phase.clone(), props.config.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(config) = config.clone() else { return };
            if *phase == Phase::Sending {
                return;
            }
            let endpoint = config.lead.as_ref().map(|l| l.endpoint.clone()).unwrap_or_default();
            phase.set(Phase::Sending);
            let phase = phase.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = send(config).await;
                phase.set(Phase::Done { outcome, endpoint });
            });
        })
    };
    let sending = *phase == Phase::Sending;
    html! {
        <div class="cfg-lead-test" id="cfg-lead-test">
            <h3 class="cfg-subtitle">{ "Test your lead endpoint" }</h3>
            <p class="cfg-help" id="cfg-lead-test-help">
                { "Sends one sample lead (from \"Test lead from the Contract Fit configurator\", test@example.com, with the preview's estimate) the way a prospect's browser would, and says what happened." }
            </p>
            <p class="cfg-actions">
                <button type="button" class="cfg-button" id="cfg-lead-test-send" disabled={!ready || sending}
                    aria-describedby="cfg-lead-test-help" {onclick}>
                    { if sending { "Sending the test lead…" } else { "Send a test lead" } }
                </button>
            </p>
            if !ready {
                <p class="cfg-help">{ "Available once the endpoint is set and your config has no problems." }</p>
            }
            <div class="cfg-lead-test__result" role="status" aria-live="polite">
                if let Phase::Done { outcome, endpoint } = &*phase {
                    { {
                        let (head, more) = outcome.words(endpoint, &browser::page_origin());
                        html! {
                            <div class={classes!("cfg-outcome", if outcome.is_success() { "cfg-outcome--ok" } else { "cfg-outcome--bad" })}>
                                <p class="cfg-outcome__head"><strong>{ head }</strong></p>
                                <ul>{ for more.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                            </div>
                        }
                    } }
                }
            </div>
        </div>
    }
}
