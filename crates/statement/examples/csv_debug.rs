//! Prints what the reader makes of a file: `cargo run -p statement --example csv_debug FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: csv_debug FILE");
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
