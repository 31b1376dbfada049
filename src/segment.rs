//! Sentences and clauses, found around a position rather than for a whole
//! document: only the text near a figure is ever segmented.
//!
//! A sentence ends at `.`, `!` or `?` followed by a space and a capital (not
//! after an abbreviation such as `Inc.` or `U.S.`), at a blank line, and at a
//! line break that starts a bullet, an indented paragraph or a table row, or
//! that follows a line ending in punctuation or in a capitalized word (a
//! headline). A line break inside a wrapped sentence (`net\nprofit`) does not
//! end it. Clauses split a sentence at `;`, `:`, dashes, parentheses and the
//! conjunctions `but`, `while`, `whereas`.

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Mr", "Mrs", "Ms", "Dr", "St", "No", "Nos", "vs",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx",
    "est", "e.g", "i.e", "U.S", "U.K", "U.N", "E.U", "Bros", "Mt", "Ft", "Gov", "Sen", "Rep",
    "Gen", "Col", "Lt", "Prof", "Ave", "Blvd", "Dept", "Univ", "etc", "al", "cf", "Fig", "Nasdaq",
    "NYSE",
];

/// Words that cannot end a line that ends a sentence.
const CONTINUING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "for", "and", "or", "by", "with", "from", "at", "on", "as",
    "its", "their", "than", "that",
];

/// True when a sentence ends somewhere inside `s`.
pub fn crosses_sentence(s: &str) -> bool {
    first_boundary(s, 0, s.len()).is_some()
}

/// The first `i` in `from..to` after which a sentence ends: `i` is the
/// terminating punctuation or the line break ([`ends_sentence`]). Only the
/// bytes that can end one are looked at, found by vectorized search:
/// sentences are looked for around every figure.
fn first_boundary(text: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[..to];
    let mut at = from;
    // the next line break, kept until passed (punctuation is denser)
    let mut line_break = None;
    while at < to {
        let nl = match line_break {
            Some(nl) if nl >= at => nl,
            _ => memchr::memchr(b'\n', &bytes[at..]).map_or(to, |k| at + k),
        };
        line_break = Some(nl);
        let mark = memchr::memchr3(b'.', b'!', b'?', &bytes[at..nl]).map_or(nl, |k| at + k);
        if mark >= to {
            return None;
        }
        if ends_sentence(text, mark) {
            return Some(mark);
        }
        at = mark + 1;
    }
    None
}

/// The last `i` in `from..to` after which a sentence ends ([`first_boundary`]).
fn last_boundary(text: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = to;
    let mut line_break = None;
    while at > from {
        let nl = match line_break {
            Some(nl) if nl < at => Some(nl),
            Some(_) | None => memchr::memrchr(b'\n', &bytes[from..at]).map(|k| from + k),
        };
        line_break = nl;
        let low = nl.map_or(from, |nl| nl + 1);
        let mark = memchr::memrchr3(b'.', b'!', b'?', &bytes[low..at])
            .map(|k| low + k)
            .or(nl)?;
        if ends_sentence(text, mark) {
            return Some(mark);
        }
        at = mark;
    }
    None
}

/// Whether a sentence ends right after byte `i` of `text`, a byte that is
/// `.`, `!`, `?` or a line break.
fn ends_sentence(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes[i] {
        b'.' | b'!' | b'?' => {
            let rest = &text[i + 1..];
            let rest = rest.trim_start_matches(['"', '\'', ')']);
            let rest = rest
                .strip_prefix("”")
                .or_else(|| rest.strip_prefix("’"))
                .unwrap_or(rest);
            let Some(after_space) = rest.strip_prefix([' ', '\n', '\t']) else {
                return rest.is_empty();
            };
            let next = after_space.trim_start().chars().next();
            if !next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '“' | '(' | '$' | '*' | '-' | '•')
            }) {
                return false;
            }
            bytes[i] != b'.' || !is_abbreviation(&text[..i])
        }
        b'\n' => line_break_ends_sentence(text, i),
        _ => false,
    }
}

fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '"')
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    ABBREVIATIONS.contains(&word)
        || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
}

fn line_break_ends_sentence(text: &str, i: usize) -> bool {
    let rest = &text[i + 1..];
    let next_line = rest.split('\n').next().unwrap_or("");
    if next_line.trim().is_empty() {
        return true; // blank line (or end of text)
    }
    if next_line.starts_with([' ', '\t', '-', '*', '•', '#', '|', '>'])
        || next_line.trim_start().starts_with(['•', '|'])
    {
        return true; // indented paragraph, bullet, heading or table row
    }
    let line = text[..i].rsplit('\n').next().unwrap_or("").trim_end();
    if line.is_empty() {
        return true;
    }
    if line.ends_with(['.', '!', '?', ':', ';', '"', '”', '|']) {
        return true;
    }
    // `Consolidated Freightlines\nInc <CFL>`: a company name wrapped before its suffix
    if ["Inc", "Corp", "Co.", "Ltd", "LLC", "AG", "plc"]
        .iter()
        .any(|w| next_line.starts_with(w))
    {
        return false;
    }
    let first = next_line.chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || c == '"' || c == '“' || c == '(') {
        return false; // a wrapped sentence goes on in lower case or digits
    }
    let last_word = line.rsplit([' ', '\t']).next().unwrap_or("");
    !(line.ends_with(',') || CONTINUING.contains(&last_word))
}

/// The bounds of the sentence holding byte `pos`.
pub fn sentence_at(text: &str, pos: usize) -> (usize, usize) {
    sentence_within(text, pos, MAX_SENTENCE)
}

/// The longest stretch (bytes, each way from a figure) read as its sentence:
/// text with no sentence end for longer (a table flattened into one line, a
/// file of digits) is cut there, so that finding sentences stays linear.
pub const MAX_SENTENCE: usize = 2000;

/// The sentence holding `pos`, looked for at most `reach` bytes each way.
pub fn sentence_within(text: &str, pos: usize, reach: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ceiling = (pos + reach).min(bytes.len());
    let mut start = back_to_boundary(text, pos, reach);
    let from = pos.min(bytes.len());
    let end = first_boundary(text, from, ceiling.max(from)).map_or(ceiling.max(from), |i| i + 1);
    // skip the spaces between sentences
    while start < end && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    // a cut at the reach lands on a character boundary
    let start = text.ceil_char_boundary(start);
    (
        start,
        text.ceil_char_boundary(end.min(bytes.len())).max(start),
    )
}

/// Where the sentence holding `pos` starts, looked for at most `reach` bytes
/// back: [`sentence_within`]'s start, for a `pos` on a character that is no
/// space, without looking ahead for the sentence's end.
pub fn sentence_start_within(text: &str, pos: usize, reach: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = back_to_boundary(text, pos, reach);
    while start < pos && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    text.ceil_char_boundary(start)
}

/// The first byte after the last sentence end before `pos`, at most `reach`
/// bytes back.
fn back_to_boundary(text: &str, pos: usize, reach: usize) -> usize {
    let floor = pos.saturating_sub(reach);
    let start = pos.min(text.len());
    if start <= floor {
        return start;
    }
    last_boundary(text, floor, start).map_or(floor, |i| i + 1)
}

/// Whether `pos` lies on a line that is only a list item linking elsewhere
/// (`- [Rival raises $1 billion](https://...)`): related-story lists in
/// Markdown pages, not the article.
pub fn in_link_list(text: &str, pos: usize) -> bool {
    let (start, end) = crate::tables::line_at(text, pos);
    is_link_item(&text[start..end])
}

/// Whether `line` is only a list item linking elsewhere (see [`in_link_list`]).
pub fn is_link_item(line: &str) -> bool {
    let line = line.trim();
    let Some(item) = line.strip_prefix(['-', '*', '+']).map(str::trim_start) else {
        return false;
    };
    item.starts_with('[') && item.ends_with(')') && item.contains("](http")
}

/// Clause separators within a sentence.
const CLAUSE_MARKS: &[&str] = &[
    "; ",
    ": ",
    " — ",
    " – ",
    " -- ",
    "(",
    ")",
    ", but ",
    ", while ",
    " while ",
    ", whereas ",
    " whereas ",
    ", and ",
    ", compared with ",
    ", compared to ",
    ", versus ",
    ", followed ",
];

/// Every clause mark of [`CLAUSE_MARKS`], in one pass over a sentence.
static CLAUSE_MATCHER: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(CLAUSE_MARKS).expect("clause marks build"));

/// The clause marks of one sentence, found once for all the figures in it.
#[derive(Clone, Debug, Default)]
pub struct Clauses {
    sentence: (usize, usize),
    /// Where the marks start and end, relative to the sentence, each sorted.
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Clauses {
    /// The marks of `sentence`: for each mark, its non-overlapping
    /// occurrences from the left, as `str::match_indices` gives them.
    pub fn new(text: &str, sentence: (usize, usize)) -> Clauses {
        let mut clauses = Clauses::default();
        clauses.read(text, sentence);
        clauses
    }

    /// Replaces the marks with those of another sentence, in the same room.
    pub fn read(&mut self, text: &str, sentence: (usize, usize)) {
        let s = &text[sentence.0..sentence.1];
        let mut resume = [0usize; CLAUSE_MARKS.len()];
        self.sentence = sentence;
        self.starts.clear();
        self.ends.clear();
        // overlapping matches come by end, so each mark's come in order
        for m in CLAUSE_MATCHER.find_overlapping_iter(s) {
            let p = m.pattern().as_usize();
            if m.start() >= resume[p] {
                resume[p] = m.end();
                self.starts.push(m.start());
                self.ends.push(m.end());
            }
        }
        self.starts.sort_unstable();
        self.ends.sort_unstable();
    }

    /// The bounds of the clause holding `pos`: from the last mark that ends
    /// at or before it to the first mark that starts at or after it.
    pub fn at(&self, pos: usize) -> (usize, usize) {
        let len = self.sentence.1 - self.sentence.0;
        let rel = pos.saturating_sub(self.sentence.0).min(len);
        let start = self
            .ends
            .partition_point(|&e| e <= rel)
            .checked_sub(1)
            .map_or(0, |i| self.ends[i]);
        let end = self
            .starts
            .get(self.starts.partition_point(|&k| k < rel))
            .map_or(len, |&k| k);
        (self.sentence.0 + start, self.sentence.0 + end.max(start))
    }
}

/// The bounds of the clause holding `pos` within the sentence `sentence`.
pub fn clause_at(text: &str, sentence: (usize, usize), pos: usize) -> (usize, usize) {
    Clauses::new(text, sentence).at(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte definition that `first_boundary` and
    /// `last_boundary` find with vectorized search.
    fn boundaries(text: &str, from: usize, to: usize) -> Vec<usize> {
        (from..to)
            .filter(|&i| matches!(text.as_bytes()[i], b'.' | b'!' | b'?' | b'\n'))
            .filter(|&i| ends_sentence(text, i))
            .collect()
    }

    #[test]
    fn boundaries_found_by_search_are_those_of_every_byte() {
        let pieces = [
            "Revenue", "rose", "5.6", "U.S.", "Inc.", " ", " ", "\n", "\n\n", ".", "!", "?", ". ",
            "! ", "? ", ".\n", "\"", "”", "’", "$", "(", "-", "The", "it", "and", ",", "é",
        ];
        let mut rng = crate::test_rng::Lcg::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 16);
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let (a, b) = (cuts[rng.below(cuts.len())], cuts[rng.below(cuts.len())]);
            let (from, to) = (a.min(b), a.max(b));
            let all = boundaries(&text, from, to);
            assert_eq!(
                first_boundary(&text, from, to),
                all.first().copied(),
                "{text:?} {from}..{to}"
            );
            assert_eq!(
                last_boundary(&text, from, to),
                all.last().copied(),
                "{text:?} {from}..{to}"
            );
        }
    }

    fn sentence(text: &str, needle: &str) -> String {
        let pos = text.find(needle).unwrap();
        let (s, e) = sentence_at(text, pos);
        text[s..e].trim_end().to_string()
    }

    #[test]
    fn finds_sentences() {
        let text = "Acme Inc. said revenue rose. It now has 5 customers! The U.S. unit grew 3%.";
        assert_eq!(sentence(text, "revenue"), "Acme Inc. said revenue rose.");
        assert_eq!(sentence(text, "5 cust"), "It now has 5 customers!");
        assert_eq!(sentence(text, "3%"), "The U.S. unit grew 3%.");
    }

    #[test]
    fn wrapped_lines_do_not_end_sentences() {
        let text = "Toshiba expects to report a\ngroup net profit of 38 billion yen for the\nU.S. market.\n    Sales fell 1.9 pct.";
        assert_eq!(
            sentence(text, "38 billion"),
            "Toshiba expects to report a\ngroup net profit of 38 billion yen for the\nU.S. market."
        );
        assert_eq!(sentence(text, "1.9"), "Sales fell 1.9 pct.");
    }

    #[test]
    fn headlines_and_bullets_end_sentences() {
        let text = "Amazon Commits Over $1 Billion to Microsoft\nIn a move, it paid.\n- Revenue: $5\n- EPS: $1";
        assert_eq!(
            sentence(text, "$1 B"),
            "Amazon Commits Over $1 Billion to Microsoft"
        );
        assert_eq!(sentence(text, "$5"), "- Revenue: $5");
    }

    #[test]
    fn link_lists_are_found() {
        let text = "Body $5.\n-   [Rival raises $1 billion](https://example.com/a)\nMore [up 5%](https://x.y) text.";
        assert!(!in_link_list(text, text.find("$5").unwrap()));
        assert!(in_link_list(text, text.find("$1").unwrap()));
        assert!(!in_link_list(text, text.find("5%").unwrap()));
    }

    #[test]
    fn clauses_are_those_of_each_mark_from_the_left() {
        let text = "A — — B; C: D (E) -- -- F, but G while H, whereas I, and J, followed K";
        let sentence = (0, text.len());
        let clauses = Clauses::new(text, sentence);
        for pos in 0..=text.len() {
            // each mark's occurrences as `match_indices` finds them
            let rel = pos.min(text.len());
            let (mut start, mut end) = (0, text.len());
            for mark in CLAUSE_MARKS {
                for (k, _) in text.match_indices(mark) {
                    if k + mark.len() <= rel {
                        start = start.max(k + mark.len());
                    } else if k >= rel {
                        end = end.min(k);
                    }
                }
            }
            assert_eq!(clauses.at(pos), (start, end.max(start)), "at {pos}");
        }
    }

    #[test]
    fn finds_clauses() {
        let text = "AWS had a 32 percent share, followed closely by Microsoft at 22 percent.";
        let s = sentence_at(text, 0);
        let pos = text.find("22").unwrap();
        let (a, b) = clause_at(text, s, pos);
        assert_eq!(&text[a..b], "closely by Microsoft at 22 percent.");
    }
}
