//! Prints what the reader makes of a file: `cargo run -p statement --example csv_debug FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: csv_debug FILE");
        return;
    };
    let bytes = std::fs::read(&path).expect("readable file");
    match statement::read(&bytes, &Default::default()) {
        Ok(statement) => {
            println!("{:#?}", statement.dialect);
            for d in &statement.diagnostics {
                println!("{:?} {} {:?}: {}", d.severity, d.code, d.line, d.message);
            }
            for t in &statement.transactions {
                println!(
                    "{} {:>12} {:>12} {:?} {}",
                    t.date,
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
