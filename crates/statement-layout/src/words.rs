//! Words (whitespace-free runs with positions) and the tokens the table is built from: dates at
//! the start of a row, amounts and sign markers at its end.

use crate::Line;

/// A whitespace-free run of text with its horizontal extent.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub x0: f32,
    pub x1: f32,
    pub text: String,
}

/// The most words read from one line; the rest of a longer line is ignored (and reported).
pub(crate) const MAX_WORDS: usize = 200;

/// Splits a line's spans into words, spreading each span's width evenly over its characters.
pub(crate) fn words(line: &Line) -> Vec<Word> {
    let mut out = Vec::new();
    for span in &line.spans {
        let chars = span.text.chars().count();
        if chars == 0 {
            continue;
        }
        let width = if span.x1 > span.x0 && span.x1.is_finite() && span.x0.is_finite() {
            (span.x1 - span.x0) / chars as f32
        } else {
            1.0
        };
        let x0 = if span.x0.is_finite() { span.x0 } else { 0.0 };
        let mut start: Option<(usize, usize)> = None; // (byte, char index)
        for (index, (byte, ch)) in span.text.char_indices().enumerate() {
            if ch.is_whitespace() {
                if let Some((b, c)) = start.take() {
                    out.push(Word {
                        x0: x0 + c as f32 * width,
                        x1: x0 + index as f32 * width,
                        text: span.text[b..byte].to_owned(),
                    });
                }
            } else if start.is_none() {
                start = Some((byte, index));
            }
            if out.len() >= MAX_WORDS {
                return out;
            }
        }
        if let Some((b, c)) = start {
            out.push(Word {
                x0: x0 + c as f32 * width,
                x1: x0 + chars as f32 * width,
                text: span.text[b..].to_owned(),
            });
        }
        if out.len() >= MAX_WORDS {
            out.truncate(MAX_WORDS);
            return out;
        }
    }
    out
}

/// A date as written: day and month, the year when the text had one. `numeric` dates have
/// their day and month order still open (`a` and `b` as written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawDate {
    pub a: u32,
    pub b: u32,
    pub year: Option<i32>,
    /// `a`/`b` are day/month in an unknown order (`05/07`); false when the month was named or
    /// the date was year-first, so `a` is the day and `b` the month.
    pub numeric: bool,
}

const MONTHS: &[(&str, u32)] = &[
    // English
    ("jan", 1),
    ("january", 1),
    ("feb", 2),
    ("february", 2),
    ("mar", 3),
    ("march", 3),
    ("apr", 4),
    ("april", 4),
    ("may", 5),
    ("jun", 6),
    ("june", 6),
    ("jul", 7),
    ("july", 7),
    ("aug", 8),
    ("august", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("oct", 10),
    ("october", 10),
    ("nov", 11),
    ("november", 11),
    ("dec", 12),
    ("december", 12),
    // German
    ("januar", 1),
    ("jän", 1),
    ("februar", 2),
    ("mär", 3),
    ("mrz", 3),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("okt", 10),
    ("oktober", 10),
    ("dez", 12),
    ("dezember", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("mrt", 3),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("okt", 10),
    // French
    ("janv", 1),
    ("janvier", 1),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avr", 4),
    ("avril", 4),
    ("juin", 6),
    ("juil", 7),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("déc", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("octobre", 10),
    ("novembre", 11),
    ("septembre", 9),
    // Spanish
    ("ene", 1),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abr", 4),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("ago", 8),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("dic", 12),
    ("diciembre", 12),
];

pub(crate) fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']);
    if word.len() < 3 || word.len() > 12 {
        return None;
    }
    let lower = word.to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| m)
}

fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    (text.len() >= min && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn year(text: &str) -> Option<i32> {
    match text.len() {
        4 => number(text, 4, 4)
            .map(|y| y as i32)
            .filter(|y| (1970..=2100).contains(y)),
        2 => number(text, 2, 2).map(|y| 2000 + y as i32),
        _ => None,
    }
}

/// A one-word numeric date: `05/07`, `01.06.`, `21.08.2019`, `2024-03-01`, `05-Jan-24`, `05JAN`.
pub(crate) fn word_date(word: &str) -> Option<RawDate> {
    let w = word.trim_end_matches(',');
    if w.len() < 3 || w.len() > 11 {
        return None;
    }
    // Year first.
    if w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-' {
        let y = year(&w[..4])?;
        let m = number(&w[5..7], 2, 2)?;
        let d = number(&w[8..10], 2, 2)?;
        return valid(d, m).then_some(RawDate {
            a: d,
            b: m,
            year: Some(y),
            numeric: false,
        });
    }
    // Day, named month, optional year: 05-Jan-24, 05Jan, 05JAN2024.
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let after = w[digits..].trim_start_matches('-');
    if (1..=2).contains(&digits) && after.chars().next()?.is_alphabetic() {
        let rest = w[digits..].trim_start_matches('-');
        let letters = rest.chars().take_while(|c| c.is_alphabetic()).count();
        let letters_bytes: usize = rest.chars().take(letters).map(char::len_utf8).sum();
        let m = month(&rest[..letters_bytes])?;
        let tail = rest[letters_bytes..].trim_start_matches(['-', '.']);
        let y = if tail.is_empty() {
            None
        } else {
            Some(year(tail)?)
        };
        let d = number(&w[..digits], 1, 2)?;
        return valid(d, m).then_some(RawDate {
            a: d,
            b: m,
            year: y,
            numeric: false,
        });
    }
    let sep = w.bytes().find(|b| matches!(b, b'/' | b'.' | b'-'))?;
    let parts: Vec<&str> = w.split(sep as char).collect();
    let (a, b, y) = match parts.as_slice() {
        [a, b] => (a, b, None),
        [a, b, ""] if sep == b'.' => (a, b, None),
        [a, b, y] => (a, b, Some(year(y)?)),
        _ => return None,
    };
    let a = number(a, 1, 2)?;
    let b = number(b, 1, 2)?;
    // A yearless `12.50` or `3-4` is more likely something else: require two-digit parts for
    // yearless dates with a dot or dash, or the trailing dot of German dates.
    if y.is_none()
        && sep != b'/'
        && !(w.ends_with('.') || (parts[0].len() == 2 && parts[1].len() == 2))
    {
        return None;
    }
    if y.is_none() && sep == b'.' && !w.ends_with('.') {
        // `12.07` without the closing dot reads as an amount as often as a date.
        return None;
    }
    (valid(a, b) || valid(b, a)).then_some(RawDate {
        a,
        b,
        year: y,
        numeric: true,
    })
}

/// `DD.MM` with two-digit parts and no year (`01.11`).
pub(crate) fn day_dot_month(word: &str) -> Option<RawDate> {
    let b = word.as_bytes();
    if b.len() != 5 || b[2] != b'.' {
        return None;
    }
    let (a, m) = (number(&word[..2], 2, 2)?, number(&word[3..], 2, 2)?);
    (valid(a, m)).then_some(RawDate {
        a,
        b: m,
        year: None,
        numeric: true,
    })
}

fn valid(day: u32, month: u32) -> bool {
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

/// A date at the start of `words`: one numeric word, `21 feb`, `21 feb 2025`, `Jan 5`,
/// `Jan 5, 2024`. Returns the date and how many words it took.
pub(crate) fn leading_date(words: &[Word]) -> Option<(RawDate, usize)> {
    let first = words.first()?;
    if let Some(date) = word_date(&first.text) {
        return Some((date, 1));
    }
    // `01.11  PRLV SEPA …  01.11  24,90` (BNP Paribas): a yearless `DD.MM` without the closing
    // dot reads as an amount as often as a date, but not when a second one (the value date)
    // follows on the same line.
    if let Some(date) = day_dot_month(&first.text) {
        if words[1..].iter().any(|w| day_dot_month(&w.text).is_some()) {
            return Some((date, 1));
        }
    }
    let second = words.get(1)?;
    // 21 feb [2025], 01 Mar 24 (a two-digit year only when no month follows it: `21 feb 22 feb`
    // is two dates)
    if let (Some(d), Some(m)) = (
        number(first.text.trim_end_matches('.'), 1, 2),
        month(&second.text),
    ) {
        if !valid(d, m) {
            return None;
        }
        let next_is_month = words.get(3).is_some_and(|w| month(&w.text).is_some());
        let y = words.get(2).and_then(|w| match w.text.len() {
            4 => year(&w.text),
            2 if !next_is_month => year(&w.text),
            _ => None,
        });
        return Some((
            RawDate {
                a: d,
                b: m,
                year: y,
                numeric: false,
            },
            if y.is_some() { 3 } else { 2 },
        ));
    }
    // Jan 5[,] [2024]
    if let (Some(m), Some(d)) = (
        month(&first.text),
        number(second.text.trim_end_matches(','), 1, 2),
    ) {
        if !valid(d, m) {
            return None;
        }
        let y = words
            .get(2)
            .and_then(|w| (w.text.len() == 4).then(|| year(&w.text)).flatten());
        return Some((
            RawDate {
                a: d,
                b: m,
                year: y,
                numeric: false,
            },
            if y.is_some() { 3 } else { 2 },
        ));
    }
    None
}

/// Every full date (with a year) written anywhere in the words, for the statement's period.
pub(crate) fn dates_with_year(words: &[Word]) -> Vec<RawDate> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if let Some(date) = word_date(&words[i].text) {
            if date.year.is_some() {
                out.push(date);
            }
            continue;
        }
        if let Some((date, _)) = leading_date(&words[i..]) {
            if date.year.is_some() {
                out.push(date);
            }
        }
    }
    out
}

/// How an amount's sign was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Nothing: the document's convention decides.
    None,
    /// A minus (leading, trailing or parentheses).
    Minus,
    /// A plus.
    Plus,
    /// Money out, by name: `DR`, `Af`, `S` (Soll), `D`, `débit`.
    Debit,
    /// Money in, by name: `CR`, `Bij`, `H` (Haben), `C`, `crédit`.
    Credit,
}

/// An amount at the end of a row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Money {
    /// Absolute value in minor units.
    pub minor: i64,
    pub scale: u8,
    pub mark: Mark,
    /// The decimal mark it was written with.
    pub decimal: u8,
    pub x0: f32,
    pub x1: f32,
    /// Followed by a currency code that marks it as a foreign amount.
    pub foreign: bool,
}

pub(crate) fn marker(word: &str) -> Option<Mark> {
    Some(match word {
        "-" => Mark::Minus,
        "+" => Mark::Plus,
        "DR" | "Dr" | "dr" | "D" | "Af" | "AF" | "af" | "S" | "Debit" | "DEBIT" | "débit" => {
            Mark::Debit
        }
        "CR" | "Cr" | "cr" | "C" | "Bij" | "BIJ" | "bij" | "H" | "Credit" | "CREDIT" | "crédit" => {
            Mark::Credit
        }
        _ => return None,
    })
}

fn currency_word(word: &str) -> bool {
    matches!(word, "€" | "$" | "£")
}

fn is_code(word: &str) -> bool {
    word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads one word as an unsigned amount with exactly two decimals (`1,234.56`, `1.234,56`,
/// `1'234.56`, `12,50`) and its glued sign (`-12,50`, `12.50-`, `(12.50)`, `12.50CR`, `€12`…).
/// `Err(())` for a word that looks like an amount but cannot be one (too many digits).
fn money_word(word: &str, decimal_hint: Option<u8>) -> Option<Result<(i64, u8, Mark, u8), ()>> {
    let mut w = word;
    let mut mark = Mark::None;
    if let Some(rest) = w.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        w = rest;
        mark = Mark::Minus;
    }
    for (suffix, m) in [
        ("CR", Mark::Credit),
        ("DR", Mark::Debit),
        ("Cr", Mark::Credit),
        ("Dr", Mark::Debit),
        ("-", Mark::Minus),
        ("+", Mark::Plus),
    ] {
        if let Some(rest) = w.strip_suffix(suffix) {
            if rest.ends_with(|c: char| c.is_ascii_digit()) {
                w = rest;
                mark = m;
                break;
            }
        }
    }
    for symbol in ["€", "$", "£"] {
        if let Some(rest) = w.strip_suffix(symbol) {
            w = rest;
        }
    }
    if let Some(rest) = w.strip_prefix('-') {
        w = rest;
        mark = Mark::Minus;
    } else if let Some(rest) = w.strip_prefix('+') {
        w = rest;
        mark = Mark::Plus;
    }
    for symbol in ["€", "$", "£", "US$"] {
        if let Some(rest) = w.strip_prefix(symbol) {
            w = rest;
        }
    }
    if let Some(rest) = w.strip_prefix('-') {
        w = rest;
        mark = Mark::Minus;
    }
    let bytes = w.as_bytes();
    if bytes.len() < 4 || !bytes[0].is_ascii_digit() {
        return None;
    }
    let n = bytes.len();
    let decimal = bytes[n - 3];
    if !matches!(decimal, b'.' | b',')
        || !bytes[n - 2].is_ascii_digit()
        || !bytes[n - 1].is_ascii_digit()
    {
        return None;
    }
    if decimal_hint.is_some_and(|hint| hint != decimal) {
        return None;
    }
    let integer = &w[..n - 3];
    // The integer part: digits, grouped in threes by the other mark, an apostrophe or a space.
    let group = integer.bytes().find(|b| !b.is_ascii_digit());
    if let Some(g) = group {
        if g == decimal || !matches!(g, b'.' | b',' | b'\'') {
            return None;
        }
        let mut parts = integer.split(g as char);
        let head = parts.next()?;
        if head.is_empty() || head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
    }
    let digits: String = integer
        .bytes()
        .filter(u8::is_ascii_digit)
        .chain(bytes[n - 2..].iter().copied())
        .map(char::from)
        .collect();
    if digits.len() > 17 {
        return Some(Err(()));
    }
    let minor: i64 = digits.parse().ok()?;
    Some(Ok((minor, 2, mark, decimal)))
}

/// What is at the end of a row.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Tail {
    /// The amounts, left to right.
    pub amounts: Vec<Money>,
    /// Index of the first word that belongs to the tail.
    pub start: usize,
    /// A word in amount position that could not be read (too many digits).
    pub unreadable: Option<String>,
}

/// Reads the amounts and sign markers at the end of `words` (at most three amounts), not
/// looking left of `from`. `1 234,56` (thousands separated by one space) is one amount when the
/// gap is about one character wide.
pub(crate) fn tail(words: &[Word], from: usize, decimal_hint: Option<u8>) -> Tail {
    let mut out = Tail {
        start: words.len(),
        ..Tail::default()
    };
    let mut i = words.len();
    let mut pending_mark = Mark::None;
    let mut pending_foreign = false;
    while i > from && out.amounts.len() < 3 {
        let word = &words[i - 1];
        let text = word.text.as_str();
        if let Some(m) = marker(text) {
            // A marker belongs to the amount on its left.
            let before = i >= 2 + from && money_word(&words[i - 2].text, decimal_hint).is_some();
            if pending_mark != Mark::None || !before {
                break;
            }
            pending_mark = m;
            i -= 1;
            continue;
        }
        if currency_word(text) || is_code(text) {
            // A code between two amounts marks the left one as foreign (`12.00 USD 10,95`).
            if is_code(text) && !out.amounts.is_empty() {
                pending_foreign = true;
            }
            i -= 1;
            continue;
        }
        // `01.11  24,90`: a day and month written with a dot beside an amount written with a
        // comma is the value date, not a second amount.
        if out.amounts.first().is_some_and(|m| m.decimal == b',') && day_dot_month(text).is_some() {
            break;
        }
        match money_word(text, decimal_hint) {
            Some(Ok((mut minor, scale, glued, decimal))) => {
                let mut x0 = word.x0;
                let mut j = i - 1;
                let bare = text.trim_start_matches(['-', '+', '(']);
                let bare = bare
                    .strip_prefix('€')
                    .or_else(|| bare.strip_prefix('$'))
                    .or_else(|| bare.strip_prefix('£'))
                    .unwrap_or(bare);
                let integer_digits = bare.bytes().take_while(u8::is_ascii_digit).count();
                if integer_digits == 3 && bare.len() == 6 {
                    let width = (word.x1 - word.x0) / text.chars().count().max(1) as f32;
                    let mut factor: i64 = 100_000; // minor units of one thousand
                    while j > from {
                        let prev = &words[j - 1];
                        let p = prev.text.as_str();
                        let digits_only =
                            !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
                        if !digits_only || x0 - prev.x1 > width * 1.6 {
                            break;
                        }
                        let Some(value) = p
                            .parse::<i64>()
                            .ok()
                            .and_then(|v| v.checked_mul(factor))
                            .and_then(|v| v.checked_add(minor))
                        else {
                            break;
                        };
                        minor = value;
                        x0 = prev.x0;
                        j -= 1;
                        match factor.checked_mul(1000) {
                            Some(f) if p.len() == 3 => factor = f,
                            _ => break,
                        }
                    }
                }
                let mark = if pending_mark != Mark::None {
                    pending_mark
                } else {
                    glued
                };
                out.amounts.insert(
                    0,
                    Money {
                        minor,
                        scale,
                        mark,
                        decimal,
                        x0,
                        x1: word.x1,
                        foreign: pending_foreign,
                    },
                );
                pending_mark = Mark::None;
                pending_foreign = false;
                i = j;
                out.start = i;
                // A sign or currency symbol as its own word: `- 12,50`, `€ 0,99`.
                while i > from {
                    let left = words[i - 1].text.as_str();
                    match marker(left) {
                        Some(m @ (Mark::Minus | Mark::Plus)) => {
                            if out.amounts[0].mark == Mark::None {
                                out.amounts[0].mark = m;
                            }
                        }
                        _ if currency_word(left) => {}
                        _ => break,
                    }
                    i -= 1;
                    out.start = i;
                }
            }
            Some(Err(())) => {
                out.unreadable = Some(text.to_owned());
                break;
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(text: &str) -> Vec<Word> {
        let line = crate::text::line_of(1, 1, text);
        words(&line)
    }

    #[test]
    fn a_yearless_day_dot_month_is_a_date_only_beside_a_second_one() {
        // BNP Paribas: `Date | Nature des opérations | Valeur | Débit | Crédit`.
        let words = ws("01.11  PRLV SEPA MCFIT  01.11  24,90");
        let (date, used) = leading_date(&words).unwrap();
        assert_eq!((date.a, date.b, date.year, used), (1, 11, None, 1));
        let t = tail(&words, used, None);
        assert_eq!(t.amounts.len(), 1, "the value date is not an amount");
        assert_eq!(t.amounts[0].minor, 2490);
        assert!(leading_date(&ws("12.07  TRANSFER  99,00")).is_none());
    }

    #[test]
    fn dates_in_their_shapes() {
        assert_eq!(
            word_date("05/07").map(|d| (d.a, d.b, d.year)),
            Some((5, 7, None))
        );
        assert_eq!(word_date("01.06.").map(|d| (d.a, d.b)), Some((1, 6)));
        assert_eq!(word_date("21.08.2019").map(|d| d.year), Some(Some(2019)));
        assert_eq!(word_date("2024-03-01").map(|d| (d.a, d.b)), Some((1, 3)));
        assert_eq!(
            word_date("05-Jan-24").map(|d| (d.a, d.b, d.year)),
            Some((5, 1, Some(2024)))
        );
        assert_eq!(word_date("12.07"), None);
        assert_eq!(word_date("12,50"), None);
        let (date, used) = leading_date(&ws("21 feb  22 feb  APPLE")).unwrap();
        assert_eq!((date.a, date.b, date.year, used), (21, 2, None, 2));
        let (date, used) = leading_date(&ws("17 maart 2025  999")).unwrap();
        assert_eq!((date.a, date.b, date.year, used), (17, 3, Some(2025), 3));
        let (date, used) = leading_date(&ws("Jan 5, 2024 X")).unwrap();
        assert_eq!((date.a, date.b, date.year, used), (5, 1, Some(2024), 3));
    }

    #[test]
    fn amounts_and_markers_at_the_end() {
        let t = tail(&ws("21 feb  APPLE.COM/BILL   0,99   Af"), 0, None);
        assert_eq!(t.amounts.len(), 1);
        assert_eq!((t.amounts[0].minor, t.amounts[0].mark), (99, Mark::Debit));
        let t = tail(&ws("05/07  VIREMENT SEPA      05/07    2 156,70"), 0, None);
        assert_eq!(t.amounts[0].minor, 215_670);
        let t = tail(&ws("01.06. Überweisung 400,00 S"), 0, None);
        assert_eq!(
            (t.amounts[0].minor, t.amounts[0].mark),
            (40_000, Mark::Debit)
        );
        let t = tail(&ws("03 Jan  TESCO  1,234.56  10,000.00 CR"), 0, None);
        assert_eq!(t.amounts.len(), 2);
        assert_eq!(
            (t.amounts[1].minor, t.amounts[1].mark),
            (1_000_000, Mark::Credit)
        );
        let t = tail(&ws("x  -12.50"), 0, None);
        assert_eq!(t.amounts[0].mark, Mark::Minus);
        let t = tail(&ws("x  12,50-"), 0, None);
        assert_eq!(t.amounts[0].mark, Mark::Minus);
        let t = tail(&ws("PARIS 10     72,00"), 0, None);
        assert_eq!(t.amounts[0].minor, 7200);
        let t = tail(&ws("x  $1,234.56"), 0, None);
        assert_eq!(t.amounts[0].minor, 123_456);
        let t = tail(&ws("x  12.00 USD   10,95 Af"), 0, None);
        assert_eq!(t.amounts.len(), 2);
        assert!(t.amounts[0].foreign);
        assert!(!t.amounts[1].foreign);
    }
}
