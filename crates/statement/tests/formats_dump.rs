//! A helper for reviewing reader output by eye: `FORMATS_DUMP=path1:path2 cargo test -p
//! statement --test formats_dump -- --ignored --nocapture` prints each file's statement as JSON.
//! With `FORMATS_WRITE_EXPECT=1` it also writes `<file>.expected.json` in the corpus format for
//! just those files (so new cases can be added without rewriting anyone else's).

#[test]
#[ignore = "prints statements for review; run by hand"]
fn dump() {
    let Some(paths) = std::env::var_os("FORMATS_DUMP") else {
        return;
    };
    for path in std::env::split_paths(&paths) {
        let bytes = std::fs::read(&path).unwrap();
        let value = match statement::read(&bytes, &Default::default()) {
            Ok(statement) => serde_json::json!({ "ok": statement }),
            Err(error) => serde_json::json!({ "err": error }),
        };
        let rendered = serde_json::to_string_pretty(&value).unwrap() + "\n";
        if std::env::var_os("FORMATS_WRITE_EXPECT").is_some() {
            std::fs::write(format!("{}.expected.json", path.display()), &rendered).unwrap();
        }
        println!("=== {}\n{rendered}", path.display());
    }
}
