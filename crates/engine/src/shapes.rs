//! The engine's cache from descriptor shape to descriptor entry: descriptors that differ only
//! in reference numbers (`AMZN Mktp US*…`, `SPOTIFY P…`, `COSTA COFFEE 4389 CARDIFF`) share a
//! shape, and distinct shapes are far fewer than rows, so normalising and vendor matching run
//! once per shape. Short ASCII descriptors (nearly all) go by a key built in registers
//! ([`normalise::ShapeKey`]), the others by the shape text.

use crate::fast_hash::FastMap;
use crate::normalise::{self, ShapeKey};

/// Shape → entry index.
#[derive(Default)]
pub(crate) struct ShapeCache {
    by_key: FastMap<ShapeKey, u32>,
    by_text: FastMap<Box<[u8]>, u32>,
    buffer: Vec<u8>,
}

impl ShapeCache {
    /// The entry of a descriptor with the same shape seen before.
    ///
    /// Not inlined on purpose: this runs once per row, and a function called a million times
    /// is soon optimised by the browser's wasm compiler, while the long single call of the
    /// whole analysis would run its first time in the baseline compiler's code throughout.
    #[inline(never)]
    pub(crate) fn get(&mut self, description: &str) -> Option<u32> {
        match normalise::shape_key(description) {
            Some(key) => self.by_key.get(&key).copied(),
            None => {
                normalise::shape_bytes(description, &mut self.buffer);
                self.by_text.get(self.buffer.as_slice()).copied()
            }
        }
    }

    /// Remembers the entry of a descriptor's shape.
    pub(crate) fn insert(&mut self, description: &str, entry: u32) {
        match normalise::shape_key(description) {
            Some(key) => {
                self.by_key.insert(key, entry);
            }
            None => {
                normalise::shape_bytes(description, &mut self.buffer);
                self.by_text.insert(self.buffer.as_slice().into(), entry);
            }
        }
    }
}
