//! A pattern searched over two stretches of a text at once, the two walks of
//! its automaton taken in lockstep.
//!
//! A lazy DFA reads a byte per step, and each step waits for the one before
//! it: the next state is a table entry found from the current one. That
//! wait, not the work, sets the speed of a pass over a whole text, whatever
//! the pattern. Two walks over two stretches of the text do not wait for
//! each other, so the processor runs their steps side by side. The number
//! scan of the bulk corpus takes 0.18-0.19 s so, against 0.25 s with one
//! `Regex::find_at` after another before (`number_scan` of `stage_times`).
//!
//! [`Lockstep::find_each`] finds in each stretch what repeated searches
//! from a position (`Regex::find_at`) find there, where the caller moves the
//! position on after each match. The stretches must be independent: no
//! match may hold the byte between them (see [`Lockstep::split`]). The walks
//! share one cache of states; when it is full and cleared, the state one of
//! them holds is lost, so from then on they go one after the other, the
//! search in progress started over.

use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::regex::Regex;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};
use std::panic::{RefUnwindSafe, UnwindSafe};

/// The search caches of the forward and the reverse automaton.
type Caches = (Cache, Cache);
type MakeCaches = Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A compiled pattern, as `regex_automata`'s lazy-DFA regex compiles it (a
/// forward automaton for where matches end, a reverse one for where they
/// start), with its search caches.
pub struct Lockstep {
    forward: DFA,
    reverse: DFA,
    /// Whether no match can hold the byte at an index of a text: where the
    /// text may be cut in two.
    separator: fn(&[u8], usize) -> bool,
    /// A clone has a pool of its own (see `per_thread`).
    caches: Pool<Caches, MakeCaches>,
}

impl Clone for Lockstep {
    fn clone(&self) -> Lockstep {
        Lockstep::assemble(self.forward.clone(), self.reverse.clone(), self.separator)
    }
}

impl Lockstep {
    /// The lockstep search of `pattern`, which must not match the empty
    /// string; `separator` tells the bytes of a text that no match of it can
    /// hold.
    pub fn new(pattern: &str, separator: fn(&[u8], usize) -> bool) -> Lockstep {
        Lockstep::build(
            pattern,
            separator,
            regex_automata::hybrid::dfa::Config::new(),
        )
    }

    fn build(
        pattern: &str,
        separator: fn(&[u8], usize) -> bool,
        config: regex_automata::hybrid::dfa::Config,
    ) -> Lockstep {
        let regex = Regex::builder()
            .dfa(config)
            .build(pattern)
            .expect("pattern compiles");
        assert!(
            !regex.forward().get_nfa().has_empty(),
            "a lockstep pattern must not match the empty string"
        );
        Lockstep::assemble(regex.forward().clone(), regex.reverse().clone(), separator)
    }

    fn assemble(forward: DFA, reverse: DFA, separator: fn(&[u8], usize) -> bool) -> Lockstep {
        let (f, r) = (forward.clone(), reverse.clone());
        let make: MakeCaches = Box::new(move || (f.create_cache(), r.create_cache()));
        Lockstep {
            forward,
            reverse,
            separator,
            caches: Pool::new(make),
        }
    }

    /// Where `text` may be cut in two for [`Lockstep::find_each`]: the
    /// separator nearest its middle (the walks end together), for texts of
    /// at least `min` bytes.
    pub fn split(&self, text: &str, min: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        if bytes.len() < min {
            return None;
        }
        let mid = bytes.len() / 2;
        (0..mid).find_map(|d| {
            [mid + d, mid - d - 1]
                .into_iter()
                .find(|&i| (self.separator)(bytes, i))
        })
    }

    /// Searches `text` in the stretches `spans` (two, or one with the second
    /// empty): from each stretch's start, a search for the leftmost-first
    /// match that starts at or after the stretch's position and ends in the
    /// stretch; each match `(stretch, start, end)` is handed to `on_match`,
    /// which gives the position of that stretch's next search, past the
    /// match's start (`None`: no more). The two stretches' matches come
    /// interleaved, each stretch's in order.
    pub fn find_each(
        &self,
        text: &str,
        spans: [(usize, usize); 2],
        mut on_match: impl FnMut(usize, usize, usize) -> Option<usize>,
    ) {
        let hay = text.as_bytes();
        let mut guard = self.caches.get();
        let (forward_cache, reverse_cache) = &mut *guard;
        let forward = &self.forward;
        let mut walks = spans.map(|(at, end)| Walk::new(at, end));
        // a full cache is cleared, and the state the other walk holds is
        // lost with it: from then on, the walks go one after the other
        let clears = forward_cache.clear_count();
        'together: {
            for w in &mut walks {
                w.begin(forward, forward_cache, hay);
                if forward_cache.clear_count() != clears {
                    break 'together;
                }
            }
            loop {
                // the two walks side by side while both go on
                while walks[0].live && walks[1].live {
                    let [a, b] = &mut walks;
                    Walk::run_pair(a, b, forward, forward_cache, hay);
                    a.step(forward, forward_cache, hay);
                    if forward_cache.clear_count() != clears {
                        break 'together;
                    }
                    b.step(forward, forward_cache, hay);
                    if forward_cache.clear_count() != clears {
                        break 'together;
                    }
                }
                for (k, w) in walks.iter_mut().enumerate() {
                    if !w.live && !w.done {
                        self.settle(k, w, hay, forward_cache, reverse_cache, &mut on_match);
                        if forward_cache.clear_count() != clears {
                            break 'together;
                        }
                    }
                }
                // one walk left goes on alone: the other is done
                match (walks[0].live, walks[1].live) {
                    (true, true) => {}
                    (true, false) => walks[0].run(forward, forward_cache, hay),
                    (false, true) => walks[1].run(forward, forward_cache, hay),
                    (false, false) => return,
                }
            }
        }
        for (k, w) in walks.iter_mut().enumerate() {
            // the search in progress starts over
            w.begin(forward, forward_cache, hay);
            while w.live {
                w.run(forward, forward_cache, hay);
                self.settle(k, w, hay, forward_cache, reverse_cache, &mut on_match);
            }
        }
    }

    /// Hands the match a walk found to `on_match` and begins the walk's
    /// next search, or ends the walk.
    fn settle(
        &self,
        k: usize,
        w: &mut Walk,
        hay: &[u8],
        forward_cache: &mut Cache,
        reverse_cache: &mut Cache,
        on_match: &mut impl FnMut(usize, usize, usize) -> Option<usize>,
    ) {
        let Some(end) = w.found else {
            w.done = true;
            return;
        };
        // the start: the reverse automaton, anchored at the end, as
        // `Regex::find_at` finds it
        let back = Input::new(hay).range(w.at..end).anchored(Anchored::Yes);
        let start = self
            .reverse
            .try_search_rev(reverse_cache, &back)
            .expect("no quit bytes")
            .expect("a forward match has a start")
            .offset();
        let next = on_match(k, start, end);
        assert!(next.is_none_or(|n| n > start), "a search must move on");
        match next {
            Some(next) if next <= w.end => {
                w.at = next;
                w.begin(&self.forward, forward_cache, hay);
            }
            _ => w.done = true,
        }
    }
}

/// One forward search in a stretch, a byte at a time: the steps of
/// `hybrid::search::find_fwd` (leftmost-first: go on after a match until
/// the automaton dies).
struct Walk {
    /// Where the search started, and the end of the stretch.
    at: usize,
    end: usize,
    /// The next byte to read and the state before it.
    pos: usize,
    state: LazyStateID,
    /// The end of the last match seen.
    found: Option<usize>,
    /// The search goes on.
    live: bool,
    /// The stretch has no more matches.
    done: bool,
}

impl Walk {
    fn new(at: usize, end: usize) -> Walk {
        Walk {
            at,
            end,
            pos: at,
            state: LazyStateID::default(),
            found: None,
            live: false,
            done: at >= end,
        }
    }

    fn begin(&mut self, dfa: &DFA, cache: &mut Cache, hay: &[u8]) {
        if self.done {
            return;
        }
        let input = Input::new(hay).range(self.at..self.end);
        self.state = dfa
            .start_state_forward(cache, &input)
            .expect("no quit bytes");
        self.pos = self.at;
        self.found = None;
        self.live = true;
    }

    #[inline(always)]
    fn step(&mut self, dfa: &DFA, cache: &mut Cache, hay: &[u8]) {
        if self.pos < self.end {
            self.state = dfa
                .next_state(cache, self.state, hay[self.pos])
                .expect("the cache does not give up");
            if self.state.is_tagged() {
                if self.state.is_match() {
                    // matches show one byte late: this one ended before `pos`
                    self.found = Some(self.pos);
                } else if self.state.is_dead() {
                    self.live = false;
                    return;
                } else {
                    assert!(!self.state.is_quit(), "no quit bytes");
                }
            }
            self.pos += 1;
        } else {
            // the end of the stretch: the byte after it, or the end of the
            // text, settles a match that ends there (`\b`)
            let last = match hay.get(self.end) {
                Some(&b) => dfa.next_state(cache, self.state, b),
                None => dfa.next_eoi_state(cache, self.state),
            }
            .expect("the cache does not give up");
            if last.is_match() {
                self.found = Some(self.end);
            }
            self.live = false;
        }
    }

    /// Steps `a` and `b` together, with their states in registers, while
    /// both stay in plain states (no match, not dead, already computed) and
    /// inside their stretches; [`Walk::step`] takes the next byte of each.
    #[inline(always)]
    fn run_pair(a: &mut Walk, b: &mut Walk, dfa: &DFA, cache: &Cache, hay: &[u8]) {
        let (mut sa, mut pa, ea) = (a.state, a.pos, a.end);
        let (mut sb, mut pb, eb) = (b.state, b.pos, b.end);
        if sa.is_tagged() || sb.is_tagged() {
            return;
        }
        while pa < ea && pb < eb {
            let na = dfa.next_state_untagged(cache, sa, hay[pa]);
            let nb = dfa.next_state_untagged(cache, sb, hay[pb]);
            if na.is_tagged() || nb.is_tagged() {
                break;
            }
            (sa, pa, sb, pb) = (na, pa + 1, nb, pb + 1);
        }
        (a.state, a.pos, b.state, b.pos) = (sa, pa, sb, pb);
    }

    /// Steps alone until the search ends.
    fn run(&mut self, dfa: &DFA, cache: &mut Cache, hay: &[u8]) {
        while self.live {
            let (mut state, mut pos) = (self.state, self.pos);
            while pos < self.end && !state.is_tagged() {
                let next = dfa.next_state_untagged(cache, state, hay[pos]);
                if next.is_tagged() {
                    break;
                }
                (state, pos) = (next, pos + 1);
            }
            (self.state, self.pos) = (state, pos);
            self.step(dfa, cache, hay);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Word boundaries on both sides, alternatives where leftmost-first
    /// prefers the shorter, and a match that needs the byte after it.
    const PATTERN: &str = r"(?i)(?-u:\b)(?:ab|abc|b+)(?-u:\b)|[0-9]+(?:\.[0-9]+)?";

    /// `;`, and `x`, which no match holds but which, glued to one, keeps
    /// its `\b` from matching: a stretch that ends before an `x` must read
    /// it, not the end of the text, to settle a match there.
    fn separator(bytes: &[u8], i: usize) -> bool {
        matches!(bytes[i], b';' | b'x')
    }

    /// What `Regex::find_at` finds in the whole text, from each stretch's
    /// start on, that ends in the stretch.
    fn expected(regex: &Regex, text: &str, (mut at, end): (usize, usize)) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        while let Some(m) = regex.find_at(text, at).filter(|m| m.end() <= end) {
            out.push((m.start(), m.end()));
            at = m.end();
        }
        out
    }

    fn found(
        lockstep: &Lockstep,
        text: &str,
        spans: [(usize, usize); 2],
    ) -> [Vec<(usize, usize)>; 2] {
        let mut out = [Vec::new(), Vec::new()];
        lockstep.find_each(text, spans, |k, start, end| {
            out[k].push((start, end));
            Some(end)
        });
        out
    }

    #[test]
    fn finds_in_each_stretch_what_one_search_after_another_finds() {
        let lockstep = Lockstep::new(PATTERN, separator);
        let regex = Regex::new(PATTERN).unwrap();
        let pieces = [
            "ab", "abc", "AB", "b", "bb", "a", " ", "  ", ";", "1", "2.5", ".", "x", "_", "é", "\n",
        ];
        let mut rng = crate::test_rng::Lcg::new(0x5851_f42d_4c95_7f2d);
        for _ in 0..3_000 {
            let text = rng.text(&pieces, 40);
            let len = text.len();
            let whole = expected(&regex, &text, (0, len));
            assert_eq!(
                found(&lockstep, &text, [(0, len), (len, len)]),
                [whole.clone(), vec![]]
            );
            for want in check_cuts(&lockstep, &regex, &text) {
                assert_eq!(want.concat(), whole, "the test's own premise, in {text:?}");
            }
        }
    }

    /// Checks the search cut at each separator of `text` against `regex`;
    /// what each cut should find.
    fn check_cuts(lockstep: &Lockstep, regex: &Regex, text: &str) -> Vec<[Vec<(usize, usize)>; 2]> {
        let len = text.len();
        let cuts = text.match_indices([';', 'x']).map(|(p, _)| p);
        cuts.map(|p| {
            let halves = [(0, p), (p + 1, len)];
            let want = halves.map(|h| expected(regex, text, h));
            assert_eq!(
                found(lockstep, text, halves),
                want,
                "cut at {p} of {text:?}"
            );
            want
        })
        .collect()
    }

    #[test]
    fn finds_the_same_when_the_cache_is_cleared_under_a_walk() {
        // room for a few states only: the cache is cleared over and over,
        // in the middle of both walks
        let config = regex_automata::hybrid::dfa::Config::new()
            .cache_capacity(0)
            .skip_cache_capacity_check(true);
        let lockstep = Lockstep::build(PATTERN, separator, config);
        let regex = Regex::new(PATTERN).unwrap();
        let pieces = ["ab", "abc", "b", " ", ";", "1", "2.5", "x", "é"];
        let mut rng = crate::test_rng::Lcg::new(0x1405_7b7e_f767_814f);
        let mut cleared = 0;
        for _ in 0..500 {
            let text = rng.text(&pieces, 40);
            check_cuts(&lockstep, &regex, &text);
            cleared = lockstep.caches.get().0.clear_count();
        }
        assert!(cleared > 1_000, "the cache was cleared {cleared} times");
    }

    #[test]
    fn cuts_at_the_separator_nearest_the_middle() {
        let lockstep = Lockstep::new(PATTERN, separator);
        assert_eq!(lockstep.split("ab;ab;ab;ab", 4), Some(5));
        assert_eq!(lockstep.split("ab;abababab", 4), Some(2));
        assert_eq!(lockstep.split("abababab;ab", 4), Some(8));
        assert_eq!(lockstep.split("abababababab", 4), None);
        assert_eq!(lockstep.split("a;b", 4), None, "shorter than the least");
    }

    #[test]
    fn a_search_stops_where_its_caller_says() {
        let lockstep = Lockstep::new(PATTERN, separator);
        let text = "1 2 3;4 5 6";
        let mut seen = [Vec::new(), Vec::new()];
        lockstep.find_each(text, [(0, 5), (6, 11)], |k, start, end| {
            seen[k].push(&text[start..end]);
            (k == 1).then_some(end)
        });
        assert_eq!(seen, [vec!["1"], vec!["4", "5", "6"]]);
    }

    #[test]
    #[should_panic(expected = "must not match the empty string")]
    fn a_pattern_that_matches_nothing_is_refused() {
        Lockstep::new(r"[0-9]*", separator);
    }
}
