//! Property tests of the whole pipeline (decoding, HTML, recognition,
//! attribution, records) on arbitrary input: it never panics, and every
//! record's `start..end` lies on character boundaries of the document's text
//! and slices to the record's `text`, in text order, and serializes to JSON.
//!
//! Inputs: arbitrary bytes (read as a file would be, as text and as HTML),
//! arbitrary strings, and strings built from the fragments figures are made
//! of (numbers, scales, currencies, percent words, hedges, companies,
//! punctuation, odd Unicode, tags and entities).
//!
//! Cases per property: `PROPTEST_CASES` (default 64, for CI). For a long run:
//! `PROPTEST_CASES=200000 cargo test --test fuzz -- --nocapture`.

use extract::input;
use extract::run::{Format, render};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        max_shrink_iters: 10_000,
        ..ProptestConfig::default()
    }
}

/// What one document's text and facts must satisfy.
fn check(text: &str, facts: &[extract::Fact]) -> Result<(), TestCaseError> {
    let mut last_start = 0;
    for f in facts {
        prop_assert!(
            f.start < f.end && f.end <= text.len(),
            "span {}..{} in {} bytes",
            f.start,
            f.end,
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "span {}..{} off a char boundary",
            f.start,
            f.end
        );
        prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
        prop_assert!(f.start >= last_start, "records out of order at {}", f.start);
        last_start = f.start;
    }
    let mut out = Vec::new();
    render(facts, Format::Jsonl, &mut out);
    for line in String::from_utf8(out)
        .expect("JSON lines are UTF-8")
        .lines()
    {
        let record: serde_json::Value = serde_json::from_str(line).expect("a record is JSON");
        prop_assert!(record["value"].is_number(), "value of {}", line);
    }
    let mut csv = Vec::new();
    render(facts, Format::Csv, &mut csv);
    Ok(())
}

/// The pipeline as the binary runs it on a file's bytes.
fn pipeline(bytes: &[u8], html_by_name: bool) -> Result<(), TestCaseError> {
    if let Ok(doc) = input::from_bytes("fuzz".into(), bytes, html_by_name) {
        let facts = extract::extract_text(&doc.name, &doc.text);
        check(&doc.text, &facts)?;
    }
    Ok(())
}

const FRAGMENTS: &[&str] = &[
    // numbers
    "0",
    "1",
    "5",
    "12",
    "28",
    "99",
    "100",
    "1,000",
    "1,234.5",
    "5.6",
    "0.5",
    ".5",
    "1.",
    "3,5",
    "12,34",
    "1 000",
    "007",
    "2014",
    "2023",
    "10-K",
    "24/7",
    "½",
    "¼",
    "1e9",
    "-3",
    "+4",
    "(1,020)",
    "one",
    "two",
    "twenty-five",
    "hundred",
    "a dozen",
    "half",
    "zero",
    // scales
    "thousand",
    "million",
    "billion",
    "trillion",
    "mln",
    "bn",
    "m",
    "k",
    "M",
    "B",
    "mn",
    "crore",
    "lakh",
    // currencies
    "$",
    "US$",
    "USD",
    "€",
    "EUR",
    "£",
    "GBP",
    "¥",
    "JPY",
    "RMB",
    "CNY",
    "₹",
    "Rs.",
    "C$",
    "A$",
    "dollars",
    "euros",
    "yen",
    "cents",
    "c",
    // percent
    "%",
    "percent",
    "per cent",
    "pct",
    "percentage points",
    "basis points",
    "bps",
    "points",
    // hedges and ranges
    "more than",
    "over",
    "about",
    "around",
    "nearly",
    "up to",
    "at least",
    "less than",
    "between",
    "and",
    "to",
    "-",
    "–",
    "—",
    "or",
    "an estimated",
    "some",
    "roughly",
    // nouns and verbs
    "customers",
    "subscribers",
    "users",
    "employees",
    "revenue",
    "net loss of",
    "net income",
    "rose",
    "fell",
    "grew",
    "declined",
    "up",
    "down",
    "year-over-year",
    "guidance",
    "run rate",
    "market share",
    "of the market",
    "deal",
    "worth",
    // companies and periods
    "AWS",
    "Amazon",
    "Microsoft",
    "Azure",
    "Office 365",
    "Google Cloud",
    "IBM",
    "Inc.",
    "Corp.",
    "Deutsche Bank",
    "said",
    "Q4",
    "Q3 2024",
    "fiscal",
    "FY2015",
    "H1",
    "quarter",
    "the year",
    // punctuation and space
    " ",
    " ",
    " ",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "\"",
    "'",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "|",
    "/",
    "*",
    "•",
    "...",
    "?",
    "!",
    // odd Unicode
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{200b}",
    "\u{ad}",
    "\u{feff}",
    "é",
    "ü",
    "😀",
    "\u{301}",
    "\u{0}",
    "\u{fffd}",
    "ﬁ",
    "１２",
    "٣",
    // markup
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<td>",
    "</td>",
    "<tr>",
    "<table>",
    "<br>",
    "<b>",
    "</b>",
    "&amp;",
    "&nbsp;",
    "&#36;",
    "&euro;",
    "<!--",
    "-->",
    "<script>",
    "</script>",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..120).prop_map(|parts| {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            // a space between most fragments, not all: `$5`, `5%`, `5.6bn`
            if i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), html in any::<bool>()) {
        pipeline(&bytes, html)?;
    }

    #[test]
    fn arbitrary_strings(text in any::<String>(), html in any::<bool>()) {
        pipeline(text.as_bytes(), html)?;
    }

    #[test]
    fn figures_made_of_fragments(text in fragments(), html in any::<bool>()) {
        pipeline(text.as_bytes(), html)?;
        let facts = extract::extract_text("fuzz", &text);
        check(&text, &facts)?;
    }

    #[test]
    fn fragments_as_utf16_and_windows_1252(text in fragments()) {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        pipeline(&utf16, false)?;
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        pipeline(&latin, false)?;
    }
}
