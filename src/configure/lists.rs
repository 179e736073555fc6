//! The form's lists: plans (with their features), questions (with their options) and bands. Each
//! entry can be added, removed, moved and duplicated from the keyboard, and focus follows the
//! entry it acted on.

use yew::prelude::*;

use super::browser::focus_later;
use super::doc::{self, fresh_id, Path};
use super::fields::{number, number_in, problem_list, section, select, text, text_in, Cx, TextOpts};
use super::start::Start;
use super::state::Action;
use crate::model::json::{Object, Value};

/// One kind of list: what its entries are called and how many it may have.
struct Kind {
    key: &'static str,
    noun: &'static str,
    max: usize,
}

const PLANS: Kind = Kind { key: "plans", noun: "plan", max: 12 };
const QUESTIONS: Kind = Kind { key: "questions", noun: "question", max: 20 };
const BANDS: Kind = Kind { key: "bands", noun: "verdict", max: 10 };
const OPTIONS_MAX: usize = 10;
const FEATURES_MAX: usize = 20;

/// "Priority" or "(no name yet)": how an entry is named in its legend and buttons.
fn entry_name(cx: &Cx, entry: &Path, field: &str) -> String {
    let name = cx.text(&entry.key(field));
    if name.trim().is_empty() {
        "(no name yet)".to_string()
    } else {
        name
    }
}

fn tool_id(list: &Path, i: usize, what: &str) -> String {
    format!("{}-{what}", list.index(i).field_id())
}

/// One entry of a list, as its tools see it.
struct Entry<'a> {
    list: &'a Path,
    i: usize,
    len: usize,
    max: usize,
    /// How the buttons name it ("Priority", "option 2 of question 1").
    name: &'a str,
    /// What the group of buttons is called ("Plan").
    noun: &'a str,
    /// Whether it can be duplicated.
    copy: bool,
}

/// Move up, move down, duplicate and remove, for one entry.
fn entry_tools(cx: &Cx, e: Entry) -> Html {
    let Entry { list, i, len, max, name, noun, copy } = e;
    let act = |action: Action, focus: Vec<String>| {
        let dispatch = cx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(action.clone());
            focus_later(focus.clone());
        })
    };
    let up = act(Action::Move(list.clone(), i, i.saturating_sub(1)), vec![
        tool_id(list, i.saturating_sub(1), "up"),
        tool_id(list, i.saturating_sub(1), "down"),
    ]);
    let down = act(Action::Move(list.clone(), i, i + 1), vec![tool_id(list, i + 1, "down"), tool_id(list, i + 1, "up")]);
    let duplicate = act(Action::Duplicate(list.clone(), i), vec![list.index(i + 1).field_id()]);
    let remove = act(Action::Remove(list.clone(), i), vec![
        list.index(i).field_id(),
        list.index(i.saturating_sub(1)).field_id(),
        format!("{}-add", list.field_id()),
    ]);
    html! {
        <div class="cfg-tools" role="group" aria-label={format!("{noun} {name}")}>
            <button type="button" class="cfg-button cfg-button--small" id={tool_id(list, i, "up")} disabled={i == 0}
                aria-label={format!("Move up: {name}")} onclick={up}>{ "Move up" }</button>
            <button type="button" class="cfg-button cfg-button--small" id={tool_id(list, i, "down")} disabled={i + 1 >= len}
                aria-label={format!("Move down: {name}")} onclick={down}>{ "Move down" }</button>
            if copy {
                <button type="button" class="cfg-button cfg-button--small" id={tool_id(list, i, "copy")} disabled={len >= max}
                    aria-label={format!("Duplicate {name}")} onclick={duplicate}>{ "Duplicate" }</button>
            }
            <button type="button" class="cfg-button cfg-button--small cfg-button--danger" id={tool_id(list, i, "remove")}
                aria-label={format!("Remove {name}")} onclick={remove}>{ "Remove" }</button>
        </div>
    }
}

/// The "Add" button of a list, focusing the new entry's first field.
fn add_button(cx: &Cx, list: &Path, len: usize, max: usize, label: &str, entry: Value, first_field: &str) -> Html {
    let onclick = {
        let (dispatch, list) = (cx.dispatch.clone(), list.clone());
        let focus = vec![list.index(len).key(first_field).field_id(), list.index(len).field_id()];
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Insert(list.clone(), len, entry.clone()));
            focus_later(focus.clone());
        })
    };
    html! {
        <p class="cfg-add">
            <button type="button" class="cfg-button" id={format!("{}-add", list.field_id())} disabled={len >= max} {onclick}>{ label }</button>
            if len >= max {
                <span class="cfg-help">{ format!(" At most {max}.") }</span>
            }
        </p>
    }
}

/// What a list section shows when the document has no such list (the default applies) or has
/// something else in its place.
fn missing(cx: &Cx, kind: &Kind, list: &Path) -> Html {
    let defaults = doc::get(&Start::Default.document(), list).cloned().unwrap_or(Value::Array(Vec::new()));
    let count = match &defaults {
        Value::Array(a) => a.len(),
        _ => 0,
    };
    let copy = cx.setter(list, move |_: MouseEvent| Some(defaults.clone()));
    let none = cx.setter(list, |_: MouseEvent| Some(Value::Array(Vec::new())));
    let present = cx.get(list).is_some();
    html! {
        <div class="cfg-missing">
            if present {
                <p>{ format!("This is not a list of {}s, so the calculator cannot use it.", kind.noun) }</p>
            } else {
                <p>{ format!("Your config has no {}s of its own, so the {count} default ones apply.", kind.noun) }</p>
            }
            <p class="cfg-actions">
                <button type="button" class="cfg-button" onclick={copy}>{ format!("Copy the default {}s here to edit them", kind.noun) }</button>
                if kind.key == "questions" {
                    <button type="button" class="cfg-button" onclick={none}>{ "Ask no questions" }</button>
                }
            </p>
        </div>
    }
}

fn entries(cx: &Cx, list: &Path) -> Option<usize> {
    doc::list(&cx.doc, list).map(<[Value]>::len)
}

/// For a list longer than the calculator allows (an imported file): only the first `max` entries
/// are shown, and one button keeps just those. A file of ten thousand plans stays usable.
fn overflow(cx: &Cx, list: &Path, len: usize, max: usize, noun: &str) -> Html {
    if len <= max {
        return html! {};
    }
    let keep = {
        let first: Vec<Value> = doc::list(&cx.doc, list).unwrap_or_default().iter().take(max).cloned().collect();
        cx.setter(list, move |_: MouseEvent| Some(Value::Array(first.clone())))
    };
    html! {
        <div class="cfg-missing">
            <p>{ format!("This list has {len} {noun}s; the calculator allows {max}, so only the first {max} are shown here.") }</p>
            <p class="cfg-actions">
                <button type="button" class="cfg-button" onclick={keep}>{ format!("Keep only the first {max} {noun}s") }</button>
            </p>
        </div>
    }
}

/// The plans.
pub fn plans(cx: &Cx) -> Html {
    let list = Path::of(&[PLANS.key]);
    let body = match entries(cx, &list) {
        None => missing(cx, &PLANS, &list),
        Some(len) => {
            let ids = doc::ids(&cx.doc, &list);
            let entry = Value::Object(
                Object::default()
                    .with("id", fresh_id(&ids, "plan"))
                    .with("name", "New plan")
                    .with("description", "")
                    .with("response_hours", 8)
                    .with("per_user", 0)
                    .with("per_computer", 0)
                    .with("per_server", 0)
                    .with("minimum_monthly", 0)
                    .with("features", Value::Array(Vec::new())),
            );
            html! {
                <>
                    { overflow(cx, &list, len, PLANS.max, PLANS.noun) }
                    { for (0..len.min(PLANS.max)).map(|i| plan(cx, &list, i, len)) }
                    { add_button(cx, &list, len, PLANS.max, "Add a plan", entry, "name") }
                </>
            }
        }
    };
    section(cx, "cfg-plans", "Plans", "Shown in this order, which also breaks exact ties in the recommendation. Prices are per month, in your currency.", Some(&list), body)
}

fn plan(cx: &Cx, list: &Path, i: usize, len: usize) -> Html {
    let p = list.index(i);
    let name = entry_name(cx, &p, "name");
    let price = |key: &str, label: &str| number(cx, &p.key(key), label, "", "0 (default)");
    html! {
        <fieldset class="cfg-item" id={p.field_id()}>
            <legend class="cfg-item__title">{ format!("Plan {}: {name}", i + 1) }</legend>
            { problem_list(&p.field_id(), &cx.problems(&p)) }
            { entry_tools(cx, Entry { list, i, len, max: PLANS.max, name: &name, noun: "Plan", copy: true }) }
            <div class="cfg-grid">
                { text(cx, &p.key("name"), "Name", "", TextOpts::default()) }
                { text(cx, &p.key("id"), "Id", "Lowercase letters, digits, - and _; keep it stable once live.", TextOpts::default()) }
                { number(cx, &p.key("response_hours"), "Guaranteed response (hours)", "", "") }
                { price("per_user", "Per person") }
                { price("per_computer", "Per computer") }
                { price("per_server", "Per server") }
                { price("minimum_monthly", "Minimum a month") }
            </div>
            { text(cx, &p.key("description"), "Who it is for", "One line.", TextOpts { multiline: true, ..TextOpts::default() }) }
            { features(cx, &p.key("features"), &name) }
        </fieldset>
    }
}

fn features(cx: &Cx, list: &Path, plan: &str) -> Html {
    let items: Vec<String> = doc::list(&cx.doc, list).unwrap_or_default().iter().map(doc::shown).collect();
    let len = items.len();
    let add = {
        let (dispatch, list) = (cx.dispatch.clone(), list.clone());
        let focus = vec![list.index(len).field_id()];
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Insert(list.clone(), len, Value::from("")));
            focus_later(focus.clone());
        })
    };
    html! {
        <fieldset class="cfg-subgroup" id={list.field_id()}>
            <legend>{ format!("What {plan} includes") }</legend>
            { problem_list(&list.field_id(), &cx.problems(list)) }
            { overflow(cx, list, len, FEATURES_MAX, "feature") }
            { for (0..len.min(FEATURES_MAX)).map(|j| {
                let f = list.index(j);
                let remove = {
                    let (dispatch, list) = (cx.dispatch.clone(), list.clone());
                    let focus = vec![list.index(j).field_id(), list.index(j.saturating_sub(1)).field_id(), format!("{}-add", list.field_id())];
                    Callback::from(move |_: MouseEvent| {
                        dispatch.emit(Action::Remove(list.clone(), j));
                        focus_later(focus.clone());
                    })
                };
                html! {
                    <div class="cfg-row">
                        { text(cx, &f, &format!("Feature {}", j + 1), "", TextOpts::default()) }
                        <button type="button" class="cfg-button cfg-button--small cfg-button--danger" onclick={remove}
                            aria-label={format!("Remove feature {} of {plan}", j + 1)}>{ "Remove" }</button>
                    </div>
                }
            }) }
            <p class="cfg-add">
                <button type="button" class="cfg-button cfg-button--small" id={format!("{}-add", list.field_id())}
                    disabled={len >= FEATURES_MAX} onclick={add} aria-label={format!("Add a feature to {plan}")}>{ "Add a feature" }</button>
            </p>
        </fieldset>
    }
}

/// The fit questions and their options.
pub fn questions(cx: &Cx) -> Html {
    let list = Path::of(&[QUESTIONS.key]);
    let body = match entries(cx, &list) {
        None => missing(cx, &QUESTIONS, &list),
        Some(len) => {
            let ids = doc::ids(&cx.doc, &list);
            let option = |label: &str, points: i64| Value::Object(Object::default().with("label", label).with("points", points).with("reason", ""));
            let entry = Value::Object(
                Object::default()
                    .with("id", fresh_id(&ids, "question"))
                    .with("text", "New question?")
                    .with("help", "")
                    .with("options", Value::Array(vec![option("Yes", 1), option("No", -1)])),
            );
            html! {
                <>
                    if len == 0 {
                        <p class="cfg-help">{ "No questions: the calculator shows prices and recommends a plan, with no verdict." }</p>
                    }
                    { overflow(cx, &list, len, QUESTIONS.max, QUESTIONS.noun) }
                    { for (0..len.min(QUESTIONS.max)).map(|i| question(cx, &list, i, len)) }
                    { add_button(cx, &list, len, QUESTIONS.max, "Add a question", entry, "text") }
                </>
            }
        }
    };
    section(
        cx,
        "cfg-questions",
        "Questions and options",
        "Each answer's points speak for a contract (positive) or against it (negative); its reason is shown among the reasons for or against (leave it empty for a neutral answer).",
        Some(&list),
        body,
    )
}

fn question(cx: &Cx, list: &Path, i: usize, len: usize) -> Html {
    let q = list.index(i);
    let name = entry_name(cx, &q, "id");
    let options = q.key("options");
    let n = doc::list(&cx.doc, &options).map(<[Value]>::len);
    html! {
        <fieldset class="cfg-item" id={q.field_id()}>
            <legend class="cfg-item__title">{ format!("Question {}: {}", i + 1, entry_name(cx, &q, "text")) }</legend>
            { problem_list(&q.field_id(), &cx.problems(&q)) }
            { entry_tools(cx, Entry { list, i, len, max: QUESTIONS.max, name: &format!("question {}", i + 1), noun: "Question", copy: true }) }
            { text(cx, &q.key("text"), "Question", "", TextOpts { multiline: true, ..TextOpts::default() }) }
            <div class="cfg-grid">
                { text(cx, &q.key("id"), "Id", "The key in saved answers; keep it stable once live.", TextOpts::default()) }
                { text(cx, &q.key("help"), "Help", "A line under the question.", TextOpts::default()) }
            </div>
            <fieldset class="cfg-subgroup" id={options.field_id()}>
                <legend>{ format!("Options of question {} ({name})", i + 1) }</legend>
                { problem_list(&options.field_id(), &cx.problems(&options)) }
                { overflow(cx, &options, n.unwrap_or(0), OPTIONS_MAX, "option") }
                { for (0..n.unwrap_or(0).min(OPTIONS_MAX)).map(|j| option(cx, &options, j, n.unwrap_or(0), i)) }
                { add_button(cx, &options, n.unwrap_or(0), OPTIONS_MAX, &format!("Add an option to question {}", i + 1),
                    Value::Object(Object::default().with("label", "").with("points", 0).with("reason", "")), "label") }
            </fieldset>
        </fieldset>
    }
}

fn option(cx: &Cx, list: &Path, j: usize, len: usize, question: usize) -> Html {
    let o = list.index(j);
    let name = format!("option {} of question {}", j + 1, question + 1);
    html! {
        <div class="cfg-option" id={o.field_id()}>
            { problem_list(&o.field_id(), &cx.problems(&o)) }
            <div class="cfg-grid cfg-grid--option">
                { text(cx, &o.key("label"), &format!("Option {}", j + 1), "", TextOpts::default()) }
                { number_in(cx, &o.key("points"), ("Points", &format!(" for option {}", j + 1)), "−100 to 100.", "") }
                { text_in(cx, &o.key("reason"), ("Reason", &format!(" for option {}", j + 1)), "", TextOpts::default()) }
            </div>
            { entry_tools(cx, Entry { list, i: j, len, max: OPTIONS_MAX, name: &name, noun: "Option", copy: false }) }
        </div>
    }
}

/// The verdicts by score.
pub fn bands(cx: &Cx) -> Html {
    let list = Path::of(&[BANDS.key]);
    let body = match entries(cx, &list) {
        None => missing(cx, &BANDS, &list),
        Some(len) => {
            let ids = doc::ids(&cx.doc, &list);
            let entry = Value::Object(
                Object::default()
                    .with("id", fresh_id(&ids, "verdict"))
                    .with("min_score", 50)
                    .with("label", "New verdict")
                    .with("message", "")
                    .with("recommend", "contract"),
            );
            html! {
                <>
                    { overflow(cx, &list, len, BANDS.max, BANDS.noun) }
                    { for (0..len.min(BANDS.max)).map(|i| band(cx, &list, i, len)) }
                    { add_button(cx, &list, len, BANDS.max, "Add a verdict", entry, "label") }
                </>
            }
        }
    };
    section(
        cx,
        "cfg-bands",
        "Verdicts (bands)",
        "A score falls in the band with the highest minimum score not above it; one band must start at 0. A band that recommends paying per job says so plainly.",
        Some(&list),
        body,
    )
}

fn band(cx: &Cx, list: &Path, i: usize, len: usize) -> Html {
    let b = list.index(i);
    let name = entry_name(cx, &b, "label");
    html! {
        <fieldset class="cfg-item" id={b.field_id()}>
            <legend class="cfg-item__title">{ format!("Verdict {}: {name}", i + 1) }</legend>
            { problem_list(&b.field_id(), &cx.problems(&b)) }
            { entry_tools(cx, Entry { list, i, len, max: BANDS.max, name: &name, noun: "Verdict", copy: true }) }
            <div class="cfg-grid">
                { text(cx, &b.key("label"), "Verdict", "", TextOpts::default()) }
                { number(cx, &b.key("min_score"), "From score", "0 to 100.", "") }
                { select(cx, &b.key("recommend"), "Recommends", "", &[("contract", "A contract plan"), ("payg", "Paying per job")], "contract") }
                { text(cx, &b.key("id"), "Id", "", TextOpts::default()) }
            </div>
            { text(cx, &b.key("message"), "Message", "A sentence or two explaining the verdict.", TextOpts { multiline: true, ..TextOpts::default() }) }
        </fieldset>
    }
}
