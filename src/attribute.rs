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
//! 6. the company of the sentences before (`it`, `the company`, `the
//!    division`), when it was named recently; else the document's own
//!    company (the issuer of a press release, or the company the text is
//!    mostly about).
//!
//! Banks, analysts and research firms (`Deutsche Bank estimates that ...`)
//! are never providers: the nearest one in the sentence becomes the `source`.

use crate::lexicon::{Entity, Role};
use crate::recognize::Mention;
use regex::Regex;
use std::sync::{Arc, LazyLock};

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

static RIGHT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:['’]s?)?(?:[ \t\n]+(?:at|with|reported|posted|had|has|of))?[ \t\n]*(?:\(\w+\)[ \t\n]*)?$")
        .expect("possessive pattern")
});

static FROM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[ \t\n]+[A-Za-z-]+){0,3}[ \t\n]+(?:from|for)[ \t\n]+(?:the[ \t\n]+)?$")
        .expect("from pattern")
});

/// Attributes `m`, which lies in `sentence` and `clause` (byte spans).
pub fn attribute(scene: &Scene, m: &Mention, sentence: (usize, usize), clause: (usize, usize)) -> Attribution {
    let in_span = |span: (usize, usize)| {
        let lo = scene.entities.partition_point(|e| e.start < span.0);
        let hi = scene.entities.partition_point(|e| e.start < span.1);
        // an inverted span (a figure's context past its clause) holds none
        &scene.entities[lo..hi.max(lo)]
    };
    let sentence_entities = in_span(sentence);
    let source = sentence_entities
        .iter()
        .filter(|e| e.role == Role::Source && e.start < m.start)
        .next_back()
        .or_else(|| sentence_entities.iter().find(|e| e.role == Role::Source))
        .map(|e| e.canonical.clone());
    let providers = |span: (usize, usize)| in_span(span).iter().filter(|e| e.role == Role::Provider);
    let found = |e: &Entity| Attribution {
        provider: Some(e.canonical.clone()),
        mention: Some((e.start, e.end)),
        source: source.clone(),
    };
    let text = scene.text;
    // 1. inside a count
    if let Some(e) = providers((m.figure_start, m.context_end)).find(|e| e.start >= m.end) {
        return found(e);
    }
    // 2. right before the figure
    if let Some(e) = providers(clause).filter(|e| e.end <= m.start).next_back() {
        if RIGHT_BEFORE.is_match(&text[e.end..m.start]) {
            return found(e);
        }
    }
    // 3. `from X` right after
    if let Some(e) = providers((m.context_end, clause.1)).next() {
        if FROM_AFTER.is_match(&text[m.context_end..e.start]) {
            return found(e);
        }
    }
    // 4. the subject: first company of the clause, then of the sentence
    if let Some(e) = providers((clause.0, m.start)).next().or_else(|| providers((sentence.0, m.start)).next()) {
        return found(e);
    }
    // 5. a company after the figure in the same sentence
    if let Some(e) = providers((m.end, sentence.1)).next() {
        return found(e);
    }
    // 6. carried from the sentences before, or the document's company
    let before = &scene.entities[..scene.entities.partition_point(|e| e.start < sentence.0)];
    if let Some(e) = before.iter().rev().find(|e| e.role == Role::Provider) {
        if sentence.0 - e.end <= CARRY || scene.topic.is_none() {
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
pub fn topic(text: &str, entities: &[Entity], issuers: &[Arc<str>]) -> Option<Arc<str>> {
    if let Some(first) = issuers.first() {
        return Some(first.clone());
    }
    let head = text.floor_char_boundary(1500.min(text.len()));
    if let Some(e) = entities.iter().take_while(|e| e.start < head).find(|e| {
        e.role == Role::Provider && ANNOUNCES.is_match(&text[e.end..text.floor_char_boundary((e.end + 160).min(text.len()))])
    }) {
        return Some(e.canonical.clone());
    }
    let mut counts: Vec<(Arc<str>, usize, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.role == Role::Provider) {
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
}

static ANNOUNCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^.]{0,140}?(?:today\s+(?:announced|reported)|announced\s+(?:today|its|financial|results)|reports\s+|reported\s+(?:financial|results|its)|\((?:NYSE|NASDAQ|Nasdaq|OTCQB|OTCQX|TSX|XETRA))")
        .expect("announces pattern")
});
