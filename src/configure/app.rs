//! The configurator's root: it restores the work kept in the browser, keeps it as it changes, and
//! lays out the form beside the live preview (below it on a phone).

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::browser::{self, keys};
use super::fields::Cx;
use super::panels::{problems_panel, EmbedPanel, StartPanel, TextsPanel};
use super::preview::Preview;
use super::sections::{self, LeadSection, TaxSection};
use super::start::Start;
use super::state::Editor;
use super::{lists, state::Undo};
use crate::model::json::{self, Value};

/// The work kept in the browser: the document (or the default when there is none), what the
/// last start replaced, and saved text that could not be read (offered in the paste box, never
/// thrown away).
fn restore() -> (Value, Option<Undo>, Option<String>) {
    let undo = browser::load(keys::UNDO).and_then(|t| Editor::undo_from_json(&t));
    match browser::load(keys::DRAFT) {
        None => (Start::Default.document(), undo, None),
        Some(text) => match json::parse(&text) {
            Ok(v @ Value::Object(_)) => (v, undo, None),
            _ => (Start::Default.document(), undo, Some(text)),
        },
    }
}

/// The sections, in the order the navigation lists them.
const SECTIONS: &[(&str, &str)] = &[
    ("cfg-start", "Start, import, export"),
    ("cfg-problems", "Check"),
    ("cfg-company", "Company"),
    ("cfg-currency", "Currency and locale"),
    ("cfg-rates", "Rates"),
    ("cfg-workload", "Workload"),
    ("cfg-plans", "Plans"),
    ("cfg-questions", "Questions"),
    ("cfg-bands", "Verdicts"),
    ("cfg-threshold", "Verdict threshold"),
    ("cfg-lead", "Leads"),
    ("cfg-form", "Form controls"),
    ("cfg-tax", "Tax"),
    ("cfg-theme", "Theme"),
    ("cfg-texts", "Wording"),
    ("cfg-embed", "Put it on your website"),
    ("cfg-preview", "Preview"),
];

/// The configurator.
#[component]
fn App() -> Html {
    let restored = use_memo((), |()| restore());
    // Private windows and some settings refuse storage: then the work lives only in this tab.
    let kept = use_memo((), |()| {
        browser::save("configure:probe", "1");
        let ok = browser::load("configure:probe").is_some();
        browser::remove("configure:probe");
        ok
    });
    let editor = {
        let restored = restored.clone();
        use_reducer(move || Editor::new(restored.0.clone(), restored.1.clone()))
    };
    // Every change is kept at once: a reload, a crash or a closed tab loses nothing.
    use_effect_with(editor.doc.clone(), |doc| browser::save(keys::DRAFT, &doc.to_json_string()));
    {
        let undo = editor.undo_json();
        use_effect_with(undo, |undo| match undo {
            Some(text) => browser::save(keys::UNDO, text),
            None => browser::remove(keys::UNDO),
        });
    }

    let cx = Cx { doc: editor.doc.clone(), checked: editor.checked.clone(), dispatch: editor.dispatcher().to_callback() };
    let config = editor.checked.config.clone().map(Rc::new);
    let stale = editor.checked.config.is_none() && editor.preview.is_some();
    let texts = editor.doc.get("texts").cloned();
    let text_problems: Vec<_> = editor
        .checked
        .problems
        .iter()
        .chain(&editor.checked.unknown)
        .filter(|p| p.path == "texts" || p.path.starts_with("texts."))
        .cloned()
        .collect();

    html! {
        <div class="cfg-app">
            <header class="cfg-header">
                <h1 class="cfg-title">{ "Set up your calculator" }</h1>
                <p class="cfg-intro">
                    { "Fill in your company, prices, questions and wording; the preview shows your calculator as you go. Your work is kept in this browser. When the check says ok, download config.json and copy the snippet for your website." }
                </p>
                if !*kept {
                    <p class="cfg-notice" role="alert">
                        { "This browser does not let the configurator keep your work (a private window, or storage turned off): download config.json before you close this page, and import it to continue." }
                    </p>
                }
                <nav class="cfg-nav" aria-label="Sections">
                    <ul>{ for SECTIONS.iter().map(|(id, label)| html! { <li><a href={format!("#{id}")}>{ *label }</a></li> }) }</ul>
                </nav>
            </header>
            <div class="cfg-layout">
                <div class="cfg-main">
                    <StartPanel doc={editor.doc.clone()} checked={editor.checked.clone()} undo={editor.undo.clone()}
                        dispatch={cx.dispatch.clone()} unreadable={restored.2.clone()} />
                    { problems_panel(&cx, stale) }
                    <form class="cfg-form" novalidate={true} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
                        aria-label="Your config">
                        { sections::company(&cx) }
                        { sections::currency(&cx) }
                        { sections::rates(&cx) }
                        { sections::workload(&cx) }
                        { lists::plans(&cx) }
                        { lists::questions(&cx) }
                        { lists::bands(&cx) }
                        { sections::threshold(&cx, config.as_deref()) }
                        <LeadSection cx={cx.clone()} config={config.clone()} />
                        { sections::form_controls(&cx, config.as_deref().or(editor.preview.as_deref())) }
                        <TaxSection cx={cx.clone()} />
                        { sections::theme(&cx) }
                        <TextsPanel {texts} problems={text_problems} dispatch={cx.dispatch.clone()} />
                    </form>
                    <EmbedPanel doc={editor.doc.clone()} config={config.clone()} ready={editor.checked.is_ok()} />
                </div>
                <div class="cfg-side">
                    <Preview config={editor.preview.clone()} generation={editor.generation} {stale} />
                </div>
            </div>
        </div>
    }
}

/// Starts the configurator in `host` (the loader, `configure.js`, calls it).
pub fn mount(host: Element) {
    crate::ui::recover::install_panic_hook();
    host.set_inner_html("");
    yew::Renderer::<App>::with_root(host).render();
}
