//! The spreadsheet reader on real exports (read in place from `../shared/fixtures`), on
//! workbooks written with office libraries in real banks' layouts (`tests/data`, see
//! `generate.py`), and on hostile archives and workbooks.

use statement::{Hints, Statement};
use std::io::Write;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    root.is_dir().then_some(root)
}

fn data(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .unwrap()
}

fn read(bytes: &[u8]) -> Statement {
    statement_office::read_any(bytes, &Hints::default()).unwrap()
}

/// The five spreadsheet fixtures, with transaction counts obtained by another route:
/// `tests/data/count_rows.py` (openpyxl 3.1 / xlrd 2.0 from PyPI, run once) for the four
/// workbooks, and for the CSV text that Swedbank names `.xls`, Python's csv module counting
/// the rows whose record type (second field) is `20`, the transaction record.
#[test]
fn the_five_fixtures_read_with_independently_counted_transactions() {
    let Some(root) = shared() else {
        println!("skipping: ../shared/fixtures absent");
        return;
    };
    let expected = [
        (
            "xlsx/OCA_bank-statement-import__meta_data_separated_credit_debit.xlsx",
            4,
        ),
        (
            "xlsx/OCA_bank-statement-import__sample_statement_en.xlsx",
            2,
        ),
        (
            "xlsx/nicolettas-muggelbude_RechnungsPilot__targobank-duesseldorf.xlsx",
            9,
        ),
        (
            "xls/redstreet_beancount_reds_importers__ACC_TXN_History_1234_clean.xls",
            8,
        ),
        ("csv/bank2ynab_bank2ynab__test_swedebank_statement.xls", 13),
    ];
    let mut read_right = 0;
    for (name, count) in expected {
        let bytes = std::fs::read(root.join(name)).unwrap();
        let statement = read(&bytes);
        assert_eq!(statement.transactions.len(), count, "{name}");
        read_right += 1;
    }
    assert_eq!(read_right, 5);
}

#[test]
fn fixture_rows_keep_their_dates_amounts_and_cells() {
    let Some(root) = shared() else {
        println!("skipping: ../shared/fixtures absent");
        return;
    };
    // UOB: split Withdrawal/Deposit columns, `30 Jun 2023` text dates, newest first.
    let uob = read(
        &std::fs::read(
            root.join("xls/redstreet_beancount_reds_importers__ACC_TXN_History_1234_clean.xls"),
        )
        .unwrap(),
    );
    let first = uob.transactions.get(0).unwrap().to_transaction();
    assert_eq!(first.date.to_string(), "2023-06-30");
    assert_eq!(first.amount.to_string(), "0.12");
    let atm = uob.transactions.get(1).unwrap().to_transaction();
    assert_eq!(atm.amount.to_string(), "-800.00");
    assert_eq!(atm.source.line, 10, "line N is row N of the sheet");
    assert_eq!(uob.dialect.version.as_deref(), Some("XLS sheet \"Sheet0\""));

    // Targobank: four sheets, the account sheet is chosen and the others named; the rows it
    // skips are named by cell.
    let targo = read(
        &std::fs::read(
            root.join("xlsx/nicolettas-muggelbude_RechnungsPilot__targobank-duesseldorf.xlsx"),
        )
        .unwrap(),
    );
    let other = &targo.diagnostics[0];
    assert_eq!(other.code, "other-sheets");
    assert!(
        other.message.contains("\"Ihre Konten\""),
        "{}",
        other.message
    );
    assert!(targo.diagnostics.iter().any(
        |d| d.code.starts_with("skipped-row") && d.message.starts_with("'Kto 3230108472'!A19")
    ));
    assert!(targo
        .diagnostics
        .iter()
        .all(|d| !d.message.contains("line ")));
    let lastschrift = targo.transactions.get(1).unwrap().to_transaction();
    assert_eq!(lastschrift.amount.to_string(), "-24.00");
    assert_eq!(lastschrift.balance.unwrap().to_string(), "-7514.38");
}

fn balances_follow_from_amounts(statement: &Statement) {
    let rows = statement.transactions.to_vec();
    for pair in rows.windows(2) {
        let (before, after) = (pair[0].balance.unwrap(), pair[1].balance.unwrap());
        assert_eq!(
            before.minor + pair[1].amount.minor,
            after.minor,
            "{:?}",
            pair[1]
        );
    }
}

#[test]
fn generated_workbooks_in_real_layouts() {
    // DK Danske Bank layout (DIALECTS.md row 48) on the second sheet of an XLSX.
    let danske = read(&data("danske_posteringer.xlsx"));
    assert_eq!(danske.transactions.len(), 60);
    assert_eq!(danske.diagnostics[0].code, "other-sheets");
    assert!(danske.diagnostics[0]
        .message
        .contains("not read: \"Oversigt\""));
    balances_follow_from_amounts(&danske);
    // Every eleventh row is money in (generate.py), the rest money out.
    for (i, t) in danske.transactions.to_vec().iter().enumerate() {
        assert_eq!(t.amount.minor > 0, i % 11 == 0, "row {i}");
    }
    // BE BNP Paribas Fortis layout (row 10) as ODS, dates as `%d/%m/%Y` text.
    let fortis = read(&data("bnp_fortis_rekening.ods"));
    assert_eq!(fortis.transactions.len(), 40);
    let t = fortis.transactions.get(39).unwrap().to_transaction();
    assert_eq!(t.date.to_string(), "2025-03-14"); // row 39 // 3 = 13 days after 1 March
                                                  // DE Commerzbank layout (row 32) as ODS with date cells and a preamble.
    let commerz = read(&data("commerzbank_umsaetze.ods"));
    assert_eq!(commerz.transactions.len(), 30);
    assert_eq!(commerz.dialect.header_line, Some(3));
    assert_eq!(
        commerz
            .transactions
            .get(0)
            .unwrap()
            .to_transaction()
            .source
            .line,
        4
    );
}

#[test]
fn a_workbook_reads_like_the_csv_of_the_same_rows() {
    let from_xlsx = read(&data("n26_10000.xlsx"));
    let from_csv = statement::read(&data("n26_10000.csv"), &Hints::default()).unwrap();
    assert_eq!(from_xlsx.transactions.len(), 10_000);
    let (a, b) = (
        from_xlsx.transactions.to_vec(),
        from_csv.transactions.to_vec(),
    );
    assert_eq!(a, b);
    assert_eq!(
        from_xlsx.dialect.sign_convention,
        from_csv.dialect.sign_convention
    );
}

#[test]
fn hints_reach_the_reader() {
    let flipped = statement_office::read_any(
        &data("danske_posteringer.xlsx"),
        &Hints {
            flip_sign: true,
            ..Hints::default()
        },
    )
    .unwrap();
    assert!(
        flipped
            .transactions
            .get(0)
            .unwrap()
            .to_transaction()
            .amount
            .minor
            < 0
    );
}

// ---- safety ----

fn zip_of(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut writer = zip::ZipWriter::new(&mut out);
        let method = if deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(true);
        for (name, bytes) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated_in_full() {
    // 200 MB of zeros deflate to about 200 KB.
    let zeros = vec![0u8; 200 * 1024 * 1024];
    let bomb = zip_of(
        &[
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/worksheets/sheet1.xml", &zeros),
        ],
        true,
    );
    drop(zeros);
    assert!(bomb.len() < 1024 * 1024);
    let error = statement_office::read_any(&bomb, &Hints::default()).unwrap_err();
    assert_eq!(error.code, "spreadsheet-too-large-unpacked");
}

#[test]
fn an_archive_of_too_many_parts_is_refused() {
    let names: Vec<String> = (0..5000).map(|i| format!("xl/part{i}.xml")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let archive = zip_of(&entries, false);
    let error = statement_office::read_any(&archive, &Hints::default()).unwrap_err();
    assert_eq!(error.code, "spreadsheet-too-many-parts");
}

/// Rewrites one part of a real workbook.
fn with_part(original: &[u8], part: &str, replace: impl Fn(&str) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        if name == part {
            bytes = replace(std::str::from_utf8(&bytes).unwrap()).into_bytes();
        }
        entries.push((name, bytes));
    }
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    // Stored, not deflated: ODS wants its `mimetype` entry readable at the start.
    zip_of(&refs, false)
}

#[test]
fn entity_declarations_in_a_sheet_are_refused() {
    let original = data("danske_posteringer.xlsx");
    // The rewritten workbook reads as before...
    let same = with_part(&original, "xl/worksheets/sheet2.xml", |xml| xml.to_owned());
    assert_eq!(read(&same).transactions.len(), 60);
    // ...and with a billion-laughs DTD it is refused without expanding anything.
    let laughs = with_part(&original, "xl/worksheets/sheet2.xml", |xml| {
        let dtd = "<!DOCTYPE worksheet [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
        let at = xml.find("?>").map_or(0, |i| i + 2);
        format!("{}{dtd}{}", &xml[..at], &xml[at..]).replace("Udført", "&c;")
    });
    let error = statement_office::read_any(&laughs, &Hints::default()).unwrap_err();
    assert_eq!(error.code, "spreadsheet-dtd");
    assert!(error.message.contains("xl/worksheets/sheet2.xml"));
}

#[test]
fn an_ods_repeat_bomb_is_refused() {
    let original = data("bnp_fortis_rekening.ods");
    let bomb = with_part(&original, "content.xml", |xml| {
        xml.replacen(
            "<table:table-row>",
            "<table:table-row table:number-rows-repeated=\"1000000\">",
            2,
        )
    });
    let error = statement_office::read_any(&bomb, &Hints::default()).unwrap_err();
    assert_eq!(error.code, "spreadsheet-too-large-repeats");
    // A legitimate million repeated EMPTY rows, as LibreOffice writes at a sheet's end, is fine.
    let tail = with_part(&original, "content.xml", |xml| {
        xml.replace(
            "</table:table>",
            "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row></table:table>",
        )
    });
    assert_eq!(read(&tail).transactions.len(), 40);
}

#[test]
fn other_containers_and_broken_workbooks_get_clear_errors() {
    let docx = zip_of(&[("word/document.xml", b"<w/>")], true);
    let error = statement_office::read_any(&docx, &Hints::default()).unwrap_err();
    assert_eq!(error.code, "unsupported-document");
    let original = data("danske_posteringer.xlsx");
    let cut = &original[..original.len() / 2];
    let error = statement_office::read_any(cut, &Hints::default()).unwrap_err();
    assert_eq!(error.code, "damaged-spreadsheet", "{error:?}");
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and then nothing";
    let error = statement_office::read_any(ole, &Hints::default()).unwrap_err();
    assert_eq!(error.code, "damaged-spreadsheet", "{error:?}");
}

#[test]
fn fuzz_findings_stay_fixed() {
    // `xls` target: a MulRk record whose last column precedes its first (calamine overflowed).
    let error = statement_office::read_any(&data("fuzz-xls-mulrk-overflow.xls"), &Hints::default())
        .unwrap_err();
    assert_eq!(error.code, "damaged-spreadsheet");
    // `xls` target: an empty ExternSheet record (calamine read two bytes past it).
    let error =
        statement_office::read_any(&data("fuzz-xls-empty-externsheet.xls"), &Hints::default())
            .unwrap_err();
    assert_eq!(error.code, "damaged-spreadsheet");
}

/// Deterministic byte mutations of every workbook: no panic, and every outcome is a statement
/// or an error with a code.
#[test]
fn mutated_workbooks_never_panic() {
    let mut inputs = vec![
        data("danske_posteringer.xlsx"),
        data("bnp_fortis_rekening.ods"),
        data("commerzbank_umsaetze.ods"),
    ];
    if let Some(root) = shared() {
        inputs.push(
            std::fs::read(
                root.join("xls/redstreet_beancount_reds_importers__ACC_TXN_History_1234_clean.xls"),
            )
            .unwrap(),
        );
        inputs.push(
            std::fs::read(root.join("xlsx/OCA_bank-statement-import__sample_statement_en.xlsx"))
                .unwrap(),
        );
    }
    let mut seed: u64 = 0x5eed_0f0f_f1ce;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for input in &inputs {
        for _ in 0..300 {
            let mut bytes = input.clone();
            for _ in 0..(next() % 8 + 1) {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
            if let Err(error) = statement_office::read_any(&bytes, &Hints::default()) {
                assert!(!error.code.is_empty());
            }
        }
    }
}

/// Every message of a workbook's statement is data: a code of `messages` (so listed in
/// `web/i18n/codes.json`) with arguments of the kinds its templates declare. The converter's
/// own notes are also exactly their template's English; the reader's have their lines
/// relabelled as cells, so only their codes and arguments are checked.
#[test]
fn workbook_messages_are_codes_with_typed_args() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut n_messages = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        let is_workbook = path
            .extension()
            .is_some_and(|e| e == "xlsx" || e == "ods" || e == "xls");
        if !is_workbook {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        match statement_office::convert(&bytes) {
            Ok(converted) => {
                for d in &converted.diagnostics {
                    n_messages += 1;
                    statement::messages::check_rendered(
                        &d.code,
                        &d.args,
                        &d.message,
                        d.help.as_deref(),
                    )
                    .unwrap_or_else(|problem| panic!("{}: {problem}", path.display()));
                }
            }
            Err(error) => {
                n_messages += 1;
                statement::messages::check_rendered(
                    &error.code,
                    &error.args,
                    &error.message,
                    Some(&error.help),
                )
                .unwrap_or_else(|problem| panic!("{}: {problem}", path.display()));
            }
        }
        if let Ok(statement) = statement_office::read(&bytes, &Hints::default()) {
            for d in &statement.diagnostics {
                n_messages += 1;
                statement::messages::check(&d.code, &d.args)
                    .unwrap_or_else(|problem| panic!("{}: {problem}", path.display()));
            }
        }
    }
    assert!(n_messages > 0);
}
