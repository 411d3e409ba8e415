//! The large and streaming items of the bad-input catalogue, built in memory (too big for files),
//! and chunk-size invariance over the shared fixtures.

use statement::csv::CsvReader;
use statement::{Hints, Severity};
use std::path::Path;

fn read_in_chunks(
    bytes: &[u8],
    chunk: usize,
) -> Result<statement::Statement, statement::ReadError> {
    let mut reader = CsvReader::new(Hints::default());
    for piece in bytes.chunks(chunk.max(1)) {
        reader.push(piece);
    }
    reader.finish()
}

#[test]
fn a_million_commas_and_no_newline_is_not_a_statement() {
    let bytes = vec![b','; 1_000_000];
    let error = statement::read(&bytes, &Hints::default()).unwrap_err();
    assert_eq!(error.code, "not-a-statement");
    let error = read_in_chunks(&bytes, 4096).unwrap_err();
    assert_eq!(error.code, "not-a-statement");
}

#[test]
fn a_single_200_mb_field_is_skipped_with_a_diagnostic_and_reading_goes_on() {
    let mut reader = CsvReader::new(Hints::default());
    reader.push(b"Date,Description,Amount\n2024-01-01,Shop,-1.00\n2024-01-02,\"");
    let block = vec![b'x'; 1024 * 1024];
    for _ in 0..200 {
        reader.push(&block);
    }
    reader.push(b"\",-2.00\n2024-01-03,Shop,-3.00\n");
    let statement = reader.finish().unwrap();
    assert_eq!(statement.transactions.len(), 2);
    let too_long: Vec<_> = statement
        .diagnostics
        .iter()
        .filter(|d| d.code == "row-too-long")
        .collect();
    assert_eq!(too_long.len(), 1, "{:?}", statement.diagnostics);
    assert_eq!(too_long[0].line, Some(3));
    assert_eq!(
        statement.transactions.get(1).expect("a transaction").line,
        4
    );
}

#[test]
fn a_million_columns_in_a_row_is_skipped_not_kept() {
    let mut bytes = b"Date,Description,Amount\n2024-01-01,Shop,-1.00\n".to_vec();
    bytes.extend(std::iter::repeat_n(b',', 1_000_000));
    bytes.extend_from_slice(b"\n2024-01-03,Shop,-3.00\n");
    let statement = read_in_chunks(&bytes, 65_536).unwrap();
    assert_eq!(statement.transactions.len(), 2);
    assert!(statement
        .diagnostics
        .iter()
        .any(|d| d.code == "too-many-columns" && d.severity == Severity::Warning));
}

#[test]
fn rows_read_reports_progress_while_streaming() {
    let mut text = String::from("Date,Description,Amount\n");
    for day in 0..5000 {
        text.push_str(&format!("2024-01-{:02},Shop {day},-1.00\n", day % 28 + 1));
    }
    let mut reader = CsvReader::new(Hints::default());
    let mut seen = Vec::new();
    for piece in text.as_bytes().chunks(16 * 1024) {
        reader.push(piece);
        seen.push(reader.rows_read());
    }
    assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    assert!(*seen.last().unwrap() > 4000);
    assert_eq!(reader.finish().unwrap().transactions.len(), 5000);
}

#[test]
fn every_fixture_reads_the_same_in_any_chunk_size() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    if !root.exists() {
        println!("skipping: ../shared/fixtures absent");
        return;
    }
    let mut n_files = 0;
    for folder in ["csv", "tsv"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let whole = read_in_chunks(&bytes, bytes.len());
            for chunk in [1, 2, 3, 7, 64, 1000] {
                let chunked = read_in_chunks(&bytes, chunk);
                assert_eq!(
                    whole,
                    chunked,
                    "{} in chunks of {chunk}",
                    entry.path().display()
                );
            }
            n_files += 1;
        }
    }
    assert!(n_files > 50);
}

#[test]
fn diagnostics_stay_bounded_however_many_rows_are_bad() {
    let mut text = String::from("Date,Description,Amount\n2024-01-01,Shop,-1.00\n");
    for _ in 0..20_000 {
        text.push_str("Date,Description,Amount\nnot a date,Shop,-1.00\n2024-01-02,Shop,oops\n");
    }
    let statement = statement::read(text.as_bytes(), &Hints::default()).unwrap();
    assert_eq!(statement.transactions.len(), 1);
    assert!(
        statement.diagnostics.len() < 120,
        "{}",
        statement.diagnostics.len()
    );
    let more = statement
        .diagnostics
        .iter()
        .find(|d| d.code == "more-skipped-rows")
        .expect("the rest is counted");
    assert!(
        more.message.starts_with("59900 more rows"),
        "{}",
        more.message
    );
}
