//! Text encodings: detection from the first bytes and streaming decoding into UTF-8.
//!
//! The single-byte code pages are small tables written here rather than a dependency such as
//! `encoding_rs`, whose full tables would add hundreds of kilobytes to the wasm build for code
//! pages bank exports never use.

/// A text encoding the CSV reader can decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a byte-order mark).
    Utf8,
    /// UTF-16 little-endian.
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// Windows-1252, the superset of ISO-8859-1 (Latin-1) used by Western European exports.
    Windows1252,
    /// Windows-1250, Central European (Czech, Polish, Hungarian, Slovak, Slovenian, Croatian).
    Windows1250,
    /// Windows-1257, Baltic (Lithuanian, Latvian, Estonian).
    Windows1257,
}

impl Encoding {
    /// The label reported in `Dialect::encoding`.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Windows1250 => "windows-1250",
            Encoding::Windows1257 => "windows-1257",
        }
    }

    /// Looks an encoding up by a label as a person or a browser would write it.
    pub fn from_label(label: &str) -> Option<Encoding> {
        let label = label.trim().to_ascii_lowercase().replace('_', "-");
        Some(match label.as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => Encoding::Utf8,
            "utf-16le" | "utf-16" | "ucs-2" | "unicode" => Encoding::Utf16Le,
            "utf-16be" => Encoding::Utf16Be,
            "windows-1252" | "cp1252" | "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1"
            | "l1" | "ascii" | "us-ascii" | "iso-8859-15" | "latin-9" => Encoding::Windows1252,
            "windows-1250" | "cp1250" | "x-cp1250" => Encoding::Windows1250,
            "windows-1257" | "cp1257" | "x-cp1257" => Encoding::Windows1257,
            _ => return None,
        })
    }

    fn table(self) -> Option<&'static [u16; 128]> {
        match self {
            Encoding::Windows1252 => Some(&CP1252),
            Encoding::Windows1250 => Some(&CP1250),
            Encoding::Windows1257 => Some(&CP1257),
            _ => None,
        }
    }
}

/// What [`detect`] decided, and the number of bytes of byte-order mark to skip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    /// The encoding.
    pub encoding: Encoding,
    /// Length of the byte-order mark at the start of the input (0 when none).
    pub bom_len: usize,
    /// Why: a `reason-…` message code (`reason-bom`, `reason-utf8`, …).
    pub reason: &'static str,
}

/// Decides the encoding from the first bytes of a file.
pub fn detect(prefix: &[u8]) -> Detected {
    let found = |encoding, bom_len, reason| Detected {
        encoding,
        bom_len,
        reason,
    };
    if prefix.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return found(Encoding::Utf8, 3, "reason-bom");
    }
    if prefix.starts_with(&[0xFF, 0xFE]) {
        return found(Encoding::Utf16Le, 2, "reason-bom");
    }
    if prefix.starts_with(&[0xFE, 0xFF]) {
        return found(Encoding::Utf16Be, 2, "reason-bom");
    }
    // UTF-16 without a BOM shows up as a NUL in every other byte of ASCII text.
    let sample = &prefix[..prefix.len().min(4096)];
    if sample.len() >= 8 {
        let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd_nuls = sample
            .iter()
            .skip(1)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count();
        let half = sample.len() / 2;
        if odd_nuls * 10 >= half * 9 && even_nuls * 10 < half {
            return found(Encoding::Utf16Le, 0, "reason-utf16-nuls");
        }
        if even_nuls * 10 >= half * 9 && odd_nuls * 10 < half {
            return found(Encoding::Utf16Be, 0, "reason-utf16-nuls");
        }
    }
    match std::str::from_utf8(prefix) {
        Ok(_) => return found(Encoding::Utf8, 0, "reason-utf8"),
        // A multi-byte character cut at the end of the prefix is still UTF-8.
        Err(error) if error.error_len().is_none() => {
            return found(Encoding::Utf8, 0, "reason-utf8")
        }
        Err(_) => {}
    }
    // Mostly valid UTF-8 with a few broken bytes is damaged UTF-8, not a code page.
    let (valid, invalid) = utf8_balance(prefix);
    if valid > 0 && invalid <= valid * 4 {
        return found(Encoding::Utf8, 0, "reason-mostly-utf8");
    }
    // Accented letters of the Latin code pages sit at 0xC0 and above; bytes that are only ever
    // in 0x80–0xBF are the tails of UTF-8 characters whose first byte was lost.
    if !prefix.iter().any(|&b| b >= 0xC0) {
        return found(Encoding::Utf8, 0, "reason-damaged-utf8");
    }
    let mut best = (Encoding::Windows1252, i64::MIN);
    for candidate in [
        Encoding::Windows1252,
        Encoding::Windows1250,
        Encoding::Windows1257,
    ] {
        let score = score_single_byte(prefix, candidate);
        if score > best.1 {
            best = (candidate, score);
        }
    }
    found(best.0, 0, "reason-code-page")
}

/// Counts multi-byte UTF-8 sequences that decode and bytes that do not.
fn utf8_balance(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                valid += text.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(error) => {
                let (good, bad) = rest.split_at(error.valid_up_to());
                valid += std::str::from_utf8(good)
                    .map_or(0, |text| text.chars().filter(|c| !c.is_ascii()).count());
                match error.error_len() {
                    Some(len) => {
                        invalid += len;
                        rest = &bad[len..];
                    }
                    None => return (valid, invalid),
                }
            }
        }
    }
}

/// Words that appear in bank exports and contain letters that differ between the code pages.
const WORDS_1252: &[&str] = &[
    "währung",
    "empfänger",
    "empfängername",
    "umsätze",
    "überweisung",
    "gebühr",
    "prämie",
    "beløb",
    "beløp",
    "débit",
    "crédit",
    "libellé",
    "opération",
    "référence",
    "initiërende",
    "für",
    "gebühren",
    "zahlungsempfänger",
    "bokföringsdatum",
    "insättning",
    "summa",
    "kontohavare",
    "dépense",
    "date de l'opération",
    "descripción",
    "operación",
    "número",
    "código",
    "saldo",
];
const WORDS_1250: &[&str] = &[
    "částka",
    "účtu",
    "účet",
    "zaúčtování",
    "zaúčtovaná",
    "provedení",
    "protiúčtu",
    "název",
    "zpráva",
    "měna",
    "původní",
    "poznámka",
    "číslo",
    "transakce",
    "spořitelna",
    "položka",
    "bankovní",
    "spojení",
    "variabilní",
    "konstantní",
    "specifický",
    "příjemce",
    "kwota",
    "księgowania",
    "tytuł",
    "összeg",
    "dátum",
    "közlemény",
    "részletek",
    "kiadás",
    "bevétel",
    "pohyby",
    "splatnosti",
    "klientská",
    "referenční",
    "platba",
    "jednorázová",
];
const WORDS_1257: &[&str] = &[
    "paslaugų",
    "už",
    "lėšų",
    "mokėjimo",
    "sąskaitos",
    "gavėjas",
    "paaiškinimai",
    "komisinių",
    "užsienio",
    "mokesčiai",
    "pradinė",
    "dokumento",
    "įrašo",
    "įmokos",
    "mokėtojas",
    "likutis",
    "pradžiai",
    "pabaigai",
    "gavėjo",
    "kliento",
    "atskaitymo",
    "administravimą",
    "mokestis",
];

/// Scores how well `bytes` read as `encoding`: whole words a bank export would contain count
/// most, then letters (which a wrong code page turns into symbols or rare letters).
fn score_single_byte(bytes: &[u8], encoding: Encoding) -> i64 {
    let Some(table) = encoding.table() else {
        return i64::MIN;
    };
    let sample = &bytes[..bytes.len().min(16 * 1024)];
    let mut text = String::with_capacity(sample.len());
    let mut score: i64 = 0;
    for &byte in sample {
        if byte < 0x80 {
            text.push(char::from(byte));
            continue;
        }
        let c = char::from_u32(u32::from(table[usize::from(byte - 0x80)])).unwrap_or('\u{FFFD}');
        text.push(c);
        score += if c.is_alphabetic() {
            if is_rare_letter(c) {
                0
            } else {
                1
            }
        } else if c == '\u{A0}' || c == '€' || c == '£' || c == '°' {
            0
        } else {
            -3
        };
    }
    let words = match encoding {
        Encoding::Windows1250 => WORDS_1250,
        Encoding::Windows1257 => WORDS_1257,
        _ => WORDS_1252,
    };
    let lower = text.to_lowercase();
    for word in lower.split(|c: char| !c.is_alphabetic()) {
        if !word.is_ascii() && words.contains(&word) {
            score += 20;
        }
    }
    score
}

/// Letters a wrong code page tends to produce that real bank text rarely contains.
fn is_rare_letter(c: char) -> bool {
    matches!(
        c,
        'þ' | 'Þ'
            | 'ð'
            | 'Ð'
            | 'ĺ'
            | 'Ĺ'
            | 'ŕ'
            | 'Ŕ'
            | 'ţ'
            | 'Ţ'
            | 'ă'
            | 'Ă'
            | 'ƒ'
            | 'ˇ'
            | '˘'
            | '˝'
            | '˙'
            | '¸'
            | 'Ĳ'
    )
}

/// A streaming decoder into UTF-8 that carries partial characters between chunks.
#[derive(Clone, Debug)]
pub struct Decoder {
    encoding: Encoding,
    /// A UTF-16 code unit cut in half by a chunk boundary.
    pending_byte: Option<u8>,
    /// A high surrogate waiting for its low half.
    pending_surrogate: Option<u16>,
    /// Bytes decoded as U+FFFD so far (UTF-16 and code pages; UTF-8 is counted per record).
    pub replaced: u64,
}

impl Decoder {
    /// A decoder for `encoding`.
    pub fn new(encoding: Encoding) -> Self {
        Decoder {
            encoding,
            pending_byte: None,
            pending_surrogate: None,
            replaced: 0,
        }
    }

    /// True when the input is UTF-8 and can be passed through without copying.
    pub fn is_passthrough(&self) -> bool {
        self.encoding == Encoding::Utf8
    }

    /// Decodes `input` and appends UTF-8 to `out`. For UTF-8 input the bytes are copied as they
    /// are (they are validated per record later).
    pub fn decode(&mut self, input: &[u8], out: &mut Vec<u8>) {
        match self.encoding {
            Encoding::Utf8 => out.extend_from_slice(input),
            Encoding::Utf16Le | Encoding::Utf16Be => self.decode_utf16(input, out),
            single_byte => {
                let table = single_byte.table().unwrap_or(&CP1252);
                out.reserve(input.len() + input.len() / 8);
                for &byte in input {
                    if byte < 0x80 {
                        out.push(byte);
                    } else {
                        let code = table[usize::from(byte - 0x80)];
                        if code == 0xFFFD {
                            self.replaced += 1;
                        }
                        push_char(out, u32::from(code));
                    }
                }
            }
        }
    }

    /// Flushes a dangling half character at the end of the input.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        if self.pending_byte.take().is_some() {
            self.replaced += 1;
            push_char(out, 0xFFFD);
        }
        if self.pending_surrogate.take().is_some() {
            self.replaced += 2;
            push_char(out, 0xFFFD);
        }
    }

    fn decode_utf16(&mut self, input: &[u8], out: &mut Vec<u8>) {
        let little = self.encoding == Encoding::Utf16Le;
        let mut bytes = input;
        out.reserve(input.len());
        if let Some(first) = self.pending_byte.take() {
            match bytes.split_first() {
                Some((&second, rest)) => {
                    let unit = if little {
                        u16::from_le_bytes([first, second])
                    } else {
                        u16::from_be_bytes([first, second])
                    };
                    self.unit(unit, out);
                    bytes = rest;
                }
                None => {
                    self.pending_byte = Some(first);
                    return;
                }
            }
        }
        let mut pairs = bytes.chunks_exact(2);
        for pair in &mut pairs {
            let unit = if little {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            };
            self.unit(unit, out);
        }
        if let [last] = pairs.remainder() {
            self.pending_byte = Some(*last);
        }
    }

    fn unit(&mut self, unit: u16, out: &mut Vec<u8>) {
        if let Some(high) = self.pending_surrogate.take() {
            if (0xDC00..0xE000).contains(&unit) {
                let code =
                    0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                push_char(out, code);
                return;
            }
            self.replaced += 2;
            push_char(out, 0xFFFD);
        }
        match unit {
            0xD800..=0xDBFF => self.pending_surrogate = Some(unit),
            0xDC00..=0xDFFF => {
                self.replaced += 2;
                push_char(out, 0xFFFD);
            }
            _ => push_char(out, u32::from(unit)),
        }
    }
}

fn push_char(out: &mut Vec<u8>, code: u32) {
    let c = char::from_u32(code).unwrap_or('\u{FFFD}');
    let mut buffer = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
}

/// Decodes UTF-8 bytes, replacing invalid sequences with U+FFFD, and returns how many bytes
/// were replaced.
pub fn utf8_lossy(bytes: &[u8], out: &mut String) -> u64 {
    let mut replaced = 0u64;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                return replaced;
            }
            Err(error) => {
                let (good, bad) = rest.split_at(error.valid_up_to());
                // `good` was just validated by `from_utf8`.
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push('\u{FFFD}');
                let len = error.error_len().unwrap_or(bad.len()).max(1);
                replaced += len as u64;
                rest = &bad[len.min(bad.len())..];
            }
        }
    }
}

/// How many bytes of `bytes` are not valid UTF-8.
pub fn count_invalid_utf8(bytes: &[u8]) -> u64 {
    match std::str::from_utf8(bytes) {
        Ok(_) => 0,
        Err(_) => {
            let mut sink = String::new();
            utf8_lossy(bytes, &mut sink)
        }
    }
}

#[rustfmt::skip]
static CP1252: [u16; 128] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
];

#[rustfmt::skip]
static CP1250: [u16; 128] = [
    0x20AC, 0xFFFD, 0x201A, 0xFFFD, 0x201E, 0x2026, 0x2020, 0x2021,
    0xFFFD, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0xFFFD, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A,
    0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,
    0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C,
    0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
    0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
    0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,
    0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,
    0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
    0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
    0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,
    0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
];

#[rustfmt::skip]
static CP1257: [u16; 128] = [
    0x20AC, 0xFFFD, 0x201A, 0xFFFD, 0x201E, 0x2026, 0x2020, 0x2021,
    0xFFFD, 0x2030, 0xFFFD, 0x2039, 0xFFFD, 0x00A8, 0x02C7, 0x00B8,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0xFFFD, 0x2122, 0xFFFD, 0x203A, 0xFFFD, 0x00AF, 0x02DB, 0xFFFD,
    0x00A0, 0xFFFD, 0x00A2, 0x00A3, 0x00A4, 0xFFFD, 0x00A6, 0x00A7,
    0x00D8, 0x00A9, 0x0156, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00C6,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00F8, 0x00B9, 0x0157, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00E6,
    0x0104, 0x012E, 0x0100, 0x0106, 0x00C4, 0x00C5, 0x0118, 0x0112,
    0x010C, 0x00C9, 0x0179, 0x0116, 0x0122, 0x0136, 0x012A, 0x013B,
    0x0160, 0x0143, 0x0145, 0x00D3, 0x014C, 0x00D5, 0x00D6, 0x00D7,
    0x0172, 0x0141, 0x015A, 0x016A, 0x00DC, 0x017B, 0x017D, 0x00DF,
    0x0105, 0x012F, 0x0101, 0x0107, 0x00E4, 0x00E5, 0x0119, 0x0113,
    0x010D, 0x00E9, 0x017A, 0x0117, 0x0123, 0x0137, 0x012B, 0x013C,
    0x0161, 0x0144, 0x0146, 0x00F3, 0x014D, 0x00F5, 0x00F6, 0x00F7,
    0x0173, 0x0142, 0x015B, 0x016B, 0x00FC, 0x017C, 0x017E, 0x02D9,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(encoding: Encoding, bytes: &[u8]) -> String {
        let mut decoder = Decoder::new(encoding);
        let mut out = Vec::new();
        for chunk in bytes.chunks(1) {
            decoder.decode(chunk, &mut out);
        }
        decoder.finish(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn code_pages_decode_their_letters() {
        assert_eq!(decode_all(Encoding::Windows1252, b"Caf\xE9 \x80"), "Café €");
        assert_eq!(decode_all(Encoding::Windows1250, b"\xC8\xE1stka"), "Částka");
        assert_eq!(decode_all(Encoding::Windows1257, b"u\xFE"), "už");
    }

    #[test]
    fn utf16_survives_any_chunking_and_surrogates() {
        let text = "Datum;Betrag €;😀\n";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let detected = detect(&bytes);
        assert_eq!(detected.encoding, Encoding::Utf16Le);
        assert_eq!(decode_all(Encoding::Utf16Le, &bytes[2..]), text);
        let mut decoder = Decoder::new(Encoding::Utf16Le);
        let mut out = Vec::new();
        decoder.decode(&[0x3D, 0xD8], &mut out);
        decoder.finish(&mut out);
        assert_eq!(decoder.replaced, 2);
    }

    #[test]
    fn detection_prefers_the_code_page_whose_words_match() {
        assert_eq!(
            detect(b"Datum;Z\xE1\xE8tov\xE1n\xED;\xC8\xE1stka\n").encoding,
            Encoding::Windows1250
        );
        assert_eq!(
            detect(b"Buchung;W\xE4hrung;Empf\xE4nger\n").encoding,
            Encoding::Windows1252
        );
        assert_eq!(
            detect(b"Paslaug\xF8 u\xFE mok\xEBjimo\n").encoding,
            Encoding::Windows1257
        );
        assert_eq!(detect("Währung".as_bytes()).encoding, Encoding::Utf8);
        assert_eq!(detect(b"\xEF\xBB\xBFa").bom_len, 3);
    }

    #[test]
    fn lossy_utf8_counts_replaced_bytes() {
        let mut out = String::new();
        assert_eq!(utf8_lossy(b"a\xFFb\xC3", &mut out), 2);
        assert_eq!(out, "a\u{FFFD}b\u{FFFD}");
    }
}
