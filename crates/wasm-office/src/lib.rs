//! The office module: a second wasm module that the page's worker loads only when the main
//! module's sniffer refuses a file as a spreadsheet (`code: "spreadsheet"`). It converts the
//! workbook's transaction sheet into delimited text, which the worker pushes into the main
//! module's `Workspace` like any CSV, and rewrites the reader's "line N" as cell references.
//! Plain-text statements (`text-statement`) take the same way: `convert_text` rebuilds the
//! transaction table and writes it as canonical CSV with the page and line of every row.
//! Text PDFs (`pdf`) too: `convert_pdf` reads the positioned text of the pages
//! (`statement-pdf`) and rebuilds their table the same way.
//! It never sees the rest of the page and keeps no state between calls.

use statement::{Arg, Args, Diagnostic, Message, ReadError};
use statement_office::{Converted, Kind};
use wasm_bindgen::prelude::*;

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// The message arguments as the main module's serde output has them: `{ name: { kind: value } }`
/// (absent when there are none).
fn set_args(object: &js_sys::Object, args: &Args) {
    if args.is_empty() {
        return;
    }
    let all = js_sys::Object::new();
    for (name, arg) in args.iter() {
        let value: JsValue = match arg {
            Arg::Date(date) => date.to_string().into(),
            Arg::Money(money) => {
                let inner = js_sys::Object::new();
                set(&inner, "minor", &(money.minor as f64).into());
                set(&inner, "scale", &money.scale.into());
                let currency = match &money.currency {
                    Some(currency) => JsValue::from(currency.as_str()),
                    None => JsValue::NULL,
                };
                set(&inner, "currency", &currency);
                inner.into()
            }
            Arg::Count(count) => (*count as f64).into(),
            Arg::Line(line) => (*line).into(),
            Arg::Text(text) => text.as_str().into(),
            Arg::Term(term) => term.as_ref().into(),
            Arg::Message(message) => message_object(message),
        };
        let one = js_sys::Object::new();
        set(&one, arg.kind(), &value);
        set(&all, name, &one.into());
    }
    set(object, "args", &all.into());
}

/// A message as the main module's serde output has it: `{ code, args? }`.
fn message_object(message: &Message) -> JsValue {
    let object = js_sys::Object::new();
    set(&object, "code", &message.code.as_ref().into());
    set_args(&object, &message.args);
    object.into()
}

fn error_object(error: &ReadError) -> JsValue {
    let object = js_sys::Object::new();
    set(&object, "code", &error.code.as_str().into());
    set(&object, "message", &error.message.as_str().into());
    set(&object, "help", &error.help.as_str().into());
    set_args(&object, &error.args);
    object.into()
}

fn diagnostic_object(diagnostic: &Diagnostic) -> JsValue {
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
    set_args(&object, &diagnostic.args);
    object.into()
}

/// Converts a workbook (the whole file's bytes). Returns `{ ok: true, kind, sheet, first_col,
/// text: Uint8Array, diagnostics }` — `text` is UTF-8 CSV in which line N is row N of `sheet` —
/// or `{ ok: false, error: { code, message, help, args? } }`; diagnostics and errors carry the
/// message `args` as the main module's report does.
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

fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    if object.is_undefined() || object.is_null() {
        return None;
    }
    js_sys::Reflect::get(object, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The hints that concern a text statement's own text, read by hand from the page's hints
/// object (`date_order`, `decimal_mark`, `sign_convention`, `encoding`, `flip_sign`); names
/// that are not known are ignored, as the main module reports them.
fn text_hints(hints: &JsValue) -> statement::Hints {
    let text = |key| get(hints, key).and_then(|v| v.as_string());
    statement::Hints {
        date_order: text("date_order").and_then(|n| statement::DateOrder::from_name(&n)),
        decimal_mark: text("decimal_mark").and_then(|m| m.chars().next()),
        sign_convention: text("sign_convention")
            .and_then(|n| statement::SignConvention::from_name(&n)),
        flip_sign: get(hints, "flip_sign")
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        encoding: text("encoding"),
        columns: Vec::new(),
        rows_are_transactions: false,
    }
}

/// Converts positioned pages' table (a plain-text statement, or a PDF's pages) into the result
/// object the worker reads: `{ ok: true, kind, pages, text: Uint8Array, origins: Uint32Array,
/// diagnostics, dialect }`. `origins` holds two numbers per line of `text` (page, line on the
/// page), line 1 (the header) first; `dialect` holds what was decided from the document.
pub fn table_object(table: &statement_layout::Table, encoding: Option<&str>) -> JsValue {
    let result = js_sys::Object::new();
    set(&result, "ok", &true.into());
    set(&result, "kind", &table.kind.as_str().into());
    set(&result, "pages", &table.decisions.pages.into());
    let text = js_sys::Uint8Array::from(table.text.as_bytes());
    set(&result, "text", &text.into());
    let pairs: Vec<u32> = table
        .origins
        .iter()
        .flat_map(|o| [o.page, o.line])
        .collect();
    set(
        &result,
        "origins",
        &js_sys::Uint32Array::from(pairs.as_slice()).into(),
    );
    let diagnostics: js_sys::Array = table.diagnostics.iter().map(diagnostic_object).collect();
    set(&result, "diagnostics", &diagnostics.into());
    let dialect = js_sys::Object::new();
    let decisions = &table.decisions;
    if let Some(order) = decisions.date_order {
        set(&dialect, "date_order", &order.as_str().into());
    }
    if let Some(reason) = &decisions.date_order_reason {
        set(&dialect, "date_order_reason", &reason.english().into());
        set(
            &dialect,
            "date_order_reason_message",
            &message_object(reason),
        );
    }
    if let Some(mark) = decisions.decimal_mark {
        set(&dialect, "decimal_mark", &mark.to_string().into());
    }
    set(
        &dialect,
        "sign_convention",
        &decisions.sign_convention.as_str().into(),
    );
    set(
        &dialect,
        "sign_reason",
        &decisions.sign_reason.english().into(),
    );
    set(
        &dialect,
        "sign_reason_message",
        &message_object(&decisions.sign_reason),
    );
    if let Some(currency) = &decisions.currency {
        set(&dialect, "currency", &currency.as_str().into());
    }
    if let Some(encoding) = encoding {
        set(&dialect, "encoding", &encoding.into());
    }
    set(&result, "dialect", &dialect.into());
    result.into()
}

/// Converts a plain-text statement (the whole file's bytes) with the page's hints. Returns the
/// object of [`table_object`], or `{ ok: false, error: { code, message, help } }`.
#[wasm_bindgen]
pub fn convert_text(bytes: &[u8], hints: JsValue) -> JsValue {
    match statement_layout::convert_text(bytes, &text_hints(&hints)) {
        Ok((table, encoding)) => table_object(&table, Some(&encoding)),
        Err(error) => {
            let result = js_sys::Object::new();
            set(&result, "ok", &false.into());
            set(&result, "error", &error_object(&error));
            result.into()
        }
    }
}

/// Converts a text PDF (the whole file's bytes) with the page's hints. Returns the object of
/// [`table_object`], or `{ ok: false, error: { code, message, help } }` (a scan: `pdf-scan`;
/// one that needs a password: `pdf-encrypted`).
#[wasm_bindgen]
pub fn convert_pdf(bytes: &[u8], hints: JsValue) -> JsValue {
    match statement_pdf::convert(bytes, &text_hints(&hints)) {
        Ok(table) => table_object(&table, None),
        Err(error) => {
            let result = js_sys::Object::new();
            set(&result, "ok", &false.into());
            set(&result, "error", &error_object(&error));
            result.into()
        }
    }
}
