//! Every message a reader writes is data: for every file of the project's statement corpus
//! (`tests/data/statement`) and of the shared published fixtures (`../shared/fixtures`), each
//! diagnostic and each read error has a code listed in `web/i18n/codes.json`, arguments of
//! exactly the names and kinds its templates declare, and an English text (and help) that is
//! the template rendered with those arguments. The dialect's reasons (date order, sign) are
//! checked the same way: a `reason-…` code with its arguments, whose rendering is the English
//! reason.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".json") && !name.ends_with(".md") && !name.ends_with(".tsv") {
                out.push(path);
            }
        }
    }
}

#[test]
fn every_reader_message_is_a_listed_code_with_typed_args() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let codes: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("web/i18n/codes.json")).unwrap())
            .unwrap();
    let mut paths = Vec::new();
    files(&root.join("tests/data/statement"), &mut paths);
    files(&root.join("../shared/fixtures"), &mut paths);
    assert!(paths.len() > 100, "only {} files found", paths.len());
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    let mut n_messages = 0;
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let mut check = |code: &str, args: &statement::Args, message: &str, help: Option<&str>| {
            n_messages += 1;
            seen.insert(code.to_owned());
            if codes.get(code).is_none() {
                problems.push(format!("{}: `{code}` is not in codes.json", path.display()));
            }
            if let Err(problem) = statement::messages::check_rendered(code, args, message, help) {
                problems.push(format!("{}: {problem}", path.display()));
            }
        };
        match statement::read(&bytes, &Default::default()) {
            Ok(statement) => {
                for d in &statement.diagnostics {
                    check(&d.code, &d.args, &d.message, d.help.as_deref());
                }
                let dialect = &statement.dialect;
                let mut unpaired = false;
                for (text, message) in [
                    (
                        &dialect.date_order_reason,
                        &dialect.date_order_reason_message,
                    ),
                    (&dialect.sign_reason, &dialect.sign_reason_message),
                ] {
                    match (text, message) {
                        (None, None) => {}
                        (Some(text), Some(message)) => {
                            check(&message.code, &message.args, text, None)
                        }
                        _ => unpaired = true,
                    }
                }
                if unpaired {
                    problems.push(format!(
                        "{}: a reason without its message, or the reverse",
                        path.display()
                    ));
                }
            }
            Err(error) => check(&error.code, &error.args, &error.message, Some(&error.help)),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    eprintln!(
        "{} files, {n_messages} messages, {} distinct codes",
        paths.len(),
        seen.len()
    );
    assert!(seen.len() >= 40, "only {} distinct codes seen", seen.len());
}
