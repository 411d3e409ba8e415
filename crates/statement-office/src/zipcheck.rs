//! Checks a ZIP container (XLSX, ODS) before calamine opens it: the number of entries from the
//! end-of-central-directory record, then every entry's declared size, then every entry inflated
//! through a counting reader that stops at the limit — so a zip bomb costs at most
//! [`MAX_ENTRY_BYTES`] of inflation per entry and [`MAX_TOTAL_BYTES`] in all, and is refused.
//! XML parts with a document type declaration (the only way to declare entities) are refused:
//! no spreadsheet program writes one.

use crate::{damaged, encrypted, refused, Kind};
use statement::{Args, ReadError};
use std::io::{Cursor, Read};

/// The most entries an archive may have (a workbook has a few dozen).
pub const MAX_ENTRIES: usize = 4096;
/// The most bytes one entry may inflate to.
pub const MAX_ENTRY_BYTES: u64 = 128 * 1024 * 1024;
/// The most bytes all entries together may inflate to.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

fn too_big() -> ReadError {
    refused(
        "spreadsheet-too-large-unpacked",
        Args::new()
            .count("part_megabytes", (MAX_ENTRY_BYTES / (1024 * 1024)) as usize)
            .count(
                "total_megabytes",
                (MAX_TOTAL_BYTES / (1024 * 1024)) as usize,
            ),
    )
}

fn too_many() -> ReadError {
    refused(
        "spreadsheet-too-many-parts",
        Args::new().count("limit", MAX_ENTRIES),
    )
}

/// The entry count declared by the end-of-central-directory record, when one is found.
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    // The record is 22 bytes plus a comment of up to 65535 bytes, at the end of the file.
    let start = bytes.len().saturating_sub(22 + 65_535);
    let tail = &bytes[start..];
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let record = tail.get(at..at + 22)?;
    Some(usize::from(u16::from_le_bytes([record[10], record[11]])))
}

/// Searches a stream of bytes for `<!DOCTYPE` / `<!ENTITY`, across chunk boundaries.
struct DtdScan {
    tail: Vec<u8>,
    found: bool,
}

impl DtdScan {
    fn feed(&mut self, chunk: &[u8]) {
        if self.found {
            return;
        }
        let mut window = std::mem::take(&mut self.tail);
        window.extend_from_slice(chunk);
        self.found = window
            .windows(9)
            .any(|w| w == b"<!DOCTYPE" || w.starts_with(b"<!ENTITY"));
        let keep = window.len().min(8);
        self.tail = window[window.len() - keep..].to_vec();
    }
}

/// Checks the archive; for ODS returns the inflated `content.xml` (for the repeat check),
/// otherwise an empty vector.
pub fn check(bytes: &[u8], kind: Kind) -> Result<Vec<u8>, ReadError> {
    match declared_entries(bytes) {
        Some(count) if count > MAX_ENTRIES => return Err(too_many()),
        Some(_) => {}
        None => return Err(damaged(kind, "the archive's table of contents is missing")),
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(kind, e))?;
    if archive.len() > MAX_ENTRIES {
        return Err(too_many());
    }
    let mut total: u64 = 0;
    let mut declared_total: u64 = 0;
    let mut content = Vec::new();
    let mut buffer = vec![0u8; 64 * 1024];
    for index in 0..archive.len() {
        let mut entry = match archive.by_index(index) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::UnsupportedArchive(what)) if what.contains("assword") => {
                return Err(encrypted())
            }
            Err(error) => return Err(damaged(kind, error)),
        };
        if entry.encrypted() {
            return Err(encrypted());
        }
        declared_total = declared_total.saturating_add(entry.size());
        if entry.size() > MAX_ENTRY_BYTES || declared_total > MAX_TOTAL_BYTES {
            return Err(too_big());
        }
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let is_xml = name.ends_with(".xml") || name.ends_with(".rels");
        let keep = kind == Kind::Ods && name == "content.xml";
        let mut scan = DtdScan {
            tail: Vec::new(),
            found: false,
        };
        let mut inflated: u64 = 0;
        loop {
            let n = entry.read(&mut buffer).map_err(|e| damaged(kind, e))?;
            if n == 0 {
                break;
            }
            inflated += n as u64;
            total += n as u64;
            if inflated > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES {
                return Err(too_big());
            }
            if is_xml {
                scan.feed(&buffer[..n]);
                if scan.found {
                    return Err(refused(
                        "spreadsheet-dtd",
                        Args::new().text("part", name.to_string()),
                    ));
                }
            }
            if keep {
                content.extend_from_slice(&buffer[..n]);
            }
        }
    }
    Ok(content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_finds_a_doctype_cut_by_a_chunk_end() {
        let mut scan = DtdScan {
            tail: Vec::new(),
            found: false,
        };
        scan.feed(b"<?xml version=\"1.0\"?><!DOC");
        assert!(!scan.found);
        scan.feed(b"TYPE x [<!ENTITY a \"b\">]>");
        assert!(scan.found);
    }
}
