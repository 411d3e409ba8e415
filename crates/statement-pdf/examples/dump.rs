//! Prints the positioned lines of a PDF: `cargo run -p statement-pdf --example dump -- file.pdf`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
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
