//! Writes `<file>.expected.json` for the CSV corpus cases only (`tests/data/statement/{ok,err}/csv`),
//! in exactly the form `tests/corpus.rs` compares, so other readers' expected files are never
//! touched. Review the diff before committing: `cargo run -p statement --example csv_expect`.
use std::path::{Path, PathBuf};

fn main() {
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
