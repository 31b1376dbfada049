//! Classification: what a figure measures ([`Metric`]), the period it covers,
//! and whether the text calls it a decline or a loss.
//!
//! Input: the text, a [`Mention`] and the clause and sentence around it.
//! Output: a metric from RECORD.md's vocabulary, a normalized period, a sign.
//! The metric comes from cue words in `metrics.tsv`: the cue nearest the
//! figure within its clause wins, the table's order breaking ties. A revenue
//! figure in a sentence that speaks of a goal, guidance or forecast is a
//! `revenue_target`. Counts take their metric from the counted noun.

pub mod period;
pub mod sign;

use crate::recognize::{Kind, Mention};
use regex::{Regex, RegexSet};
use serde::Serialize;
use std::sync::LazyLock;

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
    Near,
}

struct Cue {
    metric: Metric,
    kinds: Vec<Kind>,
    side: Side,
    pattern: Regex,
}

struct Cues {
    rows: Vec<Cue>,
    /// Per kind (money, percent, count): a set of the rows that apply to it,
    /// and the row of each member (a smaller set is searched faster).
    sets: [(RegexSet, Vec<usize>); 3],
}

impl Cues {
    fn set(&self, kind: Kind) -> &(RegexSet, Vec<usize>) {
        &self.sets[match kind {
            Kind::Money => 0,
            Kind::Percent => 1,
            Kind::Count => 2,
        }]
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
            let metric = Metric::parse(f[0]).unwrap_or_else(|| panic!("metrics.tsv: unknown metric {}", f[0]));
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
                "near" => Side::Near,
                s => panic!("metrics.tsv: unknown side {s}"),
            };
            (metric, kinds, side, format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", f[3]))
        })
        .collect()
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let rows: Vec<Cue> = parse_table(TABLE)
        .into_iter()
        .map(|(metric, kinds, side, pattern)| Cue {
            metric,
            kinds,
            side,
            pattern: Regex::new(&pattern).expect("metric cue compiles"),
        })
        .collect();
    let set = |kind: Kind| {
        let index: Vec<usize> = (0..rows.len())
            .filter(|&k| rows[k].kinds.contains(&kind))
            .collect();
        let set = RegexSet::new(index.iter().map(|&k| rows[k].pattern.as_str()))
            .expect("cue set compiles");
        (set, index)
    };
    let sets = [set(Kind::Money), set(Kind::Percent), set(Kind::Count)];
    Cues { rows, sets }
});

/// Words that turn a revenue figure into a goal, guidance or forecast.
static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:by (?:fiscal )?(?:year )?(?:19|20)\d\d|targets?|goals?|guidance|guided|forecasts?|forecasted|outlook|expects?|expected|expectations?|projects?|projected|projections?|anticipates?|anticipated|sees|will|wants|aims?|plans?|consensus|predicts?|to produce|to reach|to hit|to generate|to exceed)(?-u:\b)")
        .expect("target pattern")
});

/// Byte budget of the window a cue is looked for in, before and after the figure.
const BEFORE: usize = 110;
const AFTER: usize = 70;

/// The metric of `m`, which lies in `clause` of `sentence`.
pub fn metric(text: &str, m: &Mention, clause: (usize, usize), sentence: (usize, usize)) -> Metric {
    if m.kind == Kind::Count {
        if let Some(metric) = count_metric(m.unit.unwrap_or(""), text, sentence) {
            return metric;
        }
    }
    let lo = text.floor_char_boundary(clause.0.max(m.figure_start.saturating_sub(BEFORE)));
    let hi = text.ceil_char_boundary(clause.1.min(m.context_end + AFTER).max(m.context_end));
    let window = &text[lo..hi];
    let mut best: Option<(usize, usize, Metric)> = None; // (distance, row, metric)
    let (set, index) = CUES.set(m.kind);
    for row in set.matches(window).iter().map(|k| index[k]) {
        let cue = &CUES.rows[row];
        if !cue.kinds.contains(&m.kind) {
            continue;
        }
        for found in cue.pattern.find_iter(window) {
            let (s, e) = (lo + found.start(), lo + found.end());
            let distance = if e <= m.start && cue.side != Side::After {
                m.start - e
            } else if s >= m.context_end && cue.side != Side::Before {
                s - m.context_end
            } else {
                continue;
            };
            if best.is_none_or(|b| (distance, row) < (b.0, b.1)) {
                best = Some((distance, row, cue.metric));
            }
        }
    }
    let metric = best.map_or(Metric::Other, |b| b.2);
    if metric == Metric::Revenue && TARGET.is_match(&text[sentence.0..sentence.1]) {
        return Metric::RevenueTarget;
    }
    metric
}

/// Counts are what they count; `people` are employees where the sentence says so.
fn count_metric(unit: &str, text: &str, sentence: (usize, usize)) -> Option<Metric> {
    Some(match unit {
        "customers" | "clients" | "buyers" | "accounts" | "organizations" | "businesses"
        | "enterprises" | "companies" | "firms" | "merchants" | "advertisers" | "sellers"
        | "shoppers" | "brands" | "households" => Metric::Customers,
        "subscribers" | "subscriptions" => Metric::Subscribers,
        "users" | "members" | "developers" | "listeners" | "viewers" | "players" | "visitors" => Metric::Users,
        "licenses" | "seats" => Metric::Licenses,
        "employees" | "workers" => Metric::Employees,
        "people" => {
            let s = text[sentence.0..sentence.1].to_ascii_lowercase();
            if ["employ", "workforce", "headcount", "staff", "jobs", "hire", "layoff", "lay off", "cut"]
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
