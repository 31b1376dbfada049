//! Snapshot of the records of every corpus document, one snapshot per
//! document in the top-level `snapshots/` folder. Invariants are checked
//! first: spans lie on character boundaries and slice to `text`, records are
//! in text order and do not overlap.

use extract::input;
use extract::run::{Format, render};

fn check_invariants(name: &str, text: &str, facts: &[extract::Fact]) {
    let mut last_end = 0;
    for f in facts {
        assert!(
            f.start < f.end && f.end <= text.len(),
            "{name}: span {}..{}",
            f.start,
            f.end
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{name}: span off a char boundary"
        );
        assert_eq!(
            &text[f.start..f.end],
            f.text,
            "{name}: text is not the span's slice"
        );
        assert!(
            f.start >= last_end,
            "{name}: records overlap or are out of order at {}",
            f.start
        );
        last_end = f.end;
    }
}

/// The records are written as serde writes a `Fact` (`Fact::write_json`
/// writes the object's frame by hand), with and without a sentence.
fn check_json(name: &str, facts: &[extract::Fact]) {
    for f in facts {
        let mut with_sentence = f.clone();
        with_sentence.sentence = Some(format!("\"{}\"\t\u{1}é\\", f.text));
        for f in [f, &with_sentence] {
            let mut written = Vec::new();
            f.write_json(&mut written);
            let serde = serde_json::to_vec(f).unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                String::from_utf8(serde).unwrap(),
                "{name}"
            );
        }
    }
}

#[test]
fn corpus() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        insta::glob!("../corpus", "*.{txt,html}", |path| {
            let name = format!("corpus/{}", path.file_name().unwrap().to_string_lossy());
            let source = input::Source::File(path.to_path_buf());
            let doc = input::read(&source).expect("corpus documents read");
            let facts = extract::extract_text(&name, &doc.text);
            check_invariants(&name, &doc.text, &facts);
            check_json(&name, &facts);
            let mut out = Vec::new();
            render(&facts, Format::Jsonl, &mut out);
            insta::assert_snapshot!(String::from_utf8(out).unwrap());
        });
    });
}
