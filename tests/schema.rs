//! The shipped JSON Schema (`config/config.schema.json`) is the one `contract-fit schema` prints,
//! accepts every config the project ships, and rejects a broken case of every rule it states.
//! It is checked by a small validator for exactly the keywords the schema uses (an unknown
//! keyword fails the test), with patterns read by `regex-syntax` and matched by a tiny NFA.

use std::process::Command;

use contract_fit::model::{config_schema_text, Config};
use regex_syntax::hir::{Class, Hir, HirKind, Look};
use serde_json::{json, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{rel}")).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn schema() -> Value {
    serde_json::from_str(&read("config/config.schema.json")).expect("the schema is JSON")
}

// --- a regular expression matcher: regex-syntax parses, a Thompson NFA matches ------------------

enum State {
    Chars(Vec<(char, char)>, usize),
    Split(usize, usize),
    Assert(Look, usize),
    Match,
}

struct Nfa {
    states: Vec<State>,
    start: usize,
}

impl Nfa {
    fn new(pattern: &str) -> Nfa {
        let hir = regex_syntax::Parser::new().parse(pattern).unwrap_or_else(|e| panic!("pattern {pattern}: {e}"));
        let mut nfa = Nfa { states: vec![State::Match], start: 0 };
        nfa.start = nfa.compile(&hir, 0);
        nfa
    }

    fn push(&mut self, s: State) -> usize {
        self.states.push(s);
        self.states.len() - 1
    }

    /// The entry of `hir`, continuing at `next` (built back to front).
    fn compile(&mut self, hir: &Hir, next: usize) -> usize {
        match hir.kind() {
            HirKind::Empty => next,
            HirKind::Literal(lit) => {
                let text = std::str::from_utf8(&lit.0).expect("a UTF-8 literal");
                text.chars().rev().fold(next, |n, c| self.push(State::Chars(vec![(c, c)], n)))
            }
            HirKind::Class(Class::Unicode(cls)) => {
                let ranges = cls.ranges().iter().map(|r| (r.start(), r.end())).collect();
                self.push(State::Chars(ranges, next))
            }
            HirKind::Class(Class::Bytes(_)) => panic!("byte classes are not used"),
            HirKind::Look(look) => self.push(State::Assert(*look, next)),
            HirKind::Capture(c) => self.compile(&c.sub, next),
            HirKind::Concat(parts) => parts.iter().rev().fold(next, |n, h| self.compile(h, n)),
            HirKind::Alternation(alts) => {
                let entries: Vec<usize> = alts.iter().map(|h| self.compile(h, next)).collect();
                let mut it = entries.into_iter().rev();
                let last = it.next().expect("an alternation has alternatives");
                it.fold(last, |rest, e| self.push(State::Split(e, rest)))
            }
            HirKind::Repetition(rep) => {
                let mut entry = match rep.max {
                    None => {
                        let lp = self.push(State::Split(0, 0));
                        let body = self.compile(&rep.sub, lp);
                        self.states[lp] = State::Split(body, next);
                        lp
                    }
                    Some(max) => {
                        let mut e = next;
                        for _ in rep.min..max {
                            let body = self.compile(&rep.sub, e);
                            e = self.push(State::Split(body, e));
                        }
                        e
                    }
                };
                for _ in 0..rep.min {
                    entry = self.compile(&rep.sub, entry);
                }
                entry
            }
        }
    }

    fn close(&self, s: usize, at: usize, len: usize, set: &mut Vec<usize>) {
        if set.contains(&s) {
            return;
        }
        set.push(s);
        match &self.states[s] {
            State::Split(a, b) => {
                self.close(*a, at, len, set);
                self.close(*b, at, len, set);
            }
            State::Assert(Look::Start, n) if at == 0 => self.close(*n, at, len, set),
            State::Assert(Look::End, n) if at == len => self.close(*n, at, len, set),
            State::Assert(Look::Start | Look::End, _) => {}
            State::Assert(other, _) => panic!("assertion {other:?} is not used"),
            _ => {}
        }
    }

    /// ECMAScript `test`: a match anywhere (the schema's patterns anchor themselves).
    fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let mut set = Vec::new();
        for at in 0..=chars.len() {
            self.close(self.start, at, chars.len(), &mut set);
            if set.iter().any(|s| matches!(self.states[*s], State::Match)) {
                return true;
            }
            let Some(c) = chars.get(at) else { break };
            let mut next = Vec::new();
            for s in &set {
                if let State::Chars(ranges, n) = &self.states[*s] {
                    if ranges.iter().any(|(lo, hi)| lo <= c && c <= hi) {
                        self.close(*n, at + 1, chars.len(), &mut next);
                    }
                }
            }
            set = next;
        }
        false
    }
}

// --- a JSON Schema validator for the keywords the schema uses --------------------------------

fn type_ok(kind: &str, v: &Value) -> bool {
    match kind {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "number" => v.is_number(),
        "integer" => v.as_f64().is_some_and(|x| x.fract() == 0.0),
        other => panic!("unknown type {other}"),
    }
}

/// Every place `v` breaks `schema`, as `path: keyword`.
fn validate(schema: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
    let Value::Object(s) = schema else { panic!("{path}: a schema must be an object") };
    let fail = |out: &mut Vec<String>, what: &str| out.push(format!("{path}: {what}"));
    for (keyword, arg) in s {
        match keyword.as_str() {
            "$schema" | "title" | "description" | "default" | "deprecated" => {}
            "type" => {
                let ok = match arg {
                    Value::String(k) => type_ok(k, v),
                    Value::Array(ks) => ks.iter().any(|k| type_ok(k.as_str().unwrap(), v)),
                    _ => panic!("bad type"),
                };
                if !ok {
                    fail(out, "type");
                }
            }
            "enum" => {
                if !arg.as_array().unwrap().contains(v) {
                    fail(out, "enum");
                }
            }
            "minimum" | "maximum" | "exclusiveMinimum" => {
                if let Some(x) = v.as_f64() {
                    let bound = arg.as_f64().unwrap();
                    let ok = match keyword.as_str() {
                        "minimum" => x >= bound,
                        "maximum" => x <= bound,
                        _ => x > bound,
                    };
                    if !ok {
                        fail(out, keyword);
                    }
                }
            }
            "minLength" | "maxLength" => {
                if let Some(t) = v.as_str() {
                    let n = t.chars().count() as u64;
                    let bound = arg.as_u64().unwrap();
                    if (keyword == "minLength" && n < bound) || (keyword == "maxLength" && n > bound) {
                        fail(out, keyword);
                    }
                }
            }
            "pattern" => {
                if let Some(t) = v.as_str() {
                    if !Nfa::new(arg.as_str().unwrap()).is_match(t) {
                        fail(out, "pattern");
                    }
                }
            }
            "minItems" | "maxItems" => {
                if let Some(a) = v.as_array() {
                    let bound = arg.as_u64().unwrap() as usize;
                    if (keyword == "minItems" && a.len() < bound) || (keyword == "maxItems" && a.len() > bound) {
                        fail(out, keyword);
                    }
                }
            }
            "items" => {
                if let Some(a) = v.as_array() {
                    for (i, item) in a.iter().enumerate() {
                        validate(arg, item, &format!("{path}[{i}]"), out);
                    }
                }
            }
            "required" => {
                if let Some(o) = v.as_object() {
                    for name in arg.as_array().unwrap() {
                        if !o.contains_key(name.as_str().unwrap()) {
                            out.push(format!("{path}.{}: required", name.as_str().unwrap()));
                        }
                    }
                }
            }
            "properties" => {
                if let Some(o) = v.as_object() {
                    for (k, item) in o {
                        if let Some(sub) = arg.get(k) {
                            validate(sub, item, &join(path, k), out);
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Some(o) = v.as_object() {
                    let known = s.get("properties").and_then(Value::as_object);
                    for (k, item) in o {
                        if known.is_some_and(|p| p.contains_key(k)) {
                            continue;
                        }
                        match arg {
                            Value::Bool(false) => out.push(format!("{}: additionalProperties", join(path, k))),
                            Value::Bool(true) => {}
                            sub => validate(sub, item, &join(path, k), out),
                        }
                    }
                }
            }
            "propertyNames" => {
                if let Some(o) = v.as_object() {
                    for k in o.keys() {
                        validate(arg, &Value::String(k.clone()), &join(path, k), out);
                    }
                }
            }
            "anyOf" => {
                let any = arg.as_array().unwrap().iter().any(|sub| {
                    let mut inner = Vec::new();
                    validate(sub, v, path, &mut inner);
                    inner.is_empty()
                });
                if !any {
                    fail(out, "anyOf");
                }
            }
            other => panic!("{path}: the validator does not know the keyword {other}; teach it before the schema uses it"),
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn problems(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    validate(&schema(), doc, "", &mut out);
    out
}

// --- the tests ---------------------------------------------------------------------------------

#[test]
fn the_matcher_reads_patterns_as_editors_do() {
    let id = Nfa::new("^[a-z0-9_-]+$");
    assert!(id.is_match("essential") && id.is_match("plan-2_b"));
    assert!(!id.is_match("Essential") && !id.is_match("") && !id.is_match("a b"));
    let colour = Nfa::new("^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})?$");
    assert!(colour.is_match("") && colour.is_match("#0a7") && colour.is_match("#0D7A5F"));
    assert!(!colour.is_match("#0a7f") && !colour.is_match("red"));
    assert!(Nfa::new("b+").is_match("abbc"), "unanchored patterns search, as in ECMAScript");
}

#[test]
fn the_shipped_schema_is_what_the_cli_prints() {
    let shipped = read("config/config.schema.json");
    assert_eq!(shipped, config_schema_text(), "config/config.schema.json is stale: run `contract-fit schema > config/config.schema.json`");
    let out = Command::new(env!("CARGO_BIN_EXE_contract-fit")).arg("schema").output().expect("the CLI runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), shipped);
    assert!(read("index.html").contains(r#"href="config/config.schema.json""#), "the build ships the schema");
}

#[test]
fn every_shipped_config_references_the_schema_and_is_accepted_by_it() {
    for (file, reference) in [
        ("config/default.json", "config.schema.json"),
        ("config/blank.json", "config.schema.json"),
        ("config/examples/de-DE.json", "../config.schema.json"),
        ("config/examples/en-GB.json", "../config.schema.json"),
    ] {
        let doc: Value = serde_json::from_str(&read(file)).unwrap();
        assert_eq!(doc["$schema"], reference, "{file} names the schema beside it");
        assert_eq!(problems(&doc), Vec::<String>::new(), "{file}");
        assert!(Config::from_json(&read(file)).is_ok_and(|c| c.warnings.is_empty()), "{file} passes contract-fit check");
    }
    assert_eq!(problems(&json!({})), Vec::<String>::new(), "{{}} is the default config");
    let lead: Value = serde_json::from_str(&read("tests/e2e/site/lead-config.json")).unwrap();
    assert_eq!(problems(&lead), Vec::<String>::new());
}

/// One broken config per rule the schema states: the schema rejects it where it breaks, and so
/// does `contract-fit check`.
#[test]
fn a_broken_case_of_every_rule_is_rejected() {
    let long = "x".repeat(121);
    let plans: Vec<Value> = (0..13).map(|i| json!({ "id": format!("p{i}"), "name": "P", "response_hours": 4 })).collect();
    let cases: Vec<(Value, &str)> = vec![
        (json!({ "rates": { "hourly": "150" } }), "rates.hourly: type"),
        (json!({ "bands": [{ "id": "a", "min_score": 2.5, "label": "A" }] }), "bands[0].min_score: type"),
        (json!({ "company": { "email": "a@b.example" } }), "company.name: required"),
        (json!({ "rates": { "hourlyy": 1 } }), "rates.hourlyy: additionalProperties"),
        (json!({ "colour": "red" }), "colour: additionalProperties"),
        (json!({ "bands": [{ "id": "a", "min_score": 0, "label": "A", "recommend": "maybe" }] }), "bands[0].recommend: enum"),
        (json!({ "currency": "XYZ" }), "currency: enum"),
        (json!({ "lead": { "endpoint": "https://f.example/x", "fields": { "email": "optional" } } }), "lead.fields.email: enum"),
        (json!({ "rates": { "hourly": -5 } }), "rates.hourly: minimum"),
        (json!({ "rates": { "existing_client_discount": 10 } }), "rates.existing_client_discount: maximum"),
        (json!({ "company": { "name": "" } }), "company.name: minLength"),
        (json!({ "company": { "name": long } }), "company.name: maxLength"),
        (json!({ "plans": [] }), "plans: minItems"),
        (json!({ "plans": plans }), "plans: maxItems"),
        (json!({ "plans": [5] }), "plans[0]: type"),
        (json!({ "plans": [{ "id": "Essential Plan", "name": "E", "response_hours": 4 }] }), "plans[0].id: pattern"),
        (json!({ "theme": { "accent": "red" } }), "theme.accent: pattern"),
        (json!({ "company": { "name": "A", "logo_url": "javascript:alert(1)" } }), "company.logo_url: pattern"),
        (json!({ "company": { "name": "A", "email": "a@b.example?bcc=x@y.example" } }), "company.email: pattern"),
        (json!({ "lead": { "endpoint": "http://example.com/lead" } }), "lead.endpoint: pattern"),
        (json!({ "texts": { "widget.intro": "About {firm}" } }), "texts.widget.intro: pattern"),
        (json!({ "texts": { "count.people": { "one": "1 person" } } }), "texts.count.people: anyOf"),
        (json!({ "texts": { "next.copyy": "Copy" } }), "texts.next.copyy: additionalProperties"),
        (json!({ "theme": { "properties": { "colour": "red" } } }), "theme.properties.colour: enum"),
        (json!({ "theme": { "properties": { "radius": "url(x)}" } } }), "theme.properties.radius: pattern"),
        (json!({ "min_answers": 0 }), "min_answers: minimum"),
    ];
    for (doc, expected) in cases {
        let found = problems(&doc);
        assert!(found.iter().any(|p| p == expected), "{doc}: expected {expected}, the schema found {found:?}");
        let checked = Config::from_json(&doc.to_string());
        assert!(checked.as_ref().map_or(true, |c| !c.warnings.is_empty()), "{doc}: contract-fit check accepts what the schema refuses");
    }
}

/// Each broken config of the check suite is refused by the schema too, unless its rule is one a
/// JSON Schema cannot state (said here, for each).
#[test]
fn the_schema_rejects_the_check_suites_broken_configs_it_can_express() {
    let beyond = [
        ("duplicate-id.json", "ids unique within a list"),
        ("duplicate-min-score.json", "min_score unique within the bands"),
        ("no-zero-band.json", "one band at 0"),
        ("min-answers-above-questions.json", "a bound that depends on the number of questions"),
        ("min-answers-without-questions.json", "a field allowed only when another list is empty"),
        ("too-many-decimals.json", "decimals that depend on minor_units"),
        ("invalid-json.json", "not JSON at all"),
        ("truncated.json", "not JSON at all"),
        ("nested-too-deeply.json", "too deep for a JSON reader"),
        ("locale-en-US-US.json", "a language tag's grammar beyond its shape"),
        ("locale-root.json", "a language tag's grammar beyond its shape"),
        ("locale-zh-min-nan.json", "a language tag's grammar beyond its shape"),
        ("locale-abcd.json", "a language tag's grammar beyond its shape"),
        ("locale-en-a.json", "a language tag's grammar beyond its shape"),
        ("locale-en-12.json", "a language tag's grammar beyond its shape"),
    ];
    let dir = format!("{ROOT}/tests/fixtures/bad-configs");
    let mut names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    let mut not_refused = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        let Ok(doc) = serde_json::from_str::<Value>(&text) else {
            assert!(beyond.iter().any(|(n, _)| *n == name), "{name} is not JSON: list it as beyond a schema");
            continue;
        };
        if problems(&doc).is_empty() && !beyond.iter().any(|(n, _)| *n == name) {
            not_refused.push(name);
        }
    }
    assert!(not_refused.is_empty(), "the schema accepts these broken configs: {not_refused:?}");
}
