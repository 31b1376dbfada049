//! Periods: `fourth quarter` -> `Q4`, `Q4 2014`, `fiscal 2015` -> `FY2015`,
//! `first half of 2024` -> `H1 2024`, `by 2018` -> `2018`, `1986/87` -> `FY1987`,
//! `year ending March 31, 1988` -> `FY1988`.
//!
//! Input: the text and the sentence of a figure. Output: the period named
//! nearest the figure in that sentence, normalized, or `None`.

use crate::per_thread::{PerThread, group_indices};
use regex::{Captures, Regex};
use std::sync::LazyLock;

static PERIOD: PerThread<Regex> = PerThread::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:",
        // fourth quarter [of] [fiscal] [year] 2014; fiscal fourth quarter
        r"(?P<qfis>fiscal[ \t\n]+)?(?P<qword>first|second|third|fourth|1st|2nd|3rd|4th)[ \t\n-]+quarter(?:[ \t\n]+(?:of[ \t\n]+)?(?P<qfy>fiscal[ \t\n]+(?:year[ \t\n]+)?)?(?P<qyear>(?:19|20)[0-9][0-9])(?-u:\b))?",
        // Q4 2014, Q4 FY16, 4Q14
        r"|Q(?P<qn>[1-4])(?:[ \t]*(?P<qnfy>FY)?['’]?[ \t]*(?P<qnyear>(?:19|20)[0-9][0-9]|[0-9][0-9])(?-u:\b))?",
        // first half of 2024, H1 2024
        r"|(?P<hword>first|second)[ \t\n-]+half(?:[ \t\n]+(?:of[ \t\n]+)?(?:fiscal[ \t\n]+)?(?P<hyear>(?:19|20)[0-9][0-9])(?-u:\b))?",
        r"|H(?P<hn>[12])[ \t]+(?P<hnyear>(?:19|20)[0-9][0-9])(?-u:\b)",
        // fiscal 2015, fiscal year 2015, FY2015, FY15
        r"|fiscal[ \t\n]+(?:year[ \t\n]+)?(?P<fy>(?:19|20)[0-9][0-9])(?-u:\b)",
        r"|FY[ \t]?['’]?(?P<fy2>(?:19|20)[0-9][0-9]|[0-9][0-9])(?-u:\b)",
        // 1986/87
        r"|(?P<split1>(?:19|20)[0-9][0-9])/(?P<split2>[0-9][0-9])(?-u:\b)",
        // year ending/ended March 31, 1988
        r"|year[ \t\n]+(?:ending|ended|to)[ \t\n]+(?:[A-Z][a-z]+\.?[ \t\n]+(?:[0-9]{1,2},?[ \t\n]+)?)(?P<ye>(?:19|20)[0-9][0-9])(?-u:\b)",
        // by 2018, in 2018, for 2018
        r"|(?:by|in|for|during|through|of)[ \t\n]+(?:the[ \t\n]+)?(?:(?:full|calendar)[ \t\n-]+year[ \t\n]+)?(?P<year>(?:19|20)[0-9][0-9])(?-u:\b)",
        r")"
    ))
    .expect("period pattern")
});

/// The groups of [`PERIOD`] that [`normalize`] reads.
const GROUPS: [&str; 16] = [
    "qword", "qyear", "qfy", "qn", "qnyear", "qnfy", "hword", "hyear", "hn", "hnyear", "fy", "fy2",
    "split1", "split2", "ye", "year",
];

/// Where each of [`GROUPS`] is in [`PERIOD`].
static GROUP_INDICES: LazyLock<[usize; 16]> = LazyLock::new(|| group_indices(&PERIOD, GROUPS));

fn ordinal(word: &str) -> u8 {
    match word.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    }
}

fn full_year(y: &str) -> String {
    if y.len() == 2 {
        let n: u32 = y.parse().unwrap_or(0);
        format!("{}", if n >= 70 { 1900 + n } else { 2000 + n })
    } else {
        y.to_string()
    }
}

fn normalize(c: &Captures) -> Option<String> {
    let get = |n: &str| {
        let k = GROUPS
            .iter()
            .position(|g| *g == n)
            .expect("a group of PERIOD");
        c.get(GROUP_INDICES[k]).map(|m| m.as_str())
    };
    if let Some(q) = get("qword") {
        let q = ordinal(q);
        return Some(match get("qyear") {
            Some(y) if get("qfy").is_some() => format!("Q{q} FY{y}"),
            Some(y) => format!("Q{q} {y}"),
            None => format!("Q{q}"),
        });
    }
    if let Some(q) = get("qn") {
        return Some(match get("qnyear") {
            Some(y) if get("qnfy").is_some() => format!("Q{q} FY{}", full_year(y)),
            Some(y) => format!("Q{q} {}", full_year(y)),
            None => format!("Q{q}"),
        });
    }
    if let Some(h) = get("hword") {
        let h = ordinal(h);
        return Some(match get("hyear") {
            Some(y) => format!("H{h} {y}"),
            None => format!("H{h}"),
        });
    }
    if let (Some(h), Some(y)) = (get("hn"), get("hnyear")) {
        return Some(format!("H{h} {y}"));
    }
    if let Some(y) = get("fy").or(get("fy2")) {
        return Some(format!("FY{}", full_year(y)));
    }
    if let (Some(a), Some(b)) = (get("split1"), get("split2")) {
        let century = &a[..2];
        let end = if b < &a[2..] {
            format!("{}{b}", (century.parse::<u32>().ok()? + 1))
        } else {
            format!("{century}{b}")
        };
        return Some(format!("FY{end}"));
    }
    if let Some(y) = get("ye") {
        return Some(format!("FY{y}"));
    }
    get("year").map(str::to_string)
}

/// The period named nearest to `at` within `sentence`.
pub fn period(text: &str, sentence: (usize, usize), at: (usize, usize)) -> Option<String> {
    Periods::new(text, sentence).nearest(at)
}

/// The periods a sentence names, found once for all the figures in it.
#[derive(Clone, Debug, Default)]
pub struct Periods {
    /// Where each is written, and its normalized form, in text order.
    found: Vec<(usize, usize, String)>,
}

impl Periods {
    pub fn new(text: &str, sentence: (usize, usize)) -> Periods {
        let s = &text[sentence.0..sentence.1];
        let found = PERIOD
            .captures_iter(s)
            .filter_map(|c| {
                let m = c.get(0)?;
                Some((sentence.0 + m.start(), sentence.0 + m.end(), normalize(&c)?))
            })
            .collect();
        Periods { found }
    }

    /// The period nearest to `at` (the first of those as near).
    pub fn nearest(&self, at: (usize, usize)) -> Option<String> {
        self.found
            .iter()
            .min_by_key(|&&(ms, me, _)| {
                if me <= at.0 {
                    at.0 - me
                } else {
                    ms.saturating_sub(at.1)
                }
            })
            .map(|p| p.2.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_periods() {
        let cases = [
            ("in the fourth quarter", Some("Q4")),
            ("fourth-quarter revenue", Some("Q4")),
            ("the fourth quarter of 2014", Some("Q4 2014")),
            ("the fourth quarter of fiscal 2016", Some("Q4 FY2016")),
            ("Q4 2014 results", Some("Q4 2014")),
            ("fiscal 2015", Some("FY2015")),
            ("FY24", Some("FY2024")),
            ("first half of 2024", Some("H1 2024")),
            ("H1 2024", Some("H1 2024")),
            ("by 2018", Some("2018")),
            ("1986/87 group net", Some("FY1987")),
            ("1999/00 group net", Some("FY2000")),
            ("year ending March 31, 1988", Some("FY1988")),
            ("last year", None),
        ];
        for (text, want) in cases {
            let got = period(text, (0, text.len()), (text.len(), text.len()));
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }
}
