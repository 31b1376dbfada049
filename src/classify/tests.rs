use super::*;
use crate::recognize::recognize;

fn metric_of(text: &str) -> Metric {
    let m = &recognize(text, &[])[0];
    let s = (0, text.len());
    metric(text, m, s, s)
}

#[test]
fn nearest_cue_wins() {
    assert_eq!(metric_of("a run rate of $5.5 billion in cloud revenues"), Metric::RunRate);
    assert_eq!(metric_of("net income of $1.94 billion"), Metric::NetIncome);
    assert_eq!(metric_of("$2.07 per share"), Metric::EarningsPerShare);
    assert_eq!(metric_of("a 32 percent share"), Metric::MarketShare);
    assert_eq!(metric_of("revenue rose 12% year over year"), Metric::Growth);
    assert_eq!(metric_of("to produce $20 billion in revenue by 2018"), Metric::RevenueTarget);
}
