//! Compiled patterns with a search cache per thread.
//!
//! A `regex::Regex` shared by threads keeps its search caches in a pool whose
//! fast path belongs to the first thread that used it; every other thread
//! takes a cache out of a locked stack and puts it back, on every search.
//! The pipeline runs about ten small searches per figure, so on two threads
//! that slow path cost a few per cent of the run. A [`PerThread`] value is
//! compiled once and cloned into a slot per thread on first use (a clone of
//! a regex shares the compiled program and has a pool of its own), so each
//! worker searches with a pool it owns.
//!
//! [`captures`] is `Regex::captures` without its allocation when nothing
//! matches, the usual outcome of the searches around a figure.
//!
//! The slots are a fixed array held by the static, so their number is
//! bounded however many thread pools a program builds: threads take slots in
//! turn, and two threads that share one are as correct as before, only
//! slower.

use std::cell::Cell;
use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

/// Slots per value: more than the threads a run usually has at once.
const SLOTS: usize = 8;

/// A value built on first use, of which each thread uses its own clone.
///
/// ```
/// use extract::per_thread::PerThread;
/// static DIGITS: PerThread<regex::Regex> = PerThread::new(|| regex::Regex::new(r"\d+").unwrap());
/// assert_eq!(DIGITS.find("abc 42").unwrap().as_str(), "42");
/// ```
pub struct PerThread<T> {
    shared: LazyLock<T>,
    slots: [OnceLock<T>; SLOTS],
}

impl<T: Clone> PerThread<T> {
    pub const fn new(build: fn() -> T) -> PerThread<T> {
        PerThread {
            shared: LazyLock::new(build),
            slots: [const { OnceLock::new() }; SLOTS],
        }
    }
}

impl<T: Clone> Deref for PerThread<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.slots[slot()].get_or_init(|| self.shared.clone())
    }
}

/// `pattern.captures(hay)`, with the group slots made only for a match:
/// `Regex::captures` allocates them on every call, found or not (1.4 million
/// allocations over the bulk corpus), and most searches around a figure find
/// nothing. A match is searched twice, which costs less than the allocations.
pub fn captures<'h>(pattern: &regex::Regex, hay: &'h str) -> Option<regex::Captures<'h>> {
    if pattern.is_match(hay) {
        pattern.captures(hay)
    } else {
        None
    }
}

/// The spans of `groups` (indices, 0 the whole match) in each match of
/// `pattern` in `hay`, as `captures_iter` finds them, with the group slots
/// of `locs` reused from match to match: `captures_iter` allocates slots
/// for every group of every match (a few hundred bytes where a pattern has
/// many groups). For patterns that never match the empty string (checked in
/// debug builds).
pub fn group_spans<'a, const N: usize>(
    pattern: &'a regex::Regex,
    hay: &'a str,
    locs: &'a mut regex::CaptureLocations,
    groups: [usize; N],
) -> impl Iterator<Item = [Option<(usize, usize)>; N]> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at > hay.len() {
            return None;
        }
        let m = pattern.captures_read_at(locs, hay, at)?;
        debug_assert!(
            m.end() > m.start(),
            "{} matched the empty string",
            pattern.as_str()
        );
        at = m.end().max(m.start() + 1);
        Some(groups.map(|g| locs.get(g)))
    })
}

/// The index of each named group of `pattern`, for `Captures::get`:
/// `Captures::name` hashes the name on every call (about 280 instructions),
/// and each figure reads a few groups. Panics on a name the pattern lacks.
pub fn group_indices<const N: usize>(pattern: &regex::Regex, names: [&str; N]) -> [usize; N] {
    names.map(|name| {
        pattern
            .capture_names()
            .position(|n| n == Some(name))
            .unwrap_or_else(|| panic!("no group {name} in {}", pattern.as_str()))
    })
}

/// This thread's slot, given out in turn on first use.
fn slot() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static SLOT: Cell<usize> = const { Cell::new(usize::MAX) };
    }
    SLOT.with(|s| {
        if s.get() == usize::MAX {
            s.set(NEXT.fetch_add(1, Ordering::Relaxed) % SLOTS);
        }
        s.get()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn group_spans_are_those_of_captures_iter() {
        let re = Regex::new(r"(?P<n>[0-9]+)(?P<u>%)?|(?P<w>[a-z]+)").unwrap();
        let mut locs = re.capture_locations();
        for hay in ["", "no digits", "up 5%", "12 and 34%x", "x9", "é7%ü"] {
            let ours: Vec<_> = group_spans(&re, hay, &mut locs, [0, 1, 2, 3]).collect();
            let theirs: Vec<_> = re
                .captures_iter(hay)
                .map(|c| [0, 1, 2, 3].map(|g| c.get(g).map(|m| (m.start(), m.end()))))
                .collect();
            assert_eq!(ours, theirs, "{hay}");
        }
    }

    #[test]
    fn captures_finds_what_regex_captures_finds() {
        let re = Regex::new(r"(?P<n>[0-9]+)(?P<u>%)?").unwrap();
        for hay in ["", "no digits", "up 5%", "12 and 34%", "x9"] {
            let ours = captures(&re, hay).map(|c| {
                let group = |g: &str| c.name(g).map(|m| m.range());
                (group("n"), group("u"))
            });
            let theirs = re.captures(hay).map(|c| {
                let group = |g: &str| c.name(g).map(|m| m.range());
                (group("n"), group("u"))
            });
            assert_eq!(ours, theirs, "{hay}");
        }
    }

    #[test]
    fn group_indices_read_the_groups_names_read() {
        let re = Regex::new(r"(?P<n>[0-9]+)(x)?(?P<u>%)?").unwrap();
        let [n, u] = group_indices(&re, ["n", "u"]);
        let c = re.captures("up 5%").unwrap();
        assert_eq!(c.get(n).map(|m| m.range()), c.name("n").map(|m| m.range()));
        assert_eq!(c.get(u).map(|m| m.range()), c.name("u").map(|m| m.range()));
        assert_eq!((n, u), (1, 3));
    }

    #[test]
    #[should_panic(expected = "no group q")]
    fn group_indices_refuse_a_missing_name() {
        group_indices(&Regex::new(r"(?P<n>[0-9]+)").unwrap(), ["q"]);
    }

    static WORD: PerThread<Regex> = PerThread::new(|| Regex::new(r"[a-z]+").unwrap());

    #[test]
    fn every_thread_finds_what_one_finds() {
        let texts: Vec<String> = (0..64).map(|i| format!("{i} word{i} {i}")).collect();
        let alone: Vec<&str> = texts
            .iter()
            .map(|t| WORD.find(t).unwrap().as_str())
            .collect();
        // more threads than slots: some share one
        let together: Vec<Vec<&str>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..SLOTS + 3)
                .map(|_| {
                    s.spawn(|| {
                        texts
                            .iter()
                            .map(|t| WORD.find(t).unwrap().as_str())
                            .collect()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for found in together {
            assert_eq!(found, alone);
        }
        assert_eq!(slot(), slot(), "a thread keeps its slot");
    }

    #[test]
    fn threads_take_their_own_clones_in_turn() {
        // as many threads as slots at once, taking slots in turn (threads of
        // other tests may take turns in between, so only the slots' clones
        // are compared: one per slot, none of them the shared value)
        let barrier = std::sync::Barrier::new(SLOTS);
        let taken: Vec<(usize, usize)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..SLOTS)
                .map(|_| {
                    s.spawn(|| {
                        barrier.wait();
                        (slot(), &*WORD as *const Regex as usize)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let slots: std::collections::HashSet<usize> = taken.iter().map(|t| t.0).collect();
        let clones: std::collections::HashSet<usize> = taken.iter().map(|t| t.1).collect();
        assert!(slots.len() > 1, "slots taken: {slots:?}");
        assert_eq!(clones.len(), slots.len(), "one clone per slot");
        assert!(!clones.contains(&(&*WORD.shared as *const Regex as usize)));
    }
}
