//! Counted nouns: the things whose number is a fact (`75,000 paying customers`,
//! `1 million Microsoft 365 licenses`), and the unit each is reported under.
//!
//! Up to three words may stand between the number and the noun (`ACTIVE`,
//! `Amazon`, `Microsoft 365`), but no function word, verb or punctuation: in
//! `10 of its customers` the number counts something else.

/// Noun as written (lower case) -> unit (plural, lower case).
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
const STOP: &[&str] = &[
    "a", "about", "after", "against", "among", "an", "and", "are", "as", "at", "be", "been",
    "before", "between", "but", "by", "did", "do", "does", "during", "each", "every", "for",
    "from", "had", "has", "have", "in", "into", "is", "it", "its", "less", "month", "months",
    "more", "of", "on", "or", "our", "over", "pct", "per", "percent", "than", "that", "the",
    "their", "these", "this", "those", "through", "times", "to", "under", "was", "were",
    "which", "who", "will", "with", "would", "year", "years", "days", "weeks", "hours",
];

const MAX_GAP: usize = 3;

pub struct CountNoun {
    /// Where the noun ends.
    pub end: usize,
    pub unit: &'static str,
}

/// The counted noun after the number ending at `at`: at most [`MAX_GAP`] words between.
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
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'-' | b'&' | b'\'')) {
            i += 1;
        }
        if i == ws {
            return None;
        }
        // the word in lower case equals `w` (compared without a copy per word)
        let word = &text.as_bytes()[ws..i];
        let is = |w: &str| {
            w.len() == word.len()
                && w.bytes()
                    .zip(word)
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        };
        if let Some((_, unit)) = NOUNS.iter().find(|(w, _)| is(w)) {
            return Some(CountNoun { end: i, unit });
        }
        if STOP.iter().any(|w| is(w)) {
            return None;
        }
    }
    None
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
            (" very large new cloud customers", None),
        ];
        for (text, want) in cases {
            assert_eq!(after(text, 0).map(|n| n.unit), want, "{text:?}");
        }
    }
}
