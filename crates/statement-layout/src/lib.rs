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

use statement::{Diagnostic, Hints, ReadError, Statement};

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
}

fn not_yet() -> ReadError {
    ReadError::new(
        "not-implemented",
        "reading statements from positioned text is not built yet",
        "export the statement as CSV from online banking",
    )
}

/// Finds the transaction table in `pages` and writes it as canonical CSV. The hints that
/// concern the document's own text (date order, decimal mark, sign convention) are applied
/// here; `flip_sign` is left to the reader of the text.
pub fn convert(pages: &[Page], kind: Kind, hints: &Hints) -> Result<Table, ReadError> {
    let _ = (pages, kind, hints);
    Err(not_yet())
}

/// The hints to read [`Table::text`] with: the canonical text's own conventions, plus the
/// caller's `flip_sign`.
pub fn table_hints(hints: &Hints) -> Hints {
    Hints {
        flip_sign: hints.flip_sign,
        ..Hints::default()
    }
}

/// Rewrites a reader message about the converted text so it names the document's page and
/// line: `line 12` → `page 2, line 14` (or `line 14` for a one-page document).
pub fn relabel_message(message: &str, table: &Table) -> String {
    let _ = table;
    message.to_owned()
}

/// Reads positioned pages into a statement: [`convert`], [`statement::read`] of the text with
/// [`table_hints`], then every line number relabelled as page and line.
pub fn read_pages(pages: &[Page], kind: Kind, hints: &Hints) -> Result<Statement, ReadError> {
    let _ = (pages, kind, hints);
    Err(not_yet())
}

/// Turns a plain-text statement into pages: a form feed starts a new page, each text line is a
/// [`Line`], and runs of text separated by two or more spaces are [`Span`]s with character
/// columns as `x`.
pub fn text_pages(text: &str) -> Result<Vec<Page>, ReadError> {
    let _ = text;
    Err(not_yet())
}

/// Reads a plain-text statement file (decoded as the CSV reader decodes text).
pub fn read_text(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let _ = (bytes, hints);
    Err(not_yet())
}
