//! Every OFX/QFX/QBO, QIF, CAMT and MT940 file in `../shared/fixtures` must read with the number
//! of transactions its own entries say, counted here by a simple independent scan (`<STMTTRN>`,
//! `<Ntry>`, `:61:` lines, QIF records), minus the ones the reader explains with one diagnostic
//! each (duplicate FITIDs, skipped records). A file with no entries must carry a diagnostic or
//! read as empty. The spreadsheet and CODA files must be refused with an error naming what they
//! are. The test prints a pass table.

use statement::{Format, Severity, Statement};
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Counts occurrences of an opening tag (with or without a namespace prefix, any case).
fn count_tag(bytes: &[u8], tag: &str) -> usize {
    let text = String::from_utf8_lossy(bytes).to_ascii_lowercase();
    let tag = tag.to_ascii_lowercase();
    let mut n = 0;
    for (i, _) in text.match_indices(&format!("{tag}>")) {
        let before = &text[..i];
        // `<tag>` or `<prefix:tag>`, not `</tag>`.
        if before.ends_with('<')
            || (before.rfind('<').is_some_and(|lt| {
                let name = &before[lt + 1..];
                !name.starts_with('/') && name.ends_with(':') && !name.contains(char::is_whitespace)
            }))
        {
            n += 1;
        }
    }
    n
}

/// Bank transactions (`<STMTTRN>`) and investment transactions (`<INVTRAN>`).
fn count_ofx(bytes: &[u8]) -> usize {
    count_tag(bytes, "STMTTRN") + count_tag(bytes, "INVTRAN")
}

/// `:61:` at the start of a line, after any control bytes or SWIFT block header.
fn count_mt940(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|line| {
            let line = line.trim_start_matches(|c: char| c.is_control());
            let line = match line.find("{4:") {
                Some(i) => &line[i + 3..],
                None => line,
            };
            line.starts_with(":61:")
        })
        .count()
}

/// QIF records in transaction sections: `^` lines ending a record with content, plus a last
/// record without its `^`.
fn count_qif(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let mut in_transactions = true;
    let mut has_content = false;
    let mut n = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(header) = line.strip_prefix('!') {
            let header = header.to_ascii_lowercase();
            if let Some(kind) = header.strip_prefix("type:") {
                let kind = kind.trim().to_owned();
                in_transactions = [
                    "bank", "cash", "ccard", "oth a", "oth l", "invst", "invoice",
                ]
                .contains(&kind.as_str());
            } else if header.starts_with("account") {
                in_transactions = false;
            }
            has_content = false;
            continue;
        }
        if line == "^" {
            if in_transactions && has_content {
                n += 1;
            }
            has_content = false;
        } else if !line.is_empty() {
            has_content = true;
        }
    }
    if in_transactions && has_content {
        n += 1;
    }
    n
}

/// Diagnostics that each account for one entry the reader did not turn into a transaction.
const SKIP_CODES: [&str; 10] = [
    "no-cash-movement",
    "duplicate-id",
    "missing-date",
    "bad-date",
    "missing-amount",
    "bad-amount",
    "bad-indicator",
    "bad-statement-line",
    "currency-symbol-skip",
    "skipped-record",
];

fn explained(statement: &Statement) -> usize {
    statement
        .diagnostics
        .iter()
        .filter(|d| SKIP_CODES.contains(&d.code.as_str()))
        .count()
}

#[test]
fn every_structured_fixture_reads_its_entries() {
    let root = fixtures_dir();
    if !root.exists() {
        println!("skipping: ../shared/fixtures absent");
        return;
    }
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    type Counter = fn(&[u8]) -> usize;
    let groups: [(&str, Counter, &[Format]); 8] = [
        ("ofx1", count_ofx, &[Format::Ofx]),
        ("ofx2", count_ofx, &[Format::Ofx]),
        ("qfx", count_ofx, &[Format::Ofx]),
        ("qif", count_qif, &[Format::Qif]),
        ("camt052", |b| count_tag(b, "Ntry"), &[Format::Camt052]),
        ("camt053", |b| count_tag(b, "Ntry"), &[Format::Camt053]),
        ("camt054", |b| count_tag(b, "Ntry"), &[Format::Camt054]),
        ("mt940", count_mt940, &[Format::Mt940]),
    ];
    for (dir, counter, formats) in groups {
        for path in files(&root.join(dir)) {
            let bytes = std::fs::read(&path).unwrap();
            let expected = counter(&bytes);
            let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            let (status, detail) = match statement::read(&bytes, &Default::default()) {
                Err(error) => ("FAIL", format!("error {}: {}", error.code, error.message)),
                Ok(statement) => {
                    let n = statement.transactions.len();
                    let skipped = explained(&statement);
                    let errors = statement
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity == Severity::Error)
                        .count();
                    let detail = format!(
                        "{} {} read {n}/{expected}{}{}",
                        statement.format.as_str(),
                        statement.dialect.version.as_deref().unwrap_or("?"),
                        if skipped > 0 {
                            format!(", {skipped} explained")
                        } else {
                            String::new()
                        },
                        if errors > 0 {
                            format!(", {errors} error diagnostics")
                        } else {
                            String::new()
                        },
                    );
                    let format_ok = formats.contains(&statement.format);
                    let count_ok = n + skipped == expected && n <= expected;
                    let bad_dates = statement
                        .transactions
                        .iter()
                        .any(|t| t.date.to_string().starts_with("19") && !name.contains("cmxl"));
                    let empty_descriptions = statement
                        .transactions
                        .iter()
                        .filter(|t| t.description.is_empty())
                        .count();
                    let sane = !bad_dates && empty_descriptions * 2 <= n.max(1);
                    if format_ok && count_ok && sane {
                        ("pass", detail)
                    } else {
                        (
                            "FAIL",
                            format!(
                                "{detail}{}{}",
                                if format_ok { "" } else { " (wrong format)" },
                                if sane {
                                    ""
                                } else {
                                    " (dates or descriptions look wrong)"
                                }
                            ),
                        )
                    }
                }
            };
            if status != "pass" {
                failures.push(format!("{name}: {detail}"));
            }
            rows.push((name, status, detail));
        }
    }
    // Files that must be refused with an error that names what they are.
    let refused: [(&str, &str); 3] = [("xls", ".xls"), ("xlsx", ".xlsx"), ("other", "CODA")];
    for (dir, must_name) in refused {
        for path in files(&root.join(dir)) {
            let bytes = std::fs::read(&path).unwrap();
            let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            let (status, detail) = match statement::read(&bytes, &Default::default()) {
                Err(error) if error.message.contains(must_name) => {
                    ("pass", format!("refused: {}", error.message))
                }
                Err(error) => (
                    "FAIL",
                    format!("refused without naming {must_name}: {}", error.message),
                ),
                Ok(statement) => (
                    "FAIL",
                    format!("read as {} instead of refused", statement.format.as_str()),
                ),
            };
            if status != "pass" {
                failures.push(format!("{name}: {detail}"));
            }
            rows.push((name, status, detail));
        }
    }
    let width = rows.iter().map(|(n, _, _)| n.len()).max().unwrap_or(10);
    println!("{:width$}  result  detail", "fixture");
    for (name, status, detail) in &rows {
        println!("{name:width$}  {status:6}  {detail}");
    }
    let passed = rows.iter().filter(|(_, s, _)| *s == "pass").count();
    println!(
        "\n{passed}/{} structured fixtures pass ({:.1}%)",
        rows.len(),
        100.0 * passed as f64 / rows.len().max(1) as f64
    );
    assert!(
        failures.is_empty(),
        "{} fixtures fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Sniffing must leave every CSV/TSV fixture to the CSV reader (CSV is tried last, so a false
/// match of a structured format would steal it).
#[test]
fn every_csv_fixture_sniffs_as_csv() {
    let root = fixtures_dir();
    if !root.exists() {
        println!("skipping: ../shared/fixtures absent");
        return;
    }
    let mut n_files = 0;
    let mut wrong = Vec::new();
    for dir in ["csv", "tsv"] {
        for path in files(&root.join(dir)) {
            n_files += 1;
            let bytes = std::fs::read(&path).unwrap();
            let prefix = &bytes[..bytes.len().min(statement::SNIFF_BYTES)];
            let complete = prefix.len() == bytes.len();
            match statement::sniff::sniff(prefix, complete) {
                Ok(Format::Csv) => {}
                other => wrong.push(format!("{}: {other:?}", path.display())),
            }
        }
    }
    println!(
        "{}/{n_files} CSV/TSV fixtures sniff as CSV",
        n_files - wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
