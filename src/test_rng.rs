//! A fixed pseudo-random sequence for tests that generate many inputs: the
//! same inputs on every run, so that a failure can be replayed.

/// A linear congruential generator.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (self.0 >> 33) as usize % n
    }

    /// Up to `most - 1` of `pieces`, joined.
    pub fn text(&mut self, pieces: &[&str], most: usize) -> String {
        let len = self.below(most);
        (0..len).map(|_| pieces[self.below(pieces.len())]).collect()
    }
}
