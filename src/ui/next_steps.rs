//! The next step without a backend: email the estimate, copy a summary, print a quote, share a
//! link that reopens the same results, or start over (which can be undone). Every confirmation
//! appears next to the control that caused it; while a field is invalid nothing can be sent.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::env::{heading, use_env};
use super::host::HostEvents;
use super::lead::LeadForm;
use crate::model::{AnswerForm, Answers, Key, Report};

/// Properties of [`NextSteps`].
#[derive(Properties, PartialEq)]
pub struct NextStepsProps {
    /// The current report.
    pub report: Rc<Report>,
    /// The answers behind the report (always valid as a whole).
    pub answers: Rc<Answers>,
    /// The form those answers were read from, for the share link.
    pub form: Rc<AnswerForm>,
    /// Whether a field is invalid: then sending, copying, sharing and printing wait.
    pub blocked: bool,
    /// Whether "Start over" can be undone right now.
    pub can_undo: bool,
    /// Clears every answer.
    pub on_reset: Callback<()>,
    /// Brings back the cleared answers.
    pub on_undo: Callback<()>,
    /// Tells the host page which next step the prospect took (`email`, `copy`, `print`, `share`).
    #[prop_or_default]
    pub on_step: Callback<&'static str>,
    /// Where the widget keeps answers; a lead being typed is kept beside them.
    #[prop_or_default]
    pub storage_key: Option<AttrValue>,
    /// The host page, told of a sent or failed lead.
    #[prop_or_default]
    pub events: HostEvents,
}

/// A confirmation shown beside the control that caused it.
#[derive(Clone, PartialEq)]
enum Said {
    Copy(String),
    Share(String),
    Reset(String),
}

/// The next-step buttons.
#[component]
pub fn NextSteps(props: &NextStepsProps) -> Html {
    let env = use_env();
    let story = env.story();
    let said = use_state(|| None::<Said>);
    let shared_link = use_state(|| None::<String>);
    let fallback_text = use_state(|| None::<String>);
    let link = format!("{}#{}", browser::share_base(props.events.target.as_ref()), props.form.to_fragment());
    let company = &env.config.company;
    let text = story.summary(&props.report, &props.answers, &link);
    let blocked = props.blocked;
    let reason_id = env.id("next-blocked");

    let mailto = (!company.email.is_empty() && !blocked).then(|| {
        // The config allows only `local@domain` of safe characters; each part is encoded anyway.
        let (local, domain) = company.email.split_once('@').unwrap_or((&company.email, ""));
        format!(
            "mailto:{}@{}?subject={}&body={}",
            browser::encode_component(local),
            browser::encode_component(domain),
            browser::encode_component(&story.subject(&props.answers)),
            browser::encode_component(&text)
        )
    });

    let on_copy = {
        let (text, said, fallback) = (text.clone(), said.clone(), fallback_text.clone());
        let (ok, failed) = (env.t(Key::NextCopied).to_string(), env.t(Key::NextCopyFailed).to_string());
        let step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| {
            step.emit("copy");
            let (said, fallback, text2) = (said.clone(), fallback.clone(), text.clone());
            let (ok, failed) = (ok.clone(), failed.clone());
            browser::copy_text(&text, move |worked| {
                if worked {
                    fallback.set(None);
                    said.set(Some(Said::Copy(ok)));
                } else {
                    fallback.set(Some(text2));
                    said.set(Some(Said::Copy(failed)));
                }
            });
        })
    };
    let on_share = {
        let (link, said, shown) = (link.clone(), said.clone(), shared_link.clone());
        let (copied, ready) = (env.t(Key::NextLinkCopied).to_string(), env.t(Key::NextLinkReady).to_string());
        let step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| {
            step.emit("share");
            // The address bar shows the link too, unless the host page uses the fragment itself.
            let current = browser::fragment();
            if current.is_empty() || AnswerForm::from_fragment(&current).is_some() {
                browser::set_fragment(link.split_once('#').map_or("", |(_, f)| f));
            }
            shown.set(Some(link.clone()));
            let (said, copied, ready) = (said.clone(), copied.clone(), ready.clone());
            browser::copy_text(&link, move |worked| said.set(Some(Said::Share(if worked { copied } else { ready }))));
        })
    };
    let on_print = props.on_step.reform(|_: MouseEvent| {
        browser::print();
        "print"
    });
    let on_email = props.on_step.reform(|_: MouseEvent| "email");
    let on_reset = {
        let (reset, said, shown, fallback) = (props.on_reset.clone(), said.clone(), shared_link.clone(), fallback_text.clone());
        let done = env.t(Key::NextResetDone).to_string();
        Callback::from(move |_: MouseEvent| {
            shown.set(None);
            fallback.set(None);
            said.set(Some(Said::Reset(done.clone())));
            reset.emit(());
        })
    };
    let on_undo = {
        let (undo, said) = (props.on_undo.clone(), said.clone());
        let done = env.t(Key::NextUndone).to_string();
        Callback::from(move |_: MouseEvent| {
            said.set(Some(Said::Reset(done.clone())));
            undo.emit(());
        })
    };
    // After "Start over" the page above shrinks; keep its confirmation (and Undo) in view.
    let reset_said = use_node_ref();
    {
        let reset_said = reset_said.clone();
        use_effect_with((*said).clone(), move |said| {
            if matches!(said, Some(Said::Reset(_))) {
                if let Some(el) = reset_said.cast::<web_sys::Element>() {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            }
        });
    }
    let link_id = env.id("share-link");
    let described = blocked.then(|| reason_id.clone());
    let message = |which: fn(&Said) -> Option<&String>| -> Html {
        match said.as_ref().and_then(which) {
            Some(m) => html! { <p class="cf-said" role="status">{ m.clone() }</p> },
            None => html! {},
        }
    };

    html! {
        <section class="cf-section cf-next" aria-labelledby={env.id("next-title")}>
            { heading(&env, 1, Some(env.id("next-title")), "cf-section__title", html! { { env.t(Key::NextHeading) } }) }
            if blocked {
                <p class="cf-notice" id={reason_id.clone()}>{ env.t(Key::NextDisabled) }</p>
            }
            if let Some(lead) = env.config.lead.clone() {
                <LeadForm {lead} report={props.report.clone()} answers={props.answers.clone()} summary={text.clone()}
                    {blocked} storage_key={props.storage_key.clone()} events={props.events.clone()} />
            }
            <div class="cf-actions">
                if !company.email.is_empty() {
                    if let Some(href) = mailto {
                        <a class="cf-button cf-button--primary" href={href} target="_top" onclick={on_email}>
                            { env.tf(Key::NextEmail, &[("company", &company.name)]) }
                        </a>
                    } else {
                        <a class="cf-button cf-button--primary" role="link" aria-disabled="true" aria-describedby={described.clone()}>
                            { env.tf(Key::NextEmail, &[("company", &company.name)]) }
                        </a>
                    }
                }
                <button type="button" class="cf-button" onclick={on_copy} disabled={blocked} aria-describedby={described.clone()}>{ env.t(Key::NextCopy) }</button>
                <button type="button" class="cf-button" onclick={on_print} disabled={blocked} aria-describedby={described.clone()}>{ env.t(Key::NextPrint) }</button>
                <button type="button" class="cf-button" onclick={on_share} disabled={blocked} aria-describedby={described}>{ env.t(Key::NextShare) }</button>
            </div>
            { message(|s| if let Said::Copy(m) = s { Some(m) } else { None }) }
            if let Some(t) = &*fallback_text {
                <textarea class="cf-input cf-summary-text" readonly={true} rows="10" aria-label={env.t(Key::NextCopy).to_string()} value={t.clone()} />
            }
            { message(|s| if let Said::Share(m) = s { Some(m) } else { None }) }
            if let Some(url) = &*shared_link {
                <div class="cf-field">
                    <label class="cf-label" for={link_id.clone()}>{ env.t(Key::NextLinkLabel) }</label>
                    <input id={link_id} class="cf-input" type="text" readonly={true} value={url.clone()} />
                </div>
            }
            <div class="cf-reset" ref={reset_said}>
            <div class="cf-actions cf-actions--quiet">
                <button type="button" class="cf-button cf-button--quiet" onclick={on_reset}>{ env.t(Key::NextReset) }</button>
                if props.can_undo {
                    <button type="button" class="cf-button cf-button--quiet" onclick={on_undo}>{ env.t(Key::NextUndo) }</button>
                }
            </div>
            { message(|s| if let Said::Reset(m) = s { Some(m) } else { None }) }
            </div>
            if !company.phone.is_empty() {
                <p class="cf-help">{ env.tf(Key::NextCall, &[("phone", &company.phone)]) }</p>
            }
        </section>
    }
}
