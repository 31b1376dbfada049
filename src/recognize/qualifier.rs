//! Qualifiers: the hedge written next to a figure (`more than`, `about`,
//! `up to`, `5,000+`) and the range words around two figures.

use super::edge::{Edge, last_letters};
use crate::per_thread::{PerThread, captures, group_indices};
use crate::short::ShortStr;
use regex::Regex;
use serde::Serialize;
use std::fmt::Write;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Approximately,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Approximately => "approximately",
            Qualifier::Range => "range",
        }
    }
}

/// Hedge words written before a figure, and what they mean. Longer phrases
/// first: the pattern is an alternation, and regex alternation is leftmost-first.
const BEFORE: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("north of", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("well above", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("exceeded", Qualifier::MoreThan),
    ("exceeds", Qualifier::MoreThan),
    ("exceed", Qualifier::MoreThan),
    ("topping", Qualifier::MoreThan),
    ("surpassing a", Qualifier::MoreThan),
    ("surpassing", Qualifier::MoreThan),
    ("surpassed", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("at least", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("lower than", Qualifier::LessThan),
    ("just under", Qualifier::LessThan),
    ("just below", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("an estimated", Qualifier::Approximately),
    ("an approximate", Qualifier::Approximately),
    ("approximately", Qualifier::Approximately),
    ("close to", Qualifier::Approximately),
    ("roughly", Qualifier::Approximately),
    ("nearly", Qualifier::Approximately),
    ("almost", Qualifier::Approximately),
    ("around", Qualifier::Approximately),
    ("about", Qualifier::Approximately),
    ("approx.", Qualifier::Approximately),
    ("approx", Qualifier::Approximately),
    ("circa", Qualifier::Approximately),
    ("some", Qualifier::Approximately),
    ("estimated", Qualifier::Approximately),
    ("~", Qualifier::Approximately),
];

/// The hedges of [`BEFORE`] as a pattern's alternation.
fn hedge_words() -> String {
    let words: Vec<String> = BEFORE
        .iter()
        .map(|(w, _)| regex::escape(w).replace(' ', r"[ \t\n]+"))
        .collect();
    words.join("|")
}

/// A hedge at the end of a window, after its start or a non-letter.
static BEFORE_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^A-Za-z])(?:{})[ \t\n]*$",
        hedge_words()
    ))
    .expect("qualifier pattern")
});

/// A window that is all one hedge, spaces after it allowed.
static WHOLE_HEDGE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(r"(?i)^(?:{})[ \t\n]*$", hedge_words())).expect("whole hedge pattern")
});

static AFTER_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)^(?:(?P<plus>\+)|-plus(?-u:\b)|[ \t]+(?:(?P<more>or[ \t]+more|or[ \t]+greater|plus)|(?P<so>or[ \t]+so))(?-u:\b))")
        .expect("qualifier suffix pattern")
});

/// [`AFTER_RE`]'s groups `so` and `more` by index (see [`group_indices`]).
static AFTER_GROUPS: LazyLock<[usize; 2]> =
    LazyLock::new(|| group_indices(&AFTER_RE, ["so", "more"]));

static BETWEEN_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?:^|[^A-Za-z])(?P<q>between|from)[ \t\n]+$").expect("between pattern")
});

/// [`BETWEEN_RE`]'s group `q` by index.
static BETWEEN_Q: LazyLock<[usize; 1]> = LazyLock::new(|| group_indices(&BETWEEN_RE, ["q"]));

/// The last words of the hedges.
static HEDGE_TAILS: LazyLock<Edge> =
    LazyLock::new(|| Edge::new(BEFORE.iter().map(|(w, _)| *w), true));

/// Whether a hedge can end where `window` ends (spaces after it allowed): the
/// word there is the last word of one, or the sign it ends with. Most figures
/// have no hedge, and this costs a fraction of the pattern.
fn may_end_a_hedge(window: &str) -> bool {
    let head = window.trim_end_matches([' ', '\t', '\n']).as_bytes();
    match head.last() {
        Some(b'.' | b'~') => true,
        Some(c) if c.is_ascii_alphabetic() => HEDGE_TAILS.holds(last_letters(head)),
        _ => false,
    }
}

/// The hedge written right before `at`: its start and meaning.
pub fn before(text: &str, at: usize) -> Option<(usize, Qualifier)> {
    let from = text.floor_char_boundary(at.saturating_sub(24));
    if !may_end_a_hedge(&text[from..at]) {
        return None;
    }
    // where the hedge lies is read off the match, which costs a fraction of
    // asking the pattern for a group: it ends before the spaces that end the
    // window, and starts where the match does when the window opens with it
    // (the pattern's `^`, tried first), else after the match's non-letter
    let window = &text[from..at];
    let m = BEFORE_RE.find(window)?;
    let start = if m.start() == 0 && WHOLE_HEDGE.is_match(window) {
        0
    } else {
        m.start() + window[m.start()..].chars().next()?.len_utf8()
    };
    let hedge = &window[start..window.trim_end_matches([' ', '\t', '\n']).len()];
    let key = hedge_key(hedge)?;
    let key = key.as_str();
    let q = BEFORE.iter().find(|(w, _)| *w == key)?.1;
    Some((from + start, q))
}

/// `hedge` as [`BEFORE`] writes it: ASCII letters in lower case, words one
/// space apart; `None` when it does not fit 32 bytes (no phrase is that
/// long).
fn hedge_key(hedge: &str) -> Option<ShortStr<32>> {
    let mut key = ShortStr::new();
    for (i, word) in hedge.split_whitespace().enumerate() {
        if i > 0 {
            key.write_str(" ").ok()?;
        }
        key.write_str(word).ok()?;
    }
    key.make_ascii_lowercase();
    Some(key)
}

/// A hedge written right after `at` (`5,000+`, `1 million or more`): its end and meaning.
pub fn after(text: &str, at: usize) -> Option<(usize, Qualifier)> {
    let to = text.floor_char_boundary(at + 16);
    let caps = captures(&AFTER_RE, &text[at..to])?;
    let [so, more] = *AFTER_GROUPS;
    let q = if caps.get(so).is_some() {
        Qualifier::Approximately
    } else if caps
        .get(more)
        .is_some_and(|m| m.as_str().starts_with(['o', 'O']))
    {
        Qualifier::AtLeast
    } else {
        Qualifier::MoreThan
    };
    Some((at + caps.get(0)?.end(), q))
}

static REFERENCE_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)^[ \t\n]+(?:(?-u:\w)+[ \t\n]+)?(?:estimates?|expected|expectations?|forecasts?|consensus|projections?|guidance)(?-u:\b)")
        .expect("reference pattern")
});

/// The figure ending at `at` is a reference others are compared with (`a 752.4
/// million estimate`), so a comparison verb before it (`surpassing`) is no hedge.
pub fn is_reference(text: &str, at: usize) -> bool {
    let to = text.floor_char_boundary(at + 40);
    REFERENCE_RE.is_match(&text[at..to])
}

/// `between` or `from` right before `at`: its start and whether it is `between`.
pub fn range_opener(text: &str, at: usize) -> Option<(usize, bool)> {
    let from = text.floor_char_boundary(at.saturating_sub(12));
    let m = captures(&BETWEEN_RE, &text[from..at])?.get(BETWEEN_Q[0])?;
    Some((from + m.start(), m.as_str().eq_ignore_ascii_case("between")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key of a hedge as `before` once built it, allocating.
    fn joined_key(hedge: &str) -> String {
        hedge
            .to_ascii_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn hedge_key_is_the_joined_lower_case_key() {
        let key = joined_key;
        let mut rng = crate::test_rng::Lcg::new(11);
        let pieces = [
            "More", " than", "more", "\t", "  ", "THAN", "about", "\n", "up to", "Ü",
        ];
        let mut hedges: Vec<String> = (0..5_000).map(|_| rng.text(&pieces, 9)).collect();
        hedges.extend(
            BEFORE
                .iter()
                .map(|(p, _)| p.to_uppercase().replace(' ', " \n ")),
        );
        for hedge in &hedges {
            match hedge_key(hedge) {
                Some(ours) => assert_eq!(ours.as_str(), key(hedge), "{hedge:?}"),
                None => assert!(key(hedge).len() > 32, "{hedge:?}"),
            }
        }
        for (phrase, _) in BEFORE {
            assert!(phrase.len() <= 32, "{phrase} fits the room");
        }
    }

    /// What [`before`] reads, from the group of a pattern that captures it.
    fn before_by_group(text: &str, at: usize) -> Option<(usize, Qualifier)> {
        static GROUPED: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
            Regex::new(&format!(
                r"(?i)(?:^|[^A-Za-z])(?P<q>{})[ \t\n]*$",
                hedge_words()
            ))
            .unwrap()
        });
        let from = text.floor_char_boundary(at.saturating_sub(24));
        let m = GROUPED.captures(&text[from..at])?.name("q")?;
        let key = joined_key(m.as_str());
        let q = BEFORE.iter().find(|(w, _)| *w == key)?.1;
        Some((from + m.start(), q))
    }

    #[test]
    fn hedges_lie_where_the_group_finds_them() {
        let pieces = [
            "more", "than", "over", "up", "to", "~", "about", "approx.", "approx", "some", "no",
            "at", "least", "(", "$", "é", "x", "a", " ", " ", "\n", "\t", "-", ".",
        ];
        let mut rng = crate::test_rng::Lcg::new(0xda94_2042_e4dd_58b5);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 10);
            assert_eq!(
                before(&text, text.len()),
                before_by_group(&text, text.len()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn reads_hedges_before() {
        let cases = [
            ("more than ", Some(Qualifier::MoreThan)),
            ("It has over ", Some(Qualifier::MoreThan)),
            ("Over ", Some(Qualifier::MoreThan)),
            ("in excess of ", Some(Qualifier::MoreThan)),
            ("at least ", Some(Qualifier::AtLeast)),
            ("nearly ", Some(Qualifier::Approximately)),
            ("an estimated ", Some(Qualifier::Approximately)),
            ("some ", Some(Qualifier::Approximately)),
            ("fewer than ", Some(Qualifier::LessThan)),
            ("under ", Some(Qualifier::LessThan)),
            ("no more than ", Some(Qualifier::AtMost)),
            ("up to ", Some(Qualifier::AtMost)),
            ("close to ", Some(Qualifier::Approximately)),
            ("handsome ", None),
            ("moreover ", None),
            ("revenue of ", None),
        ];
        for (text, want) in cases {
            assert_eq!(before(text, text.len()).map(|q| q.1), want, "{text:?}");
        }
    }

    #[test]
    fn reads_hedges_after() {
        assert_eq!(
            after("+ partners", 0).map(|q| q.1),
            Some(Qualifier::MoreThan)
        );
        assert_eq!(after(" or more", 0).map(|q| q.1), Some(Qualifier::AtLeast));
        assert_eq!(
            after(" or so", 0).map(|q| q.1),
            Some(Qualifier::Approximately)
        );
        assert_eq!(after(" orders", 0), None);
        assert_eq!(
            after("-plus deals", 0).map(|q| q.1),
            Some(Qualifier::MoreThan)
        );
    }

    #[test]
    fn qualifier_table_is_unique() {
        let mut words: Vec<_> = BEFORE.iter().map(|b| b.0).collect();
        words.sort();
        let n = words.len();
        words.dedup();
        assert_eq!(n, words.len());
    }
}
