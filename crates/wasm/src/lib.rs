//! The wasm API used by the page's Web Worker. A thin skin: bytes in, serde objects out.
//! Misuse (bad arguments) throws a JS `Error` with a stable `code` property; problems in a
//! statement come back as data.

use chrono::NaiveDate;
use engine::{Cancellation, NamedStatement};
use serde::Serialize;
use statement::{Hints, Reader};
use wasm_bindgen::prelude::*;

fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| js_error("serialize-failed", &error.to_string()))
}

fn parse_today(today: &str) -> Result<NaiveDate, JsValue> {
    NaiveDate::parse_from_str(today, "%Y-%m-%d").map_err(|_| {
        js_error(
            "bad-date",
            &format!("today must be YYYY-MM-DD, got {today:?}"),
        )
    })
}

/// The statements a person has dropped, kept in wasm memory only, and the file being read.
#[wasm_bindgen]
pub struct Workspace {
    statements: Vec<NamedStatement>,
    open: Option<(String, Reader)>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl Workspace {
    /// An empty workspace.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Workspace {
        Workspace {
            statements: Vec::new(),
            open: None,
        }
    }

    /// Starts reading a file. `hints` is `undefined` or an object like `{ date_order: "dmy",
    /// flip_sign: true }` (see `statement::Hints`).
    pub fn begin(&mut self, name: String, hints: JsValue) -> Result<(), JsValue> {
        if self.open.is_some() {
            return Err(js_error(
                "file-open",
                "a file is already being read; call end() first",
            ));
        }
        let hints: Hints = if hints.is_undefined() || hints.is_null() {
            Hints::default()
        } else {
            serde_wasm_bindgen::from_value(hints)
                .map_err(|error| js_error("bad-hints", &error.to_string()))?
        };
        self.open = Some((name, Reader::new(hints)));
        Ok(())
    }

    /// Feeds the next chunk of the open file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        let (_, reader) = self
            .open
            .as_mut()
            .ok_or_else(|| js_error("no-file-open", "push() before begin()"))?;
        reader.push(chunk);
        Ok(())
    }

    /// Ends the open file. Returns `{ ok: true, index, summary }` or `{ ok: false, error: {
    /// code, message, help } }` when the file is not a statement.
    pub fn end(&mut self) -> Result<JsValue, JsValue> {
        let (file, reader) = self
            .open
            .take()
            .ok_or_else(|| js_error("no-file-open", "end() before begin()"))?;
        #[derive(Serialize)]
        struct Ended<'a> {
            ok: bool,
            index: Option<usize>,
            error: Option<&'a statement::ReadError>,
        }
        match reader.finish() {
            Ok(statement) => {
                self.statements.push(NamedStatement { file, statement });
                to_js(&Ended {
                    ok: true,
                    index: Some(self.statements.len() - 1),
                    error: None,
                })
            }
            Err(error) => to_js(&Ended {
                ok: false,
                index: None,
                error: Some(&error),
            }),
        }
    }

    /// How many statements are held.
    pub fn len(&self) -> usize {
        self.statements.len()
    }

    /// True when no statement is held.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// Forgets one statement.
    pub fn remove(&mut self, index: usize) -> Result<(), JsValue> {
        if index >= self.statements.len() {
            return Err(js_error(
                "bad-index",
                &format!("no statement at index {index}"),
            ));
        }
        self.statements.remove(index);
        Ok(())
    }

    /// Forgets every statement and any file being read.
    pub fn clear(&mut self) {
        self.statements = Vec::new();
        self.open = None;
    }

    /// Analyses the held statements. `cancellations` is an array of `{ vendor, cancelled_on }`;
    /// `today` is `YYYY-MM-DD`.
    pub fn analyse(&self, cancellations: JsValue, today: &str) -> Result<JsValue, JsValue> {
        let cancellations: Vec<Cancellation> =
            if cancellations.is_undefined() || cancellations.is_null() {
                Vec::new()
            } else {
                serde_wasm_bindgen::from_value(cancellations)
                    .map_err(|error| js_error("bad-cancellations", &error.to_string()))?
            };
        let report = engine::analyse(&self.statements, &cancellations, parse_today(today)?);
        to_js(&report)
    }
}

/// Every guide (the full model), sorted by id.
#[wasm_bindgen]
pub fn guides() -> Result<JsValue, JsValue> {
    to_js(guides::all())
}

/// One guide by id, or `null`.
#[wasm_bindgen]
pub fn guide(id: &str) -> Result<JsValue, JsValue> {
    to_js(&guides::get(id))
}
