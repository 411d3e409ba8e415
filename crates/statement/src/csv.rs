//! The CSV reader (minimal first slice: comma-separated, header row, ISO dates, dot decimals).

use crate::{
    Amount, Diagnostic, Format, Hints, ReadError, Severity, Source, Statement, Transaction,
};
use chrono::NaiveDate;

/// A streaming CSV reader. Feed chunks with [`CsvReader::push`], then [`CsvReader::finish`].
pub struct CsvReader {
    hints: Hints,
    text: Vec<u8>,
}

impl CsvReader {
    /// A reader applying `hints`.
    pub fn new(hints: Hints) -> Self {
        CsvReader {
            hints,
            text: Vec::new(),
        }
    }

    /// Feeds the next chunk.
    pub fn push(&mut self, chunk: &[u8]) {
        self.text.extend_from_slice(chunk);
    }

    /// Ends the input.
    pub fn finish(self) -> Result<Statement, ReadError> {
        let _ = &self.hints;
        let text = String::from_utf8_lossy(&self.text);
        let mut statement = Statement::new(Format::Csv);
        statement.dialect.encoding = "utf-8".into();
        statement.dialect.delimiter = Some(',');
        let mut lines = text.lines().enumerate();
        let Some((_, header)) = lines.next() else {
            return Err(ReadError::new(
                "empty-file",
                "the file has no lines",
                "export again",
            ));
        };
        let names: Vec<String> = header
            .split(',')
            .map(|s| s.trim().to_ascii_lowercase())
            .collect();
        let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
        let (Some(date_col), Some(amount_col)) = (find(&["date"]), find(&["amount"])) else {
            return Err(ReadError::new(
                "no-columns",
                "no date and amount columns found in the header",
                "export with a header row",
            ));
        };
        let desc_col = find(&["description", "payee", "memo"]);
        statement.dialect.header_line = Some(1);
        for (idx, line) in lines {
            let line_no = idx as u32 + 1;
            let fields: Vec<&str> = line.split(',').collect();
            let date = fields
                .get(date_col)
                .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
            let amount = fields.get(amount_col).and_then(|a| parse_amount(a.trim()));
            match (date, amount) {
                (Some(date), Some(amount)) => statement.transactions.push(Transaction {
                    date,
                    posted: None,
                    amount,
                    currency: None,
                    description: desc_col
                        .and_then(|c| fields.get(c))
                        .map(|s| s.trim().to_owned())
                        .unwrap_or_default(),
                    balance: None,
                    id: None,
                    source: Source {
                        line: line_no,
                        element: None,
                    },
                }),
                _ => statement.diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "skipped-row",
                        "row has no readable date or amount",
                    )
                    .at_line(line_no),
                ),
            }
        }
        Ok(statement)
    }
}

fn parse_amount(text: &str) -> Option<Amount> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty()
        || frac.len() > 4
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let scale = frac.len() as u8;
    let minor: i64 = format!("{whole}{frac}").parse().ok()?;
    Some(Amount::new(if negative { -minor } else { minor }, scale))
}
