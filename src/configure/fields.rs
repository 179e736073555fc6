//! The configurator's form controls, each bound to one path of the document: it shows the value
//! there (or the default as a placeholder), writes what is typed back as it is, and shows the
//! problems `contract-fit check` names at that path beneath it.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::check::Checked;
use super::doc::{self, Path};
use super::state::Action;
use crate::model::json::{self, Value};

/// What every control needs: the document, what check says about it, and where edits go.
#[derive(Clone, PartialEq)]
pub struct Cx {
    /// The document.
    pub doc: Rc<Value>,
    /// What check says.
    pub checked: Rc<Checked>,
    /// Where edits go.
    pub dispatch: Callback<Action>,
}

impl Cx {
    /// The value at `path`.
    pub fn get(&self, path: &Path) -> Option<&Value> {
        doc::get(&self.doc, path)
    }

    /// The text a field at `path` shows.
    pub fn text(&self, path: &Path) -> String {
        doc::text_at(&self.doc, path)
    }

    /// The problems at exactly `path`, in check's words.
    pub fn problems(&self, path: &Path) -> Vec<String> {
        self.checked.at(&path.problem_path())
    }

    /// A callback that sets the value at `path` from what `f` makes of an event.
    pub fn setter<E: 'static>(&self, path: &Path, f: impl Fn(E) -> Option<Value> + 'static) -> Callback<E> {
        let (dispatch, path) = (self.dispatch.clone(), path.clone());
        Callback::from(move |e: E| dispatch.emit(Action::Set(path.clone(), f(e))))
    }
}

/// A number as typed: a JSON number when it is one, else the text itself (so nothing typed is
/// lost and check says what is wrong with it); empty removes the field.
pub fn number_value(text: &str) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match json::parse(t) {
        Ok(v @ Value::Number(_)) => Some(v),
        _ => Some(Value::String(text.to_string())),
    }
}

/// Problems beneath a control, each with an id the control refers to.
pub fn problem_list(id: &str, problems: &[String]) -> Html {
    html! {
        { for problems.iter().enumerate().map(|(i, p)| html! {
            <p class="cfg-problem" id={format!("{id}-problem-{i}")}>{ p }</p>
        }) }
    }
}

/// The ids that describe a control: its help, then its problems.
pub fn described_by(id: &str, help: bool, problems: usize) -> Option<String> {
    let mut ids: Vec<String> = Vec::new();
    if help {
        ids.push(format!("{id}-help"));
    }
    ids.extend((0..problems).map(|i| format!("{id}-problem-{i}")));
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The chrome around one control: label, the control, help, problems. `label` may end with
/// `context` that only screen readers hear (" for option 2"), where the layout already says it.
fn shell(id: &str, label: (&str, &str), help: &str, problems: &[String], control: Html, extra_class: Option<&'static str>) -> Html {
    let (label, context) = label;
    html! {
        <div class={classes!("cfg-field", extra_class, (!problems.is_empty()).then_some("cfg-field--invalid"))}>
            <label class="cfg-label" for={id.to_string()}>
                { label }
                if !context.is_empty() {
                    <span class="cfg-visually-hidden">{ context }</span>
                }
            </label>
            { control }
            if !help.is_empty() {
                <p class="cfg-help" id={format!("{id}-help")}>{ help }</p>
            }
            { problem_list(id, problems) }
        </div>
    }
}

/// How a text field behaves.
#[derive(Clone, Copy, PartialEq, Default)]
pub struct TextOpts<'a> {
    /// Shown while the field is empty (usually the default).
    pub placeholder: &'a str,
    /// The input's type (`text`, `email`, `url`, `tel`); `text` when empty.
    pub kind: &'a str,
    /// A text area, for sentences.
    pub multiline: bool,
    /// Clearing the field removes it (so the default applies) rather than keeping `""`.
    pub remove_empty: bool,
    /// A list of suggestions (`<datalist>` id).
    pub list: Option<&'a str>,
}

/// A text field.
pub fn text(cx: &Cx, path: &Path, label: &str, help: &str, opts: TextOpts) -> Html {
    text_in(cx, path, (label, ""), help, opts)
}

/// A text field whose label has context only screen readers hear.
pub fn text_in(cx: &Cx, path: &Path, label: (&str, &str), help: &str, opts: TextOpts) -> Html {
    let id = path.field_id();
    let problems = cx.problems(path);
    let remove_empty = opts.remove_empty;
    let to_value = move |v: String| if remove_empty && v.is_empty() { None } else { Some(Value::String(v)) };
    let describe = described_by(&id, !help.is_empty(), problems.len());
    let invalid = (!problems.is_empty()).then_some("true");
    let value = cx.text(path);
    let placeholder = (!opts.placeholder.is_empty()).then(|| opts.placeholder.to_string());
    let control = if opts.multiline {
        let oninput = cx.setter(path, move |e: InputEvent| to_value(e.target_unchecked_into::<HtmlTextAreaElement>().value()));
        html! {
            <textarea id={id.clone()} class="cfg-input cfg-input--area" rows="2" {value} {placeholder}
                aria-invalid={invalid} aria-describedby={describe} {oninput} />
        }
    } else {
        let oninput = cx.setter(path, move |e: InputEvent| to_value(e.target_unchecked_into::<HtmlInputElement>().value()));
        let kind = if opts.kind.is_empty() { "text" } else { opts.kind };
        html! {
            <input id={id.clone()} class="cfg-input" type={kind.to_string()} {value} {placeholder} list={opts.list.map(str::to_string)}
                spellcheck={(kind != "text").then_some("false")} autocomplete="off"
                aria-invalid={invalid} aria-describedby={describe} {oninput} />
        }
    };
    shell(&id, label, help, &problems, control, None)
}

/// A number field: empty means the default, shown as the placeholder.
pub fn number(cx: &Cx, path: &Path, label: &str, help: &str, placeholder: &str) -> Html {
    number_in(cx, path, (label, ""), help, placeholder)
}

/// A number field whose label has context only screen readers hear.
pub fn number_in(cx: &Cx, path: &Path, label: (&str, &str), help: &str, placeholder: &str) -> Html {
    let id = path.field_id();
    let problems = cx.problems(path);
    let oninput = cx.setter(path, |e: InputEvent| number_value(&e.target_unchecked_into::<HtmlInputElement>().value()));
    let placeholder = (!placeholder.is_empty()).then(|| placeholder.to_string());
    let control = html! {
        <input id={id.clone()} class="cfg-input cfg-input--number" type="text" inputmode="decimal" autocomplete="off"
            value={cx.text(path)} {placeholder} aria-invalid={(!problems.is_empty()).then_some("true")}
            aria-describedby={described_by(&id, !help.is_empty(), problems.len())} {oninput} />
    };
    shell(&id, label, help, &problems, control, Some("cfg-field--number"))
}

/// A choice among words; a value that is none of them (from an imported file) is shown as it is,
/// with check's problem, until another is chosen.
pub fn select(cx: &Cx, path: &Path, label: &str, help: &str, choices: &[(&str, &str)], default: &str) -> Html {
    let id = path.field_id();
    let problems = cx.problems(path);
    let current = match cx.get(path) {
        None => default.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_json_string(),
    };
    let known = choices.iter().any(|(v, _)| *v == current);
    let onchange = cx.setter(path, |e: Event| Some(Value::String(e.target_unchecked_into::<HtmlSelectElement>().value())));
    let control = html! {
        <select id={id.clone()} class="cfg-input cfg-select" aria-invalid={(!problems.is_empty()).then_some("true")}
            aria-describedby={described_by(&id, !help.is_empty(), problems.len())} {onchange}>
            if !known {
                <option value={current.clone()} selected={true}>{ format!("{current} (not allowed)") }</option>
            }
            { for choices.iter().map(|(v, l)| html! {
                <option value={v.to_string()} selected={*v == current}>{ *l }</option>
            }) }
        </select>
    };
    shell(&id, (label, ""), help, &problems, control, None)
}

/// A yes/no field.
pub fn checkbox(cx: &Cx, path: &Path, label: &str, help: &str, default: bool) -> Html {
    let id = path.field_id();
    let problems = cx.problems(path);
    let checked = match cx.get(path) {
        Some(Value::Bool(b)) => *b,
        _ => default,
    };
    let onchange = cx.setter(path, |e: Event| Some(Value::Bool(e.target_unchecked_into::<HtmlInputElement>().checked())));
    html! {
        <div class={classes!("cfg-field", "cfg-field--check", (!problems.is_empty()).then_some("cfg-field--invalid"))}>
            <input id={id.clone()} class="cfg-checkbox" type="checkbox" {checked}
                aria-invalid={(!problems.is_empty()).then_some("true")}
                aria-describedby={described_by(&id, !help.is_empty(), problems.len())} {onchange} />
            <label class="cfg-label" for={id.clone()}>{ label }</label>
            if !help.is_empty() {
                <p class="cfg-help" id={format!("{id}-help")}>{ help }</p>
            }
            { problem_list(&id, &problems) }
        </div>
    }
}

/// `#rgb` as `#rrggbb`, which a colour picker needs; anything else as black.
fn picker_value(s: &str) -> String {
    let h = s.trim().trim_start_matches('#');
    let ok = h.chars().all(|c| c.is_ascii_hexdigit());
    match h.len() {
        6 if ok => format!("#{}", h.to_ascii_lowercase()),
        3 if ok => h.chars().flat_map(|c| [c, c]).fold(String::from("#"), |mut s, c| {
            s.push(c.to_ascii_lowercase());
            s
        }),
        _ => "#000000".to_string(),
    }
}

/// A colour: typed as `#1f5fbf`, or picked.
pub fn colour(cx: &Cx, path: &Path, label: &str, help: &str) -> Html {
    let id = path.field_id();
    let problems = cx.problems(path);
    let value = cx.text(path);
    let oninput = cx.setter(path, |e: InputEvent| Some(Value::String(e.target_unchecked_into::<HtmlInputElement>().value())));
    let onpick = cx.setter(path, |e: Event| Some(Value::String(e.target_unchecked_into::<HtmlInputElement>().value())));
    let control = html! {
        <span class="cfg-colour">
            <input id={id.clone()} class="cfg-input cfg-input--colour" type="text" value={value.clone()} placeholder="#1f5fbf"
                spellcheck="false" autocomplete="off" aria-invalid={(!problems.is_empty()).then_some("true")}
                aria-describedby={described_by(&id, !help.is_empty(), problems.len())} {oninput} />
            <input class="cfg-picker" type="color" value={picker_value(&value)} aria-label={format!("Pick: {label}")}
                onchange={onpick} />
        </span>
    };
    shell(&id, (label, ""), help, &problems, control, None)
}

/// A section of the form: a heading and its fields, with the problems at the section's own path
/// (a `rates` that is not an object).
pub fn section(cx: &Cx, id: &str, title: &str, intro: &str, own: Option<&Path>, body: Html) -> Html {
    let problems = own.map(|p| cx.problems(p)).unwrap_or_default();
    let title_id = format!("{id}-title");
    html! {
        <section class="cfg-section" id={id.to_string()} aria-labelledby={title_id.clone()}>
            <h2 class="cfg-section__title" id={title_id}>{ title }</h2>
            if !intro.is_empty() {
                <p class="cfg-intro">{ intro }</p>
            }
            if let Some(p) = own {
                <div id={p.field_id()} class="cfg-section__problems">{ problem_list(&p.field_id(), &problems) }</div>
            }
            { body }
        </section>
    }
}
