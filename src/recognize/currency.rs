//! Currencies as data: the symbols and codes written before an amount, the
//! names written after it, and the ISO 4217 code each stands for.
//!
//! Input: the few bytes around a number. Output: the currency and the span of
//! its mark. Non-goal: guessing a currency that the text does not write (a bare
//! `$` is USD, as a financial reader in these documents takes it).

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// ISO code, marks written before the number, names written after it.
/// Forms are matched case-insensitively, except the short all-caps ones that
/// are also English words or initials (`DM`, `Rs`): see [`CASE_SENSITIVE`].
const CURRENCIES: &[(&str, &[&str], &[&str])] = &[
    (
        "USD",
        &["US$", "U.S.$", "U.S. $", "US $", "$US", "USD", "$"],
        &[
            "U.S. dollars",
            "U.S. dollar",
            "US dollars",
            "US dollar",
            "American dollars",
            "dollars",
            "dollar",
            "dlrs",
            "dlr",
            "USD",
            "bucks",
            "buck",
            "$",
        ],
    ),
    (
        "CAD",
        &["C$", "CA$", "CAN$", "CDN$", "CAD"],
        &["Canadian dollars", "Canadian dollar", "CAD"],
    ),
    (
        "AUD",
        &["A$", "AU$", "AUD"],
        &["Australian dollars", "Australian dollar", "AUD"],
    ),
    (
        "NZD",
        &["NZ$", "NZD"],
        &["New Zealand dollars", "New Zealand dollar", "NZD"],
    ),
    (
        "HKD",
        &["HK$", "HKD"],
        &["Hong Kong dollars", "Hong Kong dollar", "HKD"],
    ),
    (
        "SGD",
        &["S$", "SGD"],
        &["Singapore dollars", "Singapore dollar", "SGD"],
    ),
    (
        "TWD",
        &["NT$", "TWD"],
        &["New Taiwan dollars", "Taiwan dollars", "TWD"],
    ),
    (
        "MXN",
        &["MXN", "Mex$"],
        &["Mexican pesos", "Mexican peso", "pesos", "peso", "MXN"],
    ),
    (
        "BRL",
        &["R$", "BRL"],
        &["Brazilian reais", "Brazilian real", "reais", "BRL"],
    ),
    ("EUR", &["€", "EUR"], &["euros", "euro", "EUR", "€"]),
    (
        "GBP",
        &["£", "GBP"],
        &[
            "pounds sterling",
            "pound sterling",
            "British pounds",
            "British pound",
            "sterling",
            "pounds",
            "pound",
            "quid",
            "GBP",
            "£",
        ],
    ),
    ("JPY", &["¥", "JPY"], &["Japanese yen", "yen", "JPY", "¥"]),
    (
        "CNY",
        &["RMB", "CNY", "CN¥"],
        &["Chinese yuan", "yuan", "renminbi", "RMB", "CNY"],
    ),
    (
        "INR",
        &["₹", "Rs.", "Rs", "INR"],
        &[
            "Indian rupees",
            "Indian rupee",
            "rupees",
            "rupee",
            "INR",
            "₹",
        ],
    ),
    (
        "PKR",
        &["PKR"],
        &["Pakistani rupees", "Pakistani rupee", "PKR"],
    ),
    (
        "LKR",
        &["LKR"],
        &["Sri Lankan rupees", "Sri Lankan rupee", "LKR"],
    ),
    (
        "CHF",
        &["CHF", "SFr."],
        &["Swiss francs", "Swiss franc", "CHF"],
    ),
    ("FRF", &["FRF"], &["French francs", "French franc", "FRF"]),
    (
        "DEM",
        &["DM", "DEM"],
        &[
            "Deutsche marks",
            "Deutsche mark",
            "deutschemarks",
            "D-marks",
            "marks",
            "DEM",
        ],
    ),
    (
        "FIM",
        &["FIM"],
        &[
            "Finnish markka",
            "Finnish markkas",
            "markka",
            "markkaa",
            "FIM",
        ],
    ),
    (
        "NLG",
        &["NLG"],
        &[
            "Dutch guilders",
            "Netherlands guilders",
            "guilders",
            "guilder",
            "NLG",
        ],
    ),
    (
        "ESP",
        &["ESP"],
        &["Spanish pesetas", "pesetas", "peseta", "ESP"],
    ),
    ("ITL", &["ITL"], &["Italian lire", "lire", "ITL"]),
    (
        "TRY",
        &["TRY", "₺"],
        &["Turkish lira", "Turkish liras", "TRY", "₺"],
    ),
    (
        "RUB",
        &["RUB", "₽"],
        &[
            "Russian rubles",
            "Russian roubles",
            "rubles",
            "ruble",
            "roubles",
            "rouble",
            "RUB",
            "₽",
        ],
    ),
    (
        "KRW",
        &["KRW", "₩"],
        &["South Korean won", "Korean won", "KRW", "₩"],
    ),
    ("ZAR", &["ZAR"], &["South African rand", "rand", "ZAR"]),
    (
        "SEK",
        &["SEK"],
        &["Swedish kronor", "Swedish krona", "kronor", "SEK"],
    ),
    (
        "NOK",
        &["NOK"],
        &["Norwegian kroner", "Norwegian krone", "NOK"],
    ),
    ("DKK", &["DKK"], &["Danish kroner", "Danish krone", "DKK"]),
    (
        "ILS",
        &["ILS", "₪"],
        &["Israeli shekels", "shekels", "shekel", "ILS"],
    ),
    (
        "CRC",
        &["CRC", "₡"],
        &["Costa Rican colones", "colones", "colón", "colon", "CRC"],
    ),
    ("GEL", &["GEL", "₾"], &["Georgian lari", "lari", "GEL"]),
    ("LAK", &["LAK", "₭"], &["Lao kip", "kip", "LAK"]),
    (
        "MYR",
        &["MYR", "RM"],
        &["Malaysian ringgit", "ringgit", "MYR"],
    ),
    (
        "IDR",
        &["IDR", "Rp"],
        &["Indonesian rupiah", "rupiah", "IDR"],
    ),
    (
        "PHP",
        &["PHP", "₱"],
        &["Philippine pesos", "Philippine peso", "PHP"],
    ),
    ("THB", &["THB", "฿"], &["Thai baht", "baht", "THB"]),
    ("VND", &["VND", "₫"], &["Vietnamese dong", "dong", "VND"]),
    ("NGN", &["NGN", "₦"], &["Nigerian naira", "naira", "NGN"]),
    (
        "EGP",
        &["EGP"],
        &["Egyptian pounds", "Egyptian pound", "EGP"],
    ),
    (
        "AED",
        &["AED"],
        &["UAE dirhams", "dirhams", "dirham", "AED"],
    ),
    ("SAR", &["SAR"], &["Saudi riyals", "riyals", "riyal", "SAR"]),
    ("PLN", &["PLN"], &["Polish zloty", "zloty", "zlotys", "PLN"]),
    ("XBT", &["₿"], &["bitcoins", "bitcoin", "BTC"]),
];

/// Marks that are only a currency in this exact case (`DM` not `dm`, `Rs` not `rs`).
const CASE_SENSITIVE: &[&str] = &[
    "DM", "Rs", "Rs.", "RM", "Rp", "rand", "dong", "kip", "lari", "TRY", "PHP", "ESP", "GEL",
    "SAR", "colon",
];

/// Minor units: name and the ISO code of their major unit.
pub const MINOR_UNITS: &[(&str, &str)] = &[
    ("cents", "USD"),
    ("cent", "USD"),
    ("cts", "USD"),
    ("ct", "USD"),
    ("pence", "GBP"),
    ("penny", "GBP"),
    ("pennies", "USD"),
    ("paise", "INR"),
];

pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
}

struct Table {
    before: Regex,
    after: Regex,
    minor: Regex,
    codes: HashMap<String, &'static str>,
}

fn key(form: &str) -> String {
    form.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn alternation(forms: &mut Vec<&str>) -> String {
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    forms
        .iter()
        .map(|f| {
            let escaped = regex::escape(f).replace("\\ ", " ").replace(' ', r"[ \t]*");
            if CASE_SENSITIVE.contains(f) {
                format!("(?-i:{escaped})")
            } else {
                escaped
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn is_wordlike(form: &str) -> bool {
    form.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut codes = HashMap::new();
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for (code, pre, post) in CURRENCIES {
        for f in pre.iter().chain(post.iter()) {
            codes.entry(key(f)).or_insert(*code);
        }
        before.extend(pre.iter().copied());
        after.extend(post.iter().copied());
    }
    // Marks before the number end right where it starts (a space allowed); a
    // word-like mark must not be the tail of a longer word (`ABCUSD`).
    let before = Regex::new(&format!(
        r"(?i)(?:^|[^A-Za-z])(?P<mark>{})[ \t]?$",
        alternation(&mut before)
    ))
    .expect("currency prefix pattern");
    let after = Regex::new(&format!(
        r"(?i)^(?:[ \t]{{0,2}}\n?[ \t]*|-)(?P<mark>{})",
        alternation(&mut after)
    ))
    .expect("currency suffix pattern");
    let mut minor: Vec<&str> = MINOR_UNITS.iter().map(|m| m.0).collect();
    let minor = Regex::new(&format!(
        r"(?i)^(?:[ \t]{{0,2}}\n?[ \t]*|-)(?P<mark>{})(?-u:\b)",
        alternation(&mut minor)
    ))
    .expect("minor unit pattern");
    Table {
        before,
        after,
        minor,
        codes,
    }
});

/// The currency mark that ends at `at` (the number's start), if any.
pub fn before(text: &str, at: usize) -> Option<Mark> {
    let from = text.floor_char_boundary(at.saturating_sub(12));
    let m = TABLE.before.captures(&text[from..at])?.name("mark")?;
    let code = TABLE.codes.get(&key(m.as_str()))?;
    Some(Mark {
        start: from + m.start(),
        end: from + m.end(),
        code,
    })
}

/// The currency name or mark that starts right after `at` (the number's end).
pub fn after(text: &str, at: usize) -> Option<Mark> {
    let to = text.floor_char_boundary(at + 40);
    let slice = &text[at..to];
    let m = TABLE.after.captures(slice)?.name("mark")?;
    // a word-like name must end at a word boundary (`randomly`, `dongle`)
    let end = at + m.end();
    if is_wordlike(m.as_str())
        && text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let code = TABLE.codes.get(&key(m.as_str()))?;
    Some(Mark {
        start: at + m.start(),
        end,
        code,
    })
}

/// A minor unit (`cents`, `cts`, `pence`) right after `at`: the major unit's code.
pub fn minor_after(text: &str, at: usize) -> Option<Mark> {
    let to = text.floor_char_boundary(at + 12);
    let m = TABLE.minor.captures(&text[at..to])?.name("mark")?;
    let lower = m.as_str().to_ascii_lowercase();
    let code = MINOR_UNITS.iter().find(|u| u.0 == lower)?.1;
    Some(Mark {
        start: at + m.start(),
        end: at + m.end(),
        code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_no_empty_or_duplicate_forms() {
        for (code, pre, post) in CURRENCIES {
            assert_eq!(code.len(), 3, "{code}");
            for f in pre.iter().chain(post.iter()) {
                assert!(!f.is_empty(), "{code}");
            }
        }
        let mut codes: Vec<_> = CURRENCIES.iter().map(|c| c.0).collect();
        codes.sort();
        let n = codes.len();
        codes.dedup();
        assert_eq!(n, codes.len(), "a code listed twice");
    }

    #[test]
    fn reads_marks_before() {
        let cases = [
            ("$", "USD"),
            ("US$", "USD"),
            ("revenue of $US", "USD"),
            ("C$", "CAD"),
            ("HK$", "HKD"),
            ("€", "EUR"),
            ("EUR ", "EUR"),
            ("USD", "USD"),
            ("£", "GBP"),
            ("¥", "JPY"),
            ("Rs ", "INR"),
            ("us $ ", "USD"),
        ];
        for (text, code) in cases {
            assert_eq!(
                before(text, text.len()).map(|m| m.code),
                Some(code),
                "{text:?}"
            );
        }
        for text in ["ABCUSD", "rs ", "the ", "ERS"] {
            assert!(before(text, text.len()).is_none(), "{text:?}");
        }
    }

    #[test]
    fn reads_names_after() {
        let cases = [
            (" billion yen", 0, None),
            (" yen to the dollar", 0, Some("JPY")),
            (" dollars", 0, Some("USD")),
            (" dlrs", 0, Some("USD")),
            (" Canadian dollars", 0, Some("CAD")),
            (" euros", 0, Some("EUR")),
            ("€", 0, Some("EUR")),
            (" marks", 0, Some("DEM")),
            (" turkish lira", 0, Some("TRY")),
            (" randomly", 0, None),
            (" rupees", 0, Some("INR")),
        ];
        for (text, at, code) in cases {
            assert_eq!(after(text, at).map(|m| m.code), code, "{text:?}");
        }
    }
}
