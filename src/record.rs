//! The fact record, exactly as `RECORD.md` (in the repository's shared
//! contract) defines it, plus documented additions.
//!
//! One JSON object per line, fields in this order:
//! `doc`, `start`, `end`, `text`, `kind`, `value`, `max`, `currency`, `unit`,
//! `qualifier`, `provider`, `metric`, `period`; then the additions `mention`
//! (the name the provider was read from, e.g. `Azure`), `source` (a bank or
//! research firm that states or estimates the figure), `rule` (the pattern
//! that matched) and, with `--context`, `sentence`.

use crate::classify::Metric;
use crate::decimal::Decimal;
use crate::recognize::{Kind, Qualifier};
use serde::Serialize;

/// One fact: a figure, what it measures, whose it is, and where it stands.
///
/// `start..end` are byte offsets into the document's text, and
/// `text == doc_text[start..end]`. For HTML input the text is the visible
/// text that `extract --text FILE` prints.
///
/// A fact serializes (serde) to one JSON object, the record of the
/// project's contract; [`SCHEMA`] is its JSON Schema.
///
/// ```
/// let text = "Revenue rose 12% to $5.6 billion.";
/// let facts = extract::extract_text("release.txt", text);
/// let money = facts.iter().find(|f| f.currency == Some("USD")).unwrap();
/// assert_eq!(money.text, "$5.6 billion");
/// assert_eq!(&text[money.start..money.end], money.text);
/// assert_eq!(money.value.to_string(), "5600000000");
/// let json = serde_json::to_value(money).unwrap();
/// assert_eq!(json["kind"], "money");
/// assert_eq!(json["value"], 5_600_000_000u64);
/// assert_eq!(json["metric"], "revenue");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    /// The input as named on the command line, or a JSON-lines `id`.
    pub doc: String,
    /// Byte offset of the start of `text` in the document's text.
    pub start: usize,
    /// Byte offset of the end of `text` in the document's text.
    pub end: usize,
    /// The figure as written, hedge words included (`more than $1.7 billion`).
    pub text: String,
    /// `money`, `percent` or `count`.
    pub kind: Kind,
    /// Money in currency units, percent as the percentage, count as the
    /// number; the low end of a range; negative for a decline or loss.
    pub value: Decimal,
    /// The high end of a range.
    pub max: Option<Decimal>,
    /// ISO 4217 code, for money.
    pub currency: Option<&'static str>,
    /// For counts, the counted noun (plural, lower case); for percents,
    /// `percent` or `percentage_points`.
    pub unit: Option<&'static str>,
    /// `exact`, `more_than`, `at_least`, `less_than`, `at_most`,
    /// `approximately` or `range`.
    pub qualifier: Qualifier,
    /// Canonical company name.
    pub provider: Option<String>,
    /// What the figure measures (`revenue`, `growth`, `customers`, ...).
    pub metric: Metric,
    /// `Q4`, `Q4 2014`, `FY2015`, `H1 2024`, `2018`.
    pub period: Option<String>,
    /// The name in the text the provider was read from.
    pub mention: Option<String>,
    /// Who states or estimates the figure, when that is a bank or research firm.
    pub source: Option<String>,
    /// The recognizer rule that matched.
    pub rule: &'static str,
    /// The sentence holding the figure (only with `--context`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

impl Fact {
    /// Appends the record as one JSON object, the same bytes as
    /// `serde_json::to_writer` gives (a test checks it on every fact of the
    /// corpus). The values go through serde_json; only the object's frame
    /// and field names are written here as they are, since serializing the
    /// names field by field was a third of the cost of output.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        fn value<T: Serialize + ?Sized>(out: &mut Vec<u8>, name: &[u8], v: &T) {
            out.extend_from_slice(name);
            serde_json::to_writer(&mut *out, v).expect("a value serializes to memory");
        }
        value(out, b"{\"doc\":", self.doc.as_str());
        value(out, b",\"start\":", &self.start);
        value(out, b",\"end\":", &self.end);
        value(out, b",\"text\":", self.text.as_str());
        value(out, b",\"kind\":", &self.kind);
        value(out, b",\"value\":", &self.value);
        value(out, b",\"max\":", &self.max);
        value(out, b",\"currency\":", &self.currency);
        value(out, b",\"unit\":", &self.unit);
        value(out, b",\"qualifier\":", &self.qualifier);
        value(out, b",\"provider\":", &self.provider);
        value(out, b",\"metric\":", &self.metric);
        value(out, b",\"period\":", &self.period);
        value(out, b",\"mention\":", &self.mention);
        value(out, b",\"source\":", &self.source);
        value(out, b",\"rule\":", self.rule);
        if let Some(sentence) = &self.sentence {
            value(out, b",\"sentence\":", sentence.as_str());
        }
        out.push(b'}');
    }
}

/// Field names in output order, for CSV headers and schema checks.
pub const FIELDS: &[&str] = &[
    "doc",
    "start",
    "end",
    "text",
    "kind",
    "value",
    "max",
    "currency",
    "unit",
    "qualifier",
    "provider",
    "metric",
    "period",
    "mention",
    "source",
    "rule",
    "sentence",
];

/// The JSON Schema (draft 2020-12) of a record, as `extract --schema`
/// prints it. Kept by hand beside this file; a test checks the corpus
/// output against it.
pub const SCHEMA: &str = include_str!("record.schema.json");
