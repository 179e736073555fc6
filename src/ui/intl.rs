//! Formatting for people through the browser's `Intl`, in the config's locale and currency:
//! money, counts, hours, percentages and plural forms are never formatted by hand, and amounts
//! reach `Intl.NumberFormat` as exact decimal text, never through a float.
//!
//! Every `Intl` object is built through `Reflect`, which turns a thrown exception into an `Err`:
//! a locale or currency the browser refuses falls back to `en-US`, then to plain digits, and
//! never stops the widget.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::{Decimal, Format, Money, NumberSyntax, Plural};

/// `new Intl[ctor](locale, options)`, or `None` when the browser throws or lacks it.
fn construct(ctor: &str, locale: &str, options: &[(&str, JsValue)]) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &ctor.into()).ok()?.dyn_into().ok()?;
    let opts = Object::new();
    for (k, v) in options {
        Reflect::set(&opts, &(*k).into(), v).ok()?;
    }
    Reflect::construct(&ctor, &Array::of2(&locale.into(), &opts)).ok()
}

/// A method of an `Intl` object, bound to it.
fn method(object: &JsValue, name: &str) -> Option<Function> {
    let f: Function = Reflect::get(object, &name.into()).ok()?.dyn_into().ok()?;
    Some(f.bind0(object))
}

/// How many recent results each formatter keeps.
const RECENT_SLOTS: usize = 64;

/// One `Intl.NumberFormat`, called through its bound `format` function.
#[derive(Clone)]
struct NumberFormat {
    format: Option<Function>,
    to_parts: Option<Function>,
    /// Recent results by their decimal text, one per slot (the slot chosen by a hash of the
    /// text): from one keystroke to the next most figures on the page stay the same, and a call
    /// into `Intl` and back costs more than the rest of formatting them.
    recent: Rc<RefCell<Vec<(String, String)>>>,
}

impl NumberFormat {
    /// A formatter for `locale` with `options`, falling back to `en-US` and then to plain digits.
    fn new(locale: &str, options: &[(&str, JsValue)]) -> NumberFormat {
        let nf = [locale, "en-US"].iter().find_map(|loc| construct("NumberFormat", loc, options));
        NumberFormat {
            format: nf.as_ref().and_then(|nf| method(nf, "format")),
            to_parts: nf.as_ref().and_then(|nf| method(nf, "formatToParts")),
            recent: Rc::new(RefCell::new(vec![(String::new(), String::new()); RECENT_SLOTS])),
        }
    }

    /// Formats a value given as exact decimal text (`"1234.5"`) or a JS number.
    fn format(&self, value: &JsValue, plain: &str) -> String {
        self.format
            .as_ref()
            .and_then(|f| f.call1(&JsValue::NULL, value).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| plain.to_string())
    }

    /// Formats exact decimal text, from the recent results when it was formatted lately.
    fn text(&self, plain: &str) -> String {
        // FNV-1a: a few instructions per byte, and the slots need no better spread.
        let hash = plain.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
        let slot = hash as usize % RECENT_SLOTS;
        let mut recent = self.recent.borrow_mut();
        let (key, value) = &mut recent[slot];
        if plain.is_empty() || key != plain {
            *value = self.format(&JsValue::from_str(plain), plain);
            plain.clone_into(key);
        }
        value.clone()
    }

    /// The literal of the first part of `kind` (`group`, `decimal`) in the formatted `value`.
    fn part(&self, value: f64, kind: &str) -> Option<char> {
        let parts: Array = self.to_parts.as_ref()?.call1(&JsValue::NULL, &JsValue::from_f64(value)).ok()?.dyn_into().ok()?;
        parts.iter().find_map(|p| {
            let k = Reflect::get(&p, &"type".into()).ok()?.as_string()?;
            if k != kind {
                return None;
            }
            Reflect::get(&p, &"value".into()).ok()?.as_string()?.chars().next()
        })
    }
}

/// The formatters one widget needs, built once per config.
#[derive(Clone)]
pub struct Formats {
    minor_units: u8,
    money: NumberFormat,
    money_whole: NumberFormat,
    money_compact: NumberFormat,
    count: NumberFormat,
    decimal: NumberFormat,
    amount: NumberFormat,
    percent: NumberFormat,
    plural: Option<Function>,
    /// How the locale writes numbers, for reading what the prospect types.
    pub syntax: NumberSyntax,
}

impl PartialEq for Formats {
    fn eq(&self, other: &Formats) -> bool {
        self.minor_units == other.minor_units && self.syntax == other.syntax
    }
}

impl Formats {
    /// Formatters for a locale and currency with `minor_units` decimals.
    pub fn new(locale: &str, currency: &str, minor_units: u8) -> Formats {
        let digits = JsValue::from_f64(f64::from(minor_units));
        let currency_style = || vec![("style", JsValue::from("currency")), ("currency", currency.into())];
        let money = NumberFormat::new(locale, &{
            let mut o = currency_style();
            o.push(("minimumFractionDigits", digits.clone()));
            o.push(("maximumFractionDigits", digits.clone()));
            o
        });
        let money_whole = NumberFormat::new(locale, &{
            let mut o = currency_style();
            o.push(("minimumFractionDigits", JsValue::from_f64(0.0)));
            o.push(("maximumFractionDigits", JsValue::from_f64(0.0)));
            o
        });
        let money_compact = NumberFormat::new(locale, &{
            let mut o = currency_style();
            o.push(("notation", "compact".into()));
            o.push(("maximumFractionDigits", JsValue::from_f64(1.0)));
            o
        });
        let count = NumberFormat::new(locale, &[("maximumFractionDigits", JsValue::from_f64(0.0))]);
        let decimal = NumberFormat::new(locale, &[("maximumFractionDigits", JsValue::from_f64(1.0))]);
        let amount = NumberFormat::new(locale, &[("minimumFractionDigits", digits.clone()), ("maximumFractionDigits", digits)]);
        let percent = NumberFormat::new(locale, &[("style", "percent".into()), ("maximumFractionDigits", JsValue::from_f64(1.0))]);
        let plural = [locale, "en-US"]
            .iter()
            .find_map(|loc| construct("PluralRules", loc, &[]))
            .and_then(|pr| method(&pr, "select"));
        let ascii = NumberSyntax::default();
        let mut digit_chars = ascii.digits;
        for (i, slot) in digit_chars.iter_mut().enumerate() {
            // The locale's own digit for i, as `Intl` writes it (`٣` in Arabic).
            if let Some(c) = count.text(&i.to_string()).chars().next() {
                *slot = c;
            }
        }
        let syntax = NumberSyntax {
            digits: digit_chars,
            decimal: decimal.part(1.5, "decimal").unwrap_or('.'),
            group: count.part(1_234_567.0, "group").unwrap_or(','),
        };
        Formats { minor_units, money, money_whole, money_compact, count, decimal, amount, percent, plural, syntax }
    }

    /// An amount as a prospect would type it, without currency: `1,234.50`.
    pub fn amount(&self, m: Money) -> String {
        self.amount.text(&m.to_major_text(self.minor_units))
    }

    /// An example of an amount as the locale writes it, for messages: `1,234.50`.
    pub fn example_amount(&self) -> String {
        let unit = 10i128.pow(u32::from(self.minor_units));
        self.amount(Money::from_minor(123_450 * unit / 100))
    }
}

impl Format for Formats {
    fn money(&self, m: Money) -> String {
        self.money.text(&m.to_major_text(self.minor_units))
    }

    fn money_about(&self, m: Money) -> String {
        // Intl rounds half away from zero ("halfExpand"), as the model does.
        self.money_whole.text(&m.to_major_text(self.minor_units))
    }

    fn money_compact(&self, major: f64) -> String {
        let x = if major.is_finite() { major } else { 0.0 };
        self.money_compact.format(&JsValue::from_f64(x), &(x as i64).to_string())
    }

    fn count(&self, n: u64) -> String {
        self.count.text(&n.to_string())
    }

    fn decimal(&self, d: Decimal) -> String {
        self.decimal.text(&d.to_plain())
    }

    fn percent(&self, share: Decimal) -> String {
        self.percent.text(&share.to_plain())
    }

    fn plural(&self, n: Decimal) -> Plural {
        let category = self
            .plural
            .as_ref()
            .and_then(|select| select.call1(&JsValue::NULL, &JsValue::from_f64(n.to_f64())).ok())
            .and_then(|v| v.as_string());
        match category {
            Some(name) => Plural::from_name(&name),
            None => Plural::english(n.micros()),
        }
    }
}
