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

mod capitals;
pub mod companies;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap;
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

/// Canonical names and their aliases, compiled for finding them in a text.
///
/// The aliases that open with an ASCII capital (nearly all) are walked from
/// each capital of the text only (`lexicon/capitals.rs`); the others
/// (`eBay`) are searched for as usual. Together they find what one
/// leftmost-longest search of all the aliases finds.
#[derive(Clone)]
pub struct Lexicon {
    /// The aliases that open with a capital, anchored, leftmost-longest.
    capitalized: DFA,
    /// The other aliases, if any.
    others: Option<AhoCorasick>,
    /// Per pattern of `capitalized`: its alias's index.
    capitalized_aliases: Vec<usize>,
    /// Per pattern of `others`: its alias's index.
    other_aliases: Vec<usize>,
    /// Per alias (sorted): canonical name and role.
    targets: Vec<(Arc<str>, Role)>,
    /// Alias -> its index, for names found in the text. Fx hashing: a
    /// lookup runs for each name the text defines, and the table's keys are
    /// fixed when it is built, so the text cannot crowd a bucket.
    by_alias: FxHashMap<String, usize>,
    /// Canonical name -> role, for names found in the text.
    roles: FxHashMap<Arc<str>, Role>,
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
        let mut by_alias: FxHashMap<String, (Arc<str>, Role)> = FxHashMap::default();
        let mut roles = FxHashMap::default();
        for (canonical, role, aliases) in rows {
            let canonical: Arc<str> = canonical.into();
            roles.insert(canonical.clone(), role);
            for alias in aliases {
                by_alias.insert(alias, (canonical.clone(), role));
            }
        }
        let mut patterns: Vec<(String, (Arc<str>, Role))> = by_alias.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let (capitalized_aliases, other_aliases): (Vec<usize>, Vec<usize>) =
            (0..patterns.len()).partition(|&k| patterns[k].0.as_bytes()[0].is_ascii_uppercase());
        let capitalized = aho_corasick::dfa::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(capitalized_aliases.iter().map(|&k| patterns[k].0.as_str()))
            .expect("alias automaton builds");
        let others = (!other_aliases.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(other_aliases.iter().map(|&k| patterns[k].0.as_str()))
                .expect("alias matcher builds")
        });
        Lexicon {
            capitalized,
            others,
            capitalized_aliases,
            other_aliases,
            by_alias: patterns
                .iter()
                .enumerate()
                .map(|(k, p)| (p.0.clone(), k))
                .collect(),
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
        self.by_alias.get(alias).map(|&k| self.targets[k].clone())
    }

    /// Every listed alias that stands as a whole word in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Entity> {
        let bytes = text.as_bytes();
        self.leftmost_longest(text)
            .into_iter()
            .filter(|&(start, end, _)| is_word_edge(bytes, start, end))
            .map(|(start, end, alias)| {
                let (canonical, role) = self.targets[alias].clone();
                Entity {
                    start,
                    end,
                    canonical,
                    role,
                }
            })
            .collect()
    }

    /// The aliases' leftmost-longest matches in `text`, not overlapping, as
    /// one search of them all finds them: `(start, end, alias)`.
    fn leftmost_longest(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        // the next match of each kind of alias from `at` on
        let mut capitalized = self.capitalized_from(text, 0);
        let mut other = self.other_from(text, 0);
        loop {
            // the two kinds open with different bytes: no tie on the start
            let next = match (capitalized, other) {
                (Some(c), Some(o)) => Some(if c.0 < o.0 { c } else { o }),
                (c, o) => c.or(o),
            };
            let Some(m) = next else {
                return out;
            };
            out.push(m);
            let at = m.1;
            if capitalized.is_some_and(|c| c.0 < at) {
                capitalized = self.capitalized_from(text, at);
            }
            if other.is_some_and(|o| o.0 < at) {
                other = self.other_from(text, at);
            }
        }
    }

    /// The first capital from `at` on where a capitalized alias starts, with
    /// the longest alias there.
    fn capitalized_from(&self, text: &str, at: usize) -> Option<(usize, usize, usize)> {
        let dfa = &self.capitalized;
        let start = dfa.start_state(Anchored::Yes).expect("anchored start");
        let bytes = text.as_bytes();
        capitals::positions(bytes, at).find_map(|s| {
            let mut state = start;
            let mut longest = None;
            for (i, &b) in bytes[s..].iter().enumerate() {
                state = dfa.next_state(Anchored::Yes, state, b);
                if dfa.is_dead(state) {
                    break;
                }
                if !dfa.is_match(state) {
                    continue;
                }
                // a state also holds the shorter aliases that end here but
                // start later (`Walt Disney` in `The Walt Disney Co`): only
                // one as long as the walk starts at `s`
                for k in 0..dfa.match_len(state) {
                    let p = dfa.match_pattern(state, k);
                    if dfa.pattern_len(p) == i + 1 {
                        longest = Some((s, s + i + 1, p.as_usize()));
                    }
                }
            }
            longest.map(|(s, e, p)| (s, e, self.capitalized_aliases[p]))
        })
    }

    /// The leftmost-longest match from `at` on of the other aliases.
    fn other_from(&self, text: &str, at: usize) -> Option<(usize, usize, usize)> {
        let m = self.others.as_ref()?.find(Input::new(text).range(at..))?;
        Some((
            m.start(),
            m.end(),
            self.other_aliases[m.pattern().as_usize()],
        ))
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
        let mut seen = std::collections::HashMap::new();
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

    /// `lex` finds what one leftmost-longest search of all its aliases
    /// finds, on `texts` texts of up to `most - 1` of `pieces`.
    fn agrees_with_one_search(
        lex: &Lexicon,
        rng: &mut crate::test_rng::Lcg,
        pieces: &[&str],
        texts: usize,
        most: usize,
    ) {
        let mut aliases: Vec<(String, usize)> =
            lex.by_alias.iter().map(|(a, &k)| (a.clone(), k)).collect();
        aliases.sort();
        let all = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(aliases.iter().map(|a| a.0.as_str()))
            .unwrap();
        for _ in 0..texts {
            let text = rng.text(pieces, most);
            let want: Vec<(usize, usize, usize)> = all
                .find_iter(&text)
                .map(|m| (m.start(), m.end(), aliases[m.pattern().as_usize()].1))
                .collect();
            assert_eq!(lex.leftmost_longest(&text), want, "{text:?}");
        }
    }

    #[test]
    fn capitals_and_others_find_what_one_search_finds() {
        // capitalized aliases that overlap each other and the others: a
        // match inside a word still hides what it overlaps, as in one search
        let lex = Lexicon::with_extra(concat!(
            "Nimbus\tprovider\tNimbus|Nimbus Cloud|Cloud Nine|NC\n",
            // aliases that end others, or stand inside them: an anchored
            // walk that goes past them must not report them
            "Suffixes\tprovider\tCloud|Nine|Cloud Ni|The Nimbus Cloud Company\n",
            "Lowbrand\tprovider\tlowbrand|eNimbus|9Cloud|Ørsted Cloud\n",
            "Digits\tprovider\tA1|A1 B2|B2 eBay\n",
        ))
        .unwrap();
        let pieces = [
            "The Nimbus",
            "The Nimbus Cloud",
            " Co",
            "Nimbus",
            "Nimbus Cloud",
            "Cloud",
            " Nine",
            "NC",
            "N",
            "lowbrand",
            "eNimbus",
            "9",
            "Ørsted",
            " Cloud",
            "A1",
            " B2",
            "B2",
            " eBay",
            "eBay",
            "iCloud",
            "AWS",
            "Azure",
            "Microsoft",
            " ",
            "x",
            "Z",
            ", ",
            "é",
            "Amazon Web Services",
            "Amazon",
        ];
        let mut rng = crate::test_rng::Lcg::new(5);
        for lex in [lex, Lexicon::builtin()] {
            agrees_with_one_search(&lex, &mut rng, &pieces, 10_000, 12);
        }
    }

    #[test]
    fn random_alias_sets_find_what_one_search_finds() {
        // aliases of a few bytes, so that they open, end and stand inside
        // one another in every way
        let bytes = ["A", "B", "a", " ", "é", "É", "1"];
        let mut rng = crate::test_rng::Lcg::new(23);
        for _ in 0..500 {
            let mut aliases: Vec<String> = (0..2 + rng.below(8))
                .map(|_| rng.text(&bytes, 5))
                .filter(|a| !a.is_empty())
                .collect();
            aliases.sort();
            aliases.dedup();
            if aliases.is_empty() {
                continue;
            }
            let lex = Lexicon::build(vec![("Co".into(), Role::Provider, aliases)]);
            agrees_with_one_search(&lex, &mut rng, &bytes, 100, 30);
        }
    }

    #[test]
    fn a_name_inside_a_longer_one_keeps_its_own_start() {
        // `The Walt Disney Company` is listed, and so is `Walt Disney`
        let lex = Lexicon::builtin();
        let text = "The Walt Disney Corp said";
        let found: Vec<&str> = lex
            .find(text)
            .iter()
            .map(|e| &text[e.start..e.end])
            .collect();
        assert_eq!(found, ["Walt Disney"]);
    }

    #[test]
    fn looks_up_whole_aliases_only() {
        let lex = Lexicon::builtin();
        assert_eq!(
            lex.lookup("Amazon Web Services").map(|t| t.0),
            Some("Amazon".into())
        );
        assert_eq!(lex.lookup("eBay").map(|t| t.0), Some("eBay".into()));
        assert_eq!(lex.lookup("Amazon Web"), None);
        assert_eq!(lex.lookup("AWSome"), None);
        assert_eq!(lex.lookup(""), None);
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
