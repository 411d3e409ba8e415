//! The QIF reader (Quicken Interchange Format).
//!
//! Records of one-letter fields end with a `^` line; a `!Type:` line starts a section. The
//! transaction sections (`Bank`, `Cash`, `CCard`, `Oth A`, `Oth L`, `Invst`) are read; list
//! sections (categories, classes, memorized transactions, securities, prices) are skipped with a
//! note. A file without any `!Type:` line is read as a bank register, and a last record without
//! its `^` is still read. Dates come in many shapes (`8/31' 0`, `1/2'24`, `03/25/2019`,
//! `03.11.25`, `2019-03-31`); the day/month order is decided once for the whole file.

use crate::sniff::text::{self, join_description, parse_decimal};
use crate::{
    Amount, DateOrder, Diagnostic, Format, Hints, ReadError, Severity, SignConvention, Source,
    Statement, Transaction,
};
use crate::{Args, Message};
use chrono::NaiveDate;

/// A record's fields as read, before dates and amounts are interpreted.
#[derive(Default)]
struct Record {
    line: u32,
    date: Option<String>,
    amount: Option<String>,
    payee: Option<String>,
    memo: Option<String>,
    number: Option<String>,
    category: Option<String>,
    security: Option<String>,
    investment: bool,
    n_splits: usize,
}

impl Record {
    fn is_empty(&self) -> bool {
        self.date.is_none() && self.amount.is_none() && self.payee.is_none() && self.memo.is_none()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Transactions { investment: bool },
    Account,
    List,
}

/// Reads a whole QIF file.
pub fn read(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let decoded = text::decode(bytes, None, hints.encoding.as_deref());
    let mut statement = Statement::new(Format::Qif);
    statement.dialect.encoding = decoded.encoding.to_owned();
    statement.dialect.replaced_bytes = decoded.replaced;
    let mut records = Vec::new();
    let mut section = Section::Transactions { investment: false };
    let mut saw_type = false;
    let mut types: Vec<String> = Vec::new();
    let mut skipped_lists: Vec<String> = Vec::new();
    let mut record = Record::default();
    let mut account_name: Option<String> = None;
    let mut first_account: Option<String> = None;
    for (index, raw_line) in decoded.text.split('\n').enumerate() {
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line = raw_line
            .trim_end_matches(['\r', '\u{1A}'])
            .trim_start_matches('\u{FEFF}');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('!') {
            let header = header.trim();
            let lower = header.to_ascii_lowercase();
            if let Some(kind) = lower.strip_prefix("type:") {
                if section != Section::Account {
                    finish(&mut records, &mut record, section);
                }
                record = Record::default();
                saw_type = true;
                let kind = kind.trim();
                section = match kind {
                    "bank" | "cash" | "ccard" | "oth a" | "oth l" | "invoice" => {
                        Section::Transactions { investment: false }
                    }
                    "invst" => Section::Transactions { investment: true },
                    _ => {
                        let name = header[5..].trim().to_owned();
                        if !skipped_lists.contains(&name) {
                            skipped_lists.push(name);
                        }
                        Section::List
                    }
                };
                if matches!(section, Section::Transactions { .. }) {
                    let name = header[5..].trim().to_owned();
                    if !types.contains(&name) {
                        types.push(name);
                    }
                }
            } else if lower.starts_with("account") {
                finish(&mut records, &mut record, section);
                record = Record::default();
                section = Section::Account;
                account_name = None;
            }
            // `!Option:` and `!Clear:` lines change nothing this reader uses.
            continue;
        }
        let code = line.chars().next().unwrap_or(' ');
        let value = line[code.len_utf8()..].trim();
        match section {
            Section::List => continue,
            Section::Account => {
                match code {
                    'N' => account_name = Some(value.to_owned()),
                    '^' if first_account.is_none() => first_account = account_name.clone(),
                    _ => {}
                }
                continue;
            }
            Section::Transactions { investment } => {
                if record.line == 0 {
                    record.line = line_no;
                    record.investment = investment;
                }
                let set = |slot: &mut Option<String>| {
                    if slot.is_none() {
                        *slot = Some(value.to_owned());
                    }
                };
                match code {
                    '^' => {
                        let done = std::mem::take(&mut record);
                        if !done.is_empty() {
                            records.push(done);
                        }
                    }
                    'D' => set(&mut record.date),
                    'T' => record.amount = Some(value.to_owned()),
                    'U' => set(&mut record.amount),
                    'P' => set(&mut record.payee),
                    'M' => set(&mut record.memo),
                    'N' => set(&mut record.number),
                    'L' => set(&mut record.category),
                    'Y' => set(&mut record.security),
                    'S' => record.n_splits += 1,
                    _ => {}
                }
            }
        }
    }
    let had_open_record = !record.is_empty() && matches!(section, Section::Transactions { .. });
    let open_line = record.line;
    finish(&mut records, &mut record, section);
    if had_open_record {
        statement.diagnostics.push(
            Diagnostic::new(
                Severity::Info,
                "missing-record-end",
                crate::Args::new().line("line", open_line),
            )
            .at_line(open_line),
        );
    }
    if !saw_type {
        statement.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "no-type-header",
            crate::Args::new(),
        ));
    }
    if !skipped_lists.is_empty() {
        statement.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "skipped-lists",
            crate::Args::new().text("sections", skipped_lists.join(", ")),
        ));
    }
    statement.account = first_account;
    statement.dialect.version = Some(if types.is_empty() {
        "QIF".to_owned()
    } else {
        format!("QIF !Type:{}", types.join(", !Type:"))
    });
    let (order, why) = decide_order(&records, hints.date_order);
    statement.dialect.date_order = Some(order);
    statement.dialect.set_date_order_reason(Some(why));
    statement.dialect.decimal_mark = Some(decide_decimal_mark(&records, hints.decimal_mark));
    statement.dialect.sign_convention = Some(
        hints
            .sign_convention
            .unwrap_or(SignConvention::OutflowNegative),
    );
    statement
        .dialect
        .set_sign_reason(Some(if hints.sign_convention.is_some() {
            Message::new("reason-hint", Args::new())
        } else {
            Message::new("reason-qif-signs", Args::new())
        }));
    let comma = statement.dialect.decimal_mark == Some(',');
    let flip = hints.sign_convention == Some(SignConvention::OutflowPositive);
    for record in records {
        if let Some(transaction) = build(&record, order, comma, &mut statement.diagnostics) {
            let mut transaction = transaction;
            if flip {
                transaction.amount = transaction.amount.negated();
            }
            statement.transactions.push(transaction);
        }
    }
    text::report_nothing_read(&mut statement, "qif-records");
    Ok(statement)
}

fn finish(records: &mut Vec<Record>, record: &mut Record, section: Section) {
    let done = std::mem::take(record);
    if matches!(section, Section::Transactions { .. }) && !done.is_empty() {
        records.push(done);
    }
}

fn build(
    record: &Record,
    order: DateOrder,
    comma: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Transaction> {
    let line = record.line;
    let mut skip = |code: &'static str, args: crate::Args| {
        diagnostics
            .push(Diagnostic::new(Severity::Warning, code, args.line("line", line)).at_line(line));
    };
    let Some(date_text) = record.date.as_deref() else {
        skip("qif-missing-date", crate::Args::new());
        return None;
    };
    let Some(date) = parse_date(date_text, order) else {
        skip("qif-bad-date", crate::Args::new().text("value", date_text));
        return None;
    };
    let amount_text = record.amount.as_deref().unwrap_or("");
    let Some(mut amount) = parse_amount(amount_text, comma) else {
        skip(
            "qif-bad-amount",
            crate::Args::new().text("value", amount_text),
        );
        return None;
    };
    let mut parts: Vec<String> = Vec::new();
    if record.investment {
        // In investment records `N` is the action and `T` is unsigned: buying is money out.
        let action = record.number.clone().unwrap_or_default();
        let lower = action.to_ascii_lowercase();
        let outflow = ["buy", "cash out", "xout", "margint", "miscexp", "withdrwx"]
            .iter()
            .any(|a| lower.starts_with(a));
        if outflow && !amount.is_outflow() {
            amount = amount.negated();
        }
        parts.push(action);
        parts.push(record.security.clone().unwrap_or_default());
    }
    parts.push(record.payee.clone().unwrap_or_default());
    parts.push(record.memo.clone().unwrap_or_default());
    let mut description = join_description(&parts);
    if description.is_empty() {
        description = join_description(&[record.category.clone().unwrap_or_default()]);
    }
    if record.n_splits > 1 {
        description = join_description(&[
            description,
            format!("split into {} categories", record.n_splits),
        ]);
    }
    Some(Transaction {
        date,
        posted: None,
        amount,
        currency: None,
        description,
        counterparty: None,
        booking_type: None,
        purpose: None,
        balance: None,
        id: None,
        source: Source {
            line,
            element: None,
        },
    })
}

fn parse_amount(text: &str, comma: bool) -> Option<Amount> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"$€£".contains(*c))
        .collect();
    // The file-wide mark decides, except where an amount can only be read the other way: a
    // lone `.` or `,` not followed by a group of three digits is a decimal mark.
    let lone_mark = |mark: char, other: char| {
        !cleaned.contains(other)
            && cleaned.matches(mark).count() == 1
            && cleaned
                .rsplit(mark)
                .next()
                .is_some_and(|after| after.len() != 3)
    };
    let comma = if comma && lone_mark('.', ',') {
        false
    } else if !comma && lone_mark(',', '.') {
        true
    } else {
        comma
    };
    parse_decimal(&cleaned, comma, None)
}

/// `,` is the decimal mark only when amounts use it with one or two digits after it and never
/// use `.` after a `,` (which would make `,` a thousands separator).
fn decide_decimal_mark(records: &[Record], hint: Option<char>) -> char {
    if let Some(mark) = hint {
        return mark;
    }
    let mut comma_votes = 0;
    let mut dot_votes = 0;
    for amount in records.iter().filter_map(|r| r.amount.as_deref()) {
        let (last_comma, last_dot) = (amount.rfind(','), amount.rfind('.'));
        match (last_comma, last_dot) {
            (Some(c), Some(d)) if c > d => comma_votes += 1,
            (Some(_), Some(_)) => dot_votes += 1,
            (Some(c), None) if amount.len() - c - 1 <= 2 => comma_votes += 1,
            (None, Some(_)) => dot_votes += 1,
            _ => {}
        }
    }
    if comma_votes > dot_votes {
        ','
    } else {
        '.'
    }
}

/// The numbers of a date: (first, second, year, year written with an apostrophe).
fn date_parts(text: &str) -> Option<(u32, u32, i32, bool)> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let apostrophe = compact.contains('\'');
    let pieces: Vec<&str> = compact.split(['/', '.', '-', '\'']).collect();
    if pieces.len() != 3
        || pieces
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if pieces[0].len() == 4 {
        // ISO year first: returned as (month, day, -year); the negative year marks the order.
        let year: i32 = pieces[0].parse().ok()?;
        return Some((
            pieces[1].parse().ok()?,
            pieces[2].parse().ok()?,
            -year,
            false,
        ));
    }
    let first = pieces[0].parse().ok()?;
    let second = pieces[1].parse().ok()?;
    let year_text = pieces[2];
    let year: i32 = year_text.parse().ok()?;
    let year = if year_text.len() >= 3 {
        year
    } else if apostrophe {
        // Quicken writes years from 2000 as `'0` … `'99`.
        2000 + year
    } else if year < 70 {
        2000 + year
    } else {
        1900 + year
    };
    Some((first, second, year, apostrophe))
}

/// The order of slash-separated dates, decided once for the file by the first date that is
/// unambiguous. Dates with dots are always day first (no US program writes them), so they do
/// not vote; a file of only ISO or dotted dates reports that order.
fn decide_order(records: &[Record], hint: Option<DateOrder>) -> (DateOrder, Message) {
    if let Some(order) = hint {
        return (order, Message::new("reason-hint", Args::new()));
    }
    let mut n_slashed = 0;
    let mut n_dotted = 0;
    for record in records {
        let Some(text) = record.date.as_deref() else {
            continue;
        };
        let Some((first, second, year, _)) = date_parts(text) else {
            continue;
        };
        if year < 0 {
            continue;
        }
        if text.contains('.') {
            n_dotted += 1;
            continue;
        }
        n_slashed += 1;
        if first > 12 && second <= 12 {
            return (
                DateOrder::Dmy,
                Message::new(
                    "reason-qif-day-first",
                    Args::new().count("day", first).line("line", record.line),
                ),
            );
        }
        if second > 12 && first <= 12 {
            return (
                DateOrder::Mdy,
                Message::new(
                    "reason-qif-day-second",
                    Args::new().count("day", second).line("line", record.line),
                ),
            );
        }
    }
    if n_slashed == 0 && n_dotted > 0 {
        (DateOrder::Dmy, Message::new("reason-dots", Args::new()))
    } else if n_slashed == 0 && n_dotted == 0 && !records.is_empty() {
        (DateOrder::Ymd, Message::new("reason-iso", Args::new()))
    } else {
        (DateOrder::Mdy, Message::new("reason-quicken", Args::new()))
    }
}

fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let (first, second, year, _) = date_parts(text)?;
    // Dotted dates are always day first (see `decide_order`).
    let order = if text.contains('.') && order == DateOrder::Mdy {
        DateOrder::Dmy
    } else {
        order
    };
    if year < 0 {
        return NaiveDate::from_ymd_opt(-year, first, second);
    }
    let (month, day) = match order {
        DateOrder::Dmy => (second, first),
        _ => (first, second),
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str, order: DateOrder) -> Option<NaiveDate> {
        parse_date(text, order)
    }

    #[test]
    fn quicken_date_variants() {
        assert_eq!(
            date("8/31' 0", DateOrder::Mdy),
            NaiveDate::from_ymd_opt(2000, 8, 31)
        );
        assert_eq!(
            date("1/2'24", DateOrder::Mdy),
            NaiveDate::from_ymd_opt(2024, 1, 2)
        );
        assert_eq!(
            date("03/25/2019", DateOrder::Mdy),
            NaiveDate::from_ymd_opt(2019, 3, 25)
        );
        assert_eq!(
            date(" 1/ 2/99", DateOrder::Mdy),
            NaiveDate::from_ymd_opt(1999, 1, 2)
        );
        assert_eq!(
            date("03.11.25", DateOrder::Dmy),
            NaiveDate::from_ymd_opt(2025, 11, 3)
        );
        assert_eq!(
            date("2019-03-31", DateOrder::Mdy),
            NaiveDate::from_ymd_opt(2019, 3, 31)
        );
        assert_eq!(date("2/30/2024", DateOrder::Mdy), None);
    }

    #[test]
    fn splits_and_missing_final_caret() {
        let file = b"!Type:CCard\nD1/2'24\nT-10.00\nPShop\nSFood\n$-6.00\nSHome\n$-4.00\n^\nD1/3'24\nT-1,000.00\nPRent";
        let statement = read(file, &Hints::default()).unwrap();
        assert_eq!(statement.transactions.len(), 2);
        assert_eq!(
            statement
                .transactions
                .get(0)
                .expect("a transaction")
                .description,
            "Shop / split into 2 categories"
        );
        assert_eq!(
            statement.transactions.get(1).expect("a transaction").amount,
            Amount::new(-100000, 2)
        );
        assert!(statement
            .diagnostics
            .iter()
            .any(|d| d.code == "missing-record-end"));
    }
}
