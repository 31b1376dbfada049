//! Percent units after a number: `%`, `percent`, `per cent`, `pct`,
//! `percentage points`, and basis points (`50 basis points` is 0.5 points).

use crate::per_thread::{PerThread, captures, group_indices};
use regex::Regex;
use std::sync::LazyLock;

pub struct PercentUnit {
    pub end: usize,
    /// `percent` or `percentage_points`.
    pub unit: &'static str,
    /// Power of ten to apply to the number (basis points: -2).
    pub power: i32,
}

static PERCENT: PerThread<Regex> = PerThread::new(|| {
    Regex::new(
        r"(?i)^(?:[ \t]{0,2}\n?[ \t]*|-)(?:(?P<bp>basis[ \t]*-?points?|bps|bp)(?-u:\b)|(?P<pp>percentage[ \t-]+points?|percent(?:age)?[ \t-]+points?|pct[ \t]+points?|%[ \t]+points?|ppts?|pts)(?-u:\b)|(?P<pc>%|percents?(?-u:\b)|percentage(?-u:\b)|per[ \t]?cent(?-u:\b)|pct(?-u:\b)|pc(?-u:\b)))",
    )
    .expect("percent pattern")
});

/// `percent of 10`, `per cent of twenty-two` as a whole sentence: the unit
/// written first, as a label, reads as that many percent. In running text
/// (`5 percent of 10 stores`, `What percent of 10 is 3?`) the number after
/// `of` is something else, so the phrase must stand alone.
static UNIT_OF: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:percents?|per[ \t]?cent)[ \t]+of[ \t]+$").expect("unit-of pattern")
});

/// Where `percent of` starts, for the number at `start..end` that ends a
/// sentence which that phrase opens.
pub fn unit_of_before(text: &str, start: usize, end: usize) -> Option<usize> {
    let from = text.floor_char_boundary(start.saturating_sub(24));
    // the phrase ends with `of` and a space: most numbers follow another word
    let head = text[from..start].trim_end_matches([' ', '\t']);
    if head.len() == text[from..start].len()
        || !head
            .get(head.len().saturating_sub(2)..)
            .is_some_and(|w| w.eq_ignore_ascii_case("of"))
    {
        return None;
    }
    let unit = from + UNIT_OF.find(&text[from..start])?.start();
    let head = text[..unit].trim_end_matches([' ', '\t']);
    let opens = head.is_empty() || head.ends_with(['.', '!', '?', ';', ':', '\n']);
    let tail = text[end..].trim_start_matches([' ', '\t']);
    let mut rest = tail.chars();
    let closes = match rest.next() {
        None | Some('\n' | '!' | '?' | ';') => true,
        Some('.') => !rest.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    (opens && closes).then_some(unit)
}

/// The percent unit that starts right after `at`, if any.
pub fn after(text: &str, at: usize) -> Option<PercentUnit> {
    let to = text.floor_char_boundary(at + 32);
    // every unit opens with `%`, `b` or `p`, after spaces or a hyphen: most
    // numbers are turned away here, at a fraction of the pattern's cost
    let window = &text[at..to];
    let unit = match window.strip_prefix('-') {
        Some(rest) => rest,
        None => window.trim_start_matches([' ', '\t', '\n']),
    };
    if !unit.starts_with(['%', 'b', 'B', 'p', 'P']) {
        return None;
    }
    static UNITS: LazyLock<[usize; 2]> = LazyLock::new(|| group_indices(&PERCENT, ["bp", "pp"]));
    let [bp, pp] = *UNITS;
    let caps = captures(&PERCENT, window)?;
    let end = at + caps.get(0)?.end();
    let (unit, power) = if caps.get(bp).is_some() {
        ("percentage_points", -2)
    } else if caps.get(pp).is_some() {
        ("percentage_points", 0)
    } else {
        ("percent", 0)
    };
    Some(PercentUnit { end, unit, power })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_unit_written_first_only_as_a_whole_sentence() {
        let cases = [
            ("percent of 45", Some(0)),
            ("Up. Per cent of 45.", Some(4)),
            ("5 percent of 45 stores", None),
            ("What percent of 45 is 3?", None),
            ("the percent of 45", None),
        ];
        for (text, want) in cases {
            let at = text.find("45").unwrap();
            assert_eq!(unit_of_before(text, at, at + 2), want, "{text:?}");
        }
    }

    #[test]
    fn reads_percent_units() {
        let cases = [
            ("%", Some(("percent", 0, 1))),
            (" %", Some(("percent", 0, 2))),
            (" percent of", Some(("percent", 0, 8))),
            (" per cent", Some(("percent", 0, 9))),
            (" pct", Some(("percent", 0, 4))),
            ("-percent", Some(("percent", 0, 8))),
            (" percents", Some(("percent", 0, 9))),
            (" percentage points", Some(("percentage_points", 0, 18))),
            (" ppts", Some(("percentage_points", 0, 5))),
            (" basis points", Some(("percentage_points", -2, 13))),
            (" bps", Some(("percentage_points", -2, 4))),
            (" percentile", None),
            (" pcs", None),
            (" people", None),
        ];
        for (text, want) in cases {
            let got = after(text, 0).map(|u| (u.unit, u.power, u.end));
            assert_eq!(got, want, "{text:?}");
        }
    }
}
