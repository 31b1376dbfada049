//! Visible text of an HTML page.
//!
//! One job: turn an HTML document into the plain text a reader of the page
//! would read as its content, one block per line.
//!
//! * Input: the page as `&str` (already decoded; see `input::decode`).
//! * Output: lines of text joined with `\n`, no empty lines, no trailing
//!   newline. Whitespace runs inside a line collapse to one space,
//!   non-breaking and other Unicode spaces become plain spaces, and soft
//!   hyphens / zero-width characters are dropped. Entities are decoded.
//! * Non-goals: no rendering of CSS beyond `display:none`, no JavaScript, no
//!   `<head>` metadata (the `<title>` is not article text), no link targets,
//!   no image alt text, no attempt to repair the markup beyond what the HTML5
//!   parser (`scraper`/html5ever) does.
//!
//! # Lines
//! Block elements (`p`, `div`, `li`, headings, `section`, `blockquote`, …)
//! and `<br>` end a line; inline elements (`span`, `a`, `b`, …, and any
//! unknown element) do not, and the whitespace between tags is kept as a
//! single space, so `Revenue <b>rose</b> 5%` and `<b>$1</b>.8` read as
//! written. `<pre>` keeps its line breaks.
//!
//! A table row becomes one line with its non-empty cells joined by ` | `
//! (`Revenue | $ 13,307 | $ 12,453`); inside such a cell block elements are
//! only word breaks. A cell holding only a currency sign (`$`) is joined to
//! the next cell with a space, and a cell holding only `)` or `%` is glued
//! to the previous one, which mends the split cells of SEC filings. A row is
//! a *layout* row instead, whose cells are ordinary blocks, when a cell holds
//! a nested table or more than [`LAYOUT_CELL_CHARS`] non-space characters.
//!
//! # What is dropped
//! Always: `script`, `style`, `noscript`, `template`, `head`, `nav`,
//! `footer`, `aside`, `form`, `iframe`, `svg`, `button`, `select`, `option`
//! (and the similar `textarea`, `dialog`, `canvas`, `audio`, `video`,
//! `object`, `embed`); elements with the `hidden` attribute,
//! `aria-hidden="true"`, or a `style` with `display:none` or
//! `visibility:hidden`; ARIA landmarks that are chrome (`role` =
//! `navigation`, `contentinfo`, `complementary`, `search`, `dialog`,
//! `alertdialog`). `<header>` and `role="banner"` are dropped as site chrome
//! except inside the article or main element, where they hold the headline.
//!
//! # Where the text comes from
//! 1. Every `<article>` (outermost ones, in document order) that is not
//!    inside dropped chrome or a clutter block, if that gives any text;
//! 2. else every `<main>` / `role="main"` element;
//! 3. else `<body>` with the clutter rule below (and, should that leave
//!    nothing at all, `<body>` without it).
//!
//! # Clutter rule (body only)
//! * By name: an element is dropped when a hyphen/underscore-separated part
//!   of one of its `class` or `id` tokens is, ignoring case, one of
//!   [`CLUTTER_WORDS`] (`cookie-banner`, `related-stories`, `ad-slot`,
//!   `site_menu` match; `header-image`, `loader`, `shared` do not). Tokens
//!   starting with a state prefix (`has-`, `with-`, `no-`, `is-`) are
//!   ignored (`has-sidebar` describes the layout, not the block), and
//!   `html`, `body`, `main` and `role="main"` are never dropped by name.
//! * By links: a `ul`, `ol`, `div`, `section`, `table` or `p` whose kept
//!   text has at least 20 non-space characters, more than 60% of them inside
//!   `<a>` elements, is dropped. This is decided bottom-up, so a menu
//!   dropped inside a wrapper no longer counts towards the wrapper.
//!
//! Containers nested deeper than [`super::nesting::MAX_NESTING`] are
//! flattened before parsing (see [`super::nesting`]), and the tree is
//! walked with an explicit stack (deeply nested markup cannot
//! overflow the call stack) and every pass is linear in the size of the
//! tree.

use scraper::node::Element;
use scraper::{ElementRef, Html};
use std::collections::HashSet;

/// Text characters above which a table cell is page layout, not data.
pub const LAYOUT_CELL_CHARS: usize = 300;

/// Class/id parts that mark page clutter in body mode.
pub const CLUTTER_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "banner",
    "subscribe",
    "newsletter",
    "related",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "share",
    "sharing",
    "social",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "ticker",
    "popup",
    "modal",
];

/// Tokens with these prefixes describe a state or layout, not a block.
const STATE_PREFIXES: &[&str] = &["has-", "has_", "with-", "with_", "no-", "no_", "is-", "is_"];

/// Elements whose content is never visible text.
const ALWAYS_DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "iframe",
    "svg", "button", "select", "option", "textarea", "dialog", "canvas", "audio", "video",
    "object", "embed",
];

/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "dl",
    "figure",
    "figcaption",
    "hr",
    "title",
    "address",
    "center",
    "details",
    "summary",
    "td",
    "th",
];

/// Blocks judged by link density.
const LINK_DENSITY_BLOCKS: &[&str] = &["ul", "ol", "div", "section", "table", "p"];

/// Bytes of the start of a text that `looks_like_html` inspects.
const SNIFF_LEN: usize = 8 * 1024;

/// Tags whose prevalence near the start marks a text as HTML.
const SNIFF_TAGS: &[&str] = &[
    "html",
    "head",
    "body",
    "meta",
    "title",
    "link",
    "script",
    "style",
    "p",
    "div",
    "br",
    "hr",
    "table",
    "tbody",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "form",
];

/// True when the text is HTML by its content (a doctype, <html, or a prevalence of block tags near the start), whatever the file name.
///
/// Looks at the first 8 KiB: after leading whitespace, a BOM, `<?xml …?>`
/// and comments, a `<!doctype html` or `<html` start means HTML. Otherwise
/// it needs at least four block/structural tags (opening or closing), or
/// two when the text itself starts with one. Prose that mentions `<b>` or
/// even `<div>` once is not HTML.
#[must_use]
pub fn looks_like_html(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(SNIFF_LEN)];
    let rest = &head[skip_preamble(head)..];
    if starts_with_ignore_case(rest, b"<!doctype html") || tag_name_at(rest, 0) == Some("html") {
        return true;
    }
    let tags = memchr::memchr_iter(b'<', head)
        .filter(|&i| tag_name_at(head, i).is_some())
        .count();
    tags >= 4 || (tags >= 2 && tag_name_at(rest, 0).is_some())
}

/// Offset of the first byte after whitespace, BOM, XML declaration and comments.
fn skip_preamble(bytes: &[u8]) -> usize {
    let mut i = 0;
    loop {
        let rest = &bytes[i..];
        let skip = if rest.first().is_some_and(u8::is_ascii_whitespace) {
            1
        } else if rest.starts_with("\u{feff}".as_bytes()) {
            3
        } else if rest.starts_with(b"<?") {
            find(rest, b"?>").map_or(rest.len(), |e| e + 2)
        } else if rest.starts_with(b"<!--") {
            find(rest, b"-->").map_or(rest.len(), |e| e + 3)
        } else {
            return i;
        };
        i += skip;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The sniffed tag opened or closed at `i` (`<p>`, `</div `, `<br/>`), if any.
fn tag_name_at(bytes: &[u8], i: usize) -> Option<&'static str> {
    let rest = bytes.get(i..)?.strip_prefix(b"<")?;
    let rest = rest.strip_prefix(b"/").unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    // A tag name must be followed by the end of the tag or an attribute.
    let next = *rest.get(len)?;
    if !(next == b'>' || next == b'/' || next.is_ascii_whitespace()) {
        return None;
    }
    let name = &rest[..len];
    SNIFF_TAGS
        .iter()
        .copied()
        .find(|t| t.as_bytes().eq_ignore_ascii_case(name))
}

/// The visible text a reader sees, one block per line.
#[must_use]
pub fn visible_text(html: &str) -> String {
    let html = super::nesting::limit_nesting(html);
    let doc = Html::parse_document(&html);
    let found = find_roots(doc.root_element());
    let attempts = [
        (found.articles, Mode::Article),
        (found.mains, Mode::Main),
        (found.body.clone(), Mode::Body),
        (found.body, Mode::BodyNoClutter),
    ];
    for (roots, mode) in attempts {
        let text = render(&roots, mode);
        if !text.is_empty() {
            return text;
        }
    }
    String::new()
}

/// Which content root is being rendered; decides the drop rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Article,
    Main,
    Body,
    BodyNoClutter,
}

impl Mode {
    fn clutter_rules(self) -> bool {
        self == Mode::Body
    }
    /// `<header>` inside an article or main is the headline, elsewhere chrome.
    fn keeps_header(self) -> bool {
        matches!(self, Mode::Article | Mode::Main)
    }
}

fn render(roots: &[ElementRef<'_>], mode: Mode) -> String {
    let mut analysis = Analyzer::new(mode);
    for &root in roots {
        walk(root, &mut analysis);
    }
    let mut out = Renderer::new(mode, analysis.link_dense, analysis.layout_rows);
    for &root in roots {
        walk(root, &mut out);
    }
    out.finish()
}

// ---------------------------------------------------------------- walking

/// Callbacks of the tree walk; `open` returns whether to enter the element.
trait Visitor<'a> {
    fn open(&mut self, el: ElementRef<'a>) -> bool;
    fn close(&mut self, el: ElementRef<'a>);
    fn text(&mut self, text: &'a str);
}

enum Step<'a> {
    Enter(ElementRef<'a>),
    Exit(ElementRef<'a>),
    Text(&'a str),
}

/// Depth-first walk with an explicit stack, so nesting depth costs heap, not call stack.
fn walk<'a>(root: ElementRef<'a>, visitor: &mut impl Visitor<'a>) {
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(el) => {
                if !visitor.open(el) {
                    continue;
                }
                stack.push(Step::Exit(el));
                let first_child = stack.len();
                for child in el.children() {
                    if let Some(text) = child.value().as_text() {
                        stack.push(Step::Text(text));
                    } else if let Some(child) = ElementRef::wrap(child) {
                        stack.push(Step::Enter(child));
                    }
                }
                // Children were pushed in order; the stack pops from the end.
                stack[first_child..].reverse();
            }
            Step::Exit(el) => visitor.close(el),
            Step::Text(text) => visitor.text(text),
        }
    }
}

/// A stable identity for an element while the document lives.
fn key(el: ElementRef<'_>) -> usize {
    std::ptr::from_ref(el.value()).addr()
}

// ---------------------------------------------------------------- drop rules

/// Whether an element and its content are not shown (or are chrome) in this mode.
fn is_dropped(el: &Element, mode: Mode) -> bool {
    let name = el.name();
    if ALWAYS_DROPPED.contains(&name) || (name == "header" && !mode.keeps_header()) {
        return true;
    }
    // Pages sometimes hide the body until scripts run; a reader still sees it.
    if name == "html" || name == "body" {
        return false;
    }
    is_hidden(el)
        || el
            .attr("role")
            .is_some_and(|role| is_chrome_role(role, mode))
        || (mode.clutter_rules() && is_clutter(el))
}

fn is_hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn is_chrome_role(role: &str, mode: Mode) -> bool {
    role.split_ascii_whitespace().any(|r| {
        let r = r.to_ascii_lowercase();
        matches!(
            r.as_str(),
            "navigation" | "contentinfo" | "complementary" | "search" | "dialog" | "alertdialog"
        ) || (r == "banner" && !mode.keeps_header())
    })
}

/// The by-name clutter rule (see the module doc).
fn is_clutter(el: &Element) -> bool {
    if el.name() == "main" || is_main_role(el) {
        return false;
    }
    let names = [el.attr("class"), el.attr("id")];
    names
        .into_iter()
        .flatten()
        .flat_map(str::split_ascii_whitespace)
        .any(is_clutter_token)
}

fn is_clutter_token(token: &str) -> bool {
    let token = token.to_ascii_lowercase();
    if STATE_PREFIXES.iter().any(|p| token.starts_with(p)) {
        return false;
    }
    token
        .split(['-', '_'])
        .any(|part| CLUTTER_WORDS.contains(&part))
}

fn is_main_role(el: &Element) -> bool {
    el.attr("role").is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("main"))
    })
}

// ---------------------------------------------------------------- roots

/// Candidate content roots, in document order.
#[derive(Default)]
struct Roots<'a> {
    articles: Vec<ElementRef<'a>>,
    mains: Vec<ElementRef<'a>>,
    body: Vec<ElementRef<'a>>,
    main_depth: usize,
    /// Articles and mains found inside a block whose name reads as clutter
    /// (`<div class="Page-ad-margins">` wrapping a whole news page): used
    /// only when none is found outside such blocks.
    wrapped_articles: Vec<ElementRef<'a>>,
    wrapped_mains: Vec<ElementRef<'a>>,
    clutter_depth: usize,
}

fn find_roots(html: ElementRef<'_>) -> Roots<'_> {
    let mut roots = Roots::default();
    walk(html, &mut roots);
    if roots.articles.is_empty() {
        roots.articles = std::mem::take(&mut roots.wrapped_articles);
    }
    if roots.mains.is_empty() {
        roots.mains = std::mem::take(&mut roots.wrapped_mains);
    }
    roots
}

impl<'a> Visitor<'a> for Roots<'a> {
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        let value = el.value();
        // Teaser cards in chrome are not the article.
        if is_dropped(value, Mode::Main) {
            return false;
        }
        if is_clutter(value) {
            self.clutter_depth += 1;
        }
        let wrapped = self.clutter_depth > 0;
        match value.name() {
            "article" => {
                if wrapped {
                    self.wrapped_articles.push(el);
                } else {
                    self.articles.push(el);
                }
                if is_clutter(value) {
                    self.clutter_depth -= 1;
                }
                return false;
            }
            "body" if self.body.is_empty() => self.body.push(el),
            _ => {}
        }
        if value.name() == "main" || is_main_role(value) {
            if self.main_depth == 0 {
                if wrapped {
                    self.wrapped_mains.push(el);
                } else {
                    self.mains.push(el);
                }
            }
            self.main_depth += 1;
        }
        true
    }

    fn close(&mut self, el: ElementRef<'a>) {
        if el.value().name() == "main" || is_main_role(el.value()) {
            self.main_depth = self.main_depth.saturating_sub(1);
        }
        if is_clutter(el.value()) {
            self.clutter_depth = self.clutter_depth.saturating_sub(1);
        }
    }

    fn text(&mut self, _text: &'a str) {}
}

// ---------------------------------------------------------------- analysis

/// Kept text below one element, gathered bottom-up.
#[derive(Default)]
struct Stats {
    chars: usize,
    linked: usize,
    has_table: bool,
    max_cell: usize,
}

/// First pass: finds link-dense blocks and layout table rows.
struct Analyzer {
    mode: Mode,
    stack: Vec<Stats>,
    anchors: usize,
    link_dense: HashSet<usize>,
    layout_rows: HashSet<usize>,
}

impl Analyzer {
    fn new(mode: Mode) -> Self {
        Analyzer {
            mode,
            stack: Vec::new(),
            anchors: 0,
            link_dense: HashSet::new(),
            layout_rows: HashSet::new(),
        }
    }

    fn is_link_dense(&self, name: &str, s: &Stats) -> bool {
        self.mode.clutter_rules()
            && LINK_DENSITY_BLOCKS.contains(&name)
            && s.chars >= 20
            && s.linked * 10 > s.chars * 6
    }
}

impl<'a> Visitor<'a> for Analyzer {
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        if is_dropped(el.value(), self.mode) {
            return false;
        }
        if el.value().name() == "a" {
            self.anchors += 1;
        }
        self.stack.push(Stats::default());
        true
    }

    fn close(&mut self, el: ElementRef<'a>) {
        let Some(mut stats) = self.stack.pop() else {
            return;
        };
        let name = el.value().name();
        match name {
            "a" => self.anchors = self.anchors.saturating_sub(1),
            "table" => stats.has_table = true,
            "tr" if stats.has_table || stats.max_cell > LAYOUT_CELL_CHARS => {
                self.layout_rows.insert(key(el));
            }
            _ => {}
        }
        // The root itself is never dropped: it is what was chosen.
        let is_root = self.stack.is_empty();
        if !is_root && self.is_link_dense(name, &stats) {
            self.link_dense.insert(key(el));
            return;
        }
        if let Some(parent) = self.stack.last_mut() {
            if matches!(name, "td" | "th") {
                parent.max_cell = parent.max_cell.max(stats.chars);
            }
            parent.chars += stats.chars;
            parent.linked += stats.linked;
            parent.has_table |= stats.has_table;
        }
    }

    fn text(&mut self, text: &'a str) {
        let n = text.chars().filter(|&c| is_ink(c)).count();
        if let Some(top) = self.stack.last_mut() {
            top.chars += n;
            if self.anchors > 0 {
                top.linked += n;
            }
        }
    }
}

/// Characters dropped from the output altogether (soft hyphen, zero-width).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}')
}

/// A character that shows on the page as something other than space.
fn is_ink(c: char) -> bool {
    !c.is_whitespace() && !is_invisible(c)
}

// ---------------------------------------------------------------- rendering

/// What the previous non-empty cell of a data row was, for joining the next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CellKind {
    /// No non-empty cell yet in this row.
    None,
    Plain,
    /// A lone currency sign such as `$`: the amount follows in the next cell.
    Currency,
}

/// State of a data table row being written on one line.
struct Row {
    /// Where the open cell's text starts in the output.
    cell_start: Option<usize>,
    prev: CellKind,
}

/// Second pass: writes the lines.
struct Renderer {
    mode: Mode,
    link_dense: HashSet<usize>,
    layout_rows: HashSet<usize>,
    out: String,
    line_start: usize,
    pending_space: bool,
    pre_depth: usize,
    /// One entry per open `tr`: `Some` for a data row, `None` for layout.
    rows: Vec<Option<Row>>,
}

impl Renderer {
    fn new(mode: Mode, link_dense: HashSet<usize>, layout_rows: HashSet<usize>) -> Self {
        Renderer {
            mode,
            link_dense,
            layout_rows,
            out: String::new(),
            line_start: 0,
            pending_space: false,
            pre_depth: 0,
            rows: Vec::new(),
        }
    }

    fn finish(mut self) -> String {
        self.end_line();
        if self.out.ends_with('\n') {
            self.out.pop();
        }
        self.out
    }

    /// The open data-row cell, if any.
    fn cell_start(&self) -> Option<usize> {
        self.rows.last()?.as_ref()?.cell_start
    }

    /// Where the current segment (line, or data cell) starts.
    fn segment_start(&self) -> usize {
        self.cell_start().unwrap_or(self.line_start)
    }

    fn end_line(&mut self) {
        if self.out.len() > self.line_start {
            self.out.push('\n');
            self.line_start = self.out.len();
        }
        self.pending_space = false;
    }

    /// A block boundary: a line break, or only a space inside a data cell.
    fn block_break(&mut self) {
        if self.cell_start().is_some() {
            self.pending_space = true;
        } else {
            self.end_line();
        }
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else if !is_invisible(c) {
                if self.pending_space && self.out.len() > self.segment_start() {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.out.push(c);
            }
        }
    }

    fn open_row(&mut self, el: ElementRef<'_>) {
        self.end_line();
        let data = !self.layout_rows.contains(&key(el));
        self.rows.push(data.then_some(Row {
            cell_start: None,
            prev: CellKind::None,
        }));
    }

    /// Opens a cell; returns false when the row is layout (cell is a plain block).
    fn open_cell(&mut self) -> bool {
        let len = self.out.len();
        let Some(Some(row)) = self.rows.last_mut() else {
            return false;
        };
        row.cell_start = Some(len);
        self.pending_space = false;
        true
    }

    /// Closes a data cell: joins its text to the row with the right separator.
    fn close_cell(&mut self) -> bool {
        let Some(Some(row)) = self.rows.last_mut() else {
            return false;
        };
        let Some(start) = row.cell_start.take() else {
            return true;
        };
        self.pending_space = false;
        let cell = &self.out[start..];
        if cell.is_empty() {
            return true;
        }
        let kind = if is_currency_sign(cell) {
            CellKind::Currency
        } else {
            CellKind::Plain
        };
        let separator = match row.prev {
            CellKind::None => "",
            CellKind::Currency => " ",
            CellKind::Plain if is_closing_suffix(cell) => "",
            CellKind::Plain => " | ",
        };
        row.prev = kind;
        self.out.insert_str(start, separator);
        true
    }
}

/// A cell that is only a currency sign, like `$` or `US$`.
fn is_currency_sign(cell: &str) -> bool {
    matches!(
        cell,
        "$" | "€" | "£" | "¥" | "US$" | "C$" | "A$" | "HK$" | "R$" | "($" | "$("
    )
}

/// A cell that only closes the previous one, like `)` of a negative amount or `%`.
fn is_closing_suffix(cell: &str) -> bool {
    cell.len() <= 3 && cell.chars().all(|c| c == ')' || c == '%')
}

impl<'a> Visitor<'a> for Renderer {
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        if is_dropped(el.value(), self.mode) || self.link_dense.contains(&key(el)) {
            return false;
        }
        match el.value().name() {
            "tr" => self.open_row(el),
            "td" | "th" if self.open_cell() => {}
            "pre" => {
                self.pre_depth += 1;
                self.block_break();
            }
            name if BLOCKS.contains(&name) => self.block_break(),
            _ => {}
        }
        true
    }

    fn close(&mut self, el: ElementRef<'a>) {
        match el.value().name() {
            "tr" => {
                self.rows.pop();
                self.end_line();
            }
            "td" | "th" if self.close_cell() => {}
            "pre" => {
                self.pre_depth = self.pre_depth.saturating_sub(1);
                self.block_break();
            }
            name if BLOCKS.contains(&name) => self.block_break(),
            _ => {}
        }
    }

    fn text(&mut self, text: &'a str) {
        if self.pre_depth == 0 || self.cell_start().is_some() {
            self.push_text(text);
            return;
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.end_line();
            }
            self.push_text(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_page_keeps_only_the_article() {
        let page = r#"<!DOCTYPE html><html><head><title>Acme Q3 | News</title>
            <script>var x = "<p>not text</p>";</script><style>p{}</style></head>
            <body>
            <header class="site-header"><a href="/">NewsCo</a> Markets Tech</header>
            <nav><ul><li><a href="/a">Home</a></li><li><a href="/b">Business</a></li></ul></nav>
            <div class="ticker">DOW +1.2% NASDAQ -0.4%</div>
            <div id="cookie-banner">We use cookies. <button>Accept</button></div>
            <article>
              <header><h1>Acme revenue rises 5%</h1></header>
              <p>Acme Corp said <b>revenue</b> rose 5% to <span>$5.6&nbsp;billion</span>.</p>
              <p>The company added 1.2 million customers.</p>
              <aside>Read more: <a href="/x">Other story</a></aside>
              <footer>Tags: earnings</footer>
            </article>
            <section class="related-stories"><ul><li><a href="/r1">Rival posts loss</a></li></ul></section>
            <footer>Copyright NewsCo</footer>
            </body></html>"#;
        assert_eq!(
            visible_text(page),
            "Acme revenue rises 5%\n\
             Acme Corp said revenue rose 5% to $5.6 billion.\n\
             The company added 1.2 million customers."
        );
    }

    #[test]
    fn several_articles_in_order_and_teasers_in_chrome_ignored() {
        let page = "<body><aside><article>Teaser</article></aside>\
            <article><p>First</p></article><div><article><p>Second</p></article></div></body>";
        assert_eq!(visible_text(page), "First\nSecond");
    }

    #[test]
    fn main_is_used_without_article() {
        let page = "<body><div>Top menu text</div><main><h2>Results</h2><p>Sales grew.</p></main>\
            <div>Bottom</div></body>";
        assert_eq!(visible_text(page), "Results\nSales grew.");
        let role = "<body><p>Chrome</p><div role=\"main\"><p>Body text</p></div></body>";
        assert_eq!(visible_text(role), "Body text");
    }

    #[test]
    fn body_clutter_rules_drop_related_links_and_cookie_banner() {
        let page = r#"<html><body>
            <div class="has-sidebar">
              <h1>Globex reports quarter</h1>
              <p>Globex said net income was $120 million, up 8%.</p>
              <p>See the <a href="/filing">full filing</a> for details on the results.</p>
              <ul>
                <li><a href="/1">Initech cuts guidance for the year</a></li>
                <li><a href="/2">Umbrella buys a rival</a></li>
              </ul>
              <div class="cookie-banner">This site uses cookies to improve your experience.</div>
              <div id="related_stories"><p>Some related story text without links.</p></div>
              <div class="header-image">Photo: Globex HQ</div>
            </div>
            </body></html>"#;
        assert_eq!(
            visible_text(page),
            "Globex reports quarter\n\
             Globex said net income was $120 million, up 8%.\n\
             See the full filing for details on the results.\n\
             Photo: Globex HQ"
        );
    }

    #[test]
    fn clutter_tokens() {
        for yes in [
            "cookie-banner",
            "related-stories",
            "ad-slot",
            "site_menu",
            "Ads",
            "SHARE",
        ] {
            assert!(is_clutter_token(yes), "{yes}");
        }
        for no in [
            "header-image",
            "loader",
            "shared",
            "has-sidebar",
            "readmore",
            "advantage",
        ] {
            assert!(!is_clutter_token(no), "{no}");
        }
    }

    #[test]
    fn everything_cluttered_falls_back_to_plain_body() {
        let page = "<body><div class=\"menu\">Only text here</div></body>";
        assert_eq!(visible_text(page), "Only text here");
    }

    #[test]
    fn hidden_elements_are_dropped() {
        let page = r#"<body><p>Shown</p><p hidden>h1</p><p aria-hidden="true">h2</p>
            <p style="color: red; DISPLAY : none">h3</p><p aria-hidden="false">Also shown</p></body>"#;
        assert_eq!(visible_text(page), "Shown\nAlso shown");
    }

    #[test]
    fn table_rows_become_lines_with_cells() {
        let page = "<body><table><caption>Selected data (in millions)</caption>\
            <tr><th>Metric</th><th>2024</th></tr>\
            <tr><td>Revenue</td><td>$ 13,307</td></tr>\
            <tr><td><p>Net income</p></td><td><div><span>1,204</span></div></td></tr>\
            </table></body>";
        assert_eq!(
            visible_text(page),
            "Selected data (in millions)\nMetric | 2024\nRevenue | $ 13,307\nNet income | 1,204"
        );
    }

    #[test]
    fn split_sec_cells_are_mended() {
        let page = "<body><table><tr><td>Revenue</td><td></td><td>$</td><td>13,307</td>\
            <td>&nbsp;</td><td>$</td><td>12,453</td></tr>\
            <tr><td>Net loss</td><td>$</td><td>(1,020</td><td>)</td><td>12.5</td><td>%</td></tr>\
            </table></body>";
        assert_eq!(
            visible_text(page),
            "Revenue | $ 13,307 | $ 12,453\nNet loss | $ (1,020) | 12.5%"
        );
    }

    #[test]
    fn layout_tables_keep_blocks_on_their_own_lines() {
        let long = "word ".repeat(80);
        let page = format!(
            "<body><table><tr><td><p>Intro para</p><p>{long}</p></td></tr></table>\
             <table><tr><td><p>Left</p><table><tr><td>A</td><td>1</td></tr></table></td></tr></table></body>"
        );
        let text = visible_text(&page);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Intro para");
        assert_eq!(lines[1], long.trim());
        assert_eq!(&lines[2..], ["Left", "A | 1"]);
    }

    #[test]
    fn br_and_blocks_break_lines() {
        let page =
            "<body><p>One<br>Two<br/>  Three</p><div>Four<div>Five</div>Six</div><hr>Seven</body>";
        assert_eq!(
            visible_text(page),
            "One\nTwo\nThree\nFour\nFive\nSix\nSeven"
        );
    }

    #[test]
    fn entities_are_decoded() {
        let page = "<body><p>&#36;5.6 billion</p><p>AT&amp;T&nbsp;&nbsp;said &lt;ok&gt;</p></body>";
        assert_eq!(visible_text(page), "$5.6 billion\nAT&T said <ok>");
    }

    #[test]
    fn inline_tags_keep_words_and_spaces() {
        assert_eq!(visible_text("<p><b>$1</b>.8 billion</p>"), "$1.8 billion");
        assert_eq!(
            visible_text("<p>Revenue <b>rose</b> 5%</p>"),
            "Revenue rose 5%"
        );
        assert_eq!(
            visible_text("<p>up <a href=x>12</a><sup>%</sup> <i>y/y</i><span>\n</span>to $3</p>"),
            "up 12% y/y to $3"
        );
        assert_eq!(visible_text("<p>re\u{ad}ve\u{200b}nue</p>"), "revenue");
    }

    #[test]
    fn pre_keeps_line_breaks() {
        let page = "<body><pre>Revenue   100\n\nCost     40\n</pre><p>after</p></body>";
        assert_eq!(visible_text(page), "Revenue 100\nCost 40\nafter");
    }

    #[test]
    fn head_and_title_are_not_text() {
        let page = "<html><head><title>Title</title><meta name=x></head><body>Body</body></html>";
        assert_eq!(visible_text(page), "Body");
    }

    #[test]
    fn deep_nests_do_not_overflow() {
        for tag in ["div", "b"] {
            let depth = 10_000;
            let page = format!(
                "{}deep text{}",
                format!("<{tag}>").repeat(depth),
                format!("</{tag}>").repeat(depth)
            );
            assert_eq!(visible_text(&page), "deep text", "{tag}");
        }
    }

    #[test]
    fn garbage_and_broken_input_do_not_panic() {
        let inputs = [
            "",
            "<",
            "</",
            "<<<>>>",
            "<p",
            "<table><td>x",
            "<div><p>unclosed <b>bold <i>both",
            "<tr><td>a</td></tr></p></div></body></html>",
            "\u{0}\u{1}<\u{feff}>&#0;&#xD800;&bogus;",
            "<pre>",
            "<svg><title>t</title></svg><math><mi>x</mi></math>",
        ];
        for input in inputs {
            let _ = visible_text(input);
            let _ = looks_like_html(input);
        }
        assert_eq!(visible_text(""), "");
        assert_eq!(visible_text("<div><p>unclosed <b>bold"), "unclosed bold");
    }

    #[test]
    fn large_page_is_handled() {
        let para =
            "<p>Revenue rose <b>5%</b> to <a href=\"/x\">$1.2 billion</a> in the quarter.</p>\n";
        let mut page = String::from("<html><body><article>");
        let mut paras = 0;
        while page.len() < 5 * 1024 * 1024 {
            page.push_str(para);
            paras += 1;
        }
        page.push_str("</article></body></html>");
        let text = visible_text(&page);
        assert!(text.starts_with("Revenue rose 5% to $1.2 billion in the quarter.\n"));
        assert_eq!(text.lines().count(), paras);
    }

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html("<!DOCTYPE html><title>x</title>"));
        assert!(looks_like_html("\u{feff}  <!-- c --><HTML lang=en>"));
        assert!(looks_like_html(
            "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"
        ));
        assert!(looks_like_html("<p>One</p><p>Two</p>"));
        assert!(looks_like_html(
            "Some intro\n<div>a</div>\n<div>b</div><br>\n<table><tr><td>1</td></tr></table>"
        ));
        assert!(!looks_like_html("Use the <b> tag to make text bold."));
        assert!(!looks_like_html(
            "Revenue < 5% and costs > 3%. A <div> is a box."
        ));
        assert!(!looks_like_html(
            "Plain text release.\nRevenue was $5 million.\n"
        ));
        assert!(!looks_like_html(""));
        assert!(!looks_like_html("<htmlish> text"));
    }
}
