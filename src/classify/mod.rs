//! Classification: what a figure measures ([`Metric`]), the period it covers,
//! and whether the text calls it a decline or a loss.
//!
//! Input: the text, a [`Mention`] and the clause and sentence around it.
//! Output: a metric from RECORD.md's vocabulary, a normalized period, a sign.
//! The metric comes from cue words in `metrics.tsv`: the cue nearest the
//! figure within its clause wins, the table's order breaking ties. A revenue
//! figure in a sentence that speaks of a goal, guidance or forecast is a
//! `revenue_target`. Counts take their metric from the counted noun. The
//! cues of a sentence are found once for all its figures, by `cue_finder`.

mod cue_finder;
pub mod period;
pub mod sign;

use crate::per_thread::PerThread;
use crate::recognize::{Kind, Mention};
use cue_finder::CueFinder;
use regex::Regex;
use serde::Serialize;
use std::cell::{Cell, OnceCell};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Revenue,
    RevenueTarget,
    RunRate,
    OperatingIncome,
    NetIncome,
    EarningsPerShare,
    CashFlow,
    CapitalExpenditure,
    Backlog,
    DealValue,
    Investment,
    Growth,
    Margin,
    MarketShare,
    Customers,
    Subscribers,
    Users,
    Licenses,
    Employees,
    Other,
}

impl Metric {
    pub fn parse(name: &str) -> Option<Metric> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Revenue => "revenue",
            Metric::RevenueTarget => "revenue_target",
            Metric::RunRate => "run_rate",
            Metric::OperatingIncome => "operating_income",
            Metric::NetIncome => "net_income",
            Metric::EarningsPerShare => "earnings_per_share",
            Metric::CashFlow => "cash_flow",
            Metric::CapitalExpenditure => "capital_expenditure",
            Metric::Backlog => "backlog",
            Metric::DealValue => "deal_value",
            Metric::Investment => "investment",
            Metric::Growth => "growth",
            Metric::Margin => "margin",
            Metric::MarketShare => "market_share",
            Metric::Customers => "customers",
            Metric::Subscribers => "subscribers",
            Metric::Users => "users",
            Metric::Licenses => "licenses",
            Metric::Employees => "employees",
            Metric::Other => "other",
        }
    }
}

impl<'de> serde::Deserialize<'de> for Metric {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Metric, D::Error> {
        let s = String::deserialize(d)?;
        ALL.iter()
            .copied()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown metric {s}")))
    }
}

const ALL: &[Metric] = &[
    Metric::Revenue,
    Metric::RevenueTarget,
    Metric::RunRate,
    Metric::OperatingIncome,
    Metric::NetIncome,
    Metric::EarningsPerShare,
    Metric::CashFlow,
    Metric::CapitalExpenditure,
    Metric::Backlog,
    Metric::DealValue,
    Metric::Investment,
    Metric::Growth,
    Metric::Margin,
    Metric::MarketShare,
    Metric::Customers,
    Metric::Subscribers,
    Metric::Users,
    Metric::Licenses,
    Metric::Employees,
    Metric::Other,
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Before,
    After,
    /// Right after the figure, nothing but a space between.
    Next,
    Near,
}

#[derive(Clone)]
struct Cue {
    metric: Metric,
    kinds: Vec<Kind>,
    side: Side,
    /// The cue's pattern (searched by the row's [`CueFinder`]).
    pattern: String,
}

#[derive(Clone)]
struct Cues {
    rows: Vec<Cue>,
    /// Per kind (money, percent, count): the finder of the rows that apply to it.
    finders: [CueFinder; 3],
}

/// Where a kind's rows are kept.
fn kind_slot(kind: Kind) -> usize {
    match kind {
        Kind::Money => 0,
        Kind::Percent => 1,
        Kind::Count => 2,
    }
}

const TABLE: &str = include_str!("metrics.tsv");

fn parse_table(table: &str) -> Vec<(Metric, Vec<Kind>, Side, String)> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 4, "metrics.tsv: {line}");
            let metric = Metric::parse(f[0])
                .unwrap_or_else(|| panic!("metrics.tsv: unknown metric {}", f[0]));
            let kinds = f[1]
                .chars()
                .map(|c| match c {
                    'm' => Kind::Money,
                    'p' => Kind::Percent,
                    'c' => Kind::Count,
                    _ => panic!("metrics.tsv: unknown kind {c}"),
                })
                .collect();
            let side = match f[2] {
                "before" => Side::Before,
                "after" => Side::After,
                "next" => Side::Next,
                "near" => Side::Near,
                s => panic!("metrics.tsv: unknown side {s}"),
            };
            (
                metric,
                kinds,
                side,
                // a cue may be wrapped across lines: any run of spaces matches a space
                format!(
                    r"(?i)(?-u:\b)(?:{})(?-u:\b)",
                    f[3].replace(' ', r"[ \t\n]+")
                ),
            )
        })
        .collect()
}

static CUES: PerThread<Cues> = PerThread::new(|| {
    let rows: Vec<Cue> = parse_table(TABLE)
        .into_iter()
        .map(|(metric, kinds, side, pattern)| Cue {
            metric,
            kinds,
            side,
            pattern,
        })
        .collect();
    let finder = |kind: Kind| {
        let index: Vec<usize> = (0..rows.len())
            .filter(|&k| rows[k].kinds.contains(&kind))
            .collect();
        let patterns: Vec<&str> = index.iter().map(|&k| rows[k].pattern.as_str()).collect();
        CueFinder::new(&patterns, index)
    };
    let finders = [
        finder(Kind::Money),
        finder(Kind::Percent),
        finder(Kind::Count),
    ];
    Cues { rows, finders }
});

/// Words that turn a revenue figure into a goal, guidance or forecast.
static TARGET: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:by (?:fiscal )?(?:year )?(?:19|20)[0-9][0-9]|targets?|goals?|guidance|guided|guide|forecasts?|forecasted|outlook|expects?|expected|expecting|expectations?|projects?|projected|projections?|anticipates?|anticipated|sees|will|should|wants|aims?|plans?|consensus|predicts?|(?:is|are|was|were) estimated|estimated (?:at|to)|an? (?:\S+ )?estimate|looking for|called for|calls for|to produce|to reach|to hit|to generate|to exceed|to total)(?-u:\b)")
        .expect("target pattern")
});

/// Words that introduce an earlier level of a figure.
static PRIOR: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:from|versus|vs\.?|compared (?:with|to))[ \t\n]*$")
        .expect("prior pattern")
});

/// Words that compare a figure with a target rather than state one.
static COMPARED: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?:above|below|beat|beats|beating|topped|exceeded|exceeding|ahead of|in line with|higher than|lower than|short of|versus|vs\.?|compared (?:with|to)|(?:high|low|top|upper|lower) end of)(?:[ \t\n]+(?:the|our|its|their|analysts'?|Wall Street'?s?|consensus))*[ \t\n]*$")
        .expect("comparison pattern")
});

/// A change verb or noun right before a money figure: the figure is the change.
static CHANGE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:rose|rise|rises|risen|rising|increased?|grew|grow|fell|fall|falls|dropped|declined|decreased?|cut|cuts|reduced|up|down)(?:[ \t\n]+(?:by|between|about|some|nearly|around|roughly|approximately))?|(?:raised|raising|lifted|boosted)[ \t\n]+(?:(?-u:\w)+[ \t\n]+){0,2}by|(?:a|an|the)[ \t\n]+(?:raise|increase|decrease|reduction|cut|boost|rise|jump|drop|decline)[ \t\n]+of|cut[ \t\n]+(?:total[ \t\n]+)?(?-u:\w)+)[ \t\n]*$")
        .expect("change pattern")
});

/// A figure right before which a figure stands for what the subject of its
/// sentence names (`Current RPO, a sum of ..., came in at $35.1 billion`).
static LINKED: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:came in at|come in at|was|were|is|are|totaled|totalled|reached|stood at|hit|of|to|at)[ \t\n]*$")
        .expect("link pattern")
});

/// Byte budget of the window a cue is looked for in, before and after the figure.
const BEFORE: usize = 110;
const AFTER: usize = 70;
/// How near the start of its sentence a cue must be to be the sentence's subject.
const SUBJECT: usize = 40;
/// The longest cue (bytes), past the subject's start.
const SUBJECT_CUE: usize = 60;

/// Where the figures of a sentence stand, for cues that belong to a neighbour.
pub struct Neighbours<'a> {
    /// Spans (start, context end) of every figure of the sentence, in order.
    pub figures: &'a [(usize, usize)],
}

impl Neighbours<'_> {
    /// Another figure starts within `reach` bytes after `at`.
    fn figure_after(&self, at: usize, reach: usize, own: usize) -> bool {
        self.figures
            .iter()
            .any(|f| f.0 != own && f.0 >= at && f.0 - at <= reach)
    }
}

/// The metric cues of one sentence, found once for all the figures in it
/// (per kind of figure, on first need): `(row, start, end)`, by row and then
/// position, as each row's pattern finds them from the sentence's start. A
/// figure counts those wholly inside its window.
#[derive(Default)]
pub struct SentenceCues<'a> {
    text: &'a str,
    sentence: (usize, usize),
    found: [OnceCell<Vec<(usize, usize, usize)>>; 3],
    /// Room of an earlier sentence's cues, to be filled again.
    spare: [Cell<Vec<(usize, usize, usize)>>; 3],
}

impl<'a> SentenceCues<'a> {
    pub fn new(text: &'a str, sentence: (usize, usize)) -> SentenceCues<'a> {
        let mut cues = SentenceCues::default();
        cues.read(text, sentence);
        cues
    }

    /// Turns to another sentence, whose cues are found on first need in the
    /// room of this one's.
    pub fn read(&mut self, text: &'a str, sentence: (usize, usize)) {
        self.text = text;
        self.sentence = sentence;
        for (found, spare) in self.found.iter_mut().zip(&self.spare) {
            if let Some(room) = found.take() {
                spare.set(room);
            }
        }
    }

    /// The cues for figures of `kind`.
    fn of(&self, kind: Kind) -> &[(usize, usize, usize)] {
        let k = kind_slot(kind);
        self.found[k].get_or_init(|| {
            let (lo, hi) = self.sentence;
            let mut out = self.spare[k].take();
            cues_into(&self.text[lo..hi], lo, kind, &mut out);
            out
        })
    }
}

/// The cues for figures of `kind` in `window`, which starts at byte `at`:
/// `(row, start, end)`, by row and then position.
fn window_cues(window: &str, at: usize, kind: Kind) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    cues_into(window, at, kind, &mut out);
    out
}

/// [`window_cues`] in the room of `out`, which it replaces.
fn cues_into(window: &str, at: usize, kind: Kind, out: &mut Vec<(usize, usize, usize)>) {
    out.clear();
    CUES.finders[kind_slot(kind)].find(window, at, out);
}

/// The metric of `m`, which lies in `clause` of `sentence`; `None` when no cue speaks of it.
pub fn metric(
    text: &str,
    m: &Mention,
    clause: (usize, usize),
    sentence: (usize, usize),
    near: &Neighbours,
    cues: &SentenceCues,
) -> Option<Metric> {
    if m.kind == Kind::Count {
        return count_metric(m.unit.unwrap_or(""), text, sentence);
    }
    // `up from 103%`: a level before, which continues the figure it is compared with
    let lead = text.floor_char_boundary(m.start.saturating_sub(20));
    if m.kind == Kind::Percent && PRIOR.is_match(&text[lead..m.start]) {
        return None;
    }
    let lo = text.floor_char_boundary(clause.0.max(m.figure_start.saturating_sub(BEFORE)));
    let hi = text.ceil_char_boundary(clause.1.min(m.context_end + AFTER).max(m.context_end));
    let mut best: Option<(usize, usize, Metric)> = None; // (distance, row, metric)
    // the sentence's cues, by row, that lie wholly inside the window; where
    // one is cut by the window's edge, the window is searched on its own, as
    // a shorter cue may start or end there (`adjusted earnings per share` cut
    // to `earnings per share`)
    let found = cues.of(m.kind);
    let cut = |at: usize| found.iter().any(|&(_, s, e)| s < at && at < e);
    let own;
    let found = if cut(lo) || cut(hi) {
        own = window_cues(&text[lo..hi], lo, m.kind);
        &own[..]
    } else {
        found
    };
    for &(row, s, e) in found {
        if s < lo || e > hi {
            continue;
        }
        let cue = &CUES.rows[row];
        let distance = if e <= m.start && matches!(cue.side, Side::Before | Side::Near) {
            m.start - e
        } else if s >= m.context_end && cue.side != Side::Before {
            let gap = &text[m.context_end..s];
            let joined = matches!(gap.trim(), "in" | "of" | "for" | "in adjusted");
            if cue.side == Side::Next && !gap.trim().is_empty() {
                continue;
            }
            // a cue after another figure, or right before one, is that
            // figure's (`20.4%, up 20 basis points year over year`)
            if cue.side != Side::Next
                && !joined
                && (near.figure_after(m.context_end, gap.len(), m.figure_start)
                    || near.figure_after(e, 12, m.figure_start))
            {
                continue;
            }
            if joined { 0 } else { gap.len() }
        } else {
            continue;
        };
        // guidance words name no metric of their own: a metric noun nearby wins
        let distance = if cue.metric == Metric::RevenueTarget {
            distance + 80
        } else {
            distance
        };
        if best.is_none_or(|b| (distance, row) < (b.0, b.1)) {
            best = Some((distance, row, cue.metric));
        }
    }
    let mut metric = best.map(|b| b.2);
    if let Some(subject) = subject_cue(text, m, sentence, cues) {
        metric = Some(subject);
    }
    // an amount a metric rose or fell by is a change, not the metric
    if m.kind == Kind::Money {
        let from = text.floor_char_boundary(m.start.saturating_sub(40));
        if CHANGE.is_match(&text[from..m.start]) {
            return Some(Metric::Other);
        }
    }
    metric
}

/// The metric a heading names (`Revenues:`, `Earnings per share:`), for the
/// figures of the table rows under it: the cue that starts first.
pub fn heading_metric(heading: &str, kind: Kind) -> Option<Metric> {
    // on a tie, the row listed first
    window_cues(heading, 0, kind)
        .into_iter()
        .min_by_key(|&(row, start, _)| (start, row))
        .map(|(row, _, _)| CUES.rows[row].metric)
}

/// Revenue becomes `revenue_target` where a goal, guidance or forecast word
/// binds to the figure; a target carried over from an earlier figure does not
/// make this one a target by itself.
pub fn targeted(
    text: &str,
    m: &Mention,
    sentence: (usize, usize),
    near: &Neighbours,
    metric: Metric,
) -> Metric {
    match metric {
        Metric::Revenue | Metric::RevenueTarget if is_target(text, m, sentence, near) => {
            Metric::RevenueTarget
        }
        Metric::RevenueTarget => Metric::Revenue,
        other => other,
    }
}

/// The cue that opens the sentence, set off by an appositive, when the figure
/// is linked to it by a verb (`Current remaining performance obligation, a
/// sum of ..., came in at $35.1 billion`).
fn subject_cue(
    text: &str,
    m: &Mention,
    sentence: (usize, usize),
    cues: &SentenceCues,
) -> Option<Metric> {
    let head_end = text.floor_char_boundary((sentence.0 + SUBJECT).min(m.start));
    if head_end <= sentence.0 {
        return None;
    }
    // the subject cue starts near the sentence's start, so only its first
    // words are searched (cues are at most a few words long); it is set off
    // by a comma, and a verb links the figure to it
    let hi = text.floor_char_boundary((head_end + SUBJECT_CUE).min(m.start));
    let head = &text[sentence.0..hi];
    let from = text.floor_char_boundary(m.start.saturating_sub(16).max(sentence.0));
    if !head.contains(',') || !LINKED.is_match(&text[from..m.start]) {
        return None;
    }
    // each row's first cue in the head: the sentence's first, unless the
    // head's end cuts a word or a cue (then the head is searched on its own)
    let found = cues.of(m.kind);
    let bytes = text.as_bytes();
    let mid_word = hi > sentence.0
        && hi < bytes.len()
        && cue_finder::is_word(bytes[hi - 1])
        && cue_finder::is_word(bytes[hi]);
    let own;
    let found = if mid_word || found.iter().any(|&(_, s, e)| s < hi && hi < e) {
        own = window_cues(head, sentence.0, m.kind);
        &own[..]
    } else {
        found
    };
    // the first of those that starts in the head proper: (start, end, metric)
    let mut first: Option<(usize, usize, Metric)> = None;
    let mut last_row = None;
    for &(row, s, e) in found {
        if last_row == Some(row) {
            continue;
        }
        last_row = Some(row);
        let cue = &CUES.rows[row];
        if cue.side != Side::Next && e <= hi && s < head_end && first.is_none_or(|f| s < f.0) {
            first = Some((s, e, cue.metric));
        }
    }
    let (_, end, metric) = first?;
    // the subject is set off by an appositive: `Current RPO, a sum of ..., came in at`;
    // only a noun phrase subject, not a verb cue (`rose`, `grew`)
    (text[end..hi].starts_with(',') && metric != Metric::Growth).then_some(metric)
}

/// A revenue figure is a target when a goal, guidance or forecast word binds
/// to it: right before it (`an expected 430 billion`), right after it
/// (`$11.18 billion expected`), or, bound to no figure, anywhere in its sentence.
fn is_target(text: &str, m: &Mention, sentence: (usize, usize), near: &Neighbours) -> bool {
    let s = &text[sentence.0..sentence.1];
    TARGET.find_iter(s).any(|t| {
        let (ts, te) = (sentence.0 + t.start(), sentence.0 + t.end());
        let word = t.as_str().to_ascii_lowercase();
        // a comparison with a target (`above the high end of our guidance`,
        // `in line with our outlook`) says the figure is an actual
        let lead = text.floor_char_boundary(ts.saturating_sub(40));
        if COMPARED.is_match(&text[lead..ts]) {
            return false;
        }
        let participle = [
            "expected",
            "estimated",
            "projected",
            "anticipated",
            "an estimate",
            "a estimate",
        ]
        .iter()
        .any(|p| word.starts_with(p) || word.ends_with("estimate"));
        let next = near.figures.iter().find(|f| f.0 >= te && f.0 - te <= 25);
        let prev = near
            .figures
            .iter()
            .rev()
            .find(|f| f.1 <= ts && ts - f.1 <= 3);
        match (participle, next, prev) {
            // `an expected 430 billion`, `$11.18 billion expected`: that figure only
            (true, Some(f), _) | (true, None, Some(f)) => f.0 == m.figure_start,
            _ => true,
        }
    })
}

/// Counts are what they count; `people` are employees where the sentence says so.
fn count_metric(unit: &str, text: &str, sentence: (usize, usize)) -> Option<Metric> {
    Some(match unit {
        "customers" | "clients" | "buyers" | "accounts" | "organizations" | "businesses"
        | "enterprises" | "companies" | "firms" | "merchants" | "advertisers" | "sellers"
        | "shoppers" | "brands" | "households" => Metric::Customers,
        "subscribers" | "subscriptions" => Metric::Subscribers,
        "users" | "members" | "developers" | "listeners" | "viewers" | "players" | "visitors" => {
            Metric::Users
        }
        "licenses" | "seats" => Metric::Licenses,
        "employees" | "workers" | "jobs" => Metric::Employees,
        "people" => {
            let s = text[sentence.0..sentence.1].to_ascii_lowercase();
            if [
                "employ",
                "workforce",
                "headcount",
                "staff",
                "jobs",
                "hire",
                "layoff",
                "lay off",
                "cut",
            ]
            .iter()
            .any(|w| s.contains(w))
            {
                Metric::Employees
            } else {
                Metric::Users
            }
        }
        _ => Metric::Other,
    })
}

#[cfg(test)]
mod tests;
