//! Reads text PDF statements: the text of every page with its position, rebuilt into lines
//! and spans ([`statement_layout::Page`]), and from there — through `statement-layout`'s table
//! reconstruction and the CSV reader — into the same [`Statement`] as a CSV export.
//!
//! The PDF reader is this crate's own, small and bounded: cross-reference tables and streams,
//! object streams, `FlateDecode` (with PNG predictors), ASCIIHex/ASCII85; page trees; content
//! streams with the text operators; simple fonts (WinAnsi, MacRoman, Standard, `/Differences`)
//! and composite fonts (Identity-H) with ToUnicode CMaps, which is what Chromium's
//! print-to-PDF, Word, LibreOffice and banks' report engines write.
//!
//! A PDF encrypted only against editing or copying (the empty user password opens it: RC4
//! 40–128 bit, AES-128, AES-256) is decrypted; one that needs a password is refused, and so is
//! a scanned PDF (images, no text), each with its own message.
//!
//! **Invariant:** no I/O, no clock, and no input makes it panic, hang or use unbounded memory:
//! nesting, reference chains, xref chains, page trees, form XObjects, inflated bytes (per
//! stream and per document), operators and glyphs are all bounded (the `MAX_*` constants).
#![deny(missing_docs)]

pub mod content;
pub mod crypt;
pub mod doc;
pub mod font;
pub mod lines;
pub mod object;

use statement::{Args, Hints, ReadError, Statement};
use statement_layout::{Kind, Page, Table};

/// The largest PDF file read (the whole file is held in memory).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The most glyphs read from one document.
pub const MAX_DOCUMENT_GLYPHS: usize = 3_000_000;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The file structure is broken (what and where).
    Damaged(String),
    /// A bound was reached.
    TooLarge(String),
    /// A feature this reader does not implement.
    Unsupported(String),
}

impl Error {
    /// A damaged-file error.
    pub fn damaged(message: impl Into<String>) -> Error {
        Error::Damaged(message.into())
    }
}

/// The stable error code of a PDF that is a scan (images only).
pub const SCAN_CODE: &str = "pdf-scan";

fn read_error(error: Error) -> ReadError {
    match error {
        Error::Damaged(m) => ReadError::new("pdf-damaged", Args::new().text("detail", m)),
        Error::TooLarge(m) => ReadError::new("too-large-pdf", Args::new().text("detail", m)),
        Error::Unsupported(m) => ReadError::new("pdf-unsupported", Args::new().text("detail", m)),
    }
}

/// Recognises a PDF from its first bytes (`%PDF-` within the first 1024 bytes, as readers
/// accept it).
pub fn detect(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// The text of every page as positioned lines. Refuses encrypted and scanned PDFs.
pub fn pages(bytes: &[u8]) -> Result<Vec<Page>, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::new(
            "too-large-pdf-file",
            Args::new()
                .count("megabytes", bytes.len() / (1024 * 1024))
                .count("limit", MAX_FILE_BYTES / (1024 * 1024)),
        ));
    }
    let mut doc = doc::Document::open(bytes).map_err(read_error)?;
    if doc.is_encrypted() {
        // A PDF locked only against editing or copying opens with the empty password.
        if let Err(error) = doc.unlock() {
            return Err(match error {
                crypt::CryptError::NeedsPassword => ReadError::new("pdf-encrypted", Args::new()),
                crypt::CryptError::Unsupported(why) => {
                    ReadError::new("pdf-encrypted-unsupported", Args::new().text("detail", why))
                }
            });
        }
    }
    let refs = doc.pages().map_err(read_error)?;
    let mut pages = Vec::with_capacity(refs.len());
    let mut images = 0usize;
    let mut glyphs_total = 0usize;
    let mut text_glyphs = 0usize;
    let mut unmapped = 0usize;
    for (index, page) in refs.iter().enumerate() {
        let content = page_content(&doc, &page.dict).map_err(read_error)?;
        let resources = page.resources.as_ref().and_then(|r| r.dict());
        let result = content::Interpreter::new(&doc)
            .run_page(&content, resources)
            .map_err(read_error)?;
        images += result.images;
        glyphs_total += result.glyphs.len();
        if glyphs_total > MAX_DOCUMENT_GLYPHS {
            return Err(read_error(Error::TooLarge(format!(
                "more than {MAX_DOCUMENT_GLYPHS} characters of text"
            ))));
        }
        for g in &result.glyphs {
            if !g.text.trim().is_empty() {
                text_glyphs += 1;
                if g.text.contains('\u{FFFD}') {
                    unmapped += 1;
                }
            }
        }
        let media = page
            .media_box
            .as_ref()
            .and_then(|m| {
                m.array()
                    .map(|a| a.iter().filter_map(|o| o.num()).collect::<Vec<_>>())
            })
            .filter(|v| v.len() == 4)
            .unwrap_or_else(|| vec![0.0, 0.0, 612.0, 792.0]);
        let (left, top, width) = (
            media[0].min(media[2]) as f32,
            media[1].max(media[3]) as f32,
            (media[2] - media[0]).abs() as f32,
        );
        pages.push(lines::build_page(
            index as u32 + 1,
            left,
            top,
            width,
            result.glyphs,
        ));
    }
    if text_glyphs == 0 {
        if images > 0 {
            return Err(ReadError::new(SCAN_CODE, Args::new()));
        }
        return Err(ReadError::new("pdf-no-text", Args::new()));
    }
    if unmapped * 2 > text_glyphs {
        return Err(ReadError::new("pdf-no-unicode-map", Args::new()));
    }
    Ok(pages)
}

fn page_content(doc: &doc::Document, page: &object::Dict) -> Result<Vec<u8>, Error> {
    let contents = doc.get_in(page, b"Contents")?;
    let mut out = Vec::new();
    let mut add = |obj: &object::Obj| -> Result<(), Error> {
        if matches!(obj, object::Obj::Stream(..)) {
            out.extend_from_slice(&doc.stream_data(obj)?);
            out.push(b'\n');
        }
        Ok(())
    };
    match &*contents {
        object::Obj::Array(items) => {
            for item in items.iter().take(10_000) {
                let obj = doc.resolve(item)?;
                add(&obj)?;
            }
        }
        other => add(other)?,
    }
    Ok(out)
}

/// Converts a PDF statement into `statement-layout`'s table (canonical CSV with each row's
/// page and line), for a caller that reads the text itself (the page's worker).
pub fn convert(bytes: &[u8], hints: &Hints) -> Result<Table, ReadError> {
    let pages = pages(bytes)?;
    statement_layout::convert(&pages, Kind::Pdf, hints)
}

/// Reads a PDF statement natively (the CLI).
pub fn read(bytes: &[u8], hints: &Hints) -> Result<Statement, ReadError> {
    let pages = pages(bytes)?;
    statement_layout::read_pages(&pages, Kind::Pdf, hints)
}
