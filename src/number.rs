//! Numbers as written: digits (`1,234.5`, `1,00,000`), digits with a scale
//! (`4.1 billion`, `$34.6m`, `1.2 mln`), and written-out numbers (`twenty`,
//! `one hundred and twenty three thousand`, `a million`, `half a million`,
//! `three quarters billion`).
//!
//! Input: a document's text. Output: every number token with its byte span and
//! exact value, in text order. Non-goals: what the number measures (the
//! recognizers decide), ordinals and fractions.
//!
//! A digit token glued to letters (`S3`, `EC2`, `5G`, `3D`), to a version or
//! address (`2.4.1`, `192.168.1.2`), to a slash or colon (`24/7`, `10:30`) or to a
//! letter by a hyphen on its left (`COVID-19`) is part of a name or code and is
//! not a number. Digits with letters glued on their right (`5G`, `115USD`) are
//! returned flagged: the recognizers keep them only when those letters are a
//! currency (`20Rs`, `42MYR`).

use crate::decimal::Decimal;
use crate::lockstep::Lockstep;
use crate::per_thread::{PerThread, captures};
use crate::short::ShortStr;
use regex::Regex;
use std::fmt::Write;

/// One number token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    /// Carries a scale word or suffix (`million`, `bn`, `k`).
    pub scaled: bool,
    /// The power of ten of that scale (`million`: 6), 0 without one.
    pub power: i32,
    /// Written out in words (`twenty`, `a million`).
    pub written: bool,
    /// Plain digits without grouping, decimals or scale (`2018`, `365`).
    pub plain: bool,
    /// Letters stand right before the digits (`S3`, `US5.6`): a code, unless
    /// those letters are a currency mark, which the recognizers check.
    pub glued: bool,
    /// Letters stand right after the digits (`5G`, `3D`, `115USD`): a code,
    /// unless those letters are a currency, which the recognizers check.
    pub glued_after: bool,
}

impl Number {
    /// A bare four-digit number that reads as a year (`2018`, `1987`).
    pub fn is_year_like(&self, text: &str) -> bool {
        self.plain
            && self.end - self.start == 4
            && matches!(text[self.start..self.end].parse::<u32>(), Ok(1800..=2100))
    }
}

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Scale words and abbreviations with their power of ten. Order: longest first
/// within a shared prefix, since regex alternation is leftmost-first.
const SCALES: &[(&str, i32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("lakhs", 5),
    ("lakh", 5),
    ("lacs", 5),
    ("lac", 5),
    ("crores", 7),
    ("crore", 7),
    ("mln", 6),
    ("mil", 6),
    ("bln", 9),
    ("mn", 6),
    ("bn", 9),
    ("trn", 12),
    ("tn", 12),
];

/// Single-letter or doubled suffixes, only when glued to the digits (`$5M`, `100k`).
const SUFFIXES: &[(&str, i32)] = &[("mm", 6), ("k", 3), ("m", 6), ("b", 9), ("t", 12)];

/// Fractions written before a scale word (`half a million`, `a quarter
/// billion`, `three quarters billion`); alone they are no number (`the
/// quarter`, `half of`).
const FRACTIONS: &[(&str, i64)] = &[("half", 50), ("quarter", 25), ("quarters", 25)];

fn alternation(words: impl Iterator<Item = &'static str>) -> String {
    words.collect::<Vec<_>>().join("|")
}

/// The number pattern, searched over a text's two halves at once (see
/// [`crate::lockstep`]).
static NUMBER: PerThread<Lockstep> =
    PerThread::new(|| Lockstep::new(&pattern(), separates_numbers));

/// Whether no number can hold byte `i` of `bytes`: a match of the pattern
/// holds only digits, letters, spaces, tabs, line breaks, `-`, and `,` or
/// `.` before a digit (bytes above ASCII may be a letter that folds to one:
/// `ſ` is `s` to `(?i)`).
fn separates_numbers(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b',' | b'.' => !bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
        b' ' | b'\t' | b'\n' | b'-' => false,
        b => b.is_ascii() && !b.is_ascii_alphanumeric(),
    }
}

/// Texts shorter than this are searched in one piece: the halves' start
/// costs more than it saves.
const SPLIT_AT_LEAST: usize = 512;

/// The number pattern as text (see the module).
fn pattern() -> String {
    let scales = alternation(SCALES.iter().map(|s| s.0));
    let suffixes = alternation(SUFFIXES.iter().map(|s| s.0));
    let word = format!(
        "(?:{}|{}|hundred|{}|dozen|{})(?-u:\\b)",
        alternation(UNITS.iter().rev().copied()),
        alternation(TENS.iter().copied()),
        scales_words(),
        fraction_words(),
    );
    let pattern = format!(
        r"(?i)(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]{{1,2}}(?:,[0-9]{{2}})+,[0-9]{{3}}(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:(?:[ \t]{{0,2}}\n?[ \t]{{0,8}}|-)(?P<scale>{scales})(?-u:\b)|(?P<suffix>{suffixes})(?-u:\b))?|(?-u:\b)(?P<words>(?:half[ \t\n]+an?[ \t\n]+(?:{sw})(?-u:\b)|(?:an?)[ \t\n]+(?:hundred|{sw}|dozen|{fw})(?-u:\b)|{word})(?:(?:[ \t\n]+|-)(?:and[ \t\n]+)?{word}){{0,{max}}})",
        sw = scales_words(),
        fw = fraction_words(),
        max = MAX_NUMBER_WORDS,
    );
    pattern
}

/// The spelled-out scale words (not the abbreviations) that may follow `a`.
fn scales_words() -> String {
    alternation(
        SCALES
            .iter()
            .filter(|s| s.0.len() > 3 || s.0 == "lac")
            .map(|s| s.0),
    )
}

/// The fraction words, longest first.
fn fraction_words() -> String {
    let mut words: Vec<&str> = FRACTIONS.iter().map(|f| f.0).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
}

/// A scale word written after an amount's unit (`75 USD million`): its end and power.
pub fn scale_after(text: &str, at: usize) -> Option<(usize, i32)> {
    static SCALE_AFTER: PerThread<Regex> = PerThread::new(|| {
        let words = SCALES.iter().filter(|s| s.0.len() > 1).map(|s| s.0);
        Regex::new(&format!(
            r"(?i)^[ \t]{{1,2}}({})(?-u:\b)",
            alternation(words)
        ))
        .expect("scale pattern")
    });
    let to = text.floor_char_boundary(at + 16);
    let m = captures(&SCALE_AFTER, &text[at..to])?.get(1)?;
    Some((at + m.end(), scale_power(m.as_str())?))
}

fn scale_power(word: &str) -> Option<i32> {
    SCALES
        .iter()
        .chain(SUFFIXES)
        .find(|s| s.0.eq_ignore_ascii_case(word))
        .map(|s| s.1)
}

/// A written-out number has at most this many words after its first
/// (`one hundred and twenty three thousand four hundred and fifty six`); a
/// longer run of number words is read in pieces, so that scanning it stays
/// linear (`one hundred one hundred ...`).
const MAX_NUMBER_WORDS: usize = 15;

/// Every number token of `text`, in order.
pub fn scan(text: &str) -> Vec<Number> {
    scan_cut_at(text, NUMBER.split(text, SPLIT_AT_LEAST))
}

/// [`scan`] with the text cut in two at byte `cut`, a separator.
fn scan_cut_at(text: &str, cut: Option<usize>) -> Vec<Number> {
    let len = text.len();
    let (halves, split) = match cut {
        Some(p) => ([(0, p), (p + 1, len)], p),
        None => ([(0, len), (len, len)], len),
    };
    // business text holds a number every 125 bytes or so: room for twice
    // that many spares the copies of a vector grown by doubling
    let mut out = [
        Vec::with_capacity(split / 64 + 1),
        Vec::with_capacity((len - split) / 64 + 1),
    ];
    // the words of a written-out number, room reused from one to the next
    let mut words = Vec::new();
    NUMBER.find_each(text, halves, |half, start, end| {
        let (number, at) = read_match(text, start, end, &mut words);
        out[half].extend(number);
        Some(at)
    });
    let [mut first, second] = out;
    first.extend(second);
    first
}

/// The number of the match `start..end` of the number pattern, and where
/// the next search starts. Only the match is searched for (`find`, not
/// `captures`): its groups are read off it by hand, which costs a fraction
/// of a capturing search.
fn read_match(
    text: &str,
    start: usize,
    end: usize,
    words: &mut Vec<(usize, usize)>,
) -> (Option<Number>, usize) {
    let w = &text[start..end];
    // the pattern matches no empty string: the next search starts after this match
    let mut at = end;
    let number = if w.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        // the digits group is made of digits, commas and dots; a scale or
        // suffix (letters) may follow after spaces, a line break or a
        // hyphen, and ends the match
        let digits = w
            .find(|c: char| !matches!(c, '0'..='9' | ',' | '.'))
            .unwrap_or(w.len());
        let unit = (digits < w.len()).then(|| {
            let rest = &w[digits..];
            let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '-']).len();
            (start + digits + gap, end)
        });
        read_digits(text, start, start + digits, unit)
    } else {
        let n = read_words(text, start, end, words);
        if n.is_none() {
            // `quarter and one`: the words after the first may still be a number
            let first = w.find(|c: char| !c.is_ascii_alphabetic());
            at = first.map_or(end, |e| start + e.max(1));
        }
        n
    };
    if let Some(n) = &number {
        at = n.end.max(start + 1);
    }
    while !text.is_char_boundary(at) {
        at += 1;
    }
    (number, at)
}

/// The number whose digits stand at `start..digits_end`, with the scale word
/// or suffix at `unit`, if any.
fn read_digits(
    text: &str,
    start: usize,
    digits_end: usize,
    unit: Option<(usize, usize)>,
) -> Option<Number> {
    let mut end = digits_end;
    let bytes = text.as_bytes();
    if glued_left(bytes, start) || glued_right(bytes, end) {
        return None;
    }
    let glued = start > 0 && bytes[start - 1].is_ascii_alphabetic();
    let digits = &text[start..digits_end];
    let mut value = Decimal::parse(digits)?;
    let mut scaled = false;
    let mut power = 0;
    if let Some((us, ue)) = unit {
        power = scale_power(&text[us..ue])?;
        value = value.scale(power);
        end = ue;
        scaled = true;
    }
    // `5G`, `3D`, `10x`, `2nd`, but also `115USD`
    let glued_after = !scaled && bytes.get(end).is_some_and(|b| b.is_ascii_alphabetic());
    let plain = !scaled && digits.bytes().all(|b| b.is_ascii_digit());
    Some(Number {
        start,
        end,
        value,
        scaled,
        power,
        written: false,
        plain,
        glued,
        glued_after,
    })
}

/// The digits continue a code on the left: a letter or digit, `X-19`, `2.`/`3,` of a longer number.
fn glued_left(bytes: &[u8], start: usize) -> bool {
    let Some(&prev) = start.checked_sub(1).and_then(|i| bytes.get(i)) else {
        return false;
    };
    let before = start.checked_sub(2).and_then(|i| bytes.get(i)).copied();
    prev.is_ascii_digit()
        || prev == b'_'
        || (matches!(prev, b'.' | b',' | b'/' | b':') && before.is_some_and(|b| b.is_ascii_digit()))
        || (prev == b'-' && before.is_some_and(|b| b.is_ascii_alphabetic()))
}

/// The digits continue into `.1` (versions, addresses), `,3` (odd grouping), `/7`, `:30`.
fn glued_right(bytes: &[u8], end: usize) -> bool {
    let next = bytes.get(end).copied();
    let after = bytes.get(end + 1).copied();
    matches!(next, Some(b'.' | b',' | b'/' | b':')) && after.is_some_and(|b| b.is_ascii_digit())
}

#[derive(PartialEq, Clone, Copy)]
enum Last {
    None,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale(i32),
}

/// No word of [`UNITS`], [`TENS`], [`SCALES`], [`SUFFIXES`] and
/// [`FRACTIONS`] is longer: a longer word is none of them.
const LONGEST_NUMBER_WORD: usize = 16;

/// Reads the longest valid written-out number starting at `start`; `words`
/// is scratch room.
fn read_words(
    text: &str,
    start: usize,
    limit: usize,
    words: &mut Vec<(usize, usize)>,
) -> Option<Number> {
    let mut total = Decimal::ZERO;
    let mut current = Decimal::ZERO;
    let mut last = Last::None;
    let mut end = start;
    let mut smallest_scale = i32::MAX;
    words.clear();
    words.extend(word_spans(text, start, limit));
    let mut i = 0;

    while i < words.len() {
        let (ws, we) = words[i];
        i += 1;
        let mut lower = ShortStr::<LONGEST_NUMBER_WORD>::new();
        if lower.write_str(&text[ws..we]).is_err() {
            break; // longer than any number word
        }
        lower.make_ascii_lowercase();
        let lower = lower.as_str();
        if lower == "and" {
            continue;
        }
        if let Some(&(_, share)) = FRACTIONS.iter().find(|f| f.0 == lower) {
            // `half a million`, `a quarter billion`, `three quarters billion`
            if !matches!(last, Last::None | Last::Unit | Last::Teen | Last::Tens) {
                break;
            }
            let mut j = i;
            if lower == "half"
                && words
                    .get(j)
                    .is_some_and(|&(s, e)| text[s..e].eq_ignore_ascii_case("a"))
            {
                j += 1;
            }
            let Some((p, scale_end)) = words
                .get(j)
                .and_then(|&(s, e)| Some((scale_power(&text[s..e])?, e)))
                .filter(|&(p, _)| p < smallest_scale && text[words[j].0..words[j].1].len() > 1)
            else {
                break;
            };
            let whole = if current.is_zero() {
                Decimal::from_int(1)
            } else {
                current
            };
            total = total.checked_add(whole.times(share)?.scale(p - 2))?;
            current = Decimal::ZERO;
            smallest_scale = p;
            last = Last::Scale(p);
            end = scale_end;
            i = j + 1;
            continue;
        }
        if (lower == "a" || lower == "an") && last == Last::None {
            current = Decimal::from_int(1);
            end = we;
            continue;
        }
        if let Some(u) = UNITS.iter().position(|w| *w == lower) {
            if matches!(last, Last::Unit | Last::Teen) || (last == Last::Tens && u >= 10) {
                break;
            }
            current = current.checked_add(Decimal::from_int(u as i64))?;
            last = if u >= 10 { Last::Teen } else { Last::Unit };
        } else if let Some(t) = TENS.iter().position(|w| *w == lower) {
            if matches!(last, Last::Unit | Last::Teen | Last::Tens) {
                break;
            }
            current = current.checked_add(Decimal::from_int(20 + 10 * t as i64))?;
            last = Last::Tens;
        } else if lower == "hundred" {
            if last == Last::Hundred {
                break;
            }
            if current.is_zero() {
                break; // `hundred` alone; `a hundred` set current to one
            }
            current = current.times(100)?;
            last = Last::Hundred;
        } else if lower == "dozen" {
            if current.is_zero() {
                break;
            }
            current = current.times(12)?;
            last = Last::Hundred;
        } else if let Some(p) = scale_power(lower) {
            if p >= smallest_scale || matches!(last, Last::Scale(_)) {
                break;
            }
            if current.is_zero() {
                break; // `million` alone, or `million thousand`
            }
            total = total.checked_add(current.scale(p))?;
            current = Decimal::ZERO;
            smallest_scale = p;
            last = Last::Scale(p);
        } else {
            break;
        }
        end = we;
    }
    if last == Last::None {
        return None; // a lone `a`
    }
    let value = total.checked_add(current)?;
    Some(Number {
        start,
        end,
        value,
        scaled: smallest_scale != i32::MAX,
        power: if smallest_scale == i32::MAX {
            0
        } else {
            smallest_scale
        },
        written: true,
        plain: false,
        glued: false,
        glued_after: false,
    })
}

/// Byte spans of the words (split at spaces and hyphens) of `text[start..limit]`.
fn word_spans(text: &str, start: usize, limit: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = start;
    std::iter::from_fn(move || {
        while i < limit && !bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i >= limit {
            return None;
        }
        let ws = i;
        while i < limit && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        Some((ws, i))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number pattern as one regex.
    fn regex() -> Regex {
        Regex::new(&pattern()).expect("number pattern compiles")
    }

    /// [`scan`] with the pattern searched over the whole text from each
    /// position on (`Regex::find_at`): what the lockstep search must find.
    fn scan_one_by_one(regex: &Regex, text: &str) -> Vec<Number> {
        let mut out = Vec::new();
        let mut words = Vec::new();
        let mut at = 0;
        while let Some(m) = regex.find_at(text, at) {
            let (number, next) = read_match(text, m.start(), m.end(), &mut words);
            out.extend(number);
            at = next;
        }
        out
    }

    /// Pieces of text that numbers are made of, that stand near them, and
    /// that part them (or, for `,` and `.` before a digit, do not).
    const PIECES: &[&str] = &[
        "1",
        "23",
        "4,567",
        "89.1",
        ".5",
        "1,00,000",
        "2024",
        " ",
        "  ",
        "\n",
        "\t",
        "-",
        ",",
        ".",
        ", ",
        ". ",
        ",9",
        ".9",
        "(",
        ")",
        ";",
        ":",
        "\"",
        "'",
        "$",
        "%",
        "/",
        "_",
        "one",
        "twenty",
        "hundred",
        "and",
        "a",
        "an",
        "half",
        "quarter",
        "million",
        "bn",
        "m",
        "k",
        "dozen",
        "thirty-five",
        "seven",
        "word",
        "S",
        "x",
        "é",
        "ſix",
        "K",
        "’",
        "\r",
    ];

    #[test]
    fn separators_stand_in_no_number() {
        let regex = regex();
        let mut rng = crate::test_rng::Lcg::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3_000 {
            let text = rng.text(PIECES, 60);
            let bytes = text.as_bytes();
            for m in regex.find_iter(&text) {
                for i in m.start()..m.end() {
                    assert!(
                        !separates_numbers(bytes, i),
                        "byte {i} of {text:?} in {m:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_lockstep_scan_finds_what_one_search_after_another_finds() {
        let regex = regex();
        let mut rng = crate::test_rng::Lcg::new(0x2545_f491_4f6c_dd1d);
        for round in 0..1_500 {
            // long enough to be cut in two, most of them
            let most = if round % 3 == 0 { 60 } else { 400 };
            let text = rng.text(PIECES, most);
            let expected = scan_one_by_one(&regex, &text);
            assert_eq!(scan(&text), expected, "in {text:?}");
            if round % 10 == 0 {
                // cut at every separator, the text's ends included
                let bytes = text.as_bytes();
                for p in (0..bytes.len()).filter(|&p| separates_numbers(bytes, p)) {
                    assert_eq!(
                        scan_cut_at(&text, Some(p)),
                        expected,
                        "cut at {p} of {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn number_words_fit_the_lowercasing_buffer() {
        let words = UNITS
            .iter()
            .chain(TENS)
            .copied()
            .chain(SCALES.iter().chain(SUFFIXES).map(|s| s.0))
            .chain(FRACTIONS.iter().map(|f| f.0))
            .chain(["and", "an", "a", "hundred", "dozen"]);
        for w in words {
            assert!(w.len() <= LONGEST_NUMBER_WORD, "{w}");
        }
    }

    fn one(text: &str) -> Option<(String, String)> {
        let found = scan(text);
        assert!(found.len() <= 1, "{text}: {found:?}");
        found
            .first()
            .map(|n| (text[n.start..n.end].to_string(), n.value.to_string()))
    }

    #[test]
    fn reads_numbers() {
        let cases = [
            ("75,000", "75,000", "75000"),
            ("4.1 billion", "4.1 billion", "4100000000"),
            ("34.6m", "34.6m", "34600000"),
            ("$5MM", "5MM", "5000000"),
            ("1.2 mln", "1.2 mln", "1200000"),
            ("3,308\nbillion", "3,308\nbillion", "3308000000000"),
            ("1,00,000", "1,00,000", "100000"),
            ("450 crore", "450 crore", "4500000000"),
            ("100k", "100k", "100000"),
            ("twenty", "twenty", "20"),
            ("twenty-three", "twenty-three", "23"),
            (
                "one hundred and twenty three thousand",
                "one hundred and twenty three thousand",
                "123000",
            ),
            ("a million", "a million", "1000000"),
            ("A Million", "A Million", "1000000"),
            ("one million", "one million", "1000000"),
            ("five", "five", "5"),
            ("1.5-billion", "1.5-billion", "1500000000"),
            ("0.45", "0.45", "0.45"),
            ("half billion", "half billion", "500000000"),
            ("half a million", "half a million", "500000"),
            ("a quarter million", "a quarter million", "250000"),
            (
                "three quarters billion",
                "three quarters billion",
                "750000000",
            ),
            ("two million and a half", "two million", "2000000"),
        ];
        for (text, surface, value) in cases {
            assert_eq!(
                one(text),
                Some((surface.to_string(), value.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn skips_codes_and_names() {
        for text in [
            "5G",
            "3D",
            "2.4.1",
            "24/7",
            "10:30",
            "COVID-19",
            "a",
            "an",
            "someone",
            "tens",
            "oneself",
            "million",
            "hundreds",
            "each quarter",
            "the quarter",
            "half",
            "a half share",
            "quarterly",
            "halfway",
        ] {
            let found: Vec<_> = scan(text)
                .iter()
                .filter(|n| !n.glued_after)
                .map(|n| text[n.start..n.end].to_string())
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn marks_digits_glued_to_letters() {
        for text in ["S3", "EC2", "US5.6", "FY2024", "Q3"] {
            let found = scan(text);
            assert!(found.len() == 1 && found[0].glued, "{text}: {found:?}");
        }
        for text in ["5G", "3D", "260USD", "2nd"] {
            let found = scan(text);
            assert!(
                found.len() == 1 && found[0].glued_after,
                "{text}: {found:?}"
            );
        }
        for text in ["5M", "100k", "5 G"] {
            assert!(scan(text).iter().all(|n| !n.glued_after), "{text}");
        }
    }

    #[test]
    fn reads_scale_words_after_a_unit() {
        assert_eq!(scale_after(" million in", 0), Some((8, 6)));
        assert_eq!(scale_after(" bn", 0), Some((3, 9)));
        assert_eq!(scale_after(" m", 0), None);
        assert_eq!(scale_after(" millions", 0), None);
    }

    #[test]
    fn reads_numbers_after_a_fraction_that_is_none() {
        let text = "the first quarter and one to two points";
        let found: Vec<_> = scan(text).iter().map(|n| n.value.to_string()).collect();
        assert_eq!(found, ["1", "2"]);
    }

    #[test]
    fn splits_invalid_word_sequences() {
        let found: Vec<_> = scan("one two")
            .iter()
            .map(|n| n.value.to_string())
            .collect();
        assert_eq!(found, ["1", "2"]);
    }

    #[test]
    fn years_are_flagged() {
        let text = "in 2018 and 2,018";
        let found = scan(text);
        assert!(found[0].is_year_like(text));
        assert!(!found[1].is_year_like(text));
    }
}
