//! Property tests for the amount and date parsers and the streaming CSV reader: anything a bank
//! could write round-trips, nothing panics, and how the input is chunked never changes the
//! result.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use statement::date::{self, OrderEvidence};
use statement::{number, DateOrder, Hints};

/// Writes `minor` with `scale` decimals the way a bank might.
fn format_amount(minor: i64, scale: u8, style: u8) -> (String, u8) {
    let negative = minor < 0;
    let abs = minor.unsigned_abs();
    let factor = 10u64.pow(u32::from(scale));
    let (int, frac) = (abs / factor, abs % factor);
    let frac = if scale == 0 {
        String::new()
    } else {
        format!("{frac:0width$}", width = usize::from(scale))
    };
    let group = |separator: &str| {
        let digits = int.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(separator);
            }
            out.push(c);
        }
        out
    };
    let with = |int: String, mark: &str| {
        if frac.is_empty() {
            int
        } else {
            format!("{int}{mark}{frac}")
        }
    };
    match style % 9 {
        0 => (
            format!(
                "{}{}",
                if negative { "-" } else { "" },
                with(int.to_string(), ".")
            ),
            b'.',
        ),
        1 => (
            format!(
                "{}{}",
                if negative { "-" } else { "" },
                with(group("."), ",")
            ),
            b',',
        ),
        2 => (
            format!(
                "{}{}",
                if negative { "-" } else { "" },
                with(group("'"), ".")
            ),
            b'.',
        ),
        3 => {
            let body = with(group(","), ".");
            (if negative { format!("({body})") } else { body }, b'.')
        }
        4 => {
            let body = with(int.to_string(), ",");
            (if negative { format!("{body}-") } else { body }, b',')
        }
        5 => {
            let body = with(group(","), ".");
            (
                format!("{body} {}", if negative { "DR" } else { "CR" }),
                b'.',
            )
        }
        6 => (
            format!(
                "{}€ {}",
                if negative { "-" } else { "" },
                with(group(" "), ",")
            ),
            b',',
        ),
        7 => (
            format!(
                "{}{} EUR",
                if negative { "-" } else { "" },
                with(int.to_string(), ",")
            ),
            b',',
        ),
        _ => (
            format!(
                "{}£{}",
                if negative { "-" } else { "+" },
                with(group(","), ".")
            ),
            b'.',
        ),
    }
}

proptest! {
    #[test]
    fn amounts_round_trip_in_every_style(minor in -999_999_999_999i64..999_999_999_999, scale in 0u8..=4, style in 0u8..9) {
        let (text, mark) = format_amount(minor, scale, style);
        let parsed = number::parse(text.as_bytes(), mark).unwrap_or_else(|e| panic!("{text}: {e:?}")).unwrap();
        prop_assert_eq!((parsed.minor, parsed.scale), (minor, scale), "{}", text);
    }

    #[test]
    fn amount_parser_never_panics(text in ".{0,40}", comma in any::<bool>()) {
        let mark = if comma { b',' } else { b'.' };
        if let Ok(Some(number)) = number::parse(text.as_bytes(), mark) {
            prop_assert!(number.scale <= number::MAX_SCALE);
        }
        let _ = number::shape(text.as_bytes());
    }

    #[test]
    fn amount_parser_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        let _ = number::parse(&bytes, b'.');
        let _ = number::parse(&bytes, b',');
    }

    #[test]
    fn dates_round_trip_in_every_format(days in 0i32..36_500, style in 0u8..10) {
        let day = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Duration::days(i64::from(days));
        let (text, order) = match style {
            0 => (day.format("%Y-%m-%d").to_string(), DateOrder::Ymd),
            1 => (day.format("%Y%m%d").to_string(), DateOrder::Ymd),
            2 => (day.format("%d.%m.%Y").to_string(), DateOrder::Dmy),
            3 => (day.format("%d.%m.%y").to_string(), DateOrder::Dmy),
            4 => (day.format("%m/%d/%Y").to_string(), DateOrder::Mdy),
            5 => (format!("{}/{}/{}", day.month(), day.day(), day.year()), DateOrder::Mdy),
            6 => (day.format("%d %b %Y").to_string(), DateOrder::Dmy),
            7 => (day.format("%b %d, %Y").to_string(), DateOrder::Mdy),
            8 => (day.and_hms_opt(12, 34, 56).unwrap().format("%Y-%m-%d %H:%M:%S +0000").to_string(), DateOrder::Ymd),
            _ => (day.format("%d-%m-%Y").to_string(), DateOrder::Dmy),
        };
        // Two-digit years only reach 1970–2069.
        let raw = date::parse(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
        prop_assert_eq!(raw.resolve(order), Some(day), "{}", text);
        // The evidence never contradicts the true order.
        match raw.evidence() {
            OrderEvidence::DayFirst => prop_assert_eq!(order, DateOrder::Dmy),
            OrderEvidence::MonthFirst => prop_assert_eq!(order, DateOrder::Mdy),
            OrderEvidence::None => {}
        }
    }

    #[test]
    fn date_parser_never_panics(text in ".{0,30}") {
        if let Some(raw) = date::parse(text.as_bytes()) {
            let _ = raw.resolve(DateOrder::Dmy);
            let _ = raw.resolve(DateOrder::Mdy);
        }
    }

    #[test]
    fn chunking_never_changes_the_result(
        rows in proptest::collection::vec((0i32..3000, -99_999i64..99_999, "[A-Za-z ,\"]{0,12}"), 1..40),
        chunk in 1usize..50,
        semicolon in any::<bool>(),
    ) {
        let delimiter = if semicolon { ';' } else { ',' };
        let mut text = format!("Date{delimiter}Description{delimiter}Amount\r\n");
        for (day, cents, description) in &rows {
            let date = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(i64::from(*day));
            let quoted = description.replace('"', "\"\"");
            let amount = format!("{}.{:02}", cents / 100, (cents % 100).abs());
            let amount = if *cents < 0 && cents / 100 == 0 { format!("-{amount}") } else { amount };
            let amount = if semicolon { amount.replace('.', ",") } else { amount };
            text.push_str(&format!("{}{delimiter}\"{quoted}\"{delimiter}{amount}\n", date.format("%d.%m.%Y")));
        }
        // Pin the sign so an all-positive sample is not read as a card export.
        let hints = Hints { sign_convention: Some(statement::SignConvention::OutflowNegative), ..Hints::default() };
        let whole = statement::read(text.as_bytes(), &hints);
        let mut reader = statement::csv::CsvReader::new(hints.clone());
        for piece in text.as_bytes().chunks(chunk) {
            reader.push(piece);
        }
        let chunked = reader.finish();
        prop_assert_eq!(&whole, &chunked);
        let statement = whole.unwrap();
        prop_assert_eq!(statement.transactions.len(), rows.len());
        for (transaction, (_, cents, _)) in statement.transactions.iter().zip(&rows) {
            prop_assert_eq!(transaction.amount.rescale(2).unwrap().minor, *cents);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), chunk in 1usize..64) {
        let mut reader = statement::csv::CsvReader::new(Hints::default());
        for piece in bytes.chunks(chunk) {
            reader.push(piece);
        }
        let _ = reader.finish();
    }
}
