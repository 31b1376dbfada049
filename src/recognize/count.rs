//! Counted nouns: the things whose number is a fact (`75,000 paying customers`,
//! `1 million Microsoft 365 licenses`), and the unit each is reported under.
//!
//! Up to three words may stand between the number and the noun (`ACTIVE`,
//! `Amazon`, `Microsoft 365`), but no function word, verb or punctuation: in
//! `10 of its customers` the number counts something else.

use super::edge::Edge;
use std::sync::LazyLock;

/// Noun as written (lower case) -> unit (plural, lower case). Sorted, for a
/// binary search.
pub const NOUNS: &[(&str, &str)] = &[
    ("account", "accounts"),
    ("accounts", "accounts"),
    ("advertiser", "advertisers"),
    ("advertisers", "advertisers"),
    ("brands", "brands"),
    ("business", "businesses"),
    ("businesses", "businesses"),
    ("buyer", "buyers"),
    ("buyers", "buyers"),
    ("client", "clients"),
    ("clients", "clients"),
    ("companies", "companies"),
    ("customer", "customers"),
    ("customers", "customers"),
    ("developer", "developers"),
    ("developers", "developers"),
    ("employee", "employees"),
    ("employees", "employees"),
    ("enterprises", "enterprises"),
    ("firms", "firms"),
    ("households", "households"),
    ("installations", "installations"),
    ("jobs", "jobs"),
    ("licence", "licenses"),
    ("licences", "licenses"),
    ("license", "licenses"),
    ("licenses", "licenses"),
    ("listeners", "listeners"),
    ("members", "members"),
    ("merchants", "merchants"),
    ("organisations", "organizations"),
    ("organizations", "organizations"),
    ("partners", "partners"),
    ("people", "people"),
    ("players", "players"),
    ("regions", "regions"),
    ("seats", "seats"),
    ("sellers", "sellers"),
    ("services", "services"),
    ("shoppers", "shoppers"),
    ("staff", "employees"),
    ("startups", "startups"),
    ("stores", "stores"),
    ("subscriber", "subscribers"),
    ("subscribers", "subscribers"),
    ("subscriptions", "subscriptions"),
    ("user", "users"),
    ("users", "users"),
    ("viewers", "viewers"),
    ("visitors", "visitors"),
    ("workers", "workers"),
];

/// Words that end the search for a noun: what follows them is not what the number counts.
/// Sorted, for a binary search.
const STOP: &[&str] = &[
    "a", "about", "after", "against", "among", "an", "and", "are", "as", "at", "be", "been",
    "before", "between", "but", "by", "days", "did", "do", "does", "during", "each", "every",
    "for", "from", "had", "has", "have", "hours", "in", "into", "is", "it", "its", "less", "month",
    "months", "more", "of", "on", "or", "our", "over", "pct", "per", "percent", "than", "that",
    "the", "their", "these", "this", "those", "through", "times", "to", "under", "was", "weeks",
    "were", "which", "who", "will", "with", "would", "year", "years",
];

const MAX_GAP: usize = 4;

/// [`NOUNS`] and [`STOP`] as sets, for a word's lookup.
static NOUN_WORDS: LazyLock<Edge> = LazyLock::new(|| Edge::new(NOUNS.iter().map(|n| n.0), false));
static STOP_WORDS: LazyLock<Edge> = LazyLock::new(|| Edge::new(STOP.iter().copied(), false));

/// Longer than any word of [`NOUNS`], [`SINGULAR`] and [`STOP`].
const LONGEST_WORD: usize = 24;

/// Nouns that a singular counted noun may modify and still be counted
/// (`476 million user numbers`, `customer accounts`).
const MEASURES: &[&str] = &[
    "numbers", "number", "count", "counts", "base", "accounts", "totals", "figures", "metrics",
];

pub struct CountNoun {
    /// Where the noun ends.
    pub end: usize,
    pub unit: &'static str,
    /// Written in the singular (`customer`): only `1` or `one` agrees with it.
    pub singular: bool,
}

/// Singular forms in [`NOUNS`]; `three now account for` is a verb, not three accounts.
/// Sorted, for a binary search.
const SINGULAR: &[&str] = &[
    "account",
    "advertiser",
    "business",
    "buyer",
    "client",
    "customer",
    "developer",
    "employee",
    "licence",
    "license",
    "subscriber",
    "user",
];

/// The counted noun after the number ending at `at`: at most `MAX_GAP` words between.
pub fn after(text: &str, at: usize) -> Option<CountNoun> {
    let bytes = text.as_bytes();
    let mut i = at;
    for _ in 0..=MAX_GAP {
        // one space (or a hyphen, `5,000-employee`) between words, no punctuation
        let gap_start = i;
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n') && i - gap_start < 3 {
            i += 1;
        }
        if i == gap_start || i >= bytes.len() {
            return None;
        }
        let ws = i;
        // an abbreviation in parentheses (`service (SaaS) customers`) is skipped
        if bytes[i] == b'('
            && let Some(close) = text[i..].find(')').filter(|&k| k <= 12)
        {
            i += close + 1;
            continue;
        }
        if !bytes[i].is_ascii_alphanumeric() {
            return None; // punctuation (`3 - General ...`) ends the phrase
        }
        while i < bytes.len()
            && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'-' | b'&' | b'\''))
        {
            i += 1;
        }
        if i == ws {
            return None;
        }
        // most words after a number are neither a noun nor a stop word: each
        // is looked up as in an `Edge` (scanning the tables for every word
        // after every number was 2% of a run); the tables hold letters only,
        // so a word with a digit or hyphen is in neither
        let word = &bytes[ws..i];
        if NOUN_WORDS.holds(word) {
            let mut buf = [0u8; LONGEST_WORD];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word);
            lower.make_ascii_lowercase();
            let k = NOUNS
                .binary_search_by(|(w, _)| w.as_bytes().cmp(lower))
                .expect("a listed noun");
            let unit = NOUNS[k].1;
            // `user numbers` is a compound, so its singular agrees with any number;
            // in `a dozen business workflows` the number counts workflows
            let singular_form = SINGULAR
                .binary_search_by(|w| w.as_bytes().cmp(lower))
                .is_ok();
            let singular = singular_form && !followed_by_measure(text, i);
            if singular && followed_by_noun(text, i) {
                return None;
            }
            return Some(CountNoun {
                end: i,
                unit,
                singular,
            });
        }
        // `50,000 new small and medium businesses`: a coordination of modifiers
        let coordination = (word.eq_ignore_ascii_case(b"and") || word.eq_ignore_ascii_case(b"or"))
            && text[i..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic());
        if STOP_WORDS.holds(word) && !coordination {
            return None;
        }
    }
    None
}

/// A measure noun (`numbers`, `count`) follows `at` after one space.
fn followed_by_measure(text: &str, at: usize) -> bool {
    let word: String = text[at..]
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    MEASURES.contains(&word.as_str())
}

/// A word that is no function word follows `at` after one space.
fn followed_by_noun(text: &str, at: usize) -> bool {
    let Some(rest) = text[at..].strip_prefix(' ') else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    !word.is_empty() && STOP.binary_search(&word.as_str()).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_table_is_sorted_and_unique() {
        for pair in NOUNS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} then {:?}", pair[0], pair[1]);
        }
        for (word, unit) in NOUNS {
            assert!(!word.is_empty() && !unit.is_empty());
            assert_eq!(*unit, unit.to_lowercase());
        }
    }

    #[test]
    fn word_tables_are_sorted_lower_case_and_short() {
        let nouns: Vec<&str> = NOUNS.iter().map(|n| n.0).collect();
        for table in [&nouns[..], SINGULAR, STOP] {
            for pair in table.windows(2) {
                assert!(pair[0] < pair[1], "{:?} then {:?}", pair[0], pair[1]);
            }
            for word in table {
                // lower-case letters only: an `Edge` holds runs of letters
                assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
                assert!(word.len() <= LONGEST_WORD, "{word}");
            }
        }
        for word in SINGULAR {
            assert!(nouns.contains(word), "{word} is no noun");
        }
    }

    #[test]
    fn finds_nouns_across_short_gaps() {
        let cases = [
            (" customers", Some("customers")),
            (" ACTIVE customers", Some("customers")),
            (" Microsoft 365 licenses", Some("licenses")),
            (" paying enterprise customers", Some("customers")),
            (" of its customers", None),
            (" more customers", None),
            (", customers", None),
            (" years of customers", None),
            (" very large new cloud customers", Some("customers")),
            (" of very large new cloud customers", None),
            (" now account for", None),
            (" ad-supported user numbers", Some("users")),
            (" critical business workflows", None),
            (" new small and medium businesses", Some("businesses")),
            (" new cloud software as a service (SaaS) customers", None),
            (" new SaaS (cloud) customers", Some("customers")),
        ];
        for (text, want) in cases {
            // a singular noun is only a count of one
            let got = after(text, 0).filter(|n| !n.singular).map(|n| n.unit);
            assert_eq!(got, want, "{text:?}");
        }
    }
}
