//! Prints the positioned lines of a PDF: `cargo run -p statement-pdf --example dump -- file.pdf`
//! (`-- --read file.pdf`: the transactions read from it; `-- --table file.pdf`: the rebuilt table).
fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let read = mode == "--read";
    let table = mode == "--table";
    for path in std::env::args().skip(1 + (read || table) as usize) {
        let bytes = std::fs::read(&path).expect("readable file");
        if table {
            match statement_pdf::convert(&bytes, &Default::default()) {
                Ok(table) => {
                    for (line, origin) in table.text.lines().zip(&table.origins) {
                        println!("p{} l{:<3} {line}", origin.page, origin.line);
                    }
                    for d in &table.diagnostics {
                        println!("diagnostic {}: {}", d.code, d.message);
                    }
                }
                Err(e) => println!("{path}: error {}: {}", e.code, e),
            }
            continue;
        }
        if read {
            match statement_pdf::read(&bytes, &Default::default()) {
                Ok(statement) => {
                    for t in statement.transactions.iter() {
                        println!(
                            "{} {:>10} line {:>4} {}",
                            t.date, t.amount.minor, t.line, t.description
                        );
                    }
                    for d in &statement.diagnostics {
                        println!("diagnostic {}: {}", d.code, d.message);
                    }
                }
                Err(e) => println!("{path}: error {}: {}", e.code, e),
            }
            continue;
        }
        let start = std::time::Instant::now();
        match statement_pdf::pages(&bytes) {
            Ok(pages) => {
                let elapsed = start.elapsed();
                for page in &pages {
                    println!("== page {} (width {:.0})", page.number, page.width);
                    for line in &page.lines {
                        let spans: Vec<String> = line
                            .spans
                            .iter()
                            .map(|s| format!("[{:.0}-{:.0} {}]", s.x0, s.x1, s.text))
                            .collect();
                        println!("{:3} y={:6.1} {}", line.line, line.y, spans.join(" "));
                    }
                }
                eprintln!("{path}: {} pages in {:?}", pages.len(), elapsed);
            }
            Err(e) => println!("{path}: error {}: {}", e.code, e),
        }
    }
}
