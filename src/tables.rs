//! Tables: a figure in a table row takes the table's stated scale
//! (`(in millions, except per share data)`), and a bare number in a cell is
//! money when its row label says what it is (`Total revenues | 13,307`).
//!
//! Input: the text and a position. Output: the scale (power of ten and
//! currency) that applies there, if the position stands in a table row under
//! a scale note. A table row is a line with cells (`Revenue | $ 13,307`, as
//! the HTML stage writes rows, or Markdown's `| Revenue | 13,307 |`), or a
//! short line holding little but a figure (statements converted from PDF).
//! Non-goal: column headers; periods of table cells are not read.

use crate::per_thread::{PerThread, group_indices};
use regex::Regex;
use std::cell::RefCell;
use std::sync::LazyLock;

/// How far back (bytes) a scale note still governs a table.
const REACH: usize = 4000;
/// A line this long or longer without cells is prose, not a table row.
const SHORT_LINE: usize = 40;

/// The scale a table's note states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    pub power: i32,
    /// The currency the note names (`€ in millions`, `in millions of euros`).
    pub currency: Option<&'static str>,
}

static NOTE: PerThread<Regex> = PerThread::new(|| {
    // any word after `of` that is no currency, in Latin letters (`émigrés`
    // as much as `buyers`), says the table counts something else
    Regex::new(&format!(
        r"(?i)(?P<pre>\$|€|£|¥|RMB|USD|EUR|dollars|euros)?[ \t]*\(?(?:amounts?[ \t]+|presented[ \t]+)?in[ \t]+(?P<scale>thousands|millions|billions)(?-u:\b)(?:[ \t]+of[ \t]+(?P<post>U\.S\.[ \t]+dollars|dollars|euros|yen|yuan|RMB|[0-9A-Za-z_{}]+))?",
        crate::LATIN_LETTERS
    ))
        .expect("scale note pattern")
});

/// Row labels of figures that are no amount of money in the table's scale.
static NOT_SCALED_ROW: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)per[ \t]+(?:diluted[ \t]+|basic[ \t]+|common[ \t]+)?share|per[ \t]+ADS|EPS|shares|basic|diluted|percent|%|margin|ratio|rate|employees|headcount|customers|users|subscribers|days|weeks|months|years")
        .expect("row label pattern")
});

/// The longest stretch (bytes, each way) read as one line: a longer line is
/// prose or a flattened table, never a row, and cutting it keeps every
/// look-up linear in the text.
const MAX_LINE: usize = 2000;

/// The line holding `pos`, as a span (cut at `MAX_LINE` bytes each way).
pub fn line_at(text: &str, pos: usize) -> (usize, usize) {
    let floor = text.floor_char_boundary(pos.saturating_sub(MAX_LINE));
    let ceiling = text.ceil_char_boundary((pos + MAX_LINE).min(text.len()));
    let start =
        memchr::memrchr(b'\n', &text.as_bytes()[floor..pos]).map_or(floor, |i| floor + i + 1);
    let end = memchr::memchr(b'\n', &text.as_bytes()[pos..ceiling]).map_or(ceiling, |i| pos + i);
    (start, end)
}

/// Whether the line is a row of a stock-quote widget (`HD | THE HOME DEPOT
/// INC. | 225.86 | -12.99 | -5.44%`): a ticker, then four cells or more.
/// Such rows are page furniture, not the article's figures.
pub fn is_quote_row(line: &str) -> bool {
    // four cells need three separators: most lines have none
    if SEPARATOR.find_iter(line.as_bytes()).nth(2).is_none() {
        return false;
    }
    let mut cells = line.split(" | ").map(str::trim);
    let (Some(ticker), Some(name)) = (cells.next(), cells.next()) else {
        return false;
    };
    (1..=5).contains(&ticker.len())
        && ticker.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        // the company's name in capitals follows the ticker
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !name.chars().any(|c| c.is_lowercase())
}

/// The separator of cells, searched for around every figure: the searcher
/// is built once, since building one (as `str::contains` and
/// `memmem::find_iter` do on each call) costs more than searching a line.
static SEPARATOR: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" | "));

/// Whether the line has cells (`a | b`).
pub fn has_cells(line: &str) -> bool {
    SEPARATOR.find(line.as_bytes()).is_some()
        || (line.trim_start().starts_with('|') && line.matches('|').count() >= 2)
}

/// The row label: the line's first cell, or its text before the figure.
fn label(line: &str, rel: usize) -> &str {
    if has_cells(line) {
        line.trim_start()
            .trim_start_matches('|')
            .split('|')
            .next()
            .unwrap_or("")
            .trim()
    } else {
        line[..rel].trim()
    }
}

/// The scale notes of one document, found as its table figures ask for
/// them: the lines before each figure are searched once, not again for
/// every figure of every row under them (each row's look-back of `REACH`
/// bytes covers the rows before it).
#[derive(Default)]
pub struct Notes {
    seen: RefCell<NotesSeen>,
}

#[derive(Default)]
struct NotesSeen {
    /// Lines `from..upto` (each bound a line start) have been searched.
    from: usize,
    upto: usize,
    /// Where the notes found there start, in order.
    found: Vec<usize>,
}

impl Notes {
    /// Where the last note of `text[from..ls]` starts, as `NOTE.find_iter`
    /// over that region finds it (`ls` starts a line, or cuts a long one).
    fn last(&self, text: &str, from: usize, ls: usize) -> Option<usize> {
        let last_in = |to: usize| {
            NOTE.find_iter(&text[from..to])
                .last()
                .map(|m| from + m.start())
        };
        if ls > 0 && text.as_bytes()[ls - 1] != b'\n' {
            // a line cut at `MAX_LINE`: the region ends inside it, where a
            // note may be cut, so it is searched on its own
            return last_in(ls);
        }
        // a note holds no line break, so from the first line start of the
        // region on, the region's notes are those of its whole lines
        let lines = if from == 0 || text.as_bytes()[from - 1] == b'\n' {
            from
        } else {
            memchr::memchr(b'\n', &text.as_bytes()[from..ls]).map_or(ls, |i| from + i + 1)
        };
        let mut seen = self.seen.borrow_mut();
        if !(seen.from <= lines && lines <= seen.upto) {
            *seen = NotesSeen {
                from: lines,
                upto: lines,
                found: Vec::new(),
            };
        }
        if seen.upto < ls {
            let upto = seen.upto;
            let more = NOTE.find_iter(&text[upto..ls]);
            seen.found.extend(more.map(|m| upto + m.start()));
            seen.upto = ls;
        }
        let k = seen.found.partition_point(|&start| start < ls);
        match seen.found[..k].last() {
            Some(&start) if start >= lines => Some(start),
            // none in the whole lines: the cut line before them
            _ => last_in(lines),
        }
    }
}

/// The scale that governs the table row at `pos`, if `pos` stands in one
/// whose note states a scale, and its row is an amount of money. `notes`
/// holds the notes of `text` found so far.
pub fn scale_at(text: &str, pos: usize, notes: &Notes) -> Option<Scale> {
    let (ls, le) = line_at(text, pos);
    let line = &text[ls..le];
    if !has_cells(line) && line.trim().len() >= SHORT_LINE {
        return None;
    }
    if NOT_SCALED_ROW.is_match(label(line, pos - ls)) {
        return None;
    }
    let from = text.floor_char_boundary(ls.saturating_sub(REACH));
    // the last note governs; its groups are read for it alone
    let region = &text[from..ls];
    let last = notes.last(text, from, ls)?;
    static GROUPS: LazyLock<[usize; 3]> =
        LazyLock::new(|| group_indices(&NOTE, ["pre", "scale", "post"]));
    let [pre, scale, post] = *GROUPS;
    let note = NOTE.captures_at(region, last - from)?;
    // `in millions of buyers` counts people, not money
    if note
        .get(post)
        .is_some_and(|p| !is_currency_word(p.as_str()))
    {
        return None;
    }
    let power = match note.get(scale)?.as_str().to_ascii_lowercase().as_str() {
        "thousands" => 3,
        "millions" => 6,
        _ => 9,
    };
    let named = note
        .get(pre)
        .or(note.get(post))
        .map(|m| m.as_str().to_ascii_lowercase());
    let currency = named.as_deref().and_then(|c| match c {
        "$" | "usd" | "dollars" | "u.s. dollars" => Some("USD"),
        "€" | "eur" | "euros" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" | "yen" => Some("JPY"),
        "rmb" | "yuan" => Some("CNY"),
        _ => None,
    });
    Some(Scale { power, currency })
}

fn is_currency_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    ["u.s. dollars", "dollars", "euros", "yen", "yuan", "rmb"].contains(&w.as_str())
}

/// The section header over the table row starting at `line_start`: the
/// nearest line above it, past other rows, that ends with a colon and has no
/// cells (`Revenues:`, `Earnings per share:`).
pub fn section_header(text: &str, line_start: usize) -> Option<(usize, usize)> {
    let mut end = line_start.checked_sub(1)?;
    // a row whose line was cut at `MAX_LINE` has no known line above it (and
    // the byte before the cut may lie inside a character)
    if text.as_bytes()[end] != b'\n' {
        return None;
    }
    for _ in 0..40 {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..end].trim();
        if !has_cells(line) {
            return line.ends_with(':').then_some((start, end));
        }
        end = start.checked_sub(1)?;
    }
    None
}

/// Whether a bare number at `start..end` fills a whole cell of a row with
/// cells (`Hardware | 655 | 714`, `Interest expense | (842)`), and whether it
/// is written in parentheses (a negative amount).
pub fn cell(text: &str, start: usize, end: usize) -> Option<bool> {
    let (ls, le) = line_at(text, start);
    let line = &text[ls..le];
    if !has_cells(line) {
        return None;
    }
    let (open, close) = parentheses(text, ls, le, start, end)?;
    let left = text[ls..open].trim_end_matches([' ', '\t', '$']);
    let right = text[close..le].trim_start_matches([' ', '\t']);
    let fills = left.ends_with('|') && (right.is_empty() || right.starts_with('|'));
    // the row must have a label that says what the figures are
    let labelled = label(line, 0).chars().any(|c| c.is_alphabetic());
    (fills && labelled).then_some(open < start)
}

/// The span of the figure at `start..end` with the parentheses around it,
/// if any (`(842)`, `$ (1,020)`); `None` when only one side has one.
pub fn parentheses(
    text: &str,
    ls: usize,
    le: usize,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let left = text[ls..start].trim_end_matches([' ', '\t', '$']);
    let right = text[end..le].trim_start_matches([' ', '\t']);
    match (left.ends_with('('), right.starts_with(')')) {
        (true, true) => Some((ls + left.len() - 1, le - right.len() + 1)),
        (false, false) => Some((start, end)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_row_cut_inside_its_note_still_finds_it_later() {
        // `$5`'s line is cut at `MAX_LINE` bytes back, inside `millions`;
        // `$9`'s cut falls past the note, which then governs it
        let text = format!(
            "Revenue | {}in millions {} | $5 | $7 | $9",
            "x".repeat(10),
            "y".repeat(MAX_LINE - 11)
        );
        let five = text.find("$5").unwrap();
        assert!(text[five - MAX_LINE..].starts_with("illions"));
        let notes = Notes::default();
        for figure in ["$5", "$7", "$9"] {
            let at = text.find(figure).unwrap();
            let shared = scale_at(&text, at, &notes);
            assert_eq!(shared, scale_at(&text, at, &Notes::default()), "{figure}");
        }
        let nine = text.find("$9").unwrap();
        assert_eq!(scale_at(&text, nine, &notes).map(|s| s.power), Some(6));
    }

    #[test]
    fn notes_found_once_are_those_each_region_holds() {
        let pieces = [
            "(in millions)",
            "in thousands of euros",
            "$ in billions",
            "within millions",
            "in",
            " millions",
            " ",
            "\n",
            "Revenue | 1,200 | 900\n",
            "|",
            "12",
            "x",
            "é",
            "\n\n",
        ];
        let mut rng = crate::test_rng::Lcg::new(11);
        for round in 0..3_000 {
            let text = rng.text(&pieces, 30);
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let notes = Notes::default();
            let mut ls = 0;
            for _ in 0..8 {
                // mostly in text order, as the pipeline asks, sometimes back
                let pick = starts[rng.below(starts.len())];
                ls = if round % 4 == 0 { pick } else { ls.max(pick) };
                let from = text.floor_char_boundary(rng.below(ls + 1));
                let want = NOTE
                    .find_iter(&text[from..ls])
                    .last()
                    .map(|m| from + m.start());
                assert_eq!(notes.last(&text, from, ls), want, "{text:?} {from}..{ls}");
            }
        }
    }

    const TABLE: &str = "(in millions, except per share data) | 2024 | 2023\nTotal revenues | 13,307 | 12,453\nInterest expense | (842) | (872)\nDiluted | $ 1.03 | $ 0.86\nA long line of prose that mentions $5 and goes on for a while.";

    #[test]
    fn rows_under_a_note_take_its_scale() {
        let at = TABLE.find("13,307").unwrap();
        assert_eq!(
            scale_at(TABLE, at, &Notes::default()),
            Some(Scale {
                power: 6,
                currency: None
            })
        );
        assert_eq!(
            scale_at(TABLE, TABLE.find("1.03").unwrap(), &Notes::default()),
            None,
            "per-share row"
        );
        assert_eq!(
            scale_at(TABLE, TABLE.find("$5").unwrap(), &Notes::default()),
            None,
            "prose"
        );
    }

    #[test]
    fn cells_are_whole_and_parentheses_negative() {
        let at = TABLE.find("13,307").unwrap();
        assert_eq!(cell(TABLE, at, at + 6), Some(false));
        let at = TABLE.find("842").unwrap();
        assert_eq!(cell(TABLE, at, at + 3), Some(true));
        let text = "Revenue grew 5 | a";
        let at = text.find('5').unwrap();
        assert_eq!(cell(text, at, at + 1), None);
    }

    #[test]
    fn quote_widgets_are_recognized() {
        assert!(is_quote_row(
            "HD | THE HOME DEPOT INC. | 225.86 | -12.99 | -5.44%"
        ));
        assert!(!is_quote_row("Revenue | $ 13,307 | $ 12,453"));
        assert!(!is_quote_row("EPS | 1.2 | 1.1 | 0.9"));
    }

    #[test]
    fn a_row_cut_at_the_line_reach_has_no_header() {
        // a line longer than MAX_LINE, of two-byte characters, with cells
        let text = format!("Revenues:\n{}é | 5 | 6", "é".repeat(MAX_LINE));
        let at = text.find(" | 5").unwrap() + 3;
        let (ls, _) = line_at(&text, at);
        assert!(ls > "Revenues:\n".len(), "the line is cut");
        assert_eq!(section_header(&text, ls), None);
        // the whole pipeline reads such a row without failing
        let _ = crate::extract_text("cut.txt", &text);
    }

    #[test]
    fn rows_find_their_section_header() {
        let text = "Revenues:\nCloud | 10 | 9\nHardware | 6 | 7\nTotal | 16 | 16";
        let row = text.find("Hardware").unwrap();
        assert_eq!(section_header(text, row), Some((0, 9)));
        assert_eq!(section_header("Prose line.\nA | 1", 12), None);
    }

    #[test]
    fn notes_name_currencies_and_skip_people() {
        let text = "(€ in millions)\nRevenue | 5";
        assert_eq!(
            scale_at(text, text.len() - 1, &Notes::default())
                .unwrap()
                .currency,
            Some("EUR")
        );
        for note in [
            "in millions of buyers",
            "in millions of émigrés",
            "in thousands of złoty",
        ] {
            let text = format!("{note}\nRevenue | 5");
            assert_eq!(
                scale_at(&text, text.len() - 1, &Notes::default()),
                None,
                "{note}"
            );
        }
    }
}
