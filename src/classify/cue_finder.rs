//! Finding the metric cues of one kind of figure in a window of text.
//!
//! It finds what each cue row's pattern finds on its own, searched from the
//! window's start (`find_iter`: leftmost-first, no overlap within a row;
//! rows may overlap each other), with less work:
//!
//! - every row pattern opens with an ASCII word boundary (checked when the
//!   finder is built), so only the bytes where a word starts or ends are
//!   tried;
//! - a table of two bytes, the first and the next, tells which rows can
//!   start there at all (most words start none);
//! - where that leaves more than one row, one anchored walk of an automaton
//!   of all the rows tells which of them do match there;
//! - only those rows are searched, anchored there, for the end of their
//!   leftmost-first match; a row's next search starts where its last match
//!   ended, as in `find_iter`.
//!
//! It replaces a search of the whole sentence by a set of all the rows, then
//! by each row that matched. Those unanchored automata grow large (each of
//! their states tracks every cue begun so far), and in the pipeline their
//! tables compete for the processor's caches with every other pattern; the
//! anchored walks here are short.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::pool::Pool;
use regex_automata::util::start;
use regex_automata::{Anchored, Input, MatchKind, PatternID};
use std::panic::{RefUnwindSafe, UnwindSafe};

/// Search caches for `first` and `any`, and room for a window's word edges.
type Scratch = (Cache, Cache, Vec<usize>);
type MakeScratch = Box<dyn Fn() -> Scratch + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// Rows of one kind of figure.
pub(super) struct CueFinder {
    /// The row (in the cue table) of each pattern.
    rows: Vec<usize>,
    /// Leftmost-first search of one pattern, anchored at a start.
    first: DFA,
    /// All patterns at once, anchored: which of them match at a start.
    any: DFA,
    /// Which patterns can start with two given bytes.
    starts: Starts,
    /// A clone has a pool of its own (see `per_thread`).
    caches: Pool<Scratch, MakeScratch>,
}

/// A table of the patterns (as bits) that can start with a byte and the
/// byte after it (or the window's end), kept small: a row of masks only for
/// the first bytes that start some pattern.
#[derive(Clone)]
struct Starts {
    /// Per first byte, 1 + its row of `masks`, or 0 where no pattern starts.
    class: [u8; 256],
    masks: Vec<u32>,
}

impl Starts {
    /// From the full table, indexed by first byte * (END + 1) + next byte.
    fn new(full: &[u32]) -> Starts {
        let mut class = [0u8; 256];
        let mut masks = Vec::new();
        for (b0, row) in full.chunks(END + 1).enumerate() {
            if row.iter().any(|&m| m != 0) {
                masks.extend_from_slice(row);
                class[b0] = u8::try_from(masks.len() / (END + 1)).expect("under 256 rows");
            }
        }
        Starts { class, masks }
    }

    /// The patterns that can start at `i` of `bytes`.
    fn at(&self, bytes: &[u8], i: usize) -> u32 {
        match self.class[usize::from(bytes[i])] {
            0 => 0,
            c => {
                let next = bytes.get(i + 1).map_or(END, |&b| usize::from(b));
                self.masks[(usize::from(c) - 1) * (END + 1) + next]
            }
        }
    }
}

impl Clone for CueFinder {
    fn clone(&self) -> CueFinder {
        CueFinder::assemble(
            self.rows.clone(),
            self.first.clone(),
            self.any.clone(),
            self.starts.clone(),
        )
    }
}

/// An ASCII word byte, as `(?-u:\b)` tells them.
pub(super) fn is_word(b: u8) -> bool {
    WORD[usize::from(b)]
}

/// The ASCII word bytes, which `(?-u:\b)` tells from the others.
static WORD: [bool; 256] = {
    let mut word = [false; 256];
    let mut b = 0;
    while b < 256 {
        word[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    word
};

/// The second byte's index in `Starts` when the window ends after the first.
const END: usize = 256;

impl CueFinder {
    /// The finder of `patterns`, the patterns of cue rows `rows`. Panics on
    /// a pattern that can start inside a word, where no word boundary lies
    /// (see the module).
    pub(super) fn new(patterns: &[&str], rows: Vec<usize>) -> CueFinder {
        assert!(patterns.len() <= 32, "at most 32 cue rows per kind");
        // one program, searched two ways
        let nfa = NFA::compiler()
            .build_many(patterns)
            .expect("patterns compile");
        let first = DFA::builder()
            .configure(
                DFA::config()
                    .starts_for_each_pattern(true)
                    .match_kind(MatchKind::LeftmostFirst),
            )
            .build_from_nfa(nfa.clone())
            .expect("patterns compile");
        let any = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .expect("patterns compile");
        let mut cache = first.create_cache();
        let mut starts = vec![0u32; 256 * (END + 1)];
        for p in 0..patterns.len() {
            let anchored = Anchored::Pattern(PatternID::must(p));
            let start = |cache: &mut Cache, behind: Option<u8>| {
                let config = start::Config::new().anchored(anchored).look_behind(behind);
                first.start_state(cache, &config).expect("no quit bytes")
            };
            for b0 in 0..=255u8 {
                // a boundary lies before b0 when the byte behind it differs
                // in being a word byte; a pattern must not start elsewhere
                let (across, along) = if is_word(b0) {
                    (None, Some(b'a'))
                } else {
                    (Some(b'a'), Some(b' '))
                };
                let s = start(&mut cache, along);
                assert!(
                    first
                        .next_state(&mut cache, s, b0)
                        .expect("no quit bytes")
                        .is_dead(),
                    "cue row {} can start inside a word: {}",
                    rows[p],
                    patterns[p]
                );
                let s = start(&mut cache, across);
                let s1 = first.next_state(&mut cache, s, b0).expect("no quit bytes");
                if s1.is_dead() {
                    continue;
                }
                for b1 in 0..=END {
                    let can = b1 == END || {
                        let s2 = first
                            .next_state(&mut cache, s1, b1 as u8)
                            .expect("no quit bytes");
                        // a match that ended at b0 shows one byte later
                        !s2.is_dead() || s2.is_match()
                    };
                    if can {
                        starts[usize::from(b0) * (END + 1) + b1] |= 1 << p;
                    }
                }
            }
        }
        CueFinder::assemble(rows, first, any, Starts::new(&starts))
    }

    fn assemble(rows: Vec<usize>, first: DFA, any: DFA, starts: Starts) -> CueFinder {
        let (f, a) = (first.clone(), any.clone());
        let make: MakeScratch = Box::new(move || (f.create_cache(), a.create_cache(), Vec::new()));
        CueFinder {
            rows,
            first,
            any,
            starts,
            caches: Pool::new(make),
        }
    }

    /// The cues in `window`, which starts at byte `at` of the text, appended
    /// to `out` as `(row, start, end)`, by row and then position.
    pub(super) fn find(&self, window: &str, at: usize, out: &mut Vec<(usize, usize, usize)>) {
        self.find_with(&mut self.caches.get(), window, at, out);
    }

    fn find_with(
        &self,
        (first, any, edges): &mut Scratch,
        window: &str,
        at: usize,
        out: &mut Vec<(usize, usize, usize)>,
    ) {
        let bytes = window.as_bytes();
        let from = out.len();
        // where each pattern's next search may start (`find_iter`)
        let mut next = [0usize; 32];
        // the word edges first, without a branch per byte (a word edge
        // every few bytes would make such a branch mispredicted often)
        edges.clear();
        edges.resize(bytes.len(), 0);
        let (mut n, mut in_word) = (0, false);
        for (i, &b) in bytes.iter().enumerate() {
            let word = WORD[usize::from(b)];
            edges[n] = i;
            n += usize::from(word != in_word);
            in_word = word;
        }
        for &i in &edges[..n] {
            let mut can = self.starts.at(bytes, i);
            if can == 0 {
                continue;
            }
            if !can.is_power_of_two() {
                // one walk rules out the rows that cannot match here
                can &= self.matching_here(any, bytes, i);
            }
            while can != 0 {
                let p = can.trailing_zeros() as usize;
                can &= can - 1;
                if next[p] > i {
                    continue;
                }
                let input = Input::new(window)
                    .range(i..)
                    .anchored(Anchored::Pattern(PatternID::must(p)));
                if let Some(end) = self
                    .first
                    .try_search_fwd(first, &input)
                    .expect("no quit bytes")
                {
                    out.push((self.rows[p], at + i, at + end.offset()));
                    next[p] = end.offset();
                }
            }
        }
        out[from..].sort_unstable_by_key(|&(row, start, _)| (row, start));
    }

    /// The patterns with a match that starts at `i`, as bits.
    fn matching_here(&self, cache: &mut Cache, bytes: &[u8], i: usize) -> u32 {
        let config = start::Config::new()
            .anchored(Anchored::Yes)
            .look_behind(i.checked_sub(1).map(|k| bytes[k]));
        let mut found = 0u32;
        let mut state = self.any.start_state(cache, &config).expect("no quit bytes");
        let mut j = i;
        loop {
            state = match bytes.get(j) {
                Some(&b) => self.any.next_state(cache, state, b),
                None => self.any.next_eoi_state(cache, state),
            }
            .expect("no quit bytes");
            if state.is_match() {
                for k in 0..self.any.match_len(cache, state) {
                    found |= 1 << self.any.match_pattern(cache, state, k).as_usize();
                }
            }
            if state.is_dead() || j >= bytes.len() {
                return found;
            }
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    const ROWS: &[&str] = &[
        r"(?i)(?-u:\b)(?:per[ \t\n]+(?:diluted[ \t\n]+)?share|a[ \t\n]+share|shr)(?-u:\b)",
        r"(?i)(?-u:\b)(?:revenues?|sales|reported)(?-u:\b)",
        r"(?i)(?-u:\b)(?:net[ \t\n]+(?:income|loss)|earnings|profits?)(?-u:\b)",
        r"(?i)(?-u:\b)(?:cash[ \t\n]+flows?|cash|operat(?-u:\w)+[ \t\n]+cash)(?-u:\b)",
        r"(?i)(?-u:\b)(?:R&D|in[ \t\n]+cash|share[ \t\n]+price)(?-u:\b)",
    ];

    /// What each row's own `find_iter` finds, by row and then position.
    fn expected(rows: &[Regex], window: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (k, row) in rows.iter().enumerate() {
            out.extend(row.find_iter(window).map(|m| (k, m.start(), m.end())));
        }
        out
    }

    fn check(finder: &CueFinder, rows: &[Regex], window: &str) {
        let mut found = Vec::new();
        finder.find(window, 0, &mut found);
        assert_eq!(found, expected(rows, window), "in {window:?}");
    }

    fn fixture() -> (CueFinder, Vec<Regex>) {
        let finder = CueFinder::new(ROWS, (0..ROWS.len()).collect());
        let rows = ROWS.iter().map(|p| Regex::new(p).unwrap()).collect();
        (finder, rows)
    }

    #[test]
    fn finds_what_each_row_finds_on_its_own() {
        let (finder, rows) = fixture();
        for window in [
            "",
            "Revenue rose; net income was $5 per diluted share.",
            "net\nincome and per\n  share, cash flow, cash, in cash",
            // overlapping rows, and a row whose match hides a later one
            "share price of $5 per share price",
            "cash flows cash",
            // words cut by the window's edges, glued words
            "evenue, revenuesales, sales",
            "xrevenue R&D R&Dx _sales 9sales",
            // `(?i)` folds `ſ` (long s) and `K` (Kelvin) as `s` and `k`:
            // a match may start at a non-ASCII byte right after a word
            "aſhr ſhr ſales ſalesx",
            "operating cash, operatﬁ cash, operatéd cash",
            "per",
            "a share",
            "A SHARE per Diluted Share SHR",
        ] {
            check(&finder, &rows, window);
        }
    }

    #[test]
    fn finds_what_each_row_finds_in_generated_windows() {
        let (finder, rows) = fixture();
        let pieces = [
            "per",
            "share",
            "a",
            "diluted",
            "revenue",
            "revenues",
            "sales",
            "net",
            "income",
            "loss",
            "cash",
            "flow",
            "flows",
            "in",
            "operating",
            "R&D",
            "price",
            "ſ",
            "é",
            "x",
            "shr",
            " ",
            " ",
            "  ",
            "\n",
            "\t",
            ",",
            ".",
            "$5",
            "-",
            "_",
            "9",
        ];
        let mut rng = crate::test_rng::Lcg::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let window = rng.text(&pieces, 12);
            check(&finder, &rows, &window);
        }
    }

    #[test]
    #[should_panic(expected = "can start inside a word")]
    fn a_row_without_a_leading_boundary_is_refused() {
        CueFinder::new(&[r"(?i)(?:sales)(?-u:\b)"], vec![0]);
    }
}
