//! Amounts written in a major and a minor unit: `3 dollars 50 cents`,
//! `thirteen dollars and forty-five cents`, `$20 and 43c`, `3 GBP 1 pence`,
//! and the spoken form that leaves the minor unit out when nothing follows
//! (`15 dollars 50.`, `$20 43`, `US$3 and fourteen`).
//!
//! Input: two neighbouring atoms. Output: one money mention whose minor part
//! is hundredths of the major unit, in the major unit's currency (`3 CAD 3
//! cents` is 3.03 CAD). Non-goals: a bare number that goes on into something
//! else (`$20 43 stores`, `$5 and 20 shares`, `$3 and one of`), a range
//! (`between $20 and 43`), or a scaled amount (`$3 million and 50`): those are
//! figures of their own.

use super::{Atom, Kind, MINOR_PART_RULE, MINOR_RULE, Mention, Qualifier, qualifier};
use crate::decimal::Decimal;
use crate::per_thread::PerThread;
use regex::Regex;

/// Spaces, or `and`, between the two parts.
static JOIN: PerThread<Regex> =
    PerThread::new(|| Regex::new(r"(?i)^[ \t]{1,3}(?:and[ \t]{1,3})?$").expect("join pattern"));

/// Words that may follow a bare minor part (`15 USD 50 more`); any other word
/// makes that number a figure of its own.
const BARE_FOLLOWERS: &[&str] = &["apiece", "each", "extra", "less", "more", "only"];

/// The amount that atoms `a` and `b` write together, if they do.
pub(super) fn join(text: &str, a: &Atom, b: &Atom) -> Option<Mention> {
    if a.kind != Some(Kind::Money) || a.rule == MINOR_RULE || a.rule == MINOR_PART_RULE {
        return None;
    }
    // the major part: a whole amount without a scale
    let n = &a.number;
    if n.scaled || a.value != n.value || !n.value.is_integer() || n.value.is_negative() {
        return None;
    }
    if !JOIN.is_match(text.get(a.end..b.start)?) || qualifier::range_opener(text, a.start).is_some()
    {
        return None;
    }
    let minor = match b.kind {
        Some(Kind::Money) if b.rule == MINOR_RULE || b.rule == MINOR_PART_RULE => b.number.value,
        None if bare_minor(text, b) => b.number.value,
        _ => return None,
    };
    if !minor.is_integer() || minor.is_negative() || minor >= Decimal::from_int(100) {
        return None;
    }
    Some(Mention {
        start: a.start,
        end: b.end,
        kind: Kind::Money,
        value: a.value.checked_add(minor.scale(-2))?,
        max: None,
        currency: a.currency,
        unit: None,
        qualifier: Qualifier::Exact,
        rule: "money/major-minor",
        figure_start: a.start,
        context_end: b.context_end.max(b.end),
        minus: false,
    })
}

/// A number with no unit that ends the phrase: one or two digits or words
/// (`50`, `forty five`), then the end, a stop, or a word of [`BARE_FOLLOWERS`].
fn bare_minor(text: &str, b: &Atom) -> bool {
    let n = &b.number;
    let short = n.written || (n.plain && n.end - n.start <= 2);
    if !short || n.scaled || n.glued || n.glued_after {
        return false;
    }
    let rest = text[n.end..].trim_start_matches([' ', '\t']);
    let mut chars = rest.chars();
    match chars.next() {
        None | Some('\n' | ';' | ':' | '!' | '?' | ')') => true,
        Some('.' | ',') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) if c.is_ascii_alphabetic() => {
            let word: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            BARE_FOLLOWERS.contains(&word.to_ascii_lowercase().as_str())
        }
        Some(_) => false,
    }
}
