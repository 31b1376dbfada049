//! Exact decimal numbers for values: an integer mantissa and a base-10 exponent.
//!
//! Input: the digits and scale words the recognizers read. Output: a value that
//! serializes as a JSON number without binary rounding (`4.1 billion` is
//! `4100000000`, never `4099999999.9999995`). Non-goal: arithmetic beyond what
//! scaling and negation need.

use crate::short::ShortStr;
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// `mantissa * 10^exponent`, kept normalized (no trailing zeros in the mantissa).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    exponent: i32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exponent: 0,
    };

    pub fn new(mantissa: i128, exponent: i32) -> Decimal {
        Decimal { mantissa, exponent }.normalized()
    }

    pub fn from_int(n: i64) -> Decimal {
        Decimal::new(n as i128, 0)
    }

    /// Parses `1,234.5` style digits (commas are grouping, a dot the decimal point).
    pub fn parse(digits: &str) -> Option<Decimal> {
        let mut mantissa: i128 = 0;
        let mut exponent = 0i32;
        let mut after_point = false;
        let mut any = false;
        for b in digits.bytes() {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa.checked_mul(10)?.checked_add((b - b'0') as i128)?;
                    any = true;
                    if after_point {
                        exponent -= 1;
                    }
                }
                b',' => {}
                b'.' if !after_point => after_point = true,
                _ => return None,
            }
        }
        any.then(|| Decimal::new(mantissa, exponent))
    }

    fn normalized(mut self) -> Decimal {
        if self.mantissa == 0 {
            return Decimal::ZERO;
        }
        while self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.exponent += 1;
        }
        self
    }

    /// Multiplies by `10^power` (a scale word: million is 6).
    pub fn scale(self, power: i32) -> Decimal {
        Decimal::new(self.mantissa, self.exponent + power)
    }

    /// Multiplies by a small integer (`dozen`, written-out arithmetic).
    pub fn times(self, factor: i64) -> Option<Decimal> {
        Some(Decimal::new(
            self.mantissa.checked_mul(factor as i128)?,
            self.exponent,
        ))
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let exp = self.exponent.min(other.exponent);
        let a = self.mantissa.checked_mul(pow10(self.exponent - exp)?)?;
        let b = other.mantissa.checked_mul(pow10(other.exponent - exp)?)?;
        Some(Decimal::new(a.checked_add(b)?, exp))
    }

    pub fn negate(self) -> Decimal {
        Decimal::new(-self.mantissa, self.exponent)
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    pub fn abs(self) -> Decimal {
        Decimal::new(self.mantissa.abs(), self.exponent)
    }

    /// True for whole numbers (no fractional digits).
    pub fn is_integer(self) -> bool {
        self.exponent >= 0
    }

    /// The value as an integer when it is one and fits.
    pub fn to_i64(self) -> Option<i64> {
        if self.exponent < 0 {
            return None;
        }
        let m = self.mantissa.checked_mul(pow10(self.exponent)?)?;
        i64::try_from(m).ok()
    }

    pub fn to_f64(self) -> f64 {
        // Via the decimal string: the parser rounds once, correctly. The
        // string is built on the stack when it fits.
        let mut room = ShortStr::<64>::new();
        let written = if fmt::Write::write_fmt(&mut room, format_args!("{self}")).is_ok() {
            room.as_str().parse().ok()
        } else {
            self.to_string().parse().ok()
        };
        written.unwrap_or(f64::NAN)
    }

    /// The JSON number: an integer where the value is whole, else the shortest float.
    pub fn to_json(self) -> serde_json::Number {
        if let Some(i) = self.to_i64() {
            return serde_json::Number::from(i);
        }
        serde_json::Number::from_f64(self.to_f64()).unwrap_or_else(|| serde_json::Number::from(0))
    }
}

fn pow10(power: i32) -> Option<i128> {
    if !(0..=38).contains(&power) {
        return None;
    }
    10i128.checked_pow(power as u32)
}

/// Writes `n` zeros.
fn zeros(f: &mut fmt::Formatter<'_>, mut n: usize) -> fmt::Result {
    const ZEROS: &str = "0000000000000000";
    while n > 0 {
        let k = n.min(ZEROS.len());
        f.write_str(&ZEROS[..k])?;
        n -= k;
    }
    Ok(())
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // the mantissa's digits, on the stack: values are written for every
        // fraction in the output and every float conversion
        let mut room = [0u8; 40];
        let mut start = room.len();
        let mut rest = self.mantissa.unsigned_abs();
        loop {
            start -= 1;
            room[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let digits = std::str::from_utf8(&room[start..]).expect("ASCII digits");
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        if self.exponent >= 0 {
            f.write_str(digits)?;
            return zeros(f, self.exponent as usize);
        }
        let point = digits.len() as i64 + self.exponent as i64;
        if point > 0 {
            let (int, frac) = digits.split_at(point as usize);
            write!(f, "{int}.{frac}")
        } else {
            f.write_str("0.")?;
            zeros(f, (-point) as usize)?;
            f.write_str(digits)
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let exp = self.exponent.min(other.exponent);
        match (
            pow10(self.exponent - exp).and_then(|p| self.mantissa.checked_mul(p)),
            pow10(other.exponent - exp).and_then(|p| other.mantissa.checked_mul(p)),
        ) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_scales_exactly() {
        let cases = [
            ("4.1", 9, "4100000000"),
            ("5.6", 9, "5600000000"),
            ("1,234.50", 0, "1234.5"),
            ("0.45", 0, "0.45"),
            ("50", -2, "0.5"),
            ("34.18", 9, "34180000000"),
            ("0", 6, "0"),
        ];
        for (digits, power, want) in cases {
            let d = Decimal::parse(digits).unwrap().scale(power);
            assert_eq!(d.to_string(), want, "{digits} e{power}");
        }
    }

    #[test]
    fn serializes_whole_numbers_as_integers() {
        let d = Decimal::parse("4.1").unwrap().scale(9);
        assert_eq!(serde_json::to_string(&d).unwrap(), "4100000000");
        let d = Decimal::parse("0.45").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "0.45");
        let d = Decimal::parse("3").unwrap().negate();
        assert_eq!(serde_json::to_string(&d).unwrap(), "-3");
    }

    #[test]
    fn rejects_non_numbers() {
        for s in ["", ",", "1.2.3", "12a"] {
            assert!(Decimal::parse(s).is_none(), "{s}");
        }
    }

    /// The formatting before digits were kept on the stack.
    fn old_display(d: Decimal) -> String {
        let digits = d.mantissa.unsigned_abs().to_string();
        let sign = if d.mantissa < 0 { "-" } else { "" };
        if d.exponent >= 0 {
            return format!("{sign}{digits}{}", "0".repeat(d.exponent as usize));
        }
        let point = digits.len() as i64 + d.exponent as i64;
        if point > 0 {
            let (int, frac) = digits.split_at(point as usize);
            format!("{sign}{int}.{frac}")
        } else {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        }
    }

    #[test]
    fn writes_and_converts_as_the_allocating_version_did() {
        let mut rng = crate::test_rng::Lcg::new(7);
        let mut cases = vec![
            Decimal::ZERO,
            Decimal::new(i128::MAX, 0),
            Decimal::new(i128::MIN + 1, -40),
            Decimal::new(5, 45),
            Decimal::new(-3, -70),
        ];
        for _ in 0..20_000 {
            let digits = 1 + rng.below(30) as u32;
            let mantissa = (rng.below(usize::MAX) as i128) % 10i128.pow(digits.min(18))
                * 10i128.pow(digits.saturating_sub(18));
            let sign = if rng.below(2) == 0 { 1 } else { -1 };
            let exponent = rng.below(80) as i32 - 50;
            cases.push(Decimal::new(sign * mantissa, exponent));
        }
        for d in cases {
            let old = old_display(d);
            assert_eq!(d.to_string(), old, "{d:?}");
            let f = d.to_f64();
            assert_eq!(f.to_bits(), old.parse::<f64>().unwrap().to_bits(), "{d:?}");
        }
    }

    #[test]
    fn orders_by_value() {
        let a = Decimal::parse("1.5").unwrap().scale(9);
        let b = Decimal::parse("2").unwrap().scale(9);
        assert!(a < b);
        assert_eq!(a.checked_add(b).unwrap().to_string(), "3500000000");
    }
}
