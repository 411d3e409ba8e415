//! Finds recurring charges in statements, matches them to guide vendors and judges
//! cancellations. No I/O, no clock: "today" is a parameter.
#![deny(missing_docs)]

pub mod report;

pub use report::*;

use chrono::NaiveDate;
use statement::Statement;

/// A statement and the name of the file it came from.
pub struct NamedStatement {
    /// The file name, for the report only.
    pub file: String,
    /// What the reader produced.
    pub statement: Statement,
}

/// Analyses the statements against the recorded cancellations.
pub fn analyse(
    statements: &[NamedStatement],
    cancellations: &[Cancellation],
    today: NaiveDate,
) -> Report {
    let summaries = statements
        .iter()
        .map(|named| {
            let statement = &named.statement;
            StatementSummary {
                file: named.file.clone(),
                format: statement.format.as_str().to_owned(),
                dialect: statement.dialect.clone(),
                currency: statement.currency.clone(),
                period: statement.period().map(|(from, to)| Period { from, to }),
                n_transactions: statement.transactions.len(),
                diagnostics: statement.diagnostics.clone(),
            }
        })
        .collect();
    let _ = cancellations;
    Report {
        today,
        statements: summaries,
        recurring: Vec::new(),
        cancellations: Vec::new(),
    }
}
