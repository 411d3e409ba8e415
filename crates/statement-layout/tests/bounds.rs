//! Bad and hostile input: a clear refusal or a diagnostic naming the place, never a panic, a
//! hang or a silent drop.

use statement_layout::{read_text, text, TEXT_STATEMENT_CODE};

fn hints() -> statement::Hints {
    statement::Hints::default()
}

#[test]
fn text_without_a_table_is_refused_with_what_it_lacks() {
    let error = read_text(
        b"Dear customer,\n\nyour card is on its way.\nKind regards\n",
        &hints(),
    )
    .unwrap_err();
    assert_eq!(error.code, "not-a-statement-table");
    assert!(
        error
            .message
            .starts_with("this text file is not a statement table: "),
        "{}",
        error.message
    );
}

#[test]
fn dates_without_any_year_are_refused() {
    let text = "Date   Description      Amount\n03 Jan  TESCO   12.50\n04 Jan  SHELL   40.00\n";
    let error = read_text(text.as_bytes(), &hints()).unwrap_err();
    assert_eq!(error.code, "no-statement-year");
}

#[test]
fn a_merchant_called_total_is_a_transaction() {
    let text = "Statement 17 april 2019\n12 apr   TOTAL 4375462   PESSAC   42,11 Af\n13 apr   AUCHAN   LA BREDE   52,18 Af\n";
    let statement = read_text(text.as_bytes(), &hints()).unwrap();
    assert_eq!(statement.transactions.len(), 2);
}

#[test]
fn a_dated_row_whose_amount_cannot_be_read_is_named() {
    let text = "Statement 31.03.2024\n\
                01.03.2024  RENT   950,00-\n\
                02.03.2024  BIG    123456789012345678,00-\n\
                03.03.2024  SHOP   12,00-\n\
                04.03.2024  CAFE\n\
                05.03.2024  BAR    8,00-\n";
    let statement = read_text(text.as_bytes(), &hints()).unwrap();
    assert_eq!(statement.transactions.len(), 3);
    let unread: Vec<(&str, &str)> = statement
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.message.as_str()))
        .collect();
    assert!(
        unread.contains(&(
            "unreadable-row-digits",
            "page 1, line 3 looks like a transaction but was not read: the amount \"123456789012345678,00-\" has too many digits"
        )),
        "{unread:?}"
    );
    assert!(
        unread.contains(&(
            "unreadable-row-no-amount",
            "page 1, line 5 starts with a date but has no amount, so it was not read"
        )),
        "{unread:?}"
    );
}

#[test]
fn huge_lines_are_cut_and_reported() {
    let mut text = String::from(
        "Statement 31.03.2024\n01.03.2024  RENT   950,00-\n02.03.2024  SHOP   12,00-\n",
    );
    text.push_str(&"x".repeat(5_000_000));
    text.push('\n');
    let (table, _) = statement_layout::convert_text(text.as_bytes(), &hints()).unwrap();
    assert_eq!(table.origins.len(), 3);
    assert_eq!(table.diagnostics[0].code, "long-line");
}

#[test]
fn too_many_pages_or_bytes_are_refused() {
    let pages = "\u{c}".repeat(text::MAX_PAGES + 1);
    assert_eq!(
        read_text(pages.as_bytes(), &hints()).unwrap_err().code,
        "too-large-pages"
    );
    let big = vec![b' '; text::MAX_TEXT_BYTES + 1];
    assert_eq!(
        read_text(&big, &hints()).unwrap_err().code,
        "too-large-text"
    );
}

#[test]
fn many_pages_read_in_bounded_time() {
    // 2,000 pages of 40 rows each: 80,000 rows.
    let mut text = String::from("Statement period 01.01.2024 to 31.12.2024\n");
    for page in 0..2_000 {
        text.push('\u{c}');
        text.push_str("Date        Description             Amount\n");
        for row in 0..40 {
            let day = (page + row) % 28 + 1;
            text.push_str(&format!(
                "{day:02}.03.2024  SHOP {row:<16}  {}.{:02}-\n",
                row + 1,
                page % 100
            ));
        }
    }
    let started = std::time::Instant::now();
    let statement = read_text(text.as_bytes(), &hints()).unwrap();
    assert_eq!(statement.transactions.len(), 80_000);
    // Not a benchmark: only a guard against quadratic work (measured ~1 s unoptimised).
    assert!(started.elapsed().as_secs() < 60);
}

#[test]
fn csv_still_reads_as_csv_and_text_sniffs_as_text() {
    let csv = "Date,Description,Amount\n2024-03-01,RENT,-950.00\n2024-03-02,SHOP,-12.00\n2024-03-03,PAY,100.00\n";
    assert!(statement::read(csv.as_bytes(), &hints()).is_ok());
    let tsv = "Date\tDescription\tAmount\n01.03.2024\tRENT\t-950,00\n02.03.2024\tSHOP\t-12,00\n03.03.2024\tPAY\t100,00\n";
    assert!(statement::read(tsv.as_bytes(), &hints()).is_ok());
    let txt = "Statement 31.03.2024\n01.03.2024  RENT   950,00-\n02.03.2024  SHOP   12,00-\n03.03.2024  PAY   100,00+\n";
    assert_eq!(
        statement::read(txt.as_bytes(), &hints()).unwrap_err().code,
        TEXT_STATEMENT_CODE
    );
}
