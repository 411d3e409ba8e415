//! One sheet as sparse cells, its conversion into canonical delimited text, and the score that
//! picks the sheet that looks like a transaction list.

use std::fmt::Write as _;

/// The widest table converted: columns past this one are left out with a warning.
pub const MAX_COLUMNS: u32 = 256;
/// The most rows a sheet may span (Excel's own limit).
pub const MAX_ROWS: u32 = 1_048_576;

/// A cell's value, as the spreadsheet typed it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A number (spreadsheets keep every number as a binary float).
    Number(f64),
    /// A calendar date (the time of day, if any, is dropped).
    Date {
        /// The year.
        year: i32,
        /// The month, 1-12.
        month: u32,
        /// The day of the month.
        day: u32,
    },
    /// TRUE or FALSE.
    Bool(bool),
    /// An error value such as `#N/A`, kept as its text.
    Error(String),
}

/// One non-empty cell: 0-based row and column, and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
    /// The value.
    pub value: Value,
}

/// A sheet: its name and its non-empty cells in any order.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The sheet's name as the workbook shows it.
    pub name: String,
    /// Non-empty cells.
    pub cells: Vec<Cell>,
}

/// The column letters of a 0-based column (`0` → `A`, `27` → `AB`).
pub fn column_letters(mut col: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A cell reference as spreadsheets write it: `Sheet1!B12`, `'Konto 1'!A3`. `row` is 1-based.
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    let plain = !sheet.is_empty()
        && sheet
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    let letters = column_letters(col);
    if plain {
        format!("{sheet}!{letters}{row}")
    } else {
        format!("'{}'!{letters}{row}", sheet.replace('\'', "''"))
    }
}

/// A number as plain decimal text with `.`: at most 15 significant digits (what a spreadsheet
/// shows; a float such as `0.1 + 0.2` then reads `0.3`), never an exponent.
pub fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    if rounded == 0.0 {
        return "0".to_owned();
    }
    format!("{rounded}")
}

fn push_text(out: &mut String, text: &str) {
    // One cell is one field of one line: line breaks inside a cell become spaces so that line N
    // of the text stays row N of the sheet.
    let needs_quotes = text.contains([',', '"', '\n', '\r']);
    if needs_quotes {
        out.push('"');
    }
    for c in text.chars() {
        match c {
            '"' => out.push_str("\"\""),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    if needs_quotes {
        out.push('"');
    }
}

fn push_value(out: &mut String, value: &Value) {
    match value {
        Value::Text(text) => push_text(out, text),
        Value::Number(number) => out.push_str(&number_text(*number)),
        Value::Date { year, month, day } => {
            let _ = write!(out, "{year:04}-{month:02}-{day:02}");
        }
        Value::Bool(true) => out.push_str("TRUE"),
        Value::Bool(false) => out.push_str("FALSE"),
        Value::Error(text) => push_text(out, text),
    }
}

/// A sheet converted to delimited text.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Comma-delimited text; line N (1-based) is row N of the sheet.
    pub text: String,
    /// The 0-based sheet column of the text's first field.
    pub first_col: u32,
    /// Cells left out because they lie right of [`MAX_COLUMNS`] columns of the table, with
    /// their (1-based row, 0-based column); at most a few are kept.
    pub cut: Vec<(u32, u32)>,
    /// How many cells were left out in all.
    pub cut_count: usize,
}

/// Writes a sheet as comma-delimited text, one line per sheet row from row 1 (rows before the
/// first used one are blank lines), fields from the first used column, every line as wide as the
/// table.
pub fn to_text(sheet: &Sheet) -> Text {
    let mut cells: Vec<&Cell> = sheet.cells.iter().collect();
    cells.sort_by_key(|cell| (cell.row, cell.col));
    let first_col = cells.iter().map(|cell| cell.col).min().unwrap_or(0);
    let last_col = cells
        .iter()
        .map(|cell| cell.col)
        .filter(|&col| col - first_col < MAX_COLUMNS)
        .max()
        .unwrap_or(first_col);
    let width = last_col - first_col + 1;
    let mut text = String::with_capacity(cells.len() * 12);
    let mut cut = Vec::new();
    let mut cut_count = 0;
    let mut line = 0u32; // rows written so far
    let mut index = 0;
    while index < cells.len() {
        let row = cells[index].row;
        while line < row {
            text.push('\n');
            line += 1;
        }
        let mut col = 0u32; // fields written in this line
        while index < cells.len() && cells[index].row == row {
            let cell = cells[index];
            index += 1;
            let offset = cell.col - first_col;
            if offset >= MAX_COLUMNS {
                cut_count += 1;
                if cut.len() < 3 {
                    cut.push((row + 1, cell.col));
                }
                continue;
            }
            while col < offset {
                text.push(',');
                col += 1;
            }
            push_value(&mut text, &cell.value);
        }
        while col + 1 < width {
            text.push(',');
            col += 1;
        }
        text.push('\n');
        line += 1;
    }
    Text {
        text,
        first_col,
        cut,
        cut_count,
    }
}

fn is_date_text(text: &str) -> bool {
    statement::date::parse(text.as_bytes()).is_some()
}

fn is_amount_text(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.bytes().any(|b| b.is_ascii_digit())
        && (statement::number::parse(trimmed.as_bytes(), b'.').is_ok_and(|n| n.is_some())
            || statement::number::parse(trimmed.as_bytes(), b',').is_ok_and(|n| n.is_some()))
}

/// How much a sheet looks like a transaction list: the number of rows that have a date and,
/// after it, a number.
pub fn transaction_rows(sheet: &Sheet) -> usize {
    let mut cells: Vec<&Cell> = sheet.cells.iter().collect();
    cells.sort_by_key(|cell| (cell.row, cell.col));
    let mut rows = 0;
    let mut index = 0;
    while index < cells.len() {
        let row = cells[index].row;
        let mut dated = false;
        let mut amount_after_date = false;
        while index < cells.len() && cells[index].row == row {
            match &cells[index].value {
                Value::Date { .. } => dated = true,
                Value::Text(text) if !dated && is_date_text(text) => dated = true,
                Value::Number(_) if dated => amount_after_date = true,
                Value::Text(text) if dated && is_amount_text(text) => amount_after_date = true,
                _ => {}
            }
            index += 1;
        }
        if dated && amount_after_date {
            rows += 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn cell_refs_quote_sheet_names_with_spaces() {
        assert_eq!(cell_ref("Sheet1", 12, 0), "Sheet1!A12");
        assert_eq!(cell_ref("Konto 1", 3, 1), "'Konto 1'!B3");
        assert_eq!(cell_ref("O'Neil", 1, 0), "'O''Neil'!A1");
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(number_text(-12.5), "-12.5");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(1234567.89), "1234567.89");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(1e21), "1000000000000000000000");
        assert_eq!(number_text(0.000_000_1), "0.0000001");
        assert_eq!(number_text(f64::NAN), "");
        assert_eq!(number_text(42.0), "42");
    }

    #[test]
    fn text_keeps_rows_on_their_lines() {
        let sheet = Sheet {
            name: "S".into(),
            cells: vec![
                Cell {
                    row: 2,
                    col: 1,
                    value: Value::Date {
                        year: 2024,
                        month: 3,
                        day: 5,
                    },
                },
                Cell {
                    row: 2,
                    col: 3,
                    value: Value::Number(-9.99),
                },
                Cell {
                    row: 1,
                    col: 2,
                    value: Value::Text("a \"b\",\nc".into()),
                },
            ],
        };
        let text = to_text(&sheet);
        assert_eq!(text.first_col, 1);
        assert_eq!(text.text, "\n,\"a \"\"b\"\", c\",\n2024-03-05,,-9.99\n");
        assert_eq!(transaction_rows(&sheet), 1);
    }
}
