//! Every CSV, TSV and CSV-disguised-as-XLS fixture in `../shared/fixtures`, read in place.
//!
//! The expected figures are computed here, independently of the reader: a small quote-aware
//! splitter finds the records, a record is a data row when one of its fields is shaped like a
//! date and it has about as many fields as the other dated records, and the span of the file is
//! every date-shaped token read in every way it can be read. A short table names the rows that
//! are dated but are not transactions (balance and turnover records) with the reason. The
//! balance check adds up the reader's own amounts against the file's running balance.
//!
//! Prints a pass table; fails when any bank statement does not pass or a non-statement is not
//! rejected with one clear error.

use chrono::NaiveDate;
use statement::{Hints, Severity};
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures")
}

/// Files that are not readable bank statements, and why.
const NOT_STATEMENTS: &[(&str, &str)] = &[
    (
        "gpaulissen_ofxstatement-dutch__NL99INGB9999999999_25-11-2019_30-05-2020.csv",
        "daily balances, no transactions",
    ),
    (
        "redstreet_beancount_reds_importers__ACC_TXN_History_1234_clean.xls",
        "binary Excel workbook",
    ),
];

/// Files whose own running balances do not follow from their amounts in either row order
/// (checked by hand), so the balance check cannot judge the sign there.
const INCONSISTENT_BALANCES: &[(&str, &str)] = &[
    (
        "bank2ynab_bank2ynab__W80844_EBH_201945.202122.csv",
        "placeholder rows, newest first: 1055.56 followed by -350 (marked outflow) gives 2345.56",
    ),
    (
        "redstreet_beancount_reds_importers__schwab_XXX234_Checking_Transactions_20220203.csv",
        "a $2.00 withdrawal dated 02/03 leaves $3.00 and a later $1.00 interest leaves $2.00",
    ),
];

/// Dated rows that are not transactions, by file: a test on the row's fields and the reason.
type Exclude = fn(&[String]) -> bool;
const EXCLUSIONS: &[(&str, Exclude, &str)] = &[
    (
        "bank2ynab_bank2ynab__test_swedebank_statement.xls",
        |f| f.get(1).is_some_and(|t| t != "20"),
        "record types 10/82/86 are opening balance, turnover and closing balance",
    ),
    (
        "kedder_ofxstatement-lithuanian__swedbank.csv",
        |f| f.get(1).is_some_and(|t| t != "20"),
        "record types 10/82/86 are opening balance, turnover and closing balance",
    ),
    (
        "jmcameron_csv2qif__test4.csv",
        |f| f.get(1).is_some_and(|t| t.starts_with("Beginning balance")),
        "the first row repeats the beginning balance",
    ),
    (
        "gpaulissen_ofxstatement-dutch__Account_20190101_20200317.csv",
        |f| f.get(8).is_none_or(|t| t.trim().is_empty()),
        "money-market conversions with no cash amount",
    ),
];

fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        // Structure is ASCII; Latin-1 keeps every byte as one character.
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// A plain quote-aware splitter: `(first line, fields)`.
fn records(text: &str, delimiter: char) -> Vec<(u32, Vec<String>)> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1u32;
    let mut start_line = 1u32;
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if at_start && (c == '\n' || c == '\r') {
            if c == '\n' || chars.peek() != Some(&'\n') {
                line += 1;
            }
            continue;
        }
        if at_start {
            start_line = line;
            at_start = false;
        }
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
                    line += 1;
                }
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            c if c == delimiter => fields.push(std::mem::take(&mut field)),
            '\n' | '\r' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                fields.push(std::mem::take(&mut field));
                out.push((start_line, std::mem::take(&mut fields)));
                at_start = true;
            }
            c => field.push(c),
        }
    }
    if !at_start {
        fields.push(field);
        out.push((start_line, fields));
    }
    out
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Every date a token can be read as (empty when it is not shaped like a date).
fn readings(token: &str) -> Vec<NaiveDate> {
    let token = token.trim().trim_matches('\'');
    // Drop a time part.
    let date_part = match token.find([' ', 'T']) {
        Some(at)
            if token[at + 1..]
                .trim_start_matches(['/', ' '])
                .chars()
                .take_while(char::is_ascii_digit)
                .count()
                >= 1
                && token[at + 1..].contains(':') =>
        {
            &token[..at]
        }
        _ => token,
    };
    let date_part = date_part.trim_end_matches('.');
    let mut out = Vec::new();
    let make = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    let year = |s: &str| -> Option<i32> {
        let v: i32 = s.parse().ok()?;
        match s.len() {
            2 => Some(if v < 70 { 2000 + v } else { 1900 + v }),
            4 => Some(v),
            _ => None,
        }
    };
    if date_part.len() == 8
        && digits(date_part)
        && (date_part.starts_with("19") || date_part.starts_with("20"))
    {
        if let (Ok(y), Ok(m), Ok(d)) = (
            date_part[..4].parse(),
            date_part[4..6].parse(),
            date_part[6..].parse(),
        ) {
            out.extend(make(y, m, d));
        }
        return out;
    }
    for separator in ['-', '/', '.', ':'] {
        let parts: Vec<&str> = date_part.split(separator).collect();
        if parts.len() == 3 && parts.iter().all(|p| digits(p)) {
            if parts[0].len() == 4 {
                if let (Ok(m), Ok(d)) = (parts[1].parse(), parts[2].parse()) {
                    out.extend(make(parts[0].parse().unwrap_or(0), m, d));
                }
            } else if parts[0].len() <= 2 && parts[1].len() <= 2 {
                if let (Some(y), Ok(a), Ok(b)) =
                    (year(parts[2]), parts[0].parse(), parts[1].parse())
                {
                    out.extend(make(y, b, a));
                    out.extend(make(y, a, b));
                }
            }
            return out;
        }
    }
    let words: Vec<&str> = date_part
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 3 && digits(words[0]) && words[0].len() <= 2 {
        let month = MONTHS
            .iter()
            .position(|m| words[1].to_ascii_lowercase().starts_with(m));
        if let (Some(month), Some(y), Ok(d)) = (month, year(words[2]), words[0].parse()) {
            out.extend(make(y, month as u32 + 1, d));
        }
    }
    out
}

fn choose_delimiter(text: &str) -> char {
    let mut best = (',', 0);
    for delimiter in [',', ';', '\t', '|'] {
        let recs = records(text, delimiter);
        let dated: Vec<usize> = recs
            .iter()
            .filter(|(_, f)| f.len() >= 2 && f.iter().any(|x| !readings(x).is_empty()))
            .map(|(_, f)| f.len())
            .collect();
        let score = dated.len() * 100 + dated.iter().max().copied().unwrap_or(0);
        if !dated.is_empty() && score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

struct Expected {
    rows: usize,
    span: Option<(NaiveDate, NaiveDate)>,
    lines: std::collections::HashMap<u32, Vec<NaiveDate>>,
    has_balance_column: bool,
}

fn expected(name: &str, bytes: &[u8]) -> Expected {
    let text = decode(bytes);
    let delimiter = choose_delimiter(&text);
    let recs = records(&text, delimiter);
    let dated: Vec<&(u32, Vec<String>)> = recs
        .iter()
        .filter(|(_, f)| f.iter().any(|x| !readings(x).is_empty()))
        .collect();
    let mut counts = std::collections::HashMap::new();
    for (_, f) in &dated {
        *counts.entry(f.len()).or_insert(0) += 1;
    }
    let mode = counts
        .iter()
        .max_by_key(|(&n, &c)| (c, n))
        .map_or(0, |(&n, _)| n);
    let exclusion = EXCLUSIONS.iter().find(|(file, _, _)| *file == name);
    let data: Vec<&&(u32, Vec<String>)> = dated
        .iter()
        .filter(|(_, f)| f.len() + 1 >= mode)
        .filter(|(_, f)| exclusion.is_none_or(|(_, exclude, _)| !exclude(f)))
        .collect();
    let mut lines = std::collections::HashMap::new();
    let mut all = Vec::new();
    for (line, fields) in &data {
        let dates: Vec<NaiveDate> = fields.iter().flat_map(|f| readings(f)).collect();
        all.extend(dates.iter().copied());
        lines.insert(*line, dates);
    }
    let span = all.iter().min().copied().zip(all.iter().max().copied());
    // The header is the last record with two or more filled fields before the first data row;
    // a balance column is one it names so that the data rows fill with numbers.
    let first_data_line = dated
        .iter()
        .find(|(_, f)| f.len() + 1 >= mode)
        .map_or(u32::MAX, |(line, _)| *line);
    let header = recs.iter().rfind(|(line, f)| {
        *line < first_data_line && f.iter().filter(|x| !x.trim().is_empty()).count() >= 2
    });
    let has_balance_column = header.is_some_and(|(_, names)| {
        names.iter().enumerate().any(|(index, name)| {
            let name = name.to_lowercase();
            let named = ["balance", "saldo", "solde", "egyenleg", "running bal"]
                .iter()
                .any(|b| name.contains(b))
                && !["initial", "final", "original"]
                    .iter()
                    .any(|b| name.contains(b));
            let filled = data
                .iter()
                .filter(|(_, f)| {
                    f.get(index)
                        .is_some_and(|v| v.chars().any(|c| c.is_ascii_digit()))
                })
                .count();
            named && filled * 2 >= data.len() && !data.is_empty()
        })
    });
    Expected {
        rows: data.len(),
        span,
        lines,
        has_balance_column,
    }
}

/// `(chains with the reader's sign, chains with the sign flipped, pairs with balances)`.
fn balance_chains(transactions: &[statement::Transaction]) -> (usize, usize, usize) {
    let count = |sign: i64| {
        let (mut forward, mut backward) = (0, 0);
        for pair in transactions.windows(2) {
            let (Some(a), Some(b)) = (pair[0].balance, pair[1].balance) else {
                continue;
            };
            if a.minor + sign * pair[1].amount.minor == b.minor {
                forward += 1;
            }
            if b.minor + sign * pair[0].amount.minor == a.minor {
                backward += 1;
            }
        }
        forward.max(backward)
    };
    let pairs = transactions
        .windows(2)
        .filter(|p| p[0].balance.is_some() && p[1].balance.is_some())
        .count();
    (count(1), count(-1), pairs)
}

#[test]
fn every_csv_fixture_reads_or_is_rejected_clearly() {
    let root = fixtures_dir();
    if !root.exists() {
        println!("skipping: ../shared/fixtures absent");
        return;
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for folder in ["csv", "tsv", "xls"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        files.extend(entries.flatten().map(|e| e.path()));
    }
    files.sort();
    assert!(!files.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    let (mut n_statements, mut n_passed, mut n_rejected_ok, mut n_non) = (0, 0, 0, 0);
    println!(
        "{:<78} {:>8} {:>5} {:>6} {:>12} {:>5}",
        "file", "expected", "read", "dates", "balance", "pass"
    );
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let result = statement::read(&bytes, &Hints::default());
        if let Some((_, why)) = NOT_STATEMENTS.iter().find(|(file, _)| *file == name) {
            n_non += 1;
            let clear = match &result {
                Err(error) => {
                    matches!(
                        error.code.as_str(),
                        "not-a-statement" | "unsupported-format" | "spreadsheet"
                    ) && !error.message.is_empty()
                        && !error.help.is_empty()
                }
                Ok(_) => false,
            };
            if clear {
                n_rejected_ok += 1;
            } else {
                failures.push(format!(
                    "{name}: {why}, but it was not rejected with one clear error ({} transactions)",
                    result.as_ref().map_or(0, |s| s.transactions.len())
                ));
            }
            println!(
                "{:<78} {:>8} {:>5} {:>6} {:>12} {:>5}",
                shorten(&name),
                "-",
                "-",
                "-",
                "-",
                if clear { "rej" } else { "FAIL" }
            );
            if let Err(error) = &result {
                println!("    {}: {}", error.code, error.message);
            }
            continue;
        }
        n_statements += 1;
        let expected = expected(&name, &bytes);
        let statement = match result {
            Ok(statement) => statement,
            Err(error) => {
                failures.push(format!("{name}: rejected: {error}"));
                println!(
                    "{:<78} {:>8} {:>5} {:>6} {:>12} {:>5}",
                    shorten(&name),
                    expected.rows,
                    "err",
                    "-",
                    "-",
                    "FAIL"
                );
                continue;
            }
        };
        let transactions = &statement.transactions;
        let rows_ok = transactions.len() == expected.rows;
        let dates_ok = transactions.iter().all(|t| {
            let in_span = expected
                .span
                .is_some_and(|(from, to)| t.date >= from && t.date <= to);
            let on_line = expected
                .lines
                .get(&t.line)
                .is_some_and(|dates| dates.contains(&t.date));
            in_span && on_line
        });
        let (straight, flipped, pairs) = balance_chains(&transactions.to_vec());
        let has_balances = transactions.iter().any(|t| t.balance.is_some());
        let inconsistent = INCONSISTENT_BALANCES.iter().any(|(file, _)| *file == name);
        let sign_ok = straight >= flipped || inconsistent;
        let balance_ok = if expected.has_balance_column {
            has_balances && sign_ok
        } else {
            sign_ok
        };
        let balance_text = if pairs == 0 {
            if expected.has_balance_column && !has_balances {
                "missing".to_owned()
            } else {
                "-".to_owned()
            }
        } else {
            format!(
                "{straight}/{pairs}{}",
                if inconsistent { " (file)" } else { "" }
            )
        };
        let errors = statement
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let pass = rows_ok && dates_ok && balance_ok && errors == 0;
        if pass {
            n_passed += 1;
        } else {
            failures.push(format!(
                "{name}: rows {} of {} expected, dates {}, balance {} (flipped {flipped}), errors {errors}",
                transactions.len(),
                expected.rows,
                if dates_ok { "ok" } else { "WRONG" },
                balance_text
            ));
        }
        println!(
            "{:<78} {:>8} {:>5} {:>6} {:>12} {:>5}",
            shorten(&name),
            expected.rows,
            transactions.len(),
            if dates_ok { "ok" } else { "WRONG" },
            balance_text,
            if pass { "ok" } else { "FAIL" }
        );
    }
    println!(
        "bank statements: {n_passed}/{n_statements} pass ({:.1}%); not statements rejected clearly: {n_rejected_ok}/{n_non}",
        100.0 * n_passed as f64 / n_statements.max(1) as f64
    );
    assert!(
        failures.is_empty(),
        "{} fixture failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn shorten(name: &str) -> String {
    if name.chars().count() > 78 {
        let tail: String = name
            .chars()
            .rev()
            .take(75)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{tail}")
    } else {
        name.to_owned()
    }
}
