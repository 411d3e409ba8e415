//! Prints what the reader makes of a file, as JSON: `cargo run -p statement --example dump FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|error| {
        eprintln!("{path}: {error}");
        std::process::exit(2);
    });
    let value = match statement::read(&bytes, &statement::Hints::default()) {
        Ok(statement) => serde_json::json!({ "ok": statement }),
        Err(error) => serde_json::json!({ "err": error }),
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    );
}
