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
//! order; [`regions`] lets a pattern that would scan a whole document run only
//! on the lines around the literals its matches need; [`lockstep`] searches
//! the number pattern over a document's two halves at once; [`per_thread`]
//! gives each thread its own search caches for the compiled patterns.
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
pub mod guard;
pub mod input;
pub mod lexicon;
pub mod lockstep;
pub mod number;
pub mod per_thread;
pub mod progress;
pub mod recognize;
pub mod record;
pub mod regions;
pub mod run;
pub mod segment;
mod short;
pub mod summary;
pub mod tables;
#[cfg(test)]
mod test_rng;

use attribute::Scene;
use classify::Metric;
use lexicon::{Entity, Lexicon};
pub use record::Fact;
use std::sync::Arc;

/// How far into a document its issuer is named (a release's first lines).
const ISSUER_HEAD: usize = 1500;

/// The accented Latin letters (U+00C0-U+024F less `×` and `÷`), for the
/// bracket class of a pattern that must read accented words: a small class,
/// where Unicode `\w` is hundreds of ranges (see tests/patterns.rs).
pub(crate) const LATIN_LETTERS: &str = r"\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}";

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
    /// An extractor with `lexicon`, e.g. the built-in companies plus a
    /// user's own (the format of `extract --providers FILE`):
    ///
    /// ```
    /// use extract::{Extractor, lexicon::Lexicon};
    /// let lexicon = Lexicon::with_extra("Contoso\tprovider\tContoso|Contoso Cloud").unwrap();
    /// let extractor = Extractor::new(lexicon).with_sentences(true);
    /// let facts = extractor.extract("memo", "Contoso Cloud revenue rose 12%.");
    /// assert_eq!(facts[0].provider.as_deref(), Some("Contoso"));
    /// assert_eq!(facts[0].sentence.as_deref(), Some("Contoso Cloud revenue rose 12%."));
    /// ```
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
        let issuers: Vec<(Arc<str>, usize)> = companies
            .issuers
            .iter()
            .filter(|o| o.1 < ISSUER_HEAD)
            .cloned()
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
        let figures: Vec<(usize, usize)> = mentions
            .iter()
            .map(|m| (m.figure_start, m.context_end))
            .collect();
        let mut facts: Vec<Fact> = Vec::with_capacity(mentions.len());
        let mut sentence = (0, 0);
        let mut clauses = segment::Clauses::default();
        let mut periods = classify::period::Periods::default();
        let mut cues = classify::SentenceCues::default();
        let mut hints = attribute::SentenceHints::default();
        let mut previous: Option<(recognize::Mention, bool)> = None;
        for m in mentions {
            if !(sentence.0 <= m.start && m.end <= sentence.1) {
                // a figure wrapped over a line (`40 mln\nSwiss francs`) keeps
                // its sentence whole
                // (the end's sentence is the start's when it lies inside it,
                // unless that sentence was cut at the reach)
                let a = segment::sentence_at(text, m.start);
                let b = if m.end - 1 < a.1 && a.1 - a.0 < segment::MAX_SENTENCE / 2 {
                    a
                } else {
                    segment::sentence_at(text, m.end - 1)
                };
                sentence = (a.0.min(b.0), a.1.max(b.1));
                // each sentence's marks, periods and cues in the last one's room
                clauses.read(text, sentence);
                periods.read(text, sentence);
                cues.read(text, sentence);
                hints = attribute::SentenceHints::default();
            }
            let (ls, le) = tables::line_at(text, m.start);
            if segment::is_link_item(&text[ls..le]) {
                continue; // a list of links to other stories: page clutter
            }
            if tables::is_quote_row(&text[ls..le]) {
                continue; // a stock-quote widget: page clutter
            }
            let clause = clauses.at(m.start);
            let lo = figures.partition_point(|f| f.0 < sentence.0);
            let hi = figures.partition_point(|f| f.0 < sentence.1);
            let near = classify::Neighbours {
                figures: &figures[lo..hi],
            };
            let market_rate = attribute::is_market_rate(text, &m);
            let who = attribute::attribute(&scene, &m, sentence, clause, market_rate, &hints);
            let metric = if market_rate {
                Metric::Other
            } else {
                let found = classify::metric(text, &m, clause, sentence, &near, &cues);
                // each table row says what it is: no carrying over between rows
                let metric = match found {
                    Some(metric) => metric,
                    None if tables::has_cells(&text[ls..le]) => tables::section_header(text, ls)
                        .and_then(|(hs, he)| classify::heading_metric(&text[hs..he], m.kind))
                        .unwrap_or(Metric::Other),
                    None => inherited_metric(&facts, &m, sentence),
                };
                classify::targeted(text, &m, sentence, &near, metric)
            };
            let period = periods.nearest((m.start, m.end));
            let income = matches!(
                metric,
                Metric::NetIncome | Metric::OperatingIncome | Metric::EarningsPerShare
            );
            let negative =
                classify::sign::is_negative(text, &m, previous.as_ref(), clause.0, income);
            let flip = |v: decimal::Decimal| {
                if negative && !v.is_negative() {
                    v.negate()
                } else {
                    v
                }
            };
            facts.push(Fact {
                doc: doc.to_string(),
                start: m.start,
                end: m.end,
                text: text[m.start..m.end].to_string(),
                kind: m.kind,
                value: flip(m.value),
                max: m.max.map(flip),
                currency: m.currency,
                unit: m.unit,
                qualifier: m.qualifier,
                provider: who.provider.map(|p| p.to_string()),
                metric,
                period,
                mention: who.mention.map(|(s, e)| text[s..e].to_string()),
                source: who.source.map(|s| s.to_string()),
                rule: m.rule,
                sentence: self
                    .sentences
                    .then(|| text[sentence.0..sentence.1].trim_end().to_string()),
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

/// How far back (bytes) a figure with no cue of its own takes the metric of the one before.
const ELLIPSIS: usize = 300;

/// A figure no cue speaks of continues the one before it, when that one is of
/// the same kind and near (`a 32 percent share, followed by Microsoft at 22
/// percent`; `... came in at $35.1 billion. That was above the $34.53 billion
/// consensus.`), else it is `other`.
fn inherited_metric(facts: &[Fact], m: &recognize::Mention, sentence: (usize, usize)) -> Metric {
    facts
        .iter()
        .rev()
        .find(|p| p.kind == m.kind && m.kind != recognize::Kind::Count && per_share_fits(p, m))
        .filter(|p| {
            p.start >= sentence.0
                || (m.kind == recognize::Kind::Money && m.start - p.end <= ELLIPSIS)
        })
        .map_or(Metric::Other, |p| p.metric)
}

/// A per-share figure passes its metric on only to another small amount
/// (`$10.6 billion, or $1.00 per share, compared with $0.3 billion`).
fn per_share_fits(previous: &Fact, m: &recognize::Mention) -> bool {
    previous.metric != Metric::EarningsPerShare || m.value.abs() < decimal::Decimal::from_int(1000)
}

/// The facts of one document, with the built-in lexicon.
///
/// `doc` is the name records carry; `text` is the document's text, to
/// which the facts' byte offsets refer. To read files (decoding, HTML) see
/// [`input::read`]; for many documents in parallel, [`run::run`].
///
/// ```
/// let text = "Azure revenue grew 30%. AWS has more than 1 million customers.";
/// for fact in extract::extract_text("news.txt", text) {
///     assert_eq!(&text[fact.start..fact.end], fact.text);
///     println!("{}", serde_json::to_string(&fact).unwrap());
/// }
/// ```
pub fn extract_text(doc: &str, text: &str) -> Vec<Fact> {
    static DEFAULT: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::default);
    DEFAULT.extract(doc, text)
}
