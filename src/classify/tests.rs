use super::*;
use crate::recognize::recognize;

fn metric_of(text: &str) -> Metric {
    let all = recognize(text, &[]);
    let figures: Vec<(usize, usize)> = all
        .iter()
        .map(|m| (m.figure_start, m.context_end))
        .collect();
    let s = (0, text.len());
    let near = Neighbours { figures: &figures };
    let cues = SentenceCues::new(text, s);
    let found = metric(text, &all[0], s, s, &near, &cues).unwrap_or(Metric::Other);
    targeted(text, &all[0], s, &near, found)
}

#[test]
fn nearest_cue_wins() {
    assert_eq!(
        metric_of("a run rate of $5.5 billion in cloud revenues"),
        Metric::RunRate
    );
    assert_eq!(metric_of("net income of $1.94 billion"), Metric::NetIncome);
    assert_eq!(metric_of("$2.07 per share"), Metric::EarningsPerShare);
    assert_eq!(metric_of("a 32 percent share"), Metric::MarketShare);
    assert_eq!(metric_of("revenue rose 12% year over year"), Metric::Growth);
    assert_eq!(
        metric_of("to produce $20 billion in revenue by 2018"),
        Metric::RevenueTarget
    );
}

#[test]
fn cues_bound_to_another_figure_are_not_ours() {
    assert_eq!(
        metric_of("the margin was 20.4%, up 20 basis points year over year"),
        Metric::Margin
    );
    assert_eq!(
        metric_of("$3.11 to $3.13 in adjusted earnings per share on $11 billion"),
        Metric::EarningsPerShare
    );
    assert_eq!(
        metric_of("Revenue: $11.20 billion vs. $11.18 billion expected"),
        Metric::Revenue
    );
    assert_eq!(
        metric_of(
            "Current remaining performance obligation, a sum of revenue that will be recognized, came in at $35.1 billion"
        ),
        Metric::Backlog
    );
    assert_eq!(
        metric_of("net income of $1.94 billion, or $2.07 per share"),
        Metric::NetIncome
    );
}

#[test]
fn words_cut_by_the_window_are_no_cues() {
    // the window ends 70 bytes after the figure, inside `update`: its first
    // letters are no `up`
    let text = "The benefit ratio was 70% excluding the impact of the fourth quarter 2020 reserve assumption update.";
    assert_eq!(metric_of(text), Metric::Other);
}

/// The cue finder finds, for every row of the real table, what the row's own
/// pattern finds (`cue_finder` has the finder's own tests).
#[test]
fn window_cues_are_each_rows_own_matches() {
    let windows = [
        "Revenue rose 12% to $5.6 billion, or $1.20 per diluted share, and net income was flat.",
        "Operating cash flow was $2 billion; free cash flow, capex and R&D were up.",
        "annualized revenue run rate of $10 billion, ARR up 30%, RPO and cRPO, bookings",
        "a 32 percent share of the market, up 5 points, accounting for 40% of total sales",
        "the deal to buy the stake, valued at $2 billion, raised in a funding round",
        "guidance: the outlook forecasts growth; shares closed at $5; dividends of $1",
        "EPS\nof $1, earnings per\n share, per-share profit, cts a shr, shr loss",
        "ſales ﬁnancing Kelvin ſhr, operat\u{e9}d cash, tax rate of 21%",
    ];
    for window in windows {
        for kind in [Kind::Money, Kind::Percent, Kind::Count] {
            let mut expected = Vec::new();
            for (row, cue) in CUES.rows.iter().enumerate() {
                if cue.kinds.contains(&kind) {
                    expected.extend(
                        Regex::new(&cue.pattern)
                            .unwrap()
                            .find_iter(window)
                            .map(|f| (row, 7 + f.start(), 7 + f.end())),
                    );
                }
            }
            assert_eq!(
                window_cues(window, 7, kind),
                expected,
                "{kind:?} in {window:?}"
            );
        }
    }
}
