//! Prints the canonical CSV a text statement converts to, and the diagnostics:
//! `cargo run -p statement-layout --example layout-table -- FILE.txt`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        match statement_layout::convert_text(&bytes, &Default::default()) {
            Ok((table, _)) => {
                println!(
                    "== {path}: {} rows, {:?}",
                    table.origins.len() - 1,
                    table.decisions
                );
                for (line, origin) in table.text.lines().zip(&table.origins) {
                    println!("p{}l{}\t{line}", origin.page, origin.line);
                }
                for d in &table.diagnostics {
                    println!("  {:?} {}: {}", d.severity, d.code, d.message);
                }
            }
            Err(error) => println!("== {path}: {} {}", error.code, error.message),
        }
    }
}
