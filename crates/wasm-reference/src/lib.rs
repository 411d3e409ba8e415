//! The reference module of the page (`web/reference.js` loads it on demand, never at first
//! load). Every function returns JSON text: `{"ok": …}` or `{"error": {"code": …, "message":
//! …}}`, which `web/reference.js` turns into a value or a thrown `Error` with that `code`.
//! Records and rows come in as flat string arrays (layout in `fields.rs`), read by hand: serde's
//! deserializing side would more than double the module. No logic lives here: it is all in
//! `crates/reference`.

mod fields;

use reference::Reference;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

fn ok<T: Serialize + ?Sized>(value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(json) => format!("{{\"ok\":{json}}}"),
        Err(e) => error("internal", e),
    }
}

fn error(code: &str, message: impl std::fmt::Display) -> String {
    let message = serde_json::to_string(&message.to_string()).unwrap_or_else(|_| "\"\"".into());
    format!("{{\"error\":{{\"code\":\"{code}\",\"message\":{message}}}}}")
}

/// A decoding error with the values its sentence names (`args`, for the page's languages).
fn decode_error(e: &reference::DecodeError) -> String {
    let args: serde_json::Map<String, serde_json::Value> = e
        .args()
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.into()))
        .collect();
    let message = serde_json::to_string(&e.to_string()).unwrap_or_else(|_| "\"\"".into());
    let args = serde_json::to_string(&args).unwrap_or_else(|_| "{}".into());
    format!(
        "{{\"error\":{{\"code\":\"{}\",\"message\":{message},\"args\":{args}}}}}",
        e.code()
    )
}

fn decoded(link: &str) -> Result<Reference, String> {
    reference::decode(link).map_err(|e| decode_error(&e))
}

#[derive(Serialize)]
struct Encoded<'a> {
    text: &'a str,
    code: &'a str,
}

/// A record (flat strings, see `fields::record`) made into `{ text: "v1.…", code: "SPR-…" }`.
#[wasm_bindgen]
pub fn encode(fields: Vec<String>) -> String {
    let record = match fields::record(&fields) {
        Ok(record) => record,
        Err(e) => return error("invalid_record", e),
    };
    match reference::encode(&record) {
        Ok(encoded) => ok(&Encoded {
            text: &encoded.text,
            code: &encoded.code,
        }),
        Err(e) => error("invalid_record", e),
    }
}

/// A link (whole URL or fragment) read into the reference: `{ version, code, vendor, … }`.
#[wasm_bindgen]
pub fn decode(link: &str) -> String {
    match decoded(link) {
        Ok(reference) => ok(&reference),
        Err(e) => e,
    }
}

#[derive(Serialize)]
struct Exports {
    record_csv: String,
    vendor_message: String,
    issuer_message: String,
    ics: Option<String>,
}

/// Everything made from a link: `{ record_csv, vendor_message, issuer_message, ics }` (`ics`
/// is null without a look-again date). `url` is the full link written into the texts;
/// `stamp` the time now, whole seconds since 1970 (UTC), for the calendar file's DTSTAMP;
/// `wording` the messages' and the reminder's words as JSON (`reference::Wording`, the page's
/// language), or empty for English.
#[wasm_bindgen]
pub fn exports(url: &str, stamp: f64, wording: &str) -> String {
    let reference = match decoded(url) {
        Ok(reference) => reference,
        Err(e) => return e,
    };
    let words = if wording.is_empty() {
        reference::Wording::english()
    } else {
        match serde_json::from_str::<reference::Wording>(wording) {
            Ok(words) if words.months.len() == 12 => words,
            Ok(_) => return error("invalid_wording", "the wording needs twelve month names"),
            Err(e) => return error("invalid_wording", e),
        }
    };
    ok(&Exports {
        record_csv: reference::record_csv(&reference),
        vendor_message: reference::vendor_message_in(&reference, url, &words),
        issuer_message: reference::issuer_message_in(&reference, url, &words),
        // `as` saturates; a time stamp out of range gives no calendar file rather than a wrong one.
        ics: reference::ics_in(&reference, url, stamp as i64, &words),
    })
}

/// The analysed transactions (flat strings, seven a row: date, description, amount, currency,
/// file, line, kind) as spreadsheet-safe CSV.
#[wasm_bindgen]
pub fn transactions_csv(fields: Vec<String>) -> String {
    match fields::rows(&fields) {
        Ok(rows) => ok(&reference::transactions_csv(&rows)),
        Err(e) => error("invalid_rows", e),
    }
}
