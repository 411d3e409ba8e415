//! Decides a file's format from its first bytes, never from its name.
//!
//! Binary containers (PDF, ZIP/XLSX, OLE/XLS, images) and other text formats the readers do not
//! support (HTML, CODA, JSON) are recognised first so they get an error that names what the
//! file is and which export to choose instead. Then the structured formats are tried, each by a
//! signature that ordinary CSV cannot have; CSV is the last resort.

pub(crate) mod text;

use crate::{Args, Format, ReadError};

/// Decides the format from the first bytes of a file. `complete` is true when `prefix` is the
/// whole file.
pub fn sniff(prefix: &[u8], complete: bool) -> Result<Format, ReadError> {
    if prefix.is_empty() {
        return Err(ReadError::new("empty-file", Args::new()));
    }
    if let Some(error) = binary_format(prefix) {
        return Err(error);
    }
    // Decode what we have (a UTF-16 file must be sniffed as text too). A multi-byte character
    // cut at the end of the prefix only costs one replacement character.
    let decoded = text::decode(prefix, None, None);
    let body = skip_noise(&decoded.text);
    if body.is_empty() {
        return Err(ReadError::new("empty-file-blank", Args::new()));
    }
    if let Some(format) = markup_format(body)? {
        return Ok(format);
    }
    if is_mt940(&decoded.text) {
        return Ok(Format::Mt940);
    }
    if is_qif(body) {
        return Ok(Format::Qif);
    }
    if is_coda(body) {
        return Err(ReadError::new("unsupported-coda", Args::new()));
    }
    if body.starts_with('{') || body.starts_with('[') {
        let json_like = body.trim_end().ends_with('}')
            || body.trim_end().ends_with(']')
            || !complete
            || body.contains("\":");
        if json_like {
            return Err(ReadError::new("unsupported-json", Args::new()));
        }
    }
    if looks_binary(prefix) {
        return Err(ReadError::new("not-a-statement-binary", Args::new()));
    }
    if is_text_statement(body) {
        return Err(ReadError::new(TEXT_STATEMENT_CODE, Args::new()));
    }
    Ok(Format::Csv)
}

/// The error code of a plain-text statement (a card issuer's `.txt`, `pdftotext -layout`
/// output): a stable code so that a caller with a layout reader (`statement-layout`) knows to
/// hand the file to it.
pub const TEXT_STATEMENT_CODE: &str = "text-statement";

/// Several lines that start with a date followed by a space and end with an amount preceded by
/// a space, in text without delimiters: a statement laid out for reading.
fn is_text_statement(body: &str) -> bool {
    let (mut rows, mut delimited) = (0u32, 0u32);
    for line in body.lines().take(4000) {
        if line.contains(['\t', ';', '|']) || line.matches(',').count() >= 3 {
            delimited += 1;
            continue;
        }
        let mut words = line.split(' ').filter(|w| !w.is_empty());
        let (Some(first), Some(second)) = (words.next(), words.next()) else {
            continue;
        };
        let first = first.trim_start_matches('\u{c}');
        let mut last = words.next_back().unwrap_or(second);
        if matches!(
            last,
            "Af" | "Bij" | "DR" | "CR" | "S" | "H" | "-" | "+" | "EUR" | "USD" | "GBP"
        ) {
            last = line
                .split(' ')
                .filter(|w| !w.is_empty())
                .nth_back(1)
                .unwrap_or("");
        }
        if text_date(first, second) && text_amount(last) {
            rows += 1;
        }
    }
    rows >= 2 && rows > delimited
}

fn text_date(first: &str, second: &str) -> bool {
    // Bytes only (no Unicode tables in the first load): a letter is ASCII or part of a UTF-8
    // sequence (`mär`, `déc`).
    let letter = |c: &u8| c.is_ascii_alphabetic() || *c >= 0x80;
    let month_word = |w: &[u8]| (3..=10).contains(&w.len()) && w.iter().all(letter);
    let b = first.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    match digits {
        // `21 feb`
        1 | 2 if b.len() == digits => month_word(second.trim_end_matches('.').as_bytes()),
        // `05/07`, `01.06.`, `21.08.2019`, `05-Jan-24`, `05JAN`
        1 | 2 => {
            let rest = &b[digits..];
            let rest = rest.strip_prefix(b"-").unwrap_or(rest);
            let letters = rest.iter().take_while(|c| letter(c)).count();
            let numeric = matches!(b[digits], b'.' | b'/' | b'-')
                && b.get(digits + 1).is_some_and(u8::is_ascii_digit)
                && b.iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'/' | b'-'));
            numeric || month_word(&rest[..letters])
        }
        // `2024-03-01`
        4 => b.len() == 10 && b[4] == b'-' && b[7] == b'-',
        // `Jan 5`
        0 => {
            let day = second.trim_end_matches(',');
            month_word(b) && (1..=2).contains(&day.len()) && day.bytes().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

fn text_amount(word: &str) -> bool {
    let w = word.trim_start_matches(['-', '+', '(', '€', '$', '£']);
    let w = w.trim_end_matches(['-', '+', ')']);
    let w = w
        .strip_suffix("CR")
        .or_else(|| w.strip_suffix("DR"))
        .unwrap_or(w);
    let b = w.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_digit()
        && matches!(b[b.len() - 3], b'.' | b',')
        && b[b.len() - 2..].iter().all(u8::is_ascii_digit)
        && b.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'\''))
}

/// A file of a kind that is not a statement: `code` says which family (and so which help),
/// `kind` names the file (a term).
fn unsupported(code: &'static str, kind: &'static str) -> ReadError {
    ReadError::new(code, Args::new().term("kind", kind))
}

/// The error code of a workbook (XLSX, ODS, XLS): a stable code so that a caller with a
/// spreadsheet reader (the `statement-office` crate) knows to hand the file to it.
pub const SPREADSHEET_CODE: &str = "spreadsheet";

/// The error code of a PDF document: a stable code so that a caller with the PDF reader (the
/// `statement-pdf` crate, in the page the office module) knows to hand the file to it. Without
/// that reader the error stays a clear refusal.
pub const PDF_CODE: &str = "pdf";

fn spreadsheet(kind: &'static str) -> ReadError {
    unsupported(SPREADSHEET_CODE, kind)
}

fn binary_format(bytes: &[u8]) -> Option<ReadError> {
    let starts = |signature: &[u8]| bytes.starts_with(signature);
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if starts(b"%PDF") {
        return Some(ReadError::new(PDF_CODE, Args::new()));
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        if contains(b"application/vnd.oasis.opendocument.spreadsheet") {
            return Some(spreadsheet("file-ods"));
        }
        if contains(b"xl/") {
            return Some(spreadsheet("file-xlsx"));
        }
        return Some(if contains(b"word/") {
            unsupported("unsupported-document", "file-docx")
        } else {
            unsupported("unsupported-archive", "file-zip")
        });
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(spreadsheet("file-xls"));
    }
    if starts(b"\x09\x08") && bytes.len() > 4 && matches!(bytes[2..4], [0x06 | 0x08 | 0x10, 0x00]) {
        return Some(unsupported("unsupported-sheet", "file-xls-biff"));
    }
    let image = if starts(b"\x89PNG\r\n\x1a\n") {
        Some("file-png")
    } else if starts(b"\xFF\xD8\xFF") {
        Some("file-jpeg")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("file-gif")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("file-webp")
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Some("file-tiff")
    } else if bytes
        .get(4..12)
        .is_some_and(|w| w == b"ftypheic" || w == b"ftypmif1" || w == b"ftypheix")
    {
        Some("file-heic")
    } else {
        None
    };
    if let Some(image) = image {
        return Some(unsupported("unsupported-image", image));
    }
    let archive = if starts(b"\x1F\x8B") {
        Some("file-gzip")
    } else if starts(b"7z\xBC\xAF\x27\x1C") {
        Some("file-7z")
    } else if starts(b"Rar!\x1A\x07") {
        Some("file-rar")
    } else {
        None
    };
    if let Some(archive) = archive {
        return Some(unsupported("unsupported-archive", archive));
    }
    if starts(b"{\\rtf") {
        return Some(unsupported("unsupported-document", "file-rtf"));
    }
    None
}

/// Skips a BOM, blank space and control bytes before the content.
fn skip_noise(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || c.is_control() || c == '\u{FEFF}')
}

/// Recognises the markup formats: OFX (SGML header, `<?OFX`, `<OFX>`), CAMT (ISO 20022 XML),
/// and markup that is not a statement (HTML, SpreadsheetML, other XML).
fn markup_format(body: &str) -> Result<Option<Format>, ReadError> {
    let head = prefix_chars(body, 8192);
    let upper_head = head.to_ascii_uppercase();
    if upper_head.starts_with("OFXHEADER") || head.starts_with("<?OFX") {
        return Ok(Some(Format::Ofx));
    }
    if !body.starts_with('<') {
        return Ok(None);
    }
    if upper_head.contains("OFXHEADER")
        || upper_head.contains("<OFX>")
        || upper_head.contains("<OFX ")
    {
        return Ok(Some(Format::Ofx));
    }
    let head_lower = head.to_ascii_lowercase();
    for marker in [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<table",
        "<meta ",
    ] {
        if head_lower.contains(marker) {
            return Err(ReadError::new("unsupported-html", Args::new()));
        }
    }
    if head.contains("urn:schemas-microsoft-com:office:spreadsheet")
        || head.contains("progid=\"Excel.Sheet\"")
    {
        return Err(unsupported("unsupported-sheet", "file-excel-xml"));
    }
    // The CAMT message kind is in the namespace (`camt.053.001.02`) or the first element.
    let wide = prefix_chars(body, 64 * 1024);
    for (needle, format) in [
        ("camt.053.", Format::Camt053),
        ("camt.052.", Format::Camt052),
        ("camt.054.", Format::Camt054),
        ("BkToCstmrStmt", Format::Camt053),
        ("BkToCstmrAcctRpt", Format::Camt052),
        ("BkToCstmrDbtCdtNtfctn", Format::Camt054),
    ] {
        if wide.contains(needle) {
            return Ok(Some(format));
        }
    }
    let is_xml =
        head.starts_with("<?xml") || head.starts_with("<!DOCTYPE") || head.starts_with("<!--");
    if is_xml || looks_like_markup(head) {
        let kind = if head.contains("pain.00") {
            "file-pain"
        } else if head.contains("camt.") {
            "file-camt-other"
        } else {
            "file-xml-other"
        };
        return Err(unsupported("unsupported-xml", kind));
    }
    Ok(None)
}

fn looks_like_markup(head: &str) -> bool {
    let bytes = head.as_bytes();
    bytes.first() == Some(&b'<')
        && bytes.get(1).is_some_and(|b| b.is_ascii_alphabetic())
        && head.contains('>')
        && !head.lines().next().unwrap_or("").contains([',', ';', '\t'])
}

fn prefix_chars(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// MT940/MT942: a `:20:` reference field and at least one other SWIFT field at the start of a
/// line (after any SOH/ETX control bytes or `{1:…}` block headers).
fn is_mt940(text: &str) -> bool {
    let mut has_reference = false;
    let mut has_other = false;
    for line in text.lines().take(400) {
        let line = line.trim_start_matches(|c: char| c.is_control() || c == '\u{FEFF}');
        let line = match line.find("{4:") {
            Some(i) if line.starts_with('{') => &line[i + 3..],
            _ => line,
        };
        let tag = line
            .strip_prefix(':')
            .and_then(|rest| rest.split_once(':'))
            .map(|(tag, _)| tag);
        match tag {
            Some("20") => has_reference = true,
            Some(
                "25" | "28" | "28C" | "60F" | "60M" | "61" | "62F" | "62M" | "34F" | "13D" | "13",
            ) => has_other = true,
            _ => {}
        }
        if has_reference && has_other {
            return true;
        }
    }
    false
}

/// QIF: a `!Type:`/`!Account`/`!Option` header, or (headerless QIF, which some tools write)
/// records of one-letter fields ended by `^` lines with dates and amounts.
fn is_qif(body: &str) -> bool {
    let first = body
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if first.starts_with("!type:")
        || first.starts_with("!account")
        || first.starts_with("!option")
        || first.starts_with("!clear")
    {
        return true;
    }
    let mut n_lines = 0;
    let mut n_field_lines = 0;
    let mut n_ends = 0;
    let mut n_dates = 0;
    let mut n_amounts = 0;
    for line in body.lines().take(200) {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        n_lines += 1;
        let first = line.as_bytes()[0];
        if line.trim() == "^" {
            n_ends += 1;
            n_field_lines += 1;
            continue;
        }
        if b"DTUPMNLCASE$!FXYIQO#KRB".contains(&first) {
            n_field_lines += 1;
        }
        // `first` may be the lead byte of a multi-byte character; then the line is no field.
        let rest = line.get(1..).unwrap_or("");
        if first == b'D' && rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            n_dates += 1;
        }
        if (first == b'T' || first == b'U')
            && rest
                .trim()
                .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+' || c == '.')
        {
            n_amounts += 1;
        }
    }
    n_ends > 0 && n_dates > 0 && n_amounts > 0 && n_field_lines * 10 >= n_lines * 9
}

/// Belgian CODA: fixed 128-character records, the first a `0` header record.
fn is_coda(body: &str) -> bool {
    let mut lines = body.lines();
    let Some(first) = lines.next() else {
        return false;
    };
    let first = first.trim_end_matches('\r');
    first.starts_with("00000")
        && first.chars().count() >= 120
        && lines.next().is_some_and(|second| {
            second.starts_with('1') && second.trim_end_matches('\r').chars().count() >= 120
        })
}

/// Text files hardly ever hold NUL or many other control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x01 | 0x03 | 0x1A))
        .count();
    let has_utf16_bom = sample.starts_with(b"\xFF\xFE") || sample.starts_with(b"\xFE\xFF");
    !has_utf16_bom
        && text::decode(sample, None, None).encoding != "utf-16le"
        && controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(bytes: &[u8]) -> Result<Format, String> {
        sniff(bytes, true).map_err(|e| e.message)
    }

    #[test]
    fn structured_formats_from_content() {
        assert_eq!(
            format(b"OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>"),
            Ok(Format::Ofx)
        );
        assert_eq!(format(b"\n\n<OFX>\n<SIGNONMSGSRSV1>"), Ok(Format::Ofx));
        assert_eq!(format(b"<?OFX OFXHEADER=\"200\"?><OFX>"), Ok(Format::Ofx));
        assert_eq!(
            format(b"<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\"?>\n<OFX>"),
            Ok(Format::Ofx)
        );
        assert_eq!(
            format(b"<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.04\">"),
            Ok(Format::Camt054)
        );
        assert_eq!(
            format(b"\x01\r\n:20:X\r\n:25:NL1\r\n:28C:1\r\n"),
            Ok(Format::Mt940)
        );
        assert_eq!(
            format(b"{1:F01X}{2:O940X}{4:\n:20:X\n:25:Y\n-}"),
            Ok(Format::Mt940)
        );
        assert_eq!(format(b"!Type:Bank\nD1/2'24\nT-1\n^\n"), Ok(Format::Qif));
        assert_eq!(
            format(b"D09/10/2025\nT2222.22\nPX\nL\n^\n"),
            Ok(Format::Qif)
        );
        assert_eq!(format(b"date,amount\n2024-01-01,1\n"), Ok(Format::Csv));
    }

    #[test]
    fn spreadsheet_named_text_is_read_by_content() {
        // Banks often name CSV or tab-separated text `.xls`; only the bytes count.
        let swedbank = b"\"Account No\",\"\",\"Date\",\"Beneficiary\",\"Details\",\"Amount\"\n\"LT35\",\"20\",\"2014-10-01\",\"X\",\"Y\",\"15.31\"\n";
        assert_eq!(format(swedbank), Ok(Format::Csv));
        assert_eq!(
            format(b"Date\tAmount\n01.03.2024\t-9,99\n"),
            Ok(Format::Csv)
        );
        assert_eq!(format(b"\xFF\xFEd\0a\0t\0e\0,\0a\0\n\0"), Ok(Format::Csv));
    }

    #[test]
    fn fuzz_crash_multibyte_first_character() {
        // Found by the `read` fuzz target: a line starting with a multi-byte character.
        assert!(sniff("‰\n^\nD1\nT1\n".as_bytes(), true).is_ok());
        let artifact = b"\x89pNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        let _ = sniff(artifact, true);
        let _ = crate::read(artifact, &crate::Hints::default());
    }

    #[test]
    fn unsupported_files_name_what_they_are() {
        assert!(format(b"%PDF-1.7\n").unwrap_err().contains("PDF"));
        assert!(format(b"PK\x03\x04....xl/workbook.xml")
            .unwrap_err()
            .contains("xlsx"));
        assert!(format(b"PK\x03\x04....data.csv")
            .unwrap_err()
            .contains("ZIP"));
        assert!(format(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest")
            .unwrap_err()
            .contains(".xls"));
        assert!(format(b"\x89PNG\r\n\x1a\nrest")
            .unwrap_err()
            .contains("PNG"));
        assert!(format(b"<html><table><tr><td>1</td></tr></table>")
            .unwrap_err()
            .contains("HTML"));
        assert!(format(b"{\"transactions\": []}")
            .unwrap_err()
            .contains("JSON"));
    }
}
