//! Attribution: which company a figure is about, and who states it.
//!
//! Input: the text, a [`Mention`], the company names found in the text (in
//! order) and the document's own company. Output: an [`Attribution`].
//! Non-goal: deep parsing; these are ordered heuristics on how English
//! sentences about companies are built, and the first that applies wins:
//!
//! 1. a company named inside a count (`1 million Amazon employees`);
//! 2. a company right before the figure, possessive or elliptical
//!    (`Amazon's 81 percent growth`, `followed by Microsoft at 22 percent`);
//! 3. `from`/`for` a company right after it (`$1.8 billion in revenue from AWS`);
//! 4. the first company of the figure's clause, then of its sentence, before
//!    the figure (the subject: `AWS has more than 1 million customers`);
//! 5. the first company after the figure in its sentence
//!    (`with over one million customers, AWS continues to grow`);
//! 6. the document's own company (the issuer of a press release, or the
//!    company the text is mostly about): a sentence that names no company
//!    (`the company`, `it`, `net income rose`) is about it; a document with
//!    no such company carries the company named in the sentences just before.
//!
//! An exchange rate (`140 yen to the dollar`) belongs to no company.
//!
//! Banks, analysts and research firms (`Deutsche Bank estimates that ...`)
//! are never providers: the nearest one in the sentence becomes the `source`.

use crate::lexicon::{Entity, Role};
use crate::per_thread::PerThread;
use crate::recognize::Mention;
use regex::Regex;
use std::cell::OnceCell;
use std::sync::Arc;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    pub provider: Option<Arc<str>>,
    /// Where the name the provider was read from stands.
    pub mention: Option<(usize, usize)>,
    pub source: Option<Arc<str>>,
}

/// What attribution knows about a document.
pub struct Scene<'a> {
    pub text: &'a str,
    /// Company names in text order, not overlapping.
    pub entities: &'a [Entity],
    /// The company the document is by or about, when there is one.
    pub topic: Option<Arc<str>>,
}

/// How far back (bytes) a company named in earlier sentences still carries.
const CARRY: usize = 600;

static RIGHT_BEFORE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^(?:['’]s?)?(?:[ \t\n]+(?:at|with|reported|posted|had|has|of))?[ \t\n]*(?:\((?-u:\w)+\)[ \t\n]*)?$")
        .expect("possessive pattern")
});

/// After a figure: it is an exchange rate (`140 yen to the dollar`) or a
/// levy (`100 pct import duty`), which no company reports.
static NO_COMPANY_AFTER: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^[ \t\n]+(?:(?:to|per|against)[ \t\n]+(?:the[ \t\n]+|one[ \t\n]+|each[ \t\n]+)?(?:U\.S\.[ \t\n]+|US[ \t\n]+)?(?:dollar|euro|yen|pound|mark|franc|yuan|(?:US)?\$[ \t]?1(?:\.00?)?(?:[^0-9.,]|[.,](?:[^0-9]|$)|$))|(?:[a-z]+[ \t\n]+)?(?:duty|duties|tariffs?|levy|levies|tax|taxes)(?-u:\b))")
        .expect("exchange rate pattern")
});

/// Whether `m` is an exchange rate or a levy: no company's, and metric `other`.
pub fn is_market_rate(text: &str, m: &Mention) -> bool {
    let to = text.floor_char_boundary((m.context_end + 40).min(text.len()));
    NO_COMPANY_AFTER.is_match(&text[m.context_end..to])
}

/// A sentence that opens with a pronoun continues the company named before it.
static PRONOUN: PerThread<Regex> = PerThread::new(|| {
    // a fronted phrase may name a place in Latin letters (`In São Paulo, it`)
    Regex::new(&format!(
        r"^(?:[A-Z][0-9A-Za-z_ ,{}]{{0,20}},[ \t\n]+)?(?:It|it|They|they|Its|Their)[ \t\n]",
        crate::LATIN_LETTERS
    ))
    .expect("pronoun pattern")
});

/// Words that introduce examples: companies named after them are instances.
static EXAMPLES: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:including|such as|like|among them)(?-u:\b)|e\.g\.)")
        .expect("examples pattern")
});

/// Whether text ending just before a company name leaves it inside a list
/// of examples opened by `including`, `such as`...: the list ends at a dash,
/// a parenthesis, or a comma before a lower-case word other than `and`/`or`
/// (`..., including Comcast, and Shell, rely on Databricks`). A list that
/// opens `before` (`Like Microsoft, Google reported ...`) is a fronted
/// phrase, which ends at its first comma.
fn in_examples(before: &str) -> bool {
    let Some(open) = EXAMPLES.find_iter(before).last() else {
        return false;
    };
    let tail = &before[open.end()..];
    if tail.contains(['—', '–', '(', ')']) {
        return false;
    }
    if before[..open.start()].trim().is_empty() {
        return !tail.contains(',');
    }
    !tail.split(',').skip(1).any(|part| {
        let word = part.split_whitespace().next().unwrap_or("");
        word.starts_with(|c: char| c.is_lowercase()) && !matches!(word, "and" | "or")
    })
}

/// First-person words of a speaker or a release (`we`, `our`).
static FIRST_PERSON: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:we|our|us|we're|we've|we'll)(?-u:\b)")
        .expect("first person pattern")
});

/// A market index named right after the figure (`a 2.46 percent gain in the S&P 500`).
static INDEX_AFTER: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"^(?:[ \t\n]+(?-u:\w)+){{0,2}}[ \t\n]+(?:in|for|of|on)[ \t\n]+(?:the[ \t\n]+)?(?:{INDEX_AFTER_NAMES})"
    ))
    .expect("index after pattern")
});

/// The names of market indexes that [`INDEX_AFTER`] looks for.
const INDEX_AFTER_NAMES: &str = "S&P|Dow|Nasdaq|NASDAQ|STOXX|Stoxx|Euro Stoxx|FTSE|DAX|Nikkei|Hang Seng|TSX|CAC|Russell|benchmark|broader market|index";

/// How far after a figure's context [`INDEX_AFTER`] looks (bytes).
const INDEX_AFTER_REACH: usize = 50;

/// The names of market indexes that [`INDEX`] looks for.
const INDEX_NAMES: &str = "S&P 500|Dow Jones|the Dow|Nasdaq Composite|Nasdaq 100|Russell 2000|FTSE 100|STOXX|Stoxx|Hang Seng|Nikkei|DAX|CAC 40|index|Index|indexes|Indexes|benchmark|Benchmark";

/// A market index before the figure in its clause: the figure is the index's.
static INDEX: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"(?:{INDEX_NAMES})(?:[ \t\n]+(?-u:\w)+){{0,4}}[ \t\n]+$"
    ))
    .expect("index pattern")
});

/// Any name of [`INDEX_NAMES`] or [`INDEX_AFTER_NAMES`], anywhere (both
/// are lists of plain names). Only the names that hold no other are looked
/// for: a text holds a name when it holds one of those, and a literal
/// search checks fewer false starts (`the` of `the Dow`, `Eur` of `Euro
/// Stoxx`) without them.
static INDEX_NAME: PerThread<Regex> = PerThread::new(|| {
    let names: Vec<&str> = INDEX_NAMES
        .split('|')
        .chain(INDEX_AFTER_NAMES.split('|'))
        .collect();
    let shortest = names
        .iter()
        .filter(|n| !names.iter().any(|m| m.len() < n.len() && n.contains(m)))
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>();
    Regex::new(&shortest.join("|")).expect("index names pattern")
});

/// What attribution asks of a sentence as a whole, once, on first need:
/// whether it could open with a pronoun (`It said ...`) and whether it, or
/// the few bytes after it that `INDEX_AFTER` reads, names a market index.
/// Most sentences do neither, and then the searches around each of their
/// figures (`PRONOUN`, `INDEX`, `INDEX_AFTER`) need not run: none matches
/// in a part of the text that does neither.
#[derive(Default)]
pub struct SentenceHints {
    opens_with_pronoun: OnceCell<bool>,
    names_an_index: OnceCell<bool>,
}

impl SentenceHints {
    /// Whether a pronoun opens `sentence` before `to` ([`PRONOUN`] on
    /// `sentence.0..to`): a match there is one of the whole sentence, as the
    /// pattern looks at nothing after its last byte.
    fn pronoun_opens(&self, text: &str, sentence: (usize, usize), to: usize) -> bool {
        *self
            .opens_with_pronoun
            .get_or_init(|| PRONOUN.is_match(&text[sentence.0..sentence.1]))
            && PRONOUN.is_match(&text[sentence.0..to])
    }

    /// Whether `sentence`, or the bytes after it that [`INDEX_AFTER`]
    /// reads from a figure in it, name an index.
    fn names_an_index(&self, text: &str, sentence: (usize, usize)) -> bool {
        *self.names_an_index.get_or_init(|| {
            let end = text.floor_char_boundary((sentence.1 + INDEX_AFTER_REACH).min(text.len()));
            INDEX_NAME.is_match(&text[sentence.0..end])
        })
    }

    /// Whether [`INDEX`] matches `text[from..to]`, a part of `sentence`.
    fn index_before(&self, text: &str, sentence: (usize, usize), from: usize, to: usize) -> bool {
        self.names_an_index(text, sentence) && INDEX.is_match(&text[from..to])
    }

    /// Whether [`INDEX_AFTER`] matches after `at`, a figure's context end
    /// in `sentence` (past its end, the hint does not reach: asked as is).
    fn index_after(&self, text: &str, sentence: (usize, usize), at: usize) -> bool {
        let end = text.floor_char_boundary((at + INDEX_AFTER_REACH).min(text.len()));
        (at > sentence.1 || self.names_an_index(text, sentence))
            && INDEX_AFTER.is_match(&text[at..end])
    }
}

static FROM_AFTER: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^(?:[ \t\n]+[A-Za-z-]+){0,3}[ \t\n]+(?:from|for)[ \t\n]+(?:the[ \t\n]+)?$")
        .expect("from pattern")
});

/// Attributes `m`, which lies in `sentence` and `clause` (byte spans);
/// `market_rate` is [`is_market_rate`] of it, which the caller needs as well;
/// `hints` are those of `sentence`, kept for all of its figures.
pub fn attribute(
    scene: &Scene,
    m: &Mention,
    sentence: (usize, usize),
    clause: (usize, usize),
    market_rate: bool,
    hints: &SentenceHints,
) -> Attribution {
    let in_span = |span: (usize, usize)| {
        let lo = scene.entities.partition_point(|e| e.start < span.0);
        let hi = scene.entities.partition_point(|e| e.start < span.1);
        &scene.entities[lo..hi.max(lo)]
    };
    let sentence_entities = in_span(sentence);
    let source = sentence_entities
        .iter()
        .rfind(|e| e.role == Role::Source && e.start < m.start)
        .or_else(|| sentence_entities.iter().find(|e| e.role == Role::Source))
        .map(|e| e.canonical.clone());
    let providers =
        |span: (usize, usize)| in_span(span).iter().filter(|e| e.role == Role::Provider);
    let found = |e: &Entity| Attribution {
        provider: Some(e.canonical.clone()),
        mention: Some((e.start, e.end)),
        source: source.clone(),
    };
    let text = scene.text;
    // 0. an exchange rate or a levy belongs to no company
    if market_rate {
        return Attribution {
            provider: None,
            mention: None,
            source,
        };
    }
    // 0. so does a market index (`the S&P 500 index had gained 1%`)
    if hints.index_after(text, sentence, m.context_end)
        || hints.index_before(
            text,
            sentence,
            text.floor_char_boundary(clause.0.max(m.start.saturating_sub(60))),
            m.start,
        )
    {
        return Attribution {
            provider: None,
            mention: None,
            source,
        };
    }
    // 1. inside a count
    if let Some(e) = providers((m.figure_start, m.context_end)).find(|e| e.start >= m.end) {
        return found(e);
    }
    // 2. right before the figure
    if let Some(e) = providers(clause).rfind(|e| e.end <= m.start)
        && RIGHT_BEFORE.is_match(&text[e.end..m.start])
    {
        return found(e);
    }
    // 3. `from X` right after
    if let Some(e) = providers((m.context_end, clause.1)).next()
        && FROM_AFTER.is_match(&text[m.context_end..e.start])
    {
        return found(e);
    }
    // a speaker's `we` and `our` are the document's company (call transcripts):
    // `our newly launched Azure offering` names a partner, not the subject
    if let Some(topic) = &scene.topic
        && FIRST_PERSON.is_match(&text[clause.0..m.start])
    {
        return Attribution {
            provider: Some(topic.clone()),
            mention: None,
            source,
        };
    }
    // 4. the subject: first company of the clause, then of the sentence
    // (companies given as examples are none)
    let subject = |e: &&Entity| !in_examples(&text[sentence.0..e.start]);
    if let Some(e) = providers((clause.0, m.start))
        .find(subject)
        .or_else(|| providers((sentence.0, m.start)).find(subject))
    {
        return found(e);
    }
    // 5. a company after the figure in the same sentence, but not one given
    // as an example (`20,000 organizations, including Comcast, rely on X`)
    if let Some(e) = providers((m.end, sentence.1)).find(|e| !in_examples(&text[m.end..e.start])) {
        return found(e);
    }
    // 6. the document's company, else the company of the sentences before;
    // `it` and `they` at the start of a sentence always take the latter
    if scene.topic.is_none() || hints.pronoun_opens(text, sentence, m.start) {
        let before = &scene.entities[..scene.entities.partition_point(|e| e.start < sentence.0)];
        if let Some(e) = before.iter().rev().find(|e| e.role == Role::Provider)
            && sentence.0 - e.end <= CARRY
        {
            return found(e);
        }
    }
    Attribution {
        provider: scene.topic.clone(),
        mention: None,
        source,
    }
}

/// The company a document is by or about: the issuer of a release (the first
/// company named next to `today announced`/`reported` or a ticker), else the
/// provider named most often, if it is named at least twice.
pub fn topic(text: &str, entities: &[Entity], issuers: &[(Arc<str>, usize)]) -> Option<Arc<str>> {
    // the dateline or headline names the issuer with a suffix or ticker
    if let Some(first) = issuers.first().filter(|i| i.1 < DATELINE) {
        return Some(first.0.clone());
    }
    let head = text.floor_char_boundary(1500.min(text.len()));
    if let Some(e) = entities.iter().take_while(|e| e.start < head).find(|e| {
        e.role == Role::Provider
            && announces(&text[e.end..text.floor_char_boundary((e.end + 160).min(text.len()))])
    }) {
        return Some(e.canonical.clone());
    }
    let mut counts: Vec<(Arc<str>, usize, usize)> = Vec::new();
    for (i, e) in entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.role == Role::Provider)
    {
        match counts.iter_mut().find(|c| c.0 == e.canonical) {
            Some(c) => c.1 += 1,
            None => counts.push((e.canonical.clone(), 1, i)),
        }
    }
    counts
        .into_iter()
        .filter(|c| c.1 >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|c| c.0)
        .or_else(|| issuers.first().map(|i| i.0.clone()))
}

/// How far into a document its dateline and headline reach.
const DATELINE: usize = 400;

/// What follows an issuer's name in a release's first sentence.
static ANNOUNCES: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"today\s+(?:announced|reported)|announced\s+(?:today|its|financial|results)|reports\s+|reported\s+(?:financial|results|its)|\((?:NYSE|NASDAQ|Nasdaq|OTCQB|OTCQX|TSX|XETRA)")
        .expect("announces pattern")
});

/// Whether [`ANNOUNCES`] matches in `after` (the text after a name) within
/// 140 characters and before any period. The limit is applied to where the
/// leftmost match starts, not written into the pattern: a pattern that counts
/// up to 140 characters of any kind before its words grows an automaton with
/// a state per count, which every thread builds anew: 2% of the instructions
/// of a run over a thousand documents.
fn announces(after: &str) -> bool {
    let limit = after
        .char_indices()
        .nth(140)
        .map_or(after.len(), |(i, _)| i);
    let limit = after[..limit].find('.').unwrap_or(limit);
    ANNOUNCES.find(after).is_some_and(|m| m.start() <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern [`announces`] stands for, with its limit written in.
    fn announces_by_pattern(after: &str) -> bool {
        static LIMITED: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
            Regex::new(&format!(r"^[^.]{{0,140}}?(?:{})", ANNOUNCES.as_str())).unwrap()
        });
        LIMITED.is_match(after)
    }

    /// The hints answer as [`PRONOUN`], [`INDEX`] and [`INDEX_AFTER`] do on
    /// each part of a sentence, in generated sentences set between text
    /// that names indexes and opens with pronouns itself.
    #[test]
    fn sentence_hints_answer_as_the_patterns_do() {
        let pieces = [
            " ",
            "\n",
            ", ",
            "It",
            "it",
            "They",
            "Its",
            "Their",
            "In Paris",
            "São Paulo",
            "the Dow",
            "S&P 500",
            "Index",
            "index",
            "benchmark",
            "Nasdaq",
            "in",
            "the",
            "Euro Stoxx",
            "broader market",
            "100",
            "rose",
            "revenue",
            "5%",
            "$2",
            "é",
            "x",
        ];
        // the index named after the sentence's end, within INDEX_AFTER's
        // reach from a figure in it
        let mut cases: Vec<(String, String, String)> = [
            ("", "Shares rose 2%", " in the S&P 500 on Friday."),
            (
                "Stocks fell. ",
                "It lost 1.5 percent",
                " on the broader market",
            ),
            ("", "Gains of 3%", " for the index"),
            ("", "It rose 4% ", "in Euro Stoxx"),
        ]
        .iter()
        .map(|&(b, s, a)| (b.to_string(), s.to_string(), a.to_string()))
        .collect();
        // every name, before a figure in the sentence and after its end;
        // the names are plain text, which INDEX_NAME's list relies on
        for name in INDEX_NAMES.split('|').chain(INDEX_AFTER_NAMES.split('|')) {
            assert!(
                !name.contains(|c| r"\.+*?()|[]{}^$".contains(c)),
                "a name with pattern syntax: {name}"
            );
        }
        for name in INDEX_NAMES.split('|') {
            cases.push((String::new(), format!("The {name} rose 2% "), String::new()));
        }
        for name in INDEX_AFTER_NAMES.split('|') {
            cases.push((
                String::new(),
                "Shares rose 2%".into(),
                format!(" in the {name}"),
            ));
        }
        let mut rng = crate::test_rng::Lcg::new(0x9e37_79b9_7f4a_7c15);
        cases.extend((0..400).map(|_| {
            (
                rng.text(&pieces, 6),
                rng.text(&pieces, 16),
                rng.text(&pieces, 6),
            )
        }));
        for (before, sentence, after) in cases {
            let text = format!("{before}{sentence}{after}");
            let span = (before.len(), before.len() + sentence.len());
            let hints = SentenceHints::default();
            for to in (span.0..=span.1).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    hints.pronoun_opens(&text, span, to),
                    PRONOUN.is_match(&text[span.0..to]),
                    "{:?} to {to}",
                    &text[span.0..span.1]
                );
                let end = text.floor_char_boundary((to + INDEX_AFTER_REACH).min(text.len()));
                assert_eq!(
                    hints.index_after(&text, span, to),
                    INDEX_AFTER.is_match(&text[to..end]),
                    "{:?} after {to}",
                    &text[span.0..span.1]
                );
                for from in [
                    span.0,
                    text.floor_char_boundary(to.saturating_sub(20).max(span.0)),
                    to,
                ] {
                    assert_eq!(
                        hints.index_before(&text, span, from, to),
                        INDEX.is_match(&text[from..to]),
                        "{:?} from {from} to {to}",
                        &text[span.0..span.1]
                    );
                }
            }
        }
    }

    #[test]
    fn announcing_words_count_within_140_characters_before_a_period() {
        let long = "x".repeat(139);
        let cases = [
            (" today announced results", true),
            (" (NASDAQ: ACME) said", true),
            (". It today announced", false),
            (" said. today announced", false),
            (" reported financial results. More", true),
            // the words may start at the 140th character, and run past it
            (&*format!("{long} today announced"), true),
            (&*format!("{long}x today announced"), false),
            (&*format!("{long}é today announced"), false),
        ];
        for (after, want) in cases {
            assert_eq!(announces(after), want, "{after:?}");
            assert_eq!(announces_by_pattern(after), want, "{after:?}");
        }
    }

    #[test]
    fn announcing_words_as_the_pattern_finds_them_in_generated_text() {
        let pieces = [
            " ",
            "\n",
            "today",
            "announced",
            "reported",
            "reports",
            "its",
            "results",
            "(NYSE",
            "(Nasdaq",
            ".",
            "x",
            "é",
            "said",
            "revenue",
            "financial",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ];
        let mut rng = crate::test_rng::Lcg::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..5_000 {
            let after = rng.text(&pieces, 24);
            assert_eq!(announces(&after), announces_by_pattern(&after), "{after:?}");
        }
    }
}
