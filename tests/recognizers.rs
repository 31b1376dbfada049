//! Recognizer tables in Duckling's style, through the whole pipeline
//! ([`extract::extract_text`]): each positive phrase gives exactly one record
//! spanning all of it (hedge words included) with the kind, value and
//! currency or unit listed; each negative phrase gives no record at all; each
//! sentence gives exactly the records listed. One line per case, grouped by
//! the cause it covers.

use serde_json::Value;

/// Kind, value, and the currency (money) or unit (percent, count); `None`
/// where the record has none.
type Want = (&'static str, f64, Option<&'static str>);

fn records(text: &str) -> Vec<Value> {
    extract::extract_text("table", text)
        .iter()
        .map(|f| serde_json::to_value(f).expect("a fact serializes"))
        .collect()
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn check(text: &str, r: &Value, want: Want) -> Result<(), String> {
    let (kind, value, unit) = want;
    let field = if kind == "money" { "currency" } else { "unit" };
    let ok = r["kind"] == kind
        && r["value"].as_f64().is_some_and(|v| same(v, value))
        && r[field].as_str() == unit;
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{text:?}: want {kind} {value} {unit:?}, got {} {} {} {}",
            r["kind"], r["value"], r[field], r["text"]
        ))
    }
}

fn run_positive(cases: &[(&str, Want)]) {
    let mut errors = Vec::new();
    for &(text, want) in cases {
        let rs = records(text);
        let result = match rs.as_slice() {
            [r] if r["text"] == text => check(text, r, want),
            _ => Err(format!(
                "{text:?}: want one record spanning it, got {:?}",
                rs.iter().map(|r| r["text"].to_string()).collect::<Vec<_>>()
            )),
        };
        errors.extend(result.err());
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn currency_names_and_codes() {
    run_positive(&[
        ("10 usd", ("money", 10.0, Some("USD"))),
        ("10 rmb", ("money", 10.0, Some("CNY"))),
        ("RMB 4.2 billion", ("money", 4.2e9, Some("CNY"))),
        ("42 turkish lira", ("money", 42.0, Some("TRY"))),
        ("300 rupees", ("money", 300.0, Some("INR"))),
        ("around 35 bucks", ("money", 35.0, Some("USD"))),
        ("7 Swiss francs", ("money", 7.0, Some("CHF"))),
        ("528 million francs", ("money", 528e6, None)),
        ("ten dinars", ("money", 10.0, None)),
        ("42 kuwaiti dinars", ("money", 42.0, Some("KWD"))),
        ("16 qatari riyals", ("money", 16.0, Some("QAR"))),
        ("malaysian ringgit 880", ("money", 880.0, Some("MYR"))),
        ("9 tugriks", ("money", 9.0, Some("MNT"))),
        ("UAH 12.50", ("money", 12.5, Some("UAH"))),
        ("2,500 dollars", ("money", 2500.0, Some("USD"))),
        ("$7", ("money", 7.0, Some("USD"))),
    ]);
}

#[test]
fn symbols_and_codes_after_the_number() {
    run_positive(&[
        ("10 $", ("money", 10.0, Some("USD"))),
        ("45€", ("money", 45.0, Some("EUR"))),
        ("75 ₡", ("money", 75.0, Some("CRC"))),
        ("300元", ("money", 300.0, Some("CNY"))),
        ("2.99US$", ("money", 2.99, Some("USD"))),
        ("260USD", ("money", 260.0, Some("USD"))),
        ("18MYR", ("money", 18.0, Some("MYR"))),
        ("60Rs", ("money", 60.0, Some("INR"))),
        ("50 million USD", ("money", 50e6, Some("USD"))),
    ]);
}

#[test]
fn spaced_and_compound_marks() {
    run_positive(&[
        ("$ 125 million", ("money", 125e6, Some("USD"))),
        ("us $ 150", ("money", 150.0, Some("USD"))),
        ("c $ 16.4 million", ("money", 16.4e6, Some("CAD"))),
        ("hk $ 10.05 billion", ("money", 10.05e9, Some("HKD"))),
        ("usd$ 48", ("money", 48.0, Some("USD"))),
        ("nzd$9", ("money", 9.0, Some("NZD"))),
        ("30 MUSD", ("money", 30e6, Some("USD"))),
        ("MSEK 120", ("money", 120e6, Some("SEK"))),
        ("kEUR 500", ("money", 500e3, Some("EUR"))),
        ("75 USD million", ("money", 75e6, Some("USD"))),
        ("135 dlrs mln", ("money", 135e6, Some("USD"))),
    ]);
}

#[test]
fn indian_grouping_lakh_and_crore() {
    run_positive(&[
        ("Rs 1,00,000", ("money", 100000.0, Some("INR"))),
        ("₹12,34,567.89", ("money", 1234567.89, Some("INR"))),
        ("450 crore rupees", ("money", 4.5e9, Some("INR"))),
        ("Rs. 5 lakh", ("money", 500000.0, Some("INR"))),
        ("INR 2.5 crore", ("money", 25e6, Some("INR"))),
        ("4-6 lakh rupees", ("money", 400000.0, Some("INR"))),
    ]);
}

#[test]
fn written_out_numbers_of_any_size() {
    run_positive(&[
        (
            "one hundred and twenty three thousand dollars",
            ("money", 123000.0, Some("USD")),
        ),
        (
            "seven hundred twenty-one thousand and twelve euros",
            ("money", 721012.0, Some("EUR")),
        ),
        (
            "thirty-one million two hundred fifty-six thousand yen",
            ("money", 31256000.0, Some("JPY")),
        ),
        (
            "a quarter million us dollars",
            ("money", 250000.0, Some("USD")),
        ),
        ("half a million dollars", ("money", 500000.0, Some("USD"))),
        (
            "three quarters billion us dollars",
            ("money", 750e6, Some("USD")),
        ),
        (
            "over a quarter billion dollars",
            ("money", 250e6, Some("USD")),
        ),
        ("twenty MUSD", ("money", 20e6, Some("USD"))),
        ("a Canadian dollar", ("money", 1.0, Some("CAD"))),
    ]);
}

#[test]
fn fractions_of_a_unit() {
    run_positive(&[
        ("a dollar and 42 cents", ("money", 1.42, Some("USD"))),
        (
            "more than 2 dollars and sixty-one cents",
            ("money", 2.61, Some("USD")),
        ),
        ("3 dollars 50 cents", ("money", 3.5, Some("USD"))),
        (
            "thirteen dollars and forty-five cents",
            ("money", 13.45, Some("USD")),
        ),
        ("$8 and 99c", ("money", 8.99, Some("USD"))),
        ("5 GBP 7 pence", ("money", 5.07, Some("GBP"))),
        ("6 CAD 25 cents", ("money", 6.25, Some("CAD"))),
        ("12 ringgit and 30 sen", ("money", 12.3, Some("MYR"))),
        ("9 UAH 50 kopiykas", ("money", 9.5, Some("UAH"))),
        ("15 dollars 50", ("money", 15.5, Some("USD"))),
        ("US$3 and fifteen", ("money", 3.15, Some("USD"))),
        ("64.2 cents", ("money", 0.642, Some("USD"))),
        ("25¢", ("money", 0.25, Some("USD"))),
        ("470 pence", ("money", 4.7, Some("GBP"))),
    ]);
}

#[test]
fn thousands_suffix() {
    run_positive(&[
        ("$5K", ("money", 5000.0, Some("USD"))),
        ("250k€", ("money", 250000.0, Some("EUR"))),
        ("€20k", ("money", 20000.0, Some("EUR"))),
        ("$3.5M", ("money", 3.5e6, Some("USD"))),
    ]);
}

#[test]
fn percent_words_and_signs() {
    run_positive(&[
        ("12 percents", ("percent", 12.0, Some("percent"))),
        ("5 per cent", ("percent", 5.0, Some("percent"))),
        ("5 percent", ("percent", 5.0, Some("percent"))),
        ("7.5 pct", ("percent", 7.5, Some("percent"))),
        ("15 percentage", ("percent", 15.0, Some("percent"))),
        (
            "2 percentage points",
            ("percent", 2.0, Some("percentage_points")),
        ),
        (
            "50 basis points",
            ("percent", 0.5, Some("percentage_points")),
        ),
        ("minus five percent", ("percent", -5.0, Some("percent"))),
        ("-3.5%", ("percent", -3.5, Some("percent"))),
        ("negative 2 per cent", ("percent", -2.0, Some("percent"))),
        ("percent of 35", ("percent", 35.0, Some("percent"))),
        ("per cent of forty-one", ("percent", 41.0, Some("percent"))),
        ("about 40%", ("percent", 40.0, Some("percent"))),
    ]);
}

#[test]
fn ranges() {
    run_positive(&[
        ("$10-$20", ("money", 10.0, Some("USD"))),
        ("$1.5-2 billion", ("money", 1.5e9, Some("USD"))),
        (
            "between 10 and 15 percent",
            ("percent", 10.0, Some("percent")),
        ),
    ]);
}

#[test]
fn phrases_that_are_no_figure() {
    let negatives = [
        // matches inside words
        "reached",
        "It reached a record.",
        "centuries",
        "randomly",
        "dongle",
        "percentile",
        // fractions without a scale
        "the quarter",
        "in the first quarter",
        "half of them",
        "three quarters of the board",
        // `a dollar` as a way of measuring, a weight, a wish
        "on a dollar basis",
        "a dollar-denominated bond",
        "a US dollar and a local currency basis",
        "a euro to dollar exchange rate",
        "a yen for travel",
        "three pounds of flour",
        "a pound coin",
        // letters and codes glued to digits
        "with two Rs",
        "zone 5c",
        "Rule 10c-5",
        "25 c",
        "17 le",
        "5G",
        "3D",
        "S3",
        "EC2",
        "Q3 2024",
        "FY2024",
        "COVID-19",
        // names with numbers, references, years, dates, phones, durations
        "Microsoft 365",
        "Windows 11",
        "the 10-K",
        "No. 2",
        "in 2018",
        "on 5/17/2018",
        "at 10:30",
        "call 555-123-4567",
        "Call +1-415-555-0199 today",
        "open 24/7",
        "a one-month period",
        "for three years",
        // web addresses
        "https://www.test.com/search?q=30%25%2020%",
        "see www.example.com/2024/50-percent",
        // `percent of` inside running text
        "What percent of 10 is 3?",
        // bare numbers and bare units
        "The result was minus two",
        "percent",
        "dollars",
        "about 3m",
    ];
    let mut errors = Vec::new();
    for text in negatives {
        let rs = records(text);
        if !rs.is_empty() {
            let got: Vec<String> = rs
                .iter()
                .map(|r| format!("{} {} {}", r["text"], r["kind"], r["value"]))
                .collect();
            errors.push(format!("{text:?}: want nothing, got {got:?}"));
        }
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn sentences_give_exactly_their_figures() {
    let cases: &[(&str, &[(&str, Want)])] = &[
        (
            "It cost 10 rmb 20 usd.",
            &[
                ("10 rmb", ("money", 10.0, Some("CNY"))),
                ("20 usd", ("money", 20.0, Some("USD"))),
            ],
        ),
        (
            "Exports rose 5 percent of 10 markets.",
            &[("5 percent", ("percent", 5.0, Some("percent")))],
        ),
        (
            "We have one $10 million mortgage.",
            &[("$10 million", ("money", 10e6, Some("USD")))],
        ),
        (
            "under our November 2020 $100 million program",
            &[("$100 million", ("money", 100e6, Some("USD")))],
        ),
        (
            "$ 1,250.00 $ 980.40 march costs",
            &[
                ("$ 1,250.00", ("money", 1250.0, Some("USD"))),
                ("$ 980.40", ("money", 980.4, Some("USD"))),
            ],
        ),
        (
            "Shares closed at $20 15 minutes later.",
            &[("$20", ("money", 20.0, Some("USD")))],
        ),
        (
            "It paid $5 and 20 shares.",
            &[("$5", ("money", 5.0, Some("USD")))],
        ),
        (
            "The price is between $20 and 43.",
            &[("$20", ("money", 20.0, Some("USD")))],
        ),
        (
            "Profit was $3 million and 50 more stores opened.",
            &[("$3 million", ("money", 3e6, Some("USD")))],
        ),
        (
            "They sold it for a dollar.",
            &[("a dollar", ("money", 1.0, Some("USD")))],
        ),
        // count nouns stay counts; the record spans the number, the noun follows
        (
            "It has 75,000 customers.",
            &[("75,000", ("count", 75000.0, Some("customers")))],
        ),
        (
            "It has more than 1 million users.",
            &[("more than 1 million", ("count", 1e6, Some("users")))],
        ),
        (
            "It has half a million subscribers.",
            &[("half a million", ("count", 500000.0, Some("subscribers")))],
        ),
        (
            "It pays 2,500 employees $5 a day.",
            &[
                ("2,500", ("count", 2500.0, Some("employees"))),
                ("$5", ("money", 5.0, Some("USD"))),
            ],
        ),
    ];
    let mut errors = Vec::new();
    for &(text, wants) in cases {
        let rs = records(text);
        if rs.len() != wants.len() {
            let got: Vec<String> = rs.iter().map(|r| r["text"].to_string()).collect();
            errors.push(format!(
                "{text:?}: want {} records, got {got:?}",
                wants.len()
            ));
            continue;
        }
        for (r, &(surface, want)) in rs.iter().zip(wants) {
            if r["text"] != surface {
                errors.push(format!("{text:?}: want {surface:?}, got {}", r["text"]));
            } else if let Err(e) = check(text, r, want) {
                errors.push(e);
            }
        }
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}
