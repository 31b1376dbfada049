//! Bytes to text.
//!
//! One job: turn the bytes of an input file into a `String`, or refuse a file
//! that is binary. Rules, in order:
//!
//! 1. A UTF-8 byte order mark is stripped and the rest goes on as below.
//! 2. A UTF-16 LE/BE byte order mark decodes the rest as UTF-16; malformed
//!    units become U+FFFD with a warning.
//! 3. NUL bytes making up more than 1 in 64 of the first 8 KiB, or the magic
//!    number of a PNG, JPEG, GIF, PDF, ZIP or gzip file, mean binary:
//!    `Err(DecodeError::Binary)`. Text converted from PDF holds the odd NUL
//!    where a ligature was (`\0nancial`): such a file is text, and decodes
//!    with a warning.
//! 4. Valid UTF-8 is taken as is, so byte offsets into the text are offsets
//!    into the file (CRLF is left alone for the same reason).
//! 5. Otherwise the bytes are Windows-1252 when that is plausible: none of
//!    the bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D (undefined in 1252) occurs, and
//!    the bytes hold fewer valid multi-byte UTF-8 characters than invalid
//!    sequences (many valid ones mean damaged UTF-8, not 1252). Failing that,
//!    invalid UTF-8 is replaced with U+FFFD. Both come with a warning.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::fmt;

/// Bytes of the start of a file searched for NUL.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// Leading bytes of common binary formats.
const MAGIC_NUMBERS: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n",
    b"\xFF\xD8\xFF",
    b"GIF87a",
    b"GIF89a",
    b"%PDF",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    b"\x1F\x8B",
];

/// Bytes that Windows-1252 leaves undefined; their presence rules it out.
const UNDEFINED_IN_1252: &[u8] = &[0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// Warning for text decoded as Windows-1252.
pub const WARN_WINDOWS_1252: &str = "not UTF-8; decoded as Windows-1252";
/// Warning for invalid UTF-8 replaced with U+FFFD.
pub const WARN_NUL: &str = "NUL bytes in text (kept as U+0000)";
pub const WARN_LOSSY_UTF8: &str = "invalid UTF-8 replaced with U+FFFD";

/// Decoded text, with a warning when the bytes were not clean UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text; for valid UTF-8 input, byte for byte the input (minus a BOM).
    pub text: String,
    /// Set when the bytes were not clean: how they were decoded instead.
    pub warning: Option<String>,
}

/// Why a file was not decoded.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or a binary magic number: not a text file.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("binary file (not text), skipped"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes the bytes of a file to text (see the module doc for the rules).
///
/// # Errors
/// [`DecodeError::Binary`] when the bytes are not a text file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_8bit(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(decode_utf16(UTF_16LE, rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(decode_utf16(UTF_16BE, rest));
    }
    decode_8bit(bytes)
}

fn decode_utf16(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        warning: had_errors.then(|| format!("malformed {} replaced with U+FFFD", encoding.name())),
    }
}

/// UTF-8, else Windows-1252 or lossy UTF-8; binary files are refused first.
fn decode_8bit(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if is_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let warning = memchr::memchr(0, bytes).map(|_| WARN_NUL.to_owned());
        return Ok(Decoded {
            text: text.to_owned(),
            warning,
        });
    }
    if is_plausible_1252(bytes) {
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            warning: Some(WARN_WINDOWS_1252.to_owned()),
        });
    }
    Ok(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        warning: Some(WARN_LOSSY_UTF8.to_owned()),
    })
}

/// A file is binary when 1 byte in this many of its head, or more, is NUL.
const BINARY_NUL_RATIO: usize = 64;

fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    let nuls = memchr::memchr_iter(0, head).count();
    (nuls > 0 && nuls * BINARY_NUL_RATIO >= head.len())
        || MAGIC_NUMBERS.iter().any(|m| bytes.starts_with(m))
}

/// Invalid UTF-8 that reads as Windows-1252 rather than as damaged UTF-8.
fn is_plausible_1252(bytes: &[u8]) -> bool {
    if bytes.iter().any(|b| UNDEFINED_IN_1252.contains(b)) {
        return false;
    }
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Lead bytes of multi-byte characters are 0xC0 and up.
        valid_multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid_multibyte < invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes).expect("decodes")
    }

    #[test]
    fn valid_utf8_as_is() {
        let d = ok("Revenue €5.6 billion\r\nup 5%".as_bytes());
        assert_eq!(d.text, "Revenue €5.6 billion\r\nup 5%");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn empty_input() {
        assert_eq!(
            ok(b""),
            Decoded {
                text: String::new(),
                warning: None
            }
        );
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = ok(b"\xEF\xBB\xBFcaf\xC3\xA9");
        assert_eq!(d.text, "café");
        assert_eq!(d.warning, None);
        // After the BOM, invalid bytes follow the ordinary rules.
        assert_eq!(ok(b"\xEF\xBB\xBFcaf\xE9").text, "café");
        assert_eq!(decode(b"\xEF\xBB\xBFa\0b"), Err(DecodeError::Binary));
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("$5 €".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("$5 €".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let d = ok(&bytes);
            assert_eq!(d.text, "$5 €");
            assert_eq!(d.warning, None);
        }
    }

    #[test]
    fn malformed_utf16_warns() {
        // A lone high surrogate, then an odd trailing byte.
        let d = ok(b"\xFF\xFEa\x00\x00\xD8b\x00c");
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}");
        assert!(d.warning.is_some_and(|w| w.contains("UTF-16LE")));
    }

    #[test]
    fn windows_1252() {
        let d = ok(b"caf\xe9 \x80 5");
        assert_eq!(d.text, "café € 5");
        assert_eq!(d.warning.as_deref(), Some(WARN_WINDOWS_1252));
        assert_eq!(
            ok(b"\x93quoted\x94 \x96 dash").text,
            "\u{201C}quoted\u{201D} \u{2013} dash"
        );
    }

    #[test]
    fn undefined_1252_bytes_mean_lossy_utf8() {
        let d = ok(b"abc\x81def\xe9");
        assert_eq!(d.text, "abc\u{FFFD}def\u{FFFD}");
        assert_eq!(d.warning.as_deref(), Some(WARN_LOSSY_UTF8));
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "€1 and €2 and café".as_bytes().to_vec();
        bytes.push(0xFF);
        let d = ok(&bytes);
        assert_eq!(d.text, "€1 and €2 and café\u{FFFD}");
        assert_eq!(d.warning.as_deref(), Some(WARN_LOSSY_UTF8));
    }

    #[test]
    fn binary_files() {
        assert_eq!(decode(b"text\0more"), Err(DecodeError::Binary));
        // sparse NULs (a PDF conversion's lost ligatures) are text
        let mut text = b"reported \0nancial results ".repeat(10);
        text.extend(b"and more text".repeat(100));
        let d = decode(&text).unwrap();
        assert_eq!(d.warning.as_deref(), Some(WARN_NUL));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00"),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b"\x89PNG\r\n\x1a\nIHDR"), Err(DecodeError::Binary));
        assert_eq!(decode(b"%PDF-1.7\n"), Err(DecodeError::Binary));
        assert_eq!(decode(b"PK\x03\x04rest"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x1f\x8b\x08"), Err(DecodeError::Binary));
        assert_eq!(decode(b"GIF89a"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\xFF\xD8\xFF\xE0"), Err(DecodeError::Binary));
        // A NUL beyond the first 8 KiB is not looked for.
        let mut late = vec![b'a'; BINARY_SNIFF_LEN];
        late.push(0);
        assert!(decode(&late).is_ok());
        assert_eq!(
            DecodeError::Binary.to_string(),
            "binary file (not text), skipped"
        );
    }
}
