//! The lexicon: company names as data, and where they occur in a text.
//!
//! Input: `providers.tsv` (compiled in) plus any `--providers FILE` of the same
//! format, and a document's text. Output: [`Entity`] mentions in text order,
//! each with its canonical name and whether it is a provider (a company a
//! figure can belong to) or a source (a bank or research firm that estimates
//! figures about others). Companies that no table lists are found from the way
//! the text names them (`D-Wave Quantum Inc.`, `Toshiba Corp`): see
//! [`companies`].
//!
//! File format, one company per line, tab-separated, `#` starts a comment:
//! `canonical<TAB>provider|source<TAB>alias|alias|...`. Aliases match
//! case-sensitively as whole words; the canonical name is always an alias.

pub mod companies;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, LazyLock};

const BUILTIN: &str = include_str!("providers.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Provider,
    Source,
}

/// One company name found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub canonical: Arc<str>,
    pub role: Role,
}

/// A line of a providers file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// Canonical names and their aliases, compiled into one matcher.
#[derive(Clone)]
pub struct Lexicon {
    matcher: AhoCorasick,
    /// Per pattern: canonical name and role.
    targets: Vec<(Arc<str>, Role)>,
    /// Canonical name -> role, for names found in the text.
    roles: HashMap<Arc<str>, Role>,
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lexicon({} aliases)", self.targets.len())
    }
}

type Row = (String, Role, Vec<String>);

fn parse(text: &str) -> Result<Vec<Row>, LexiconError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: &str| LexiconError {
            line: i + 1,
            message: message.to_string(),
        };
        let mut fields = line.split('\t');
        let canonical = fields.next().unwrap_or("").trim();
        let role = match fields.next().map(str::trim) {
            Some("provider") | None => Role::Provider,
            Some("source") => Role::Source,
            Some(_) => return Err(err("the second field must be `provider` or `source`")),
        };
        if canonical.is_empty() {
            return Err(err("the canonical name is empty"));
        }
        let mut aliases: Vec<String> = fields
            .next()
            .unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        if !aliases.iter().any(|a| a == canonical) {
            aliases.push(canonical.to_string());
        }
        rows.push((canonical.to_string(), role, aliases));
    }
    Ok(rows)
}

impl Lexicon {
    /// The compiled-in table.
    pub fn builtin() -> Lexicon {
        BUILTIN_LEXICON.clone()
    }

    /// The compiled-in table extended by a providers file's text. A later line
    /// for an alias overrides the built-in one.
    pub fn with_extra(extra: &str) -> Result<Lexicon, LexiconError> {
        let mut rows = parse(BUILTIN).expect("built-in table parses");
        rows.extend(parse(extra)?);
        Ok(Lexicon::build(rows))
    }

    fn build(rows: Vec<Row>) -> Lexicon {
        let mut by_alias: HashMap<String, (Arc<str>, Role)> = HashMap::new();
        let mut roles = HashMap::new();
        for (canonical, role, aliases) in rows {
            let canonical: Arc<str> = canonical.into();
            roles.insert(canonical.clone(), role);
            for alias in aliases {
                by_alias.insert(alias, (canonical.clone(), role));
            }
        }
        let mut patterns: Vec<(String, (Arc<str>, Role))> = by_alias.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        // a DFA: it is searched over every document's whole text
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|p| p.0.as_str()))
            .expect("alias matcher builds");
        Lexicon {
            matcher,
            targets: patterns.into_iter().map(|p| p.1).collect(),
            roles,
        }
    }

    /// The role of a canonical name, if the table lists it.
    pub fn role_of(&self, canonical: &str) -> Option<Role> {
        self.roles.get(canonical).copied()
    }

    /// The canonical entry an alias stands for.
    pub fn lookup(&self, alias: &str) -> Option<(Arc<str>, Role)> {
        let m = self.matcher.find(alias)?;
        (m.start() == 0 && m.end() == alias.len())
            .then(|| self.targets[m.pattern().as_usize()].clone())
    }

    /// Every listed alias that stands as a whole word in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Entity> {
        let bytes = text.as_bytes();
        self.matcher
            .find_iter(text)
            .filter(|m| is_word_edge(bytes, m.start(), m.end()))
            .map(|m| {
                let (canonical, role) = self.targets[m.pattern().as_usize()].clone();
                Entity {
                    start: m.start(),
                    end: m.end(),
                    canonical,
                    role,
                }
            })
            .collect()
    }
}

/// The match neither starts nor ends inside a word.
pub(crate) fn is_word_edge(bytes: &[u8], start: usize, end: usize) -> bool {
    let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    !glued(start.checked_sub(1).and_then(|i| bytes.get(i))) && !glued(bytes.get(end))
}

static BUILTIN_LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::build(parse(BUILTIN).expect("built-in table parses")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_complete() {
        let rows = parse(BUILTIN).unwrap();
        for role in [Role::Provider, Role::Source] {
            let names: Vec<String> = rows
                .iter()
                .filter(|r| r.1 == role)
                .map(|r| r.0.to_lowercase())
                .collect();
            let mut sorted = names.clone();
            sorted.sort();
            assert_eq!(names, sorted, "{role:?} rows are sorted by canonical name");
        }
        let mut seen = HashMap::new();
        for (canonical, _, aliases) in &rows {
            assert!(!aliases.is_empty());
            for alias in aliases {
                assert!(!alias.trim().is_empty());
                if let Some(other) = seen.insert(alias.clone(), canonical.clone()) {
                    panic!("alias {alias} listed for {other} and {canonical}");
                }
            }
        }
    }

    #[test]
    fn finds_aliases_as_whole_words() {
        let lex = Lexicon::builtin();
        let text =
            "Microsoft’s Azure beat AWS; Amazon Web Services and Microsoft 365 grew. AWSome.";
        let entities = lex.find(text);
        let found: Vec<(&str, &str)> = entities
            .iter()
            .map(|e| (&text[e.start..e.end], &*e.canonical))
            .collect();
        assert_eq!(
            found,
            [
                ("Microsoft", "Microsoft"),
                ("Azure", "Microsoft"),
                ("AWS", "Amazon"),
                ("Amazon Web Services", "Amazon"),
                ("Microsoft 365", "Microsoft"),
            ]
        );
    }

    #[test]
    fn extra_rows_extend_and_override() {
        let lex =
            Lexicon::with_extra("Quantix\tprovider\tQuantix|QNTX\nAcme Research\tsource\tAcme\n")
                .unwrap();
        let found = lex.find("Quantix said Acme expects");
        assert_eq!(&*found[0].canonical, "Quantix");
        assert_eq!(found[1].role, Role::Source);
        let bad = Lexicon::with_extra("X\tfriend\tX").unwrap_err();
        assert_eq!(bad.line, 1);
    }
}
