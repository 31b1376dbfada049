//! Regions of a text near the literals a pattern needs: a pattern that runs
//! over every document's whole text costs about a nanosecond and a half per
//! byte, while a literal search with vector instructions skips through it
//! many times faster. Where every match of a pattern holds one of a few
//! literals, the pattern runs only on the lines around them.

/// The regions of `text` where a pattern can match, given where its
/// triggers are (literals every match holds): from the line where the text
/// before each trigger ends, back over `lines_before` more lines that are not
/// blank (and the blank ones between), to the end of the trigger's last line;
/// overlapping regions merged. A region starts and ends at a line break or
/// an end of the text, so a pattern that spans no more lines than that
/// finds in the regions what it finds in the whole text, and only the text
/// near a trigger is searched.
pub fn regions(
    text: &str,
    triggers: impl Iterator<Item = (usize, usize)>,
    lines_before: usize,
) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let line_start = |at: usize| memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in triggers {
        if out.last().is_some_and(|r| e <= r.1) {
            continue;
        }
        // the line where the words before the trigger end
        let mut a = line_start(text[..s].trim_end().len());
        let mut more = lines_before;
        while more > 0 && a > 0 {
            a = line_start(a - 1);
            if !text[a..].lines().next().unwrap_or("").trim().is_empty() {
                more -= 1;
            }
        }
        let b = memchr::memchr(b'\n', &bytes[e..]).map_or(bytes.len(), |i| e + i);
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}
