//! `--summary`: a readable table of facts per provider and metric, for a
//! quick look at a corpus instead of the records themselves.

use crate::Fact;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Default)]
struct Row {
    count: usize,
    /// The last figure seen, in input order, as written.
    latest: String,
    /// The largest value and how it was written.
    largest: Option<(f64, String)>,
}

/// Counts per (provider, metric, kind), ordered by provider then metric.
#[derive(Default)]
pub struct Summary {
    rows: BTreeMap<(String, String, String), Row>,
}

impl Summary {
    pub fn add(&mut self, facts: &[Fact]) {
        for f in facts {
            let kind = serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            let key = (
                f.provider.clone().unwrap_or_else(|| "-".into()),
                f.metric.as_str().to_string(),
                kind,
            );
            let row = self.rows.entry(key).or_default();
            row.count += 1;
            row.latest = f.text.clone();
            let v = f.value.to_f64();
            if row.largest.as_ref().is_none_or(|l| v > l.0) {
                row.largest = Some((v, f.text.clone()));
            }
        }
    }

    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let header = ["provider", "metric", "kind", "facts", "latest", "largest"];
        let lines: Vec<[String; 6]> = self
            .rows
            .iter()
            .map(|((p, m, k), r)| {
                [
                    p.clone(),
                    m.clone(),
                    k.clone(),
                    r.count.to_string(),
                    one_line(&r.latest),
                    one_line(&r.largest.as_ref().map(|l| l.1.clone()).unwrap_or_default()),
                ]
            })
            .collect();
        let mut widths = header.map(str::len);
        for l in &lines {
            for (w, cell) in widths.iter_mut().zip(l) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let row = |out: &mut dyn Write, cells: &[&str]| -> io::Result<()> {
            let padded: Vec<String> = cells
                .iter()
                .zip(widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect();
            writeln!(out, "{}", padded.join("  ").trim_end())
        };
        row(out, &header)?;
        for l in &lines {
            row(out, &l.iter().map(String::as_str).collect::<Vec<_>>())?;
        }
        Ok(())
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
