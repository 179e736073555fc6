//! The panels around the form: where to start, import and export; what check says, with a way to
//! each problem; every text key with its default and a filter; and the embed snippets.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::browser::{self, focus_later, keys};
use super::check::Checked;
use super::doc::{self, parse_problem_path, Path};
use super::fields::{problem_list, Cx};
use super::snippet::{self, Mode, Source};
use super::start::Start;
use super::state::{Action, Undo};
use crate::model::json::{self, Object, Value};
use crate::model::{Config, Key, Plural, Problem, Rule, TEXTS};

/// The exported file's text: the document as written, two spaces deep, ending with a newline.
pub fn export_text(doc: &Value) -> String {
    let mut text = doc.to_pretty_string();
    text.push('\n');
    text
}

/// Properties of [`StartPanel`].
#[derive(Properties, PartialEq)]
pub struct StartPanelProps {
    /// The document, for export.
    pub doc: Rc<Value>,
    /// What check says, to warn before exporting a config with problems.
    pub checked: Rc<Checked>,
    /// What the last start or import replaced.
    pub undo: Option<Undo>,
    /// Where edits go.
    pub dispatch: Callback<Action>,
    /// Saved work that could not be read, offered in the paste box.
    #[prop_or_default]
    pub unreadable: Option<String>,
}

/// What an import found.
#[derive(Clone, PartialEq)]
enum Imported {
    /// It was read: what it was, and check's lines for it.
    Read { what: String, lines: Vec<String> },
    /// It could not be used: why.
    Refused { what: String, why: Vec<String> },
}

/// Start, import and export.
#[component]
pub fn StartPanel(props: &StartPanelProps) -> Html {
    let pasted = use_state(|| props.unreadable.clone().unwrap_or_default());
    let imported = use_state(|| None::<Imported>);
    let exported = use_state(|| None::<String>);
    let dragging = use_state(|| false);

    // Reads JSON text into the document, or says why it cannot.
    let take = {
        let (dispatch, imported, pasted) = (props.dispatch.clone(), imported.clone(), pasted.clone());
        Rc::new(move |text: String, what: String| {
            match json::parse(&text) {
                Ok(v @ Value::Object(_)) => {
                    let lines = super::check::check(&v).lines();
                    dispatch.emit(Action::Replace { doc: v, what: format!("Imported {what}.") });
                    imported.set(Some(Imported::Read { what, lines }));
                    pasted.set(String::new());
                }
                Ok(other) => {
                    let kind = match other {
                        Value::Array(_) => "a list",
                        Value::String(_) => "a string",
                        Value::Number(_) => "a number",
                        Value::Bool(_) => "a boolean",
                        _ => "null",
                    };
                    imported.set(Some(Imported::Refused { what, why: vec![format!("must be an object, got {kind}")] }));
                    pasted.set(text);
                }
                Err(e) => {
                    imported.set(Some(Imported::Refused { what, why: vec![format!("is not valid JSON: {e}")] }));
                    // The text stays in the paste box, to be fixed there.
                    pasted.set(text);
                }
            }
            focus_later(vec!["cfg-import-result".into()]);
        })
    };

    let read_file = {
        let (take, imported) = (take.clone(), imported.clone());
        Rc::new(move |file: web_sys::File| {
            let (take, imported) = (take.clone(), imported.clone());
            let name = file.name();
            wasm_bindgen_futures::spawn_local(async move {
                match browser::file_text(file).await {
                    Ok(text) => take(text, name),
                    Err(why) => imported.set(Some(Imported::Refused { what: name, why: vec![format!("could not be read: {why}")] })),
                }
            });
        })
    };
    let on_file = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file);
            }
            // The same file can be chosen again after it is fixed.
            input.set_value("");
        })
    };
    let on_drop = {
        let (read_file, dragging) = (read_file.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                read_file(file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_paste_import = {
        let (take, pasted) = (take.clone(), pasted.clone());
        Callback::from(move |_: MouseEvent| take((*pasted).clone(), "the pasted JSON".into()))
    };
    let start = |s: Start| {
        let dispatch = props.dispatch.clone();
        let imported = imported.clone();
        Callback::from(move |_: MouseEvent| {
            imported.set(None);
            dispatch.emit(Action::Replace { doc: s.document(), what: format!("Started over from {}.", s.name()) });
            focus_later(vec!["cfg-undo".into()]);
        })
    };
    let undo = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Undo))
    };
    let download = {
        let (doc, exported) = (props.doc.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            let ok = browser::download("config.json", &export_text(&doc), "application/json");
            exported.set(Some(if ok { "Downloaded config.json.".into() } else { "This browser did not offer the download; copy the JSON instead.".into() }));
        })
    };
    let copy = {
        let (doc, exported) = (props.doc.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            let exported = exported.clone();
            browser::copy_text(&export_text(&doc), move |ok| {
                exported.set(Some(if ok { "Copied the JSON.".into() } else { "This browser did not allow copying; download the file instead.".into() }));
            });
        })
    };
    let problems = props.checked.count();

    html! {
        <section class="cfg-section cfg-start" id="cfg-start" aria-labelledby="cfg-start-title">
            <h2 class="cfg-section__title" id="cfg-start-title">{ "Start, import and export" }</h2>
            if let Some(u) = &props.undo {
                <p class="cfg-notice" role="status">
                    // After a refused import, what the undo record says ("Imported …") is not
                    // the latest news: the refusal below is, and the button keeps its meaning.
                    if !matches!(&*imported, Some(Imported::Refused { .. })) {
                        { u.what.clone() }{ " " }
                    }
                    <button type="button" class="cfg-button cfg-button--small" id="cfg-undo" onclick={undo}>
                        { "Undo: bring back what was there before" }
                    </button>
                </p>
            }
            <div class="cfg-start__grid">
                <div>
                    <h3 class="cfg-subtitle">{ "Start over from" }</h3>
                    <ul class="cfg-start__list">
                        { for Start::ALL.iter().map(|s| html! {
                            <li><button type="button" class="cfg-button" onclick={start(*s)}>{ s.label() }</button></li>
                        }) }
                    </ul>
                    <p class="cfg-help">{ "Your current work can be brought back with Undo." }</p>
                </div>
                <div>
                    <h3 class="cfg-subtitle">{ "Import a config" }</h3>
                    <div class={classes!("cfg-drop", dragging.then_some("cfg-drop--over"))}
                        ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                        <label class="cfg-label" for="cfg-import-file">{ "Choose a config file (or drop it here)" }</label>
                        <input id="cfg-import-file" class="cfg-file" type="file" accept=".json,application/json,text/plain" onchange={on_file} />
                    </div>
                    <div class="cfg-field">
                        <label class="cfg-label" for="cfg-paste">{ "…or paste its JSON" }</label>
                        <textarea id="cfg-paste" class="cfg-input cfg-input--code" rows="4" spellcheck="false"
                            value={(*pasted).clone()} oninput={on_paste_input} />
                    </div>
                    <p class="cfg-actions">
                        <button type="button" class="cfg-button" id="cfg-paste-import" disabled={pasted.trim().is_empty()}
                            onclick={on_paste_import}>{ "Import the pasted JSON" }</button>
                    </p>
                    <div id="cfg-import-result" tabindex="-1" role="status" class="cfg-import-result">
                        { match &*imported {
                            None => html! {},
                            Some(Imported::Read { what, lines }) if lines.is_empty() => html! {
                                <p class="cfg-ok">{ format!("Imported {what}: contract-fit check says ok.") }</p>
                            },
                            Some(Imported::Read { what, lines }) => html! {
                                <>
                                    <p>{ format!("Imported {what}, with {}. Each is shown at its field below:", plural(lines.len(), "problem")) }</p>
                                    <ul class="cfg-lines">{ for lines.iter().map(|l| html! { <li><code>{ l }</code></li> }) }</ul>
                                </>
                            },
                            Some(Imported::Refused { what, why }) => html! {
                                <>
                                    <p class="cfg-problem">{ format!("{what} was not imported; your work is unchanged:") }</p>
                                    <ul class="cfg-lines">{ for why.iter().map(|l| html! { <li><code>{ l }</code></li> }) }</ul>
                                </>
                            },
                        } }
                    </div>
                </div>
                <div>
                    <h3 class="cfg-subtitle">{ "Export" }</h3>
                    <p class="cfg-actions">
                        <button type="button" class="cfg-button cfg-button--primary" id="cfg-download" onclick={download}>{ "Download config.json" }</button>
                        <button type="button" class="cfg-button" id="cfg-copy-json" onclick={copy}>{ "Copy the JSON" }</button>
                    </p>
                    if problems > 0 {
                        <p class="cfg-help">{ format!("It has {}: contract-fit check refuses it until they are fixed.", plural(problems, "problem")) }</p>
                    } else {
                        <p class="cfg-help">{ "contract-fit check says ok: upload it beside the widget's files." }</p>
                    }
                    <p class="cfg-status" role="status">{ (*exported).clone().unwrap_or_default() }</p>
                </div>
            </div>
        </section>
    }
}

/// "1 problem", "3 problems".
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Whether a problem is a field or key the calculator does not know, which can only be removed.
fn removable(p: &Problem) -> bool {
    matches!(p.rule, Rule::UnknownField { .. } | Rule::UnknownTextKey { .. } | Rule::UnknownPluralForm { .. })
}

/// The ids to try, nearest first, to bring a problem's field into view.
fn focus_ids(path: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut p = parse_problem_path(path);
    while let Some(here) = p {
        ids.push(here.field_id());
        if let [doc::Seg::Key(t), doc::Seg::Key(k)] = here.0.as_slice() {
            // A plural form's problem belongs to its text key's row.
            if t == "texts" {
                if let Some((key, _)) = k.rsplit_once('.') {
                    ids.push(Path::of(&["texts", key]).field_id());
                }
            }
        }
        p = here.parent();
    }
    ids.push("cfg-problems".into());
    ids
}

/// What check says, with a way to each problem.
pub fn problems_panel(cx: &Cx, stale: bool) -> Html {
    let checked = &cx.checked;
    let all: Vec<&Problem> = checked.problems.iter().chain(&checked.unknown).collect();
    let headline = if checked.is_ok() {
        "contract-fit check says ok: this config is ready.".to_string()
    } else if checked.config.is_some() {
        format!(
            "{}: the calculator ignores {}, but contract-fit check refuses {}. Remove or rename {}.",
            plural(all.len(), "unknown field"),
            if all.len() == 1 { "it" } else { "them" },
            if all.len() == 1 { "it" } else { "them" },
            if all.len() == 1 { "it" } else { "them" }
        )
    } else {
        format!("{} to fix, as contract-fit check says. Each is shown at its field.", plural(all.len(), "problem"))
    };
    html! {
        <section class={classes!("cfg-problems", (!checked.is_ok()).then_some("cfg-problems--bad"))} id="cfg-problems"
            aria-labelledby="cfg-problems-title" tabindex="-1">
            <h2 class="cfg-section__title" id="cfg-problems-title">{ "Check" }</h2>
            <p class="cfg-problems__headline" role="status">{ headline }
                if stale { { " The preview shows the last version that worked." } }
            </p>
            if !all.is_empty() {
                <ul class="cfg-lines">
                    { for all.iter().take(crate::model::LISTED_PROBLEMS).map(|p| {
                        let go = {
                            let ids = focus_ids(&p.path);
                            Callback::from(move |_: MouseEvent| focus_later(ids.clone()))
                        };
                        let remove = removable(p).then(|| parse_problem_path(&p.path)).flatten().filter(|path| doc::get(&cx.doc, path).is_some());
                        html! {
                            <li>
                                <code>{ p.to_string() }</code>{ " " }
                                <button type="button" class="cfg-link" onclick={go}>{ "Show the field" }</button>
                                if let Some(path) = remove {
                                    { " " }
                                    <button type="button" class="cfg-link" onclick={cx.setter(&path, |_: MouseEvent| None)}
                                        aria-label={format!("Remove {}", p.path)}>{ "Remove it" }</button>
                                }
                            </li>
                        }
                    }) }
                    if all.len() > crate::model::LISTED_PROBLEMS {
                        <li>{ crate::model::more_line(all.len() - crate::model::LISTED_PROBLEMS) }</li>
                    }
                </ul>
            }
        </section>
    }
}

/// Properties of [`TextsPanel`].
#[derive(Properties, PartialEq)]
pub struct TextsPanelProps {
    /// The document's `texts`, if any.
    pub texts: Option<Value>,
    /// Check's problems under `texts`.
    pub problems: Vec<Problem>,
    /// Where edits go.
    pub dispatch: Callback<Action>,
}

/// A text key's override for one plural form, written back as simply as it can be: no override
/// when empty, a plain text when only `other` is given, else an object of forms.
fn with_form(current: Option<&Value>, form: Plural, text: String) -> Option<Value> {
    let mut forms: Vec<(String, Value)> = match current {
        Some(Value::Object(o)) => o.0.clone(),
        Some(Value::String(s)) => vec![("other".into(), Value::String(s.clone()))],
        _ => Vec::new(),
    };
    forms.retain(|(k, _)| k != form.name());
    if !text.is_empty() {
        forms.push((form.name().into(), Value::String(text)));
    }
    let order = |k: &str| Plural::ALL.iter().position(|p| p.name() == k).unwrap_or(Plural::ALL.len());
    forms.sort_by_key(|(k, _)| order(k));
    match forms.as_slice() {
        [] => None,
        [(k, v)] if k == "other" => Some(v.clone()),
        _ => Some(Value::Object(Object(forms))),
    }
}

/// Every text key, its default, and the consultancy's own wording.
#[component]
pub fn TextsPanel(props: &TextsPanelProps) -> Html {
    let filter = use_state(String::new);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| filter.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let needle = filter.trim().to_lowercase();
    let texts = props.texts.as_ref();
    let own = |key: &str| texts.and_then(|t| t.get(key));
    let shown: Vec<_> = TEXTS
        .iter()
        .filter(|d| {
            needle.is_empty()
                || d.key.to_lowercase().contains(&needle)
                || d.default.to_lowercase().contains(&needle)
                || d.one.is_some_and(|o| o.to_lowercase().contains(&needle))
                || own(d.key).is_some_and(|v| v.to_json_string().to_lowercase().contains(&needle))
        })
        .collect();
    let changed = TEXTS.iter().filter(|d| own(d.key).is_some()).count();
    let problems_at = |key: &str| -> Vec<String> {
        let base = format!("texts.{key}");
        props
            .problems
            .iter()
            .filter(|p| p.path == base || p.path.strip_prefix(&base).is_some_and(|rest| rest.starts_with('.')))
            .map(ToString::to_string)
            .collect()
    };
    html! {
        <section class="cfg-section" id="cfg-texts" aria-labelledby="cfg-texts-title">
            <h2 class="cfg-section__title" id="cfg-texts-title">{ "Wording" }</h2>
            <p class="cfg-intro">{ format!("Every text the calculator shows or speaks, with its English default. Write your own to replace it; leave it empty to keep the default. You have changed {} of {}.", changed, TEXTS.len()) }</p>
            <details class="cfg-details" id={Path::of(&["texts"]).field_id()}>
                <summary>{ "Show every text key" }</summary>
                <div class="cfg-field">
                    <label class="cfg-label" for="cfg-texts-filter">{ "Filter by key or words" }</label>
                    <input id="cfg-texts-filter" class="cfg-input" type="search" value={(*filter).clone()} oninput={on_filter}
                        aria-describedby="cfg-texts-count" />
                    <p class="cfg-help" id="cfg-texts-count" role="status">{ format!("Showing {} of {} texts.", shown.len(), TEXTS.len()) }</p>
                </div>
                <div class="cfg-texts">
                    { for shown.into_iter().map(|def| {
                        let path = Path::of(&["texts", def.key]);
                        let id = path.field_id();
                        let current = own(def.key).cloned();
                        let problems = problems_at(def.key);
                        let placeholders = if def.placeholders.is_empty() {
                            "No placeholders.".to_string()
                        } else {
                            format!("Placeholders: {}.", def.placeholders.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", "))
                        };
                        let write = |form: Option<Plural>| {
                            let (dispatch, path, current) = (props.dispatch.clone(), path.clone(), current.clone());
                            Callback::from(move |e: InputEvent| {
                                let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                                let value = match form {
                                    None => (!text.is_empty()).then_some(Value::String(text)),
                                    Some(f) => with_form(current.as_ref(), f, text),
                                };
                                dispatch.emit(Action::Set(path.clone(), value));
                            })
                        };
                        let form_text = |f: Plural| match &current {
                            Some(Value::Object(o)) => o.get(f.name()).map(doc::shown).unwrap_or_default(),
                            Some(Value::String(s)) if f == Plural::Other => s.clone(),
                            Some(other) if f == Plural::Other => other.to_json_string(),
                            _ => String::new(),
                        };
                        let describe = super::fields::described_by(&id, true, problems.len());
                        html! {
                            <div class={classes!("cfg-text", (!problems.is_empty()).then_some("cfg-field--invalid"))} id={id.clone()}>
                                if def.one.is_none() {
                                    <label class="cfg-label" for={format!("{id}-text")}><code>{ def.key }</code></label>
                                    <textarea id={format!("{id}-text")} class="cfg-input cfg-input--area" rows="2" placeholder={def.default}
                                        value={form_text(Plural::Other)} oninput={write(None)}
                                        aria-invalid={(!problems.is_empty()).then_some("true")} aria-describedby={describe.clone()} />
                                } else {
                                    <p class="cfg-label" id={format!("{id}-label")}><code>{ def.key }</code>{ " (counts something)" }</p>
                                    { for Plural::ALL.iter().filter(|f| **f == Plural::One || **f == Plural::Other || !form_text(**f).is_empty()).map(|f| html! {
                                        <div class="cfg-text__form">
                                            <label class="cfg-label cfg-label--form" for={format!("{id}-{}", f.name())}>
                                                <span class="cfg-visually-hidden">{ def.key }{ ", " }</span>{ format!("{} form", f.name()) }
                                            </label>
                                            <textarea id={format!("{id}-{}", f.name())} class="cfg-input cfg-input--area" rows="1"
                                                placeholder={if *f == Plural::One { def.one.unwrap_or(def.default).to_string() } else { def.default.to_string() }}
                                                value={form_text(*f)} oninput={write(Some(*f))}
                                                aria-invalid={(!problems.is_empty()).then_some("true")} aria-describedby={describe.clone()} />
                                        </div>
                                    }) }
                                }
                                <p class="cfg-help" id={format!("{id}-help")}>
                                    { "Default: " }<q>{ def.default }</q>
                                    if let Some(one) = def.one { { " (one: " }<q>{ one }</q>{ ")" } }
                                    { ". " }{ placeholders }
                                </p>
                                { problem_list(&id, &problems) }
                            </div>
                        }
                    }) }
                </div>
            </details>
        </section>
    }
}

/// The snippet settings, kept in the browser.
#[derive(Clone, PartialEq)]
struct EmbedSettings {
    mode: Mode,
    source: Source,
    base: String,
    url: String,
}

impl EmbedSettings {
    fn load() -> EmbedSettings {
        let saved = browser::load(keys::EMBED).and_then(|t| json::parse(&t).ok());
        let get = |k: &str| saved.as_ref().and_then(|v| v.get(k)).and_then(Value::as_str).map(String::from);
        EmbedSettings {
            mode: Mode::ALL.into_iter().find(|m| Some(m.id()) == get("mode").as_deref()).unwrap_or(Mode::Element),
            source: if get("source").as_deref() == Some("inline") { Source::Inline } else { Source::Url },
            base: get("base").unwrap_or_else(|| "/tools/estimate/".into()),
            url: get("url").unwrap_or_else(|| "/tools/estimate/config.json".into()),
        }
    }

    fn save(&self) {
        let v = Object::default()
            .with("mode", self.mode.id())
            .with("source", if self.source == Source::Inline { "inline" } else { "url" })
            .with("base", self.base.as_str())
            .with("url", self.url.as_str());
        browser::save(keys::EMBED, &Value::Object(v).to_json_string());
    }
}

/// Properties of [`EmbedPanel`].
#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    /// The document, for an inline config.
    pub doc: Rc<Value>,
    /// The config that works, for the frame's title; `None` while the document has problems.
    pub config: Option<Rc<Config>>,
    /// Whether check says ok.
    pub ready: bool,
}

/// The snippet for the consultancy's website, in each embed mode.
#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let settings = use_state(EmbedSettings::load);
    let copied = use_state(|| None::<String>);
    {
        let s = (*settings).clone();
        use_effect_with(s, |s| s.save());
    }
    let update = |f: fn(&mut EmbedSettings, String)| {
        let (settings, copied) = (settings.clone(), copied.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*settings).clone();
            f(&mut next, value);
            copied.set(None);
            settings.set(next);
        })
    };
    let typed = |f: fn(&mut EmbedSettings, String)| update(f).reform(|e: InputEvent| Event::from(e));
    let s = &*settings;
    let source = if s.mode.takes_inline() { s.source } else { Source::Url };
    let title = props.config.as_ref().map_or("IT service contract calculator".to_string(), |c| c.texts.get(Key::WidgetTitle).to_string());
    let text = snippet::snippet(&snippet::Input { mode: s.mode, source, base: &s.base, config_url: &s.url, config: &props.doc, title: &title });
    let copy = {
        let (text, copied) = (text.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            browser::copy_text(&text, move |ok| {
                copied.set(Some(if ok { "Copied the snippet.".into() } else { "This browser did not allow copying: select the snippet and copy it.".into() }));
            });
        })
    };
    html! {
        <section class="cfg-section" id="cfg-embed" aria-labelledby="cfg-embed-title">
            <h2 class="cfg-section__title" id="cfg-embed-title">{ "Put it on your website" }</h2>
            <p class="cfg-intro">{ "Copy the widget's files (the folder this page came from) to your site, then paste this where the calculator should appear." }</p>
            <fieldset class="cfg-subgroup">
                <legend>{ "How to embed it" }</legend>
                { for Mode::ALL.iter().map(|m| {
                    let id = format!("cfg-embed-mode-{}", m.id());
                    let mode = *m;
                    let onchange = {
                        let (settings, copied) = (settings.clone(), copied.clone());
                        Callback::from(move |_: Event| {
                            copied.set(None);
                            settings.set(EmbedSettings { mode, ..(*settings).clone() });
                        })
                    };
                    html! {
                        <div class="cfg-radio">
                            <input type="radio" name="cfg-embed-mode" id={id.clone()} checked={s.mode == mode} {onchange} />
                            <label for={id}>{ m.label() }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <fieldset class="cfg-subgroup">
                <legend>{ "Where the config comes from" }</legend>
                <div class="cfg-radio">
                    <input type="radio" name="cfg-embed-source" id="cfg-embed-source-url" checked={source == Source::Url}
                        onchange={update(|s, _| s.source = Source::Url)} />
                    <label for="cfg-embed-source-url">{ "A file on your site (config.json)" }</label>
                </div>
                <div class="cfg-radio">
                    <input type="radio" name="cfg-embed-source" id="cfg-embed-source-inline" checked={source == Source::Inline}
                        disabled={!s.mode.takes_inline()} onchange={update(|s, _| s.source = Source::Inline)}
                        aria-describedby={(!s.mode.takes_inline()).then_some("cfg-embed-inline-note")} />
                    <label for="cfg-embed-source-inline">{ "Inline, in the page" }</label>
                </div>
                if !s.mode.takes_inline() {
                    <p class="cfg-help" id="cfg-embed-inline-note">{ "The iframe loads its config only from your own site, by address." }</p>
                }
            </fieldset>
            <div class="cfg-grid">
                <div class="cfg-field">
                    <label class="cfg-label" for="cfg-embed-base">{ "Folder of the widget's files on your site" }</label>
                    <input id="cfg-embed-base" class="cfg-input" type="text" spellcheck="false" value={s.base.clone()}
                        oninput={typed(|s, v| s.base = v)} />
                </div>
                if source == Source::Url {
                    <div class="cfg-field">
                        <label class="cfg-label" for="cfg-embed-url">{ "Address of your config.json" }</label>
                        <input id="cfg-embed-url" class="cfg-input" type="text" spellcheck="false" value={s.url.clone()}
                            oninput={typed(|s, v| s.url = v)} aria-describedby="cfg-embed-url-help" />
                        <p class="cfg-help" id="cfg-embed-url-help">{ "Download config.json above and upload it there." }</p>
                    </div>
                }
            </div>
            if !props.ready {
                <p class="cfg-problem">{ "Your config has problems: until they are fixed, your page would show them instead of the calculator." }</p>
            }
            <div class="cfg-field">
                <label class="cfg-label" for="cfg-snippet">{ format!("Snippet: {}, config {}", s.mode.label(), if source == Source::Inline { "inline" } else { "by address" }) }</label>
                <textarea id="cfg-snippet" class="cfg-input cfg-input--code" rows="8" readonly={true} spellcheck="false" value={text} />
            </div>
            <p class="cfg-actions">
                <button type="button" class="cfg-button cfg-button--primary" id="cfg-copy-snippet" onclick={copy}>{ "Copy the snippet" }</button>
                <span class="cfg-status" role="status">{ (*copied).clone().unwrap_or_default() }</span>
            </p>
        </section>
    }
}
