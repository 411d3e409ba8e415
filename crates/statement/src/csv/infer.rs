//! Dialect inference on the first part of the file: delimiter, preamble, header, column roles
//! and decimal mark. Everything here runs once, on at most a few hundred records, so clarity
//! wins over speed.

use super::names::{self, Language, NameRole};
use super::split::Splitter;
use crate::number::{self, MarkEvidence};
use crate::{date, ColumnRole, Diagnostic, Hints, ReadError, Severity};

/// How many records inference looks at.
const SAMPLE_RECORDS: usize = 400;

/// A record of the sample, decoded.
#[derive(Clone, Debug)]
pub struct SampleRecord {
    pub line: u32,
    pub fields: Vec<String>,
}

/// What inference decided about the file.
#[derive(Clone, Debug)]
pub struct Layout {
    pub delimiter: u8,
    pub header: Option<Vec<String>>,
    pub header_line: Option<u32>,
    /// Records starting before this line are preamble or the header.
    pub data_line: u32,
    pub roles: Vec<ColumnRole>,
    pub date: usize,
    pub posted: Option<usize>,
    pub amount: Option<usize>,
    pub debit: Option<usize>,
    pub credit: Option<usize>,
    pub flag: Option<usize>,
    pub balance: Option<usize>,
    /// A headerless column holding the balance before each row (found by arithmetic).
    pub balance_before: Option<usize>,
    pub currency: Option<usize>,
    pub id: Option<usize>,
    /// Payee, description and reference columns, in the order they are combined.
    pub text: Vec<usize>,
    /// Of `text`, the counterparty columns (named so), then the purpose columns (the rest).
    pub counterparty: Vec<usize>,
    /// A payer column beside a payee column: the counterparty of money in.
    pub payer: Option<usize>,
    pub purpose: Vec<usize>,
    /// Booking-type columns: kept apart, never in the description.
    pub booking: Vec<usize>,
    /// The booking columns hold booking phrases (a joined row must put one there).
    /// The caller decided which rows are transactions (`Hints::rows_are_transactions`): no row
    /// is skipped as a balance or total row.
    pub rows_are_transactions: bool,
    pub booking_phrases: bool,
    /// Rows keep their parts apart (a booking column, or a counterparty and a purpose).
    pub parts: bool,
    /// The fields a row has; a longer row with more than empty fields at its end is one whose
    /// text held the delimiter.
    pub width: usize,
    /// The account the preamble names (`IBAN;DE12 …`).
    pub account: Option<String>,
    /// The first word of the account holder's bank as the preamble names it (`Bank;ING`),
    /// lowercase: a counterparty that is the bank itself leaves the merchant to the purpose.
    pub own_bank: Option<String>,
    pub decimal_mark: u8,
    pub decimal_reason: String,
    pub language: Language,
    /// A currency named in the header (`Amount (EUR)`, `Debit CHF`).
    pub header_currency: Option<[u8; 3]>,
    /// The header mentions a card (`Card No.`, `Kartennummer`).
    pub card_clue: bool,
    /// The header looks like a merchant's payout export (fees and customers).
    pub merchant_clue: bool,
}

/// Splits `text` with `delimiter` into at most `max` decoded records. When `complete` is false
/// the last, possibly cut, record is dropped.
pub fn sample(text: &[u8], delimiter: u8, complete: bool, max: usize) -> Vec<SampleRecord> {
    let mut splitter = Splitter::new(delimiter);
    let mut records = Vec::new();
    let mut cut = false;
    splitter.feed(text, complete, |record| {
        if records.len() >= max {
            return;
        }
        if record.unterminated && !complete {
            cut = true;
            return;
        }
        let fields = (0..record.len())
            .map(|i| String::from_utf8_lossy(record.field(i)).trim().to_owned())
            .collect();
        records.push(SampleRecord {
            line: record.line,
            fields,
        });
    });
    if !complete && !cut && records.len() > 1 && !text.ends_with(b"\n") && !text.ends_with(b"\r") {
        records.pop();
    }
    records
}

fn non_empty(fields: &[String]) -> usize {
    fields.iter().filter(|f| !f.is_empty()).count()
}

/// Picks the delimiter that splits the most records into rows of dates and amounts, then the
/// most records into the same number of fields: commas in a sentence of the preamble or in
/// decimal amounts make no rows of dates and amounts.
pub fn choose_delimiter(text: &[u8], complete: bool) -> u8 {
    // The delimiter that puts the most records at the same field count wins (a count off by
    // one, a trailing delimiter, counts half); more fields break ties.
    let mut best = (b',', (0usize, 0usize, 0usize));
    for delimiter in [b',', b';', b'\t', b'|'] {
        let records = sample(text, delimiter, complete, 200);
        let mut counts = std::collections::HashMap::new();
        let mut data = 0;
        for record in &records {
            if record.fields.len() >= 2 && non_empty(&record.fields) >= 2 {
                *counts.entry(record.fields.len()).or_insert(0usize) += 1;
                // The first rows of the table settle it; the rest only cost time.
                if counts.values().sum::<usize>() <= 60 {
                    data += usize::from(is_data(&record.fields));
                }
            }
        }
        let score = counts
            .keys()
            .map(|&n| {
                let agreement = counts
                    .iter()
                    .map(|(&m, &c)| {
                        if m == n {
                            2 * c
                        } else if m + 1 == n || m == n + 1 {
                            c
                        } else {
                            0
                        }
                    })
                    .sum::<usize>();
                (data, agreement, n)
            })
            .max()
            .unwrap_or((0, 0, 0));
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// A field that could be an amount in a data row.
fn is_amount_like(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(evidence) = number::shape(bytes) else {
        return false;
    };
    let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return false;
    }
    let decorated = evidence != MarkEvidence::None
        || bytes
            .iter()
            .any(|b| matches!(b, b'.' | b',' | b'-' | b'+' | b'('))
        || !bytes.iter().all(|b| b.is_ascii_digit());
    decorated || digits <= 7
}

fn is_date(text: &str) -> bool {
    date::parse(text.as_bytes()).is_some()
}

/// True when the record has a date and a separate amount-like field.
fn is_data(fields: &[String]) -> bool {
    let mut has_date = false;
    let mut has_amount = false;
    for field in fields {
        if field.is_empty() {
            continue;
        }
        if is_date(field) {
            has_date = true;
        } else if is_amount_like(field) {
            has_amount = true;
        }
    }
    has_date && has_amount
}

/// Per-column facts from the data rows of the sample.
#[derive(Clone, Debug, Default)]
struct ColumnStats {
    filled: usize,
    dates: usize,
    amounts: usize,
    with_decimals: usize,
    negatives: usize,
    flags: usize,
    currencies: usize,
    letters: usize,
    total_len: usize,
    distinct: std::collections::BTreeSet<String>,
    iban_like: usize,
}

fn is_currency_code(text: &str) -> bool {
    let t = text.trim();
    (t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic()))
        && (t.chars().all(|c| c.is_ascii_uppercase()) || t.chars().all(|c| c.is_ascii_lowercase()))
}

fn is_iban_like(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 12
        && t.len() <= 34
        && t.chars().take(2).all(|c| c.is_ascii_uppercase())
        && t.chars().skip(2).take(2).all(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_alphanumeric())
}

fn column_stats(rows: &[&SampleRecord], n_columns: usize) -> Vec<ColumnStats> {
    let mut stats = vec![ColumnStats::default(); n_columns];
    for row in rows {
        for (index, field) in row.fields.iter().enumerate().take(n_columns) {
            if field.is_empty() {
                continue;
            }
            let column = &mut stats[index];
            column.filled += 1;
            column.total_len += field.chars().count();
            if column.distinct.len() < 16 {
                column.distinct.insert(field.to_lowercase());
            }
            if is_date(field) {
                column.dates += 1;
            } else if let Some(evidence) = number::shape(field.as_bytes()) {
                if is_amount_like(field) {
                    column.amounts += 1;
                }
                if evidence != MarkEvidence::None || field.contains(['.', ',']) {
                    column.with_decimals += 1;
                }
                if field.contains('-') || field.contains('(') {
                    column.negatives += 1;
                }
            }
            if names::flag_value(field).is_some() {
                column.flags += 1;
            }
            if is_currency_code(field) {
                column.currencies += 1;
            }
            if is_iban_like(field) {
                column.iban_like += 1;
            }
            if field.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                column.letters += 1;
            }
        }
    }
    stats
}

/// The error for a file that has no table of dates and amounts, naming what it looks like.
pub fn not_a_statement(prefix: &[u8], detail: Option<String>) -> ReadError {
    let help_export = "export the transaction list as CSV (or OFX, QIF, CAMT or MT940) from your bank's online banking";
    let (what, help) = match prefix {
        [b'%', b'P', b'D', b'F', ..] => (
            "a PDF document".to_owned(),
            "PDF statements cannot be read; download the transactions as CSV from your bank instead",
        ),
        [b'P', b'K', 3, 4, ..] | [b'P', b'K', 5, 6, ..] => (
            "a ZIP archive (an Excel .xlsx workbook is one)".to_owned(),
            "open the workbook and save it as CSV, or download CSV from your bank instead",
        ),
        [0xD0, 0xCF, 0x11, 0xE0, ..] => (
            "a legacy Excel (.xls) workbook".to_owned(),
            "open the workbook and save it as CSV, or download CSV from your bank instead",
        ),
        [0x89, b'P', b'N', b'G', ..] | [0xFF, 0xD8, 0xFF, ..] | [b'G', b'I', b'F', b'8', ..] => (
            "an image".to_owned(),
            "a screenshot cannot be read; download the transactions as CSV from your bank",
        ),
        [0x1F, 0x8B, ..] => (
            "a gzip-compressed file".to_owned(),
            "unpack it first, or download the statement again as CSV",
        ),
        _ => {
            let head: Vec<u8> = prefix.iter().take(512).copied().collect();
            let text = String::from_utf8_lossy(&head).to_lowercase();
            let controls = head
                .iter()
                .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
                .count();
            if text.trim_start().starts_with("<!doctype html") || text.contains("<html") {
                (
                    "a web page (HTML), not an export".to_owned(),
                    "the download may have failed or saved the bank's page; export the transactions again as CSV",
                )
            } else if controls * 20 > head.len().max(1) {
                ("binary data, not text".to_owned(), help_export)
            } else if text.trim_start().starts_with('{') || text.trim_start().starts_with('[') {
                ("JSON data, not a bank export".to_owned(), help_export)
            } else {
                (
                    detail.unwrap_or_else(|| {
                        "text without a table of dates and amounts".to_owned()
                    }),
                    help_export,
                )
            }
        }
    };
    ReadError::new(
        "not-a-statement",
        format!("this file is not a bank statement: it looks like {what}"),
        help,
    )
}

/// True when the bytes start like a binary format we can name (PDF, ZIP, image, …).
pub fn is_known_binary(prefix: &[u8]) -> bool {
    matches!(
        prefix,
        [b'%', b'P', b'D', b'F', ..]
            | [b'P', b'K', 3, 4, ..]
            | [b'P', b'K', 5, 6, ..]
            | [0xD0, 0xCF, 0x11, 0xE0, ..]
            | [0x89, b'P', b'N', b'G', ..]
            | [0xFF, 0xD8, 0xFF, ..]
            | [b'G', b'I', b'F', b'8', ..]
            | [0x1F, 0x8B, ..]
    )
}

struct Candidate {
    role: NameRole,
    rank: usize,
}

/// Infers the layout from decoded text (the first chunk of the file).
pub fn infer(
    text: &[u8],
    complete: bool,
    hints: &Hints,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Layout, ReadError> {
    let delimiter = choose_delimiter(text, complete);
    let records = sample(text, delimiter, complete, SAMPLE_RECORDS);
    if records.iter().all(|r| non_empty(&r.fields) == 0) {
        if text.iter().any(|b| !b.is_ascii_whitespace()) {
            let detail = if complete {
                "text with no filled-in rows".to_owned()
            } else {
                "text with no line break in its first 64 KiB, not a table of transactions"
                    .to_owned()
            };
            return Err(not_a_statement(text, Some(detail)));
        }
        return Err(ReadError::new(
            "empty-file",
            "the file has no text in it",
            "export the statement again from your bank; the download may have failed",
        ));
    }
    let data_flags: Vec<bool> = records.iter().map(|r| is_data(&r.fields)).collect();
    let mut counts = std::collections::HashMap::new();
    for (record, &data) in records.iter().zip(&data_flags) {
        if data {
            *counts.entry(record.fields.len()).or_insert(0usize) += 1;
        }
    }
    let mode = counts.iter().max_by_key(|(&n, &c)| (c, n)).map(|(&n, _)| n);

    // The header: the last record before the first data row that reads like column names.
    let first_data = mode.and_then(|mode| {
        records.iter().zip(&data_flags).position(|(record, &data)| {
            data && record.fields.len() + 1 >= mode && record.fields.len() <= mode + 1
        })
    });
    let header_index = match first_data {
        Some(first) => find_header(&records, first, mode.unwrap_or(0)),
        None => find_header_only(&records),
    };
    let Some(mode) = mode.or_else(|| header_index.map(|h| records[h].fields.len())) else {
        return Err(not_a_statement(text, None));
    };
    let header: Option<Vec<String>> = header_index.map(|h| records[h].fields.clone());
    let header_line = header_index.map(|h| records[h].line);
    let data_line = match (first_data, header_index) {
        (Some(first), _) => records[first].line,
        (None, Some(h)) => records[h].line + 1,
        (None, None) => 1,
    };
    // Rows longer than the header are rows whose text held the delimiter unquoted when a good
    // share of the rows have the header's width (in a short file they can be most rows).
    let header_width = header.as_ref().map_or(0, Vec::len);
    let (n_data, n_header_wide) = records
        .iter()
        .zip(&data_flags)
        .filter(|(r, &data)| data && r.line >= data_line)
        .fold((0, 0), |(n, wide), (r, _)| {
            (n + 1, wide + usize::from(r.fields.len() == header_width))
        });
    let mode = if header_width >= 2 && header_width < mode && n_header_wide * 3 >= n_data {
        header_width
    } else {
        mode
    };
    let n_columns = mode.max(header_width);
    let fits = |r: &SampleRecord| r.fields.iter().skip(n_columns).all(|f| f.is_empty());
    let data_rows: Vec<&SampleRecord> = records
        .iter()
        .zip(&data_flags)
        .filter(|(r, &data)| data && r.line >= data_line && fits(r))
        .map(|(r, _)| r)
        .take(200)
        .collect();
    let stats = column_stats(&data_rows, n_columns);

    let preamble_end = header_line.unwrap_or(data_line);
    let preamble: Vec<u32> = records
        .iter()
        .filter(|r| r.line < preamble_end && non_empty(&r.fields) > 0)
        .map(|r| r.line)
        .collect();
    if let (Some(first), Some(last)) = (preamble.first(), preamble.last()) {
        diagnostics.push(
            Diagnostic::new(
                Severity::Info,
                "preamble",
                format!(
                    "skipped {} line{} before the {} in line {preamble_end} (lines {first}–{last}): account details, notes or filters, not transactions",
                    preamble.len(),
                    if preamble.len() == 1 { "" } else { "s" },
                    if header.is_some() { "header" } else { "first transaction" }
                ),
            )
            .at_line(*first),
        );
    }
    // What the preamble states: the account, and a currency (`Saldo;150,00;EUR`).
    let mut account = None;
    let mut own_bank = None;
    for record in records.iter().filter(|r| r.line < preamble_end) {
        let key = record
            .fields
            .first()
            .map_or(String::new(), |f| names::normalise(f));
        let value = record.fields.iter().skip(1).find(|f| !f.is_empty());
        if account.is_none()
            && matches!(
                key.as_str(),
                "iban"
                    | "konto"
                    | "kontonummer"
                    | "account"
                    | "account number"
                    | "rekening"
                    | "rekeningnummer"
                    | "compte"
            )
        {
            account = value.cloned();
        }
        if own_bank.is_none() && matches!(key.as_str(), "bank" | "kreditinstitut" | "bankname") {
            own_bank = value
                .and_then(|v| {
                    v.split(|c: char| !c.is_alphanumeric())
                        .find(|w| w.len() >= 2)
                })
                .map(str::to_lowercase);
        }
    }

    // Roles from names.
    let mut candidates: Vec<Option<Candidate>> = (0..n_columns).map(|_| None).collect();
    let mut languages: Vec<&'static str> = Vec::new();
    let mut english = 0;
    let mut card_clue = false;
    let mut header_currency = None;
    let mut fee = false;
    let mut customer = false;
    if let Some(header) = &header {
        for (index, name) in header.iter().enumerate() {
            let normal = names::normalise(name);
            card_clue |= normal.split(' ').any(|w| {
                matches!(
                    w,
                    "card" | "karte" | "kartennummer" | "carte" | "tarjeta" | "kaart"
                )
            });
            fee |= normal == "fee";
            customer |= normal.contains("customer");
            if header_currency.is_none() {
                header_currency = currency_in_name(name);
            }
            if let Some((role, rank, language)) = names::role_of(name) {
                match language {
                    Language::English => english += 1,
                    Language::Continental(code) => languages.push(code),
                    Language::Neutral => {}
                }
                candidates[index] = Some(Candidate { role, rank });
            }
        }
    }
    let language = if languages.len() > english {
        let mut sorted = languages.clone();
        lean_sort::sort_by_key(&mut sorted, |&language| language);
        let most = sorted
            .chunk_by(|a, b| a == b)
            .max_by_key(|chunk| chunk.len())
            .map_or("de", |chunk| chunk[0]);
        Language::Continental(most)
    } else if english > 0 {
        Language::English
    } else {
        Language::Neutral
    };

    // An unnamed column right after a named one holding currency codes carries its amounts
    // (`Mutatie,,` with `EUR,"0,19"`).
    if let Some(header) = &header {
        for index in 0..n_columns.saturating_sub(1) {
            let named = header.get(index).is_some_and(|n| !n.is_empty());
            let next_unnamed = header.get(index + 1).is_none_or(|n| n.is_empty());
            let is_money = matches!(
                candidates[index].as_ref().map(|c| c.role),
                Some(NameRole::Amount | NameRole::Balance | NameRole::Debit | NameRole::Credit)
            );
            if named
                && next_unnamed
                && is_money
                && stats[index].currencies > 0
                && stats[index].currencies == stats[index].filled
                && stats[index + 1].amounts > 0
            {
                let moved = candidates[index].take();
                candidates[index] = Some(Candidate {
                    role: NameRole::Currency,
                    rank: usize::MAX / 2,
                });
                candidates[index + 1] = moved;
            }
        }
    }

    // Names that the values contradict lose their role.
    for (index, candidate) in candidates.iter_mut().enumerate() {
        let Some(c) = candidate else { continue };
        let s = &stats[index];
        if s.filled == 0 {
            // An always-empty money column (`Amount details`) is no use; with no data rows at
            // all (a header-only file) the names are all there is.
            let money = matches!(c.role, NameRole::Amount | NameRole::Balance);
            if money && !data_rows.is_empty() {
                *candidate = None;
            }
            continue;
        }
        let money_ok = s.amounts > 0 && s.amounts * 2 >= s.filled;
        match c.role {
            NameRole::Date | NameRole::Posted if s.dates * 2 < s.filled || s.dates == 0 => {
                if s.currencies > 0 && s.currencies * 2 >= s.filled {
                    c.role = NameRole::Currency;
                } else {
                    *candidate = None;
                }
            }
            NameRole::Amount | NameRole::Debit | NameRole::Credit | NameRole::Balance
                if !money_ok =>
            {
                if s.flags > 0 && s.flags == s.filled && c.role != NameRole::Balance {
                    c.role = NameRole::Flag;
                } else {
                    *candidate = None;
                }
            }
            NameRole::Flag if s.filled > 0 && s.flags < s.filled => {
                if money_ok {
                    c.role = NameRole::Amount;
                } else {
                    *candidate = None;
                }
            }
            NameRole::Currency if s.filled > 0 && s.dates * 2 >= s.filled => {
                c.role = NameRole::Posted;
            }
            // An account number under a payee's name (Nordea's `Mottagare`) names no one.
            NameRole::Payee if s.filled > 0 && s.letters == 0 => *candidate = None,
            NameRole::Description | NameRole::Payee | NameRole::Booking
                if s.filled > 0 && s.flags == s.filled && s.distinct.len() <= 2 =>
            {
                c.role = NameRole::Flag;
            }
            _ => {}
        }
    }

    let pick = |role: NameRole, candidates: &[Option<Candidate>]| -> Option<usize> {
        candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.as_ref().is_some_and(|c| c.role == role))
            .min_by_key(|(index, c)| (c.as_ref().map_or(usize::MAX, |c| c.rank), *index))
            .map(|(index, _)| index)
    };
    let mut date = pick(NameRole::Date, &candidates);
    let mut posted = pick(NameRole::Posted, &candidates);
    if date.is_none() {
        date = posted.take();
    }
    let mut amount = pick(NameRole::Amount, &candidates);
    let mut debit = pick(NameRole::Debit, &candidates);
    let mut credit = pick(NameRole::Credit, &candidates);
    let mut flag = pick(NameRole::Flag, &candidates);
    let mut balance = pick(NameRole::Balance, &candidates);
    let mut currency = pick(NameRole::Currency, &candidates);
    let id = pick(NameRole::Id, &candidates);
    let mut balance_before = None;

    // A header with a different number of fields than the rows (merged address fields, for
    // one) cannot be trusted column by column beyond the first.
    let misaligned = header
        .as_ref()
        .is_some_and(|h| h.len().abs_diff(mode) >= 2 && !data_rows.is_empty());

    // Fill what the names did not give from the values.
    let used = |index: usize, taken: &[Option<usize>]| taken.contains(&Some(index));
    if date.is_none() {
        date = (0..n_columns)
            .find(|&i| stats[i].dates > 0 && stats[i].dates * 5 >= stats[i].filled * 4);
    }
    if posted.is_none() && header.is_none() {
        posted = (0..n_columns).find(|&i| {
            Some(i) != date && stats[i].dates > 0 && stats[i].dates * 5 >= stats[i].filled * 4
        });
        // Of two unnamed dates the earlier is the transaction's, the later its booking.
        if let (Some(first), Some(second)) = (date, posted) {
            let day = |row: &SampleRecord, i: usize| {
                date::parse(row.fields.get(i)?.as_bytes())?.resolve(crate::DateOrder::Dmy)
            };
            let later_first = data_rows
                .iter()
                .filter_map(|row| Some(day(row, first)?.cmp(&day(row, second)?)))
                .fold(0i32, |votes, order| votes + order as i32);
            if later_first > 0 {
                (date, posted) = (Some(second), Some(first));
            }
        }
    }
    let Some(date) = date else {
        let detail = if data_rows.is_empty() {
            None
        } else {
            Some("a table without a date column".to_owned())
        };
        return Err(not_a_statement(text, detail));
    };
    if amount.is_none() && debit.is_none() && credit.is_none() {
        let taken = [Some(date), posted, balance, currency, id];
        let money: Vec<usize> = (0..n_columns)
            .filter(|&i| !used(i, &taken))
            .filter(|&i| {
                let s = &stats[i];
                s.amounts > 0 && s.amounts * 10 >= s.filled * 9 && s.letters == 0 && s.dates == 0
            })
            .filter(|&i| {
                // Plain integers that never repeat are ids or row types, not money.
                let s = &stats[i];
                s.with_decimals > 0 || s.negatives > 0 || header.is_some()
            })
            // A column the header names as something else is not the amount, unless the
            // header does not line up with the rows.
            .filter(|&i| candidates[i].is_none() || misaligned)
            .collect();
        match money.as_slice() {
            [] => {}
            [only] => amount = Some(*only),
            _ => {
                // Two adjacent columns where a row fills only one are paid out / paid in.
                let split = money.windows(2).find(|pair| {
                    let (a, b) = (pair[0], pair[1]);
                    b == a + 1
                        && data_rows.iter().all(|row| {
                            let fa = row.fields.get(a).is_some_and(|f| {
                                !f.is_empty() && number::shape(f.as_bytes()).is_some()
                            });
                            let fb = row.fields.get(b).is_some_and(|f| {
                                !f.is_empty() && number::shape(f.as_bytes()).is_some()
                            });
                            fa != fb
                        })
                });
                if let Some(pair) = split {
                    let (a, b) = (pair[0], pair[1]);
                    // The column with minus signs is money out; failing that the busier one,
                    // since a statement has more payments than income.
                    let b_is_debit = if stats[a].negatives > 0 || stats[b].negatives > 0 {
                        stats[b].negatives > stats[a].negatives
                    } else {
                        stats[b].filled > stats[a].filled
                    };
                    if b_is_debit {
                        debit = Some(b);
                        credit = Some(a);
                    } else {
                        debit = Some(a);
                        credit = Some(b);
                    }
                } else {
                    let mark = decide_mark(&money, &data_rows, hints, language).0;
                    let (found_amount, found_balance, found_before) =
                        balance_arithmetic(&money, &data_rows, mark);
                    amount = found_amount.or(Some(money[0]));
                    if balance.is_none() {
                        balance = found_balance;
                    }
                    balance_before = found_before;
                }
            }
        }
    }
    if amount.is_some() && debit.is_some() && credit.is_some() {
        // A signed amount and split columns: the signed one is enough.
        debit = None;
        credit = None;
    }
    if amount.is_none() && (debit.is_none() != credit.is_none()) {
        // A lone debit or credit column is the amount column under another name.
        amount = debit.take().or(credit.take());
    }
    if amount.is_none() && debit.is_none() && credit.is_none() {
        let detail = if balance.is_some() {
            Some("a list of balances by day without transactions (no amount column)".to_owned())
        } else if data_rows.is_empty() {
            None
        } else {
            Some("a table without an amount column".to_owned())
        };
        return Err(not_a_statement(text, detail));
    }
    if flag.is_none() && amount.is_some() {
        flag = (0..n_columns).find(|&i| {
            let s = &stats[i];
            let taken = [Some(date), posted, amount, balance, currency, id];
            !used(i, &taken)
                && s.filled > 0
                && s.filled * 10 >= data_rows.len() * 9
                && s.flags * 10 >= s.filled * 9
                && s.distinct.len() <= 4
                && candidates[i]
                    .as_ref()
                    .is_none_or(|c| c.role != NameRole::Ignore)
        });
    }
    if currency.is_none() {
        currency = (0..n_columns).find(|&i| {
            let s = &stats[i];
            s.filled > 0 && s.currencies == s.filled && s.distinct.len() <= 4 && header.is_none()
        });
    }

    // Text columns: payee first, then descriptions, then references.
    let mut text_columns = Vec::new();
    for role in [NameRole::Payee, NameRole::Description, NameRole::Reference] {
        for (index, candidate) in candidates.iter().enumerate() {
            if candidate.as_ref().is_some_and(|c| c.role == role) {
                text_columns.push(index);
            }
        }
    }
    let taken = [
        Some(date),
        posted,
        amount,
        debit,
        credit,
        flag,
        balance,
        balance_before,
        currency,
        id,
    ];
    if text_columns.is_empty() || misaligned {
        // No named text: the columns of words, longest first, at most three, in file order.
        let mut texts: Vec<usize> = (0..n_columns)
            .filter(|&i| !used(i, &taken))
            .filter(|&i| {
                let s = &stats[i];
                s.letters > 0
                    && s.letters * 2 >= s.filled
                    && s.iban_like * 2 < s.filled
                    && s.currencies < s.filled
                    && s.flags < s.filled
                    && (misaligned
                        || candidates[i]
                            .as_ref()
                            .is_none_or(|c| c.role != NameRole::Ignore))
            })
            .collect();
        lean_sort::sort_by_key(&mut texts, |&i| std::cmp::Reverse(stats[i].total_len));
        texts.truncate(3);
        lean_sort::sort_by_key(&mut texts, |&i| i);
        text_columns = texts;
    }
    text_columns.retain(|i| !used(*i, &taken));

    // Booking types: named so, or any column whose values are booking phrases (`Lastschrift`,
    // `Card payment`), as long as some other text is left for the description.
    let phrases = |i: usize| {
        let values = data_rows
            .iter()
            .filter_map(|r| r.fields.get(i))
            .filter(|f| !f.is_empty());
        let (mut n, mut known, mut len) = (0, 0, 0);
        for value in values {
            n += 1;
            len += value.len();
            known += usize::from(names::is_booking_phrase(value));
        }
        (n, known, len)
    };
    let mut booking: Vec<usize> = Vec::new();
    let mut booking_phrases = true;
    if !misaligned {
        for i in 0..n_columns {
            if used(i, &taken) {
                continue;
            }
            let role = candidates[i].as_ref().map(|c| c.role);
            let (n, known, len) = phrases(i);
            let named_text = role == Some(NameRole::Description);
            let by_values = (n >= 2 || (named_text && n == 1 && known == 1))
                && (known * 5 >= n * 4 || (named_text && known * 2 >= n && len <= 24 * n));
            let by_name = role == Some(NameRole::Booking) && stats[i].dates == 0;
            if !(by_values || by_name) || role == Some(NameRole::Payee) {
                continue;
            }
            if text_columns.contains(&i) {
                if text_columns.len() < 2 {
                    continue;
                }
                text_columns.retain(|&t| t != i);
            }
            booking_phrases &= by_values;
            booking.push(i);
        }
    }
    // Counterparty columns are the ones named so; a payer beside a payee
    // (`Zahlungspflichtige*r`, `Zahlungsempfänger*in`) is the counterparty of money in.
    // A counterparty column with one name on every row beside another is the account
    // holder's (KBC's `Naam`), not the other party.
    let named_payees = text_columns
        .iter()
        .filter(|&&i| {
            candidates[i]
                .as_ref()
                .is_some_and(|c| c.role == NameRole::Payee)
        })
        .count();
    if named_payees > 1 {
        text_columns.retain(|&i| {
            let holder = candidates[i]
                .as_ref()
                .is_some_and(|c| c.role == NameRole::Payee)
                && stats[i].filled >= 3
                && stats[i].distinct.len() == 1;
            !holder
        });
    }
    let (mut counterparty, mut purpose, mut payer) = (Vec::new(), Vec::new(), None);
    for &i in &text_columns {
        let name = match (&header, &candidates[i]) {
            (Some(h), Some(c)) if c.role == NameRole::Payee && !misaligned => {
                names::normalise(h.get(i).map_or("", String::as_str))
            }
            _ => {
                purpose.push(i);
                continue;
            }
        };
        let is_payer = name.starts_with("zahlungspflichtige")
            || matches!(
                name.as_str(),
                "auftraggeber" | "auftraggebername" | "payer" | "payer name"
            );
        if is_payer && payer.is_none() {
            payer = Some(i);
        } else {
            counterparty.push(i);
        }
    }
    if counterparty.is_empty() {
        counterparty.extend(payer.take());
    }

    // Hints force roles by index.
    let mut forced: Vec<(usize, ColumnRole)> = Vec::new();
    for &(index, role) in &hints.columns {
        let index = index as usize;
        if index < 4096 {
            forced.push((index, role));
        }
    }
    // A header's trailing empty names (a trailing delimiter) do not widen the rows.
    let width = mode.max(header.as_ref().map_or(0, |h| {
        h.len() - h.iter().rev().take_while(|name| name.is_empty()).count()
    }));
    let mut layout = Layout {
        delimiter,
        header,
        header_line,
        data_line,
        roles: Vec::new(),
        date,
        posted,
        amount,
        debit,
        credit,
        flag,
        balance,
        balance_before,
        currency,
        id,
        parts: !booking.is_empty() || (!counterparty.is_empty() && !purpose.is_empty()),
        text: text_columns,
        counterparty,
        payer,
        purpose,
        rows_are_transactions: hints.rows_are_transactions,
        booking_phrases: booking_phrases && !booking.is_empty(),
        booking,
        width,
        account,
        own_bank,
        decimal_mark: b'.',
        decimal_reason: String::new(),
        language,
        header_currency,
        card_clue,
        merchant_clue: fee && customer,
    };
    if !forced.is_empty() {
        apply_forced(&mut layout, &forced, diagnostics);
    }
    let money: Vec<usize> = [
        layout.amount,
        layout.debit,
        layout.credit,
        layout.balance,
        layout.balance_before,
    ]
    .into_iter()
    .flatten()
    .collect();
    let (mark, reason) = decide_mark(&money, &data_rows, hints, layout.language);
    layout.decimal_mark = mark;
    layout.decimal_reason = reason;
    let n_roles = n_columns.max(forced.iter().map(|(i, _)| i + 1).max().unwrap_or(0));
    layout.roles = (0..n_roles).map(|i| role_of_column(&layout, i)).collect();
    if data_rows.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "no-transactions",
                "the file has a header but no transaction rows",
            )
            .with_help("check the period chosen for the export; it may contain no transactions"),
        );
    }
    Ok(layout)
}

fn role_of_column(layout: &Layout, index: usize) -> ColumnRole {
    let is = |slot: Option<usize>| slot == Some(index);
    if index == layout.date {
        ColumnRole::Date
    } else if is(layout.posted) {
        ColumnRole::PostedDate
    } else if is(layout.amount) {
        ColumnRole::Amount
    } else if is(layout.debit) {
        ColumnRole::Debit
    } else if is(layout.credit) {
        ColumnRole::Credit
    } else if is(layout.flag) {
        ColumnRole::DebitCreditFlag
    } else if is(layout.balance) || is(layout.balance_before) {
        ColumnRole::Balance
    } else if is(layout.currency) {
        ColumnRole::Currency
    } else if is(layout.id) {
        ColumnRole::Id
    } else if layout.booking.contains(&index) {
        ColumnRole::BookingType
    } else if layout.text.contains(&index) {
        let position = layout.text.iter().position(|&t| t == index);
        let name_role = layout
            .header
            .as_ref()
            .and_then(|h| h.get(index))
            .and_then(|n| names::role_of(n))
            .map(|(role, _, _)| role);
        match name_role {
            Some(NameRole::Payee) => ColumnRole::Payee,
            Some(NameRole::Reference) => ColumnRole::Reference,
            _ if layout.header.is_none() && position == Some(0) && layout.text.len() > 1 => {
                ColumnRole::Payee
            }
            _ => ColumnRole::Description,
        }
    } else {
        ColumnRole::Ignored
    }
}

fn apply_forced(
    layout: &mut Layout,
    forced: &[(usize, ColumnRole)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for &(index, role) in forced {
        // Free the column from whatever it had.
        for slot in [
            &mut layout.posted,
            &mut layout.amount,
            &mut layout.debit,
            &mut layout.credit,
            &mut layout.flag,
            &mut layout.balance,
            &mut layout.balance_before,
            &mut layout.currency,
            &mut layout.id,
        ] {
            if *slot == Some(index) {
                *slot = None;
            }
        }
        for list in [
            &mut layout.text,
            &mut layout.counterparty,
            &mut layout.purpose,
            &mut layout.booking,
        ] {
            list.retain(|&t| t != index);
        }
        if layout.payer == Some(index) {
            layout.payer = None;
        }
        match role {
            ColumnRole::Date => layout.date = index,
            ColumnRole::PostedDate => layout.posted = Some(index),
            ColumnRole::Amount => {
                layout.amount = Some(index);
                layout.debit = None;
                layout.credit = None;
            }
            ColumnRole::Debit => {
                layout.debit = Some(index);
                layout.amount = None;
            }
            ColumnRole::Credit => {
                layout.credit = Some(index);
                layout.amount = None;
            }
            ColumnRole::DebitCreditFlag => layout.flag = Some(index),
            ColumnRole::Currency => layout.currency = Some(index),
            ColumnRole::Balance => layout.balance = Some(index),
            ColumnRole::Id => layout.id = Some(index),
            ColumnRole::Payee => {
                layout.text.push(index);
                layout.counterparty.push(index);
            }
            ColumnRole::Description | ColumnRole::Reference => {
                layout.text.push(index);
                layout.purpose.push(index);
            }
            ColumnRole::BookingType => {
                layout.booking.push(index);
                layout.booking_phrases = false;
            }
            ColumnRole::Ignored => {}
        }
    }
    if layout.amount.is_none() && (layout.debit.is_none() != layout.credit.is_none()) {
        layout.amount = layout.debit.take().or(layout.credit.take());
    }
    layout.parts = !layout.booking.is_empty()
        || (!layout.counterparty.is_empty() && !layout.purpose.is_empty());
    layout.width = layout
        .width
        .max(forced.iter().map(|(i, _)| i + 1).max().unwrap_or(0));
    diagnostics.push(Diagnostic::new(
        Severity::Info,
        "column-hints",
        format!("{} column role(s) set by hints", forced.len()),
    ));
}

/// Votes on the decimal mark from the money columns; hints and locale break ties.
fn decide_mark(
    columns: &[usize],
    rows: &[&SampleRecord],
    hints: &Hints,
    language: Language,
) -> (u8, String) {
    if let Some(mark) = hints.decimal_mark {
        if mark == ',' || mark == '.' {
            return (mark as u8, "hint".to_owned());
        }
    }
    let (mut dots, mut commas) = (0usize, 0usize);
    let mut example = None;
    for row in rows {
        for &column in columns {
            if let Some(field) = row.fields.get(column) {
                match number::shape(field.as_bytes()) {
                    Some(MarkEvidence::Dot) => {
                        dots += 1;
                        example.get_or_insert((field.clone(), row.line, b'.'));
                    }
                    Some(MarkEvidence::Comma) => {
                        commas += 1;
                        example.get_or_insert((field.clone(), row.line, b','));
                    }
                    _ => {}
                }
            }
        }
    }
    if dots != commas {
        let mark = if dots > commas { b'.' } else { b',' };
        let example = example
            .filter(|e| e.2 == mark)
            .map(|(text, line, _)| format!(" (`{text}` in line {line})"))
            .unwrap_or_default();
        return (mark, format!("amounts{example}"));
    }
    match language {
        Language::Continental(code) => (b',', format!("locale: {code} headers")),
        _ => (b'.', "default: no amount settles it".to_owned()),
    }
}

/// Among headerless money columns, finds which is the amount and which a balance, by checking
/// which column's differences the other explains.
fn balance_arithmetic(
    columns: &[usize],
    rows: &[&SampleRecord],
    mark: u8,
) -> (Option<usize>, Option<usize>, Option<usize>) {
    let value = |row: &SampleRecord, column: usize| -> Option<i128> {
        let n = number::parse(row.fields.get(column)?.as_bytes(), mark).ok()??;
        // Compare at a common scale of 6 decimals.
        Some(i128::from(n.minor) * 10i128.pow(u32::from(6u8.saturating_sub(n.scale))))
    };
    let mut best: (usize, Option<(usize, usize, bool)>) = (0, None);
    for &a in columns {
        for &b in columns {
            if a == b {
                continue;
            }
            let (mut after, mut before) = (0, 0);
            for pair in rows.windows(2) {
                let (Some(amount0), Some(amount1), Some(b0), Some(b1)) = (
                    value(pair[0], a),
                    value(pair[1], a),
                    value(pair[0], b),
                    value(pair[1], b),
                ) else {
                    continue;
                };
                // b is the balance after each row (oldest first or newest first).
                if b0 + amount1 == b1 || b1 + amount0 == b0 {
                    after += 1;
                }
                // b is the balance before each row.
                if b0 + amount0 == b1 || b1 + amount1 == b0 {
                    before += 1;
                }
            }
            if after > best.0 {
                best = (after, Some((a, b, false)));
            }
            if before > best.0 {
                best = (before, Some((a, b, true)));
            }
        }
    }
    match best.1 {
        Some((amount, balance, false)) => (Some(amount), Some(balance), None),
        Some((amount, balance, true)) => (Some(amount), None, Some(balance)),
        None => (None, None, None),
    }
}

/// `Amount (EUR)`, `Debit CHF`, `Betrag (€)` name the currency.
fn currency_in_name(name: &str) -> Option<[u8; 3]> {
    if name.contains('€') {
        return Some(*b"EUR");
    }
    if name.contains('£') {
        return Some(*b"GBP");
    }
    for word in name.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.len() == 3 && word.chars().all(|c| c.is_ascii_uppercase()) {
            const KNOWN: &[&str] = &[
                "EUR", "USD", "GBP", "CHF", "SGD", "CZK", "HUF", "PLN", "SEK", "NOK", "DKK", "CAD",
                "AUD", "NZD", "JPY", "LTL", "RON", "BGN", "HRK", "ISK", "INR", "BRL", "MXN", "ZAR",
                "HKD",
            ];
            if KNOWN.contains(&word) {
                let mut code = [0u8; 3];
                code.copy_from_slice(word.as_bytes());
                return Some(code);
            }
        }
    }
    None
}

fn looks_like_header(record: &SampleRecord, mode: usize) -> bool {
    let filled = non_empty(&record.fields);
    if filled < 2 || record.fields.len() * 2 < mode {
        return false;
    }
    if record.fields.iter().any(|f| !f.is_empty() && is_date(f)) {
        return false;
    }
    let known = record
        .fields
        .iter()
        .filter(|f| names::role_of(f).is_some())
        .count();
    let numeric = record
        .fields
        .iter()
        .filter(|f| !f.is_empty() && is_amount_like(f))
        .count();
    known >= 1 || numeric == 0
}

fn find_header(records: &[SampleRecord], first_data: usize, mode: usize) -> Option<usize> {
    let lowest = first_data.saturating_sub(6);
    (lowest..first_data)
        .rev()
        .filter(|&i| non_empty(&records[i].fields) >= 2)
        .take(1)
        .find(|&i| looks_like_header(&records[i], mode))
}

/// A file with a header and no data rows: the header must name a date and an amount.
fn find_header_only(records: &[SampleRecord]) -> Option<usize> {
    records.iter().position(|record| {
        let roles: Vec<NameRole> = record
            .fields
            .iter()
            .filter_map(|f| names::role_of(f).map(|r| r.0))
            .collect();
        roles
            .iter()
            .any(|r| matches!(r, NameRole::Date | NameRole::Posted))
            && roles
                .iter()
                .any(|r| matches!(r, NameRole::Amount | NameRole::Debit | NameRole::Credit))
    })
}
