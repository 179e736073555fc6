//! The prospect's questions: about the business, and how they work.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::env::{heading, Env};
use super::state::Action;
use crate::model::{AnswerForm, Choices, Field, Key, Rule};

/// The message for a field's problem, in the prospect's words.
pub fn field_message(env: &Env, field: Field, rule: &Rule) -> String {
    env.story().field_message(field, rule, env.config.minor_units, &env.fmt.example_amount())
}

/// One number field as the form shows it.
pub struct NumberInput<'a> {
    /// The form field.
    pub field: Field,
    /// The label text.
    pub label: &'a str,
    /// A line of help under the field; may be empty.
    pub help: String,
    /// The text as typed.
    pub value: &'a str,
    /// A suggestion shown while the field is empty; may be empty.
    pub placeholder: String,
    /// The problem to show, if any.
    pub error: Option<String>,
    /// `numeric` for counts, `decimal` for amounts.
    pub inputmode: &'static str,
}

/// A labelled text field for a number, with its help and its error message.
///
/// A text input (not `type=number`) so that what the prospect typed stays visible and gets a
/// precise message, instead of the browser silently emptying it.
pub fn number_field(env: &Env, f: NumberInput, dispatch: &Callback<Action>) -> Html {
    let id = env.id(f.field.name());
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let field = f.field;
    let oninput = dispatch.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetText(field, input.value())
    });
    let mut described = Vec::new();
    if !f.help.is_empty() {
        described.push(help_id.as_str());
    }
    if f.error.is_some() {
        described.push(error_id.as_str());
    }
    html! {
        <div class={classes!("cf-field", f.error.is_some().then_some("cf-field--invalid"))}>
            <label class="cf-label" for={id.clone()}>{ f.label }</label>
            <input
                id={id.clone()}
                class="cf-input"
                type="text"
                inputmode={f.inputmode}
                autocomplete="off"
                name={f.field.name()}
                value={f.value.to_string()}
                placeholder={(!f.placeholder.is_empty()).then_some(f.placeholder)}
                aria-invalid={f.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                {oninput}
            />
            if !f.help.is_empty() {
                <p class="cf-help" id={help_id.clone()}>{ f.help }</p>
            }
            if let Some(error) = f.error {
                <p class="cf-error" id={error_id.clone()}>{ error }</p>
            }
        </div>
    }
}

/// "About your business": size, existing client and required response.
pub fn business_fields(env: &Env, form: &AnswerForm, errors: &[(Field, Rule)], dispatch: &Callback<Action>) -> Html {
    let story = env.story();
    let error = |field: Field| errors.iter().find(|(f, _)| *f == field).map(|(_, r)| field_message(env, field, r));
    let company = env.config.company.name.as_str();
    let on_existing = dispatch.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetExistingClient(input.checked())
    });
    let on_response = dispatch.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::SetResponse(select.value())
    });
    let selected = form.required_response.trim();
    let response_id = env.id("response");
    let existing_id = env.id("existing");
    let controls = &env.config.form;
    let counts: Vec<(Field, Key, Key)> = [
        (Field::Users, Key::UsersLabel, Key::UsersHelp, controls.users.show),
        (Field::Computers, Key::ComputersLabel, Key::ComputersHelp, controls.computers.show),
        (Field::Servers, Key::ServersLabel, Key::ServersHelp, controls.servers.show),
    ]
    .into_iter()
    .filter(|c| c.3)
    .map(|(f, l, h, _)| (f, l, h))
    .collect();

    html! {
        <section class="cf-section cf-business" aria-labelledby={env.id("business-title")}>
            { heading(env, 1, Some(env.id("business-title")), "cf-section__title", html! { <><span class="cf-step" aria-hidden="true">{ "1" }</span>{ env.t(Key::BusinessHeading) }</> }) }
            if !counts.is_empty() {
                <div class="cf-grid">
                    { for counts.iter().map(|(field, label, help)| number_field(env, NumberInput {
                        field: *field,
                        label: env.t(*label),
                        help: env.t(*help).to_string(),
                        value: form.text(*field),
                        placeholder: String::new(),
                        error: error(*field),
                        inputmode: "numeric",
                    }, dispatch)) }
                </div>
            }
            if controls.existing_client.show {
                <div class="cf-field cf-field--check">
                    <input id={existing_id.clone()} class="cf-checkbox" type="checkbox"
                        checked={form.existing_client} onchange={on_existing} />
                    <label class="cf-label" for={existing_id}>{ env.tf(Key::ExistingLabel, &[("company", company)]) }</label>
                </div>
            }
            if controls.response.show {
            <div class="cf-field">
                <label class="cf-label" for={response_id.clone()}>{ env.t(Key::ResponseLabel) }</label>
                <select id={response_id} class="cf-select" name="response" onchange={on_response}>
                    <option value="" selected={selected.is_empty()}>{ env.t(Key::ResponseNone) }</option>
                    { for env.config.response_choices().into_iter().map(|h| {
                        let value = h.to_plain();
                        let is_selected = value == selected;
                        html! { <option value={value} selected={is_selected}>{ story.response_option(h) }</option> }
                    }) }
                </select>
            </div>
            }
        </section>
    }
}

/// "How you work": the config's fit questions, one radio group each.
pub fn fit_questions(env: &Env, choices: &Choices, dispatch: &Callback<Action>) -> Html {
    if env.config.questions.is_empty() {
        return html! {};
    }
    html! {
        <section class="cf-section cf-questions" aria-labelledby={env.id("questions-title")}>
            { heading(env, 1, Some(env.id("questions-title")), "cf-section__title", html! { <><span class="cf-step" aria-hidden="true">{ "2" }</span>{ env.t(Key::QuestionsHeading) }</> }) }
            <p class="cf-help">{ env.t(Key::QuestionsIntro) }</p>
            { for env.config.questions.iter().map(|q| {
                let chosen = choices.get(&q.id).copied();
                let name = env.id(&format!("q-{}", q.id));
                let help_id = format!("{name}-help");
                html! {
                    <fieldset class="cf-question" aria-describedby={(!q.help.is_empty()).then(|| help_id.clone())}>
                        <legend class="cf-question__text">{ &q.text }</legend>
                        if !q.help.is_empty() {
                            <p class="cf-help" id={help_id.clone()}>{ &q.help }</p>
                        }
                        <div class="cf-options">
                        { for q.options.iter().enumerate().map(|(i, o)| {
                            let id = format!("{name}-{i}");
                            let qid = q.id.clone();
                            let onchange = dispatch.reform(move |_: Event| Action::Choose(qid.to_string(), i));
                            html! {
                                <div class="cf-option">
                                    <input type="radio" class="cf-radio" id={id.clone()} name={name.clone()}
                                        value={i.to_string()} checked={chosen == Some(i)} {onchange} />
                                    <label for={id}>{ &o.label }</label>
                                </div>
                            }
                        }) }
                        </div>
                    </fieldset>
                }
            }) }
        </section>
    }
}
