//! The peers' own test suites (`../shared/conformance`): every case of every
//! `recognizers-text/*.jsonl` and `duckling/*.jsonl` goes through
//! [`extract::extract_text`], the pipeline the binary runs, and its money and
//! percent records are scored the way `../shared/conformance/score.py` scores
//! `extract --jsonl` output:
//!
//! - a case passes when each expected money or percent figure that has a
//!   value is matched by a record of its kind (value within 1e-6 relative, or
//!   a range's low end or `max`; a minor unit may be value/100; the ISO
//!   currency only where the case names one), and no other record of the
//!   suite's kind appears, nor one of another kind over an expected figure;
//! - a suite that expects no money and no percent (numbers, quantities) is a
//!   negative test: no money or percent record at all, its cases that name a
//!   currency or percent left out.
//!
//! Each suite's pass rate must stay at or above its floor in
//! `tests/conformance/floors.tsv`. Cases we deliberately do not follow are
//! listed with a reason in `tests/conformance/exceptions.tsv`, left out of the
//! rate, and kept under 5% of each suite. `scripts/conformance.sh` gives the
//! same figures with `score.py` itself (which knows no exceptions).

use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

const SUITES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/conformance");
const FLOORS: &str = include_str!("conformance/floors.tsv");
const EXCEPTIONS: &str = include_str!("conformance/exceptions.tsv");
/// Exceptions must stay under this share of a suite's cases.
const MAX_EXCEPTIONS: f64 = 0.05;

/// What `score.py` calls `CURRENCY_MARK`: a case of a number suite that names a
/// currency or percent is left out, since a number suite does not list money.
const CURRENCY_MARK: &str = r"(?i)[$€£¥₹%]|\b(?:usd|eur|gbp|jpy|cny|rmb|inr|yuan|yen|dollars?|euros?|kr|rupees?|cents?|percent|pct)\b";

struct Case {
    id: String,
    text: String,
    expect: Vec<Value>,
}

fn load(path: &Path) -> Vec<Case> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Case {
                id: v["id"].as_str().expect("case id").to_string(),
                text: v["text"].as_str().expect("case text").to_string(),
                expect: v["expect"].as_array().cloned().unwrap_or_default(),
            }
        })
        .collect()
}

/// Lines of `a<TAB>b`, comments (`#`) and blank lines skipped.
fn table(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (a, b) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("not `key<TAB>value`: {l:?}"));
            (a.trim(), b.trim())
        })
        .collect()
}

fn number(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-6 * b.abs().max(1.0))
}

fn has_value(e: &Value) -> bool {
    ["value", "min", "max"].iter().any(|k| !e[*k].is_null())
}

fn kind(v: &Value) -> &str {
    v["kind"].as_str().unwrap_or("")
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or("").to_lowercase()
}

fn value_ok(e: &Value, p: &Value) -> bool {
    let note = e["note"].as_str().unwrap_or("");
    let cents = note.contains("Cent") || note.contains("ence");
    let mut cands = Vec::new();
    if let Some(v) = number(&e["value"]) {
        cands.push(v);
        if cents {
            cands.push(v / 100.0);
        }
    } else {
        cands.extend(["min", "max"].iter().filter_map(|k| number(&e[*k])));
    }
    let got = number(&p["value"]);
    let max = number(&p["max"]);
    cands.iter().any(|&c| close(got, c)) || (max.is_some() && cands.iter().any(|&c| close(max, c)))
}

fn unit_ok(e: &Value, p: &Value) -> bool {
    match e["unit"].as_str() {
        Some(unit) if kind(e) == "money" && !unit.is_empty() => {
            p["currency"].as_str() == Some(unit)
        }
        _ => true,
    }
}

/// Whether the records of one case pass it, as `score.py` decides.
fn passes(case: &Case, kinds: &[&str], preds: &[Value]) -> bool {
    let scored = |e: &&Value| matches!(kind(e), "money" | "percent");
    let exps: Vec<&Value> = case
        .expect
        .iter()
        .filter(scored)
        .filter(|e| has_value(e))
        .collect();
    let soft: Vec<&Value> = case
        .expect
        .iter()
        .filter(scored)
        .filter(|e| !has_value(e))
        .collect();
    let mut used = vec![false; preds.len()];
    let mut ok = true;
    for e in &exps {
        let hit = (0..preds.len()).find(|&i| {
            !used[i]
                && kind(&preds[i]) == kind(e)
                && value_ok(e, &preds[i])
                && unit_ok(e, &preds[i])
        });
        match hit {
            Some(i) => used[i] = true,
            None => ok = false,
        }
    }
    for (i, p) in preds.iter().enumerate() {
        let ptext = text(p, "text");
        let over_expected = exps.iter().any(|e| {
            let s = text(e, "surface");
            !s.is_empty() && (ptext.contains(&s) || s.contains(&ptext))
        });
        if !kinds.is_empty() && !kinds.contains(&kind(p)) && !over_expected {
            continue; // a percent in a currency case is not the suite's business
        }
        if used[i] {
            continue;
        }
        if soft.iter().any(|s| {
            let s = text(s, "surface");
            !s.is_empty() && ptext.contains(&s)
        }) {
            continue;
        }
        ok = false;
    }
    ok
}

/// Money and percent records of `text`, as JSON values.
fn records(id: &str, text: &str) -> Vec<Value> {
    extract::extract_text(id, text)
        .iter()
        .map(|f| serde_json::to_value(f).expect("a fact serializes"))
        .filter(|v| matches!(kind(v), "money" | "percent"))
        .collect()
}

fn suite_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["recognizers-text", "duckling"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn peers_suites_pass_at_their_floors() {
    let root = Path::new(SUITES);
    if !root.is_dir() {
        println!("../shared/conformance not found: conformance suites skipped");
        return;
    }
    let mark = Regex::new(CURRENCY_MARK).expect("currency mark pattern");
    let floors: HashMap<&str, f64> = table(FLOORS)
        .into_iter()
        .map(|(suite, floor)| {
            (
                suite,
                floor
                    .parse()
                    .unwrap_or_else(|_| panic!("floor of {suite}: {floor:?}")),
            )
        })
        .collect();
    let exceptions: HashMap<&str, &str> = table(EXCEPTIONS).into_iter().collect();
    for (id, reason) in &exceptions {
        assert!(reason.len() >= 20, "exception {id}: give a real reason");
    }
    let mut excepted_seen: BTreeMap<&str, bool> = exceptions.keys().map(|k| (*k, false)).collect();
    let mut problems = Vec::new();
    let files = suite_files(root);
    assert!(!files.is_empty(), "no suite in {}", root.display());
    for path in files {
        let name = path
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let mut cases = load(&path);
        let mut kinds: Vec<&str> = ["money", "percent"]
            .into_iter()
            .filter(|k| cases.iter().any(|c| c.expect.iter().any(|e| kind(e) == *k)))
            .collect();
        kinds.sort();
        kinds.dedup();
        if kinds.is_empty() {
            cases.retain(|c| !mark.is_match(&c.text));
        }
        let (mut scored, mut passed, mut excepted) = (0, 0, 0);
        let mut fails = Vec::new();
        for case in &cases {
            let ok = passes(case, &kinds, &records(&case.id, &case.text));
            if let Some(seen) = excepted_seen.get_mut(case.id.as_str()) {
                *seen = true;
                excepted += 1;
                if ok {
                    problems.push(format!(
                        "{name}: {} passes now: remove its exception",
                        case.id
                    ));
                }
                continue;
            }
            scored += 1;
            if ok {
                passed += 1;
            } else {
                fails.push(case.id.as_str());
            }
        }
        let rate = if scored == 0 {
            1.0
        } else {
            passed as f64 / scored as f64
        };
        println!(
            "{name}: {scored} cases, {passed} passed, pass rate {rate:.3} ({excepted} excepted)"
        );
        if !fails.is_empty() {
            let more = if fails.len() > 40 { " ..." } else { "" };
            println!(
                "  failing: {}{more}",
                fails[..fails.len().min(40)].join(" ")
            );
        }
        if excepted as f64 >= MAX_EXCEPTIONS * cases.len() as f64 && excepted > 0 {
            problems.push(format!(
                "{name}: {excepted} exceptions of {} cases, 5% or more",
                cases.len()
            ));
        }
        match floors.get(name.as_str()) {
            None => problems.push(format!("{name}: no floor in tests/conformance/floors.tsv")),
            Some(&floor) if rate + 1e-9 < floor => problems.push(format!(
                "{name}: pass rate {rate:.3} below its floor {floor}"
            )),
            Some(_) => {}
        }
    }
    for (id, seen) in excepted_seen {
        if !seen {
            problems.push(format!("exception {id}: no such case"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
