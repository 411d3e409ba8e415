//! Cancellation guides, compiled in from `guides/*.toml` at build time (see `guides/README.md`).
#![deny(missing_docs)]

use serde::Serialize;

/// One vendor's cancellation guide (the model grows with the guides work).
#[derive(Clone, Debug, Serialize)]
pub struct Guide {
    /// The id: the file name without `.toml`.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
}

/// Every compiled-in guide, sorted by id.
pub fn all() -> &'static [Guide] {
    &[]
}

/// The guide with this id.
pub fn get(id: &str) -> Option<&'static Guide> {
    all().iter().find(|guide| guide.id == id)
}
