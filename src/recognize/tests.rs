// Table-driven tests live in tests/recognizers.rs; these check internals.
use super::*;

#[test]
fn ranges_take_the_scale_of_their_high_end() {
    let text = "guidance of $1.5-2 billion";
    let m = recognize(text, &[]);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].value.to_string(), "1500000000");
    assert_eq!(m[0].max.unwrap().to_string(), "2000000000");
}

#[test]
fn points_of_a_margin_are_percentage_points() {
    for text in [
        "it expanded pre-tax margin by 12 points",
        "a three-point tailwind to growth",
    ] {
        let m = recognize(text, &[]);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        assert_eq!(m[0].unit, Some("percentage_points"), "{text}");
    }
    assert!(recognize("the Dow closed 300 points higher", &[]).is_empty());
}

#[test]
fn accounting_parentheses_are_negative() {
    let cases = [
        ("|Other Bets|($813)|", "($813)", "-813"),
        ("Net loss per share | $(0.66)", "$(0.66)", "-0.66"),
        ("Operating margin | (12.5)%", "(12.5)%", "-12.5"),
        (
            "an operating margin of (9%) in the quarter, which was expected by the company's plan",
            "(9%)",
            "-9",
        ),
    ];
    for (text, surface, value) in cases {
        let m = recognize(text, &[]);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        assert_eq!(&text[m[0].start..m[0].end], surface, "{text}");
        assert!(m[0].minus, "{text}");
        assert_eq!(m[0].value.negate().to_string(), value, "{text}");
    }
    // a conversion in parentheses is no negative
    let text = "Net income grew to 1.17 billion euros ($1.39 billion), or 4.43 euros per share, from a year ago.";
    assert!(recognize(text, &[]).iter().all(|m| !m.minus));
}

#[test]
fn a_number_of_things_is_counted_whatever_qualifies_them() {
    let text = "The number of customers with ARR above $100,000 grew 21% to 1,870.";
    let m = recognize(text, &[]);
    let last = m.last().unwrap();
    assert_eq!(
        (last.kind, last.unit),
        (Kind::Count, Some("customers")),
        "{m:?}"
    );
}

#[test]
fn a_small_number_counts_the_noun_a_few_words_before_it() {
    let count = |text: &str| {
        recognize(text, &[])
            .iter()
            .find(|m| m.kind == Kind::Count)
            .map(|m| (m.unit, text[m.start..m.end].to_string()))
    };
    assert_eq!(
        count("Our customer count grew to 133 in the quarter."),
        Some((Some("customers"), "133".to_string()))
    );
    // the noun is too far from a small number: no count
    assert_eq!(
        count("Customers liked the new pricing tiers and many more features, reaching 133"),
        None
    );
    // a large one takes the noun from anywhere before it in the sentence
    assert_eq!(
        count("Monthly active users, helped by new features in many markets, reached 751 million."),
        Some((Some("users"), "751 million".to_string()))
    );
    assert_eq!(last_words("a b  c\td\ne", 2), 7);
    assert_eq!(last_words("one two", 5), 0);
}

#[test]
fn a_month_before_a_day_is_a_whole_word() {
    assert!(recognize("shipments began on Mar 12 at the plant", &[]).is_empty());
    assert!(recognize("shipments began on March 12 at the plant", &[]).is_empty());
    let m = recognize("sales at DelMar 12 percent higher", &[]);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].kind, Kind::Percent);
}
