//! Cancellation references: what a person chose to share about one cancellation (vendor,
//! date, confirmation, notes, the guide steps they did, the charges that came after), carried
//! entirely in a link's fragment as `#ref=v1.<base64url>`.
//!
//! The format (version 1) is a compact binary record, then the first 5 bytes of its SHA-256
//! (which are also the human code `SPR-XXXX-XXXX`, Crockford base32), then a CRC-32 of all of
//! that; base64url without padding. Decoding is strict: one canonical encoding per record, so
//! any changed, added or removed character is reported, never read as something else. The
//! check finds accidents and hand edits; it is not a signature (anyone can make a link), which
//! is why the reference page says the person made it and Spendrein did not verify it.
//!
//! No I/O, no clock: the `.ics` export takes its time stamp as a parameter.

mod codec;
mod export;
pub mod hash;
pub mod iso;
pub mod wording;

pub use codec::{decode, encode, DecodeError, Encoded, FRAGMENT_KEY, MAX_LINK_CHARS, VERSION};
pub use export::{
    ics, ics_in, issuer_message, issuer_message_in, record_csv, transactions_csv, vendor_message,
    vendor_message_in, TransactionRow,
};
pub use wording::Wording;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Limits on what a record may hold (characters for text, items for lists).
pub mod limits {
    /// Vendor id or name, and the display name.
    pub const VENDOR: usize = 200;
    /// Confirmation number.
    pub const CONFIRMATION: usize = 200;
    /// Free notes.
    pub const NOTES: usize = 2000;
    /// Guide steps done.
    pub const STEPS: usize = 50;
    /// A step's title.
    pub const STEP_TITLE: usize = 300;
    /// Charges after the cancellation.
    pub const CHARGES: usize = 100;
    /// A charge's descriptor.
    pub const DESCRIPTION: usize = 300;
    /// Digits after the decimal point in an amount.
    pub const SCALE: u8 = 6;
    /// Distinct currencies in one record.
    pub const CURRENCIES: usize = 15;
}

/// What the person chose to put in a reference. The JSON field names are a contract with the
/// page (`web/reference.js`), the widget and `spendrein reference`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The guide id, or the free text the person typed.
    pub vendor: String,
    /// The display name, when it differs from `vendor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_name: Option<String>,
    /// The day the person cancelled.
    #[serde(with = "iso")]
    pub cancelled_on: NaiveDate,
    /// The vendor's confirmation number, if the person gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation: Option<String>,
    /// The person's notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The guide steps the person did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps_done: Vec<Step>,
    /// When to look at a statement again (`too_early` and `final_charge` verdicts).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "iso::option")]
    pub check_after: Option<NaiveDate>,
    /// Charges after the cancellation.
    #[serde(default)]
    pub charges: Vec<Charge>,
}

/// A guide step the person did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// 1-based step number in the vendor's guide.
    pub number: u32,
    /// The step's title.
    pub title: String,
}

/// One charge after the cancellation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Charge {
    /// The transaction date.
    #[serde(with = "iso")]
    pub date: NaiveDate,
    /// Signed decimal string as in the engine's report (negative = money out).
    pub amount: String,
    /// ISO 4217 code, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The descriptor as the bank wrote it.
    pub description: String,
}

/// A decoded reference: the record and its code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The format version the link was written in.
    pub version: u32,
    /// The human reference code, `SPR-XXXX-XXXX`.
    pub code: String,
    /// What the link holds.
    #[serde(flatten)]
    pub record: Record,
}

/// Why a record cannot be made into a link: the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// The field, e.g. `charges[2].amount`.
    pub field: String,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.field, self.problem)
    }
}

impl std::error::Error for RecordError {}

/// An amount as integer minor units and a scale (`-15.49` is `(-1549, 2)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money {
    /// Minor units, signed.
    pub minor: i64,
    /// Digits after the decimal point.
    pub scale: u8,
}

impl Money {
    /// Reads a signed decimal string: `-15.49`, `12`, `0.5`. No exponent, no grouping.
    pub fn parse(text: &str) -> Option<Money> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (digits, ""),
        };
        if whole.is_empty()
            || whole.len() > 15
            || fraction.len() > usize::from(limits::SCALE)
            || (digits.contains('.') && fraction.is_empty())
            || !whole
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut minor: i64 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            minor = minor.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        Some(Money {
            minor: if negative { -minor } else { minor },
            scale: fraction.len() as u8,
        })
    }

    /// The signed decimal string (`-15.49`); the canonical form `parse` reads back.
    pub fn to_decimal(self) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        self.unsigned(sign, abs)
    }

    /// The amount without its sign (`15.49`), for "you charged me 15.49 USD".
    pub fn abs_decimal(self) -> String {
        self.unsigned("", self.minor.unsigned_abs())
    }

    fn unsigned(self, sign: &str, abs: u64) -> String {
        if self.scale == 0 {
            return format!("{sign}{abs}");
        }
        let unit = 10u64.pow(u32::from(self.scale));
        format!(
            "{sign}{}.{:0width$}",
            abs / unit,
            abs % unit,
            width = usize::from(self.scale)
        )
    }
}

impl Record {
    /// Checks the record and returns its canonical form: empty optional text becomes absent,
    /// amounts are written canonically (`-015.490` stays `-15.490`; `-0` becomes `0`).
    pub fn normalised(&self) -> Result<Record, RecordError> {
        let err = |field: String, problem: &str| RecordError {
            field,
            problem: problem.to_owned(),
        };
        let text = |field: &str, value: &str, max: usize, required: bool| {
            if required && value.is_empty() {
                return Err(err(field.to_owned(), "is empty"));
            }
            if value.chars().count() > max {
                return Err(err(
                    field.to_owned(),
                    &format!("is longer than {max} characters"),
                ));
            }
            Ok(())
        };
        let optional = |field: &str, value: &Option<String>, max: usize| match value.as_deref() {
            None | Some("") => Ok(None),
            Some(v) => text(field, v, max, false).map(|()| Some(v.to_owned())),
        };
        text("vendor", &self.vendor, limits::VENDOR, true)?;
        check_date("cancelled_on", self.cancelled_on)?;
        if let Some(date) = self.check_after {
            check_date("check_after", date)?;
        }
        if self.steps_done.len() > limits::STEPS {
            return Err(err(
                "steps_done".into(),
                &format!("has more than {} steps", limits::STEPS),
            ));
        }
        for (i, step) in self.steps_done.iter().enumerate() {
            if step.number == 0 || step.number > 1000 {
                return Err(err(
                    format!("steps_done[{i}].number"),
                    "must be a step number from 1 to 1000",
                ));
            }
            text(
                &format!("steps_done[{i}].title"),
                &step.title,
                limits::STEP_TITLE,
                false,
            )?;
        }
        if self.charges.len() > limits::CHARGES {
            return Err(err(
                "charges".into(),
                &format!("has more than {} charges", limits::CHARGES),
            ));
        }
        let mut currencies: Vec<&str> = Vec::new();
        let mut charges = Vec::with_capacity(self.charges.len());
        for (i, charge) in self.charges.iter().enumerate() {
            check_date(&format!("charges[{i}].date"), charge.date)?;
            let money = Money::parse(&charge.amount).ok_or_else(|| {
                err(
                    format!("charges[{i}].amount"),
                    "is not a decimal amount like -15.49 (at most 15 digits before the point and 6 after)",
                )
            })?;
            let currency = match charge.currency.as_deref() {
                None | Some("") => None,
                Some(code) => {
                    if code.len() > 8 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
                        return Err(err(
                            format!("charges[{i}].currency"),
                            "must be a currency code of up to 8 letters or digits, like USD",
                        ));
                    }
                    if !currencies.contains(&code) {
                        currencies.push(code);
                    }
                    Some(code.to_owned())
                }
            };
            text(
                &format!("charges[{i}].description"),
                &charge.description,
                limits::DESCRIPTION,
                false,
            )?;
            charges.push(Charge {
                date: charge.date,
                amount: money.to_decimal(),
                currency,
                description: charge.description.clone(),
            });
        }
        if currencies.len() > limits::CURRENCIES {
            return Err(err(
                "charges".into(),
                &format!("use more than {} currencies", limits::CURRENCIES),
            ));
        }
        Ok(Record {
            vendor: self.vendor.clone(),
            vendor_name: optional("vendor_name", &self.vendor_name, limits::VENDOR)?
                .filter(|name| name != &self.vendor),
            cancelled_on: self.cancelled_on,
            confirmation: optional("confirmation", &self.confirmation, limits::CONFIRMATION)?,
            notes: optional("notes", &self.notes, limits::NOTES)?,
            steps_done: self.steps_done.clone(),
            check_after: self.check_after,
            charges,
        })
    }

    /// The name to show: the display name, else the vendor as typed.
    pub fn display_name(&self) -> &str {
        self.vendor_name.as_deref().unwrap_or(&self.vendor)
    }
}

/// The dates a reference can hold: 1900-01-01 to 2199-12-31.
pub fn date_in_range(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (1900..=2199).contains(&date.year())
}

fn check_date(field: &str, date: NaiveDate) -> Result<(), RecordError> {
    if date_in_range(date) {
        Ok(())
    } else {
        Err(RecordError {
            field: field.to_owned(),
            problem: "must be a date between 1900 and 2199".to_owned(),
        })
    }
}

/// `2026-04-01` → `1 April 2026` (in English; [`Wording::date`] in another language).
pub fn long_date(date: NaiveDate) -> String {
    Wording::english().date(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_and_writes_canonical_decimals() {
        assert_eq!(
            Money::parse("-15.49"),
            Some(Money {
                minor: -1549,
                scale: 2
            })
        );
        assert_eq!(Money::parse("-015.490").unwrap().to_decimal(), "-15.490");
        assert_eq!(Money::parse("-0.00").unwrap().to_decimal(), "0.00");
        assert_eq!(Money::parse("7").unwrap().to_decimal(), "7");
        assert_eq!(Money::parse("-0.05").unwrap().abs_decimal(), "0.05");
        for bad in [
            "",
            "-",
            "1.",
            ".5",
            "1e3",
            "1,5",
            "+1",
            "--1",
            "1.2345678",
            "1234567890123456",
        ] {
            assert_eq!(Money::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn long_dates_are_written_in_full() {
        let date = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert_eq!(long_date(date), "1 April 2026");
    }
}
