//! Currencies as data: the symbols and codes written before an amount, the
//! names written after it, and the ISO 4217 code each stands for.
//!
//! Input: the few bytes around a number. Output: the currency and the span of
//! its mark. Non-goal: guessing a currency that the text does not write (a bare
//! `$` is USD, as a financial reader in these documents takes it).

use super::edge::Edge;
use crate::per_thread::{PerThread, captures, group_indices};
use crate::regions::regions;
use crate::short::ShortStr;
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use rustc_hash::FxHashMap;
use std::fmt::Write;
use std::sync::LazyLock;

/// ISO code, marks written before the number, names written after it. Marks
/// of signs (`$`, `€`, `HK$`, `₡`) may also stand after it (`10 $`, `20€`).
/// Forms are matched case-insensitively, except the short all-caps ones that
/// are also English words or initials (`DM`, `Rs`): see [`CASE_SENSITIVE`].
/// Spaced marks (`C $`, `HK $`) serve text split into tokens (`c $ 16.4
/// million`); one-letter ones stay unspaced, since `a $5` and `company's $5`
/// are an article and a possessive. The empty code is for names that are no
/// one currency (`francs`): money without an ISO code.
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
        &["C$", "C $", "CA$", "CAN$", "CDN$", "CAD"],
        &["Canadian dollars", "Canadian dollar", "CAD"],
    ),
    (
        "AUD",
        &["A$", "AU$", "AUD"],
        &["Australian dollars", "Australian dollar", "AUD"],
    ),
    (
        "NZD",
        &["NZ$", "NZ $", "NZD"],
        &["New Zealand dollars", "New Zealand dollar", "NZD"],
    ),
    (
        "HKD",
        &["HK$", "HK $", "HKD"],
        &["Hong Kong dollars", "Hong Kong dollar", "HKD"],
    ),
    (
        "SGD",
        &["S$", "SGD"],
        &["Singapore dollars", "Singapore dollar", "SGD"],
    ),
    (
        "TWD",
        &["NT$", "NT $", "TWD"],
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
        &["Chinese yuan", "yuan", "renminbi", "RMB", "CNY", "元"],
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
            "Rs.",
            "Rs",
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
        &["LKR", "ரூ"],
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
        &[
            "MYR",
            "RM",
            "Malaysian ringgits",
            "Malaysian ringgit",
            "Malaysia ringgits",
            "Malaysia ringgit",
            "ringgits",
            "ringgit",
        ],
        &[
            "Malaysian ringgits",
            "Malaysian ringgit",
            "Malaysia ringgits",
            "Malaysia ringgit",
            "ringgits",
            "ringgit",
            "MYR",
            "RM",
        ],
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
        &[
            "Egyptian pounds",
            "Egyptian pound",
            "genihat masriya",
            "geneh",
            "L.E.",
            "L.E",
            "LE",
            "EGP",
        ],
    ),
    (
        "AED",
        &["AED"],
        &["UAE dirhams", "dirhams", "dirham", "AED"],
    ),
    (
        "SAR",
        &["SAR"],
        &[
            "Saudi riyals",
            "Saudi riyal",
            "Saudiriyals",
            "Saudiriyal",
            "riyals",
            "riyal",
            "SAR",
        ],
    ),
    ("QAR", &["QAR"], &["Qatari riyals", "Qatari riyal", "QAR"]),
    ("KWD", &["KWD"], &["Kuwaiti dinars", "Kuwaiti dinar", "KWD"]),
    (
        "LBP",
        &["LBP"],
        &["Lebanese pounds", "Lebanese pound", "LBP"],
    ),
    ("BGN", &["BGN"], &["Bulgarian leva", "Bulgarian lev", "BGN"]),
    (
        "MNT",
        &["MNT", "₮"],
        &["Mongolian tugriks", "tugriks", "tugrik", "MNT"],
    ),
    (
        "UAH",
        &["UAH", "₴"],
        &["Ukrainian hryvnias", "hryvnias", "hryvnia", "UAH"],
    ),
    ("PLN", &["PLN"], &["Polish zloty", "zloty", "zlotys", "PLN"]),
    ("XBT", &["₿"], &["bitcoins", "bitcoin", "BTC"]),
    // Names that are no one currency: money, with no ISO code.
    (
        "",
        &[],
        &[
            "francs", "franc", "dinars", "dinar", "rials", "rial", "satoshis", "satoshi",
        ],
    ),
];

/// Marks that are only a currency in this exact case (`DM` not `dm`, `Rs` not `rs`).
const CASE_SENSITIVE: &[&str] = &[
    "DM", "Rs", "Rs.", "RM", "Rp", "rand", "dong", "kip", "lari", "TRY", "PHP", "ESP", "GEL",
    "SAR", "colon", "LE", "sen", "sens",
];

/// A currency with a mark ending in `$` may also be written as its ISO code
/// and `$` (`usd$ 15`, `nzd$15`, `mxn$ 15`).
const DOLLAR_SIGN: &str = "$";

/// Names that follow a number only glued to it (`20Rs`): spaced, `two Rs` are letters.
const GLUED_AFTER_ONLY: &[&str] = &["Rs", "Rs."];

/// Scale letters written before an ISO code, case-sensitive, as European and
/// Nordic reports write them (`MSEK 120`, `30 MUSD`, `kEUR 500`).
const SCALED_CODES: &[(&str, i32)] = &[("M", 6), ("k", 3)];

/// Singular names that `a` or `an` may count (`a dollar`, `a buck`); not
/// `yen` (`a yen for`), nor `pound` (a weight).
const ARTICLE_NAMES: &[&str] = &[
    "buck", "dinar", "dirham", "dollar", "euro", "franc", "peso", "riyal", "ringgit", "rouble",
    "ruble", "rupee", "shekel", "yuan",
];

/// Words that may follow `a dollar` when it is an amount (`a dollar a share`,
/// `a dollar each`), besides `and` before a number (`a dollar and 42 cents`).
/// In business text `a dollar` is mostly a way of measuring (`on a dollar
/// basis`, `a dollar per dollar basis`, `a euro to dollar rate`, `a dollar
/// and a percent of sales basis`), so any other word makes it no amount.
const ARTICLE_FOLLOWERS: &[&str] = &["a", "apiece", "each"];

/// Minor units: name, the ISO code of their major unit, and whether the name
/// counts only glued to the digits and right after a major amount (`$20 and
/// 43c`; never `43 c`, and alone `zone 5c` is a code).
pub const MINOR_UNITS: &[(&str, &str, bool)] = &[
    ("cents", "USD", false),
    ("cent", "USD", false),
    ("cts", "USD", false),
    ("ct", "USD", false),
    ("¢", "USD", false),
    ("c", "USD", true),
    ("pence", "GBP", false),
    ("penny", "GBP", false),
    ("pennies", "USD", false),
    ("paise", "INR", false),
    ("kopiykas", "UAH", false),
    ("kopiyka", "UAH", false),
    ("kopecks", "RUB", false),
    ("kopeks", "RUB", false),
    ("sens", "MYR", false),
    ("sen", "MYR", false),
];

/// A currency written next to an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// ISO 4217 code; `None` for a name that is no one currency (`francs`).
    pub code: Option<&'static str>,
    /// The power of ten the mark scales the amount by (`MUSD`: 6), else 0.
    pub power: i32,
}

/// A form as matched: its text and whether its case counts.
struct Form {
    text: String,
    exact_case: bool,
}

#[derive(Clone)]
struct Table {
    /// The names `a` may count, lower-cased, for a literal search.
    article_names: AhoCorasick,
    before: Regex,
    /// A whole text that is one mark written before a number.
    before_whole: Regex,
    after: Regex,
    minor: Regex,
    article: Regex,
    /// Fx hashing: a lookup runs for most figures, and the keys are fixed.
    codes: FxHashMap<String, (Option<&'static str>, i32)>,
    /// The letters the marks before a number can end with, and those the
    /// names after it and the minor units can start with.
    before_tails: Edge,
    after_heads: Edge,
    minor_heads: Edge,
}

fn key(form: &str) -> String {
    form.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `TABLE.codes.get(&key(form))`, with the key made on the stack when it
/// fits (a mark is a few bytes): a lookup runs for most figures.
fn code_of(form: &str) -> Option<&'static (Option<&'static str>, i32)> {
    let mut room = ShortStr::<32>::new();
    for c in form
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
    {
        if room.write_char(c).is_err() {
            return TABLE.codes.get(&key(form));
        }
    }
    TABLE.codes.get(room.as_str())
}

fn form(text: &str) -> Form {
    Form {
        text: text.to_string(),
        exact_case: CASE_SENSITIVE.contains(&text),
    }
}

fn alternation(forms: &mut Vec<Form>) -> String {
    forms.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
    forms.dedup_by(|a, b| a.text == b.text);
    forms
        .iter()
        .map(|f| {
            let escaped = regex::escape(&f.text)
                .replace("\\ ", " ")
                .replace(' ', r"[ \t]*");
            if f.exact_case {
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

/// A mark of signs, not a word or code (`$`, `€`, `HK$`, `₹`): it may also
/// stand after the number (`10 $`, `20€`, `3.14US$`).
fn is_symbolic(form: &str) -> bool {
    form.chars()
        .any(|c| !c.is_ascii_alphanumeric() && !matches!(c, ' ' | '.'))
}

static TABLE: PerThread<Table> = PerThread::new(|| {
    let mut codes = FxHashMap::default();
    let (mut before, mut after, mut article) = (Vec::new(), Vec::new(), Vec::new());
    for (code, pre, post) in CURRENCIES {
        let iso = (!code.is_empty()).then_some(*code);
        for f in pre.iter().chain(post.iter()) {
            codes.entry(key(f)).or_insert((iso, 0));
        }
        before.extend(pre.iter().map(|f| form(f)));
        after.extend(post.iter().map(|f| form(f)));
        after.extend(pre.iter().filter(|f| is_symbolic(f)).map(|f| form(f)));
        let Some(iso) = iso else { continue };
        if pre.iter().any(|f| f.ends_with(DOLLAR_SIGN)) {
            let dollar = format!("{iso}{DOLLAR_SIGN}");
            codes.entry(key(&dollar)).or_insert((Some(iso), 0));
            before.push(Form {
                text: dollar,
                exact_case: false,
            });
        }
        for (letter, power) in SCALED_CODES {
            let scaled = format!("{letter}{iso}");
            codes.entry(key(&scaled)).or_insert((Some(iso), *power));
            for list in [&mut before, &mut after] {
                list.push(Form {
                    text: scaled.clone(),
                    exact_case: true,
                });
            }
        }
        for f in post.iter().filter(|f| {
            let last = f.rsplit(' ').next().unwrap_or("");
            ARTICLE_NAMES.iter().any(|n| n.eq_ignore_ascii_case(last))
        }) {
            article.push(form(f));
        }
    }
    article.extend(
        CURRENCIES
            .iter()
            .filter(|c| c.0.is_empty())
            .flat_map(|c| c.2.iter())
            .filter(|f| ARTICLE_NAMES.contains(f))
            .map(|f| form(f)),
    );
    // Marks before the number end right where it starts (a space allowed); a
    // word-like mark must not be the tail of a longer word (`ABCUSD`).
    let edge = |forms: &[&Vec<Form>], tail| {
        Edge::new(
            forms.iter().flat_map(|l| l.iter()).map(|f| f.text.as_str()),
            tail,
        )
    };
    let (before_tails, after_heads) = (edge(&[&before], true), edge(&[&after], false));
    let before_forms = alternation(&mut before);
    let before_whole =
        Regex::new(&format!(r"(?i)^(?:{before_forms})$")).expect("currency prefix pattern");
    let before = Regex::new(&format!(r"(?i)(?:^|[^A-Za-z])(?:{before_forms})[ \t]?$"))
        .expect("currency prefix pattern");
    let after = Regex::new(&format!(
        r"(?i)^(?:[ \t]{{0,2}}\n?[ \t]*|-)(?:{})",
        alternation(&mut after)
    ))
    .expect("currency suffix pattern");
    let mut spaced: Vec<Form> = MINOR_UNITS
        .iter()
        .filter(|m| !m.2)
        .map(|m| form(m.0))
        .collect();
    let mut glued: Vec<Form> = MINOR_UNITS
        .iter()
        .filter(|m| m.2)
        .map(|m| form(m.0))
        .collect();
    let minor = Regex::new(&format!(
        r"(?i)^(?:(?:[ \t]{{0,2}}\n?[ \t]*|-)(?P<mark>{})|(?P<glued>{}))",
        alternation(&mut spaced),
        alternation(&mut glued)
    ))
    .expect("minor unit pattern");
    let article = Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<a>an?)[ \t]+(?P<name>{})",
        alternation(&mut article)
    ))
    .expect("article pattern");
    let article_names = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(ARTICLE_NAMES)
        .expect("article names build");
    Table {
        article_names,
        before_whole,
        before_tails,
        after_heads,
        minor_heads: edge(&[&spaced, &glued], false),
        before,
        after,
        minor,
        article,
        codes,
    }
});

fn lookup(start: usize, end: usize, form: &str) -> Option<Mark> {
    let &(code, power) = code_of(form)?;
    Some(Mark {
        start,
        end,
        code,
        power,
    })
}

/// The currency mark that ends at `at` (the number's start), if any.
pub fn before(text: &str, at: usize) -> Option<Mark> {
    let from = text.floor_char_boundary(at.saturating_sub(24));
    if !TABLE.before_tails.may_end(&text[from..at]) {
        return None;
    }
    // the match alone comes from a quick reverse scan; where the mark lies in
    // it is read off by hand, since asking for the pattern's groups costs
    // many times more: the mark ends before the space allowed after it, and
    // starts where the match does, unless the match opens with the non-letter
    // that stands before the mark (the window's start may open the mark itself)
    let whole = TABLE.before.find(&text[from..at])?;
    let (start, end) = (from + whole.start(), from + whole.end());
    let end = if text[..end].ends_with([' ', '\t']) {
        end - 1
    } else {
        end
    };
    let start = if start == from && TABLE.before_whole.is_match(&text[start..end]) {
        start
    } else {
        start + text[start..].chars().next()?.len_utf8()
    };
    lookup(start, end, &text[start..end])
}

/// The currency name or mark that starts right after `at` (the number's end).
pub fn after(text: &str, at: usize) -> Option<Mark> {
    let to = text.floor_char_boundary(at + 40);
    if !TABLE.after_heads.may_start(&text[at..to]) {
        return None;
    }
    // as in `before`, the mark is read off the match: it follows the spaces,
    // line break or hyphen that open it (no form starts with one of those)
    let whole = TABLE.after.find(&text[at..to])?.as_str();
    let lead = if whole.starts_with('-') {
        1
    } else {
        whole.len() - whole.trim_start_matches([' ', '\t', '\n']).len()
    };
    let mark = &whole[lead..];
    let end = at + whole.len();
    let next = text[end..].chars().next();
    if is_wordlike(mark) {
        // a word-like name must end at a word boundary (`randomly`, `dongle`)
        if next.is_some_and(char::is_alphanumeric) {
            return None;
        }
    } else if next.is_some_and(|c| c.is_ascii_digit()) {
        return None; // `$10-$20`, `1 $10`: the sign leads the next amount
    }
    if lead > 0 && GLUED_AFTER_ONLY.contains(&mark) {
        return None;
    }
    lookup(at + lead, end, mark)
}

/// A minor unit (`cents`, `cts`, `pence`, `43c`) right after `at`: the major unit's code.
pub fn minor_after(text: &str, at: usize) -> Option<Mark> {
    let to = text.floor_char_boundary(at + 16);
    if !TABLE.minor_heads.may_start(&text[at..to]) {
        return None;
    }
    static GROUPS: LazyLock<[usize; 2]> =
        LazyLock::new(|| group_indices(&TABLE.minor, ["glued", "mark"]));
    let [glued_group, mark_group] = *GROUPS;
    let caps = captures(&TABLE.minor, &text[at..to])?;
    let glued = caps.get(glued_group).is_some();
    let m = caps.get(mark_group).or_else(|| caps.get(glued_group))?;
    let end = at + m.end();
    let mut rest = text[end..].chars();
    let next = rest.next();
    if is_wordlike(m.as_str()) && next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    // `10c-5` is a code
    if glued && next == Some('-') && rest.next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let unit = MINOR_UNITS
        .iter()
        .find(|u| u.0.eq_ignore_ascii_case(m.as_str()))?;
    Some(Mark {
        start: at + m.start(),
        end,
        code: Some(unit.1),
        power: 0,
    })
}

/// Whether a minor unit as written counts only as the minor part of an
/// amount in a major unit (`$20 and 43c`).
pub fn minor_needs_major(form: &str) -> bool {
    MINOR_UNITS
        .iter()
        .any(|u| u.2 && u.0.eq_ignore_ascii_case(form))
}

/// `a dollar`, `a buck`, `an euro`: the spans of articles that count one of
/// the currency named right after them. The name must end the phrase: `a
/// dollar bond` and `a dollar-denominated note` name no amount.
pub fn article_amounts(text: &str) -> Vec<(usize, usize)> {
    // every amount holds a name of `ARTICLE_NAMES`: only the lines holding
    // one are searched, found in a lower-cased copy of the text, where a
    // literal search skips through text many times faster than the pattern
    // (a case-insensitive search of the text itself takes four times as
    // long as the copy and the search together: its case variants are too
    // many for the vectorized search)
    let lower = text.to_ascii_lowercase();
    let names = TABLE
        .article_names
        .find_iter(&lower)
        .map(|m| (m.start(), m.end()));
    let mut out = Vec::new();
    static GROUPS: LazyLock<[usize; 2]> =
        LazyLock::new(|| group_indices(&TABLE.article, ["a", "name"]));
    let [a_group, name_group] = *GROUPS;
    for (base, line_end) in regions(text, names, 0) {
        for caps in TABLE.article.captures_iter(&text[base..line_end]) {
            let (Some(a), Some(name)) = (caps.get(a_group), caps.get(name_group)) else {
                continue;
            };
            let rest = &text[base + name.end()..];
            if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
                continue;
            }
            let rest = rest.trim_start_matches([' ', '\t', '\n']);
            let word: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            let word = word.to_ascii_lowercase();
            let ends = word.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit());
            let cents = word == "and" && {
                let next = rest[3..].trim_start_matches([' ', '\t', '\n']);
                let to = next.floor_char_boundary(24);
                crate::number::scan(&next[..to])
                    .first()
                    .is_some_and(|n| n.start == 0)
            };
            if ends || cents || ARTICLE_FOLLOWERS.contains(&word.as_str()) {
                out.push((base + a.start(), base + a.end()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_of_reads_what_the_allocated_key_reads() {
        let mut forms: Vec<String> = TABLE.codes.keys().cloned().collect();
        forms.extend(TABLE.codes.keys().map(|k| k.to_uppercase()));
        forms.extend(
            TABLE
                .codes
                .keys()
                .map(|k| format!(" {}\t", k.replace('$', " $ "))),
        );
        forms.push("Ä".repeat(20)); // past the room on the stack
        forms.push(format!("{}US$", " ".repeat(40)));
        for form in &forms {
            assert_eq!(code_of(form), TABLE.codes.get(&key(form)), "{form:?}");
        }
    }

    #[test]
    fn table_has_no_empty_or_duplicate_forms() {
        for (code, pre, post) in CURRENCIES {
            assert!(code.is_empty() || code.len() == 3, "{code}");
            for f in pre.iter().chain(post.iter()) {
                assert!(!f.is_empty(), "{code}");
            }
        }
        let mut codes: Vec<_> = CURRENCIES.iter().map(|c| c.0).collect();
        codes.sort();
        let n = codes.len();
        codes.dedup();
        assert_eq!(n, codes.len(), "a code listed twice");
        for name in ARTICLE_NAMES {
            assert!(TABLE.article.is_match(&format!("a {name}")), "{name}");
        }
    }

    fn code(mark: Option<Mark>) -> Option<&'static str> {
        mark.and_then(|m| m.code)
    }

    #[test]
    fn reads_marks_before() {
        let cases = [
            ("$", "USD"),
            ("US$", "USD"),
            ("revenue of $US", "USD"),
            ("C$", "CAD"),
            ("c $ ", "CAD"),
            ("HK$", "HKD"),
            ("hk $ ", "HKD"),
            ("usd$ ", "USD"),
            ("nzd$", "NZD"),
            ("€", "EUR"),
            ("EUR ", "EUR"),
            ("USD", "USD"),
            ("£", "GBP"),
            ("¥", "JPY"),
            ("Rs ", "INR"),
            ("us $ ", "USD"),
            ("ringgit ", "MYR"),
            ("malaysian ringgit ", "MYR"),
            ("MAUD ", "AUD"),
        ];
        for (text, want) in cases {
            assert_eq!(code(before(text, text.len())), Some(want), "{text:?}");
        }
        for text in ["ABCUSD", "rs ", "the ", "ERS", "maud "] {
            assert!(before(text, text.len()).is_none(), "{text:?}");
        }
        // an article and a possessive, not A$ and S$
        for text in ["a $", "company's $"] {
            assert_eq!(code(before(text, text.len())), Some("USD"), "{text:?}");
        }
        assert_eq!(before("MSEK ", 5).map(|m| m.power), Some(6));
    }

    #[test]
    fn reads_names_after() {
        let cases = [
            (" billion yen", None),
            (" yen to the dollar", Some("JPY")),
            (" dollars", Some("USD")),
            (" dlrs", Some("USD")),
            (" Canadian dollars", Some("CAD")),
            (" euros", Some("EUR")),
            ("€", Some("EUR")),
            (" $", Some("USD")),
            (" ₡", Some("CRC")),
            ("元", Some("CNY")),
            ("US$", Some("USD")),
            ("USD", Some("USD")),
            ("Rs", Some("INR")),
            (" Rs", None),
            (" marks", Some("DEM")),
            (" turkish lira", Some("TRY")),
            (" randomly", None),
            (" rupees", Some("INR")),
            (" kuwaiti Dinar", Some("KWD")),
            (" LE", Some("EGP")),
            (" le", None),
            (" LEGO", None),
            (" MUSD", Some("USD")),
            (" $10", None),
            ("-$20", None),
        ];
        for (text, want) in cases {
            assert_eq!(code(after(text, 0)), want, "{text:?}");
        }
        let francs = after(" francs", 0).expect("francs are money");
        assert_eq!((francs.code, francs.end), (None, 7));
    }

    #[test]
    fn reads_minor_units() {
        let cases = [
            (" cents", Some(6)),
            ("¢", Some(2)),
            ("c", Some(1)),
            (" c", None),
            ("c-5", None),
            ("cm", None),
            ("-cent-a-share", Some(5)),
            (" sen", Some(4)),
            (" Sen.", None),
            (" centuries", None),
        ];
        for (text, want) in cases {
            assert_eq!(minor_after(text, 0).map(|m| m.end), want, "{text:?}");
        }
    }

    #[test]
    fn reads_articles_that_count_a_currency() {
        let cases = [
            ("paid a dollar", true),
            ("a dollar and 42 cents", true),
            ("above a dollar.", true),
            ("a dollar a share", true),
            ("a dollar, ninety or eighty cents", true),
            ("on a dollar basis", false),
            ("a dollar per megawatt hour", false),
            ("a euro to dollar rate", false),
            ("a US dollar and a local currency basis", false),
            ("a dollar 5", false),
            ("A buck", true),
            ("a Canadian dollar", true),
            ("a dollar bond", false),
            ("a dollar-denominated note", false),
            ("a strong dollar", false),
            ("a yen for travel", false),
            ("a pound of meat", false),
            ("a pound coin", false),
            ("a dollars", false),
            // any case, on any line of a longer text
            ("AN EURO", true),
            ("Prices rose.\nIt cost A DOLLAR.\nThen more", true),
            ("first line\na Hong\tKong dollar", true),
        ];
        for (text, want) in cases {
            assert_eq!(!article_amounts(text).is_empty(), want, "{text:?}");
        }
    }

    /// The reading by the patterns' own groups, which `before` and `after`
    /// replace with a prefilter and a reading by hand.
    fn by_groups(text: &str, at: usize, side_before: bool) -> Option<(usize, usize)> {
        static BEFORE: PerThread<Regex> = PerThread::new(|| {
            let forms = alternation(&mut every_form(true));
            Regex::new(&format!(r"(?i)(?:^|[^A-Za-z])(?P<mark>{forms})[ \t]?$")).unwrap()
        });
        static AFTER: PerThread<Regex> = PerThread::new(|| {
            let forms = alternation(&mut every_form(false));
            Regex::new(&format!(
                r"(?i)^(?:[ \t]{{0,2}}\n?[ \t]*|-)(?P<mark>{forms})"
            ))
            .unwrap()
        });
        let mark = if side_before {
            let from = text.floor_char_boundary(at.saturating_sub(24));
            BEFORE
                .captures(&text[from..at])?
                .name("mark")
                .map(|m| (from + m.start(), from + m.end()))?
        } else {
            let to = text.floor_char_boundary(at + 40);
            let m = AFTER.captures(&text[at..to])?.name("mark")?;
            let (start, end) = (at + m.start(), at + m.end());
            let next = text[end..].chars().next();
            let word = is_wordlike(m.as_str());
            if (word && next.is_some_and(char::is_alphanumeric))
                || (!word && next.is_some_and(|c| c.is_ascii_digit()))
                || (m.start() > 0 && GLUED_AFTER_ONLY.contains(&m.as_str()))
            {
                return None;
            }
            (start, end)
        };
        lookup(mark.0, mark.1, &text[mark.0..mark.1]).map(|m| (m.start, m.end))
    }

    /// Every form the table writes on one side of a number, as `TABLE` builds them.
    fn every_form(side_before: bool) -> Vec<Form> {
        let mut forms = Vec::new();
        for (code, pre, post) in CURRENCIES {
            if side_before {
                forms.extend(pre.iter().map(|f| form(f)));
            } else {
                forms.extend(post.iter().map(|f| form(f)));
                forms.extend(pre.iter().filter(|f| is_symbolic(f)).map(|f| form(f)));
            }
            if code.is_empty() {
                continue;
            }
            if side_before && pre.iter().any(|f| f.ends_with(DOLLAR_SIGN)) {
                forms.push(Form {
                    text: format!("{code}{DOLLAR_SIGN}"),
                    exact_case: false,
                });
            }
            for (letter, _) in SCALED_CODES {
                forms.push(Form {
                    text: format!("{letter}{code}"),
                    exact_case: true,
                });
            }
        }
        forms
    }

    #[test]
    fn prefilters_and_reading_by_hand_agree_with_the_groups() {
        let mut forms: Vec<String> = every_form(true)
            .into_iter()
            .chain(every_form(false))
            .map(|f| f.text)
            .collect();
        forms.extend(
            [
                "Dollars", "DOLLARS", "eUrOs", "usd", "us", "ABCUSD", "rs", "x",
            ]
            .map(String::from),
        );
        forms.extend(forms.clone().iter().map(|f| f.replace(' ', "")));
        let lead = ["", " ", "(", "a", "the ", "1", "-", "\n", "$", "x$", "  "];
        let trail = ["", " ", "\t", "  ", "5", "x", "-", "\n"];
        let mut checked = 0;
        for f in &forms {
            for l in lead {
                for t in trail {
                    // a mark before the number at the end of `l + f + t`
                    let text = format!("{l}{f}{t}");
                    let want = by_groups(&text, text.len(), true);
                    let got = before(&text, text.len()).map(|m| (m.start, m.end));
                    assert_eq!(got, want, "before {text:?}");
                    // a name after the number that ends where `l` does
                    let text = format!("7{l}{f}{t}");
                    let want = by_groups(&text, 1, false);
                    let got = after(&text, 1).map(|m| (m.start, m.end));
                    assert_eq!(got, want, "after {text:?}");
                    checked += 2;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
