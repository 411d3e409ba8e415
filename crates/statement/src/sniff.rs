//! Decides a file's format from its first bytes.

use crate::{Format, ReadError};

/// Decides the format from the first bytes of a file. `complete` is true when `prefix` is the
/// whole file.
pub fn sniff(prefix: &[u8], complete: bool) -> Result<Format, ReadError> {
    let _ = complete;
    if prefix.is_empty() {
        return Err(ReadError::new(
            "empty-file",
            "the file is empty (0 bytes)",
            "export the statement again from your bank; the download may have failed",
        ));
    }
    Ok(Format::Csv)
}
