//! What a reference is turned into for the person: CSV (safe in spreadsheets), an `.ics`
//! reminder (RFC 5545) and the two ready-to-send messages.

use crate::iso::{basic, iso};
use crate::wording::{fill, Wording};
use crate::{Money, Reference};
use chrono::NaiveDate;
use serde::Deserialize;

/// A spreadsheet cell holding text. A cell a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'` (OWASP, CSV injection); a cell with
/// a comma, quote or line break is quoted (RFC 4180).
pub fn text_cell(text: &str) -> String {
    let escaped = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if escaped.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", escaped.replace('"', "\"\""))
    } else {
        escaped
    }
}

/// An amount cell: a plain number (`-15.49`), never quoted or escaped, so spreadsheets sum it.
/// Text that is not an amount is written as a text cell instead.
fn amount_cell(amount: &str) -> String {
    match Money::parse(amount) {
        Some(money) => money.to_decimal(),
        None => text_cell(amount),
    }
}

fn row(out: &mut String, cells: &[String]) {
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// The record as CSV: one row per charge after the cancellation (one row without charge
/// columns when there are none), with the reference's fields repeated on each.
pub fn record_csv(reference: &Reference) -> String {
    let record = &reference.record;
    let mut out = String::new();
    row(
        &mut out,
        &[
            "reference",
            "vendor",
            "cancelled_on",
            "confirmation",
            "notes",
            "steps_done",
            "charge_date",
            "descriptor",
            "amount",
            "currency",
        ]
        .map(String::from),
    );
    let steps = record
        .steps_done
        .iter()
        .map(|step| format!("{}. {}", step.number, step.title))
        .collect::<Vec<_>>()
        .join("; ");
    let fixed = [
        text_cell(&reference.code),
        text_cell(record.display_name()),
        iso(record.cancelled_on),
        text_cell(record.confirmation.as_deref().unwrap_or("")),
        text_cell(record.notes.as_deref().unwrap_or("")),
        text_cell(&steps),
    ];
    if record.charges.is_empty() {
        let mut cells = fixed.to_vec();
        cells.extend([String::new(), String::new(), String::new(), String::new()]);
        row(&mut out, &cells);
    }
    for charge in &record.charges {
        let mut cells = fixed.to_vec();
        cells.extend([
            iso(charge.date),
            text_cell(&charge.description),
            amount_cell(&charge.amount),
            text_cell(charge.currency.as_deref().unwrap_or("")),
        ]);
        row(&mut out, &cells);
    }
    out
}

/// One analysed transaction for `transactions_csv` (from a card's history).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct TransactionRow {
    /// The transaction date.
    #[serde(with = "crate::iso")]
    pub date: NaiveDate,
    /// The descriptor.
    pub description: String,
    /// Signed decimal string.
    pub amount: String,
    /// ISO 4217 code, when known.
    #[serde(default)]
    pub currency: Option<String>,
    /// The file it came from.
    #[serde(default)]
    pub file: String,
    /// Its line in that file.
    #[serde(default)]
    pub line: u32,
    /// `before`, `after`, `final` or `refund` (relative to the cancellation).
    #[serde(default)]
    pub kind: String,
}

/// The analysed transactions as CSV: date, descriptor, amount (a number), currency, file,
/// line, and what the transaction is relative to the cancellation.
pub fn transactions_csv(rows: &[TransactionRow]) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "date",
            "descriptor",
            "amount",
            "currency",
            "file",
            "line",
            "kind",
        ]
        .map(String::from),
    );
    for tx in rows {
        row(
            &mut out,
            &[
                iso(tx.date),
                text_cell(&tx.description),
                amount_cell(&tx.amount),
                text_cell(tx.currency.as_deref().unwrap_or("")),
                text_cell(&tx.file),
                tx.line.to_string(),
                text_cell(&tx.kind),
            ],
        );
    }
    out
}

/// RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks.
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line to at most 75 octets a line (CRLF then a space), never inside a
/// UTF-8 sequence, and ends it with CRLF.
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        // The first line may hold 75 octets; continuation lines 74 after their space.
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// A calendar reminder for the reference's look-again date: one all-day VEVENT with a
/// VALARM at 09:00 that day. `None` when the reference has no look-again date. `stamp` is the
/// time the file is made (seconds since 1970, UTC; DTSTAMP); `link` goes in the description.
pub fn ics(reference: &Reference, link: &str, stamp: i64) -> Option<String> {
    ics_in(reference, link, stamp, &Wording::english())
}

/// [`ics`] with its title and text in `words`.
pub fn ics_in(reference: &Reference, link: &str, stamp: i64, words: &Wording) -> Option<String> {
    let record = &reference.record;
    let day = record.check_after?;
    let stamp = crate::iso::utc_stamp(stamp)?;
    let name = record.display_name();
    let summary = fill(&words.ics_summary, &[("name", name)]);
    let confirmation = record
        .confirmation
        .as_deref()
        .map_or(String::new(), |number| {
            fill(&words.ics_confirmation, &[("confirmation", number)])
        });
    let mut description = fill(
        &words.ics_cancelled,
        &[
            ("name", name),
            ("date", &words.date(record.cancelled_on)),
            ("confirmation", &confirmation),
        ],
    );
    description.push_str(&fill(
        &words.ics_advice,
        &[
            ("date", &words.date(day)),
            ("code", &reference.code),
            ("link", link),
        ],
    ));
    let mut out = String::new();
    let code = reference.code.to_ascii_lowercase();
    for line in [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Spendrein//Cancellation reference//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{code}-{}@spendrein.invalid", basic(day)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", basic(day)),
        format!("DTEND;VALUE=DATE:{}", basic(day.succ_opt()?)),
        format!("SUMMARY:{}", ics_text(&summary)),
        format!("DESCRIPTION:{}", ics_text(&description)),
        "TRANSP:TRANSPARENT".to_owned(),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", ics_text(&summary)),
        "TRIGGER;RELATED=START:PT9H".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ] {
        fold(&mut out, &line);
    }
    Some(out)
}

/// `15.49 USD on 1 April 2026 (NETFLIX.COM)` lines and the totals per currency.
fn charge_lines(reference: &Reference, words: &Wording) -> (Vec<String>, String) {
    let mut lines = Vec::new();
    let mut totals: Vec<(Option<String>, i128, u8)> = Vec::new();
    for charge in &reference.record.charges {
        let money = Money::parse(&charge.amount).unwrap_or(Money { minor: 0, scale: 0 });
        let currency = charge
            .currency
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        let amount = format!("{}{currency}", words.number(&money.abs_decimal()));
        let mut line = fill(
            &words.charge,
            &[("amount", &amount), ("date", &words.date(charge.date))],
        );
        if !charge.description.is_empty() {
            line.push_str(&format!(" ({})", charge.description));
        }
        lines.push(line);
        let minor = i128::from(money.minor.unsigned_abs());
        match totals.iter_mut().find(|(c, _, _)| c == &charge.currency) {
            Some((_, total, scale)) => {
                // Bring both to the larger scale.
                if money.scale > *scale {
                    *total *= 10i128.pow(u32::from(money.scale - *scale));
                    *scale = money.scale;
                }
                *total += minor * 10i128.pow(u32::from(*scale - money.scale));
            }
            None => totals.push((charge.currency.clone(), minor, money.scale)),
        }
    }
    let total = totals
        .iter()
        .map(|(currency, total, scale)| {
            let unit = 10i128.pow(u32::from(*scale));
            let number = if *scale == 0 {
                total.to_string()
            } else {
                format!(
                    "{}{}{:0w$}",
                    total / unit,
                    words.decimal,
                    total % unit,
                    w = usize::from(*scale)
                )
            };
            match currency {
                Some(c) => format!("{number} {c}"),
                None => number,
            }
        })
        .collect::<Vec<_>>()
        .join(&words.and);
    (lines, total)
}

fn cancelled_sentence(reference: &Reference, what: &str, words: &Wording) -> String {
    let record = &reference.record;
    let confirmation = record
        .confirmation
        .as_deref()
        .map_or(String::new(), |number| {
            fill(&words.confirmation, &[("confirmation", number)])
        });
    fill(
        &words.cancelled,
        &[
            ("what", what),
            ("date", &words.date(record.cancelled_on)),
            ("confirmation", &confirmation),
        ],
    )
}

fn steps_paragraph(reference: &Reference, words: &Wording) -> Option<String> {
    let steps = &reference.record.steps_done;
    if steps.is_empty() {
        return None;
    }
    let list = steps
        .iter()
        .map(|step| format!("- {}", step.title))
        .collect::<Vec<_>>()
        .join("\n");
    Some(fill(&words.steps, &[("steps", &list)]))
}

fn footer(reference: &Reference, link: &str, words: &Wording) -> String {
    fill(&words.footer, &[("code", &reference.code), ("link", link)])
}

/// The message to the vendor: "I cancelled on D, confirmation C, you charged me A on D1, D2;
/// please refund", with the reference link at the end. Plain text, in English.
pub fn vendor_message(reference: &Reference, link: &str) -> String {
    vendor_message_in(reference, link, &Wording::english())
}

/// [`vendor_message`] in `words`.
pub fn vendor_message_in(reference: &Reference, link: &str, words: &Wording) -> String {
    let record = &reference.record;
    let name = record.display_name();
    let (lines, total) = charge_lines(reference, words);
    let what = fill(&words.vendor_what, &[("name", name)]);
    let mut parts = vec![
        fill(
            &words.vendor_subject,
            &[("code", &reference.code), ("name", name)],
        ),
        words.hello.clone(),
        cancelled_sentence(reference, &what, words),
    ];
    if lines.is_empty() {
        parts.push(words.vendor_confirm.clone());
    } else {
        parts.push(fill(
            &words.vendor_refund,
            &[("charges", &lines.join("\n")), ("total", &total)],
        ));
    }
    parts.extend(steps_paragraph(reference, words));
    parts.push(words.thanks.clone());
    parts.push(footer(reference, link, words));
    parts.join("\n\n") + "\n"
}

/// The message to the card issuer or bank, disputing the charges after the cancellation, in
/// English.
pub fn issuer_message(reference: &Reference, link: &str) -> String {
    issuer_message_in(reference, link, &Wording::english())
}

/// [`issuer_message`] in `words`.
pub fn issuer_message_in(reference: &Reference, link: &str, words: &Wording) -> String {
    let record = &reference.record;
    let name = record.display_name();
    let (lines, total) = charge_lines(reference, words);
    let what = fill(&words.issuer_what, &[("name", name)]);
    let cancelled = cancelled_sentence(reference, &what, words);
    let mut parts = vec![
        fill(
            &words.issuer_subject,
            &[("code", &reference.code), ("name", name)],
        ),
        words.hello.clone(),
    ];
    if lines.is_empty() {
        parts.push(fill(
            &words.issuer_refuse,
            &[("cancelled", &cancelled), ("name", name)],
        ));
    } else {
        parts.push(fill(
            &words.issuer_dispute,
            &[
                ("name", name),
                ("charges", &lines.join("\n")),
                ("total", &total),
            ],
        ));
        parts.push(fill(
            &words.issuer_unauthorised,
            &[("cancelled", &cancelled), ("name", name)],
        ));
    }
    parts.extend(steps_paragraph(reference, words));
    parts.push(words.thanks.clone());
    parts.push(footer(reference, link, words));
    parts.join("\n\n") + "\n"
}
