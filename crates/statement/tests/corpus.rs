//! The project's own statement corpus: every file under `tests/data/statement/ok` must read
//! with no error diagnostic, every file under `tests/data/statement/err` must be rejected or
//! carry an error diagnostic, and each must match its `<file>.expected.json` exactly.
//! Adding a case is adding a file; `UPDATE_EXPECT=1 cargo test -p statement --test corpus`
//! writes the expected files (review the diff before committing). An optional
//! `<file>.hints.json` beside a case gives the reader hints for that case.

use statement::{Hints, Severity};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/statement")
}

fn inputs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|entry| entry.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            inputs(&path, out);
        } else {
            let name = path.file_name().unwrap().to_string_lossy();
            let is_input = !name.ends_with(".expected.json")
                && !name.ends_with(".hints.json")
                && !name.ends_with(".md");
            if is_input {
                out.push(path);
            }
        }
    }
}

fn hints_for(path: &Path) -> Hints {
    let hints_path = PathBuf::from(format!("{}.hints.json", path.display()));
    match std::fs::read_to_string(&hints_path) {
        Ok(text) => serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", hints_path.display())),
        Err(_) => Hints::default(),
    }
}

fn render(result: &Result<statement::Statement, statement::ReadError>) -> String {
    let value = match result {
        Ok(statement) => serde_json::json!({ "ok": statement }),
        Err(error) => serde_json::json!({ "err": error }),
    };
    serde_json::to_string_pretty(&value).unwrap() + "\n"
}

#[test]
fn corpus_matches_expected_outputs() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let mut n_cases = 0;
    for kind in ["ok", "err"] {
        let mut files = Vec::new();
        inputs(&corpus_dir().join(kind), &mut files);
        for path in files {
            n_cases += 1;
            let bytes = std::fs::read(&path).unwrap();
            let result = statement::read(&bytes, &hints_for(&path));
            let has_error = match &result {
                Ok(statement) => statement
                    .diagnostics
                    .iter()
                    .any(|diagnostic| diagnostic.severity == Severity::Error),
                Err(_) => true,
            };
            let rendered = render(&result);
            let shown = path
                .strip_prefix(corpus_dir())
                .unwrap()
                .display()
                .to_string();
            if kind == "ok" && has_error {
                failures.push(format!("{shown}: an ok case produced an error"));
            }
            if kind == "err" && !has_error {
                failures.push(format!("{shown}: an err case produced no error"));
            }
            let expected_path = PathBuf::from(format!("{}.expected.json", path.display()));
            if update {
                std::fs::write(&expected_path, &rendered).unwrap();
                continue;
            }
            match std::fs::read_to_string(&expected_path) {
                Ok(expected) if expected == rendered => {}
                Ok(_) => failures.push(format!(
                    "{shown}: output differs from its .expected.json (UPDATE_EXPECT=1 rewrites it; review the diff)"
                )),
                Err(_) => failures.push(format!(
                    "{shown}: no .expected.json (UPDATE_EXPECT=1 writes it)"
                )),
            }
        }
    }
    println!("{n_cases} corpus cases");
    assert!(
        n_cases > 0,
        "no corpus cases found under {}",
        corpus_dir().display()
    );
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
