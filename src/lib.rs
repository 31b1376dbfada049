//! # extract: earnings facts from text
//!
//! `extract` reads earnings press releases and business news and writes one
//! record per money amount, percentage and customer count, with its
//! qualifier, the company it belongs to, what it measures, its period and its
//! exact place in the source.
//!
//! The pipeline, one module per stage, each a pure function of the text:
//!
//! 1. [`input`]: bytes -> [`input::Document`] (decoding; HTML -> visible text);
//! 2. [`lexicon`]: where companies are named (tables plus names the text defines);
//! 3. [`recognize`]: numbers -> money, percent and count [`recognize::Mention`]s;
//! 4. [`segment`]: the sentence and clause around each figure;
//! 5. [`attribute`]: the company a figure is about, and who states it;
//! 6. [`classify`]: metric, period and sign;
//! 7. [`record`]: the [`Fact`] written as JSON lines.
//!
//! [`run`] drives it over many inputs in parallel and writes records in input
//! order.
//!
//! ```
//! let facts = extract::extract_text("note.txt", "AWS has more than 1 million customers.");
//! assert_eq!(facts.len(), 1);
//! assert_eq!(facts[0].text, "more than 1 million");
//! assert_eq!(facts[0].provider.as_deref(), Some("Amazon"));
//! assert_eq!(facts[0].metric.as_str(), "customers");
//! ```

pub mod attribute;
pub mod classify;
pub mod decimal;
pub mod input;
pub mod lexicon;
pub mod number;
pub mod recognize;
pub mod record;
pub mod run;
pub mod segment;
pub mod summary;

use attribute::Scene;
use classify::Metric;
use lexicon::{Entity, Lexicon};
pub use record::Fact;
use std::sync::Arc;

/// How far into a document its issuer is named (a release's first lines).
const ISSUER_HEAD: usize = 1500;

/// Extracts facts with a given lexicon; [`extract_text`] uses the built-in one.
#[derive(Clone, Debug)]
pub struct Extractor {
    lexicon: Lexicon,
    sentences: bool,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new(Lexicon::builtin())
    }
}

impl Extractor {
    pub fn new(lexicon: Lexicon) -> Extractor {
        Extractor {
            lexicon,
            sentences: false,
        }
    }

    /// Whether facts carry their sentence.
    pub fn sentences(&self) -> bool {
        self.sentences
    }

    /// Also fill each fact's `sentence`.
    pub fn with_sentences(mut self, on: bool) -> Extractor {
        self.sentences = on;
        self
    }

    /// The facts of one document's text, in text order.
    pub fn extract(&self, doc: &str, text: &str) -> Vec<Fact> {
        let companies = lexicon::companies::find(text, &self.lexicon);
        let issuers: Vec<Arc<str>> = companies
            .order
            .iter()
            .filter(|o| o.1 < ISSUER_HEAD)
            .map(|o| o.0.clone())
            .collect();
        let entities = self.entities(text, companies.entities);
        let names: Vec<(usize, usize)> = entities.iter().map(|e| (e.start, e.end)).collect();
        let mentions = recognize::recognize(text, &names);
        if mentions.is_empty() {
            return Vec::new();
        }
        let scene = Scene {
            text,
            entities: &entities,
            topic: attribute::topic(text, &entities, &issuers),
        };
        let mut facts = Vec::with_capacity(mentions.len());
        let mut sentence = (0, 0);
        let mut clauses = segment::Clauses::default();
        let mut periods = classify::period::Periods::default();
        let mut previous: Option<(recognize::Mention, bool)> = None;
        for m in mentions {
            if !(sentence.0 <= m.start && m.start < sentence.1) {
                sentence = segment::sentence_at(text, m.start);
                clauses = segment::Clauses::new(text, sentence);
                periods = classify::period::Periods::new(text, sentence);
            }
            let clause = clauses.at(m.start);
            let who = attribute::attribute(&scene, &m, sentence, clause);
            let mut metric = classify::metric(text, &m, clause, sentence);
            // ellipsis: `a 32 percent share, followed by Microsoft at 22 percent`
            if let Some(prev) = facts.last().filter(|p: &&Fact| p.start >= sentence.0 && p.kind == m.kind) {
                if metric == Metric::Other && m.kind != recognize::Kind::Count {
                    metric = prev.metric;
                }
            }
            let period = periods.nearest((m.start, m.end));
            let negative = classify::sign::is_negative(text, &m, previous.as_ref());
            let flip = |v: decimal::Decimal| if negative && !v.is_negative() { v.negate() } else { v };
            facts.push(Fact {
                doc: doc.to_string(),
                start: m.start,
                end: m.end,
                text: text[m.start..m.end].to_string(),
                kind: m.kind,
                value: flip(m.value),
                max: m.max.map(flip),
                currency: m.currency.map(String::from),
                unit: m.unit.map(String::from),
                qualifier: m.qualifier,
                provider: who.provider.map(|p| p.to_string()),
                metric,
                period,
                mention: who.mention.map(|(s, e)| text[s..e].to_string()),
                source: who.source.map(|s| s.to_string()),
                rule: m.rule.to_string(),
                sentence: self.sentences.then(|| text[sentence.0..sentence.1].trim_end().to_string()),
            });
            previous = Some((m, negative));
        }
        facts
    }

    /// Listed names and the names the text gives to other companies, in
    /// order, the longest kept where two overlap.
    fn entities(&self, text: &str, named: Vec<Entity>) -> Vec<Entity> {
        let mut all = self.lexicon.find(text);
        all.extend(named);
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<Entity> = Vec::with_capacity(all.len());
        for e in all {
            if kept.last().is_none_or(|k| e.start >= k.end) {
                kept.push(e);
            }
        }
        kept
    }
}

/// The facts of one document, with the built-in lexicon.
pub fn extract_text(doc: &str, text: &str) -> Vec<Fact> {
    static DEFAULT: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::default);
    DEFAULT.extract(doc, text)
}
