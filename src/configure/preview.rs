//! The live preview: the widget itself (`contract_fit::ui::Widget`), in a shadow root of its own so
//! that neither page's styles reach the other, showing the last config that worked. It starts
//! again on every new config, keeping the sample prospect's answers (the widget's own saved
//! answers, under the configurator's storage key).

use std::rc::Rc;

use yew::prelude::*;

use super::browser::{self, keys};
use crate::model::{AnswerForm, Answers, Config};
use crate::ui::intl::Formats;
use crate::ui::Widget;

/// The sample prospect's answers as the preview holds them: the widget's saved answers when they
/// are valid for `config`, else the config's starting answers.
pub fn sample_answers(config: &Config) -> Answers {
    let syntax = Formats::new(&config.locale, &config.currency, config.minor_units).syntax;
    let saved = browser::load(keys::PREVIEW).and_then(|t| AnswerForm::from_json(&t));
    let mut form = saved.unwrap_or_else(|| AnswerForm::starting(config));
    form.reconcile(config);
    form.to_answers(config, &syntax)
        .or_else(|_| AnswerForm::starting(config).to_answers(config, &syntax))
        .unwrap_or_default()
}

/// How long typing must pause before the preview shows the new config.
const PAUSE_MS: u32 = 300;

/// Properties of [`Preview`].
#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The last config that worked.
    pub config: Option<Rc<Config>>,
    /// Counts the configs shown: a new one starts the preview again.
    pub generation: u32,
    /// Whether the document has problems, so the preview is of an earlier version.
    pub stale: bool,
}

/// The preview pane.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let host = use_node_ref();
    let container = use_state(|| None::<web_sys::Element>);
    let resets = use_state(|| 0u32);
    let note = use_state(String::new);
    // Starting the widget again takes a moment; while the consultancy types, the preview follows
    // once the typing pauses, not on every key.
    let shown = use_state(|| (props.config.clone(), props.generation));
    {
        let (shown, pending) = (shown.clone(), use_mut_ref(|| None::<gloo::timers::callback::Timeout>));
        use_effect_with((props.config.clone(), props.generation), move |(config, generation)| {
            if shown.1 != *generation {
                let (config, generation) = (config.clone(), *generation);
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(PAUSE_MS, move || shown.set((config, generation))));
            }
        });
    }
    {
        let (host, container) = (host.clone(), container.clone());
        use_effect_with((), move |()| {
            let made = (|| -> Option<web_sys::Element> {
                let el = host.cast::<web_sys::Element>()?;
                let document = web_sys::window()?.document()?;
                let root = match el.shadow_root() {
                    Some(r) => r,
                    None => el.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?,
                };
                let link = document.create_element("link").ok()?;
                link.set_attribute("rel", "stylesheet").ok()?;
                link.set_attribute("href", "contract-fit.css").ok()?;
                let inner = document.create_element("div").ok()?;
                inner.set_class_name("cf-root");
                root.append_child(&link).ok()?;
                root.append_child(&inner).ok()?;
                Some(inner)
            })();
            container.set(made);
        });
    }
    let reset = {
        let (resets, note) = (resets.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            browser::remove(keys::PREVIEW);
            resets.set(resets.wrapping_add(1));
            note.set("The sample prospect starts again from your form's starting values.".into());
        })
    };
    let download = {
        let (config, note) = (props.config.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(config) = &config else { return };
            let answers = sample_answers(config);
            let mut text = answers.to_json(config.minor_units).to_pretty_string();
            text.push('\n');
            note.set(if browser::download("answers.json", &text, "application/json") {
                "Downloaded answers.json: contract-fit evaluate --config config.json --answers answers.json prices them as shown here.".into()
            } else {
                "This browser did not offer the download.".into()
            });
        })
    };
    let status = match (&props.config, props.stale) {
        (None, _) => "The preview appears once your config works: fix the problems listed under Check.",
        (Some(_), true) => "Your config has problems: this is the last version that worked.",
        (Some(_), false) => "Live: your calculator as visitors will see it.",
    };
    let portal = match (&*container, &shown.0) {
        (Some(target), Some(config)) => create_portal(
            html! {
                <Widget key={format!("{}-{}", shown.1, *resets)} config={config.clone()} id_prefix="cfp"
                    heading_level={3} storage_key={Some(AttrValue::Static(keys::PREVIEW))} read_fragment={false} />
            },
            target.clone(),
        ),
        _ => html! {},
    };
    html! {
        <section class="cfg-preview" id="cfg-preview" aria-labelledby="cfg-preview-title">
            <div class="cfg-preview__bar">
                <h2 class="cfg-section__title" id="cfg-preview-title">{ "Preview" }</h2>
                <p class={classes!("cfg-preview__status", props.stale.then_some("cfg-preview__status--stale"))} role="status">{ status }</p>
                <p class="cfg-help">{ "Answer it as a prospect would: these sample answers stay while you edit." }</p>
                <p class="cfg-actions">
                    <button type="button" class="cfg-button cfg-button--small" onclick={reset} disabled={props.config.is_none()}>{ "Reset the sample prospect" }</button>
                    <button type="button" class="cfg-button cfg-button--small" onclick={download} disabled={props.config.is_none()}>{ "Download the sample answers" }</button>
                </p>
                <p class="cfg-status" role="status">{ (*note).clone() }</p>
            </div>
            <div class="cfg-preview__frame" ref={host}></div>
            { portal }
        </section>
    }
}
