//! Dates written and read as `YYYY-MM-DD` without chrono's general format machinery (which
//! would triple the size of the page's reference module), and the `.ics` time stamp.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serializer};

/// `2026-04-01`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `20260401` (RFC 5545 DATE).
pub fn basic(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Reads exactly `YYYY-MM-DD` (a real calendar date).
pub fn parse(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// `20261202T145000Z` for seconds since 1970 (UTC), or `None` out of range.
pub fn utc_stamp(seconds: i64) -> Option<String> {
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let date = epoch.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
    Some(format!(
        "{}T{:02}{:02}{:02}Z",
        basic(date),
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    ))
}

/// serde: a date as `YYYY-MM-DD`.
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&iso(*date))
}

/// serde: a date from `YYYY-MM-DD`.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| {
        serde::de::Error::custom(format!("expected a date as YYYY-MM-DD, got {text:?}"))
    })
}

/// The same for an optional date (null or absent is `None`).
pub mod option {
    use super::*;

    /// serde: an optional date as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => super::serialize(date, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// serde: an optional date from `YYYY-MM-DD` or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        match <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) => parse(&text).map(Some).ok_or_else(|| {
                serde::de::Error::custom(format!("expected a date as YYYY-MM-DD, got {text:?}"))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_write_strictly() {
        let date = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert_eq!(parse("2026-04-01"), Some(date));
        assert_eq!(iso(date), "2026-04-01");
        assert_eq!(basic(date), "20260401");
        for bad in [
            "2026-4-01",
            "2026-02-30",
            "2026/04/01",
            "+026-04-01",
            "2026-04-01 ",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert_eq!(
            utc_stamp(1_796_223_000).as_deref(),
            Some("20261202T145000Z")
        );
        assert_eq!(utc_stamp(0).as_deref(), Some("19700101T000000Z"));
    }
}
