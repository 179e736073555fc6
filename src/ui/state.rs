//! The widget's state and its reducer: the form as typed, the last good answers and their report.
//! The reducer is pure; saving and reading the browser's storage happens in effects.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use crate::model::form::AnswerForm;
use crate::model::{evaluate, Answers, Config, Report, Rule};

/// What a prospect can do to the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Typed into a text field (`users`, `computers`, `servers`, `downtime_cost`).
    SetText(&'static str, String),
    /// Ticked or unticked "we already work with you".
    SetExistingClient(bool),
    /// Chose a response time (hours as text, empty for no particular need).
    SetResponse(String),
    /// Chose an option of a fit question.
    Choose(String, usize),
    /// Cleared every answer.
    Reset,
}

/// Everything the widget shows, derived from the config and the form.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The consultancy's config.
    pub config: Rc<Config>,
    /// The form exactly as typed.
    pub form: AnswerForm,
    /// The rule each field currently breaks.
    pub errors: BTreeMap<&'static str, Rule>,
    /// The last answers that were all valid.
    pub answers: Answers,
    /// The report for `answers`.
    pub report: Rc<Report>,
    /// The locale's decimal separator, for reading typed amounts.
    pub decimal_separator: char,
}

impl State {
    /// The state for a form; if the form has errors the report is for the default answers.
    pub fn new(config: Rc<Config>, form: AnswerForm, decimal_separator: char) -> State {
        let answers = Answers::default();
        let report = Rc::new(evaluate(&config, &answers));
        let start = State { config, form: AnswerForm::default(), errors: BTreeMap::new(), answers, report, decimal_separator };
        start.with_form(form)
    }

    /// The state after the form changed: valid answers get a new report; invalid ones keep the
    /// last good report on screen and name each field's problem.
    fn with_form(&self, form: AnswerForm) -> State {
        let mut next = self.clone();
        let (answers, errors) = form.apply_to(&self.answers, &self.config, self.decimal_separator);
        if answers != self.answers {
            next.report = Rc::new(evaluate(&self.config, &answers));
            next.answers = answers;
        }
        next.errors = errors;
        next.form = form;
        next
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut form = self.form.clone();
        match action {
            Action::SetText(field, text) => match field {
                "users" => form.users = text,
                "computers" => form.computers = text,
                "servers" => form.servers = text,
                "downtime_cost" => form.downtime_cost = text,
                _ => return self,
            },
            Action::SetExistingClient(b) => form.existing_client = b,
            Action::SetResponse(h) => form.required_response = h,
            Action::Choose(id, i) => {
                form.choices.insert(id, i);
            }
            Action::Reset => form = AnswerForm::default(),
        }
        if form == self.form {
            return self;
        }
        Rc::new(self.with_form(form))
    }
}
