//! Exact arithmetic for the estimate: money as integer minor units, rates and hours as fixed-point
//! decimals, and the one rounding rule (half away from zero) applied where the model rounds.

use std::ops::{Add, Neg, Sub};

use super::json::Number;

/// How many fixed-point steps make one unit of a [`Decimal`] (six decimal places).
pub const DECIMAL_SCALE: i64 = 1_000_000;

/// An amount of money as a whole number of minor units (cents for USD, yen for JPY).
///
/// No floating point ever holds an amount. Amounts are 128-bit integers: within the documented
/// limits of configs and answers no figure comes near their range (the largest is about 10^35
/// minor units), so nothing is ever capped. Products with rates and hours are rounded once, half
/// away from zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Money(i128);

impl Money {
    /// Zero in any currency.
    pub const ZERO: Money = Money(0);

    /// An amount of `minor` minor units.
    pub const fn from_minor(minor: i128) -> Money {
        Money(minor)
    }

    /// The amount in minor units.
    pub const fn minor(self) -> i128 {
        self.0
    }

    /// Reads a JSON number in major units (`125.5`) for a currency with `minor_units` decimals,
    /// exactly; `None` when it has more decimals than the currency (`0.125` dollars) or is too
    /// large to hold.
    pub fn from_number(n: &Number, minor_units: u8) -> Option<Money> {
        n.to_scaled(u32::from(minor_units), false).ok().map(Money)
    }

    /// The amount in major units as an exact decimal text (`1234.5`, `2000`): for JSON, and for
    /// `Intl.NumberFormat`, which formats such text without going through a float.
    pub fn to_major_text(self, minor_units: u8) -> String {
        self.to_json(minor_units).as_str().to_string()
    }

    /// The amount in major units as a JSON number, written exactly from the minor units: a whole
    /// number when it has no minor part (`250`), else its decimals (`1234.5`).
    pub fn to_json(self, minor_units: u8) -> Number {
        Number::from_scaled(self.0, u32::from(minor_units), false)
    }

    /// The amount in major units as a float, for drawing (never for arithmetic on money).
    pub fn to_major(self, minor_units: u8) -> f64 {
        self.0 as f64 / 10f64.powi(i32::from(minor_units))
    }

    /// The amount times a whole count.
    pub fn times_count(self, count: u32) -> Money {
        Money(self.0.saturating_mul(i128::from(count)))
    }

    /// The amount times a decimal factor, rounded half away from zero.
    pub fn times(self, factor: Decimal) -> Money {
        Money::rounded(&[self.0, factor.micros()], i128::from(DECIMAL_SCALE))
    }

    /// The larger of two amounts.
    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    /// `product(factors) / denominator`, rounded half away from zero.
    ///
    /// The one place where the model rounds money: callers pass every factor of a product so that
    /// nothing is rounded twice. Within the documented limits no product leaves the `i128` range
    /// (a property test drives every factor to its limit); beyond them it is held at the edge.
    pub fn rounded(factors: &[i128], denominator: i128) -> Money {
        Money(div_round(checked_product(factors), denominator))
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.saturating_neg())
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

/// A non-money quantity (hours, shares, multipliers) as a fixed-point number with six decimals.
///
/// 128 bits wide like [`Money`], so that a figure derived from extreme but documented inputs (a
/// break-even of 10^16 hours) is still held exactly, never capped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Decimal(i128);

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal(0);
    /// One.
    pub const ONE: Decimal = Decimal(DECIMAL_SCALE as i128);

    /// A decimal from its count of millionths.
    pub const fn from_micros(micros: i128) -> Decimal {
        Decimal(micros)
    }

    /// A whole number.
    pub const fn from_int(n: i64) -> Decimal {
        Decimal(n as i128 * DECIMAL_SCALE as i128)
    }

    /// Reads a JSON number exactly, rounded half away from zero to six decimals; `None` when it
    /// is too large.
    pub fn from_number(n: &Number) -> Option<Decimal> {
        n.to_scaled(6, true).ok().map(Decimal)
    }

    /// The decimal as an exact JSON number; whole values keep one decimal (`188.0`).
    pub fn to_json(self) -> Number {
        Number::from_scaled(self.0, 6, true)
    }

    /// The decimal as short exact text (`4`, `0.15`, `148.84`).
    pub fn to_plain(self) -> String {
        Number::from_scaled(self.0, 6, false).as_str().to_string()
    }

    /// Rounded half away from zero to `places` decimals (at most 6).
    pub fn round_to(self, places: u32) -> Decimal {
        let step = 10i128.pow(6 - places.min(6));
        Decimal(div_round(self.0, step).saturating_mul(step))
    }

    /// Reads a float, rounded to six decimals; `None` when it is not finite or too large.
    pub fn from_f64(x: f64) -> Option<Decimal> {
        if !x.is_finite() || x.abs() > 9e12 {
            return None;
        }
        Some(Decimal((x * DECIMAL_SCALE as f64).round() as i128))
    }

    /// The count of millionths.
    pub const fn micros(self) -> i128 {
        self.0
    }

    /// The value as a float, for output and for display.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / DECIMAL_SCALE as f64
    }

    /// The product, rounded half away from zero to six decimals.
    pub fn times(self, other: Decimal) -> Decimal {
        Decimal(div_round(self.0.saturating_mul(other.0), i128::from(DECIMAL_SCALE)))
    }

    /// The value times a whole count.
    pub fn times_count(self, count: u32) -> Decimal {
        Decimal(self.0.saturating_mul(i128::from(count)))
    }
}

impl Add for Decimal {
    type Output = Decimal;
    fn add(self, rhs: Decimal) -> Decimal {
        Decimal(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Decimal {
    type Output = Decimal;
    fn sub(self, rhs: Decimal) -> Decimal {
        Decimal(self.0.saturating_sub(rhs.0))
    }
}

/// Integer division rounded half away from zero; a zero denominator gives zero.
pub fn div_round(numerator: i128, denominator: i128) -> i128 {
    if denominator == 0 {
        return 0;
    }
    // Every figure a real config produces fits in 64 bits, where division is one instruction;
    // 128-bit division is a library call many times slower, and `evaluate` divides often.
    if let (Ok(n), Ok(d)) = (i64::try_from(numerator), i64::try_from(denominator)) {
        if d > 0 {
            let (q, r) = (n / d, n % d);
            return i128::from(if r.unsigned_abs() * 2 >= d.unsigned_abs() { q + n.signum() } else { q });
        }
    }
    let (n, d) = if denominator < 0 {
        (numerator.saturating_neg(), denominator.saturating_neg())
    } else {
        (numerator, denominator)
    };
    let q = n / d;
    let r = n % d;
    // |r| < d, so doubling |r| cannot overflow for any denominator the model uses.
    if r.unsigned_abs().saturating_mul(2) >= d.unsigned_abs() {
        q + n.signum()
    } else {
        q
    }
}

/// The product of all factors, held at the edge of `i128` instead of overflowing.
fn checked_product(factors: &[i128]) -> i128 {
    factors.iter().try_fold(1i128, |acc, f| acc.checked_mul(*f)).unwrap_or_else(|| {
        let negative = factors.iter().filter(|f| **f < 0).count() % 2 == 1;
        if factors.contains(&0) {
            0
        } else if negative {
            i128::MIN
        } else {
            i128::MAX
        }
    })
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(div_round(5, 2), 3);
        assert_eq!(div_round(-5, 2), -3);
        assert_eq!(div_round(4, 3), 1);
        assert_eq!(div_round(-4, 3), -1);
        assert_eq!(div_round(7, 0), 0);
        assert_eq!(div_round(5, -2), -3);
    }

    fn number(text: &str) -> Number {
        match crate::model::json::parse(text) {
            Ok(crate::model::json::Value::Number(n)) => n,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_major_units_exactly() {
        assert_eq!(Money::from_number(&number("125.5"), 2), Some(Money::from_minor(12550)));
        assert_eq!(Money::from_number(&number("0.1"), 2), Some(Money::from_minor(10)));
        assert_eq!(Money::from_number(&number("1234.56"), 2), Some(Money::from_minor(123456)));
        assert_eq!(Money::from_number(&number("1500"), 0), Some(Money::from_minor(1500)));
        assert_eq!(Money::from_number(&number("1.234"), 3), Some(Money::from_minor(1234)));
        assert_eq!(Money::from_number(&number("22000000000000.01"), 2), Some(Money::from_minor(2_200_000_000_000_001)));
    }

    #[test]
    fn refuses_more_decimals_than_the_currency_has() {
        assert_eq!(Money::from_number(&number("0.125"), 2), None);
        assert_eq!(Money::from_number(&number("1.5"), 0), None);
        assert_eq!(Money::from_number(&number("1e300"), 2), None);
    }

    #[test]
    fn writes_major_units_exactly() {
        assert_eq!(Money::from_minor(337_250).to_json(2).as_str(), "3372.5");
        assert_eq!(Money::from_minor(200_000).to_json(2).as_str(), "2000");
        assert_eq!(Money::from_minor(-3_830_000).to_json(2).as_str(), "-38300");
        assert_eq!(Money::from_minor(2_200_000_000_000_001).to_json(2).as_str(), "22000000000000.01");
        assert_eq!(Money::from_minor(1_234).to_json(3).as_str(), "1.234");
    }

    #[test]
    fn multiplies_money_by_a_rate_with_one_rounding() {
        let list = Money::from_minor(1999);
        assert_eq!(list.times(Decimal::from_micros(50_000)), Money::from_minor(100));
        assert_eq!(Money::from_minor(-1999).times(Decimal::from_micros(50_000)), Money::from_minor(-100));
    }

    #[test]
    fn beyond_i128_it_holds_at_the_edge_instead_of_wrapping() {
        let big = Money::from_minor(i128::MAX);
        assert_eq!(big + big, Money::from_minor(i128::MAX));
        assert_eq!(Money::rounded(&[i128::MAX, 3, -1], 1), Money::from_minor(i128::MIN));
    }

    #[test]
    fn decimals_round_to_places() {
        assert_eq!(Decimal::from_micros(148_837_209).round_to(2), Decimal::from_micros(148_840_000));
        assert_eq!(Decimal::from_micros(-1_005_000).round_to(2), Decimal::from_micros(-1_010_000));
        assert_eq!(Decimal::from_micros(148_840_000).to_plain(), "148.84");
        assert_eq!(Decimal::from_int(4).to_plain(), "4");
        assert_eq!(Decimal::from_number(&number("0.1234565")), Some(Decimal::from_micros(123_457)));
    }
}
