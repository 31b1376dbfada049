//! Input: what the user names on the command line becomes [`Document`]s, a
//! name plus the text that offsets refer to.
//!
//! Files are decoded (see [`decode`]) and HTML, by extension or by content,
//! becomes its visible text (see [`html`]). Directories are walked
//! recursively in sorted order for `.txt`, `.md`, `.html` and `.htm` files
//! (not following links to directories, which can make cycles).
//! JSON-lines input holds one document per line, `{"id", "text"}` or
//! `{"id", "html"}`; its directories are walked for `.jsonl` and `.ndjson`. Non-goal: anything beyond reading; no extraction here.

pub mod decode;
pub mod html;
pub mod nesting;

use std::ffi::OsString;
use std::fmt;
use std::fs::FileType;
use std::path::{Path, PathBuf};

/// A document: its name (the path as given, or a JSON-lines id) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub text: String,
    /// A problem that did not stop the reading (a guessed encoding).
    pub warning: Option<String>,
}

/// Why an input could not be read.
#[derive(Debug)]
pub struct InputError {
    /// The path or `path:line` the error is about.
    pub name: String,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl std::error::Error for InputError {}

/// One thing to read: a file, or standard input (`-`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    /// The name records carry: the path as given.
    pub fn name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "-".to_string(),
        }
    }

    pub fn read_bytes(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Source::File(p) => std::fs::read(p),
            Source::Stdin => {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)?;
                Ok(buf)
            }
        }
    }

    fn is_html_by_name(&self) -> bool {
        match self {
            Source::File(p) => matches!(
                p.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref(),
                Some("html" | "htm" | "xhtml")
            ),
            Source::Stdin => false,
        }
    }
}

const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Files a directory walk takes in JSON-lines mode.
const JSON_LINES_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// The sources the arguments name: files as given, directories walked in
/// sorted order, `-` for standard input. Paths that cannot be walked come
/// back as errors, in their place.
pub fn expand(args: &[String]) -> Vec<Result<Source, InputError>> {
    expand_with(args, DOCUMENT_EXTENSIONS)
}

/// [`expand`] for JSON-lines input: directories are walked for `.jsonl`
/// and `.ndjson` files.
pub fn expand_json_lines(args: &[String]) -> Vec<Result<Source, InputError>> {
    expand_with(args, JSON_LINES_EXTENSIONS)
}

fn expand_with(args: &[String], extensions: &[&str]) -> Vec<Result<Source, InputError>> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            walk(path, extensions, &mut out);
        } else {
            out.push(Ok(Source::File(path.to_path_buf())));
        }
    }
    out
}

fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<Result<Source, InputError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(InputError {
                name: dir.display().to_string(),
                message: io_message(&e),
            }));
            return;
        }
    };
    // A directory reached through a symbolic link is not entered: links can
    // make cycles. Linked files are read like any other. Each entry's type
    // comes with the listing, so only a link (or an entry of unknown type)
    // costs a look at what it leads to: a look per file was most of the
    // walk of a directory of 27,000 documents. Within one directory, the
    // order of the names is the order of the paths.
    let mut entries: Vec<(OsString, Option<FileType>)> = entries
        .filter_map(|e| e.ok())
        .map(|e| (e.file_name(), e.file_type().ok()))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, kind) in entries {
        let path = dir.join(name);
        if kind.is_some_and(|t| t.is_dir()) {
            walk(&path, extensions, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
            && !(kind.is_none_or(|t| t.is_symlink()) && path.is_dir())
        {
            out.push(Ok(Source::File(path)));
        }
    }
}

/// A short, lower-case reason for an I/O error (`No such file or directory`).
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => e.to_string(),
    }
}

/// Reads one source into a document.
pub fn read(source: &Source) -> Result<Document, InputError> {
    let name = source.name();
    let bytes = source.read_bytes().map_err(|e| InputError {
        name: name.clone(),
        message: io_message(&e),
    })?;
    from_bytes(name, &bytes, source.is_html_by_name())
}

/// Decodes bytes into a document; HTML (by name or content) becomes its visible text.
///
/// ```
/// use extract::input::from_bytes;
/// // Windows-1252: 0x80 is the euro sign; decoded with a warning
/// let doc = from_bytes("memo.txt".into(), b"Sales of \x80 5 million", false).unwrap();
/// assert_eq!(doc.text, "Sales of € 5 million");
/// assert!(doc.warning.is_some());
/// // HTML becomes the text a reader sees
/// let doc = from_bytes("page.html".into(), b"<p>Revenue <b>rose</b> 5%</p>", true).unwrap();
/// assert_eq!(doc.text, "Revenue rose 5%");
/// ```
pub fn from_bytes(name: String, bytes: &[u8], html_by_name: bool) -> Result<Document, InputError> {
    let decoded = decode::decode(bytes).map_err(|e| InputError {
        name: name.clone(),
        message: e.to_string(),
    })?;
    let text = if html_by_name || html::looks_like_html(&decoded.text) {
        html::visible_text(&decoded.text)
    } else {
        decoded.text
    };
    Ok(Document {
        name,
        text,
        warning: decoded.warning,
    })
}

/// One line of JSON-lines input: `{"id": .., "text": ..}` or `{"id": .., "html": ..}`.
pub fn from_json_line(line: &str, origin: &str, number: usize) -> Result<Document, InputError> {
    // the usual line, read straight into its fields (a map of every field
    // costs a few allocations more per document); anything else, errors
    // included, takes the general path below
    let object = line.trim_start().starts_with('{'); // a struct reads arrays too
    if let Some(fields) = object
        .then(|| serde_json::from_str::<LineFields>(line).ok())
        .flatten()
    {
        let name = match fields.id {
            Field::Absent => Some(format!("{origin}:{number}")),
            Field::Present(serde_json::Value::String(s)) => Some(s),
            Field::Present(serde_json::Value::Number(n)) => Some(n.to_string()),
            Field::Present(_) => None,
        };
        if let (Some(name), Field::Present(serde_json::Value::String(text))) = (name, fields.text) {
            return Ok(Document {
                name,
                text,
                warning: None,
            });
        }
    }
    from_json_value(line, origin, number)
}

/// The fields of a JSON line that the usual line has, each as written. A
/// line with any other field takes the general path: a field skipped
/// unread is not checked (`1e400`, a lone surrogate), and a bad line must
/// stay an error.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LineFields {
    #[serde(default)]
    id: Field,
    #[serde(default)]
    text: Field,
}

/// A field's value (`null` too), or `Absent`: `Option` would read `null`
/// as absent, and an `id` of `null` is an error.
#[derive(Default)]
enum Field {
    #[default]
    Absent,
    Present(serde_json::Value),
}

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        serde_json::Value::deserialize(d).map(Field::Present)
    }
}

/// [`from_json_line`] through a map of every field: what decides for any
/// line, and what names the problem with one that is wrong.
fn from_json_value(line: &str, origin: &str, number: usize) -> Result<Document, InputError> {
    let err = |message: String| InputError {
        name: format!("{origin}:{number}"),
        message,
    };
    let mut value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
    let object = value
        .as_object_mut()
        .ok_or_else(|| err("not a JSON object".into()))?;
    let name = match object.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err(err("`id` is neither a string nor a number".into())),
        None => format!("{origin}:{number}"),
    };
    // the text is moved out of the parsed line, not copied
    let text = match (object.remove("text"), object.get("html")) {
        (Some(serde_json::Value::String(t)), _) => t,
        (_, Some(serde_json::Value::String(h))) => html::visible_text(h),
        _ => return Err(err("no string `text` or `html` field".into())),
    };
    Ok(Document {
        name,
        text,
        warning: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_take_text_or_html() {
        let d = from_json_line(r#"{"id": "a", "text": "x", "other": 1}"#, "-", 1).unwrap();
        assert_eq!((d.name.as_str(), d.text.as_str()), ("a", "x"));
        let d = from_json_line(r#"{"id": 7, "html": "<p>a &amp; b</p>"}"#, "-", 2).unwrap();
        assert_eq!((d.name.as_str(), d.text.as_str()), ("7", "a & b"));
        let e = from_json_line("{oops", "in.jsonl", 3).unwrap_err();
        assert_eq!(e.name, "in.jsonl:3");
        assert!(from_json_line(r#"{"id": "b"}"#, "-", 4).is_err());
    }

    #[test]
    fn json_lines_read_the_same_through_fields_or_a_map() {
        let lines = [
            r#"{"id": "a", "text": "x"}"#,
            r#"{"text": "x", "id": 12.5, "more": [1, {"text": 2}]}"#,
            r#"{"text": "no id"}"#,
            r#"{"id": null, "text": "x"}"#,
            r#"{"id": true, "text": "x"}"#,
            r#"{"id": "d", "text": "first", "text": "last"}"#,
            r#"{"id": "e", "text": null, "html": "<p>h</p>"}"#,
            r#"{"id": "f", "te\u0078t": "escaped key"}"#,
            r#"["g", "an array"]"#,
            r#"  {"id": "h", "text": "x"} trailing"#,
            r#"{"id": "i", "text": "x"#,
            "\"just a string\"",
            r#"{"id": "j", "text": "x", "x": "\ud800"}"#,
            r#"{"id": "k", "text": "x", "x": 1e400}"#,
            r#"{"id": "l", "text": "x\ud800"}"#,
            r#"{"id": 1e400, "text": "x"}"#,
        ];
        for line in lines {
            let fast = from_json_line(line, "in", 9).map(|d| (d.name, d.text));
            let general = from_json_value(line, "in", 9).map(|d| (d.name, d.text));
            match (fast, general) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{line}"),
                (Err(a), Err(b)) => assert_eq!((a.name, a.message), (b.name, b.message), "{line}"),
                (a, b) => panic!("{line}: {:?} vs {:?}", a.is_ok(), b.is_ok()),
            }
        }
        let deep = format!(
            r#"{{"id": "m", "text": "x", "x": {}1{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        assert!(
            from_json_line(&deep, "-", 1).is_err(),
            "nesting past serde_json's limit"
        );
        for line in [
            r#"{"id": "j", "text": "x", "x": "\ud800"}"#,
            r#"{"id": "k", "text": "x", "x": 1e400}"#,
        ] {
            assert!(from_json_line(line, "-", 1).is_err(), "{line}");
        }
        let last = from_json_line(r#"{"id": "d", "text": "first", "text": "last"}"#, "-", 1);
        assert_eq!(last.unwrap().text, "last");
        assert!(from_json_line(r#"["g", "an array"]"#, "-", 1).is_err());
    }
}
