//! Where the time goes over a whole corpus: each hot stage of the pipeline
//! timed on its own, one thread, over every document of JSON lines
//! (`{"id", "text"}`), after one warm-up document. Complements
//! `cargo bench --bench stages` (one fixed text) for finding what to speed up:
//!
//! ```sh
//! zcat ../shared/bulk/*.jsonl.gz > /tmp/bulk.jsonl
//! cargo run --release --example stage_times -- /tmp/bulk.jsonl
//! ```
//!
//! Prints, per stage, seconds, MB/s of document text and how many items the
//! stage found. The stages overlap (`recognize` scans numbers, `extract_text`
//! runs everything), so the lines do not add up. `recognize` is given no
//! company names, so it also reads the numbers inside them (`Microsoft 365`)
//! that the pipeline skips: a little more work than in `extract_text`.

use extract::lexicon::{self, Lexicon};
use std::io::BufRead;
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .expect("usage: stage_times DOCS.jsonl");
    let mut texts = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(&line).map_err(std::io::Error::other)?;
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            texts.push(text.to_string());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} documents, {:.1} MB of text",
        texts.len(),
        bytes as f64 / 1e6
    );
    let lexicon = Lexicon::builtin();
    // compile every lazily built pattern before timing
    extract::extract_text(
        "warm-up",
        "AWS revenue rose 12% to $5 billion; Acme Inc. said it had 10 customers.",
    );
    let stage = |name: &str, run: &dyn Fn(&str) -> usize| {
        let start = Instant::now();
        let found: usize = texts.iter().map(|t| run(t)).sum();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{name:<18} {secs:>7.3} s {:>8.1} MB/s {found:>9} found",
            bytes as f64 / secs / 1e6
        );
    };
    stage("number_scan", &|t| extract::number::scan(t).len());
    stage("lexicon_find", &|t| lexicon.find(t).len());
    stage("companies_find", &|t| {
        lexicon::companies::find(t, &lexicon).entities.len()
    });
    stage("article_amounts", &|t| {
        extract::recognize::currency::article_amounts(t).len()
    });
    stage("recognize", &|t| {
        extract::recognize::recognize(t, &[]).len()
    });
    stage("extract_text", &|t| extract::extract_text("doc", t).len());
    Ok(())
}
