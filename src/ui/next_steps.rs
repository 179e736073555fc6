//! The next step without a backend: email the estimate, copy a summary, print a quote, share a
//! link that reopens the same results, or start over.

use yew::prelude::*;

use super::browser;
use super::env::{use_env, Heading, Env};
use crate::model::form::AnswerForm;
use crate::model::{Answers, Decimal, Report};

/// The recommendation in one sentence: the plan and its monthly price, or paying per job.
pub fn recommendation_sentence(env: &Env, report: &Report) -> String {
    match report.recommended_plan() {
        Some(p) => env.tf("summary.recommend_plan", &[("plan", &p.name), ("price", &env.fmt.money(p.price.monthly))]),
        None => env.t("summary.recommend_payg").to_string(),
    }
}

/// A plain-text summary of the estimate, for email and the clipboard.
pub fn summary(env: &Env, report: &Report, answers: &Answers, link: &str) -> String {
    let fmt = &env.fmt;
    let count = |n: u32| fmt.number(f64::from(n));
    let mut lines = vec![
        env.tf("summary.intro", &[("company", &env.config.company.name)]),
        String::new(),
        env.tf("summary.business", &[
            ("users", &count(answers.users)),
            ("computers", &count(answers.computers)),
            ("servers", &count(answers.servers)),
        ]),
    ];
    if answers.existing_client {
        lines.push(env.t("summary.existing").to_string());
    }
    let response = match answers.required_response_hours {
        Some(h) if h == Decimal::ONE => env.t("business.response.option_one").to_string(),
        Some(h) => env.tf("business.response.option", &[("hours", &fmt.hours(h))]),
        None => env.t("business.response.none").to_string(),
    };
    lines.push(env.tf("summary.response", &[("response", &response)]));
    if report.answered_questions > 0 {
        lines.push(env.tf("summary.fit", &[("band", &report.band.label), ("score", &report.score.to_string())]));
        lines.push(recommendation_sentence(env, report));
    }
    lines.push(String::new());
    for p in &report.plans {
        lines.push(env.tf("summary.plan_line", &[
            ("plan", &p.name),
            ("monthly", &fmt.money(p.price.monthly)),
            ("annual", &fmt.money(p.price.annual)),
            ("hours", &fmt.hours(p.response_hours)),
        ]));
    }
    lines.push(env.tf("summary.payg_line", &[("labour", &fmt.money(report.payg.labour))]));
    lines.push(String::new());
    lines.push(env.tf("summary.link", &[("link", link)]));
    lines.join("\n")
}

/// Properties of [`NextSteps`].
#[derive(Properties, PartialEq)]
pub struct NextStepsProps {
    /// The current report.
    pub report: std::rc::Rc<Report>,
    /// The answers behind the report.
    pub answers: std::rc::Rc<Answers>,
    /// The form as typed, for the share link.
    pub form: AnswerForm,
    /// Clears every answer.
    pub on_reset: Callback<()>,
    /// Says something to screen-reader users (and shows it).
    pub on_status: Callback<String>,
    /// Tells the host page which next step the prospect took (`email`, `copy`, `print`, `share`).
    #[prop_or_default]
    pub on_step: Callback<&'static str>,
}

/// The next-step buttons.
#[component]
pub fn NextSteps(props: &NextStepsProps) -> Html {
    let env = use_env();
    let shared_link = use_state(|| None::<String>);
    let fallback_text = use_state(|| None::<String>);
    let link = format!("{}#{}", browser::url_without_fragment(), props.form.to_fragment());
    let company = &env.config.company;
    let text = summary(&env, &props.report, &props.answers, &link);

    let mailto = (!company.email.is_empty()).then(|| {
        let subject = env.tf("summary.subject", &[("users", &env.fmt.number(f64::from(props.answers.users)))]);
        format!(
            "mailto:{}?subject={}&body={}",
            company.email,
            browser::encode_component(&subject),
            browser::encode_component(&text)
        )
    });

    let on_copy = {
        let (text, status, fallback) = (text.clone(), props.on_status.clone(), fallback_text.clone());
        let (ok, failed) = (env.t("next.copied").to_string(), env.t("next.copy_failed").to_string());
        let step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| {
            step.emit("copy");
            let (status, fallback, text2) = (status.clone(), fallback.clone(), text.clone());
            let (ok, failed) = (ok.clone(), failed.clone());
            browser::copy_text(&text, move |worked| {
                if worked {
                    fallback.set(None);
                    status.emit(ok);
                } else {
                    fallback.set(Some(text2));
                    status.emit(failed);
                }
            });
        })
    };
    let on_share = {
        let (link, status, shown) = (link.clone(), props.on_status.clone(), shared_link.clone());
        let done = env.t("next.link_copied").to_string();
        let step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| {
            step.emit("share");
            // The address bar shows the link too, unless the host page uses the fragment itself.
            let current = browser::fragment();
            if current.is_empty() || AnswerForm::from_fragment(&current).is_some() {
                browser::set_fragment(link.split_once('#').map_or("", |(_, f)| f));
            }
            shown.set(Some(link.clone()));
            let (status, done) = (status.clone(), done.clone());
            browser::copy_text(&link, move |_| status.emit(done));
        })
    };
    let on_print = props.on_step.reform(|_: MouseEvent| {
        browser::print();
        "print"
    });
    let on_email = props.on_step.reform(|_: MouseEvent| "email");
    let on_reset = {
        let (reset, shown, fallback) = (props.on_reset.clone(), shared_link.clone(), fallback_text.clone());
        Callback::from(move |_: MouseEvent| {
            shown.set(None);
            fallback.set(None);
            reset.emit(());
        })
    };
    let link_id = env.id("share-link");

    html! {
        <section class="cf-section cf-next" aria-labelledby={env.id("next-title")}>
            <Heading depth={1} class="cf-section__title" id={AttrValue::from(env.id("next-title"))}>{ env.t("next.heading") }</Heading>
            <div class="cf-actions">
                if let Some(href) = mailto {
                    <a class="cf-button cf-button--primary" href={href} onclick={on_email}>{ env.tf("next.email", &[("company", &company.name)]) }</a>
                }
                <button type="button" class="cf-button" onclick={on_copy}>{ env.t("next.copy") }</button>
                <button type="button" class="cf-button" onclick={on_print}>{ env.t("next.print") }</button>
                <button type="button" class="cf-button" onclick={on_share}>{ env.t("next.share") }</button>
                <button type="button" class="cf-button cf-button--quiet" onclick={on_reset}>{ env.t("next.reset") }</button>
            </div>
            if !company.phone.is_empty() {
                <p class="cf-help">{ env.tf("next.call", &[("phone", &company.phone)]) }</p>
            }
            if let Some(url) = &*shared_link {
                <div class="cf-field">
                    <label class="cf-label" for={link_id.clone()}>{ env.t("next.link_label") }</label>
                    <input id={link_id} class="cf-input" type="text" readonly={true} value={url.clone()} />
                </div>
            }
            if let Some(t) = &*fallback_text {
                <textarea class="cf-input cf-summary-text" readonly={true} rows="10" aria-label={env.t("next.copy").to_string()} value={t.clone()} />
            }
        </section>
    }
}
