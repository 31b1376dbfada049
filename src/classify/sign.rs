//! Signs: a figure the text calls a decline or a loss is negative (`fell 8%`,
//! `down 3 pct`, `a net loss of $3 million`, `lost 7.7 mln dlrs`, `a 5%
//! decline`). A level reached by a fall (`fell to $2 billion`, `down from $70
//! million`) stays positive: `to` and `from` end the look-back.

use crate::per_thread::{PerThread, captures, group_indices};
use crate::recognize::edge::{Edge, last_letters};
use crate::recognize::{Kind, Mention};
use regex::Regex;
use std::sync::LazyLock;

/// Verbs and adverbs of a decline or loss (`fell`, `down`, `lost`).
const FALL_WORDS: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "dropped",
    "drops",
    "declined",
    "declines",
    "declining",
    "decreased",
    "decreases",
    "slipped",
    "slips",
    "slid",
    "slide",
    "slides",
    "sank",
    "sink",
    "sinks",
    "sunk",
    "tumbled",
    "tumble",
    "tumbles",
    "plunged",
    "plunge",
    "plunges",
    "plummeted",
    "plummets",
    "shrank",
    "shrinks",
    "shrunk",
    "slumped",
    "slumps",
    "dipped",
    "dips",
    "eased",
    "retreated",
    "down",
    "lower",
    "lost",
    "lose",
    "loses",
    "losing",
    "off",
];

/// Nouns of a decline after an article (`a 5% decline` is read after the
/// figure; `a decline of 5%` before it).
const DECLINE_NOUNS: &[&str] = &[
    "decline",
    "decrease",
    "drop",
    "fall",
    "reduction",
    "contraction",
    "shortfall",
];

/// A decline or loss word, then at most three words that are not `to`, `from`,
/// `of`-phrases or another figure, right before the figure.
static BEFORE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?i)(?-u:\b)(?:",
            r"(?P<fall>{})",
            r"|(?P<noun>(?:a|an|the)[ \t\n]+(?:(?-u:\w)+[ \t\n]+)?(?:{}))",
            r"|(?P<loss>(?:net|operating|pre-?tax|pretax|quarterly|annual|exchange|comprehensive)?[ \t\n]*loss(?:es)?(?:[ \t\n]+per[ \t\n]+(?:diluted[ \t\n]+)?share)?|deficit)",
            r")(?-u:\b)(?P<gap>(?:[ \t\n]+[A-Za-z][A-Za-z'’-]*){{0,3}}?)[ \t\n]*[,:|]?[ \t\n]*$"
        ),
        FALL_WORDS.join("|"),
        DECLINE_NOUNS.join("|"),
    ))
    .expect("decline pattern")
});

/// [`BEFORE`]'s groups `gap`, `loss` and `noun` by index (see [`group_indices`]).
static BEFORE_GROUPS: LazyLock<[usize; 3]> =
    LazyLock::new(|| group_indices(&BEFORE, ["gap", "loss", "noun"]));

/// The last words of [`BEFORE`]'s forms: a decline word, a decline noun, or
/// the end of a loss (`loss`, `losses`, `per share`, `deficit`).
static DECLINE_ENDS: LazyLock<Edge> = LazyLock::new(|| {
    let loss_ends = ["loss", "losses", "share", "deficit"];
    Edge::new(
        FALL_WORDS
            .iter()
            .chain(DECLINE_NOUNS)
            .chain(&loss_ends)
            .copied(),
        true,
    )
});

/// Whether [`BEFORE`] can match `window`: one of the last four words before
/// the figure (the decline's and up to three after it, then spaces and a
/// comma, colon or bar) ends with a decline or loss word. `loss` may be glued
/// to the word before it (`netloss`), as the pattern allows. Where the
/// window holds a byte above ASCII (`’`, or a letter that `(?i)` folds to
/// one), the pattern decides. Most figures follow no such word, and this
/// costs a fraction of the pattern's backward scan.
fn may_follow_a_decline(window: &str) -> bool {
    let b = window.as_bytes();
    if !b.is_ascii() {
        return true;
    }
    let spaces = |end: usize| {
        end - b[..end]
            .iter()
            .rev()
            .take_while(|c| matches!(c, b' ' | b'\t' | b'\n'))
            .count()
    };
    let mut end = spaces(b.len());
    if end > 0 && matches!(b[end - 1], b',' | b':' | b'|') {
        end = spaces(end - 1);
    }
    for _ in 0..4 {
        let letters = last_letters(&b[..end]);
        let glued_loss = |tail: &[u8]| {
            letters.len() >= tail.len()
                && letters[letters.len() - tail.len()..].eq_ignore_ascii_case(tail)
        };
        if DECLINE_ENDS.holds(letters) || glued_loss(b"loss") || glued_loss(b"losses") {
            return true;
        }
        // back over this word and the spaces before it
        let start = b[..end]
            .iter()
            .rposition(|c| matches!(c, b' ' | b'\t' | b'\n'))
            .map_or(0, |i| i + 1);
        end = spaces(start);
        if end == 0 {
            return false;
        }
    }
    false
}

/// A decline or loss word right after the figure, on its line (`a 5% decline`).
static AFTER: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)^[ \t]*(?:(?:net|operating|pre-?tax)[ \t\n]+)?(?:decline|declines|drop|drops|decrease|decreases|fall|loss|losses|lower|down|reduction|contraction|shortfall|deficit)(?-u:\b)(?:[ \t]+(?P<level>from|to|than))?")
        .expect("decline suffix pattern")
});

/// [`AFTER`]'s group `level` by index.
static AFTER_LEVEL: LazyLock<[usize; 1]> = LazyLock::new(|| group_indices(&AFTER, ["level"]));

/// Words a decline's look-back may not cross: the figure is a level or a comparison.
const BLOCKERS: &[&str] = &[
    "to", "from", "of", "at", "than", "short", "since", "for", "in", "on", "was", "were", "is",
    "are", "be", "after", "before", "and", "or", "with", "as", "against",
];

/// Words that may follow `loss` before its figure (`net loss of $3 million`,
/// `loss totalled 145 billion yen`, `narrowed its loss to`).
const LOSS_LINKS: &[&str] = &[
    "of",
    "was",
    "were",
    "totalled",
    "totaled",
    "totaling",
    "totalling",
    "amounted",
    "to",
    "came",
    "is",
    "reached",
    "widened",
    "narrowed",
    "stood",
    "at",
    "a",
    "share",
    "per",
    "or",
];

/// In a clause about a loss, every income figure is one (`net loss narrowed
/// to $25.5 million from $65.8 million`) until income or profit is named.
static LOSS_CLAUSE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?is)(?-u:\b)(?:loss|losses|deficit)(?-u:\b).*$").expect("loss clause pattern")
});
static GAIN_WORDS: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:income|profit|profits|earnings|earned|gain|gains)(?-u:\b)")
        .expect("gain pattern")
});

/// Whether the text calls `m` a decline or a loss. `clause_start` bounds the
/// look-back of a loss clause; `income` says the figure measures income.
pub fn is_negative(
    text: &str,
    m: &Mention,
    previous: Option<&(Mention, bool)>,
    clause_start: usize,
    income: bool,
) -> bool {
    if income && m.kind == Kind::Money {
        let head = &text[clause_start.min(m.start)..m.start];
        if let Some(c) = LOSS_CLAUSE.find(head)
            && !GAIN_WORDS.is_match(&head[c.start()..])
        {
            return true;
        }
    }
    is_negative_here(text, m, previous)
}

fn is_negative_here(text: &str, m: &Mention, previous: Option<&(Mention, bool)>) -> bool {
    if m.kind == Kind::Count {
        return false;
    }
    if m.minus {
        return true;
    }
    let from = text.floor_char_boundary(m.start.saturating_sub(60));
    if may_follow_a_decline(&text[from..m.start])
        && let Some(c) = captures(&BEFORE, &text[from..m.start])
    {
        let [gap, loss, noun] = *BEFORE_GROUPS;
        let gap: Vec<String> = c
            .get(gap)
            .map_or("", |g| g.as_str())
            .split_whitespace()
            .map(|w| w.to_ascii_lowercase())
            .collect();
        let ok = if c.get(loss).is_some() || c.get(noun).is_some() {
            gap.iter().all(|w| LOSS_LINKS.contains(&w.as_str()))
        } else {
            // a decline verb takes its figure directly, or after one adverb
            // (`declined by 8%`, `fell sharply 8%`); `lost a laptop containing
            // 10000 bitcoins` lost a thing, not an amount
            gap.len() <= 1
                && gap.iter().all(|w| {
                    !BLOCKERS.contains(&w.as_str()) && !matches!(w.as_str(), "a" | "an" | "the")
                })
        };
        if ok {
            return true;
        }
    }
    let to = text.floor_char_boundary((m.context_end + 30).min(text.len()));
    // `$13 million, down from $14 million`: `down from` introduces the level before
    if captures(&AFTER, &text[m.context_end..to]).is_some_and(|c| c.get(AFTER_LEVEL[0]).is_none()) {
        return true;
    }
    // `lost 7.7 mln dlrs, or 56 cts a share`: the per-share figure shares the sign
    if let Some((prev, true)) = previous {
        let between = &text[prev.end.min(m.start)..m.start];
        return between.trim() == ", or" || between.trim() == "or";
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::recognize;

    fn signs(text: &str) -> Vec<bool> {
        let mut out: Vec<(Mention, bool)> = Vec::new();
        for m in recognize(text, &[]) {
            let neg = is_negative(text, &m, out.last(), 0, false);
            out.push((m, neg));
        }
        out.into_iter().map(|p| p.1).collect()
    }

    #[test]
    fn no_decline_word_near_the_end_means_no_match() {
        let pieces = [
            "fell", "down", "off", "loss", "losses", "netloss", "gloss", "per", "share", "a",
            "the", "decline", "deficit", "sharply", "revenue", "to", "of", "x", "(", "-", ",", ":",
            "|", ".", "5%", " ", " ", "\n", "\t", "’", "ſ", "Lost", "DECLINE",
        ];
        let mut rng = crate::test_rng::Lcg::new(0x6c62_272e_07bb_0142);
        let mut matched = 0;
        for _ in 0..30_000 {
            let window = rng.text(&pieces, 12);
            if BEFORE.is_match(&window) {
                matched += 1;
                assert!(may_follow_a_decline(&window), "{window:?}");
            }
        }
        assert!(matched > 1_000, "{matched} windows matched");
        for word in FALL_WORDS.iter().chain(DECLINE_NOUNS) {
            assert!(may_follow_a_decline(&format!("{word} ")), "{word}");
        }
        assert!(!may_follow_a_decline("revenue rose to "));
    }

    #[test]
    fn declines_and_losses_are_negative() {
        let cases: &[(&str, &[bool])] = &[
            ("Sales fell 8% in the quarter.", &[true]),
            ("Profit was down 3 pct.", &[true]),
            ("It posted a net loss of $3 million.", &[true]),
            ("It lost 7.7 mln dlrs, or 56 cts a share.", &[true, true]),
            ("Margins saw a 5% decline.", &[true]),
            ("Revenue fell to $2 billion.", &[false]),
            ("Revenue was down from $70 million.", &[false]),
            (
                "Net profit fell 42.5 pct from a year earlier to 34.18 billion yen.",
                &[true, false],
            ),
            ("Weak prices cut total sales 245 billion yen.", &[false]),
            ("The exchange loss totalled 145 billion yen.", &[true]),
            ("Sales rose 5% to $3 billion.", &[false, false]),
            ("Sales fell short of an expected 430 billion yen.", &[false]),
            ("Shares had fallen about 28% this year.", &[true]),
            ("Revenue declined by 8.0% in the year.", &[true]),
            ("That was a decrease of 23.9%.", &[true]),
            ("New car sales plunge 10 percent.", &[true]),
            (
                "Lease payments were $13 million down from $14 million.",
                &[false, false],
            ),
            ("Net loss per share | $0.30", &[true]),
            ("He has lost a laptop containing 10000 bitcoins.", &[false]),
        ];
        for (text, want) in cases {
            assert_eq!(signs(text), *want, "{text}");
        }
    }

    #[test]
    fn loss_clauses_sign_each_income_figure() {
        let text = "Its net loss narrowed to $25.5 million from $65.8 million a year earlier.";
        let ms = recognize(text, &[]);
        assert!(ms.iter().all(|m| is_negative(text, m, None, 0, true)));
        let text = "Its net loss was $2 million, while net income in the unit was $5 million.";
        let ms = recognize(text, &[]);
        let got: Vec<bool> = ms
            .iter()
            .map(|m| is_negative(text, m, None, 0, true))
            .collect();
        assert_eq!(got, [true, false]);
    }
}
