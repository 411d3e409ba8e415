//! The scored test: every plain-text statement in `tests/data/text` (layouts of real banks'
//! statements, see `SOURCES.md`) is read through `read_text`, and each row's date, amount and
//! sign, and its page and line, are compared with `NAME.expected.csv`, written independently of
//! the reader. Prints a score per layout; every layout must be 100%.

use std::path::Path;

struct Expected {
    date: String,
    amount: String,
    page: u32,
    line: u32,
}

fn expected(path: &Path) -> Vec<Expected> {
    std::fs::read_to_string(path)
        .expect("expected file")
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            Expected {
                date: f[0].to_owned(),
                amount: f[1].to_owned(),
                page: f[2].parse().unwrap(),
                line: f[3].parse().unwrap(),
            }
        })
        .collect()
}

#[test]
fn every_layout_reads_every_row_with_date_amount_sign_and_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/text");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".txt").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 8,
        "at least eight layouts, found {}",
        names.len()
    );
    let (mut all_right, mut all_rows) = (0, 0);
    let mut failures = Vec::new();
    println!(
        "{:<24} {:>8} {:>6} {:>6} {:>6}",
        "layout", "expected", "read", "right", "place"
    );
    for name in &names {
        let bytes = std::fs::read(dir.join(format!("{name}.txt"))).unwrap();
        let want = expected(&dir.join(format!("{name}.expected.csv")));
        // The sniffer must send the file to the layout reader, not read it as CSV.
        let sniffed = statement::read(&bytes, &Default::default());
        assert_eq!(
            sniffed.as_ref().err().map(|e| e.code.as_str()),
            Some(statement_layout::TEXT_STATEMENT_CODE),
            "{name}: sniffed as {:?}",
            sniffed.as_ref().map(|s| s.format)
        );
        let statement = statement_layout::read_any_text(&bytes, &Default::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let got: Vec<_> = statement.transactions.iter().collect();
        let mut right = 0;
        let mut placed = 0;
        for (index, want) in want.iter().enumerate() {
            match got.get(index) {
                Some(t)
                    if t.date.to_string() == want.date && t.amount.to_string() == want.amount =>
                {
                    right += 1;
                    let page = t
                        .element
                        .and_then(|e| e.strip_prefix("page ")?.parse::<u32>().ok());
                    if t.line == want.line && page == Some(want.page) {
                        placed += 1;
                    } else {
                        failures.push(format!(
                            "{name} row {}: at {:?} line {}, expected page {} line {}",
                            index + 1,
                            t.element,
                            t.line,
                            want.page,
                            want.line
                        ));
                    }
                }
                Some(t) => failures.push(format!(
                    "{name} row {}: read {} {} ({}), expected {} {}",
                    index + 1,
                    t.date,
                    t.amount,
                    t.description,
                    want.date,
                    want.amount
                )),
                None => failures.push(format!("{name} row {}: missing", index + 1)),
            }
        }
        for extra in got.iter().skip(want.len()) {
            failures.push(format!(
                "{name}: extra row {} {} {}",
                extra.date, extra.amount, extra.description
            ));
        }
        let warnings: Vec<_> = statement
            .diagnostics
            .iter()
            .filter(|d| d.severity >= statement::Severity::Warning)
            .map(|d| format!("{name}: {} {}", d.code, d.message))
            .collect();
        failures.extend(warnings);
        println!(
            "{name:<24} {:>8} {:>6} {:>6} {:>6}",
            want.len(),
            got.len(),
            right,
            placed
        );
        all_right += right;
        all_rows += want.len();
    }
    println!(
        "text statements: {all_right}/{all_rows} rows with date, amount and sign right ({:.1}%) in {} layouts",
        100.0 * all_right as f64 / all_rows as f64,
        names.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
