//! Dates as banks write them: ISO, `YYYYMMDD`, `DD.MM.YY`, `MM/DD/YYYY`, `10 Feb 18`, month
//! names in the languages of the exports we know, and date-times.
//!
//! Day-first and month-first numeric dates look the same, so they are kept as
//! [`RawDate::Numeric`] until the whole file has been seen and the order is decided.

use crate::DateOrder;
use chrono::NaiveDate;

/// A date as read, before the day/month order of numeric dates is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawDate {
    /// A date whose order is not in doubt (year first, or a month name).
    Known(NaiveDate),
    /// Two numbers of which one is the day and the other the month, and a full year.
    Numeric {
        /// The first number as written.
        first: u8,
        /// The second number as written.
        second: u8,
        /// The year, with two-digit years already expanded.
        year: i32,
    },
}

/// What a numeric date says about the order on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderEvidence {
    /// Nothing (`01/02/2024`, or not numeric).
    None,
    /// The first number is over 12, so it is the day.
    DayFirst,
    /// The second number is over 12, so it is the day.
    MonthFirst,
}

impl RawDate {
    /// The calendar date under `order` (`Ymd` is treated as day-first for numeric dates,
    /// which never happens: year-first dates are always `Known`).
    pub fn resolve(self, order: DateOrder) -> Option<NaiveDate> {
        match self {
            RawDate::Known(date) => Some(date),
            RawDate::Numeric {
                first,
                second,
                year,
            } => {
                let (day, month) = match order {
                    DateOrder::Mdy => (second, first),
                    DateOrder::Dmy | DateOrder::Ymd => (first, second),
                };
                NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))
            }
        }
    }

    /// What this date alone says about the order.
    pub fn evidence(self) -> OrderEvidence {
        match self {
            RawDate::Numeric { first, .. } if first > 12 => OrderEvidence::DayFirst,
            RawDate::Numeric { second, .. } if second > 12 => OrderEvidence::MonthFirst,
            _ => OrderEvidence::None,
        }
    }
}

/// Exactly `YYYY-MM-DD`, and a valid day. For dates the program writes itself (the page's
/// "today", cancellation records) and ISO elements; cheaper than chrono's format parser, which
/// the wasm module then need not carry.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = number(&bytes[..4])?;
    let month = number(&bytes[5..7])?;
    let day = number(&bytes[8..10])?;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Expands a two-digit year: 00–69 are 2000–2069, 70–99 are 1970–1999.
fn expand_year(digits: &[u8]) -> Option<i32> {
    let value = number(digits)?;
    match digits.len() {
        2 => Some(if value < 70 {
            2000 + value
        } else {
            1900 + value
        }),
        4 => Some(value),
        _ => None,
    }
}

fn number(digits: &[u8]) -> Option<i32> {
    if digits.is_empty() || digits.len() > 4 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0i32, |acc, &d| acc * 10 + i32::from(d - b'0')),
    )
}

fn known(year: i32, month: i32, day: i32) -> Option<RawDate> {
    let month = u32::try_from(month).ok()?;
    let day = u32::try_from(day).ok()?;
    NaiveDate::from_ymd_opt(year, month, day).map(RawDate::Known)
}

/// Parses a date, or a date-time (the time is ignored). Returns `None` for anything else.
pub fn parse(text: &[u8]) -> Option<RawDate> {
    let text = trim(text);
    if text.len() < 6 {
        return None;
    }
    // Fast path: `YYYY-MM-DD` with nothing or a time after it.
    if text.len() >= 10
        && text[4] == b'-'
        && text[7] == b'-'
        && time_follows(&text[10..])
        && text[..4]
            .iter()
            .chain(&text[5..7])
            .chain(&text[8..10])
            .all(u8::is_ascii_digit)
    {
        return known(
            number(&text[..4])?,
            number(&text[5..7])?,
            number(&text[8..10])?,
        );
    }
    let lead = text.iter().take_while(|b| b.is_ascii_digit()).count();
    match lead {
        0 => parse_month_first_name(text),
        8 => {
            // `YYYYMMDD`, only for plausible years so an account number is not a date.
            if !time_follows(&text[8..]) || !(text.starts_with(b"19") || text.starts_with(b"20")) {
                return None;
            }
            known(
                number(&text[..4])?,
                number(&text[4..6])?,
                number(&text[6..8])?,
            )
        }
        4 => {
            let separator = *text.get(4)?;
            if !matches!(separator, b'-' | b'/' | b'.' | b':') {
                return None;
            }
            let (month, rest) = digits(&text[5..], 1, 2)?;
            let rest = rest.strip_prefix(&[separator])?;
            let (day, rest) = digits(rest, 1, 2)?;
            let rest = rest.strip_prefix(b".").unwrap_or(rest);
            if !time_follows(rest) {
                return None;
            }
            known(number(&text[..4])?, number(month)?, number(day)?)
        }
        1 | 2 => {
            let first = number(&text[..lead])?;
            let rest = &text[lead..];
            let separator = *rest.first()?;
            if matches!(separator, b'/' | b'.' | b'-')
                && rest.get(1).is_some_and(u8::is_ascii_digit)
            {
                let (second, rest) = digits(&rest[1..], 1, 2)?;
                let rest = rest.strip_prefix(&[separator])?;
                let year_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                if year_len != 2 && year_len != 4 {
                    return None;
                }
                if !time_follows(&rest[year_len..]) {
                    return None;
                }
                let year = expand_year(&rest[..year_len])?;
                let second = number(second)?;
                return numeric(first, second, year);
            }
            // `10 Feb 18`, `10-Feb-2018`, `10. Februar 2018`.
            let rest = rest.strip_prefix(b".").unwrap_or(rest);
            let rest = skip_separators(rest);
            let (month, rest) = month_name(rest)?;
            let rest = skip_separators(rest);
            let year_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            if (year_len != 2 && year_len != 4) || !time_follows(&rest[year_len..]) {
                return None;
            }
            known(expand_year(&rest[..year_len])?, month, first)
        }
        _ => None,
    }
}

fn numeric(first: i32, second: i32, year: i32) -> Option<RawDate> {
    let valid = |day: i32, month: i32| {
        (1..=12).contains(&month)
            && NaiveDate::from_ymd_opt(year, month as u32, day as u32).is_some()
    };
    if !valid(first, second) && !valid(second, first) {
        return None;
    }
    Some(RawDate::Numeric {
        first: first as u8,
        second: second as u8,
        year,
    })
}

/// `Feb 10, 2018`, `February 10 2018`.
fn parse_month_first_name(text: &[u8]) -> Option<RawDate> {
    let (month, rest) = month_name(text)?;
    let rest = skip_separators(rest);
    let (day, rest) = digits(rest, 1, 2)?;
    let rest = rest.strip_prefix(b",").unwrap_or(rest);
    let rest = skip_separators(rest);
    let year_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if (year_len != 2 && year_len != 4) || !time_follows(&rest[year_len..]) {
        return None;
    }
    known(expand_year(&rest[..year_len])?, month, number(day)?)
}

fn digits(text: &[u8], min: usize, max: usize) -> Option<(&[u8], &[u8])> {
    let n = text.iter().take_while(|b| b.is_ascii_digit()).count();
    (min..=max).contains(&n).then(|| text.split_at(n))
}

fn skip_separators(mut text: &[u8]) -> &[u8] {
    while let Some((&first, rest)) = text.split_first() {
        if first == b' ' || first == b'-' || first == b'.' || first == b'/' {
            text = rest;
        } else {
            break;
        }
    }
    text
}

fn trim(mut text: &[u8]) -> &[u8] {
    while let Some((&first, rest)) = text.split_first() {
        if first.is_ascii_whitespace() || first == b'\'' || first == b'"' {
            text = rest;
        } else {
            break;
        }
    }
    while let Some((&last, rest)) = text.split_last() {
        if last.is_ascii_whitespace() || last == b'\'' || last == b'"' {
            text = rest;
        } else {
            break;
        }
    }
    text
}

/// True when `rest` is empty or a time follows (` 12:34`, `T12:34`, ` / 15:58`), so that
/// `01.01.2023 - 31.01.2023` or `12.03.2024abc` are not taken for dates.
fn time_follows(rest: &[u8]) -> bool {
    if rest.is_empty() {
        return true;
    }
    let rest = match rest.first() {
        Some(b'T') => &rest[1..],
        Some(b' ') => {
            let mut rest = rest;
            while let Some(tail) = rest
                .strip_prefix(b" ")
                .or_else(|| rest.strip_prefix(b"/"))
                .or_else(|| rest.strip_prefix(b","))
            {
                rest = tail;
            }
            rest
        }
        _ => return false,
    };
    let hours = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&hours) && rest.get(hours) == Some(&b':')
}

/// Month names and abbreviations in English, German, French, Dutch, Spanish, Italian,
/// Portuguese, Swedish, Danish and Norwegian. A word matches a month when it is a prefix (of at
/// least three letters) of exactly one month's names.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "januar", "janvier", "januari", "enero", "gennaio", "janeiro", "jänner", "janv",
    ],
    &[
        "february",
        "februar",
        "février",
        "fevrier",
        "februari",
        "febrero",
        "febbraio",
        "fevereiro",
        "févr",
    ],
    &[
        "march", "märz", "maerz", "mrz", "mars", "maart", "mrt", "marzo", "março", "marco",
    ],
    &["april", "avril", "abril", "aprile", "apr"],
    &["may", "mai", "mei", "mayo", "maggio", "maio", "maj"],
    &["june", "juni", "juin", "junio", "giugno", "junho"],
    &[
        "july", "juli", "juillet", "juil", "julio", "luglio", "julho",
    ],
    &["august", "août", "aout", "augustus", "agosto", "augusti"],
    &[
        "september",
        "septembre",
        "septiembre",
        "settembre",
        "setembro",
        "sept",
    ],
    &[
        "october", "oktober", "octobre", "octubre", "ottobre", "outubro",
    ],
    &["november", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
    ],
];

/// Reads a month name at the start of `text` and returns the month (1–12) and the rest.
fn month_name(text: &[u8]) -> Option<(i32, &[u8])> {
    let end = text
        .iter()
        .position(|&b| !(b.is_ascii_alphabetic() || b >= 0x80))
        .unwrap_or(text.len());
    let word = std::str::from_utf8(&text[..end]).ok()?;
    if word.chars().count() < 3 || word.len() > 12 {
        return None;
    }
    let word = word.to_lowercase();
    let mut found = None;
    for (index, names) in MONTHS.iter().enumerate() {
        if names.iter().any(|name| name.starts_with(word.as_str())) {
            if found.is_some_and(|seen| seen != index) {
                return None;
            }
            found = Some(index);
        }
    }
    let rest = &text[end..];
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    found.map(|index| (index as i32 + 1, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str, order: DateOrder) -> Option<String> {
        parse(text.as_bytes())?
            .resolve(order)
            .map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn reads_every_format_the_fixtures_use() {
        let dmy = DateOrder::Dmy;
        assert_eq!(ymd("2024-03-01", dmy).as_deref(), Some("2024-03-01"));
        assert_eq!(ymd("20200213", dmy).as_deref(), Some("2020-02-13"));
        assert_eq!(ymd("22.02.18", dmy).as_deref(), Some("2018-02-22"));
        assert_eq!(ymd("10 Feb 18", dmy).as_deref(), Some("2018-02-10"));
        assert_eq!(ymd("13 May 2025", dmy).as_deref(), Some("2025-05-13"));
        assert_eq!(ymd("2019.04.19.", dmy).as_deref(), Some("2019-04-19"));
        assert_eq!(ymd("2012:03:01", dmy).as_deref(), Some("2012-03-01"));
        assert_eq!(ymd("2018/03/01", dmy).as_deref(), Some("2018-03-01"));
        assert_eq!(
            ymd("2018-02-25 12:34:56 +0000", dmy).as_deref(),
            Some("2018-02-25")
        );
        assert_eq!(
            ymd("2018-03-30T17:47:21", dmy).as_deref(),
            Some("2018-03-30")
        );
        assert_eq!(
            ymd("30-12-2019 / 15:58", dmy).as_deref(),
            Some("2019-12-30")
        );
        assert_eq!(ymd("Feb 10, 2018", dmy).as_deref(), Some("2018-02-10"));
        assert_eq!(ymd("10-févr-2018", dmy).as_deref(), Some("2018-02-10"));
        assert_eq!(ymd("3. März 2024", dmy).as_deref(), Some("2024-03-03"));
        assert_eq!(ymd("12 mrt 2024", dmy).as_deref(), Some("2024-03-12"));
        assert_eq!(
            ymd("10/9/2025", DateOrder::Mdy).as_deref(),
            Some("2025-10-09")
        );
        assert_eq!(ymd("10/9/2025", dmy).as_deref(), Some("2025-09-10"));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "2015-0124",
            "12345678",
            "01.01.2023 - 31.01.2023",
            "31/31/2024",
            "hello",
            "1.5",
            "12.03.2024abc",
            "99999999",
        ] {
            assert_eq!(parse(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn evidence_comes_from_a_number_over_twelve() {
        assert_eq!(
            parse(b"23/01/2024").unwrap().evidence(),
            OrderEvidence::DayFirst
        );
        assert_eq!(
            parse(b"01/23/2024").unwrap().evidence(),
            OrderEvidence::MonthFirst
        );
        assert_eq!(
            parse(b"01/02/2024").unwrap().evidence(),
            OrderEvidence::None
        );
    }
}
