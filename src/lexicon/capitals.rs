//! Where the ASCII capitals of a text are, found eight bytes at a time.
//!
//! Almost every listed company name opens with a capital, and capitals are a
//! few bytes in a hundred of business text: walking the names' automaton only
//! from them skips the rest of the text, which a byte-at-a-time automaton
//! would read at a nanosecond or two per byte.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII capital (`A`-`Z`).
fn mask(x: u64) -> u64 {
    // with the top bit cleared no byte sum below carries into the next byte
    let low = x & !HIGH;
    let from_a = low + ONES * u64::from(0x80 - b'A');
    let past_z = low + ONES * u64::from(0x80 - b'Z' - 1);
    from_a & !past_z & !x & HIGH
}

/// The positions of the ASCII capitals of `bytes` from `from` on, in order.
pub fn positions(bytes: &[u8], from: usize) -> Capitals<'_> {
    Capitals {
        bytes,
        chunk: from - from % 8,
        bits: 0,
        from,
    }
    .started()
}

pub struct Capitals<'a> {
    bytes: &'a [u8],
    /// Start of the chunk `bits` describes.
    chunk: usize,
    /// The capitals of that chunk not given out yet, as high bits.
    bits: u64,
    from: usize,
}

impl Capitals<'_> {
    fn load(&self, at: usize) -> u64 {
        match self.bytes.get(at..at + 8) {
            Some(b) => u64::from_le_bytes(b.try_into().expect("eight bytes")),
            None => {
                // the last, short chunk, padded with bytes that are no capital
                let mut b = [0u8; 8];
                let rest = self.bytes.get(at..).unwrap_or(&[]);
                b[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(b)
            }
        }
    }

    fn started(mut self) -> Self {
        if self.chunk < self.bytes.len() {
            // the bytes of the first chunk before `from` are not given out
            let skip = (self.from - self.chunk) * 8;
            self.bits = mask(self.load(self.chunk)) & (u64::MAX << skip);
        }
        self
    }
}

impl Iterator for Capitals<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.chunk += 8;
            if self.chunk >= self.bytes.len() {
                return None;
            }
            self.bits = mask(self.load(self.chunk));
        }
        let at = self.chunk + self.bits.trailing_zeros() as usize / 8;
        self.bits &= self.bits - 1;
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Lcg;

    fn expected(bytes: &[u8], from: usize) -> Vec<usize> {
        (from..bytes.len())
            .filter(|&i| bytes[i].is_ascii_uppercase())
            .collect()
    }

    #[test]
    fn finds_each_capital_once_in_order() {
        let cases: &[&[u8]] = &[
            b"",
            b"A",
            b"a",
            b"AWS and Azure",
            b"@[`{ AZ az \x7f\xc1\xda\xff",
            "Ørsted ÅBB Zürich".as_bytes(),
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        ];
        for bytes in cases {
            for from in 0..=bytes.len() {
                let got: Vec<usize> = positions(bytes, from).collect();
                assert_eq!(got, expected(bytes, from), "{bytes:?} from {from}");
            }
        }
    }

    #[test]
    fn agrees_with_a_byte_scan_on_generated_texts() {
        let mut rng = Lcg::new(17);
        for _ in 0..5_000 {
            let len = rng.below(40);
            // every byte value, capitals and their neighbours more often
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.below(4) {
                    0 => b'@' + rng.below(28) as u8,
                    1 => rng.below(256) as u8,
                    _ => b'a' + rng.below(26) as u8,
                })
                .collect();
            let from = rng.below(len + 1);
            let got: Vec<usize> = positions(&bytes, from).collect();
            assert_eq!(got, expected(&bytes, from), "{bytes:?} from {from}");
        }
    }
}
