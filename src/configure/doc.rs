//! The config being edited, as a JSON document changed field by field at a path: what the
//! configurator keeps, saves and exports is exactly this document, so nothing the consultancy
//! typed is lost or reinterpreted, and every problem `contract-fit check` names by its path
//! lands on the field at that path.

use crate::model::currency_minor_units;
use crate::model::json::{Object, Value};

/// One step of a path: a field of an object or an entry of a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A field name.
    Key(String),
    /// A list index, from 0.
    Index(usize),
}

/// Where a value sits in the document (`plans[1].per_user`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Path(pub Vec<Seg>);

impl Path {
    /// A path of field names (`Path::of(&["rates", "hourly"])`).
    pub fn of(keys: &[&str]) -> Path {
        Path(keys.iter().map(|k| Seg::Key((*k).to_string())).collect())
    }

    /// This path, one field further.
    pub fn key(&self, k: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(k.to_string()));
        p
    }

    /// This path, one list entry further.
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    /// The path as a problem names it: `plans[1].per_user`, `texts.widget.title`.
    pub fn problem_path(&self) -> String {
        let mut out = String::new();
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// An element id for the field at this path, unique for every path.
    pub fn field_id(&self) -> String {
        let mut out = String::from("f");
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => {
                    out.push('-');
                    for c in k.chars() {
                        if c.is_ascii_alphanumeric() || c == '_' {
                            out.push(c);
                        } else {
                            // Distinct escapes keep `a.b` and `a-b` apart.
                            out.push_str(&format!(".{:x}.", u32::from(c)));
                        }
                    }
                }
                Seg::Index(i) => {
                    out.push_str("--");
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }

    /// The path without its last step; `None` for the document itself.
    pub fn parent(&self) -> Option<Path> {
        let mut p = self.clone();
        p.0.pop().map(|_| p)
    }
}

/// The value at `path`, if there is one.
pub fn get<'a>(doc: &'a Value, path: &Path) -> Option<&'a Value> {
    path.0.iter().try_fold(doc, |v, seg| match (seg, v) {
        (Seg::Key(k), Value::Object(o)) => o.get(k),
        (Seg::Index(i), Value::Array(a)) => a.get(*i),
        _ => None,
    })
}

/// The text at `path` as a field shows it: a string as it is, anything else as its JSON text
/// (so a number where text belongs is shown, not hidden), nothing when missing or `null`.
pub fn text_at(doc: &Value, path: &Path) -> String {
    get(doc, path).map(shown).unwrap_or_default()
}

/// A value as a field shows it: a string as it is, `null` as nothing, anything else as JSON.
pub fn shown(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_json_string(),
    }
}

fn slot<'a>(doc: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    let Some((first, rest)) = path.split_first() else { return Some(doc) };
    let next = match (first, doc) {
        (Seg::Key(k), Value::Object(o)) => o.0.iter_mut().rev().find(|(name, _)| name == k).map(|(_, v)| v)?,
        (Seg::Index(i), Value::Array(a)) => a.get_mut(*i)?,
        _ => return None,
    };
    slot(next, rest)
}

/// Sets the value at `path`, making the objects on the way; `None` removes the field (so the
/// default applies). An edit under a value of another type (a `rates` that is a string) replaces
/// that value with an object: the consultancy chose to fill in its fields. A list entry that does
/// not exist is never made up; then nothing changes and `false` is returned.
pub fn set(doc: &mut Value, path: &Path, value: Option<Value>) -> bool {
    let Some((last, parents)) = path.0.split_last() else {
        if let Some(v) = value {
            *doc = v;
            return true;
        }
        return false;
    };
    let mut here = doc;
    for seg in parents {
        here = match seg {
            Seg::Key(k) => {
                if !matches!(here, Value::Object(_)) {
                    if value.is_none() {
                        return false;
                    }
                    *here = Value::Object(Object::default());
                }
                let Value::Object(o) = here else { return false };
                if !o.contains_key(k) {
                    if value.is_none() {
                        return false;
                    }
                    o.insert(k.clone(), Value::Object(Object::default()));
                }
                match o.0.iter_mut().rev().find(|(name, _)| name == k) {
                    Some((_, v)) => v,
                    None => return false,
                }
            }
            Seg::Index(i) => match here {
                Value::Array(a) if *i < a.len() => &mut a[*i],
                _ => return false,
            },
        };
    }
    match (last, here, value) {
        (Seg::Key(k), Value::Object(o), Some(v)) => {
            o.insert(k.clone(), v);
            true
        }
        (Seg::Key(k), Value::Object(o), None) => {
            let before = o.0.len();
            o.0.retain(|(name, _)| name != k);
            o.0.len() != before
        }
        (Seg::Key(k), other, Some(v)) => {
            *other = Value::Object(Object::default().with(k, v));
            true
        }
        (Seg::Index(i), Value::Array(a), Some(v)) if *i < a.len() => {
            a[*i] = v;
            true
        }
        _ => false,
    }
}

/// The list at `path`: its entries, or `None` when it is missing or not a list.
pub fn list<'a>(doc: &'a Value, path: &Path) -> Option<&'a [Value]> {
    match get(doc, path) {
        Some(Value::Array(a)) => Some(a),
        _ => None,
    }
}

fn list_mut<'a>(doc: &'a mut Value, path: &Path) -> Option<&'a mut Vec<Value>> {
    match slot(doc, &path.0) {
        Some(Value::Array(a)) => Some(a),
        _ => None,
    }
}

/// Inserts `value` into the list at `path` before `index` (at the end when past it), making the
/// list when it is missing.
pub fn insert(doc: &mut Value, path: &Path, index: usize, value: Value) -> bool {
    if list_mut(doc, path).is_none() && !set(doc, path, Some(Value::Array(Vec::new()))) {
        return false;
    }
    match list_mut(doc, path) {
        Some(a) => {
            a.insert(index.min(a.len()), value);
            true
        }
        None => false,
    }
}

/// Removes entry `index` of the list at `path`.
pub fn remove(doc: &mut Value, path: &Path, index: usize) -> Option<Value> {
    let a = list_mut(doc, path)?;
    (index < a.len()).then(|| a.remove(index))
}

/// Moves entry `from` of the list at `path` to position `to`.
pub fn move_entry(doc: &mut Value, path: &Path, from: usize, to: usize) -> bool {
    let Some(a) = list_mut(doc, path) else { return false };
    if from >= a.len() || to >= a.len() || from == to {
        return false;
    }
    let v = a.remove(from);
    a.insert(to, v);
    true
}

/// Copies entry `index` of the list at `path` just after it; an entry with an `id` gets a new
/// one (`essential-copy`, `essential-copy-2`), since ids must stay unique.
pub fn duplicate(doc: &mut Value, path: &Path, index: usize) -> bool {
    let Some(a) = list_mut(doc, path) else { return false };
    let Some(mut copy) = a.get(index).cloned() else { return false };
    let ids: Vec<String> = a.iter().filter_map(|e| e.get("id").and_then(Value::as_str).map(String::from)).collect();
    if let Value::Object(o) = &mut copy {
        if let Some(id) = o.get("id").and_then(Value::as_str) {
            let fresh = fresh_id(&ids, &format!("{id}-copy"));
            o.insert("id", fresh);
        }
    }
    a.insert(index + 1, copy);
    true
}

/// `base`, or `base-2`, `base-3`, … : the first not among `taken`, kept to the 40 characters an
/// id may have.
pub fn fresh_id(taken: &[String], base: &str) -> String {
    let base: String = base.chars().take(34).collect();
    if !taken.contains(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|c| !taken.iter().any(|t| t == c)).unwrap_or(base)
}

/// The ids of the entries of the list at `path`.
pub fn ids(doc: &Value, path: &Path) -> Vec<String> {
    list(doc, path)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| e.get("id").and_then(Value::as_str).map(String::from))
        .collect()
}

/// Whether the document has a value at a problem's path (so the value can be removed).
pub fn exists(doc: &Value, problem_path: &str) -> bool {
    parse_problem_path(problem_path).is_some_and(|p| get(doc, &p).is_some())
}

/// Reads a problem's path back (`plans[1].per_user`). Text keys contain dots, so a path under
/// `texts` keeps the rest as one key (`texts.widget.title`), and under `theme.properties` too.
pub fn parse_problem_path(s: &str) -> Option<Path> {
    if s.is_empty() {
        return Some(Path::default());
    }
    let mut p = Path::default();
    let mut rest = s;
    loop {
        let in_texts = p.0 == [Seg::Key("texts".into())];
        let end = if in_texts { rest.len() } else { rest.find(['.', '[']).unwrap_or(rest.len()) };
        let (key, after) = rest.split_at(end);
        if !key.is_empty() {
            p.0.push(Seg::Key(key.to_string()));
        }
        rest = after;
        while let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']')?;
            p.0.push(Seg::Index(r[..close].parse().ok()?));
            rest = &r[close + 1..];
        }
        match rest.strip_prefix('.') {
            Some(r) => rest = r,
            None if rest.is_empty() => return Some(p),
            None => return None,
        }
    }
}

/// Sets the config's currency. Decimals that were the old currency's own (`2` for USD) are
/// dropped, so the new currency's own apply (`0` for JPY); decimals the consultancy chose
/// differently from the old currency's own are kept.
pub fn set_currency(doc: &mut Value, value: Option<Value>) -> bool {
    let currency = Path::of(&["currency"]);
    let minor = Path::of(&["minor_units"]);
    let old = match get(doc, &currency) {
        Some(Value::String(c)) => c.clone(),
        Some(_) => return set(doc, &currency, value),
        None => "USD".to_string(),
    };
    let own = match get(doc, &minor) {
        Some(Value::Number(n)) => n.as_str() == currency_minor_units(&old).to_string(),
        _ => false,
    };
    let changed = set(doc, &currency, value);
    if changed && own {
        set(doc, &minor, None);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::parse;

    #[test]
    fn decimals_follow_the_currency_unless_chosen() {
        // The shipped config writes USD's own 2: switching to yen drops them (yen has none).
        let mut d = doc(r#"{ "currency": "USD", "minor_units": 2 }"#);
        assert!(set_currency(&mut d, Some(Value::String("J".into()))));
        assert!(set_currency(&mut d, Some(Value::String("JPY".into()))));
        assert_eq!(d, doc(r#"{ "currency": "JPY" }"#));
        let config = crate::model::Config::from_value(&d).unwrap();
        assert_eq!(config.minor_units, 0);
        // Decimals other than the currency's own were chosen, and stay.
        let mut d = doc(r#"{ "currency": "USD", "minor_units": 3 }"#);
        assert!(set_currency(&mut d, Some(Value::String("EUR".into()))));
        assert_eq!(d, doc(r#"{ "currency": "EUR", "minor_units": 3 }"#));
        // No currency yet means USD.
        let mut d = doc(r#"{ "minor_units": 2 }"#);
        assert!(set_currency(&mut d, Some(Value::String("KWD".into()))));
        assert_eq!(d, doc(r#"{ "currency": "KWD" }"#));
    }

    fn doc(text: &str) -> Value {
        parse(text).unwrap()
    }

    #[test]
    fn paths_read_and_write_as_problems_name_them() {
        let p = Path::of(&["plans"]).index(1).key("per_user");
        assert_eq!(p.problem_path(), "plans[1].per_user");
        assert_eq!(parse_problem_path("plans[1].per_user"), Some(p));
        assert_eq!(parse_problem_path("questions[0].options[2].points").unwrap().problem_path(), "questions[0].options[2].points");
        let t = parse_problem_path("texts.widget.title").unwrap();
        assert_eq!(t, Path::of(&["texts", "widget.title"]));
        assert_eq!(parse_problem_path("texts.count.people.other").unwrap(), Path::of(&["texts", "count.people.other"]));
        assert_eq!(parse_problem_path(""), Some(Path::default()));
        assert_eq!(parse_problem_path("plans[x]"), None);
    }

    #[test]
    fn field_ids_are_distinct_for_distinct_paths() {
        let a = Path::of(&["texts", "a.b"]).field_id();
        let b = Path::of(&["texts", "a-b"]).field_id();
        let c = Path::of(&["texts", "a", "b"]).field_id();
        assert!(a != b && b != c && a != c, "{a} {b} {c}");
        assert_eq!(Path::of(&["plans"]).index(0).key("name").field_id(), "f-plans--0-name");
        assert!(a.chars().all(|ch| ch.is_ascii_alphanumeric() || "-_.".contains(ch)));
    }

    #[test]
    fn set_makes_objects_on_the_way_and_none_removes() {
        let mut d = doc("{}");
        assert!(set(&mut d, &Path::of(&["rates", "hourly"]), Some(Value::from(120))));
        assert_eq!(d.to_json_string(), r#"{"rates":{"hourly":120}}"#);
        assert!(set(&mut d, &Path::of(&["rates", "hourly"]), None));
        assert_eq!(d.to_json_string(), r#"{"rates":{}}"#);
        assert!(!set(&mut d, &Path::of(&["rates", "hourly"]), None), "nothing to remove");
        let mut wrong = doc(r#"{"rates": "cheap"}"#);
        assert!(set(&mut wrong, &Path::of(&["rates", "hourly"]), Some(Value::from(1))));
        assert_eq!(wrong.to_json_string(), r#"{"rates":{"hourly":1}}"#);
        let mut plans = doc(r#"{"plans": [{"id": "a"}]}"#);
        assert!(!set(&mut plans, &Path::of(&["plans"]).index(3).key("name"), Some(Value::from("x"))), "no entry is made up");
        assert!(set(&mut plans, &Path::of(&["plans"]).index(0).key("name"), Some(Value::from("A"))));
        assert_eq!(plans.to_json_string(), r#"{"plans":[{"id":"a","name":"A"}]}"#);
    }

    #[test]
    fn lists_insert_remove_move_and_duplicate_with_fresh_ids() {
        let mut d = doc(r#"{"plans": [{"id": "a"}, {"id": "b"}]}"#);
        let plans = Path::of(&["plans"]);
        assert!(duplicate(&mut d, &plans, 0));
        assert!(duplicate(&mut d, &plans, 0));
        assert_eq!(ids(&d, &plans), ["a", "a-copy-2", "a-copy", "b"], "each copy right after its original");
        assert!(move_entry(&mut d, &plans, 3, 0));
        assert_eq!(ids(&d, &plans), ["b", "a", "a-copy-2", "a-copy"]);
        assert!(!move_entry(&mut d, &plans, 0, 9));
        assert_eq!(remove(&mut d, &plans, 1).map(|v| v.to_json_string()), Some(r#"{"id":"a"}"#.to_string()));
        assert!(insert(&mut d, &plans, 99, doc(r#"{"id": "z"}"#)));
        assert_eq!(ids(&d, &plans), ["b", "a-copy-2", "a-copy", "z"]);
        let mut empty = doc("{}");
        assert!(insert(&mut empty, &Path::of(&["questions"]), 0, doc("{}")));
        assert_eq!(empty.to_json_string(), r#"{"questions":[{}]}"#);
        assert_eq!(fresh_id(&["x".to_string()], "x"), "x-2");
    }

    #[test]
    fn text_shows_what_is_there() {
        let d = doc(r#"{"a": "text", "b": 5, "c": null}"#);
        assert_eq!(text_at(&d, &Path::of(&["a"])), "text");
        assert_eq!(text_at(&d, &Path::of(&["b"])), "5");
        assert_eq!(text_at(&d, &Path::of(&["c"])), "");
        assert_eq!(text_at(&d, &Path::of(&["d"])), "");
        assert!(exists(&d, "b") && !exists(&d, "d"));
    }
}
