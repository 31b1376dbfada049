//! Deep nesting of HTML containers, cut down to what a browser keeps.
//!
//! One job: before the HTML5 parser sees a page, replace the tags of
//! container elements nested deeper than [`MAX_NESTING`] with `<br>`. The
//! parser's tree builder searches the stack of open elements at each such
//! start tag, so ten thousand nested `<div>`s cost it time quadratic in the
//! depth (seconds; minutes for a megabyte of them); browsers cap the depth
//! of the tree for the same reason. Text is never removed.
//! Non-goals: exact HTML tokenization; the scan is a linear approximation
//! that only matters for pages beyond the limit.

/// Depth of nested container elements (`div`, `section`, `ul`, …) past
/// which their tags are replaced with `<br>`, as browsers cap the depth of
/// the tree (Blink at 512).
pub const MAX_NESTING: usize = 512;

/// Containers whose start tag makes the HTML5 tree builder search the stack
/// of open elements (to close a `<p>`): nested thousands deep, parsing
/// takes time quadratic in the depth.
const NESTING_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "search",
    "section",
    "summary",
    "ul",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The page with container tags nested deeper than [`MAX_NESTING`] (and
/// their end tags) replaced by `<br>`, so parsing stays linear: the text
/// is kept, a line break stands where the block began and ended.
///
/// A linear scan of the tags (comments and raw-text elements skipped)
/// that counts containers opened and closed; a page within the limit is
/// returned as is.
pub fn limit_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let (mut depth, mut excess) = (0usize, 0usize);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]).map(|o| i + o) {
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = find(&rest[4..], b"-->").map_or(bytes.len(), |e| at + 4 + e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - name_start);
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        let end = tag_end(bytes, name_start + name_len);
        let is = |tags: &[&str]| tags.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
        if !closing && is(RAW_TEXT_TAGS) {
            i = end_tag_start(bytes, end, name).unwrap_or(bytes.len());
            continue;
        }
        if is(NESTING_TAGS) {
            if closing && excess > 0 {
                excess -= 1;
                cuts.push((at, end));
            } else if closing {
                depth = depth.saturating_sub(1);
            } else if depth >= MAX_NESTING {
                excess += 1;
                cuts.push((at, end));
            } else {
                depth += 1;
            }
        }
        i = end;
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (start, end) in cuts {
        out.push_str(&html[last..start]);
        out.push_str("<br>");
        last = end;
    }
    out.push_str(&html[last..]);
    std::borrow::Cow::Owned(out)
}

/// The offset after the `>` that ends the tag whose name ends at `i`
/// (quoted attribute values may hold `>`), or the end of the text.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (None, b'>') => return i + 1,
            (None, q @ (b'"' | b'\'')) if i > 0 && bytes[i - 1] == b'=' => quote = Some(q),
            (Some(q), b) if b == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Where the end tag `</name` of a raw-text element starts, from `from` on.
fn end_tag_start(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(&bytes[from..], b"</")
        .map(|o| from + o)
        .find(|&at| starts_with_ignore_case(&bytes[at + 2..], name))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_past_the_limit_is_flattened_and_keeps_the_text() {
        let depth = 20_000;
        let page = format!(
            "<body>{}<p>Revenue was $5 million.</p>{}<p>after</p></body>",
            "<div class=\"x\">".repeat(depth),
            "</div>".repeat(depth)
        );
        let limited = limit_nesting(&page);
        assert_eq!(limited.matches("<div").count(), MAX_NESTING);
        assert_eq!(limited.matches("</div>").count(), MAX_NESTING);
        assert_eq!(
            super::super::html::visible_text(&page),
            "Revenue was $5 million.\nafter"
        );
        // shallow pages, comments and scripts are left alone
        let page = "<div><!-- <div><div> --><script>'<div>'</script><div a='>'>x</div></div>";
        assert!(matches!(limit_nesting(page), std::borrow::Cow::Borrowed(_)));
        // tags in a script do not count towards the depth
        let script = format!(
            "<script>{}</script><div>y</div>",
            "<div>".repeat(MAX_NESTING + 1)
        );
        assert!(matches!(
            limit_nesting(&script),
            std::borrow::Cow::Borrowed(_)
        ));
        for odd in [
            "<",
            "<div",
            "<div a=\"",
            "<script>",
            "<!--",
            "</",
            "<1div>",
            "<div/>",
        ] {
            let _ = limit_nesting(odd);
        }
    }
}
