//! A small, fast, non-cryptographic hasher for the engine's per-row maps (the Fx hash used by
//! rustc). The keys come from the person's own file, so hash flooding is not a threat worth
//! SipHash's cost on a million rows.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The Fx hash: rotate, xor, multiply, one machine word at a time.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        // `split_first_chunk` is a plain load; `copy_from_slice` stays a call in the
        // size-optimised wasm build.
        let mut rest = bytes;
        while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            rest = after;
        }
        if !rest.is_empty() {
            let mut word = 0u64;
            for (position, byte) in rest.iter().enumerate() {
                word |= u64::from(*byte) << (8 * position);
            }
            self.add(word);
        }
    }

    #[inline(always)]
    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }

    #[inline(always)]
    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }

    #[inline(always)]
    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    #[inline(always)]
    fn write_i64(&mut self, value: i64) {
        self.add(value as u64);
    }

    #[inline(always)]
    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    #[inline(always)]
    fn finish(&self) -> u64 {
        self.hash
    }
}
