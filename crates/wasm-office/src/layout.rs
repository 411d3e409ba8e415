//! Statements rebuilt from positioned text (`statement-layout`): text PDFs here, through
//! `statement-pdf`. The office module converts; the worker pushes `text` into the main
//! module's `Workspace` with `hints` (the canonical table's columns and conventions) and then
//! rewrites the report so it names pages and lines of the document (`origins`).

use crate::{diagnostic_object, error_object, set};
use statement::Hints;
use statement_layout::Table;
use wasm_bindgen::prelude::*;

/// The hints object the main module's `begin(name, hints)` reads (`crates/wasm/src/args.rs`).
fn hints_object(hints: &Hints) -> JsValue {
    let object = js_sys::Object::new();
    if let Some(order) = hints.date_order {
        set(&object, "date_order", &order.as_str().into());
    }
    if let Some(mark) = hints.decimal_mark {
        set(&object, "decimal_mark", &mark.to_string().into());
    }
    if let Some(sign) = hints.sign_convention {
        set(&object, "sign_convention", &sign.as_str().into());
    }
    if hints.flip_sign {
        set(&object, "flip_sign", &true.into());
    }
    if let Some(encoding) = &hints.encoding {
        set(&object, "encoding", &encoding.as_str().into());
    }
    let columns: js_sys::Array = hints
        .columns
        .iter()
        .map(|(index, role)| {
            let pair = js_sys::Array::new();
            pair.push(&(*index).into());
            pair.push(&role.as_str().into());
            JsValue::from(pair)
        })
        .collect();
    set(&object, "columns", &columns.into());
    object.into()
}

/// `{ ok: true, kind, text: Uint8Array, hints, origins: Uint32Array, pages, diagnostics,
/// decisions }` for a rebuilt table: `origins[2n]`, `origins[2n + 1]` are the page and line of
/// line `n + 1` of `text`.
pub fn table_object(table: &Table, hints: &Hints) -> JsValue {
    let result = js_sys::Object::new();
    set(&result, "ok", &true.into());
    set(&result, "kind", &table.kind.as_str().into());
    set(
        &result,
        "text",
        &js_sys::Uint8Array::from(table.text.as_bytes()).into(),
    );
    set(
        &result,
        "hints",
        &hints_object(&statement_layout::table_hints(hints)),
    );
    let origins: Vec<u32> = table
        .origins
        .iter()
        .flat_map(|origin| [origin.page, origin.line])
        .collect();
    set(
        &result,
        "origins",
        &js_sys::Uint32Array::from(origins.as_slice()).into(),
    );
    let decisions = &table.decisions;
    set(&result, "pages", &decisions.pages.into());
    let diagnostics: js_sys::Array = table.diagnostics.iter().map(diagnostic_object).collect();
    set(&result, "diagnostics", &diagnostics.into());
    let dialect = js_sys::Object::new();
    set(
        &dialect,
        "version",
        &format!(
            "{} text, {} page(s)",
            match table.kind {
                statement_layout::Kind::Pdf => "PDF",
                statement_layout::Kind::Text => "plain",
            },
            decisions.pages
        )
        .into(),
    );
    if let Some(order) = decisions.date_order {
        set(&dialect, "date_order", &order.as_str().into());
    }
    if let Some(reason) = &decisions.date_order_reason {
        set(&dialect, "date_order_reason", &reason.as_str().into());
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
        &decisions.sign_reason.as_str().into(),
    );
    set(&result, "dialect", &dialect.into());
    result.into()
}

fn failure(error: &statement::ReadError) -> JsValue {
    let result = js_sys::Object::new();
    set(&result, "ok", &false.into());
    set(&result, "error", &error_object(error));
    result.into()
}

/// Converts a text PDF (the whole file's bytes): the shape of [`table_object`], or `{ ok:
/// false, error: { code, message, help } }` (a scan: code `pdf-scan`; encrypted:
/// `pdf-encrypted`). `flip_sign` is the person's correction, passed on in `hints`.
#[wasm_bindgen]
pub fn convert_pdf(bytes: &[u8], flip_sign: bool) -> JsValue {
    let hints = Hints {
        flip_sign,
        ..Hints::default()
    };
    match statement_pdf::convert(bytes, &hints) {
        Ok(table) => table_object(&table, &hints),
        Err(error) => failure(&error),
    }
}

/// The table the worker describes with `origins` and `pages`, enough for
/// `statement_layout`'s place names (text and diagnostics are not needed).
fn table_of(origins: &[u32], pages: u32) -> Table {
    Table {
        kind: statement_layout::Kind::Pdf,
        text: String::new(),
        origins: origins
            .chunks_exact(2)
            .map(|pair| statement_layout::Origin {
                page: pair[0],
                line: pair[1],
            })
            .collect(),
        diagnostics: Vec::new(),
        decisions: statement_layout::Decisions {
            date_order: None,
            date_order_reason: None,
            decimal_mark: None,
            sign_convention: statement::SignConvention::OutflowNegative,
            sign_reason: String::new(),
            currency: None,
            pages,
        },
    }
}

/// Where line `line` of a converted table came from: `page 2, line 14` (`line 14` for a
/// one-page document), or `line N` unchanged when it is not a table line.
#[wasm_bindgen]
pub fn place(line: u32, origins: &[u32], pages: u32) -> String {
    let table = table_of(origins, pages);
    match table.origin(line) {
        Some(origin) => table.place(origin),
        None => format!("line {line}"),
    }
}

/// Rewrites `line N` in a reader message about a converted table as the document's place.
#[wasm_bindgen]
pub fn relabel_lines(message: &str, origins: &[u32], pages: u32) -> String {
    statement_layout::relabel_message(message, &table_of(origins, pages))
}
