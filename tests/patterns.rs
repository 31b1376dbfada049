//! A rule every pattern in src/ keeps: word, digit and word-boundary classes
//! are ASCII (`(?-u:\w)`, `[0-9]`, `(?-u:\b)`), as the pipeline's own word
//! edges are. Unicode `\w` and `\d` are hundreds of ranges: a pattern that
//! reads backwards from a figure (`...$`) built lazy-DFA states ten times
//! costlier with them: 3% of the instructions of a run over the bulk corpus,
//! a third of a run over a few documents. A Unicode `\b` makes the lazy DFA
//! give up on any non-ASCII text.
//!
//! The rule covers the Rust sources and the cue table (`.tsv`). A pattern
//! that must read accented words spells out the Latin letters
//! (`\x{C0}-\x{24F}` less `×` and `÷`), a small class.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "tsv") {
            out.push(path);
        }
    }
}

/// The Unicode classes on one line of code: `\w`, `\d`, `\b` and their
/// negations, written in a raw or an ordinary string, not inside `(?-u:...)`.
fn unicode_classes(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    let mut found = Vec::new();
    for i in 0..b.len() {
        if b[i] != b'\\' || (i > 0 && b[i - 1] == b'\\') {
            continue;
        }
        let mut j = i + 1;
        if b.get(j) == Some(&b'\\') {
            j += 1; // `\\w` in an ordinary string
        }
        if matches!(b.get(j), Some(b'w' | b'W' | b'd' | b'D' | b'b' | b'B'))
            && !line[..i].ends_with("(?-u:")
        {
            found.push(i);
        }
    }
    found
}

#[test]
fn the_rule_reads_lines_as_meant() {
    let cases: &[(&str, usize)] = &[
        (r#"Regex::new(r"(?-u:\b)(?:a|b)(?-u:\w)+[0-9]")"#, 0),
        (r#"format!("(?:{}|dozen)(?-u:\\b)", x)"#, 0),
        (r#"Regex::new(r"(?:\w+[ \t\n]+){0,2}$")"#, 1),
        (r#"Regex::new(r"(?:19|20)\d\d")"#, 2),
        (r#"Regex::new("\\bx\\B")"#, 2),
        (r#"Regex::new(r"[ \t\n]+\.\$")"#, 0),
    ];
    for (line, want) in cases {
        assert_eq!(unicode_classes(line).len(), *want, "{line}");
    }
}

#[test]
fn patterns_use_ascii_word_and_digit_classes() {
    let mut files = Vec::new();
    sources(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(),
        &mut files,
    );
    files.sort();
    assert!(files.len() > 10, "src/ has the pipeline's modules");
    let mut offending = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue; // comments and doc examples
            }
            if !unicode_classes(line).is_empty() {
                offending.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "Unicode classes in patterns (write (?-u:\\w), [0-9], (?-u:\\b)):\n{}",
        offending.join("\n")
    );
}
