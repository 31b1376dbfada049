//! Short strings kept on the stack: values formatted or keys built for
//! every figure (a period's label, a number's decimal digits, a lower-case
//! lookup key) without an allocation each.

use std::fmt;

/// Up to `N` bytes of text, written with `write!`; a write past `N` fails.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ShortStr<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> ShortStr<N> {
    pub(crate) fn new() -> Self {
        ShortStr {
            bytes: [0; N],
            len: 0,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("written from strs")
    }

    /// Lower-cases the ASCII letters (the text stays UTF-8: only ASCII
    /// bytes change).
    pub(crate) fn make_ascii_lowercase(&mut self) {
        self.bytes[..self.len].make_ascii_lowercase();
    }
}

impl<const N: usize> fmt::Write for ShortStr<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    #[test]
    fn holds_what_fits_and_refuses_the_rest() {
        let mut s = ShortStr::<8>::new();
        let quarter = 4;
        assert!(write!(s, "Q{quarter} FY").is_ok());
        assert_eq!(s.as_str(), "Q4 FY");
        assert!(write!(s, "2016").is_err());
        // a piece that does not fit is refused whole (pieces of the same
        // `write!` written before it stay)
        assert_eq!(s.as_str(), "Q4 FY");
        assert!(write!(s, "é").is_ok());
        assert_eq!(s.as_str(), "Q4 FYé");
        s.make_ascii_lowercase();
        assert_eq!(s.as_str(), "q4 fyé");
    }
}
