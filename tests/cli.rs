//! The `extract` binary end to end: every option, and input that fights back
//! (odd encodings, binary and empty files, missing paths, bad JSON lines,
//! closed pipes, huge or deeply nested documents, a panic in one document).
//! Fixtures are written at test time into temporary directories.

use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_extract");

/// Two facts: a count and a percent, both Amazon's.
const AWS: &str = "AWS has more than 1 million customers and commands an estimated 28 percent of the cloud market.\n";

fn extract(args: &[&str]) -> Output {
    extract_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

fn extract_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(bytes)
            .expect("stdin takes the input");
    }
    child.wait_with_output().expect("the binary runs")
}

/// Runs with a deadline: a guard against quadratic blow-ups.
fn extract_within(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    wait_within(child, limit, &format!("extract {args:?}"))
}

fn wait_within(mut child: Child, limit: Duration, what: &str) -> Output {
    let start = Instant::now();
    // read stdout while waiting, so a full pipe cannot stall the child
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = Vec::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_end(&mut stderr)
                .unwrap();
            return Output {
                status,
                stdout: reader.join().unwrap(),
                stderr,
            };
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{what} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn records(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn docs(records: &[Value]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for r in records {
        let d = r["doc"].as_str().unwrap().to_string();
        if names.last() != Some(&d) {
            names.push(d);
        }
    }
    names
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// Every record of `file` slices, by its byte offsets, to its `text` in the
/// text `extract --text file` prints; returns the records.
fn check_offsets(dir: &Path, file: &str) -> Vec<Value> {
    let out = extract_in(dir, &[file], None);
    assert_eq!(code(&out), 0, "{file}: {}", stderr(&out));
    let recs = records(&out);
    let shown = extract_in(dir, &["--text", file], None);
    assert_eq!(code(&shown), 0, "{file}: {}", stderr(&shown));
    let text = stdout(&shown);
    for r in &recs {
        let (start, end) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert_eq!(&text[start..end], r["text"].as_str().unwrap(), "{file}");
    }
    recs
}

// ---------------------------------------------------------------- encodings

#[test]
fn encodings_decode_and_offsets_hold_in_the_reported_text() {
    let dir = tempdir();
    let d = dir.path();
    let text = "Café revenue: Contoso said revenue rose 12% to €5.6 billion.\n\
                AWS has more than 1 million customers and commands an estimated 28 percent of the cloud market.\n";
    write(d, "utf8.txt", text);
    write(
        d,
        "bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    );
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    write(d, "utf16le.txt", le);
    write(d, "utf16be.txt", be);
    // the same text in Windows-1252: é is E9, € is 80
    let cp1252: Vec<u8> = text
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            '€' => 0x80,
            c => u8::try_from(c).unwrap(),
        })
        .collect();
    write(d, "cp1252.txt", cp1252);

    let reference = check_offsets(d, "utf8.txt");
    assert_eq!(reference.len(), 4, "{reference:?}");
    let strip = |recs: Vec<Value>| -> Vec<Value> {
        recs.into_iter()
            .map(|mut r| {
                r.as_object_mut().unwrap().remove("doc");
                r
            })
            .collect()
    };
    let reference = strip(reference);
    for file in ["bom.txt", "utf16le.txt", "utf16be.txt", "cp1252.txt"] {
        let recs = check_offsets(d, file);
        assert_eq!(strip(recs), reference, "{file} reads as the UTF-8 text");
    }
    let euro = reference.iter().find(|r| r["currency"] == "EUR").unwrap();
    assert_eq!(euro["value"], 5_600_000_000u64);

    // only the guessed encoding warns, naming the file
    for file in ["utf8.txt", "bom.txt", "utf16le.txt"] {
        assert_eq!(stderr(&extract_in(d, &[file], None)), "", "{file}");
    }
    let out = extract_in(d, &["cp1252.txt"], None);
    assert_eq!(
        stderr(&out),
        "extract: warning: cp1252.txt: not UTF-8; decoded as Windows-1252\n"
    );
    assert_eq!(code(&out), 0);
}

#[test]
fn html_offsets_refer_to_the_visible_text() {
    let dir = tempdir();
    write(
        dir.path(),
        "page.html",
        "<html><head><title>t</title><script>var x = '$9 million';</script></head>\
         <body><nav><a href=/>Home</a></nav><article><h1>Results</h1>\
         <p>AWS has <b>more than 1 million</b> customers and commands an estimated 28&nbsp;percent of the cloud market.</p>\
         </article></body></html>",
    );
    let recs = check_offsets(dir.path(), "page.html");
    assert_eq!(recs.len(), 2);
    assert_eq!(
        stdout(&extract_in(dir.path(), &["--text", "page.html"], None)),
        "Results\nAWS has more than 1 million customers and commands an estimated 28 percent of the cloud market."
    );
}

// ---------------------------------------------------------------- odd inputs

#[test]
fn binary_files_are_skipped_with_a_message_naming_them() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "a.txt", AWS);
    write(
        d,
        "nul.txt",
        b"AWS has\0\0\0\0 more than 1 million\0 customers\0\0",
    );
    write(d, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    write(d, "z.txt", AWS);
    let out = extract_in(d, &["a.txt", "nul.txt", "image.png", "z.txt"], None);
    assert_eq!(
        stderr(&out),
        "extract: nul.txt: binary file (not text), skipped\n\
         extract: image.png: binary file (not text), skipped\n"
    );
    assert_eq!(docs(&records(&out)), ["a.txt", "z.txt"]);
    assert_eq!(
        code(&out),
        1,
        "a skipped input is reported in the exit code"
    );
}

#[test]
fn an_empty_file_gives_no_records_and_no_error() {
    let dir = tempdir();
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "blank.html", "");
    let out = extract_in(dir.path(), &["empty.txt", "blank.html"], None);
    assert_eq!(
        (code(&out), stdout(&out), stderr(&out).as_str()),
        (0, "", "")
    );
    let out = extract_in(dir.path(), &["-"], Some(b""));
    assert_eq!(
        (code(&out), stdout(&out), stderr(&out).as_str()),
        (0, "", "")
    );
}

#[test]
fn directories_are_walked_in_sorted_order_for_documents_only() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "in/b.txt", AWS);
    write(d, "in/a.md", AWS);
    write(d, "in/sub/c.html", format!("<p>{AWS}</p>"));
    write(d, "in/d.HTM", format!("<p>{AWS}</p>"));
    write(d, "in/e.json", AWS);
    write(d, "in/f.pdf", AWS);
    write(d, "in/noext", AWS);
    let mut expected = vec!["in/a.md", "in/b.txt", "in/d.HTM", "in/sub/c.html"];
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(d.join("in"), d.join("in/sub/loop")).unwrap();
        // a link to a file is read, a link to a directory is not entered,
        // whatever its name says
        symlink(d.join("in"), d.join("in/sub/dir.txt")).unwrap();
        symlink(d.join("in/b.txt"), d.join("in/sub/linked.txt")).unwrap();
        expected.push("in/sub/linked.txt");
    }
    let out = extract_within(d, &["in"], Duration::from_secs(60));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(docs(&records(&out)), expected);
}

#[test]
fn a_missing_path_is_reported_and_the_others_still_print_in_order() {
    let dir = tempdir();
    write(dir.path(), "a.txt", AWS);
    write(dir.path(), "b.txt", AWS);
    let out = extract_in(dir.path(), &["a.txt", "missing.txt", "b.txt"], None);
    assert_eq!(
        stderr(&out),
        "extract: missing.txt: no such file or directory\n"
    );
    assert_eq!(docs(&records(&out)), ["a.txt", "b.txt"]);
    assert_eq!(code(&out), 1);
}

#[test]
fn bad_usage_exits_2_with_a_short_message() {
    for args in [
        &[][..],
        &["--format", "xml", "x"],
        &["-j", "many", "x"],
        &["--no-such-option", "x"],
        &["--text"],
        &["--text", "a", "b"],
    ] {
        let out = extract(args);
        assert_eq!(code(&out), 2, "{args:?}");
        let err = stderr(&out);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.lines().count() <= 8, "{args:?}: {err}");
        assert!(err.contains("--help"), "says where to look: {err}");
        assert_eq!(stdout(&out), "");
    }
}

#[test]
fn a_bad_json_line_names_file_and_line_and_the_run_goes_on() {
    let dir = tempdir();
    let lines = format!(
        "{}\n{{oops\n\n{}\n{}\n",
        serde_json::json!({"id": "first", "text": AWS}),
        serde_json::json!({"id": "no-text"}),
        serde_json::json!({"id": 3, "html": format!("<p>{AWS}</p>")}),
    );
    write(dir.path(), "docs.jsonl", &lines);
    let out = extract_in(dir.path(), &["--jsonl", "docs.jsonl"], None);
    let err = stderr(&out);
    assert!(
        err.starts_with("extract: docs.jsonl:2: not JSON: "),
        "{err}"
    );
    assert!(
        err.contains("extract: docs.jsonl:4: no string `text` or `html` field\n"),
        "{err}"
    );
    assert_eq!(docs(&records(&out)), ["first", "3"]);
    assert_eq!(code(&out), 1);
    // the same from standard input
    let out = extract_in(dir.path(), &["--jsonl", "-"], Some(lines.as_bytes()));
    assert!(stderr(&out).starts_with("extract: -:2: not JSON"));
    assert_eq!(docs(&records(&out)), ["first", "3"]);
    assert_eq!(code(&out), 1);
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    let dir = tempdir();
    let d = dir.path();
    let doc = AWS.repeat(200); // 400 records, ~150 kB of output per file
    for i in 0..40 {
        write(d, &format!("big/{i:02}.txt"), &doc);
    }
    for args in [
        &["big"][..],
        &["--format", "csv", "big"],
        &["--context", "big"],
    ] {
        let mut child = Command::new(BIN)
            .args(args)
            .current_dir(d)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 100];
        out.read_exact(&mut first).unwrap();
        drop(out); // `| head -c 100`
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            assert!(start.elapsed() < Duration::from_secs(120), "still running");
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(err, "", "{args:?}");
        assert_eq!(status.code(), Some(0), "{args:?}");
    }
    // --text and --schema to a closed pipe, too
    write(d, "long.txt", "x".repeat(1 << 20));
    for args in [&["--text", "long.txt"][..], &["--man"]] {
        let mut child = Command::new(BIN)
            .args(args)
            .current_dir(d)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        assert_eq!(code(&out), 0);
    }
}

// ---------------------------------------------------------------- size

#[test]
fn long_lines_digits_and_deep_nesting_finish_without_a_panic() {
    let dir = tempdir();
    let d = dir.path();
    // 1 MB on one line, short sentences: a cost per figure that grew with
    // the line would make this quadratic (every look at a figure's line is
    // bounded by tables::line_at)
    let sentence = "Revenue was $5 million, up 3% on the year. ";
    write(d, "line.txt", sentence.repeat((1 << 20) / sentence.len()));
    // 300 kB of nothing but digits, and digits with separators
    let digits: String = (0..300_000)
        .map(|i| char::from(b'0' + (i * 7 % 10) as u8))
        .collect();
    write(d, "digits.txt", &digits);
    write(d, "commas.txt", "1,".repeat(100_000));
    // 10,000 nested tags of the kinds the HTML parser is slow on, and others
    for tag in [
        "div",
        "section",
        "ul",
        "blockquote",
        "span",
        "b",
        "table",
        "td",
    ] {
        write(
            d,
            &format!("deep-{tag}.html"),
            format!(
                "<html><body>{}<p>Revenue was $5 million.</p>{}</body></html>",
                format!("<{tag}>").repeat(10_000),
                format!("</{tag}>").repeat(10_000)
            ),
        );
    }
    let out = extract_within(d, &["line.txt"], Duration::from_secs(120));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(records(&out).len(), 2 * ((1 << 20) / sentence.len()));
    for file in ["digits.txt", "commas.txt"] {
        let out = extract_within(d, &[file], Duration::from_secs(120));
        assert_eq!(code(&out), 0, "{file}: {}", stderr(&out));
    }
    for tag in [
        "div",
        "section",
        "ul",
        "blockquote",
        "span",
        "b",
        "table",
        "td",
    ] {
        let file = format!("deep-{tag}.html");
        let out = extract_within(d, &[&file], Duration::from_secs(60));
        assert_eq!(code(&out), 0, "{file}: {}", stderr(&out));
        let recs = records(&out);
        assert_eq!(recs.len(), 1, "{file}");
        assert_eq!(recs[0]["text"], "$5 million", "{file}");
    }
}

/// A 300 kB sentence (and line) of figures with no full stop: every figure
/// looks at its sentence and line, which must stay cheap. Once quadratic
/// (see docs/robustness.md): the debug build the tests run takes about 6 s,
/// and a cost per figure that grew with the line (as the link-list check
/// once did: 68 s for 1.5 MB in a release build) would take far longer than
/// the limit.
#[test]
fn a_long_line_of_figures_is_linear() {
    let dir = tempdir();
    write(dir.path(), "pct.txt", "5% ".repeat(100_000));
    let out = extract_within(dir.path(), &["pct.txt"], Duration::from_secs(30));
    assert_eq!(code(&out), 0);
    assert_eq!(records(&out).len(), 100_000);
}

/// A run of number words is read in pieces of at most 16 words.
#[test]
fn a_run_of_number_words_is_linear() {
    let dir = tempdir();
    write(dir.path(), "words.txt", "one hundred ".repeat(40_000));
    let out = extract_within(dir.path(), &["words.txt"], Duration::from_secs(30));
    assert_eq!(code(&out), 0);
}

// ---------------------------------------------------------------- panics

#[test]
fn a_panic_in_one_document_is_reported_and_the_run_goes_on() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "a.txt", AWS);
    write(d, "b.txt", format!("{AWS}PANIC-HERE\n"));
    write(d, "c.txt", AWS);
    let run = |args: &[&str], stdin: Option<&[u8]>| {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .current_dir(d)
            .env("EXTRACT_TEST_PANIC", "PANIC-HERE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.unwrap_or_default()).unwrap();
        drop(input);
        child.wait_with_output().unwrap()
    };
    let out = run(&["a.txt", "b.txt", "c.txt"], None);
    let err = stderr(&out);
    assert!(
        err.starts_with("extract: b.txt: internal error: injected by EXTRACT_TEST_PANIC (at src/"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(docs(&records(&out)), ["a.txt", "c.txt"]);
    assert_eq!(code(&out), 1);
    // in JSON lines, the document's id names it
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "bad", "text": "PANIC-HERE"}),
        serde_json::json!({"id": "good", "text": AWS})
    );
    let out = run(&["--jsonl", "-"], Some(lines.as_bytes()));
    assert!(
        stderr(&out).starts_with("extract: bad: internal error: "),
        "{}",
        stderr(&out)
    );
    assert_eq!(docs(&records(&out)), ["good"]);
    assert_eq!(code(&out), 1);
}

// ---------------------------------------------------------------- options

#[test]
fn help_and_version() {
    let out = extract(&["--help"]);
    assert_eq!(code(&out), 0);
    let help = stdout(&out);
    for needle in [
        "Extract money amounts, percentages and customer counts from earnings press",
        "Examples:",
        "extract --jsonl docs.jsonl",
        "--threads <N>",
        "--providers <FILE>",
        "canonical name",
        "Contoso<TAB>provider<TAB>Contoso|Contoso Cloud",
        "--format <FORMAT>",
        "--context",
        "--summary",
        "--text <FILE>",
        "--schema",
        "Exit status",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
    assert!(!help.contains("--completions") && !help.contains("--man"));
    let out = extract(&["-h"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("Examples:"));
    let out = extract(&["--version"]);
    assert_eq!(
        stdout(&out),
        format!("extract {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn standard_input_and_threads() {
    let out = extract_in(Path::new("."), &["-j", "2", "-"], Some(AWS.as_bytes()));
    assert_eq!(code(&out), 0);
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["doc"], "-");
    assert_eq!(recs[0]["text"], "more than 1 million");
    assert_eq!(recs[1]["metric"], "market_share");
}

#[test]
fn corpus_output_is_the_same_for_any_thread_count() {
    let one = extract(&["-j", "1", "corpus"]);
    let four = extract(&["-j", "4", "corpus"]);
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    assert!(one.stdout.len() > 10_000);
    assert!(one.stdout == four.stdout, "-j 1 and -j 4 differ");
    let csv1 = extract(&["-j", "1", "--format", "csv", "--context", "corpus"]);
    let csv4 = extract(&["-j", "4", "--format", "csv", "--context", "corpus"]);
    assert!(csv1.stdout == csv4.stdout, "CSV -j 1 and -j 4 differ");
}

#[test]
fn providers_file_adds_companies_and_bad_files_say_what_is_wrong() {
    let dir = tempdir();
    let d = dir.path();
    write(
        d,
        "doc.txt",
        "Contoso Cloud revenue rose 12% to $5 million.\n",
    );
    write(
        d,
        "mine.tsv",
        "# extra companies\nContoso\tprovider\tContoso|Contoso Cloud\n\nNorthwind\tsource\tNorthwind\n",
    );
    let before = records(&extract_in(d, &["doc.txt"], None));
    assert!(before.iter().all(|r| r["provider"] != "Contoso"));
    let out = extract_in(d, &["--providers", "mine.tsv", "doc.txt"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let after = records(&out);
    assert_eq!(after.len(), 2);
    for r in &after {
        assert_eq!(r["provider"], "Contoso");
        assert_eq!(r["mention"], "Contoso Cloud");
    }
    write(d, "bad.tsv", "Contoso\tcompany\tContoso\n");
    let out = extract_in(d, &["--providers", "bad.tsv", "doc.txt"], None);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "extract: bad.tsv: line 1: the second field must be `provider` or `source` (see `extract --help` for the format)\n"
    );
    let out = extract_in(d, &["--providers", "none.tsv", "doc.txt"], None);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "extract: none.tsv: no such file or directory\n"
    );
}

#[test]
fn jsonl_input_takes_text_and_html() {
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "plain", "text": AWS}),
        serde_json::json!({"id": "page", "html": format!("<div><p>{AWS}</p></div>")})
    );
    let out = extract_in(Path::new("."), &["--jsonl", "-"], Some(lines.as_bytes()));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(docs(&recs), ["plain", "page"]);
    assert_eq!(recs.len(), 4);
    // a directory is walked for .jsonl and .ndjson files
    let dir = tempdir();
    let line = |id: &str| format!("{}\n", serde_json::json!({"id": id, "text": AWS}));
    write(dir.path(), "in/b.jsonl", line("b"));
    write(dir.path(), "in/a/c.ndjson", line("c"));
    write(dir.path(), "in/d.txt", line("d"));
    let out = extract_in(dir.path(), &["--jsonl", "in"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(docs(&records(&out)), ["c", "b"]);
}

#[test]
fn csv_reads_back_field_for_field() {
    for context in [false, true] {
        let mut args = vec!["corpus"];
        if context {
            args.insert(0, "--context");
        }
        let json = extract(&args);
        args.splice(0..0, ["--format", "csv"]);
        let csv_out = extract(&args);
        assert_eq!(code(&csv_out), 0);
        let recs = records(&json);
        let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let expected: Vec<&str> = extract::record::FIELDS
            .iter()
            .copied()
            .filter(|f| context || *f != "sentence")
            .collect();
        assert_eq!(header, expected);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), recs.len());
        assert!(rows.len() > 100);
        for (row, rec) in rows.iter().zip(&recs) {
            assert_eq!(row.len(), header.len());
            for (field, cell) in header.iter().zip(row.iter()) {
                let value = &rec[field.as_str()];
                match value {
                    Value::Null => assert_eq!(cell, "", "{field}"),
                    Value::String(s) => assert_eq!(cell, s, "{field}"),
                    Value::Number(n) => {
                        let parsed: f64 = cell.parse().unwrap();
                        let n = n.as_f64().unwrap();
                        assert!(
                            (parsed - n).abs() <= n.abs() * 1e-12,
                            "{field}: {cell} vs {n}"
                        );
                    }
                    other => panic!("{field}: unexpected {other}"),
                }
            }
        }
    }
}

#[test]
fn context_adds_the_sentence() {
    let text = format!("Intro line without figures.\n\n{AWS}");
    let out = extract_in(Path::new("."), &["--context", "-"], Some(text.as_bytes()));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    for r in &recs {
        assert_eq!(r["sentence"], AWS.trim_end());
    }
    let plain = records(&extract_in(Path::new("."), &["-"], Some(text.as_bytes())));
    assert!(plain.iter().all(|r| r.get("sentence").is_none()));
}

#[test]
fn summary_is_a_table_per_provider_and_metric() {
    let text = format!("{AWS}Microsoft said Azure revenue grew 30%.\n");
    let out = extract_in(Path::new("."), &["--summary", "-"], Some(text.as_bytes()));
    assert_eq!(code(&out), 0);
    let table = stdout(&out);
    let lines: Vec<Vec<&str>> = table
        .lines()
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(
        lines[0],
        ["provider", "metric", "kind", "facts", "latest", "largest"]
    );
    assert!(lines.contains(&vec![
        "Amazon",
        "customers",
        "count",
        "1",
        "more than 1 million",
        "more than 1 million"
    ]));
    assert!(
        lines
            .iter()
            .any(|l| l[0] == "Microsoft" && l[1] == "growth"),
        "{table}"
    );
    assert!(!table.contains('{'), "no records: {table}");
}

#[test]
fn progress_bar_is_silent_when_stderr_is_not_a_terminal() {
    let dir = tempdir();
    for i in 0..60 {
        write(dir.path(), &format!("many/{i:02}.txt"), AWS);
    }
    let out = extract_in(dir.path(), &["many"], None);
    assert_eq!(code(&out), 0);
    assert_eq!(records(&out).len(), 120);
    assert_eq!(stderr(&out), "");
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = extract(&["--completions", shell]);
        assert_eq!(code(&out), 0, "{shell}");
        let script = stdout(&out);
        assert!(script.contains("extract"), "{shell}");
        assert!(script.contains("providers"), "{shell}");
    }
    let out = extract(&["--man"]);
    assert_eq!(code(&out), 0);
    let page = stdout(&out);
    assert!(page.contains(".TH extract 1"), "{page}");
    assert!(page.contains("providers"));
    assert_eq!(code(&extract(&["--completions", "tcsh"])), 2);
}

// ---------------------------------------------------------------- schema

#[test]
fn schema_validates_every_corpus_record() {
    let out = extract(&["--schema"]);
    assert_eq!(code(&out), 0);
    let schema: Value = serde_json::from_str(stdout(&out)).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // the schema knows every field, in the record's order
    let props: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut fields = extract::record::FIELDS.to_vec();
    fields.sort();
    let mut sorted = props.clone();
    sorted.sort();
    assert_eq!(sorted, fields);

    let mut count = 0;
    for args in [&["corpus"][..], &["--context", "corpus"]] {
        let out = extract(args);
        assert_eq!(code(&out), 0);
        for r in records(&out) {
            if let Err(e) = validate(&schema, &r, "") {
                panic!("{e}\n{r}");
            }
            count += 1;
        }
    }
    assert!(count > 200);
    // and it rejects what is not a record
    let bad = [serde_json::json!({}), serde_json::json!({"doc": 1})];
    for b in bad {
        assert!(validate(&schema, &b, "").is_err());
    }
    let mut r = records(&extract(&["corpus"]))[0].clone();
    r["kind"] = "weight".into();
    assert!(validate(&schema, &r, "").is_err());
    r["kind"] = "money".into();
    r["extra"] = 1.into();
    assert!(validate(&schema, &r, "").is_err());
}

/// A validator for the JSON Schema keywords the record schema uses: `type`,
/// `enum`, `required`, `properties`, `additionalProperties`, `minimum`,
/// `minLength` and `pattern`. Any other keyword fails, so the schema cannot
/// grow past what is checked here unnoticed.
fn validate(schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = schema
        .as_object()
        .ok_or(format!("{at}: schema not an object"))?;
    for (key, rule) in schema {
        match key.as_str() {
            "$schema" | "title" | "description" => {}
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => return Err(format!("{at}: bad type")),
                };
                let ok = types.iter().any(|t| match *t {
                    "string" => value.is_string(),
                    "integer" => value.is_i64() || value.is_u64(),
                    "number" => value.is_number(),
                    "null" => value.is_null(),
                    "object" => value.is_object(),
                    "boolean" => value.is_boolean(),
                    "array" => value.is_array(),
                    _ => false,
                });
                if !ok {
                    return Err(format!("{at}: {value} is not of type {types:?}"));
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    return Err(format!("{at}: {value} not in {rule}"));
                }
            }
            "required" => {
                for name in rule.as_array().unwrap() {
                    let name = name.as_str().unwrap();
                    if value.get(name).is_none() {
                        return Err(format!("{at}: `{name}` missing"));
                    }
                }
            }
            "properties" => {
                if let Some(object) = value.as_object() {
                    for (name, sub) in rule.as_object().unwrap() {
                        if let Some(v) = object.get(name) {
                            validate(sub, v, &format!("{at}/{name}"))?;
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(rule, &Value::Bool(false));
                let known = schema["properties"].as_object().unwrap();
                if let Some(extra) = value
                    .as_object()
                    .and_then(|o| o.keys().find(|k| !known.contains_key(*k)))
                {
                    return Err(format!("{at}: unknown field `{extra}`"));
                }
            }
            "minimum" => {
                if let Some(n) = value.as_f64().filter(|n| *n < rule.as_f64().unwrap()) {
                    return Err(format!("{at}: {n} < {rule}"));
                }
            }
            "minLength" => {
                let min = rule.as_u64().unwrap();
                if let Some(s) = value.as_str().filter(|s| (s.chars().count() as u64) < min) {
                    return Err(format!("{at}: {s:?} too short"));
                }
            }
            "pattern" => {
                if let Some(s) = value.as_str() {
                    let re = regex::Regex::new(rule.as_str().unwrap()).unwrap();
                    if !re.is_match(s) {
                        return Err(format!("{at}: {s:?} does not match {rule}"));
                    }
                }
            }
            other => return Err(format!("{at}: keyword `{other}` not checked by this test")),
        }
    }
    Ok(())
}
