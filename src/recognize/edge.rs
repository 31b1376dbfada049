//! The words a list of forms can show at one edge (currency marks before a
//! number, names after it, hedges before it), for a cheap test before a
//! pattern of all the forms is run: most numbers stand next to a word that
//! is no form's edge.

use std::collections::BTreeSet;

/// The run of ASCII letters that ends `bytes` (empty when none does).
pub fn last_letters(bytes: &[u8]) -> &[u8] {
    let n = bytes
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    &bytes[bytes.len() - n..]
}

/// The run of ASCII letters that starts `bytes` (empty when none does).
pub fn first_letters(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    &bytes[..n]
}

/// The runs of letters that a list of forms shows at one of its edges
/// (lower-cased, with each space written or left out, as the patterns allow).
/// Most numbers stand next to a word that is no currency: reading that word
/// here costs a fraction of running the pattern, which is run only where the
/// word is some form's edge, or where the neighbour is a sign, not a letter.
#[derive(Clone, Debug)]
pub struct Edge {
    /// Per length n: the runs of n letters, each as its first 16 bytes read
    /// as one big-endian number (so that numbers sort as the runs do), in
    /// order. A binary search compares one number per step; a hash set
    /// hashed every word next to a number (1-3% of a run).
    by_len: Vec<Vec<(u128, Box<[u8]>)>>,
    /// One bit per hash of (length, first 16 bytes), set for each run: most
    /// words are no run, and one bit tells most of them so, where the
    /// binary search's branches would go either way.
    seen: Box<[u64; FILTER_WORDS]>,
}

/// The filter's size, in 64-bit words (4,096 bits: a few hundred runs
/// leave most bits clear).
const FILTER_WORDS: usize = 64;

/// The filter bit of a run of `len` bytes whose key is `key`.
fn filter_bit(key: u128, len: usize) -> usize {
    let mixed = ((key >> 64) as u64 ^ key as u64 ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - 12)) as usize
}

/// The longest run an [`Edge`] keeps: longer words are no form's edge.
const LONGEST: usize = 32;

/// The first 16 bytes of `run` as a big-endian number, zeros past its end.
fn head(run: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    let n = run.len().min(16);
    bytes[..n].copy_from_slice(&run[..n]);
    u128::from_be_bytes(bytes)
}

impl Edge {
    pub fn new<'a>(forms: impl Iterator<Item = &'a str>, tail: bool) -> Edge {
        let mut runs = BTreeSet::new();
        for form in forms {
            let spaces = form.matches(' ').count();
            for keep in 0..1u32 << spaces {
                let variant: String = form
                    .split(' ')
                    .enumerate()
                    .map(|(i, chunk)| {
                        let sep = i > 0 && keep & (1 << (i - 1)) != 0;
                        if sep {
                            format!(" {chunk}")
                        } else {
                            chunk.to_string()
                        }
                    })
                    .collect();
                let bytes = variant.to_ascii_lowercase().into_bytes();
                let run = if tail {
                    last_letters(&bytes)
                } else {
                    first_letters(&bytes)
                }
                .to_vec();
                if !run.is_empty() {
                    runs.insert(run);
                }
            }
        }
        let longest = runs.iter().map(Vec::len).max().unwrap_or(0);
        assert!(
            longest <= LONGEST,
            "a form's edge word is over {LONGEST} letters"
        );
        let mut by_len = vec![Vec::new(); longest + 1];
        let mut seen = Box::new([0u64; FILTER_WORDS]);
        // the set iterates in byte order, so each length's runs come sorted
        for run in runs {
            let key = head(&run);
            let bit = filter_bit(key, run.len());
            seen[bit / 64] |= 1 << (bit % 64);
            by_len[run.len()].push((key, run[16.min(run.len())..].into()));
        }
        Edge { by_len, seen }
    }

    /// Whether `letters` (ASCII letters) is some form's edge.
    pub fn holds(&self, letters: &[u8]) -> bool {
        let n = letters.len();
        let Some(runs) = self.by_len.get(n).filter(|r| !r.is_empty()) else {
            return false;
        };
        // the key read in lower case straight from the letters: this runs for
        // most words next to a number, so no copy of the word is made
        let mut key = [0u8; 16];
        for (k, b) in key.iter_mut().zip(letters) {
            *k = b.to_ascii_lowercase();
        }
        let key = u128::from_be_bytes(key);
        let bit = filter_bit(key, n);
        if self.seen[bit / 64] & (1 << (bit % 64)) == 0 {
            return false;
        }
        let rest = &letters[16.min(n)..];
        let first = runs.partition_point(|r| r.0 < key);
        runs[first..].iter().take_while(|r| r.0 == key).any(|r| {
            r.1.iter()
                .zip(rest)
                .all(|(a, b)| *a == b.to_ascii_lowercase())
        })
    }

    /// Whether a form can end where `window` ends (a space or tab after it
    /// allowed): where a sign or other non-letter stands there, the pattern decides.
    pub fn may_end(&self, window: &str) -> bool {
        let b = window.as_bytes();
        let end = match b.last() {
            Some(b' ' | b'\t') => b.len() - 1,
            _ => b.len(),
        };
        match end.checked_sub(1).map(|i| b[i]) {
            None | Some(b' ' | b'\t' | b'\n') => false,
            Some(c) if c.is_ascii_alphabetic() => self.holds(last_letters(&b[..end])),
            Some(_) => true,
        }
    }

    /// Whether a form can start where `window` starts, after the spaces,
    /// line break or hyphen that the patterns allow before it.
    pub fn may_start(&self, window: &str) -> bool {
        let b = window.as_bytes();
        let from = b
            .iter()
            .position(|c| !matches!(c, b' ' | b'\t' | b'\n'))
            .unwrap_or(b.len());
        let from = if from == 0 && b.first() == Some(&b'-') {
            1
        } else {
            from
        };
        match b.get(from) {
            None => false,
            Some(c) if c.is_ascii_alphabetic() => self.holds(first_letters(&b[from..])),
            Some(_) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Lcg;

    #[test]
    fn holds_exactly_the_edge_words_of_the_forms() {
        let forms = [
            "US dollars",
            "dollar",
            "Swiss francs",
            "bn",
            "a",
            "per cent",
            "EUR",
            "Malaysian ringgits",
            "Malaysian ringgit",
        ];
        let tails = Edge::new(forms.iter().copied(), true);
        let heads = Edge::new(forms.iter().copied(), false);
        let cases: &[(&Edge, &str, bool)] = &[
            (&tails, "dollars", true),
            (&tails, "DOLLARS", true),
            (&tails, "usdollars", true), // the space may be left out
            (&tails, "francs", true),
            (&tails, "swissfrancs", true),
            (&tails, "a", true),
            (&tails, "cent", true),
            (&tails, "percent", true),
            (&tails, "eur", true),
            // past 16 letters, the rest of the word decides
            (&tails, "MalaysianRinggits", true),
            (&tails, "malaysianringgit", true),
            (&tails, "malaysianringgitx", false),
            (&tails, "malaysianringgitsx", false),
            (&tails, "us", false),
            (&tails, "swiss", false),
            (&tails, "dollarsx", false),
            (&tails, "", false),
            (&heads, "us", true),
            (&heads, "swiss", true),
            (&heads, "per", true),
            (&heads, "dollars", false),
            (&heads, "francs", false),
        ];
        for (edge, word, want) in cases {
            assert_eq!(edge.holds(word.as_bytes()), *want, "{word}");
        }
    }

    #[test]
    fn agrees_with_a_set_of_the_runs_on_generated_words() {
        let mut rng = Lcg::new(7);
        let word = |rng: &mut Lcg, len: usize| -> String {
            (0..len)
                .map(|_| char::from(b"abcdeABCDE"[rng.below(10)]))
                .collect()
        };
        for _ in 0..200 {
            let forms: Vec<String> = (0..1 + rng.below(12))
                .map(|_| {
                    let len = 1 + rng.below(5);
                    word(&mut rng, len)
                })
                .collect();
            let edge = Edge::new(forms.iter().map(String::as_str), true);
            let set: std::collections::HashSet<String> =
                forms.iter().map(|f| f.to_ascii_lowercase()).collect();
            for _ in 0..50 {
                let len = rng.below(7);
                let w = word(&mut rng, len);
                let want = set.contains(&w.to_ascii_lowercase());
                assert_eq!(edge.holds(w.as_bytes()), want, "{w} in {forms:?}");
            }
        }
    }
}
