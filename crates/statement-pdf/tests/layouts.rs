//! Scored test: the text PDFs that Chromium printed from the statement layouts in
//! `tests/pdf/layouts` (each copies a real bank's layout; `tests/pdf/SOURCES.md`), read back
//! and compared row by row with the rows the layout was made from (`<name>.expected.csv`,
//! written by the generator, not by this reader). Expected: 100% of rows with date, amount and
//! sign right in every layout, nothing extra, and every row knowing its page and line.
//!
//! Regenerate with `node tests/pdf/generate.mjs` (needs Chromium).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pdf")
}

/// (date, signed minor units) of each expected row.
fn expected(path: &Path) -> Vec<(String, i64)> {
    let text = std::fs::read_to_string(path).expect("expected rows");
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut fields = l.splitn(3, ',');
            let date = fields.next().expect("date").to_owned();
            let amount = fields.next().expect("amount").parse().expect("minor units");
            (date, amount)
        })
        .collect()
}

fn count(rows: &[(String, i64)]) -> BTreeMap<(String, i64), usize> {
    let mut map = BTreeMap::new();
    for r in rows {
        *map.entry(r.clone()).or_insert(0) += 1;
    }
    map
}

struct Score {
    name: String,
    expected: usize,
    right: usize,
    extra: usize,
    error: Option<String>,
}

fn score(name: &str, pdf: &Path, expected_rows: &[(String, i64)]) -> Score {
    let bytes = std::fs::read(pdf).expect("pdf");
    let mut s = Score {
        name: name.to_owned(),
        expected: expected_rows.len(),
        right: 0,
        extra: 0,
        error: None,
    };
    let statement = match statement_pdf::read(&bytes, &Default::default()) {
        Ok(st) => st,
        Err(e) => {
            s.error = Some(e.to_string());
            return s;
        }
    };
    let got: Vec<(String, i64)> = statement
        .transactions
        .iter()
        .map(|t| {
            assert_eq!(t.amount.scale, 2, "{name}: amounts in cents");
            (t.date.to_string(), t.amount.minor)
        })
        .collect();
    let (want, have) = (count(expected_rows), count(&got));
    for (key, n) in &want {
        s.right += (*n).min(have.get(key).copied().unwrap_or(0));
    }
    s.extra = got.len() - s.right;
    // Every row of the table knows its page and line.
    match statement_pdf::convert(&bytes, &Default::default()) {
        Ok(table) => {
            let pages = statement_pdf::pages(&bytes).expect("pages").len() as u32;
            for origin in &table.origins {
                assert!(
                    origin.page >= 1 && origin.page <= pages && origin.line >= 1,
                    "{name}: row origin page {} line {}",
                    origin.page,
                    origin.line
                );
            }
        }
        Err(e) => s.error = Some(e.to_string()),
    }
    s
}

#[test]
fn every_generated_layout_reads_every_row_right() {
    let dir = root().join("layouts");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("layouts")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".expected.csv"))
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 8, "at least 8 layouts, found {names:?}");
    let mut scores = Vec::new();
    for name in &names {
        let pdf = root().join("out").join(format!("{name}.pdf"));
        if !pdf.exists() {
            // Only the benchmark's statement is generated in the run instead of committed.
            assert_eq!(name, "bench-20-pages", "{name}.pdf is missing");
            continue;
        }
        scores.push(score(
            name,
            &pdf,
            &expected(&dir.join(format!("{name}.expected.csv"))),
        ));
    }
    let mut failed = Vec::new();
    for s in &scores {
        let pct = 100.0 * s.right as f64 / s.expected.max(1) as f64;
        println!(
            "{:<24} {:>4}/{:<4} rows right ({pct:5.1}%), {} extra{}",
            s.name,
            s.right,
            s.expected,
            s.extra,
            s.error
                .as_deref()
                .map(|e| format!(", error: {e}"))
                .unwrap_or_default()
        );
        if s.right != s.expected || s.extra != 0 || s.error.is_some() {
            failed.push(s.name.clone());
        }
    }
    let total: usize = scores.iter().map(|s| s.expected).sum();
    let right: usize = scores.iter().map(|s| s.right).sum();
    println!("all layouts: {right}/{total} rows right");
    assert!(failed.is_empty(), "layouts below 100%: {failed:?}");
}

#[test]
fn the_scan_and_the_encrypted_pdf_are_refused_with_their_messages() {
    let out = root().join("out");
    let scan = std::fs::read(out.join("scan.pdf")).expect("scan.pdf");
    let e = statement_pdf::read(&scan, &Default::default()).expect_err("a scan");
    assert_eq!(e.code, statement_pdf::SCAN_CODE);
    assert_eq!(e.message, "this PDF is a scan, not text");
    let locked = std::fs::read(out.join("password.pdf")).expect("password.pdf");
    let e = statement_pdf::read(&locked, &Default::default()).expect_err("needs a password");
    assert_eq!(e.code, "pdf-encrypted");
    assert_eq!(
        e.message,
        "this PDF is protected by a password, so its text cannot be read"
    );
}

#[test]
fn pdfs_locked_only_against_copying_read_like_the_plain_pdf() {
    // qpdf-encrypted copies of one statement, each with an empty user password.
    let dir = root().join("layouts");
    let want = expected(&dir.join("jt-direktbank-de-saver.expected.csv"));
    for name in [
        "locked-rc4-40",
        "locked-rc4-128",
        "locked-aes128",
        "locked-aes256",
    ] {
        let s = score(name, &root().join("out").join(format!("{name}.pdf")), &want);
        assert_eq!(
            (s.right, s.extra, s.error.as_deref()),
            (want.len(), 0, None),
            "{name}"
        );
    }
}
