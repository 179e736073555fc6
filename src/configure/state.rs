//! The configurator's state and its reducer: the document, what check says about it, the last
//! config that worked (which the preview shows), and what "start over" or an import replaced, so
//! that it can be brought back. The reducer is pure; storage is written in effects.

use std::rc::Rc;

use yew::Reducible;

use super::check::{check, Checked};
use super::doc::{self, Path};
use crate::model::json::{self, Object, Value};
use crate::model::Config;

/// What the consultancy can do to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Sets the value at a path; `None` removes the field, so the default applies.
    Set(Path, Option<Value>),
    /// Inserts an entry into the list at a path, before an index.
    Insert(Path, usize, Value),
    /// Removes an entry of the list at a path.
    Remove(Path, usize),
    /// Moves an entry of the list at a path from one index to another.
    Move(Path, usize, usize),
    /// Copies an entry of the list at a path, with a fresh id.
    Duplicate(Path, usize),
    /// Replaces the whole document (a new start or an import), keeping the old one for undo.
    Replace {
        /// The new document.
        doc: Value,
        /// What happened, for the notice ("Started from the German example.").
        what: String,
    },
    /// Brings back the document the last replacement replaced (and keeps the current one, so
    /// that undoing can itself be undone).
    Undo,
}

/// A document that a replacement replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// What replaced it.
    pub what: String,
    /// The document as it was.
    pub doc: Rc<Value>,
}

/// Everything the configurator shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The config document as edited.
    pub doc: Rc<Value>,
    /// What `contract-fit check` says about it.
    pub checked: Rc<Checked>,
    /// The last config that worked: the preview shows it.
    pub preview: Option<Rc<Config>>,
    /// Counts the preview's configs: the preview starts again on each new one.
    pub generation: u32,
    /// What the last replacement replaced.
    pub undo: Option<Undo>,
}

impl Editor {
    /// The state for a document (and what it replaced, if anything).
    pub fn new(doc: Value, undo: Option<Undo>) -> Editor {
        let checked = check(&doc);
        let preview = checked.config.clone().map(Rc::new);
        Editor { doc: Rc::new(doc), checked: Rc::new(checked), preview, generation: 0, undo }
    }

    /// The state after the document changed.
    fn with_doc(&self, doc: Value, undo: Option<Undo>) -> Editor {
        let checked = check(&doc);
        let (preview, generation) = match &checked.config {
            Some(c) if self.preview.as_deref() != Some(c) => (Some(Rc::new(c.clone())), self.generation.wrapping_add(1)),
            _ => (self.preview.clone(), self.generation),
        };
        Editor { doc: Rc::new(doc), checked: Rc::new(checked), preview, generation, undo }
    }

    /// The undo record as saved in the browser.
    pub fn undo_json(&self) -> Option<String> {
        self.undo.as_ref().map(|u| {
            Value::Object(Object::default().with("what", u.what.as_str()).with("doc", (*u.doc).clone())).to_json_string()
        })
    }

    /// Reads a saved undo record; anything unreadable is no undo.
    pub fn undo_from_json(text: &str) -> Option<Undo> {
        let v = json::parse(text).ok()?;
        Some(Undo { what: v.get("what")?.as_str()?.to_string(), doc: Rc::new(v.get("doc")?.clone()) })
    }
}

impl Reducible for Editor {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self.doc).clone();
        let changed = match action {
            Action::Set(path, value) if path == doc::Path::of(&["currency"]) => doc::set_currency(&mut next, value),
            Action::Set(path, value) => doc::set(&mut next, &path, value),
            Action::Insert(path, i, value) => doc::insert(&mut next, &path, i, value),
            Action::Remove(path, i) => doc::remove(&mut next, &path, i).is_some(),
            Action::Move(path, from, to) => doc::move_entry(&mut next, &path, from, to),
            Action::Duplicate(path, i) => doc::duplicate(&mut next, &path, i),
            Action::Replace { doc, what } => {
                let undo = Undo { what, doc: self.doc.clone() };
                return Rc::new(self.with_doc(doc, Some(undo)));
            }
            Action::Undo => {
                let Some(undo) = &self.undo else { return self };
                let back = Undo { what: "Brought back your earlier work.".into(), doc: self.doc.clone() };
                return Rc::new(self.with_doc((*undo.doc).clone(), Some(back)));
            }
        };
        if !changed || next == *self.doc {
            return self;
        }
        Rc::new(self.with_doc(next, self.undo.clone()))
    }
}
