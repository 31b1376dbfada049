//! Recognition: number tokens become money amounts, percentages and counts.
//!
//! Input: a document's text and the spans of names that hold numbers
//! (`Microsoft 365`). Output: [`Mention`]s in text order, none overlapping.
//! Non-goals: who the figure belongs to and what it measures (attribution and
//! classification do that).
//!
//! The work is anchored on numbers, so it is proportional to the figures in
//! the text, not to its words. Numbers inside web addresses count for
//! nothing, and `a` counts one before a currency name that ends the phrase
//! (`a dollar`, `a dollar and 42 cents`). For each number, in priority order:
//! 1. a currency mark before it (`$`, `US$`, `EUR`, `c $`, `MSEK`) makes
//!    money, unless the figure before already read that mark (`10 rmb 20 usd`);
//! 2. a percent unit after it (`%`, `pct`, `basis points`) makes a percent;
//! 3. a currency name or sign after it (`yen`, `dlrs`, `euros`, `20€`,
//!    `115USD`, `75 USD million`) makes money;
//! 4. a minor unit after it (`cents`, `cts`, `¢`) makes money in the major unit;
//! 5. a counted noun after it (`customers`) makes a count;
//! 6. `percent of` before it, the two making a whole sentence, makes a percent;
//! 7. otherwise it is bare, and only a range (`$1.5-2 billion`), an amount in
//!    a major unit before it (`15 dollars 50`), or the currency of the figure
//!    before it (`from 360 billion`) can give it a unit.
//!
//! Two figures joined by `to`, `-` or `between ... and` form one range when
//! their units agree; the scale of the high end applies to a low end written
//! without one. An amount in a major unit and one in a minor unit right after
//! it form one amount (`3 dollars 50 cents`, see `compound`). Overlaps cannot
//! arise: each number is read once, and a range or compound consumes both of
//! its numbers.

mod compound;
pub mod count;
pub mod currency;
pub(crate) mod edge;
use crate::per_thread::{PerThread, captures, group_indices};
use edge::Edge;
pub mod percent;
pub mod qualifier;

use crate::decimal::Decimal;
use crate::number::{self, Number};
pub use qualifier::Qualifier;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Money,
    Percent,
    Count,
}

/// One recognized figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte span of the figure as written, hedge words included.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: Decimal,
    pub max: Option<Decimal>,
    pub currency: Option<&'static str>,
    pub unit: Option<&'static str>,
    pub qualifier: Qualifier,
    pub rule: &'static str,
    /// Where the numbers and units start, without hedge words.
    pub figure_start: usize,
    /// Where the words that belong to the figure end (for a count, its noun).
    pub context_end: usize,
    /// Written with a minus sign or the word `minus`.
    pub minus: bool,
}

/// A number with the unit read around it, before ranges and hedges.
#[derive(Clone, Debug)]
struct Atom {
    number: Number,
    kind: Option<Kind>,
    start: usize,
    end: usize,
    value: Decimal,
    currency: Option<&'static str>,
    unit: Option<&'static str>,
    rule: &'static str,
    context_end: usize,
    /// In accounting parentheses: `$(0.66)`, `(12.5)%`.
    minus: bool,
}

/// Labels after which a number is a rank, code or reference, not a quantity.
const LABELS: &[&str] = &[
    "No",
    "Nos",
    "no",
    "Number",
    "#",
    "Series",
    "Version",
    "version",
    "Gen",
    "Generation",
    "Phase",
    "Level",
    "Tier",
    "Page",
    "page",
    "pages",
    "pp",
    "p",
    "Chapter",
    "Section",
    "Item",
    "Items",
    "Rule",
    "Form",
    "Article",
    "Exhibit",
    "Note",
    "Figure",
    "Table",
    "Step",
    "Round",
    "Model",
    "Type",
    "Class",
    "Category",
    "Route",
    "Highway",
    "Interstate",
    "Flight",
    "Room",
    "Suite",
    "Unit",
    "Box",
    "Floor",
    "Building",
    "Lot",
    "Act",
    "Fortune",
    "Global",
    "Russell",
    "Nasdaq",
    "Dow",
    "S&P",
    "FTSE",
    "DAX",
    "Nikkei",
    "Forbes",
];

/// Month names, written out or cut short.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

fn escaped(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

static LABEL_BEFORE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"(?:^|[^A-Za-z])(?:{})\.?[ \t]*$",
        escaped(LABELS)
    ))
    .expect("label pattern")
});

/// The last letters of the labels and of the month names: a number after
/// another word has neither, and the patterns are not run.
static LABEL_TAILS: LazyLock<Edge> = LazyLock::new(|| Edge::new(LABELS.iter().copied(), true));
static MONTH_TAILS: LazyLock<Edge> = LazyLock::new(|| Edge::new(MONTHS.iter().copied(), true));

static MINUS_WORD: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?:^|[^A-Za-z])(?:minus|negative)[ \t]+$").expect("minus pattern")
});

/// A connector between the two ends of a range.
static RANGE_JOIN: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)^[ \t\n]*(?:-|–|—|to|and|or|through)[ \t\n]*$").expect("range pattern")
});

static FAMILIAR: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)^[ \t\n]+(?:familiar|who|with knowledge|close to|briefed|said)")
        .expect("familiar pattern")
});

/// `240 million to 241 million shares`: the second figure's noun counts both.
static RANGE_NOUN: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)^[ \t\n]*(?:to|-|–|or|and)[ \t\n]*[0-9][0-9.,]*[ \t\n]*(?:thousand|million|billion|mln|bln|mn|bn)?[ \t\n]+(?P<noun>[a-z]+)").expect("range noun pattern")
});

/// [`RANGE_NOUN`]'s group `noun` by index (see [`group_indices`]).
static RANGE_NOUN_GROUP: LazyLock<[usize; 1]> =
    LazyLock::new(|| group_indices(&RANGE_NOUN, ["noun"]));

/// A change verb right before a figure (`rose`, `expanded by`).
static CHANGE_BEFORE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:rose|rise|rises|risen|rising|grew|grow|grows|growing|increased?|increases|increasing|climbed|jumped|gained|expanded|improved|fell|fall|falls|fallen|declined|dropped|decreased|slipped|contracted|up|down|boosted|raised|lifted|cut|reduced|narrowed|widened)(?:[ \t\n]+(?:by|about|some|nearly|roughly|around|approximately))?[ \t\n]*$")
        .expect("change pattern")
});

/// `sales rose from 18.5 mln to 309.3 mln dlrs`: `from` after a change verb
/// opens a before-and-after pair, not a range.
fn changed_from(text: &str, from_at: usize) -> bool {
    let lo = text.floor_char_boundary(from_at.saturating_sub(40));
    text[lo..from_at]
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| CHANGE_BEFORE.is_match(&format!("{w} ")))
}

/// Words before a bare number that carry on the currency of the figure before it.
static CARRY_BEFORE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?:^|[^A-Za-z])(?:vs\.?|versus|from|against|compared[ \t]+(?:with|to)|of|to|at)[ \t\n]+$")
        .expect("carry pattern")
});

/// Web addresses: their digits (`%2D9114`, `?q=30%25`) are no figures.
static URL: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r#"(?i)(?:https?://|ftp://|www\.)[^\s<>"'()\[\]]+"#).expect("url pattern")
});

/// All figures of `text`, in order. `names` are sorted spans of names that
/// contain numbers (`Microsoft 365`); no figure is read inside them.
pub fn recognize(text: &str, names: &[(usize, usize)]) -> Vec<Mention> {
    let urls: Vec<(usize, usize)> = URL.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let mut numbers = number::scan(text);
    // `a dollar`: the article counts one
    let articles = currency::article_amounts(text);
    if !articles.is_empty() {
        numbers.extend(articles.into_iter().map(|(start, end)| Number {
            start,
            end,
            value: Decimal::from_int(1),
            scaled: false,
            power: 0,
            written: true,
            plain: false,
            glued: false,
            glued_after: false,
        }));
        numbers.sort_by_key(|n| n.start);
    }
    let mut atoms: Vec<Atom> = Vec::with_capacity(numbers.len());
    // a currency mark is read once: `10 rmb 20 usd` is 10 CNY and 20 USD
    let mut taken = 0;
    for n in numbers {
        if inside_name(names, &n) || inside_name(&urls, &n) || after_label(text, &n) {
            continue;
        }
        if n.glued && currency::before(text, n.start).is_none() {
            continue; // `S3`, `FY2024`, but `US5.6`
        }
        if n.glued_after && !currency_glued_after(text, &n) {
            continue; // `5G`, `3D`, but `115USD`, `43c`
        }
        let atom = read_atom(text, n, taken);
        taken = atom.end;
        atoms.push(atom);
    }
    // room for a mention per atom (a range or compound takes two): no copies
    // of a vector grown by doubling
    let mut out: Vec<Mention> = Vec::with_capacity(atoms.len());
    // the table notes of the text, found once as figures ask for them
    let notes = crate::tables::Notes::default();
    let mut i = 0;
    while i < atoms.len() {
        if let Some(range) = atoms
            .get(i + 1)
            .and_then(|b| join_range(text, &atoms[i], b, &out))
        {
            out.push(range);
            i += 2;
            continue;
        }
        // `3 dollars 50 cents`, `$20 and 43c`
        if let Some(mut m) = atoms
            .get(i + 1)
            .and_then(|b| compound::join(text, &atoms[i], b))
        {
            hedge(text, &mut m);
            out.push(m);
            i += 2;
            continue;
        }
        let atom = &atoms[i];
        i += 1;
        if atom.rule == MINOR_PART_RULE {
            continue; // `zone 5c`: no major amount before it
        }
        let Some(mut m) = finish(text, atom, &out, atoms.get(i), &notes) else {
            continue;
        };
        hedge(text, &mut m);
        out.push(m);
    }
    out
}

fn inside_name(names: &[(usize, usize)], n: &Number) -> bool {
    let k = names.partition_point(|s| s.1 <= n.start);
    names.get(k).is_some_and(|s| s.0 < n.end)
}

fn after_label(text: &str, n: &Number) -> bool {
    let from = text.floor_char_boundary(n.start.saturating_sub(14));
    let window = &text[from..n.start];
    // the word before, past spaces and a period
    let head = window.trim_end_matches([' ', '\t']);
    let head = head.strip_suffix('.').unwrap_or(head).as_bytes();
    let word = edge::last_letters(head);
    let letters = word.len();
    let label = if letters == 0 {
        head.last() == Some(&b'#')
    } else {
        LABEL_TAILS.holds(word)
    };
    (label && LABEL_BEFORE.is_match(window))
        || (n.plain
            && n.value <= Decimal::from_int(31)
            && letters > 0
            && MONTH_TAILS.holds(word)
            && MONTH_BEFORE.is_match(window))
}

/// A month name right before a day number (`March 3`): a whole word, as
/// `MONTH_TAILS` reads it (`DelMar 12` holds no month).
static MONTH_BEFORE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"(?:^|[^A-Za-z])(?:{})\.?[ \t]+$",
        escaped(MONTHS)
    ))
    .expect("month pattern")
});

/// Letters glued after the digits are a currency (`115USD`, `42RM`, `43c`).
fn currency_glued_after(text: &str, n: &Number) -> bool {
    currency::after(text, n.end).is_some_and(|m| m.start == n.end)
        || currency::minor_after(text, n.end).is_some_and(|m| m.start == n.end)
}

/// A number follows `at`, after spaces at most.
fn leads_number(text: &str, at: usize) -> bool {
    text[at..]
        .trim_start_matches([' ', '\t'])
        .starts_with(|c: char| c.is_ascii_digit())
}

/// Applies a currency mark's scale (`MUSD 30`) or a scale word written after
/// the currency (`75 USD million`) to the atom's number.
fn rescale(atom: &mut Atom, power: i32) {
    if power == 0 || atom.number.scaled {
        return;
    }
    atom.value = atom.number.value.scale(power);
    atom.number.value = atom.value;
    atom.number.scaled = true;
    atom.number.power = power;
}

/// The atom of number `n`: its unit, read around it. Text before `taken` was
/// read by the atom before, so a mark there is not this number's.
fn read_atom(text: &str, n: Number, taken: usize) -> Atom {
    let mut atom = Atom {
        number: n,
        kind: None,
        start: n.start,
        end: n.end,
        value: n.value,
        currency: None,
        unit: None,
        rule: "bare",
        context_end: n.end,
        minus: false,
    };
    // `$(0.66)`, `(12.5)%`: accounting parentheses inside the marks
    let mut after = n.end;
    let mut mark_at = n.start;
    if text[..n.start].ends_with('(')
        && text[n.end..].starts_with(')')
        && accounting(text, n.start - 1)
    {
        atom.minus = true;
        atom.start = n.start - 1;
        atom.end = n.end + 1;
        after = n.end + 1;
        mark_at = n.start - 1;
    }
    if let Some(mark) = currency::before(text, mark_at).filter(|m| m.start >= taken) {
        atom.kind = Some(Kind::Money);
        atom.start = mark.start;
        atom.currency = mark.code;
        atom.rule = "money/mark-number";
        rescale(&mut atom, mark.power);
        // `$5 million dollars`, `US$ 5 USD`: the name repeats the mark, unless
        // it leads the next amount (`$ 20,000.00 $ 37,305.97`)
        if let Some(again) = currency::after(text, after)
            .filter(|a| a.code == mark.code && !leads_number(text, a.end))
        {
            atom.end = again.end;
        }
    } else if let Some(p) = percent::after(text, after) {
        atom.kind = Some(Kind::Percent);
        atom.end = p.end;
        atom.value = n.value.scale(p.power);
        atom.unit = Some(p.unit);
        atom.rule = if p.power == 0 {
            "percent/number-unit"
        } else {
            "percent/basis-points"
        };
    } else if let Some(mark) = currency::after(text, after).filter(|m| !is_weight(text, m)) {
        atom.kind = Some(Kind::Money);
        atom.end = mark.end;
        atom.currency = mark.code;
        atom.rule = "money/number-name";
        rescale(&mut atom, mark.power);
        // `75 USD million`: the scale written after the currency
        if let Some((end, power)) =
            number::scale_after(text, mark.end).filter(|_| !atom.number.scaled)
        {
            rescale(&mut atom, power);
            atom.end = end;
        }
    } else if let Some(mark) = currency::minor_after(text, after) {
        atom.kind = Some(Kind::Money);
        atom.end = mark.end;
        atom.value = n.value.scale(-2);
        atom.currency = mark.code;
        atom.rule = if currency::minor_needs_major(&text[mark.start..mark.end]) {
            MINOR_PART_RULE
        } else {
            MINOR_RULE
        };
    } else if let Some(noun) = count::after(text, after)
        .filter(|c| !c.singular || n.value == Decimal::from_int(1))
        .filter(|c| !in_table_row(text, n.start, c.end))
    {
        atom.kind = Some(Kind::Count);
        atom.unit = Some(noun.unit);
        atom.context_end = noun.end;
        atom.rule = "count/number-noun";
    } else if let Some(start) = percent::unit_of_before(text, n.start, n.end) {
        atom.kind = Some(Kind::Percent);
        atom.start = start;
        atom.unit = Some("percent");
        atom.rule = "percent/unit-of-number";
    } else if let Some(end) = margin_points(text, n.start, after) {
        atom.kind = Some(Kind::Percent);
        atom.end = end;
        atom.unit = Some("percentage_points");
        atom.rule = "percent/points";
    }
    if atom.kind.is_some() {
        atom.context_end = atom.context_end.max(atom.end);
    }
    atom
}

/// Whether parentheses opening at `open` mark a negative amount, as in
/// accounts: in a table row or a short line, or after `of`, `was`, `:`
/// (`an operating margin of (9%)`); not a conversion after another figure
/// (`1.17 billion euros ($1.39 billion)`).
fn accounting(text: &str, open: usize) -> bool {
    let (ls, le) = crate::tables::line_at(text, open);
    if crate::tables::has_cells(&text[ls..le]) || text[ls..le].trim().len() < 40 {
        return true;
    }
    let from = text.floor_char_boundary(open.saturating_sub(12));
    ACCOUNTING_BEFORE.is_match(&text[from..open])
}

static ACCOUNTING_BEFORE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:of|was|were|is|at|to)|:)[ \t]*$").expect("accounting pattern")
});

/// The rule of an amount in a minor unit (`50 cents`).
const MINOR_RULE: &str = "money/number-minor-unit";
/// A minor unit that is only the part of an amount after its major unit (`43c`).
const MINOR_PART_RULE: &str = "money/minor-part";

/// `expanded pre-tax margin by 12 points`, `a three-point tailwind`: points
/// of a margin, a rate or a growth figure are percentage points (an index's
/// points are not: the clause must speak of a margin, rate, share or growth).
fn margin_points(text: &str, start: usize, after: usize) -> Option<usize> {
    let window = &text[after..text.floor_char_boundary((after + 12).min(text.len()))];
    let word = window
        .strip_prefix('-')
        .unwrap_or(window.trim_start_matches([' ', '\t']));
    if !word
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("point"))
    {
        return None; // most numbers: no `points` after them
    }
    let unit = POINTS.find(window)?;
    let from = text.floor_char_boundary(start.saturating_sub(80));
    let around = &text[from..text.floor_char_boundary((after + 60).min(text.len()))];
    (POINTS_TOPIC.is_match(around) && !INDEX_WORDS.is_match(around)).then_some(after + unit.end())
}

static POINTS: PerThread<Regex> =
    PerThread::new(|| Regex::new(r"(?i)^(?:[ \t]+|-)points?(?-u:\b)").expect("points pattern"));
static POINTS_TOPIC: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:margins?|rates?|share|growth|tailwind|headwind|impact|impacted|yield|mix|expanded|expansion|contraction|improvement|accretive|dilutive|basis)(?-u:\b)")
        .expect("points topic pattern")
});
static INDEX_WORDS: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:index|indexes|Dow|S&P|Nasdaq|average|FTSE|DAX|Nikkei|points? (?:higher|lower)|closed)(?-u:\b)")
        .expect("index words pattern")
});

/// `two pounds of meat` is a weight, not money.
fn is_weight(text: &str, mark: &currency::Mark) -> bool {
    let word = &text[mark.start..mark.end];
    // only the next word is read (never the rest of the text)
    let next = text[mark.end..].trim_start();
    word.get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("pound"))
        && next.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("of "))
}

/// Two atoms that read as one range (`$1.5-2 billion`, `between 10 and 15 percent`).
fn join_range(text: &str, a: &Atom, b: &Atom, before: &[Mention]) -> Option<Mention> {
    // `$1.5-2 billion`: the money mark is written once, on the low end;
    // `around 51 or 52 billion`: on neither, but the paragraph's money carries on
    let mut carried = None;
    let kind = match (a.kind, b.kind) {
        (Some(x), Some(y)) if x != y => return None,
        (_, Some(y)) => y,
        (Some(Kind::Money), None) if b.number.scaled && !a.number.scaled => Kind::Money,
        (None, None) if b.number.scaled && !a.number.scaled => {
            carried = Some(carried_currency(text, b, before)?);
            Kind::Money
        }
        _ => return None,
    };
    if (a.currency.is_some() && b.currency.is_some() && a.currency != b.currency)
        || (a.unit.is_some() && b.unit.is_some() && a.unit != b.unit)
    {
        return None;
    }
    if a.number.is_year_like(text) || b.number.is_year_like(text) {
        return None;
    }
    let join = text.get(a.end..b.start)?;
    if !RANGE_JOIN.is_match(join) {
        return None;
    }
    let joiner = join.trim().to_ascii_lowercase();
    let opener = qualifier::range_opener(text, a.start);
    let between = opener.is_some_and(|o| o.1);
    match joiner.as_str() {
        "and" if !between => return None,
        // `rose from $3.9 billion to $5.6 billion` is two figures, a before and an after
        "to" | "-" | "–" | "—" | "through"
            if opener.is_some_and(|o| !o.1 && changed_from(text, o.0)) =>
        {
            return None;
        }
        // `expanded 220 basis points to 17.7%`: a change, then the level it reached
        "to" if CHANGE_BEFORE
            .is_match(&text[text.floor_char_boundary(a.start.saturating_sub(30))..a.start]) =>
        {
            return None;
        }
        _ => {}
    }
    let mut low = a.value;
    if !a.number.scaled && b.number.scaled {
        low = low.scale(b.number.power);
    }
    if a.kind.is_none() && kind == Kind::Percent && b.value != b.number.value {
        low = low.scale(-2); // basis points given once for both ends
    }
    let high = b.value;
    if low > high {
        return None;
    }
    let start = if between { opener?.0 } else { a.start };
    Some(Mention {
        start,
        end: b.end,
        kind,
        value: low,
        max: Some(high),
        currency: b.currency.or(a.currency).or(carried),
        unit: b.unit.or(a.unit),
        qualifier: Qualifier::Range,
        rule: match kind {
            Kind::Money => "money/range",
            Kind::Percent => "percent/range",
            Kind::Count => "count/range",
        },
        figure_start: a.start,
        context_end: b.context_end,
        minus: false,
    })
}

/// The mention of a single atom, or `None` for a number that is no figure.
fn finish(
    text: &str,
    atom: &Atom,
    before: &[Mention],
    next: Option<&Atom>,
    notes: &crate::tables::Notes,
) -> Option<Mention> {
    let n = &atom.number;
    let mut unit = atom.unit;
    let (kind, currency, rule) = match atom.kind {
        Some(Kind::Count) if n.is_year_like(text) || looks_like_name(text, n) => return None,
        // `two people familiar with the matter` are sources, not a headcount
        Some(Kind::Count)
            if atom.unit == Some("people")
                && (n.written
                    || FAMILIAR.is_match(
                        &text[atom.context_end
                            ..text.floor_char_boundary((atom.context_end + 30).min(text.len()))],
                    )) =>
        {
            return None;
        }
        // `one customer said` is an anecdote, `the two companies` a reference
        Some(Kind::Count)
            if n.written && (n.value <= Decimal::from_int(1) || after_determiner(text, n)) =>
        {
            return None;
        }
        Some(k) => (k, atom.currency, atom.rule),
        None => {
            if let Some(code) = currency_ahead(text, atom, next) {
                (Kind::Money, Some(code), "money/currency-ahead")
            } else if let Some(noun) = counted_before(text, atom, before) {
                unit = Some(noun);
                (Kind::Count, None, "count/noun-before")
            } else if let Some(m) = table_cell(text, atom, notes) {
                return Some(m);
            } else {
                let code = carried_currency(text, atom, before)?;
                (Kind::Money, Some(code), "money/carried-currency")
            }
        }
    };
    let mut value = atom.value;
    let mut rule = rule;
    // `$ 2,929` in a table `(in millions)`: the note's scale applies; per-share
    // amounts (with cents) and already scaled figures keep theirs
    if kind == Kind::Money
        && !n.scaled
        && !n.written
        && let Some(scale) = crate::tables::scale_at(text, n.start, notes)
            .filter(|s| s.power >= 9 || value.is_integer())
    {
        value = value.scale(scale.power);
        rule = "money/table-scaled";
    }
    Some(Mention {
        start: atom.start,
        end: atom.end,
        kind,
        value,
        max: None,
        currency,
        unit,
        qualifier: Qualifier::Exact,
        rule,
        figure_start: atom.start,
        context_end: atom.context_end,
        minus: atom.minus,
    })
}

/// A bare number takes the currency of the money figure just before it in the
/// same sentence when it is scaled (`from 360 billion`) or compared with it
/// (`12.5 mln dlrs vs 9.8 mln`).
fn carried_currency(text: &str, atom: &Atom, before: &[Mention]) -> Option<&'static str> {
    let n = &atom.number;
    if n.is_year_like(text) || looks_like_name(text, n) {
        return None;
    }
    let prev = before.iter().rev().find(|m| m.kind == Kind::Money)?;
    let between = text.get(prev.end..n.start)?;
    // a scaled amount carries on the currency of the paragraph (`Sales are
    // expected to be 460 billion`); a plain number only within its sentence
    let reach = if n.scaled { CARRY_SCALED } else { 160 };
    if between.len() > reach
        || (!n.scaled && crate::segment::crosses_sentence(between))
        || between.contains("\n\n")
    {
        return None;
    }
    let from = text.floor_char_boundary(n.start.saturating_sub(20));
    let compared = CARRY_BEFORE.is_match(&text[from..n.start]);
    // a bare small integer after `of`/`to` is too often a count or a rank
    let plausible =
        n.scaled || (compared && !between.contains(',') && n.value >= Decimal::from_int(10));
    let partner_noun = captures(
        &RANGE_NOUN,
        &text[n.end..text.floor_char_boundary((n.end + 40).min(text.len()))],
    )
    .is_some_and(|c| {
        let noun = c.get(RANGE_NOUN_GROUP[0]).map_or("", |m| m.as_str());
        !["in", "a", "from", "for", "the", "and", "last", "this"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(noun))
    });
    (plausible && !partner_noun && !followed_by_unitless_noun(text, n.end))
        .then_some(prev.currency?)
}

/// Whether `start..end` lies in a table row or crosses out of one.
fn in_table_row(text: &str, start: usize, end: usize) -> bool {
    let (ls, le) = crate::tables::line_at(text, start);
    crate::tables::has_cells(&text[ls..le])
        || (end > le && crate::tables::has_cells(&text[ls..end.min(text.len())]))
}

/// A bare number filling a table cell whose row says what it is, under a
/// note that states the table's scale: money (`Total revenues | 13,307`).
fn table_cell(text: &str, atom: &Atom, notes: &crate::tables::Notes) -> Option<Mention> {
    let n = &atom.number;
    if n.written || n.scaled || n.is_year_like(text) {
        return None;
    }
    let minus = crate::tables::cell(text, n.start, n.end)?;
    let scale = crate::tables::scale_at(text, n.start, notes)?;
    // the parentheses of a negative amount are part of the figure
    let (ls, le) = crate::tables::line_at(text, n.start);
    let (start, end) = crate::tables::parentheses(text, ls, le, n.start, n.end)?;
    Some(Mention {
        start,
        end,
        kind: Kind::Money,
        value: n.value.scale(scale.power),
        max: None,
        currency: Some(scale.currency.unwrap_or("USD")),
        unit: None,
        qualifier: Qualifier::Exact,
        rule: "money/table-cell",
        figure_start: start,
        context_end: end,
        minus,
    })
}

/// How far back (bytes) a scaled bare amount takes the currency of the money before it.
const CARRY_SCALED: usize = 1500;

/// `from 18.5 mln to 309.3 mln dlrs`: the unit written once, on the second figure.
fn currency_ahead(text: &str, atom: &Atom, next: Option<&Atom>) -> Option<&'static str> {
    let next = next.filter(|b| b.kind == Some(Kind::Money))?;
    let join = text.get(atom.end..next.start)?;
    let joined = matches!(join.trim(), "to" | "and" | "or" | "-" | "–");
    // `between 3 and 1 dollars` is no range of money
    let ascending = atom.value <= next.value;
    (joined && ascending && !atom.number.is_year_like(text)).then_some(next.currency?)
}

/// Counted nouns, as a pattern for finding one before a bare number.
static NOUN_BEFORE: PerThread<Regex> = PerThread::new(|| {
    let nouns: Vec<&str> = count::NOUNS.iter().map(|n| n.0).collect();
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", nouns.join("|"))).expect("noun pattern")
});

/// A short link from a counted noun to a plain number (`Customer count grew to 133`).
static NOUN_LINK: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)^(?:[ \t\n]+(?:count|base|number|total))?(?:[ \t\n]+(?-u:\w)+){0,2}[ \t\n]+(?:to|of|at|reached|hit|topped|totaled|totalled|was|were|is|are)[ \t\n]*$")
        .expect("noun link pattern")
});

/// A bare number whose sentence names, before it, what it counts:
/// `monthly active users jumped 11% from a year ago to 751 million`,
/// `Customer count grew to 133`. A money figure between the two breaks the link.
fn counted_before(text: &str, atom: &Atom, before: &[Mention]) -> Option<&'static str> {
    let n = &atom.number;
    // long plain digit runs are identifiers, not counts
    let large = n.scaled || (!n.plain && n.value >= Decimal::from_int(1000));
    if n.is_year_like(text) || looks_like_name(text, n) || followed_by_unitless_noun(text, n.end) {
        return None;
    }
    if in_table_row(text, n.start, n.end) {
        return None; // a row label (`license support | 2,597`) is no counted noun
    }
    // the noun stands within a few clauses before the number; a small
    // number must be linked to it by a few words (`NOUN_LINK`), so only the
    // last words before it can hold the noun that counts
    let start = crate::segment::sentence_start_within(text, n.start, NOUN_REACH);
    let near = if large {
        start
    } else {
        start + last_words(&text[start..n.start], LINK_WORDS)
    };
    let noun = NOUN_BEFORE.find_iter(&text[near..n.start]).last()?;
    let noun_end = near + noun.end();
    let head = &text[start..n.start];
    let noun_start = near + noun.start() - start;
    // `The number of customers with ARR above $100,000 grew 21% to 1,870`:
    // the subject says a count follows, whatever amounts qualify it
    let counted_subject = NUMBER_OF.is_match(&head[..noun_start]);
    if !counted_subject
        && before
            .iter()
            .rev()
            .take_while(|m| m.start >= noun_end)
            .any(|m| m.kind == Kind::Money)
    {
        return None;
    }
    if !large && !NOUN_LINK.is_match(&text[noun_end..n.start]) {
        return None;
    }
    let word = noun.as_str().to_ascii_lowercase();
    count::NOUNS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, unit)| *unit)
}

/// How far back (bytes) a counted noun before a bare number is looked for.
const NOUN_REACH: usize = 300;

/// How many words back from a small number its counted noun can stand, the
/// noun's own word included: `NOUN_LINK` allows four words after it
/// (`Customer count grew to 133`), and two are to spare.
const LINK_WORDS: usize = 7;

/// Where the last `words` words of `head` start (words split by spaces,
/// tabs and line breaks); 0 when there are fewer.
fn last_words(head: &str, words: usize) -> usize {
    let bytes = head.as_bytes();
    let mut seen = 0;
    let mut in_word = false;
    for i in (0..bytes.len()).rev() {
        let space = matches!(bytes[i], b' ' | b'\t' | b'\n');
        if space && in_word {
            seen += 1;
            if seen == words {
                return i + 1;
            }
        }
        in_word = !space;
    }
    0
}

static NUMBER_OF: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:number|count|total)[ \t\n]+of[ \t\n]+(?:(?-u:\w)+[ \t\n]+)?$")
        .expect("number of pattern")
});

/// `the two companies`, `its three customers`: a reference to known things.
fn after_determiner(text: &str, n: &Number) -> bool {
    let before = text[..n.start].trim_end();
    let word = before.rsplit([' ', '\t', '\n']).next().unwrap_or("");
    matches!(
        word.to_ascii_lowercase().as_str(),
        "the" | "these" | "those" | "its" | "their" | "our" | "both"
    )
}

/// `360 billion` followed by a plain noun (`360 billion tweets`) counts that noun.
fn followed_by_unitless_noun(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches([' ', '\t']);
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &rest[..len];
    len > 0 && !NOT_NOUNS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words after a bare amount that name no counted thing.
const NOT_NOUNS: &[&str] = &[
    "a",
    "an",
    "and",
    "or",
    "in",
    "for",
    "from",
    "to",
    "the",
    "last",
    "this",
    "at",
    "by",
    "on",
    "as",
    "vs",
    "versus",
    "compared",
    "against",
    "during",
    "previously",
    "earlier",
    "year",
    "over",
    "with",
    "while",
    "but",
    "which",
    "mainly",
    "including",
    "of",
    "was",
    "were",
    "is",
    "are",
    "due",
    "estimate",
    "estimates",
    "expected",
    "forecast",
    "consensus",
    "target",
    "that",
    "these",
    "those",
    "than",
    "into",
    "through",
];

/// A number that is part of a product or index name (`Windows 11 devices`):
/// right after a capitalized word that is no sentence start, and not in a
/// title-case line (`Adds 8 Million Users`).
fn looks_like_name(text: &str, n: &Number) -> bool {
    let before = &text[..n.start];
    let Some(word_end) = before.strip_suffix(' ').map(str::len) else {
        return false;
    };
    let word_start = before[..word_end]
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..word_end];
    if !word.chars().next().is_some_and(char::is_uppercase)
        || MONTHS.contains(&word)
        || COMMON_CAPITALIZED.contains(&word)
    {
        return false;
    }
    let sentence_start = before[..word_start]
        .trim_end_matches([' ', '\t', '"', '“', '(', '\''])
        .chars()
        .last()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':' | ';'));
    if sentence_start {
        return false;
    }
    let next = text[n.end..].trim_start_matches([' ', '\t']).chars().next();
    !next.is_some_and(char::is_uppercase)
}

/// Capitalized words that may stand right before a figure in running text
/// (besides the month names, [`MONTHS`]).
const COMMON_CAPITALIZED: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Over",
    "About",
    "Nearly",
    "Almost",
    "Around",
    "Some",
    "More",
    "Than",
    "Up",
    "To",
    "Just",
    "Roughly",
    "Approximately",
    "Only",
    "By",
    "Of",
    "At",
    "With",
    "For",
];

/// Hedges around a single figure, and a written minus sign.
fn hedge(text: &str, m: &mut Mention) {
    if let Some((start, q)) = qualifier::before(text, m.start) {
        // `surpassing a 752.4 million estimate`: the estimate itself is exact
        let verb = text[start..m.start]
            .trim_start()
            .starts_with(['s', 'S', 'e', 'E', 't', 'T']);
        if !(verb && qualifier::is_reference(text, m.context_end)) {
            m.start = start;
            m.qualifier = q;
        }
    } else if let Some((end, q)) = qualifier::after(text, m.end) {
        m.end = end;
        m.qualifier = q;
    }
    // `($813)`: accounting parentheses around a marked amount
    if !m.minus
        && text[..m.start].ends_with('(')
        && text[m.end..].starts_with(')')
        && m.qualifier == Qualifier::Exact
        && accounting(text, m.start - 1)
    {
        m.start -= 1;
        m.end += 1;
        m.minus = true;
        return;
    }
    let before = &text[..m.start];
    if let Some(rest) = before
        .strip_suffix('-')
        .or_else(|| before.strip_suffix('−'))
    {
        if rest.is_empty() || rest.ends_with([' ', '\t', '\n', '(']) {
            m.start = rest.len();
            m.minus = true;
        }
    } else {
        let from = text.floor_char_boundary(m.start.saturating_sub(12));
        if let Some(c) = MINUS_WORD.find(&text[from..m.start]) {
            let word_start =
                from + c.start() + usize::from(!c.as_str().starts_with(['m', 'M', 'n', 'N']));
            m.start = word_start;
            m.minus = true;
        }
    }
}

#[cfg(test)]
mod tests;
