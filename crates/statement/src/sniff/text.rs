//! Byte-to-text decoding shared by the structured readers.
//!
//! The structured formats declare their encoding (OFX `CHARSET:`, XML `encoding=`) but the
//! declaration is often wrong, so the bytes decide first: valid UTF-8 is read as UTF-8, a BOM
//! wins over everything, and only bytes that are not UTF-8 fall back to the declared single-byte
//! charset (or windows-1252, the usual culprit). Only the few encodings bank exports use are
//! supported, which keeps the wasm small.

use std::borrow::Cow;

/// Text decoded from a file, with the encoding that was used.
pub(crate) struct Decoded<'a> {
    /// The decoded text, without a BOM.
    pub text: Cow<'a, str>,
    /// The label of the encoding used (`utf-8`, `windows-1252`, …).
    pub encoding: &'static str,
    /// Bytes that could not be decoded and became U+FFFD.
    pub replaced: u64,
}

/// The encodings the structured readers can decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
    Latin9,
}

impl Encoding {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Latin9 => "iso-8859-15",
        }
    }

    /// The encoding a label names, or `None` for labels this crate cannot decode. Latin-1 and
    /// ASCII map to windows-1252 as browsers do, because files labelled so usually are.
    pub(crate) fn from_label(label: &str) -> Option<Encoding> {
        let label = label.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
        let label = label.as_str();
        Some(match label {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => Encoding::Utf8,
            "utf-16le" | "utf-16" | "unicode" | "ucs-2" => Encoding::Utf16Le,
            "utf-16be" => Encoding::Utf16Be,
            "1252" | "cp1252" | "windows-1252" | "win-1252" | "x-cp1252" | "usascii"
            | "us-ascii" | "ascii" | "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1"
            | "iso_8859-1" | "8859-1" | "l1" | "none" | "ansi" => Encoding::Windows1252,
            "iso-8859-15" | "iso8859-15" | "latin9" | "latin-9" | "8859-15" => Encoding::Latin9,
            _ => return None,
        })
    }
}

/// Decodes `bytes`. `forced` (from the hints) wins when it names a known encoding; `declared`
/// (from the file) is used only when the bytes are not UTF-8.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    declared: Option<&str>,
    forced: Option<&str>,
) -> Decoded<'a> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_as(rest, Encoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_as(rest, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_as(rest, Encoding::Utf16Be);
    }
    if let Some(encoding) = forced.and_then(Encoding::from_label) {
        return decode_as(bytes, encoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: "utf-8",
            replaced: 0,
        };
    }
    if let Some(unicode) = utf16_without_bom(bytes) {
        return decode_as(bytes, unicode);
    }
    let fallback = match declared.and_then(Encoding::from_label) {
        Some(Encoding::Latin9) => Encoding::Latin9,
        _ => Encoding::Windows1252,
    };
    decode_as(bytes, fallback)
}

/// UTF-16 without a BOM shows as a NUL in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 9 && even_nul == 0 {
        Some(Encoding::Utf16Le)
    } else if even_nul * 10 >= pairs * 9 && odd_nul == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Decodes `bytes` with a given encoding.
pub(crate) fn decode_as(bytes: &[u8], encoding: Encoding) -> Decoded<'_> {
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: Cow::Borrowed(text),
                encoding: "utf-8",
                replaced: 0,
            },
            Err(_) => {
                let (text, replaced) = lossy_utf8(bytes);
                Decoded {
                    text: Cow::Owned(text),
                    encoding: "utf-8",
                    replaced,
                }
            }
        },
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let units = bytes.chunks_exact(2).map(|pair| {
                if encoding == Encoding::Utf16Le {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            });
            let mut replaced = (bytes.len() % 2) as u64;
            let mut text = String::with_capacity(bytes.len() / 2);
            for unit in char::decode_utf16(units) {
                match unit {
                    Ok(c) => text.push(c),
                    Err(_) => {
                        replaced += 1;
                        text.push('\u{FFFD}');
                    }
                }
            }
            Decoded {
                text: Cow::Owned(text),
                encoding: encoding.label(),
                replaced,
            }
        }
        Encoding::Windows1252 | Encoding::Latin9 => {
            let text: String = bytes.iter().map(|&b| single_byte(b, encoding)).collect();
            Decoded {
                text: Cow::Owned(text),
                encoding: encoding.label(),
                replaced: 0,
            }
        }
    }
}

fn lossy_utf8(mut bytes: &[u8]) -> (String, u64) {
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                text.push_str(rest);
                return (text, replaced);
            }
            Err(error) => {
                let (valid, after) = bytes.split_at(error.valid_up_to());
                // Safe to unwrap: from_utf8 just said this prefix is valid.
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                text.push('\u{FFFD}');
                let skip = error.error_len().unwrap_or(after.len());
                replaced += skip as u64;
                bytes = &after[skip..];
            }
        }
    }
}

const WINDOWS_1252_HIGH: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

fn single_byte(byte: u8, encoding: Encoding) -> char {
    let code = match (encoding, byte) {
        (Encoding::Windows1252, 0x80..=0x9F) => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        (Encoding::Latin9, 0xA4) => 0x20AC,
        (Encoding::Latin9, 0xA6) => 0x0160,
        (Encoding::Latin9, 0xA8) => 0x0161,
        (Encoding::Latin9, 0xB4) => 0x017D,
        (Encoding::Latin9, 0xB8) => 0x017E,
        (Encoding::Latin9, 0xBC) => 0x0152,
        (Encoding::Latin9, 0xBD) => 0x0153,
        (Encoding::Latin9, 0xBE) => 0x0178,
        _ => u16::from(byte),
    };
    char::from_u32(u32::from(code)).unwrap_or('\u{FFFD}')
}

/// Trims and collapses every run of whitespace (and control characters) to one space.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Joins description parts with ` / `, skipping empty parts and parts already contained in an
/// earlier one (banks often repeat the payee inside the memo).
pub(crate) fn join_description<S: AsRef<str>>(parts: &[S]) -> String {
    let mut kept: Vec<String> = Vec::new();
    for part in parts {
        let part = collapse_whitespace(part.as_ref());
        if part.is_empty() {
            continue;
        }
        let lower = part.to_lowercase();
        if kept.iter().any(|k| k.to_lowercase().contains(&lower)) {
            continue;
        }
        // A later, longer part that contains an earlier one (a truncated NAME inside MEMO)
        // replaces it.
        kept.retain(|k| !lower.contains(&k.to_lowercase()));
        kept.push(part);
    }
    kept.join(" / ")
}

/// Adds one error when the file had entries but none could be read, so the person is never left
/// with an empty result and only warnings.
/// `what` is the term naming the file's entries (`entries`, `records`, `transactions`).
pub(crate) fn report_nothing_read(statement: &mut crate::Statement, what: &'static str) {
    if !statement.transactions.is_empty() {
        return;
    }
    let skipped = statement
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::Severity::Warning && d.message.contains("skipped"))
        .count();
    if skipped > 0 {
        statement.diagnostics.push(crate::Diagnostic::new(
            crate::Severity::Error,
            "nothing-read",
            crate::Args::new()
                .count("skipped", skipped)
                .term("entries", what),
        ));
    }
}

/// The number of minor-unit digits of an ISO 4217 currency (2 unless known otherwise).
pub(crate) fn currency_scale(currency: Option<&str>) -> u8 {
    match currency.unwrap_or("") {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

/// Parses a plain decimal amount: optional sign, digits, at most one decimal mark (`.` or, when
/// `comma_decimal`, `,`), and thousands separators of the other kind. The result carries at
/// least the currency's scale. `None` when it is not such a number or does not fit.
pub(crate) fn parse_decimal(
    text: &str,
    comma_decimal: bool,
    currency: Option<&str>,
) -> Option<crate::Amount> {
    let text = text.trim();
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, text[1..].trim_start()),
        b'+' => (false, text[1..].trim_start()),
        _ => (false, text),
    };
    let (decimal, thousands) = if comma_decimal {
        (',', '.')
    } else {
        ('.', ',')
    };
    let (whole, fraction) = match digits.rfind(decimal) {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits, ""),
    };
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole: String = whole
        .chars()
        .filter(|&c| c != thousands && c != ' ' && c != '\'')
        .collect();
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > 18 {
        return None;
    }
    let mut minor: i64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        minor = minor.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    let amount = crate::Amount::new(if negative { -minor } else { minor }, fraction.len() as u8);
    let scale = currency_scale(currency);
    if amount.scale < scale {
        amount.rescale(scale)
    } else {
        Some(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_every_digit() {
        let amount = |t, comma| parse_decimal(t, comma, Some("EUR"));
        assert_eq!(
            amount("-1,000.00", false),
            Some(crate::Amount::new(-100000, 2))
        );
        assert_eq!(amount("300,", true), Some(crate::Amount::new(30000, 2)));
        assert_eq!(amount("0,", true), Some(crate::Amount::new(0, 2)));
        assert_eq!(
            amount("1.12345", false),
            Some(crate::Amount::new(112345, 5))
        );
        assert_eq!(amount("-0", false), Some(crate::Amount::new(0, 2)));
        assert_eq!(amount("1e309", false), None);
        assert_eq!(amount("99999999999999999999", false), None);
        assert_eq!(
            parse_decimal("2700", false, Some("JPY")),
            Some(crate::Amount::new(2700, 0))
        );
    }

    #[test]
    fn descriptions_drop_repeats() {
        assert_eq!(
            join_description(&["DIVIDEND EARNED", "DIVIDEND EARNED FOR 03"]),
            "DIVIDEND EARNED FOR 03"
        );
        assert_eq!(
            join_description(&["PRUNE   NEW YORK", "", "7101466 RESTAURANT"]),
            "PRUNE NEW YORK / 7101466 RESTAURANT"
        );
    }

    #[test]
    fn utf8_wins_over_a_wrong_declaration() {
        let decoded = decode("Café".as_bytes(), Some("1252"), None);
        assert_eq!(decoded.text, "Café");
        assert_eq!(decoded.encoding, "utf-8");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let decoded = decode(b"Caf\xE9 \x80", Some("USASCII"), None);
        assert_eq!(decoded.text, "Café €");
        assert_eq!(decoded.encoding, "windows-1252");
    }

    #[test]
    fn bom_decides_utf16() {
        let decoded = decode(b"\xFF\xFEa\0b\0", None, None);
        assert_eq!(decoded.text, "ab");
        assert_eq!(decoded.encoding, "utf-16le");
    }

    #[test]
    fn forced_utf8_counts_replaced_bytes() {
        let decoded = decode(b"a\xFF\xFEb", None, Some("utf-8"));
        assert_eq!(decoded.text, "a\u{FFFD}\u{FFFD}b");
        assert_eq!(decoded.replaced, 2);
    }
}
