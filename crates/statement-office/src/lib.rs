//! Reads spreadsheet statement exports — XLSX/XLSM, legacy XLS (BIFF8) and ODS — into the same
//! [`Statement`] as a CSV export, through the CSV reader's own inference.
//!
//! A workbook is opened with [calamine](https://docs.rs/calamine), the sheet that looks most like
//! a transaction list is chosen, and that sheet is written as canonical delimited text (dates
//! `YYYY-MM-DD`, numbers as plain decimals with `.`, text quoted where needed) in which line N is
//! row N of the sheet. That text goes through [`statement::read`] with the caller's hints, so
//! column roles, sign conventions and diagnostics are exactly those of CSV; [`relabel`] then
//! rewrites "line N" in the diagnostics as the sheet's cell reference (`Sheet1!A12`).
//!
//! **Invariant:** no I/O, no clock, and no input makes it panic, hang or use unbounded memory:
//! archives are checked entry by entry (count, declared and inflated size) before calamine sees
//! them, XML with a document type declaration is refused (no entity is ever expanded), and a
//! sheet's cell count and extent are bounded before any grid is allocated.
#![deny(missing_docs)]

mod biff;
pub mod grid;
mod ods;
mod zipcheck;

use calamine::{Data, DataRef, Reader as _};
use grid::{Cell, Sheet, Value};
use statement::{Args, Diagnostic, Hints, ReadError, Severity, Statement};
use std::io::Cursor;

/// The largest workbook file read (the whole file is held in memory).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The most non-empty cells read from all sheets of one workbook together.
pub const MAX_CELLS: usize = 4_000_000;
/// The most cells a sheet's bounding box may hold (calamine allocates that grid for XLS and ODS).
pub const MAX_GRID_CELLS: u64 = 4_000_000;

/// The spreadsheet formats this crate reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Legacy binary Excel workbook (`.xls`, BIFF8 in an OLE2 compound file).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
}

impl Kind {
    /// The lowercase name used in reports (`xlsx`, `xls`, `ods`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Xlsx => "xlsx",
            Kind::Xls => "xls",
            Kind::Ods => "ods",
        }
    }
}

/// Recognises a spreadsheet from its first bytes: a ZIP archive (XLSX or ODS, told apart by
/// its entries) or an OLE2 compound file (XLS). `None` for anything else.
pub fn detect(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(Kind::Xls);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        if contains(b"application/vnd.oasis.opendocument.spreadsheet") {
            return Some(Kind::Ods);
        }
        if contains(b"xl/") {
            return Some(Kind::Xlsx);
        }
    }
    None
}

/// A workbook's chosen sheet written as delimited text, ready for [`statement::read`].
#[derive(Clone, Debug, PartialEq)]
pub struct Converted {
    /// What the file was.
    pub kind: Kind,
    /// The name of the sheet that was converted.
    pub sheet: String,
    /// Comma-delimited text. Line N (1-based) is row N of the sheet.
    pub text: String,
    /// The 0-based sheet column of the text's first field (the sheet's first used column).
    pub first_col: u32,
    /// Decisions and problems of the conversion (other sheets not read, cells left out), to be
    /// put before the reader's own diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

impl Converted {
    /// The cell reference of the text's line `line` (1-based), at the table's first column:
    /// `Sheet1!A12`.
    pub fn cell(&self, line: u32) -> String {
        grid::cell_ref(&self.sheet, line, self.first_col)
    }
}

fn damaged(kind: Kind, detail: impl std::fmt::Display) -> ReadError {
    let kind = match kind {
        Kind::Xlsx => "file-xlsx",
        Kind::Xls => "file-xls",
        Kind::Ods => "file-ods",
    };
    ReadError::new(
        "damaged-spreadsheet",
        Args::new()
            .term("kind", kind)
            .text("detail", detail.to_string()),
    )
}

/// A workbook past one of the bounds: `code`'s help says to save it as CSV.
pub(crate) fn refused(code: &'static str, args: Args) -> ReadError {
    ReadError::new(code, args)
}

fn not_spreadsheet() -> ReadError {
    ReadError::new("not-a-spreadsheet", Args::new())
}

/// Opens a workbook and converts its transaction sheet to delimited text.
pub fn convert(bytes: &[u8]) -> Result<Converted, ReadError> {
    let kind = detect(bytes).ok_or_else(not_spreadsheet)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(refused(
            "spreadsheet-file-too-large",
            Args::new().count("megabytes", MAX_FILE_BYTES / (1024 * 1024)),
        ));
    }
    let sheets = match kind {
        Kind::Xlsx => read_xlsx(bytes)?,
        Kind::Ods => read_ods(bytes)?,
        Kind::Xls => read_xls(bytes)?,
    };
    choose(kind, sheets)
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    zipcheck::check(bytes, Kind::Xlsx)?;
    let mut workbook: calamine::Xlsx<_> =
        calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| damaged(Kind::Xlsx, e))?;
    let mut budget = MAX_CELLS;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let mut reader = match workbook.worksheet_cells_reader(&name) {
            Ok(reader) => reader,
            // A chart sheet or dialog sheet has no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
            Err(error) => return Err(damaged(Kind::Xlsx, error)),
        };
        let mut sheet = Sheet {
            name: name.clone(),
            cells: Vec::new(),
        };
        while let Some(cell) = reader.next_cell().map_err(|e| damaged(Kind::Xlsx, e))? {
            let (row, col) = cell.get_position();
            let Some(value) = value_of_ref(cell.get_value()) else {
                continue;
            };
            push_cell(&mut sheet, &mut budget, row, col, value)?;
        }
        sheets.push(sheet);
    }
    Ok(sheets)
}

fn read_ods(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    let content = zipcheck::check(bytes, Kind::Ods)?;
    ods::check_repeats(&content)?;
    let workbook: calamine::Ods<_> =
        calamine::Ods::new(Cursor::new(bytes)).map_err(|e| damaged(Kind::Ods, e))?;
    ranges(Kind::Ods, workbook)
}

fn read_xls(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    biff::check(bytes)?;
    let workbook: calamine::Xls<_> =
        calamine::Xls::new(Cursor::new(bytes)).map_err(|e| match e {
            calamine::XlsError::Password => encrypted(),
            e => damaged(Kind::Xls, e),
        })?;
    ranges(Kind::Xls, workbook)
}

pub(crate) fn encrypted() -> ReadError {
    ReadError::new("encrypted-spreadsheet", Args::new())
}

fn ranges<'a, R>(kind: Kind, mut workbook: R) -> Result<Vec<Sheet>, ReadError>
where
    R: calamine::Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut budget = MAX_CELLS;
    let mut sheets = Vec::new();
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == calamine::SheetType::WorkSheet)
        .map(|sheet| sheet.name.clone())
        .collect();
    for name in names {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| damaged(kind, e))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut sheet = Sheet {
            name,
            cells: Vec::new(),
        };
        for (row, col, data) in range.used_cells() {
            let Some(value) = value_of(data) else {
                continue;
            };
            let row = u32::try_from(row).unwrap_or(u32::MAX).saturating_add(row0);
            let col = u32::try_from(col).unwrap_or(u32::MAX).saturating_add(col0);
            push_cell(&mut sheet, &mut budget, row, col, value)?;
        }
        sheets.push(sheet);
    }
    Ok(sheets)
}

fn push_cell(
    sheet: &mut Sheet,
    budget: &mut usize,
    row: u32,
    col: u32,
    value: Value,
) -> Result<(), ReadError> {
    if row >= grid::MAX_ROWS || col >= 16_384 {
        // Past the limits of any spreadsheet program: a crafted position.
        return Ok(());
    }
    if *budget == 0 {
        return Err(refused(
            "too-many-cells",
            Args::new().count("limit", MAX_CELLS),
        ));
    }
    *budget -= 1;
    sheet.cells.push(Cell { row, col, value });
    Ok(())
}

fn date_value(datetime: &calamine::ExcelDateTime) -> Value {
    if datetime.is_duration() {
        return Value::Number(datetime.as_f64());
    }
    let (year, month, day, ..) = datetime.to_ymd_hms_milli();
    Value::Date {
        year: i32::from(year),
        month: u32::from(month),
        day: u32::from(day),
    }
}

fn iso_value(text: &str) -> Value {
    // ODS writes dates as `2024-03-05` or `2024-03-05T10:00:00`: the date part is enough.
    match text.get(..10) {
        Some(date) if statement::date::parse_iso(date).is_some() => Value::Text(date.to_owned()),
        _ => Value::Text(text.to_owned()),
    }
}

fn value_of_ref(data: &DataRef<'_>) -> Option<Value> {
    Some(match data {
        DataRef::Empty => return None,
        DataRef::Int(n) => Value::Number(*n as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::String(s) if s.trim().is_empty() => return None,
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) if s.trim().is_empty() => return None,
        DataRef::SharedString(s) => Value::Text((*s).to_owned()),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) => date_value(d),
        DataRef::DateTimeIso(s) => iso_value(s),
        DataRef::DurationIso(s) => Value::Text(s.clone()),
        DataRef::Error(e) => Value::Error(e.to_string()),
    })
}

fn value_of(data: &Data) -> Option<Value> {
    Some(match data {
        Data::Empty => return None,
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) if s.trim().is_empty() => return None,
        Data::String(s) => Value::Text(s.clone()),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => date_value(d),
        Data::DateTimeIso(s) => iso_value(s),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
    })
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Picks the sheet with the most rows that look like transactions (a date, then a number) and
/// converts it.
fn choose(kind: Kind, sheets: Vec<Sheet>) -> Result<Converted, ReadError> {
    let scores: Vec<usize> = sheets.iter().map(grid::transaction_rows).collect();
    let filled: Vec<usize> = (0..sheets.len())
        .filter(|&i| !sheets[i].cells.is_empty())
        .collect();
    let Some(&first_filled) = filled.first() else {
        return Err(ReadError::new("empty-workbook", Args::new()));
    };
    // The first sheet with the best score wins (max_by_key would take the last).
    let best = (0..sheets.len())
        .filter(|&i| scores[i] > 0)
        .fold(None, |best: Option<usize>, i| match best {
            Some(b) if scores[b] >= scores[i] => Some(b),
            _ => Some(i),
        })
        .unwrap_or(first_filled);
    let mut diagnostics = Vec::new();
    let others: Vec<&str> = filled
        .iter()
        .filter(|&&i| i != best)
        .map(|&i| sheets[i].name.as_str())
        .collect();
    if !others.is_empty() {
        let args = Args::new()
            .text("sheet", sheets[best].name.clone())
            .text("others", quoted_list(&others));
        diagnostics.push(if scores[best] > 0 {
            Diagnostic::new(
                Severity::Info,
                "other-sheets",
                args.count("rows", scores[best]),
            )
        } else {
            Diagnostic::new(Severity::Info, "other-sheets-first", args)
        });
    }
    let sheet = &sheets[best];
    let text = grid::to_text(sheet);
    if text.cut_count > 0 {
        let first: Vec<String> = text
            .cut
            .iter()
            .map(|&(row, col)| grid::cell_ref(&sheet.name, row, col))
            .collect();
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "cells-left-out",
            Args::new()
                .count("cells", text.cut_count)
                .count("limit", grid::MAX_COLUMNS)
                .text("first", first.join(", ")),
        ));
    }
    Ok(Converted {
        kind,
        sheet: sheet.name.clone(),
        text: text.text,
        first_col: text.first_col,
        diagnostics,
    })
}

/// Rewrites a statement read from [`Converted::text`] so that it speaks of the workbook:
/// every "line N" in a diagnostic becomes the cell reference of row N (`Sheet1!A12`), and the
/// conversion's own diagnostics come first. The dialect's version names the format and sheet.
pub fn relabel(statement: &mut Statement, converted: &Converted) {
    for diagnostic in &mut statement.diagnostics {
        diagnostic.message = relabel_message(&diagnostic.message, converted);
    }
    // A reason that names a line names a cell now: it keeps that English only (its code's
    // words would say "line").
    let dialect = &mut statement.dialect;
    for (reason, message) in [
        (
            &mut dialect.date_order_reason,
            &mut dialect.date_order_reason_message,
        ),
        (&mut dialect.sign_reason, &mut dialect.sign_reason_message),
    ] {
        if let Some(text) = reason.as_mut() {
            let relabeled = relabel_message(text, converted);
            if relabeled != *text {
                *text = relabeled;
                *message = None;
            }
        }
    }
    let mut diagnostics = converted.diagnostics.clone();
    diagnostics.append(&mut statement.diagnostics);
    statement.diagnostics = diagnostics;
    statement.dialect.version = Some(format!(
        "{} sheet \"{}\"",
        converted.kind.as_str().to_uppercase(),
        converted.sheet
    ));
}

/// `line 12` → `Sheet1!A12` and `lines` → `rows` wherever they appear in `message` (line N
/// of the converted text is row N of the sheet).
pub fn relabel_message(message: &str, converted: &Converted) -> String {
    let message = message.replace("lines ", "rows ");
    statement::replace_line_numbers(&message, |line| Some(converted.cell(line)))
}

/// Reads a workbook into a statement: [`convert`], [`statement::read`] with `hints`, [`relabel`].
pub fn read(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let converted = convert(bytes)?;
    let mut statement = statement::read(converted.text.as_bytes(), hints)?;
    relabel(&mut statement, &converted);
    Ok(statement)
}

/// Reads any statement file: [`statement::read`] first, and a workbook that it refuses as a
/// spreadsheet ([`statement::sniff::SPREADSHEET_CODE`]) through [`read`]. What the command line
/// does with every file.
pub fn read_any(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    match statement::read(bytes, hints) {
        Err(error) if error.code == statement::sniff::SPREADSHEET_CODE => read(bytes, hints),
        other => other,
    }
}
