//! The wasm API used by the page's Web Worker. A thin skin: bytes in, serde objects out.
//! Misuse (bad arguments) throws a JS `Error` with a stable `code` property; problems in a
//! statement come back as data.

use chrono::NaiveDate;
mod args;

use engine::NamedStatement;
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
    statement::date::parse_iso(today).ok_or_else(|| {
        js_error(
            "bad-date",
            &format!("today must be YYYY-MM-DD, got {today:?}"),
        )
    })
}

fn parse_hints(hints: &JsValue) -> Result<Hints, JsValue> {
    args::hints(hints).map_err(|args::ArgError(message)| js_error("bad-hints", &message))
}

/// The file being read, and where its statement goes when it ends.
struct OpenFile {
    name: String,
    reader: Reader,
    /// `Some(index)` when the file re-reads (with new hints) the statement held at `index`.
    replaces: Option<usize>,
}

/// The statements a person has dropped, kept in wasm memory only, and the file being read.
#[wasm_bindgen]
pub struct Workspace {
    statements: Vec<NamedStatement>,
    open: Option<OpenFile>,
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
        self.open = Some(OpenFile {
            name,
            reader: Reader::new(parse_hints(&hints)?),
            replaces: None,
        });
        Ok(())
    }

    /// Starts reading a file again, with new `hints`, to replace the statement held at `index`
    /// (the page's "flip the sign" / "swap the date order" / "choose columns" controls). The
    /// caller streams the bytes with `push` as for `begin`; `end` then puts the new statement
    /// in the old one's place, or keeps the old one when the file cannot be read with these
    /// hints.
    pub fn begin_reread(
        &mut self,
        index: usize,
        name: String,
        hints: JsValue,
    ) -> Result<(), JsValue> {
        if self.open.is_some() {
            return Err(js_error(
                "file-open",
                "a file is already being read; call end() first",
            ));
        }
        if index >= self.statements.len() {
            return Err(js_error(
                "bad-index",
                &format!("no statement at index {index}"),
            ));
        }
        self.open = Some(OpenFile {
            name,
            reader: Reader::new(parse_hints(&hints)?),
            replaces: Some(index),
        });
        Ok(())
    }

    /// Tells the reader the open file's size in bytes (`File.size`), so it sizes its
    /// transaction list once instead of growing it; wasm memory never shrinks, so growth would
    /// otherwise set the peak. A hint only: a wrong size still reads correctly.
    pub fn expect_bytes(&mut self, total: f64) -> Result<(), JsValue> {
        let open = self
            .open
            .as_mut()
            .ok_or_else(|| js_error("no-file-open", "expect_bytes() before begin()"))?;
        if total.is_finite() && total > 0.0 {
            // A float from JS: the cast saturates, and the value is only a size hint.
            open.reader.expect_bytes(total as u64);
        }
        Ok(())
    }

    /// Feeds the next chunk of the open file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        let open = self
            .open
            .as_mut()
            .ok_or_else(|| js_error("no-file-open", "push() before begin()"))?;
        open.reader.push(chunk);
        Ok(())
    }

    /// Ends the open file. Returns `{ ok: true, index, summary }` or `{ ok: false, error: {
    /// code, message, help } }` when the file is not a statement.
    pub fn end(&mut self) -> Result<JsValue, JsValue> {
        let open = self
            .open
            .take()
            .ok_or_else(|| js_error("no-file-open", "end() before begin()"))?;
        #[derive(Serialize)]
        struct Ended<'a> {
            ok: bool,
            index: Option<usize>,
            error: Option<&'a statement::ReadError>,
        }
        match open.reader.finish() {
            Ok(statement) => {
                let named = NamedStatement {
                    file: open.name,
                    statement,
                };
                // `begin_reread` checked the index; a `remove` in between may have moved it.
                let index = match open.replaces {
                    Some(index) if index < self.statements.len() => {
                        self.statements[index] = named;
                        index
                    }
                    _ => {
                        self.statements.push(named);
                        self.statements.len() - 1
                    }
                };
                to_js(&Ended {
                    ok: true,
                    index: Some(index),
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

    /// Drops the file being read, if any (the browser could not read it to the end).
    pub fn abort(&mut self) {
        self.open = None;
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
        let cancellations = args::cancellations(&cancellations)
            .map_err(|args::ArgError(message)| js_error("bad-cancellations", &message))?;
        let report = engine::analyse(&self.statements, &cancellations, parse_today(today)?);
        to_js(&report)
    }
}

/// Every guide's head, sorted by id. The wasm is built without the guides' bodies (the
/// `guides` crate's `bodies` feature): names, descriptors, step titles and gotcha heads only;
/// the page imports a whole guide from `pkg/guides/<id>.js`.
#[wasm_bindgen]
pub fn guides() -> Result<JsValue, JsValue> {
    to_js(guides::all())
}

/// One guide's head by id (as `guides`), or `null`.
#[wasm_bindgen]
pub fn guide(id: &str) -> Result<JsValue, JsValue> {
    to_js(&guides::get(id))
}

/// What the guide index and the vendor autocomplete need of every guide, sorted by id:
/// `{ id, name, aliases, category, summary }` (a fraction of the full model's size).
#[wasm_bindgen]
pub fn guide_index() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Entry {
        id: &'static str,
        name: &'static str,
        aliases: &'static [&'static str],
        category: guides::Category,
        summary: &'static str,
    }
    let entries: Vec<Entry> = guides::all()
        .iter()
        .map(|guide| Entry {
            id: guide.id,
            name: guide.name,
            aliases: guide.aliases,
            category: guide.category,
            summary: guide.summary,
        })
        .collect();
    to_js(&entries)
}

/// The guide categories in display order: `[{ id, label }]`.
#[wasm_bindgen]
pub fn guide_categories() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Entry {
        id: &'static str,
        label: &'static str,
    }
    let entries: Vec<Entry> = guides::Category::ALL
        .iter()
        .map(|category| Entry {
            id: category.as_str(),
            label: category.label(),
        })
        .collect();
    to_js(&entries)
}

/// The ids of the guides matching `query` by name or alias (prefix and fuzzy), best first.
#[wasm_bindgen]
pub fn search_guides(query: &str) -> Result<JsValue, JsValue> {
    let ids: Vec<&'static str> = guides::search(query).iter().map(|guide| guide.id).collect();
    to_js(&ids)
}
