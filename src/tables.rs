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

use crate::per_thread::PerThread;
use regex::Regex;

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
    if memchr::memmem::find_iter(line.as_bytes(), " | ")
        .nth(2)
        .is_none()
    {
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

/// Whether the line has cells (`a | b`).
pub fn has_cells(line: &str) -> bool {
    line.contains(" | ") || (line.trim_start().starts_with('|') && line.matches('|').count() >= 2)
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

/// The scale that governs the table row at `pos`, if `pos` stands in one
/// whose note states a scale, and its row is an amount of money.
pub fn scale_at(text: &str, pos: usize) -> Option<Scale> {
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
    let last = NOTE.find_iter(region).last()?;
    let note = NOTE.captures_at(region, last.start())?;
    // `in millions of buyers` counts people, not money
    if note
        .name("post")
        .is_some_and(|p| !is_currency_word(p.as_str()))
    {
        return None;
    }
    let power = match note["scale"].to_ascii_lowercase().as_str() {
        "thousands" => 3,
        "millions" => 6,
        _ => 9,
    };
    let named = note
        .name("pre")
        .or(note.name("post"))
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

    const TABLE: &str = "(in millions, except per share data) | 2024 | 2023\nTotal revenues | 13,307 | 12,453\nInterest expense | (842) | (872)\nDiluted | $ 1.03 | $ 0.86\nA long line of prose that mentions $5 and goes on for a while.";

    #[test]
    fn rows_under_a_note_take_its_scale() {
        let at = TABLE.find("13,307").unwrap();
        assert_eq!(
            scale_at(TABLE, at),
            Some(Scale {
                power: 6,
                currency: None
            })
        );
        assert_eq!(
            scale_at(TABLE, TABLE.find("1.03").unwrap()),
            None,
            "per-share row"
        );
        assert_eq!(scale_at(TABLE, TABLE.find("$5").unwrap()), None, "prose");
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
            scale_at(text, text.len() - 1).unwrap().currency,
            Some("EUR")
        );
        for note in [
            "in millions of buyers",
            "in millions of émigrés",
            "in thousands of złoty",
        ] {
            let text = format!("{note}\nRevenue | 5");
            assert_eq!(scale_at(&text, text.len() - 1), None, "{note}");
        }
    }
}
