//! The prospect's questions: about the business, and how they work.

use std::collections::BTreeMap;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::env::{use_env, Heading, Env};
use super::state::Action;
use crate::model::form::{format_hours, AnswerForm};
use crate::model::{Decimal, Money, Rule};

/// The message for a field's problem, in the prospect's words.
pub fn field_message(env: &Env, field: &str, rule: &Rule) -> String {
    match rule {
        Rule::AtMost { max, .. } if field == "downtime_cost" => {
            env.tf("error.amount_at_most", &[("max", &env.fmt.number(*max))])
        }
        Rule::TooManyDecimals { allowed: 0, .. } => env.t("error.whole_amount").to_string(),
        Rule::Required => env.t("error.required").to_string(),
        Rule::NotWhole { .. } => env.t("error.not_whole").to_string(),
        Rule::AtLeast { min, .. } | Rule::Above { min, .. } => {
            env.tf("error.at_least", &[("min", &env.fmt.number(*min))])
        }
        Rule::AtMost { max, .. } => env.tf("error.at_most", &[("max", &env.fmt.number(*max))]),
        Rule::TooManyDecimals { allowed, .. } => {
            env.tf("error.decimals", &[("decimals", &allowed.to_string())])
        }
        _ => env.t("error.not_a_number").to_string(),
    }
}

/// Properties of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The form field's name (`users`).
    pub field: &'static str,
    /// The label text.
    pub label: AttrValue,
    /// A line of help under the field.
    #[prop_or_default]
    pub help: AttrValue,
    /// The text as typed.
    pub value: AttrValue,
    /// A suggestion shown while the field is empty.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// The problem to show, if any.
    pub error: Option<AttrValue>,
    /// `numeric` for counts, `decimal` for amounts.
    #[prop_or(AttrValue::Static("numeric"))]
    pub inputmode: AttrValue,
    /// Called with the new text on every keystroke.
    pub on_change: Callback<(&'static str, String)>,
}

/// A labelled text field for a number, with its help and its error message.
///
/// A text input (not `type=number`) so that what the prospect typed stays visible and gets a
/// precise message, instead of the browser silently emptying it.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let env = use_env();
    let id = env.id(props.field);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let field = props.field;
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_change.emit((field, input.value()));
    });
    let mut described = Vec::new();
    if !props.help.is_empty() {
        described.push(help_id.clone());
    }
    if props.error.is_some() {
        described.push(error_id.clone());
    }
    html! {
        <div class={classes!("cf-field", props.error.is_some().then_some("cf-field--invalid"))}>
            <label class="cf-label" for={id.clone()}>{ &props.label }</label>
            <input
                id={id}
                class="cf-input"
                type="text"
                inputmode={props.inputmode.clone()}
                autocomplete="off"
                name={props.field}
                value={props.value.clone()}
                placeholder={props.placeholder.clone()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                {oninput}
            />
            if !props.help.is_empty() {
                <p class="cf-help" id={help_id}>{ &props.help }</p>
            }
            if let Some(error) = &props.error {
                <p class="cf-error" id={error_id}>{ error }</p>
            }
        </div>
    }
}

/// Properties of [`BusinessFields`].
#[derive(Properties, PartialEq)]
pub struct BusinessFieldsProps {
    /// The form as typed.
    pub form: AnswerForm,
    /// Each field's problem.
    pub errors: BTreeMap<&'static str, Rule>,
    /// The downtime cost the estimate uses when the prospect gives none.
    pub estimated_downtime: Money,
    /// Sends the prospect's changes.
    pub dispatch: Callback<Action>,
}

/// "About your business": size, existing client, required response and downtime cost.
#[component]
pub fn BusinessFields(props: &BusinessFieldsProps) -> Html {
    let env = use_env();
    let on_text = props.dispatch.reform(|(field, text): (&'static str, String)| Action::SetText(field, text));
    let error = |field: &str| props.errors.get(field).map(|r| AttrValue::from(field_message(&env, field, r)));
    let company = env.config.company.name.as_str();

    let on_existing = props.dispatch.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetExistingClient(input.checked())
    });
    let on_response = props.dispatch.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::SetResponse(select.value())
    });

    // One choice per distinct response time the plans guarantee, fastest first.
    let mut response_hours: Vec<Decimal> = env.config.plans.iter().map(|p| p.response_hours).collect();
    response_hours.sort();
    response_hours.dedup();
    let selected = props.form.required_response.trim().to_string();
    let response_id = env.id("response");
    let existing_id = env.id("existing");
    let estimate = env.fmt.money(props.estimated_downtime);

    html! {
        <section class="cf-section cf-business" aria-labelledby={env.id("business-title")}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(env.id("business-title"))}>
                <span class="cf-step" aria-hidden="true">{ "1" }</span>{ env.t("business.heading") }
            </Heading>
            <div class="cf-grid">
                <NumberField field="users" label={env.t("business.users.label").to_string()}
                    help={env.t("business.users.help").to_string()} value={props.form.users.clone()}
                    error={error("users")} on_change={on_text.clone()} />
                <NumberField field="computers" label={env.t("business.computers.label").to_string()}
                    help={env.t("business.computers.help").to_string()} value={props.form.computers.clone()}
                    error={error("computers")} on_change={on_text.clone()} />
                <NumberField field="servers" label={env.t("business.servers.label").to_string()}
                    help={env.t("business.servers.help").to_string()} value={props.form.servers.clone()}
                    error={error("servers")} on_change={on_text.clone()} />
            </div>
            <div class="cf-field cf-field--check">
                <input id={existing_id.clone()} class="cf-checkbox" type="checkbox"
                    checked={props.form.existing_client} onchange={on_existing} />
                <label class="cf-label" for={existing_id}>{ env.tf("business.existing.label", &[("company", company)]) }</label>
            </div>
            <div class="cf-field">
                <label class="cf-label" for={response_id.clone()}>{ env.t("business.response.label") }</label>
                <select id={response_id} class="cf-select" onchange={on_response}>
                    <option value="" selected={selected.is_empty()}>{ env.t("business.response.none") }</option>
                    { for response_hours.iter().map(|h| {
                        let value = format_hours(*h);
                        let label = if *h == Decimal::ONE {
                            env.t("business.response.option_one").to_string()
                        } else {
                            env.tf("business.response.option", &[("hours", &env.fmt.hours(*h))])
                        };
                        let is_selected = selected.parse::<f64>().ok() == Some(h.to_f64());
                        html! { <option value={value} selected={is_selected}>{ label }</option> }
                    }) }
                </select>
            </div>
            <NumberField field="downtime_cost" label={env.t("business.downtime.label").to_string()}
                help={env.tf("business.downtime.help", &[("amount", &estimate)])}
                value={props.form.downtime_cost.clone()}
                placeholder={env.fmt.amount(props.estimated_downtime)}
                inputmode="decimal" error={error("downtime_cost")} on_change={on_text} />
        </section>
    }
}

/// Properties of [`FitQuestions`].
#[derive(Properties, PartialEq)]
pub struct FitQuestionsProps {
    /// The chosen option per question id.
    pub choices: BTreeMap<String, usize>,
    /// Sends the prospect's choices.
    pub dispatch: Callback<Action>,
}

/// "How you work": the config's fit questions, one radio group each.
#[component]
pub fn FitQuestions(props: &FitQuestionsProps) -> Html {
    let env = use_env();
    if env.config.questions.is_empty() {
        return html! {};
    }
    html! {
        <section class="cf-section cf-questions" aria-labelledby={env.id("questions-title")}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(env.id("questions-title"))}>
                <span class="cf-step" aria-hidden="true">{ "2" }</span>{ env.t("questions.heading") }
            </Heading>
            <p class="cf-help">{ env.t("questions.intro") }</p>
            { for env.config.questions.iter().map(|q| {
                let chosen = props.choices.get(&q.id).copied();
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
                            let onchange = props.dispatch.reform(move |_: Event| Action::Choose(qid.clone(), i));
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
