//! The widget's state and its reducer: the form as typed, the last answers that were valid as a
//! whole with their report, and what "Start over" can undo. The reducer is pure; saving and
//! reading the browser's storage happens in effects.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{evaluate, AnswerForm, Answers, Config, Dropped, Field, FieldErrors, NumberSyntax, Report};

/// What a prospect can do to the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Typed into a text field.
    SetText(Field, String),
    /// Ticked or unticked "we already work with you".
    SetExistingClient(bool),
    /// Chose a response time (hours as text, empty for no particular need).
    SetResponse(String),
    /// Chose an option of a fit question.
    Choose(String, usize),
    /// Cleared every answer (and kept them for [`Action::Undo`]).
    Reset,
    /// Brought back the answers "Start over" cleared.
    Undo,
}

/// Everything the widget shows, derived from the config and the form.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The consultancy's config.
    pub config: Rc<Config>,
    /// How the locale writes numbers.
    pub syntax: NumberSyntax,
    /// The form exactly as typed.
    pub form: AnswerForm,
    /// The rule each invalid field breaks; while there is any, the results stay on `answers`.
    pub errors: FieldErrors,
    /// The last answers that were valid as a whole: the results, the summary, share links and
    /// saved answers only ever use these.
    pub answers: Rc<Answers>,
    /// The form as it was when `answers` were read from it.
    pub valid_form: Rc<AnswerForm>,
    /// The report for `answers`.
    pub report: Rc<Report>,
    /// The answers "Start over" cleared, until the prospect changes something.
    pub undo: Option<AnswerForm>,
    /// What saved or shared answers asked for that this config does not offer.
    pub dropped: Vec<Dropped>,
}

impl State {
    /// The state for a form restored from a link or storage: what the config does not offer is
    /// dropped (and said), and an invalid form shows the starting answers' results.
    pub fn new(config: Rc<Config>, mut form: AnswerForm, syntax: NumberSyntax) -> State {
        let dropped = form.reconcile(&config);
        let valid_form = AnswerForm::starting(&config);
        let answers = Rc::new(valid_form.to_answers(&config, &syntax).unwrap_or_default());
        let report = Rc::new(evaluate(&config, &answers));
        let start = State {
            config,
            syntax,
            form: valid_form.clone(),
            errors: FieldErrors::new(),
            answers,
            valid_form: Rc::new(valid_form),
            report,
            undo: None,
            dropped,
        };
        start.with_form(form)
    }

    /// The error for `field`, if it is invalid.
    pub fn error(&self, field: Field) -> Option<&crate::model::Rule> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, r)| r)
    }

    /// The state after the form changed: valid answers get a new report; an invalid field keeps
    /// the last valid answers and their report on screen, and names its problem.
    fn with_form(&self, form: AnswerForm) -> State {
        let mut next = self.clone();
        match form.to_answers(&self.config, &self.syntax) {
            Ok(answers) => {
                if answers != *self.answers {
                    next.report = Rc::new(evaluate(&self.config, &answers));
                    next.answers = Rc::new(answers);
                }
                next.valid_form = Rc::new(form.clone());
                next.errors.clear();
            }
            Err(errors) => next.errors = errors,
        }
        next.form = form;
        next
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut form = self.form.clone();
        let mut undo = None;
        match action {
            Action::SetText(field, text) => form.set_text(field, text),
            Action::SetExistingClient(b) => form.existing_client = b,
            Action::SetResponse(h) => form.required_response = h,
            Action::Choose(id, i) => {
                form.choices.insert(id, i);
            }
            Action::Reset => {
                undo = Some(self.form.clone());
                form = AnswerForm::starting(&self.config);
            }
            Action::Undo => match &self.undo {
                Some(saved) => form = saved.clone(),
                None => return self,
            },
        }
        if form == self.form && undo.is_none() && self.undo.is_none() {
            return self;
        }
        let mut next = self.with_form(form);
        next.undo = undo;
        next.dropped.clear();
        Rc::new(next)
    }
}
