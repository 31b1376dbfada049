//! Attribution, metric and sign on sentences of our own writing, one row per
//! cause found on real releases and news (see the commit history and the
//! closing notes of issue 3). Each row: the text, the figure as written, and
//! the provider, metric and sign the record must carry.

use extract::extract_text;

struct Case {
    text: &'static str,
    figure: &'static str,
    provider: Option<&'static str>,
    metric: &'static str,
    negative: bool,
}

const fn case(
    text: &'static str,
    figure: &'static str,
    provider: Option<&'static str>,
    metric: &'static str,
) -> Case {
    Case {
        text,
        figure,
        provider,
        metric,
        negative: false,
    }
}

const fn negative(
    text: &'static str,
    figure: &'static str,
    provider: Option<&'static str>,
    metric: &'static str,
) -> Case {
    Case {
        text,
        figure,
        provider,
        metric,
        negative: true,
    }
}

const CASES: &[Case] = &[
    // the subject of the clause
    case(
        "Oracle said cloud revenue reached $5.1 billion.",
        "$5.1 billion",
        Some("Oracle"),
        "revenue",
    ),
    // possessive and elliptical lists
    case(
        "Growth beat Google's 28 percent pace.",
        "28 percent",
        Some("Google"),
        "growth",
    ),
    case(
        "AWS held a 31 percent share, trailed by Azure at 24 percent.",
        "24 percent",
        Some("Microsoft"),
        "market_share",
    ),
    // `from X` after the figure
    case(
        "The report showed $2.3 billion in sales from Google Cloud.",
        "$2.3 billion",
        Some("Google"),
        "revenue",
    ),
    // companies given as examples are not the subject
    case(
        "More than 9,000 organizations, including Ford Motor, Verizon, and Toyota, rely on Snowflake for analytics.",
        "More than 9,000",
        Some("Snowflake"),
        "customers",
    ),
    // a fronted example phrase ends at its comma; the subject comes after it
    case(
        "Like Microsoft, Google reported that cloud revenue rose 10% to $5 billion.",
        "$5 billion",
        Some("Google"),
        "revenue",
    ),
    // `e.g.` opens examples as `including` does
    case(
        "Several vendors, e.g. Microsoft, rely on Snowflake, which reported revenue of $5 billion.",
        "$5 billion",
        Some("Snowflake"),
        "revenue",
    ),
    // a company named inside a count
    case(
        "The deal covers 300,000 Salesforce seats.",
        "300,000",
        Some("Salesforce"),
        "licenses",
    ),
    // the issuer of a release carries to sentences that name no company
    case(
        "Zentrix Labs Inc. (NASDAQ: ZTX) today announced results.\n\nNet income was $4.2 million. The company also repurchased $10 million of stock.",
        "$4.2 million",
        Some("Zentrix Labs"),
        "net_income",
    ),
    // a pronoun keeps the company named just before
    case(
        "Acme Corp said demand was strong. Beta Systems Inc. reported later. It earned $3.1 million.",
        "$3.1 million",
        Some("Beta Systems"),
        "net_income",
    ),
    // ... after a fronted phrase, in any Latin letters
    case(
        "Zentrix Labs Inc. (NASDAQ: ZTX) today announced results. Beta Systems Inc. reported later. In São Paulo, it earned $3.1 million.",
        "$3.1 million",
        Some("Beta Systems"),
        "net_income",
    ),
    // subsidiaries speak for their parent
    case(
        "Omnitel AG said sales rose. Orders at its wholly owned Fernwerk GmbH subsidiary climbed 6 pct.",
        "6 pct",
        Some("Omnitel"),
        "growth",
    ),
    // companies that journalism marks as such
    case(
        "Lisbon-based Marivo Data said it raised €40 million.",
        "€40 million",
        Some("Marivo Data"),
        "investment",
    ),
    // a bank's estimate has the bank as source, the company as provider
    case(
        "Jefferies estimates that Azure brings in about $9 billion a quarter.",
        "about $9 billion",
        Some("Microsoft"),
        "revenue",
    ),
    // exchange rates, levies and indexes belong to no company
    case(
        "Sony assumed a rate of 150 yen to the dollar.",
        "150 yen",
        None,
        "other",
    ),
    case(
        "Nvidia rose while the S&P 500 index gained 2%.",
        "2%",
        None,
        "growth",
    ),
    // cues: per share must touch the figure; `in revenue` joins its noun
    case(
        "IBM earned $1.6 billion, or $1.72 per share.",
        "$1.6 billion",
        Some("IBM"),
        "net_income",
    ),
    case(
        "IBM earned $1.6 billion, or $1.72 per share.",
        "$1.72",
        Some("IBM"),
        "earnings_per_share",
    ),
    case(
        "Adobe guided to $4.10 in earnings per share on $5.3 billion in revenue.",
        "$5.3 billion",
        Some("Adobe"),
        "revenue_target",
    ),
    // a cue that stands before another figure is that figure's
    case(
        "Workday's operating margin was 25.3%, up 150 basis points from a year earlier.",
        "25.3%",
        Some("Workday"),
        "margin",
    ),
    // a subject set off by an appositive
    case(
        "Backlog, the value of signed but unbilled contracts that turns into revenue over time, came in at $9.4 billion for Cisco.",
        "$9.4 billion",
        Some("Cisco"),
        "backlog",
    ),
    // an estimate word binds to the figure next to it
    case(
        "Uber posted revenue of $11.2 billion vs. $11.1 billion expected.",
        "$11.2 billion",
        Some("Uber"),
        "revenue",
    ),
    case(
        "Uber posted revenue of $11.2 billion vs. $11.1 billion expected.",
        "$11.1 billion",
        Some("Uber"),
        "revenue_target",
    ),
    // change amounts are `other`
    case(
        "Tencent said revenue rose by 4 billion yuan.",
        "4 billion yuan",
        Some("Tencent"),
        "other",
    ),
    // a figure with no cue continues the one before
    case(
        "Meta's ad revenue hit $40.6 billion. That topped the $40.2 billion consensus.",
        "$40.2 billion",
        Some("Meta"),
        "revenue_target",
    ),
    // a speaker's `we` and `our` are the document's company
    case(
        "Snowflake Inc. (NYSE: SNOW) held its earnings call.\n\nWe grew 40% on our new Azure integration.",
        "40%",
        Some("Snowflake"),
        "growth",
    ),
    // an index named after the figure
    case(
        "Oracle shares rose while the market posted a 1.2 percent gain in the S&P 500.",
        "1.2 percent",
        None,
        "growth",
    ),
    // a comparison with guidance states an actual
    case(
        "Zoom's revenue of $1.18 billion was above the high end of its guidance.",
        "$1.18 billion",
        Some("Zoom"),
        "revenue",
    ),
    // accounting parentheses in a table row
    negative(
        "(in millions)\nOperating loss | (214) | (187)",
        "(214)",
        None,
        "operating_income",
    ),
    // signs: declines and losses, not levels reached
    negative(
        "Intel's revenue fell 8% in the quarter.",
        "8%",
        Some("Intel"),
        "growth",
    ),
    negative(
        "Snowflake posted a net loss of $325 million.",
        "$325 million",
        Some("Snowflake"),
        "net_income",
    ),
    case(
        "Intel's revenue fell to $12.7 billion.",
        "$12.7 billion",
        Some("Intel"),
        "revenue",
    ),
    negative(
        "Dell shares were down 3 pct on the news.",
        "3 pct",
        Some("Dell"),
        "growth",
    ),
];

#[test]
fn attribution_metric_and_sign() {
    let mut failures = Vec::new();
    for c in CASES {
        let facts = extract_text("case", c.text);
        let Some(f) = facts
            .iter()
            .find(|f| f.text.replace('\n', " ").ends_with(c.figure))
        else {
            failures.push(format!(
                "{:?}: no record for {:?} in {:?}",
                c.text,
                c.figure,
                facts.iter().map(|f| &f.text).collect::<Vec<_>>()
            ));
            continue;
        };
        let got = (
            f.provider.as_deref(),
            f.metric.as_str(),
            f.value.is_negative(),
        );
        let want = (c.provider, c.metric, c.negative);
        if got != want {
            failures.push(format!(
                "{:?} [{}]: got {got:?}, want {want:?}",
                c.text, c.figure
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases wrong:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn sources_are_kept_apart_from_providers() {
    let facts = extract_text(
        "case",
        "Jefferies estimates that Azure brings in about $9 billion a quarter.",
    );
    assert_eq!(facts[0].source.as_deref(), Some("Jefferies"));
    assert_eq!(facts[0].mention.as_deref(), Some("Azure"));
}

#[test]
fn a_figure_wrapped_over_a_line_keeps_its_sentence() {
    // a line break inside a figure once split its sentence and panicked
    let text = "Kaito Kogyo Co Ltd is launching 40 mln\nSwiss francs of five year notes, lead manager Alpen Bank Corp said.";
    let facts = extract_text("case", text);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].currency, Some("CHF"));
    assert_eq!(facts[0].provider.as_deref(), Some("Kaito Kogyo"));
}

#[test]
fn link_lists_are_clutter() {
    let text = "Netflix added 9 million subscribers.\n\n- [Rival raises $2 billion](https://example.com/a)\n";
    let facts = extract_text("case", text);
    assert_eq!(facts.len(), 1, "{facts:?}");
}
