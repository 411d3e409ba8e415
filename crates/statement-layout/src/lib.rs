//! Reads statements that are laid out for reading rather than for machines: positioned lines of
//! text, from a PDF's text layer or from a plain-text rendering (a card issuer's `.txt`
//! statement, `pdftotext -layout` output).
//!
//! The caller turns its input into [`Page`]s of [`Line`]s of [`Span`]s; [`convert`] finds the
//! transaction table in them (columns from positions and header words, a date at the start of
//! a row, one or two amounts at its end, wrapped descriptions, running balances, carried-forward
//! rows, repeated page headers and footers) and writes it as canonical CSV text, which
//! [`read_pages`] reads through [`statement::read`] so that the statement, its store and its
//! diagnostics are exactly those of the CSV path.
//!
//! **Invariant:** no I/O, no clock, and no input makes it panic, hang or use unbounded memory.
#![deny(missing_docs)]

use statement::{
    ColumnRole, DateOrder, Diagnostic, Hints, Message, ReadError, Severity, SignConvention,
    Statement,
};

/// One run of text on a line, with its horizontal extent. `x` is in any unit as long as it is
/// the same for the whole document: character columns for plain text, PDF points for PDFs.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// The text of the run.
    pub text: String,
}

/// One line of text on a page, its spans in reading order (left to right).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// 1-based page number.
    pub page: u32,
    /// 1-based line number on that page (what a person counts: "page 2, line 14").
    pub line: u32,
    /// Vertical position (top of page = smallest for PDFs after the caller's flip; the line
    /// index for plain text). Only the order and gaps matter.
    pub y: f32,
    /// The runs of text, left to right.
    pub spans: Vec<Span>,
}

/// One page: its lines top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// The page width in the unit of the spans' `x`.
    pub width: f32,
    /// Lines, top to bottom.
    pub lines: Vec<Line>,
}

/// What the pages were made from, for the messages a person reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A plain-text file.
    Text,
    /// A PDF's text layer.
    Pdf,
}

impl Kind {
    /// The lowercase name used in reports (`text`, `pdf`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Pdf => "pdf",
        }
    }
}

/// Where a row of the converted text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// 1-based page.
    pub page: u32,
    /// 1-based line on that page.
    pub line: u32,
}

/// The transaction table of a document, written as canonical CSV for [`statement::read`].
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// What the pages were made from.
    pub kind: Kind,
    /// Comma-delimited UTF-8 text: a header line, then one line per transaction (dates
    /// `YYYY-MM-DD`, signed amounts with `.`, money out negative).
    pub text: String,
    /// `origins[n]` is where line `n + 1` of `text` came from (line 1, the header, names the
    /// table's header line or its first row).
    pub origins: Vec<Origin>,
    /// Decisions and problems of the reconstruction, to be put before the reader's own.
    pub diagnostics: Vec<Diagnostic>,
    /// What was decided about the document (date order, decimal mark, sign, pages).
    pub decisions: Decisions,
}

mod table;
pub mod text;
mod words;

pub use table::MAX_ROWS;

/// The stable error code the sniffer gives a plain-text statement
/// ([`statement::sniff::TEXT_STATEMENT_CODE`]).
pub use statement::sniff::TEXT_STATEMENT_CODE;

/// What the reconstruction decided about the document, for the statement's dialect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decisions {
    /// Order of numeric dates.
    pub date_order: Option<DateOrder>,
    /// Why (a `reason-…` message).
    pub date_order_reason: Option<Message>,
    /// Decimal mark of the amounts.
    pub decimal_mark: Option<char>,
    /// How money out was told from money in.
    pub sign_convention: SignConvention,
    /// Why (a `reason-…` message).
    pub sign_reason: Message,
    /// The currency most amounts were written in, when symbols or codes named one.
    pub currency: Option<String>,
    /// How many pages were read.
    pub pages: u32,
}

/// Finds the transaction table in `pages` and writes it as canonical CSV. The hints that
/// concern the document's own text (date order, decimal mark, sign convention) are applied
/// here; `flip_sign` is left to the reader of the text ([`table_hints`]).
pub fn convert(pages: &[Page], kind: Kind, hints: &Hints) -> Result<Table, ReadError> {
    let found = table::reconstruct(pages, kind, hints)?;
    let mut text = String::with_capacity(found.rows.len() * 64 + 64);
    text.push_str("Date,Value date,Description,Amount,Balance,Booking type\n");
    let mut origins = Vec::with_capacity(found.rows.len() + 1);
    origins.push(
        found
            .rows
            .first()
            .map_or(Origin { page: 1, line: 1 }, |r| r.origin),
    );
    let money = |minor: i64| {
        let sign = if minor < 0 { "-" } else { "" };
        let abs = minor.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    };
    for row in &found.rows {
        text.push_str(&row.date.to_string());
        text.push(',');
        if let Some(posted) = row.posted {
            text.push_str(&posted.to_string());
        }
        text.push(',');
        push_field(&mut text, &row.description);
        text.push(',');
        text.push_str(&money(row.amount));
        text.push(',');
        if let Some(balance) = row.balance {
            text.push_str(&money(balance));
        }
        text.push(',');
        if let Some(booking) = &row.booking {
            push_field(&mut text, booking);
        }
        text.push('\n');
        origins.push(row.origin);
    }
    Ok(Table {
        kind,
        text,
        origins,
        diagnostics: found.diagnostics,
        decisions: Decisions {
            date_order: found.date_order,
            date_order_reason: found.date_order_reason,
            decimal_mark: found.decimal_mark,
            sign_convention: found.sign_convention,
            sign_reason: found.sign_reason,
            currency: found.currency,
            pages: found.pages as u32,
        },
    })
}

fn push_field(text: &mut String, value: &str) {
    let value = value.replace(['\r', '\n'], " ");
    if value.contains([',', '"']) || value.starts_with([' ', '=', '+', '-', '@']) {
        text.push('"');
        text.push_str(&value.replace('"', "\"\""));
        text.push('"');
    } else {
        text.push_str(&value);
    }
}

/// The hints to read [`Table::text`] with: the canonical text's own conventions (ISO dates,
/// `.`, money out negative, the five columns), plus the caller's `flip_sign`.
pub fn table_hints(hints: &Hints) -> Hints {
    Hints {
        flip_sign: hints.flip_sign,
        date_order: Some(DateOrder::Ymd),
        decimal_mark: Some('.'),
        sign_convention: Some(SignConvention::OutflowNegative),
        encoding: Some("utf-8".to_owned()),
        columns: vec![
            (0, ColumnRole::Date),
            (1, ColumnRole::PostedDate),
            (2, ColumnRole::Description),
            (3, ColumnRole::Amount),
            (4, ColumnRole::Balance),
            (5, ColumnRole::BookingType),
        ],
        rows_are_transactions: true,
    }
}

impl Table {
    /// Where line `line` (1-based) of [`Table::text`] came from.
    pub fn origin(&self, line: u32) -> Option<Origin> {
        self.origins.get(line.checked_sub(1)? as usize).copied()
    }

    /// `page 2, line 14`, or `line 14` for a one-page document.
    pub fn place(&self, origin: Origin) -> String {
        if self.decisions.pages > 1 {
            format!("page {}, line {}", origin.page, origin.line)
        } else {
            format!("line {}", origin.line)
        }
    }
}

/// Rewrites a reader message about the converted text so it names the document's page and
/// line: `line 12` → `page 2, line 14` (or `line 14` for a one-page document).
pub fn relabel_message(message: &str, table: &Table) -> String {
    statement::replace_line_numbers(message, |line| {
        table.origin(line).map(|origin| table.place(origin))
    })
}

/// Reads positioned pages into a statement: [`convert`], [`statement::read`] of the text with
/// [`table_hints`], then [`relabel`].
pub fn read_pages(pages: &[Page], kind: Kind, hints: &Hints) -> Result<Statement, ReadError> {
    let table = convert(pages, kind, hints)?;
    let mut statement = statement::read(table.text.as_bytes(), &table_hints(hints))?;
    relabel(&mut statement, &table);
    Ok(statement)
}

/// Codes of the reader's notes about the canonical text itself (its encoding, the fixed column
/// hints), left out when a statement is relabelled.
pub const CANONICAL_NOTES: &[&str] = &["encoding", "column-hints"];

/// Rewrites a statement read from [`Table::text`] so it speaks of the document: each
/// transaction's line is its line on its page (the page in `source.element`: `page 2`), the
/// diagnostics name pages and lines and follow the reconstruction's own, and the dialect
/// states what was decided from the document instead of the canonical text's conventions.
pub fn relabel(statement: &mut Statement, table: &Table) {
    let mut transactions = statement::Transactions::with_capacity(
        statement.transactions.len(),
        statement.transactions.text_len() + statement.transactions.len() * 8,
    );
    for view in statement.transactions.iter() {
        let mut transaction = view.to_transaction();
        if let Some(origin) = table.origin(transaction.source.line) {
            transaction.source.line = origin.line;
            transaction.source.element = Some(format!("page {}", origin.page));
        }
        transactions.push(transaction);
    }
    statement.transactions = transactions;
    let mut diagnostics = table.diagnostics.clone();
    for mut diagnostic in std::mem::take(&mut statement.diagnostics) {
        // What the reader said about the canonical text's own encoding and fixed columns is
        // not about the document.
        if CANONICAL_NOTES.contains(&diagnostic.code.as_str()) {
            continue;
        }
        diagnostic.message = relabel_message(&diagnostic.message, table);
        diagnostic.line = diagnostic
            .line
            .and_then(|line| table.origin(line))
            .map(|origin| origin.line);
        diagnostics.push(diagnostic);
    }
    statement.diagnostics = diagnostics;
    let decisions = &table.decisions;
    let dialect = &mut statement.dialect;
    dialect.version = Some(match table.kind {
        Kind::Text => format!("plain text, {} page(s)", decisions.pages),
        Kind::Pdf => format!("PDF text, {} page(s)", decisions.pages),
    });
    dialect.delimiter = None;
    dialect.header_line = None;
    dialect.columns.clear();
    dialect.date_order = decisions.date_order;
    dialect.set_date_order_reason(decisions.date_order_reason.clone());
    dialect.decimal_mark = decisions.decimal_mark;
    dialect.sign_convention = Some(decisions.sign_convention);
    dialect.set_sign_reason(Some(decisions.sign_reason.clone()));
    if statement.currency.is_none() {
        statement.currency = decisions.currency.clone();
    }
}

/// Turns a plain-text statement into pages: a form feed starts a new page, each text line is a
/// [`Line`] (blank lines are counted but not kept), and runs of text separated by two or more
/// spaces are [`Span`]s with character columns as `x`.
pub fn text_pages(text: &str) -> Result<Vec<Page>, ReadError> {
    text::pages(text, &mut text::Cut::default())
}

/// A plain-text statement converted: [`decode`](text) + [`text_pages`] + [`convert`], with a
/// diagnostic for lines cut at [`text::MAX_LINE_CHARS`]. Returns the table and the encoding's
/// label.
pub fn convert_text(bytes: &[u8], hints: &Hints) -> Result<(Table, String), ReadError> {
    let (decoded, encoding) = text::decode(bytes, hints.encoding.as_deref())?;
    let mut cut = text::Cut::default();
    let pages = text::pages(&decoded, &mut cut)?;
    let mut table = convert(&pages, Kind::Text, hints)?;
    if let Some(first) = cut.long_lines.first() {
        table.diagnostics.insert(
            0,
            Diagnostic::new(
                Severity::Warning,
                "long-line",
                statement::Args::new()
                    .count("lines", cut.long_lines.len())
                    .count("limit", text::MAX_LINE_CHARS)
                    .line("first", *first),
            ),
        );
    }
    Ok((table, encoding))
}

/// Reads a plain-text statement file (decoded as the CSV reader decodes text).
pub fn read_text(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let (table, encoding) = convert_text(bytes, hints)?;
    let mut statement = statement::read(table.text.as_bytes(), &table_hints(hints))?;
    relabel(&mut statement, &table);
    statement.dialect.encoding = encoding;
    Ok(statement)
}

/// Reads any statement file as the command line does: [`statement::read`], and a file it
/// refuses as a plain-text statement through [`read_text`].
pub fn read_any_text(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    match statement::read(bytes, hints) {
        Err(error) if error.code == TEXT_STATEMENT_CODE => read_text(bytes, hints),
        other => other,
    }
}
