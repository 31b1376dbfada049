//! The words a list of forms can show at one edge (currency marks before a
//! number, names after it, hedges before it), for a cheap test before a
//! pattern of all the forms is run: most numbers stand next to a word that
//! is no form's edge.

use std::collections::HashSet;

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
    runs: HashSet<Vec<u8>>,
    longest: usize,
}

impl Edge {
    pub fn new<'a>(forms: impl Iterator<Item = &'a str>, tail: bool) -> Edge {
        let mut runs = HashSet::new();
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
        Edge { runs, longest }
    }

    /// Whether `letters` (ASCII letters) is some form's edge.
    pub fn holds(&self, letters: &[u8]) -> bool {
        let mut buf = [0u8; 32];
        if letters.len() > self.longest.min(buf.len()) {
            return false;
        }
        let lower = &mut buf[..letters.len()];
        lower.copy_from_slice(letters);
        lower.make_ascii_lowercase();
        self.runs.contains(&lower[..])
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
