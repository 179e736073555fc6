//! Formatting for people through the browser's `Intl.NumberFormat`, in the config's locale and
//! currency: money, counts, hours and percentages are never formatted by hand.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::{Decimal, Money};

/// One `Intl.NumberFormat`, called through its bound `format` function.
#[derive(Clone)]
struct NumberFormat {
    format: Option<Function>,
}

impl NumberFormat {
    /// A formatter for `locale` with `options` (`[("style", "currency"), …]`), falling back to
    /// `en-US` and then to plain digits if the browser refuses the locale or currency.
    fn new(locale: &str, options: &[(&str, JsValue)]) -> NumberFormat {
        let format = [locale, "en-US"].iter().find_map(|loc| construct(loc, options));
        NumberFormat { format }
    }

    fn format(&self, x: f64) -> String {
        let x = if x.is_finite() { x } else { 0.0 };
        self.format
            .as_ref()
            .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_f64(x)).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| format!("{x}"))
    }
}

/// `new Intl.NumberFormat(locale, options).format`, or `None` when the browser throws.
fn construct(locale: &str, options: &[(&str, JsValue)]) -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &"NumberFormat".into()).ok()?.dyn_into().ok()?;
    let opts = Object::new();
    for (k, v) in options {
        Reflect::set(&opts, &(*k).into(), v).ok()?;
    }
    let args = Array::of2(&locale.into(), &opts);
    let nf = Reflect::construct(&ctor, &args).ok()?;
    Reflect::get(&nf, &"format".into()).ok()?.dyn_into().ok()
}

/// The formatters one widget needs, built once per config.
#[derive(Clone)]
pub struct Formats {
    minor_units: u8,
    money: NumberFormat,
    money_compact: NumberFormat,
    number: NumberFormat,
    amount: NumberFormat,
    percent: NumberFormat,
    /// The locale's decimal separator, for reading amounts the prospect types.
    pub decimal_separator: char,
}

impl PartialEq for Formats {
    fn eq(&self, other: &Formats) -> bool {
        self.minor_units == other.minor_units && self.decimal_separator == other.decimal_separator
    }
}

impl Formats {
    /// Formatters for a locale and currency with `minor_units` decimals.
    pub fn new(locale: &str, currency: &str, minor_units: u8) -> Formats {
        let digits = JsValue::from_f64(f64::from(minor_units));
        let money = NumberFormat::new(
            locale,
            &[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("minimumFractionDigits", digits.clone()),
                ("maximumFractionDigits", digits),
            ],
        );
        let money_compact = NumberFormat::new(
            locale,
            &[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("notation", "compact".into()),
                ("maximumFractionDigits", JsValue::from_f64(1.0)),
            ],
        );
        let number = NumberFormat::new(locale, &[("maximumFractionDigits", JsValue::from_f64(1.0))]);
        let amount = NumberFormat::new(
            locale,
            &[("maximumFractionDigits", JsValue::from_f64(f64::from(minor_units))), ("useGrouping", false.into())],
        );
        let percent = NumberFormat::new(
            locale,
            &[("style", "percent".into()), ("maximumFractionDigits", JsValue::from_f64(1.0))],
        );
        let decimal_separator = number.format(1.5).chars().find(|c| !c.is_ascii_digit()).unwrap_or('.');
        Formats { minor_units, money, money_compact, number, amount, percent, decimal_separator }
    }

    /// An amount in the config's currency: `$1,234.50`, `1.234,50 €`.
    pub fn money(&self, m: Money) -> String {
        self.money.format(m.to_major(self.minor_units))
    }

    /// An amount in short form for chart axes: `$12K`.
    pub fn money_compact(&self, major: f64) -> String {
        self.money_compact.format(major)
    }

    /// A count or an hour figure with at most one decimal: `1,234.5`.
    pub fn number(&self, x: f64) -> String {
        self.number.format(x)
    }

    /// An amount as a prospect would type it, without currency or grouping: `1234,5`.
    pub fn amount(&self, m: Money) -> String {
        self.amount.format(m.to_major(self.minor_units))
    }

    /// Hours with at most one decimal.
    pub fn hours(&self, h: Decimal) -> String {
        self.number(h.to_f64())
    }

    /// A share as a percentage: `0.15` → `15%`.
    pub fn percent(&self, share: Decimal) -> String {
        self.percent.format(share.to_f64())
    }
}
