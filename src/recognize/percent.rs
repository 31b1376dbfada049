//! Percent units after a number: `%`, `percent`, `per cent`, `pct`,
//! `percentage points`, and basis points (`50 basis points` is 0.5 points).

use crate::per_thread::PerThread;
use regex::Regex;

pub struct PercentUnit {
    pub end: usize,
    /// `percent` or `percentage_points`.
    pub unit: &'static str,
    /// Power of ten to apply to the number (basis points: -2).
    pub power: i32,
}

/// Basis points, percentage points and percent, as [`PERCENT`] writes them.
const BASIS_POINTS: &str = r"basis[ \t]*-?points?|bps|bp";
const PERCENTAGE_POINTS: &str = r"percentage[ \t-]+points?|percent(?:age)?[ \t-]+points?|pct[ \t]+points?|%[ \t]+points?|ppts?|pts";
const PERCENTS: &str =
    r"%|percents?(?-u:\b)|percentage(?-u:\b)|per[ \t]?cent(?-u:\b)|pct(?-u:\b)|pc(?-u:\b)";

/// A percent unit right after a number, after spaces (a line break among
/// them) or a hyphen.
static PERCENT: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:[ \t]{{0,2}}\n?[ \t]*|-)(?:(?:{BASIS_POINTS})(?-u:\b)|(?:{PERCENTAGE_POINTS})(?-u:\b)|(?:{PERCENTS}))"
    ))
    .expect("percent pattern")
});

/// The first two kinds of [`PERCENT`] on their own, anchored where its unit
/// starts: the first kind that matches there is the one it matched.
static BASIS_POINTS_HERE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(r"(?i)^(?:{BASIS_POINTS})(?-u:\b)")).expect("basis points pattern")
});
static PERCENTAGE_POINTS_HERE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(r"(?i)^(?:{PERCENTAGE_POINTS})(?-u:\b)"))
        .expect("percentage points pattern")
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
    // which kind matched is read off the unit by the kinds' own patterns:
    // asking the whole pattern for its groups costs many times more
    let end = at + PERCENT.find(window)?.end();
    let (unit, power) = if BASIS_POINTS_HERE.is_match(unit) {
        ("percentage_points", -2)
    } else if PERCENTAGE_POINTS_HERE.is_match(unit) {
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

    /// What [`after`] reads, from the groups of the whole pattern.
    fn after_by_groups(window: &str) -> Option<(&'static str, i32, usize)> {
        static GROUPED: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
            Regex::new(&format!(
                r"(?i)^(?:[ \t]{{0,2}}\n?[ \t]*|-)(?:(?P<bp>{BASIS_POINTS})(?-u:\b)|(?P<pp>{PERCENTAGE_POINTS})(?-u:\b)|(?P<pc>{PERCENTS}))"
            ))
            .unwrap()
        });
        let caps = GROUPED.captures(window)?;
        let end = caps.get(0)?.end();
        Some(if caps.name("bp").is_some() {
            ("percentage_points", -2, end)
        } else if caps.name("pp").is_some() {
            ("percentage_points", 0, end)
        } else {
            ("percent", 0, end)
        })
    }

    #[test]
    fn the_kind_is_the_one_the_groups_tell() {
        let pieces = [
            " ",
            "  ",
            "\n",
            "\t",
            "-",
            "%",
            "points",
            "point",
            "basis",
            "bps",
            "bp",
            "pts",
            "ppt",
            "ppts",
            "percent",
            "percentage",
            "per",
            "cent",
            "pct",
            "pc",
            "s",
            "x",
            "ſ",
            "BASIS",
            "Pct",
        ];
        let mut rng = crate::test_rng::Lcg::new(0x1405_7b7e_f767_814f);
        for _ in 0..20_000 {
            let window = rng.text(&pieces, 6);
            let got = after(&window, 0).map(|u| (u.unit, u.power, u.end));
            assert_eq!(got, after_by_groups(&window), "{window:?}");
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
            (" % points", Some(("percentage_points", 0, 9))),
            (" % pointsx", Some(("percent", 0, 2))),
            (" pct points", Some(("percentage_points", 0, 11))),
            (" bpx", None),
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
