//! Tools for working on the CSV reader, run by hand (both are `#[ignore]`d):
//!
//! - `CSV_DUMP=path/to/file.csv cargo test -p statement --test csv_tools dump -- --ignored --nocapture`
//!   prints what the reader makes of a file: dialect, roles, diagnostics, transactions.
//! - `cargo test -p statement --test csv_tools write_csv_expected -- --ignored` rewrites the
//!   `.expected.json` of the CSV corpus cases only (`tests/data/statement/{ok,err}/csv`), in the
//!   form `tests/corpus.rs` compares, so other readers' expected files are never touched. Review
//!   the diff before committing.

use std::path::{Path, PathBuf};

#[test]
#[ignore = "prints a file's reading for review; run by hand"]
fn dump() {
    let Some(path) = std::env::var_os("CSV_DUMP") else {
        println!("set CSV_DUMP to a file");
        return;
    };
    let bytes = std::fs::read(&path).expect("readable file");
    match statement::read(&bytes, &Default::default()) {
        Ok(statement) => {
            let d = &statement.dialect;
            println!(
                "enc={} delim={:?} header={:?} order={:?} ({}) mark={:?} sign={:?} ({}) currency={:?}",
                d.encoding,
                d.delimiter,
                d.header_line,
                d.date_order,
                d.date_order_reason.as_deref().unwrap_or("-"),
                d.decimal_mark,
                d.sign_convention,
                d.sign_reason.as_deref().unwrap_or("-"),
                statement.currency
            );
            let roles: Vec<String> = d
                .columns
                .iter()
                .filter(|c| c.role != statement::ColumnRole::Ignored)
                .map(|c| {
                    format!(
                        "{}:{:?}={:?}",
                        c.index,
                        c.name.as_deref().unwrap_or(""),
                        c.role
                    )
                })
                .collect();
            println!("roles {}", roles.join(" "));
            for d in &statement.diagnostics {
                println!("{:?} {} {:?}: {}", d.severity, d.code, d.line, d.message);
            }
            for t in &statement.transactions {
                println!(
                    "{} {:?} {:>12} {:>12} {:?} {}",
                    t.date,
                    t.posted,
                    t.amount.to_string(),
                    t.balance.map(|b| b.to_string()).unwrap_or_default(),
                    t.currency,
                    t.description
                );
            }
        }
        Err(error) => println!("error {}: {} ({})", error.code, error.message, error.help),
    }
}

#[test]
#[ignore = "rewrites the CSV corpus expected files; run by hand and review the diff"]
fn write_csv_expected() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/statement");
    for kind in ["ok", "err"] {
        let dir = root.join(kind).join("csv");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".expected.json")
                || name.ends_with(".hints.json")
                || name.ends_with(".md")
            {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable case");
            let hints_path = PathBuf::from(format!("{}.hints.json", path.display()));
            let hints = std::fs::read_to_string(&hints_path)
                .map(|text| serde_json::from_str(&text).expect("valid hints"))
                .unwrap_or_default();
            let value = match statement::read(&bytes, &hints) {
                Ok(statement) => serde_json::json!({ "ok": statement }),
                Err(error) => serde_json::json!({ "err": error }),
            };
            let rendered = serde_json::to_string_pretty(&value).unwrap() + "\n";
            std::fs::write(format!("{}.expected.json", path.display()), rendered).unwrap();
            println!("{kind}/csv/{name}");
        }
    }
}
