//! Amounts as banks write them: decimal comma or dot, thousands separators (`,` `.` `'` and
//! spaces), currency symbols and codes, parentheses, leading or trailing minus, `CR`/`DR`.
//!
//! Parsing works on bytes and never allocates, because it runs once per row.

/// A parsed amount: signed minor units with the number of decimals the text had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    /// Signed value in units of `10^-scale`.
    pub minor: i64,
    /// Decimal digits after the mark.
    pub scale: u8,
    /// True when the text carried an explicit sign (`-`, `+`, parentheses, `CR`/`DR`).
    pub signed: bool,
    /// An ISO 4217 code the text named by symbol or code (`£12` gives `GBP`).
    pub currency: Option<[u8; 3]>,
}

/// Why a field could not be read as an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all (letters, exponent notation, misplaced separators).
    Invalid,
    /// More digits than an `i64` of minor units can hold.
    TooLarge,
}

/// The most decimal digits kept; more would overflow any realistic amount.
pub const MAX_SCALE: u8 = 9;

/// Currency symbols and the code they stand for (`None` when the symbol is shared, like `$`).
const SYMBOLS: &[(&str, Option<&[u8; 3]>)] = &[
    ("US$", Some(b"USD")),
    ("C$", Some(b"CAD")),
    ("A$", Some(b"AUD")),
    ("NZ$", Some(b"NZD")),
    ("S$", Some(b"SGD")),
    ("HK$", Some(b"HKD")),
    ("R$", Some(b"BRL")),
    ("€", Some(b"EUR")),
    ("£", Some(b"GBP")),
    ("¥", Some(b"JPY")),
    ("₹", Some(b"INR")),
    ("₩", Some(b"KRW")),
    ("₪", Some(b"ILS")),
    ("₺", Some(b"TRY")),
    ("₽", Some(b"RUB")),
    ("Kč", Some(b"CZK")),
    ("zł", Some(b"PLN")),
    ("Ft", Some(b"HUF")),
    ("Fr.", Some(b"CHF")),
    ("kr.", None),
    ("kr", None),
    ("$", None),
];

/// Parses an amount. `decimal_mark` is `b'.'` or `b','`; the other one, apostrophes and spaces
/// are taken as thousands separators. Returns `Ok(None)` for an empty field.
///
/// The common `-1234.56` shape is read in line (it is every amount of most files); anything
/// padded, signed otherwise or marked goes to the general parser.
#[inline]
pub fn parse(text: &[u8], decimal_mark: u8) -> Result<Option<Number>, NumberError> {
    match parse_plain(text, decimal_mark) {
        Some(number) => Ok(Some(number)),
        None => parse_general(text, decimal_mark),
    }
}

/// [`parse`] for everything but a plain number.
#[inline(never)]
fn parse_general(text: &[u8], decimal_mark: u8) -> Result<Option<Number>, NumberError> {
    let mut core = trim(text);
    if core.is_empty() {
        return Ok(None);
    }
    // A plain number inside padding (`" -12.50 "`).
    if let Some(number) = parse_plain(core, decimal_mark) {
        return Ok(Some(number));
    }
    let mut negative = false;
    let mut signed = false;
    let mut currency = None;
    // Peel signs, currency marks and parentheses off both ends until only digits remain.
    for _ in 0..8 {
        let before = core.len();
        core = trim(core);
        if let Some(rest) = core
            .strip_prefix(b"-")
            .or_else(|| core.strip_prefix("−".as_bytes()))
        {
            negative = !negative;
            signed = true;
            core = rest;
        } else if let Some(rest) = core.strip_prefix(b"+") {
            signed = true;
            core = rest;
        } else if core.first() == Some(&b'(') && core.last() == Some(&b')') && core.len() >= 2 {
            negative = !negative;
            signed = true;
            core = &core[1..core.len() - 1];
        } else if let Some(rest) = core.strip_suffix(b"-") {
            negative = !negative;
            signed = true;
            core = rest;
        } else if let Some(rest) = core.strip_suffix(b"+") {
            signed = true;
            core = rest;
        } else if let Some(rest) = strip_suffix_ignore_case(core, b"DR") {
            negative = !negative;
            signed = true;
            core = rest;
        } else if let Some(rest) = strip_suffix_ignore_case(core, b"CR") {
            signed = true;
            core = rest;
        } else if let Some((rest, code)) = strip_currency(core) {
            if code.is_some() {
                currency = code;
            }
            core = rest;
        }
        if core.len() == before {
            break;
        }
    }
    let core = trim(core);
    let magnitude = parse_core(core, decimal_mark)?;
    let (minor, scale) = magnitude;
    Ok(Some(Number {
        minor: if negative { -minor } else { minor },
        scale,
        signed,
        currency,
    }))
}

/// `-123.45`, `12`, `+0,5`: an optional sign, digits and at most one decimal mark.
/// Inlined into [`parse`] and the CSV reader's row loop: as a call in wasm its result goes
/// through memory.
#[inline(always)]
pub(crate) fn parse_plain(text: &[u8], decimal_mark: u8) -> Option<Number> {
    let (negative, signed, digits) = match text.first()? {
        b'-' => (true, true, &text[1..]),
        b'+' => (false, true, &text[1..]),
        _ => (false, false, text),
    };
    // At most 18 digits and a mark: no overflow of an i64 below.
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    // The commonest shape of all, `1234.56`, in straight-line code.
    let n = digits.len();
    if n >= 4 && digits[n - 3] == decimal_mark {
        let tens = digits[n - 2].wrapping_sub(b'0');
        let units = digits[n - 1].wrapping_sub(b'0');
        let mut all_digits = tens < 10 && units < 10;
        let mut value: i64 = 0;
        // At most 15 integer digits (even non-digits stay far from overflowing).
        for &byte in &digits[..n - 3] {
            let digit = byte.wrapping_sub(b'0');
            all_digits &= digit < 10;
            value = value * 10 + i64::from(digit);
        }
        if all_digits {
            let value = value * 100 + i64::from(tens * 10 + units);
            return Some(Number {
                minor: if negative { -value } else { value },
                scale: 2,
                signed,
                currency: None,
            });
        }
    }
    let mut value: i64 = 0;
    // Position of the decimal mark, `len` when there is none.
    let mut mark_at = digits.len();
    for (at, &byte) in digits.iter().enumerate() {
        let digit = byte.wrapping_sub(b'0');
        if digit < 10 {
            value = value * 10 + i64::from(digit);
        } else if byte == decimal_mark && mark_at == digits.len() {
            mark_at = at;
        } else {
            return None;
        }
    }
    let scale = digits.len().saturating_sub(mark_at + 1);
    let n_digits = digits.len() - usize::from(mark_at < digits.len());
    if n_digits == 0 || scale > usize::from(MAX_SCALE) {
        return None;
    }
    let scale = scale as u8;
    Some(Number {
        minor: if negative { -value } else { value },
        scale,
        signed,
        currency: None,
    })
}

/// Digits with thousands separators and an optional decimal part, unsigned.
fn parse_core(core: &[u8], decimal_mark: u8) -> Result<(i64, u8), NumberError> {
    if core.is_empty() {
        return Err(NumberError::Invalid);
    }
    let (integer, fraction) = match core.iter().rposition(|&b| b == decimal_mark) {
        Some(at) => (&core[..at], &core[at + 1..]),
        None => (core, &core[..0]),
    };
    if !fraction.iter().all(u8::is_ascii_digit) {
        return Err(NumberError::Invalid);
    }
    if fraction.len() > usize::from(MAX_SCALE) {
        return Err(NumberError::TooLarge);
    }
    let mut value: i128 = 0;
    let mut n_digits = 0usize;
    // Group sizes between separators, to refuse `1,5` read with a dot as the decimal mark.
    let mut group = 0usize;
    let mut n_groups = 0usize;
    let mut first_group = 0usize;
    let mut separator: Option<u8> = None;
    let mut index = 0;
    while index < integer.len() {
        let byte = integer[index];
        if byte.is_ascii_digit() {
            value = value * 10 + i128::from(byte - b'0');
            n_digits += 1;
            group += 1;
            if n_digits > 18 {
                return Err(NumberError::TooLarge);
            }
            index += 1;
            continue;
        }
        let width = separator_width(&integer[index..], decimal_mark);
        if width == 0 || group == 0 {
            return Err(NumberError::Invalid);
        }
        let kind = integer[index];
        if separator.is_some_and(|seen| seen != kind) {
            return Err(NumberError::Invalid);
        }
        separator = Some(kind);
        if n_groups == 0 {
            first_group = group;
        } else if group != 3 && group != 2 {
            return Err(NumberError::Invalid);
        }
        n_groups += 1;
        group = 0;
        index += width;
    }
    if n_groups > 0 && (group != 3 || first_group > 3) {
        return Err(NumberError::Invalid);
    }
    if n_groups > 0 && group == 0 {
        return Err(NumberError::Invalid);
    }
    if n_digits == 0 && fraction.is_empty() {
        return Err(NumberError::Invalid);
    }
    for &byte in fraction {
        value = value * 10 + i128::from(byte - b'0');
    }
    if n_digits + fraction.len() > 18 {
        return Err(NumberError::TooLarge);
    }
    let minor = i64::try_from(value).map_err(|_| NumberError::TooLarge)?;
    Ok((minor, fraction.len() as u8))
}

/// The byte length of a thousands separator at the start of `text`, or 0.
fn separator_width(text: &[u8], decimal_mark: u8) -> usize {
    match text.first() {
        Some(b'.') if decimal_mark != b'.' => 1,
        Some(b',') if decimal_mark != b',' => 1,
        Some(b'\'') | Some(b' ') => 1,
        // U+00A0 no-break space, U+2019 right single quote, U+202F narrow no-break space.
        Some(0xC2) if text.get(1) == Some(&0xA0) => 2,
        Some(0xE2)
            if text.get(1) == Some(&0x80) && matches!(text.get(2), Some(0x99) | Some(0xAF)) =>
        {
            3
        }
        _ => 0,
    }
}

fn strip_suffix_ignore_case<'a>(text: &'a [u8], suffix: &[u8]) -> Option<&'a [u8]> {
    if text.len() <= suffix.len() {
        return None;
    }
    let (rest, tail) = text.split_at(text.len() - suffix.len());
    // `CR`/`DR` count only after a digit or space, never as the end of a word like `CARD`.
    let before = *rest.last()?;
    (tail.eq_ignore_ascii_case(suffix)
        && (before.is_ascii_digit() || before == b' ' || before == b'.'))
        .then_some(rest)
}

/// Removes a currency symbol or ISO code from either end of `text`.
fn strip_currency(text: &[u8]) -> Option<(&[u8], Option<[u8; 3]>)> {
    for (symbol, code) in SYMBOLS {
        let symbol = symbol.as_bytes();
        if let Some(rest) = text.strip_prefix(symbol) {
            return Some((rest, code.copied()));
        }
        if let Some(rest) = text.strip_suffix(symbol) {
            return Some((rest, code.copied()));
        }
    }
    let is_code = |code: &[u8]| code.len() == 3 && code.iter().all(u8::is_ascii_uppercase);
    if text.len() > 3 && is_code(&text[..3]) && !text[3].is_ascii_alphabetic() {
        let mut code = [0u8; 3];
        code.copy_from_slice(&text[..3]);
        return Some((&text[3..], Some(code)));
    }
    if text.len() > 3
        && is_code(&text[text.len() - 3..])
        && !text[text.len() - 4].is_ascii_alphabetic()
    {
        let mut code = [0u8; 3];
        code.copy_from_slice(&text[text.len() - 3..]);
        return Some((&text[..text.len() - 3], Some(code)));
    }
    None
}

/// Trims ASCII whitespace, no-break spaces and stray quotes (an Excel guard `'`).
#[inline(always)]
pub fn trim(text: &[u8]) -> &[u8] {
    // Most fields have nothing to trim: a byte above space that is no quote and no half of a
    // no-break space at each end settles it without the loop (in line: the CSV reader asks
    // for every field it reads).
    let (Some(&first), Some(&last)) = (text.first(), text.last()) else {
        return text;
    };
    let plain = |b: u8| b > b' ' && b != b'\'' && b != b'"';
    if plain(first) && plain(last) && first != 0xC2 && last != 0xA0 {
        return text;
    }
    trim_padding(text)
}

/// [`trim`] for a field that has something to trim.
#[inline(never)]
fn trim_padding(text: &[u8]) -> &[u8] {
    let is_pad = |b: u8| b.is_ascii_whitespace() || b == b'\'' || b == b'"';
    let mut start = 0;
    let mut end = text.len();
    loop {
        let before = (start, end);
        while start < end && is_pad(text[start]) {
            start += 1;
        }
        while end > start && is_pad(text[end - 1]) {
            end -= 1;
        }
        // U+00A0 no-break space, as two bytes, at either end.
        if end - start >= 2 && text[start] == 0xC2 && text[start + 1] == 0xA0 {
            start += 2;
        }
        if end - start >= 2 && text[end - 2] == 0xC2 && text[end - 1] == 0xA0 {
            end -= 2;
        }
        if (start, end) == before {
            return &text[start..end];
        }
    }
}

/// What a numeric-looking text says about the decimal mark, independent of any guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkEvidence {
    /// The text is numeric but says nothing (`12`, `1,234`).
    None,
    /// The decimal mark must be a dot (`1,234.56`, `12.5`).
    Dot,
    /// The decimal mark must be a comma (`1.234,56`, `12,5`).
    Comma,
}

/// Decides whether `text` looks like an amount at all and, if so, what it says about the
/// decimal mark. `None` means not numeric.
pub fn shape(text: &[u8]) -> Option<MarkEvidence> {
    let dot = parse(text, b'.');
    let comma = parse(text, b',');
    match (dot, comma) {
        (Ok(Some(d)), Ok(Some(c))) => {
            // Both readings work: only a single separator followed by three digits does that,
            // or no separator at all.
            let _ = (d, c);
            Some(MarkEvidence::None)
        }
        (Ok(Some(_)), _) => Some(MarkEvidence::Dot),
        (_, Ok(Some(_))) => Some(MarkEvidence::Comma),
        _ => None,
    }
    .map(|evidence| refine(text, evidence))
}

/// `0,123` or `12.5`: a leading zero group or a fraction that is not three digits long settles
/// what `parse` alone cannot.
fn refine(text: &[u8], evidence: MarkEvidence) -> MarkEvidence {
    if evidence != MarkEvidence::None {
        return evidence;
    }
    let core: Vec<u8> = text
        .iter()
        .copied()
        .filter(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .collect();
    let Some(at) = core.iter().rposition(|&b| b == b'.' || b == b',') else {
        return MarkEvidence::None;
    };
    let mark = core[at];
    let integer = &core[..at];
    let leading_zero = integer == b"0" || integer.is_empty();
    if leading_zero {
        return if mark == b'.' {
            MarkEvidence::Dot
        } else {
            MarkEvidence::Comma
        };
    }
    MarkEvidence::None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, mark: u8) -> Option<(i64, u8)> {
        parse(text.as_bytes(), mark)
            .ok()
            .flatten()
            .map(|n| (n.minor, n.scale))
    }

    #[test]
    fn reads_the_bad_input_catalogue() {
        assert_eq!(value("1.234,56", b','), Some((123456, 2)));
        assert_eq!(value("(12.50)", b'.'), Some((-1250, 2)));
        assert_eq!(value("12.50-", b'.'), Some((-1250, 2)));
        assert_eq!(value("12.50 CR", b'.'), Some((1250, 2)));
        assert_eq!(value("12.50 DR", b'.'), Some((-1250, 2)));
        assert_eq!(value("11'373.94", b'.'), Some((1137394, 2)));
        assert_eq!(value("-£52.00", b'.'), Some((-5200, 2)));
        assert_eq!(value("$-25.00", b'.'), Some((-2500, 2)));
        assert_eq!(value("+£5.00", b'.'), Some((500, 2)));
        assert_eq!(value("4.093,32 €", b','), Some((409332, 2)));
        assert_eq!(value("-.46", b'.'), Some((-46, 2)));
        assert_eq!(value("0,", b','), Some((0, 0)));
        assert_eq!(value("1 234,5", b','), Some((12345, 1)));
        assert_eq!(value("EUR -12,00", b','), Some((-1200, 2)));
        assert_eq!(value("$1,120.00", b'.'), Some((112000, 2)));
        assert_eq!(value("1e309", b'.'), None);
        assert_eq!(value("1,5", b'.'), None);
        assert_eq!(value("abc", b'.'), None);
        assert_eq!(value("", b'.'), None);
        assert!(parse(b"99999999999999999999", b'.').is_err());
    }

    #[test]
    fn currency_marks_are_reported() {
        let number = parse("£12.00".as_bytes(), b'.').unwrap().unwrap();
        assert_eq!(number.currency, Some(*b"GBP"));
        let number = parse(b"12.00 USD", b'.').unwrap().unwrap();
        assert_eq!(number.currency, Some(*b"USD"));
    }

    #[test]
    fn shape_tells_the_decimal_mark_when_it_can() {
        assert_eq!(shape(b"1.234,56"), Some(MarkEvidence::Comma));
        assert_eq!(shape(b"-2,56"), Some(MarkEvidence::Comma));
        assert_eq!(shape(b"1,234.56"), Some(MarkEvidence::Dot));
        assert_eq!(shape(b"1,234"), Some(MarkEvidence::None));
        assert_eq!(shape(b"0,123"), Some(MarkEvidence::Comma));
        assert_eq!(shape(b"12"), Some(MarkEvidence::None));
        assert_eq!(shape(b"hello"), None);
    }
}
