//! The office module: a second wasm module that the page's worker loads only when the main
//! module's sniffer refuses a file as a spreadsheet (`code: "spreadsheet"`). It converts the
//! workbook's transaction sheet into delimited text, which the worker pushes into the main
//! module's `Workspace` like any CSV, and rewrites the reader's "line N" as cell references.
//! Text PDFs (refused by the sniffer with `code: "pdf"`) are converted the same way into the
//! canonical table of `statement-layout` (`convert_pdf`, in `layout.rs`), with the hints to
//! read it and each line's page and line in the document.
//! It never sees the rest of the page and keeps no state between calls.

use statement::{Diagnostic, ReadError};
use statement_office::{Converted, Kind};
use wasm_bindgen::prelude::*;

mod layout;
pub use layout::{convert_pdf, place, relabel_lines};

pub(crate) fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

pub(crate) fn error_object(error: &ReadError) -> JsValue {
    let object = js_sys::Object::new();
    set(&object, "code", &error.code.as_str().into());
    set(&object, "message", &error.message.as_str().into());
    set(&object, "help", &error.help.as_str().into());
    object.into()
}

pub(crate) fn diagnostic_object(diagnostic: &Diagnostic) -> JsValue {
    let object = js_sys::Object::new();
    let severity = match diagnostic.severity {
        statement::Severity::Info => "info",
        statement::Severity::Warning => "warning",
        statement::Severity::Error => "error",
    };
    set(&object, "severity", &severity.into());
    set(&object, "code", &diagnostic.code.as_str().into());
    set(&object, "message", &diagnostic.message.as_str().into());
    if let Some(line) = diagnostic.line {
        set(&object, "line", &line.into());
    }
    if let Some(help) = &diagnostic.help {
        set(&object, "help", &help.as_str().into());
    }
    object.into()
}

/// Converts a workbook (the whole file's bytes). Returns `{ ok: true, kind, sheet, first_col,
/// text: Uint8Array, diagnostics }` — `text` is UTF-8 CSV in which line N is row N of `sheet` —
/// or `{ ok: false, error: { code, message, help } }`.
#[wasm_bindgen]
pub fn convert(bytes: &[u8]) -> JsValue {
    let result = js_sys::Object::new();
    match statement_office::convert(bytes) {
        Ok(converted) => {
            set(&result, "ok", &true.into());
            set(&result, "kind", &converted.kind.as_str().into());
            set(&result, "sheet", &converted.sheet.as_str().into());
            set(&result, "first_col", &converted.first_col.into());
            let text = js_sys::Uint8Array::from(converted.text.as_bytes());
            set(&result, "text", &text.into());
            let diagnostics: js_sys::Array = converted
                .diagnostics
                .iter()
                .map(diagnostic_object)
                .collect();
            set(&result, "diagnostics", &diagnostics.into());
        }
        Err(error) => {
            set(&result, "ok", &false.into());
            set(&result, "error", &error_object(&error));
        }
    }
    result.into()
}

/// Rewrites a reader message about the converted text so it names cells of the sheet: `line
/// 12` → `Sheet1!A12` (`first_col` is the sheet column of the text's first field).
#[wasm_bindgen]
pub fn relabel(message: &str, sheet: &str, first_col: u32) -> String {
    let converted = Converted {
        kind: Kind::Xlsx,
        sheet: sheet.to_owned(),
        text: String::new(),
        first_col,
        diagnostics: Vec::new(),
    };
    statement_office::relabel_message(message, &converted)
}

/// The cell reference of row `line` (1-based) at column `first_col` of `sheet`: `Sheet1!A12`.
#[wasm_bindgen]
pub fn cell_ref(sheet: &str, line: u32, first_col: u32) -> String {
    statement_office::grid::cell_ref(sheet, line, first_col)
}
