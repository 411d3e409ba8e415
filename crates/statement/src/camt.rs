//! The camt reader (to be completed by the structured-formats work).

use crate::{Hints, ReadError, Statement};

/// Reads a whole camt file.
pub fn read(_bytes: &[u8], _hints: &Hints) -> Result<Statement, ReadError> {
    Err(ReadError::new(
        "unsupported-format",
        "this format is recognised but not read yet",
        "export CSV from your bank instead",
    ))
}
