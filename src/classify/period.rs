//! Periods: `fourth quarter` -> `Q4`, `Q4 2014`, `fiscal 2015` -> `FY2015`,
//! `first half of 2024` -> `H1 2024`, `by 2018` -> `2018`, `1986/87` -> `FY1987`,
//! `year ending March 31, 1988` -> `FY1988`.
//!
//! Input: the text and the sentence of a figure. Output: the period named
//! nearest the figure in that sentence, normalized, or `None`.

use crate::per_thread::{PerThread, group_indices, group_spans};
use crate::short::ShortStr;
use regex::Regex;
use std::fmt::{self, Write};
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
    let is = |forms: [&str; 2]| forms.iter().any(|f| word.eq_ignore_ascii_case(f));
    if is(["first", "1st"]) {
        1
    } else if is(["second", "2nd"]) {
        2
    } else if is(["third", "3rd"]) {
        3
    } else {
        4
    }
}

/// A year of four digits, or of two (`FY16`, `Q4 '98`).
fn full_year(y: &str) -> u32 {
    let n: u32 = y.parse().unwrap_or(0);
    match y.len() {
        2 if n >= 70 => 1900 + n,
        2 => 2000 + n,
        _ => n,
    }
}

/// A normalized period, kept on the stack (`Q4 FY2016` is the longest) so
/// that reading the periods of a sentence allocates nothing.
type Label = ShortStr<16>;

/// The normalized period of a match of [`PERIOD`] in `hay`, whose groups
/// (those of [`GROUPS`], in order) span `groups`.
fn normalize(hay: &str, groups: &[Option<(usize, usize)>]) -> Option<Label> {
    let mut label = Label::new();
    // every form above is at most 9 bytes: a longer one is a bug to hear of
    write_normalized(hay, groups, &mut label)?.expect("a period label fits its 16 bytes");
    Some(label)
}

/// Writes the normalized period; `None` when the groups name none.
fn write_normalized(
    hay: &str,
    groups: &[Option<(usize, usize)>],
    out: &mut Label,
) -> Option<fmt::Result> {
    let get = |n: &str| {
        let k = GROUPS
            .iter()
            .position(|g| *g == n)
            .expect("a group of PERIOD");
        groups[k].map(|(s, e)| &hay[s..e])
    };
    if let Some(q) = get("qword") {
        let q = ordinal(q);
        return Some(match get("qyear") {
            Some(y) if get("qfy").is_some() => write!(out, "Q{q} FY{y}"),
            Some(y) => write!(out, "Q{q} {y}"),
            None => write!(out, "Q{q}"),
        });
    }
    if let Some(q) = get("qn") {
        return Some(match get("qnyear") {
            Some(y) if get("qnfy").is_some() => write!(out, "Q{q} FY{}", full_year(y)),
            Some(y) => write!(out, "Q{q} {}", full_year(y)),
            None => write!(out, "Q{q}"),
        });
    }
    if let Some(h) = get("hword") {
        let h = ordinal(h);
        return Some(match get("hyear") {
            Some(y) => write!(out, "H{h} {y}"),
            None => write!(out, "H{h}"),
        });
    }
    if let (Some(h), Some(y)) = (get("hn"), get("hnyear")) {
        return Some(write!(out, "H{h} {y}"));
    }
    if let Some(y) = get("fy").or(get("fy2")) {
        return Some(write!(out, "FY{}", full_year(y)));
    }
    if let (Some(a), Some(b)) = (get("split1"), get("split2")) {
        let century = &a[..2];
        return Some(if b < &a[2..] {
            write!(out, "FY{}{b}", century.parse::<u32>().ok()? + 1)
        } else {
            write!(out, "FY{century}{b}")
        });
    }
    if let Some(y) = get("ye") {
        return Some(write!(out, "FY{y}"));
    }
    get("year").map(|y| write!(out, "{y}"))
}

/// The period named nearest to `at` within `sentence`.
pub fn period(text: &str, sentence: (usize, usize), at: (usize, usize)) -> Option<String> {
    Periods::new(text, sentence).nearest(at)
}

/// The periods a sentence names, found once for all the figures in it.
#[derive(Clone, Debug, Default)]
pub struct Periods {
    /// Where each is written, and its normalized form, in text order.
    found: Vec<(usize, usize, Label)>,
    /// Group slots for the search, kept from one sentence to the next.
    locs: Option<regex::CaptureLocations>,
}

impl Periods {
    pub fn new(text: &str, sentence: (usize, usize)) -> Periods {
        let mut periods = Periods::default();
        periods.read(text, sentence);
        periods
    }

    /// Replaces the periods with those of another sentence, in the same room.
    pub fn read(&mut self, text: &str, sentence: (usize, usize)) {
        let s = &text[sentence.0..sentence.1];
        let locs = self.locs.get_or_insert_with(|| PERIOD.capture_locations());
        // the whole match, then the groups of GROUPS
        let mut groups = [0; 17];
        groups[1..].copy_from_slice(&*GROUP_INDICES);
        self.found.clear();
        self.found
            .extend(group_spans(&PERIOD, s, locs, groups).filter_map(|g| {
                let (ms, me) = g[0]?;
                Some((sentence.0 + ms, sentence.0 + me, normalize(s, &g[1..])?))
            }));
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
            .map(|p| p.2.as_str().to_string())
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
            ("Q4 FY16 results", Some("Q4 FY2016")),
            ("Q2 '98 sales", Some("Q2 1998")),
            ("in Q3", Some("Q3")),
            ("the second half", Some("H2")),
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
