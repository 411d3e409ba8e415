//! The link format, version 1.
//!
//! ```text
//! link     = [anything "#"] "ref=" "v1." base64url(payload ‖ code ‖ check)   (no padding)
//! payload  = flags:u8 vendor:str [vendor_name:str] cancelled_on:date
//!            [confirmation:str] [notes:str] [check_after:delta]
//!            n:uv { number:uv title:str }            steps done
//!            n:uv { code:str }                      currencies used by the charges
//!            n:uv { date:delta meta:u8 minor:sv [description:str] }   charges
//! flags    = bit 0 vendor_name, 1 confirmation, 2 notes, 3 check_after (others 0)
//! meta     = bits 0-2 scale, 3-6 currency index + 1 (0 = none), 7 same description as before
//! date     = sv, days since 2000-01-01;  delta = sv, days since the date before it
//!            (cancelled_on for check_after and the first charge)
//! str      = uv byte length, UTF-8;  uv = LEB128 (shortest form);  sv = zigzag uv
//! code     = the first 5 bytes of SHA-256(payload)  → SPR-XXXX-XXXX
//! check    = CRC-32(payload ‖ code), big-endian
//! ```

use crate::hash::{crc32, sha256};
use crate::{date_in_range, limits, Charge, Money, Record, RecordError, Reference, Step};
use chrono::NaiveDate;

/// The format version this crate writes (and the only one it reads).
pub const VERSION: u32 = 1;
/// What precedes the encoding in a link's fragment.
pub const FRAGMENT_KEY: &str = "ref=";
/// Links longer than this are refused before any decoding.
pub const MAX_LINK_CHARS: usize = 24_000;

const CODE_BYTES: usize = 5;
const CHECK_BYTES: usize = 4;
const KNOWN_FLAGS: u8 = 0b1111;

/// A record made into a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoded {
    /// `v1.<base64url>`: what follows `#ref=`.
    pub text: String,
    /// The human code, `SPR-XXXX-XXXX`.
    pub code: String,
}

/// Why a link could not be read. `code()` is stable for programs; `Display` is for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// No `ref=v…` part.
    NotAReference,
    /// A version this code does not read.
    UnknownVersion(String),
    /// Longer than `MAX_LINK_CHARS`.
    TooLong(usize),
    /// A character that base64url does not use, at this 1-based position of the encoded part.
    BadCharacter {
        /// 1-based position in the part after `v1.`.
        position: usize,
        /// The character.
        character: char,
    },
    /// Too short to hold a record and its check, or cut off mid-character.
    Truncated,
    /// The check does not match: the link was changed or cut.
    Tampered,
    /// The check matches but the content is not a valid record (a link made by hand).
    Malformed(String),
}

impl DecodeError {
    /// A stable identifier: `not_a_reference`, `unknown_version`, `too_long`, `bad_character`,
    /// `truncated`, `tampered`, `malformed`.
    pub fn code(&self) -> &'static str {
        match self {
            DecodeError::NotAReference => "not_a_reference",
            DecodeError::UnknownVersion(_) => "unknown_version",
            DecodeError::TooLong(_) => "too_long",
            DecodeError::BadCharacter { .. } => "bad_character",
            DecodeError::Truncated => "truncated",
            DecodeError::Tampered => "tampered",
            DecodeError::Malformed(_) => "malformed",
        }
    }
}

impl DecodeError {
    /// The values its sentence names, for a page that writes the sentence in another
    /// language: `version` and `supported`, `length` and `max`, `character` and `position`,
    /// `detail` (English, from the record's checks).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            DecodeError::UnknownVersion(v) => {
                vec![("version", v.clone()), ("supported", format!("v{VERSION}"))]
            }
            DecodeError::TooLong(n) => {
                vec![
                    ("length", n.to_string()),
                    ("max", MAX_LINK_CHARS.to_string()),
                ]
            }
            DecodeError::BadCharacter {
                position,
                character,
            } => vec![
                ("character", format!("{character:?}")),
                ("position", position.to_string()),
            ],
            DecodeError::Malformed(what) => vec![("detail", what.clone())],
            _ => Vec::new(),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotAReference => write!(
                f,
                "this is not a Spendrein reference link: it has no \"#ref=v1.…\" part"
            ),
            DecodeError::UnknownVersion(v) => write!(
                f,
                "this reference was written in format {v:?}, which this version of Spendrein does not read (it reads v{VERSION})"
            ),
            DecodeError::TooLong(n) => write!(
                f,
                "this link is {n} characters long; a reference link is at most {MAX_LINK_CHARS}"
            ),
            DecodeError::BadCharacter { position, character } => write!(
                f,
                "the link has a character that does not belong in a reference ({character:?} at position {position}); it was probably changed or mangled when it was copied"
            ),
            DecodeError::Truncated => write!(
                f,
                "the link is incomplete: it was probably cut off when it was copied; copy the whole link again"
            ),
            DecodeError::Tampered => write!(
                f,
                "the link was changed or damaged after it was made: its integrity check does not match, so it is not shown"
            ),
            DecodeError::Malformed(what) => write!(
                f,
                "the link passes its check but does not hold a valid reference ({what})"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Makes a record into a link text (`v1.…`) and its code. Checks the record first.
pub fn encode(record: &Record) -> Result<Encoded, RecordError> {
    let record = record.normalised()?;
    let mut out = Vec::with_capacity(128);
    let flags = u8::from(record.vendor_name.is_some())
        | u8::from(record.confirmation.is_some()) << 1
        | u8::from(record.notes.is_some()) << 2
        | u8::from(record.check_after.is_some()) << 3;
    out.push(flags);
    put_str(&mut out, &record.vendor);
    if let Some(name) = &record.vendor_name {
        put_str(&mut out, name);
    }
    put_sv(&mut out, days(record.cancelled_on));
    if let Some(text) = &record.confirmation {
        put_str(&mut out, text);
    }
    if let Some(text) = &record.notes {
        put_str(&mut out, text);
    }
    if let Some(date) = record.check_after {
        put_sv(&mut out, days(date) - days(record.cancelled_on));
    }
    put_uv(&mut out, record.steps_done.len() as u64);
    for step in &record.steps_done {
        put_uv(&mut out, u64::from(step.number));
        put_str(&mut out, &step.title);
    }
    let mut currencies: Vec<&str> = Vec::new();
    for charge in &record.charges {
        if let Some(code) = charge.currency.as_deref() {
            if !currencies.contains(&code) {
                currencies.push(code);
            }
        }
    }
    put_uv(&mut out, currencies.len() as u64);
    for code in &currencies {
        put_str(&mut out, code);
    }
    put_uv(&mut out, record.charges.len() as u64);
    let mut previous_date = days(record.cancelled_on);
    let mut previous_description: Option<&str> = None;
    for charge in &record.charges {
        // `normalised` has checked every amount.
        let money = Money::parse(&charge.amount).unwrap_or(Money { minor: 0, scale: 0 });
        let currency = charge
            .currency
            .as_deref()
            .and_then(|code| currencies.iter().position(|c| *c == code))
            .map_or(0, |i| i as u8 + 1);
        let same = previous_description == Some(charge.description.as_str());
        put_sv(&mut out, days(charge.date) - previous_date);
        out.push(money.scale | currency << 3 | u8::from(same) << 7);
        put_sv(&mut out, money.minor);
        if !same {
            put_str(&mut out, &charge.description);
        }
        previous_date = days(charge.date);
        previous_description = Some(&charge.description);
    }
    let digest = sha256(&out);
    let code = human_code(&digest[..CODE_BYTES]);
    out.extend_from_slice(&digest[..CODE_BYTES]);
    let check = crc32(&out);
    out.extend_from_slice(&check.to_be_bytes());
    Ok(Encoded {
        text: format!("v{VERSION}.{}", base64url(&out)),
        code,
    })
}

/// Reads a link: a whole URL, `#ref=v1.…`, `ref=v1.…` or `v1.…` (surrounding spaces ignored).
pub fn decode(link: &str) -> Result<Reference, DecodeError> {
    let link = link.trim();
    if link.len() > MAX_LINK_CHARS {
        return Err(DecodeError::TooLong(link.chars().count()));
    }
    let fragment = match link.find('#') {
        Some(at) => &link[at + 1..],
        None => link,
    };
    let body = fragment.strip_prefix(FRAGMENT_KEY).unwrap_or(fragment);
    let (version, encoded) = body.split_once('.').ok_or(DecodeError::NotAReference)?;
    let Some(number) = version.strip_prefix('v') else {
        return Err(DecodeError::NotAReference);
    };
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DecodeError::NotAReference);
    }
    if number != VERSION.to_string() {
        return Err(DecodeError::UnknownVersion(
            version.chars().take(12).collect(),
        ));
    }
    let bytes = unbase64url(encoded)?;
    if bytes.len() < 1 + CODE_BYTES + CHECK_BYTES {
        return Err(DecodeError::Truncated);
    }
    let (signed, check) = bytes.split_at(bytes.len() - CHECK_BYTES);
    if crc32(signed).to_be_bytes() != check {
        return Err(DecodeError::Tampered);
    }
    let (payload, code) = signed.split_at(signed.len() - CODE_BYTES);
    if sha256(payload)[..CODE_BYTES] != *code {
        return Err(DecodeError::Tampered);
    }
    let record = read_payload(payload).map_err(DecodeError::Malformed)?;
    // Exactly one encoding per record: anything else was not written by `encode`.
    match encode(&record) {
        Ok(again) if again.text[3..] == *encoded => {}
        _ => {
            return Err(DecodeError::Malformed(
                "it is not written the way Spendrein writes references".into(),
            ))
        }
    }
    Ok(Reference {
        version: VERSION,
        code: human_code(code),
        record,
    })
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

fn days(date: NaiveDate) -> i64 {
    (date - epoch()).num_days()
}

fn put_uv(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_sv(out: &mut Vec<u8>, value: i64) {
    put_uv(out, ((value << 1) ^ (value >> 63)) as u64);
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    put_uv(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Input<'a> {
    fn byte(&mut self, what: &str) -> Result<u8, String> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| format!("it ends inside the {what}"))?;
        self.at += 1;
        Ok(byte)
    }

    fn uv(&mut self, what: &str) -> Result<u64, String> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte(what)?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 {
                    return Err(format!("the {what} is not written in its shortest form"));
                }
                return Ok(value);
            }
        }
        Err(format!("the {what} is too large"))
    }

    fn sv(&mut self, what: &str) -> Result<i64, String> {
        let value = self.uv(what)?;
        Ok((value >> 1) as i64 ^ -((value & 1) as i64))
    }

    fn count(&mut self, what: &str, max: usize) -> Result<usize, String> {
        let n = self.uv(what)?;
        if n > max as u64 {
            return Err(format!("it has {n} {what}, more than {max}"));
        }
        Ok(n as usize)
    }

    fn str(&mut self, what: &str, max_chars: usize) -> Result<String, String> {
        let len = self.uv(what)?;
        // UTF-8 takes at most 4 bytes a character.
        if len > (max_chars * 4) as u64 || len as usize > self.bytes.len() - self.at {
            return Err(format!("the {what} is longer than the link"));
        }
        let end = self.at + len as usize;
        let text = std::str::from_utf8(&self.bytes[self.at..end])
            .map_err(|_| format!("the {what} is not valid UTF-8 text"))?;
        self.at = end;
        Ok(text.to_owned())
    }

    fn date(&mut self, what: &str, from: i64) -> Result<NaiveDate, String> {
        let delta = self.sv(what)?;
        from.checked_add(delta)
            .and_then(|n| epoch().checked_add_signed(chrono::TimeDelta::try_days(n)?))
            .filter(|date| date_in_range(*date))
            .ok_or_else(|| format!("the {what} is not a date between 1900 and 2199"))
    }
}

fn read_payload(bytes: &[u8]) -> Result<Record, String> {
    let mut input = Input { bytes, at: 0 };
    let flags = input.byte("flags")?;
    if flags & !KNOWN_FLAGS != 0 {
        return Err("it uses fields this version does not know".into());
    }
    let vendor = input.str("vendor", limits::VENDOR)?;
    let vendor_name = if flags & 1 != 0 {
        Some(input.str("vendor name", limits::VENDOR)?)
    } else {
        None
    };
    let cancelled_on = input.date("cancellation date", 0)?;
    let base = days(cancelled_on);
    let confirmation = if flags & 2 != 0 {
        Some(input.str("confirmation", limits::CONFIRMATION)?)
    } else {
        None
    };
    let notes = if flags & 4 != 0 {
        Some(input.str("notes", limits::NOTES)?)
    } else {
        None
    };
    let check_after = if flags & 8 != 0 {
        Some(input.date("look-again date", base)?)
    } else {
        None
    };
    let n_steps = input.count("steps", limits::STEPS)?;
    let mut steps_done = Vec::with_capacity(n_steps);
    for _ in 0..n_steps {
        let number = input.uv("step number")?;
        let title = input.str("step title", limits::STEP_TITLE)?;
        steps_done.push(Step {
            number: u32::try_from(number).map_err(|_| "a step number is too large")?,
            title,
        });
    }
    let n_currencies = input.count("currencies", limits::CURRENCIES)?;
    let mut currencies = Vec::with_capacity(n_currencies);
    for _ in 0..n_currencies {
        currencies.push(input.str("currency", 8)?);
    }
    let n_charges = input.count("charges", limits::CHARGES)?;
    let mut charges: Vec<Charge> = Vec::with_capacity(n_charges);
    let mut previous = base;
    for _ in 0..n_charges {
        let date = input.date("charge date", previous)?;
        previous = days(date);
        let meta = input.byte("charge")?;
        let scale = meta & 0b111;
        if scale > limits::SCALE {
            return Err("an amount has too many decimals".into());
        }
        let currency = match (meta >> 3) & 0b1111 {
            0 => None,
            i => Some(
                currencies
                    .get(usize::from(i) - 1)
                    .ok_or("a charge names a currency that is not in the link")?
                    .clone(),
            ),
        };
        let minor = input.sv("amount")?;
        let description = if meta & 0x80 != 0 {
            charges
                .last()
                .ok_or("the first charge refers to a description before it")?
                .description
                .clone()
        } else {
            input.str("description", limits::DESCRIPTION)?
        };
        charges.push(Charge {
            date,
            amount: Money { minor, scale }.to_decimal(),
            currency,
            description,
        });
    }
    if input.at != bytes.len() {
        return Err("it has bytes after the last charge".into());
    }
    let record = Record {
        vendor,
        vendor_name,
        cancelled_on,
        confirmation,
        notes,
        steps_done,
        check_after,
        charges,
    };
    record.normalised().map_err(|error| error.to_string())
}

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `SPR-XXXX-XXXX` from 40 bits, Crockford base32 (no I, L, O, U: nothing to misread).
fn human_code(bytes: &[u8]) -> String {
    let mut bits: u64 = 0;
    for &b in bytes {
        bits = bits << 8 | u64::from(b);
    }
    let chars: Vec<char> = (0..8)
        .rev()
        .map(|i| char::from(CROCKFORD[((bits >> (i * 5)) & 31) as usize]))
        .collect();
    format!(
        "SPR-{}-{}",
        chars[..4].iter().collect::<String>(),
        chars[4..].iter().collect::<String>()
    )
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Strict: only the 64 base64url characters, no padding, and unused low bits of the last
/// character must be zero (otherwise two texts would read as the same bytes).
fn unbase64url(text: &str) -> Result<Vec<u8>, DecodeError> {
    let mut values = Vec::with_capacity(text.len());
    for (i, character) in text.chars().enumerate() {
        let value = match character {
            'A'..='Z' => character as u8 - b'A',
            'a'..='z' => character as u8 - b'a' + 26,
            '0'..='9' => character as u8 - b'0' + 52,
            '-' => 62,
            '_' => 63,
            _ => {
                return Err(DecodeError::BadCharacter {
                    position: i + 1,
                    character,
                })
            }
        };
        values.push(value);
    }
    if values.len() % 4 == 1 {
        return Err(DecodeError::Truncated);
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | u32::from(v) << (18 - 6 * i));
        let bytes = chunk.len() - 1;
        let unused = match bytes {
            1 => n & 0xffff,
            2 => n & 0xff,
            _ => 0,
        };
        if unused != 0 {
            return Err(DecodeError::Tampered);
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..20 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(!text.contains('='));
            assert_eq!(unbase64url(&text).unwrap(), bytes);
        }
        // Non-zero unused bits in the last character are refused, not ignored.
        assert_eq!(base64url(&[0xff]), "_w");
        assert_eq!(unbase64url("_x"), Err(DecodeError::Tampered));
        assert_eq!(unbase64url("A"), Err(DecodeError::Truncated));
    }

    #[test]
    fn varints_are_shortest_form_only() {
        let mut out = Vec::new();
        put_uv(&mut out, 300);
        assert_eq!(out, [0xac, 0x02]);
        let mut input = Input {
            bytes: &[0x80, 0x00],
            at: 0,
        };
        assert!(input.uv("x").is_err());
        for value in [0i64, -1, 1, i64::MIN, i64::MAX, -1549] {
            let mut out = Vec::new();
            put_sv(&mut out, value);
            assert_eq!(Input { bytes: &out, at: 0 }.sv("x"), Ok(value));
        }
    }

    #[test]
    fn codes_use_crockford_base32() {
        assert_eq!(human_code(&[0, 0, 0, 0, 0]), "SPR-0000-0000");
        assert_eq!(human_code(&[0xff; 5]), "SPR-ZZZZ-ZZZZ");
    }
}
